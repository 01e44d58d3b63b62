"""The categories on one line or two: 1 义务劳动 2 现金捐赠 ... with the chosen one lit.

It only draws: the record form (tui/record_form.py) takes the digits, ← → and Enter.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

from villagebook.catalogue import Category
from villagebook.texttable import cell_width


class CategoryPicker(Static, can_focus=True):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.categories: list[Category] = []
        self.selected: Category | None = None

    def show(self, categories: list[Category], selected: Category | None) -> None:
        self.categories, self.selected = categories, selected
        self.draw()

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
            style = "reverse bold" if cat == self.selected else ""
            text.append(digit, style="bold " + style)
            text.append(f" {cat.name} ", style=style)
            text.append(" ")
            used += cell_width(item) + 1
        self.update(text)

    def on_resize(self) -> None:
        self.draw()
