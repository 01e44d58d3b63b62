"""The month sheet's residents' rows, laid out a page at a time.

A LongTable of 5,000 rows splits page by page, and each split makes the rest of the table
anew (all its rows, every cell's style, its style commands): the work grows with the
square of the rows, a second of a village's sheet. RowPages hands platypus a table of
just the rows that can fill the page, from where the last page ended, and keeps the rest
as a row number: each page costs the same whatever the village's size. Every such table
has the header row, and its zebra starts as the page's first row falls: every other
resident grey, counted from the first, on every page and into the last rows (the split
LongTable started each page white, so a page of an odd number of rows put two white
rows together at the break, and its last rows, on the sheet's own count, could put two
together mid-page). Every row shares one list of cell styles (type, alignment,
padding), where TableStyle commands would set each cell's own, page after page; and
a page's strings are drawn as one text object (reports/tabletext.py).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Table, TableStyle
from reportlab.platypus.tables import CellStyle

from reports.tabletext import TextTable


class PageTable(TextTable):
    """A page's rows: heights measured only as far as the page goes (as LongTable), the
    strings drawn as one text object (reports/tabletext.py)."""

    _longTableOptimize = 1


def shared_looks(commands: list[tuple], columns: int) -> list[CellStyle]:
    """One row's cell styles as these TableStyle commands set them (reportlab's own
    reading of the commands), for every row to share; never changed after."""
    return Table([[""] * columns], style=TableStyle(commands))._cellStyles[0]


class RowPages(Flowable):
    """Rows start.. of cells under header, drawn with looks (shared_looks); style(rows,
    zebra) is a page's TableStyle without cell settings (zebra: 1 if its first row is
    grey); least: no row is shorter, so a page's table needs no more rows than fill it."""

    def __init__(self, header: list, cells: list[list], widths: list[float],
                 looks: list[CellStyle], style, least: float, start: int = 0):
        super().__init__()
        self.header, self.cells, self.widths, self.looks = header, cells, widths, looks
        self.style, self.least, self.start = style, least, start
        self._made: tuple[float, PageTable] | None = None

    def _page(self, available_width: float, available_height: float) -> PageTable:
        """A table of enough rows to overfill the height (or all that are left)."""
        if self._made and self._made[0] == available_height:
            return self._made[1]
        count = int(available_height / self.least) + 1  # the header row fills the rest
        while True:
            rows = self.cells[self.start:self.start + count]
            table = PageTable([self.header, *rows], colWidths=self.widths, repeatRows=1,
                              cellStyles=[self.looks] * (len(rows) + 1),
                              style=self.style(len(rows), self.start % 2))
            _, height = table.wrap(available_width, available_height)
            if height > available_height or self.start + count >= len(self.cells):
                self._made = (available_height, table)
                return table
            count *= 2  # rows shorter than least: never with the sheet's own figures

    def wrap(self, available_width, available_height):
        table = self._page(available_width, available_height)
        self.width, self.height = table._width, table._height
        return self.width, self.height

    def split(self, available_width, available_height):
        parts = self._page(available_width, available_height).split(available_width,
                                                                    available_height)
        if not parts:
            return []
        here = len(parts[0]._cellvalues) - 1  # less the header
        if self.start + here >= len(self.cells):
            return [parts[0]]
        return [parts[0], RowPages(self.header, self.cells, self.widths, self.looks,
                                   self.style, self.least, self.start + here)]

    def draw(self):
        self._made[1].drawOn(self.canv, 0, 0)
