"""One resident's row on the board, and a household's block of rows, as flowables.

A row is three areas side by side, sized once per board (`Look`): the name (as wide as
the board's widest name, within 3 to 5 characters at full size), the star-and-flag
marks, and the points, right-aligned, as wide as the board's widest figure. The marks
never reach into the points: whatever does not fit the marks area is drawn shorter, the
same way for every row from that count up (`Marks`), so more points never look like
fewer. A long name shrinks to fit its area, down to a minimum size, then wraps.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from reports import shapes
from reports.board_marks import Marks, sizes
from reports.fonts import printable, register, width, wrap
from villagebook.quantities import fmt_points

NAME, NAME_MIN, SMALL, POINTS = 16, 12, 10, 14  # points on A4 (scaled by √2 on A3)
PAD, GAP = 1.8 * mm, 2.5 * mm
NAME_CHARS = (3, 5)  # the name area holds this many characters at full size, at least/most


class Look:
    """Sizes shared by every row of one board: areas, type, marks."""

    def __init__(self, lines, column_width: float, scale: float, mono: bool,
                 spf: int):
        self.scale, self.mono, self.column_width = scale, mono, column_width
        self.name, self.name_min = NAME * scale, NAME_MIN * scale
        self.small, self.points = SMALL * scale, POINTS * scale
        self.pad, self.gap = PAD * scale, GAP * scale
        widest = max((width(printable(ln.name), self.name) for ln in lines), default=0.0)
        low, high = (n * self.name for n in NAME_CHARS)
        self.name_width = min(max(widest, low), high)
        self.points_width = max((width(fmt_points(ln.points_c), self.points) for ln in lines),
                                default=0.0)
        self.marks_x = self.name_width + self.gap
        self.points_x = column_width - self.points_width
        self.marks = Marks(lines, self.points_x - self.gap - self.marks_x, scale, spf)
        self.band = max(self.name * 1.2, sizes(scale)["flag_h"] * 1.15)


def fit(text: str, size: float, smallest: float, room: float) -> tuple[float, list[str]]:
    """Text at the largest size down to smallest that fits room on one line, else
    wrapped at smallest: (size, lines)."""
    natural = width(text, size)
    if natural <= room:
        return size, [text]
    shrunk = size * room / natural
    if shrunk >= smallest:
        return shrunk * 0.999, [text]
    return smallest, wrap(text, smallest, room)


class ResidentRow(Flowable):
    """A resident: name (and household when the name is not unique), marks, points.

    After drawing, `drawn` holds the areas it used on the page (absolute x from, to) so
    a test can check them against the PDF's own text positions."""

    def __init__(self, line, look: Look, household: bool = False):
        super().__init__()
        self.line, self.look = line, look
        self.name_size, self.name_lines = fit(printable(line.name), look.name,
                                              look.name_min, look.name_width)
        self.house_size, self.house_lines = (
            fit(printable(line.household or "—"), look.small, look.small * 0.7,
                look.name_width) if household else (0.0, []))
        more_names = (len(self.name_lines) - 1) * self.name_size * 1.2
        houses = (len(self.house_lines) * self.house_size * 1.2 + self.name_size * 0.25
                  if self.house_lines else 0.0)
        self.height = 2 * look.pad + look.band + more_names + houses
        self.width = look.column_width
        self.drawn: dict = {}

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        c, look = self.canv, self.look
        font = register()
        middle = self.height - look.pad - look.band / 2  # the first line's centre
        c.setFillGray(0)
        c.setFont(font, self.name_size)
        y = middle - self.name_size * 0.36
        for n, text in enumerate(self.name_lines):
            c.drawString(0, y - n * self.name_size * 1.2, text)
        y -= (len(self.name_lines) - 1) * self.name_size * 1.2 + self.name_size * 0.25
        c.setFillGray(0.35)
        for text in self.house_lines:
            y -= self.house_size * 1.2
            c.setFont(font, self.house_size)
            c.drawString(0, y, text)
        end = look.marks.draw(c, self.line, look.marks_x, middle, look.mono)
        c.setFillGray(0.15)
        c.setFont(font, look.points)
        points = fmt_points(self.line.points_c)
        c.drawRightString(self.width, middle - look.points * 0.36, points)
        c.setStrokeGray(0.85)
        c.setLineWidth(0.4)
        c.line(0, 0, self.width, 0)
        self._record(look.marks_x, end, self.width - width(points, look.points), middle)

    def _record(self, marks_from, marks_to, points_from, middle):
        page, (x0, y) = self.canv.getPageNumber(), self.canv.absolutePosition(0, middle)
        self.drawn = {"page": page, "y": y, "name": (x0, x0 + self.look.name_width),
                      "marks": (x0 + marks_from, x0 + marks_to),
                      "points": (x0 + points_from, x0 + self.width)}


class HouseholdBlock(Flowable):
    """A household's heading and its rows, kept together in one column; a household
    too long for a column comes as several blocks, the later ones headed "（续）"."""

    def __init__(self, heading: str, rows: list[ResidentRow], look: Look, accent):
        super().__init__()
        self.heading, self.rows, self.look, self.accent = heading, rows, look, accent
        self.size = look.small * 1.2
        self.head = self.size * 1.45
        self.after = 2 * mm * look.scale
        self.width = look.column_width
        self.height = self.head + sum(r.height for r in rows) + self.after

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        c = self.canv
        c.setFillColorRGB(*self.accent)
        c.setStrokeColorRGB(*self.accent)
        c.setFont(register(), self.size)
        top = self.height
        c.drawString(0, top - self.size * 1.05, printable(self.heading))
        c.setLineWidth(0.8 * self.look.scale)
        c.line(0, top - self.head + 1, self.width, top - self.head + 1)
        y = top - self.head
        for row in self.rows:
            y -= row.height
            row.drawOn(c, 0, y)


def household_blocks(heading: str, continued: str, rows: list[ResidentRow], look: Look,
                     accent, room: float) -> list[HouseholdBlock]:
    """The household as blocks no taller than room (a whole column)."""
    blocks, chunk, used = [], [], 0.0
    frame = HouseholdBlock(heading, [], look, accent).height  # heading and space after
    for row in rows:
        if chunk and frame + used + row.height > room:
            blocks.append(HouseholdBlock(continued if blocks else heading, chunk, look,
                                         accent))
            chunk, used = [], 0.0
        chunk.append(row)
        used += row.height
    blocks.append(HouseholdBlock(continued if blocks else heading, chunk, look, accent))
    return blocks


__all__ = ["HouseholdBlock", "Look", "ResidentRow", "fit", "household_blocks", "shapes"]
