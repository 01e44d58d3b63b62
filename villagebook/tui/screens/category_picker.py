"""Pick a category with one digit: 1 义务劳动 2 现金捐赠 ... (left/right work too)."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.message import Message
from textual.widgets import Static

from villagebook.catalogue import Category
from villagebook.texttable import cell_width
from villagebook.tui.typeahead import pass_on


class CategoryPicker(Static, can_focus=True):
    """Keys are handled in on_key, in order with keys typed ahead (see typeahead.py)."""

    def __init__(self, on_chosen: Callable[[Category], None], **kwargs):
        """on_chosen is called at once (not by message), so the focus moves before the
        next key typed ahead arrives."""
        super().__init__(**kwargs)
        self.on_chosen = on_chosen
        self.categories: list[Category] = []
        self.index: int | None = None

    def set_categories(self, categories: list[Category]) -> None:
        kept = self.selected.code if self.selected else None
        self.categories = categories
        codes = [c.code for c in self.categories]
        self.index = codes.index(kept) if kept in codes else None
        self.draw()

    @property
    def selected(self) -> Category | None:
        return None if self.index is None else self.categories[self.index]

    def draw(self) -> None:
        """The items on as many lines as needed, never splitting "6 无偿献血" in two."""
        limit = max(20, (self.size.width or 70) - 1)
        text, used = Text(), 0
        for i, cat in enumerate(self.categories):
            digit = str(i + 1) if i < 9 else "0" if i == 9 else "·"
            item = f"{digit} {cat.name} "
            if used and used + cell_width(item) > limit:
                text.append("\n")
                used = 0
            style = "reverse bold" if i == self.index else ""
            text.append(digit, style="bold " + style)
            text.append(f" {cat.name} ", style=style)
            text.append(" ")
            used += cell_width(item) + 1
        self.update(text)

    def on_resize(self) -> None:
        self.draw()

    def on_key(self, event) -> None:
        if pass_on(self, event):
            return
        moves = {"left": -1, "right": 1}
        if event.key in moves:
            event.stop()
            self.action_move(moves[event.key])
        elif event.key == "enter":
            event.stop()
            self.action_choose()
        elif event.character and event.character.isdigit():
            number = int(event.character) or 10  # 1-9, then 0 for the tenth; ←→ reach all
            if number <= len(self.categories):
                event.stop()
                self.index = number - 1
                self.draw()
                self.on_chosen(self.categories[self.index])

    def action_move(self, step: int) -> None:
        if self.categories:
            self.index = ((self.index if self.index is not None else -step) + step) % len(
                self.categories)
            self.draw()
            self.post_message(self.Changed())

    def action_choose(self) -> None:
        if self.selected:
            self.on_chosen(self.selected)

    class Changed(Message):
        """The highlighted category moved; the preview follows."""
