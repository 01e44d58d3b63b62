"""Items poured down n columns, then across, then onto the next page: a newspaper flow.

platypus has BalancedColumns, but it wraps each column in a KeepInFrame that may shrink
what does not fit, and it searches for a balance by laying the whole rest out again and
again; a board of 2,000 rows wants neither. Here each item (a resident's row, a household
block) has a fixed width and never splits, so a page is filled greedily, column by
column, and only the last page of a flow is balanced (its columns end at about the same
height). Every item must fit in a whole column; the board makes sure of that.
"""

from __future__ import annotations

from reportlab.platypus import Flowable

EPSILON = 0.01


def _fill(heights: list[float], start: int, height: float, ncols: int) -> tuple[list, int]:
    """Greedy columns of items from start, none taller than height: (columns, next index)."""
    columns: list[list[int]] = [[] for _ in range(ncols)]
    col, used, i = 0, 0.0, start
    while i < len(heights):
        h = heights[i]
        if used + h > height + EPSILON:
            if col + 1 == ncols or not columns[col] and h > height + EPSILON:
                break
            col, used = col + 1, 0.0
            continue
        columns[col].append(i)
        used += h
        i += 1
    return columns, i


class Columns(Flowable):
    """A flow of fixed-width items in ncols columns, gap apart; splits between items."""

    def __init__(self, items: list[Flowable], column_width: float, ncols: int = 2,
                 gap: float = 0.0, layout: list[list[int]] | None = None,
                 heights: list[float] | None = None):
        super().__init__()
        self.items, self.column_width, self.ncols, self.gap = items, column_width, ncols, gap
        self.heights = heights or [item.wrap(column_width, 1e9)[1] for item in items]
        self.layout = layout  # fixed columns (indexes into items): a piece already placed
        self._drawn: list[list[int]] = []

    def _column_height(self, column: list[int]) -> float:
        return sum(self.heights[i] for i in column)

    def _balanced(self, limit: float) -> list[list[int]] | None:
        """The lowest columns (within limit) that hold every item, or None."""
        columns, end = _fill(self.heights, 0, limit, self.ncols)
        if end < len(self.items):
            return None
        low = max(max(self.heights, default=0.0), sum(self.heights) / self.ncols)
        high = max(self._column_height(c) for c in columns)
        while high - low > 0.5:
            middle = (low + high) / 2
            trial, end = _fill(self.heights, 0, middle, self.ncols)
            if end == len(self.items):
                columns, high = trial, max(self._column_height(c) for c in trial)
            else:
                low = middle
        return columns

    def wrap(self, available_width, available_height):
        """Our height: balanced if everything fits here, else more than is available (so
        the frame splits us). Nothing is kept but the columns to draw with, so the same
        story could be laid out again."""
        columns = self.layout
        if columns is None:
            total = sum(self.heights)
            if total / self.ncols > available_height + EPSILON:
                return available_width, total / self.ncols
            columns = self._balanced(available_height)
            if columns is None:
                return available_width, total
        self._drawn = columns
        self.width = available_width
        self.height = max((self._column_height(c) for c in columns), default=0.0)
        return self.width, self.height

    def split(self, available_width, available_height):
        if self.layout is not None:
            return []
        columns, end = _fill(self.heights, 0, available_height, self.ncols)
        if end == 0:
            return []  # nothing fits under what is already on this page: next page
        placed = Columns(self.items, self.column_width, self.ncols, self.gap, columns,
                         self.heights)
        rest = Columns(self.items[end:], self.column_width, self.ncols, self.gap,
                       heights=self.heights[end:])
        return [placed, rest]

    def draw(self):
        for n, column in enumerate(self._drawn):
            x, y = n * (self.column_width + self.gap), self.height
            for i in column:
                y -= self.heights[i]
                self.items[i].drawOn(self.canv, x, y)
