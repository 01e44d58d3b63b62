"""The keys of the screen on one line at the bottom: the Footer's job at a fraction of its
cost (Textual's Footer mounts a widget per key; this is one line of text)."""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 1; background: $panel; color: $text-muted; }
    """

    def on_mount(self) -> None:
        self.show_keys()

    def show_keys(self) -> None:
        """The screen's keys, then the app's, as the current language words them."""
        text = Text(no_wrap=True, overflow="crop")
        seen = set()  # one binding for two keys ("[" and "p") is shown once
        for node in (self.screen, self.app):
            for bindings in node._bindings.key_to_bindings.values():
                for binding in bindings:
                    if binding.show and binding.description and binding.action not in seen:
                        seen.add(binding.action)
                        key = binding.key_display or self.app.get_key_display(binding)
                        text.append(f" {key} ", style="bold")
                        text.append(f"{binding.description} ")
        self.update(text)
