"""Show the book's text exactly as typed: a note like "[/]" or "[x2]" is not markup.

Textual reads plain strings in tables as console markup; a table fed from the book
wraps every cell in a rich Text, and every Label and Static is made with markup=False.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import DataTable


def plain(value) -> Text:
    return value if isinstance(value, Text) else Text(str(value))


class PlainTable(DataTable):
    def add_row(self, *cells, **kwargs):
        return super().add_row(*(plain(c) for c in cells), **kwargs)

    def add_rows(self, rows):
        return [self.add_row(*row) for row in rows]
