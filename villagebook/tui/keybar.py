"""The keys at the bottom, on two lines: the screen's own keys above, the app's below.

The app's line keeps F9 (language) and F10 (help) and Ctrl+Q at its right end, where a
narrow terminal cannot cut them off; the screen switches F1-F6 take what is left. One
line of text each: the Footer's job at a fraction of its cost (it mounts a widget a key).
"""

from __future__ import annotations

from rich.cells import cell_len
from rich.text import Text
from textual.widgets import Static

PINNED = ("f9", "f10", "ctrl+q")  # never cut off


class KeyBar(Static):
    DEFAULT_CSS = """
    KeyBar { dock: bottom; height: 2; background: $panel; color: $text-muted; }
    """

    def on_mount(self) -> None:
        self.show_keys()

    def on_resize(self) -> None:
        self.show_keys()

    def show_keys(self) -> None:
        """The screen's keys, then the app's, as the current language words them."""
        width = self.size.width or 80
        hints = getattr(self.screen, "key_hints", None)
        top = Text(hints(), no_wrap=True, overflow="ellipsis") if hints else self.keys(
            self.screen)
        top.truncate(width, overflow="ellipsis")
        for gap in (" ", ""):  # tighter ("F1记录") only when the line would not fit
            pinned = Text().join(self.keys(self.app, lambda key, k=k: key == k, gap)
                                 for k in PINNED)
            pinned.rstrip()
            left = self.keys(self.app, lambda key: key not in PINNED, gap)
            if cell_len(left.plain) + cell_len(pinned.plain) <= width:
                break
        left.truncate(max(0, width - cell_len(pinned.plain)), overflow="ellipsis")
        left.pad_right(max(0, width - cell_len(left.plain) - cell_len(pinned.plain)))
        self.update(Text("\n").join([top, left + pinned]))

    def keys(self, node, wanted=lambda key: True, gap: str = " ") -> Text:
        text = Text(no_wrap=True)
        seen = set()  # one binding for two keys ("[" and "p") is shown once
        for key, bindings in node._bindings.key_to_bindings.items():
            for binding in bindings:
                if (binding.show and binding.description and binding.action not in seen
                        and wanted(key)):
                    seen.add(binding.action)
                    shown = binding.key_display or self.app.get_key_display(binding)
                    shown = shown.upper() if shown[:1] in "f^" else shown  # F1, ^Q
                    text.append(f"{shown}", style="bold reverse")
                    text.append(f"{gap}{binding.description} ")
        return text
