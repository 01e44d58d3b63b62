"""Keys typed ahead of the screen go to the field the focus has moved to.

A quick gatherer types `msj⏎18⏎` in one burst. Textual hands each key to the widget
that had the focus when the key arrived, so without this the `18` would land in the
search box instead of the category and quantity. Form widgets move the focus at once
(Screen.set_focus, not the deferred Widget.focus) and pass on keys that are no longer
theirs.
"""

from __future__ import annotations

from textual import events


def pass_on(widget, event: events.Key) -> bool:
    """Send the key to the focused widget if that is not this one; True if it was sent."""
    target = widget.screen.focused
    if target is None or target is widget:
        return False
    event.stop()
    event.prevent_default()
    target.post_message(events.Key(event.key, event.character))
    return True
