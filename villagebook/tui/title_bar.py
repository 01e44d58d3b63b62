"""The line at the top of every screen: the village's book, the gatherer, the day; or what
the screen is busy with (a print laid out, a copy made), set as the screen's sub-title.

Textual's Header does this with three widgets of its own (an icon that opens the command
palette, which is off here, the title, a clock's space), and styling them took 10 ms of
the record screen's first frame (issue 14: < 0.35 s). This is one line of text.
"""

from __future__ import annotations

from textual.dom import NoScreen
from textual.widgets import Static


class TitleBar(Static):
    DEFAULT_CSS = """
    TitleBar { dock: top; width: 100%; height: 1; padding: 0 1; background: $panel;
               color: $foreground; text-wrap: nowrap; text-overflow: ellipsis;
               content-align: center middle; }
    """

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            for name in ("title", "sub_title"):
                self.watch(node, name, self.show_title, init=False)
        self.show_title()

    def show_title(self) -> None:
        """The screen's title and sub-title where it has its own, else the app's."""
        try:
            screen, app = self.screen, self.app
        except NoScreen:  # a title set while the bar is taken down (the app closing)
            return
        title = screen.title if screen.title is not None else app.title
        sub_title = screen.sub_title if screen.sub_title is not None else app.sub_title
        self.update(app.format_title(title, sub_title))
