"""Key descriptions in the footer follow the language, even after switching in the app.

Bindings are declared with i18n keys as descriptions ("ui.k.record"); each node keeps
those keys and rewrites its own binding map whenever the language changes.
"""

from __future__ import annotations

from dataclasses import replace

from villagebook.i18n import t


def translate_bindings(node, refresh: bool = True) -> None:
    """Rewrite node's binding descriptions in the current language (refresh=False before
    the node runs: nothing shows them yet)."""
    keys = getattr(node, "_binding_keys", None)
    if keys is None:
        keys = {id(b): b.description for bs in node._bindings.key_to_bindings.values()
                for b in bs}
        originals = {}
        for key, bindings in node._bindings.key_to_bindings.items():
            originals[key] = [(b, keys[id(b)]) for b in bindings]
        node._binding_keys = originals
    for key, pairs in node._binding_keys.items():
        node._bindings.key_to_bindings[key] = [
            replace(b, description=t(k) if k.startswith("ui.") else k) for b, k in pairs
        ]
    if refresh:
        node.refresh_bindings()
