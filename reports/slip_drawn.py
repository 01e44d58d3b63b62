"""A slip that fits a page and holds only one-line strings, drawn as one flowable.

Nearly every slip of a village is such a slip: a title, a name, a dozen entries that
each fit their columns, the totals. As platypus parts (two headings and a Table kept
together) each slip is measured span by span and cell by cell and drawn as three
flowables; here it is measured by adding its rows' heights and drawn as one path of
lines and one text object, placed exactly where the parts would be (the same
positions: reports/slip_parts.py's OneLine, Table's cells and lines). A slip with a
Paragraph (a struck-through void, a wrapping note or name), a multi-line string or more
rows than a page holds is drawn by the parts, which wrap and split (reports/slips.py).
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Flowable

from reports.slip_parts import OneLine
from reports.tabletext import MEMO_LIMIT, text_out, typeset

ROUND = 1  # the line cap and join Table draws its lines with (TableStyle's default)


DRAWN = {"LINEBELOW", "LINEABOVE"}  # the table's commands drawn here, across its width
UNSEEN = {"SPAN", "NOSPLIT"}  # and those that change nothing a one-page slip of strings shows


def plain(parts: list, rows: list[list], looks: list[list], commands: list[tuple]) -> bool:
    """Whether a slip's parts and cells can be drawn here: headings on one line, every
    cell a left, top-aligned string of one line, a row's cells in one style, and the
    table's commands only rules across its whole width, spans and NOSPLIT."""
    if not all(isinstance(part, OneLine) for part in parts):
        return False
    for op, (first, _), (last, _), *_ in commands:
        if op not in UNSEEN and (op not in DRAWN or (first, last) != (0, -1)):
            return False
    for row in rows:
        for value in row:
            if value.__class__ is not str or "\n" in value:
                return False
    for look in dict.fromkeys(map(tuple, looks)):  # a few kinds of row, shared
        if any(style is not look[0] for style in look) or (
                look[0].alignment, look[0].valign) != ("LEFT", "TOP"):
            return False
    return True


def row_heights(looks: list[list]) -> list[float]:
    """Each row's height as the slip's Table gives a row of one-line strings
    (reports/slip_parts.SlipTable): its cell style's leading and paddings."""
    return [look[0].leading + look[0].topPadding + look[0].bottomPadding for look in looks]


class _Words:
    """A text object written left to right, top down: each string placed by a move from
    the last one (Td), the same few moves formatted once per printout, and written from
    the document's memo of strings already set (reports/tabletext.py)."""

    def __init__(self, canv):
        self.words, self.memo = canv.beginText(), typeset(canv)
        self.moves = canv.__dict__.setdefault("_vb_moves", {})
        self.font = self.color = self.at = None

    def pen(self, font: tuple, color) -> None:
        """The font (name, size, leading) and colour of what is put next; the same
        objects again cost nothing (a slip's rows share their cell styles)."""
        words = self.words
        if font is not self.font and font != self.font:
            words.setFont(*font)
            self.font = font
        if color is not self.color:
            words.setFillColor(color)
            self.color = color

    def put(self, x: float, y: float, text: str) -> float:
        """Write text at (x, y) with the pen; its width."""
        words, at = self.words, self.at
        if at is None:
            words.setTextOrigin(x, y)
        else:
            move = (x - at[0], y - at[1])
            op = self.moves.get(move)
            if op is None:
                if len(self.moves) >= MEMO_LIMIT:  # (a few dozen in a village's slips)
                    self.moves.clear()
                op = self.moves[move] = f"{fp_str(*move)} Td"
            words._code.append(op)
            words._x0, words._y0 = x, y  # the line's start, as moveCursor keeps it
        self.at = (x, y)
        return text_out(words, self.memo, text)


class DrawnSlip(Flowable):
    """Headings (OneLine) above a table of one-line strings, in rows whose cell styles
    (reports/slip_parts.cell_row) say their font and paddings, with full-width lines
    from the table's LINEBELOW and LINEABOVE commands."""

    def __init__(self, headings: list[OneLine], rows: list[list[str]], looks: list[list],
                 widths: list[float], lines: list[tuple]):
        super().__init__()
        self.headings, self.rows, self.looks, self.lines = headings, rows, looks, lines
        self.heights = row_heights(looks)
        self.columns = [0.0]
        for wide in widths:
            self.columns.append(self.columns[-1] + wide)
        self.width = self.columns[-1]
        self.height = sum(h.height for h in headings) + sum(self.heights)

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def _lines(self, top: float) -> None:
        """The table's rules, each row's top and bottom measured from the table's top."""
        c, edges = self.canv, [top]
        for height in self.heights:
            edges.append(edges[-1] - height)
        c.saveState()
        c.setLineCap(ROUND)
        c.setLineJoin(ROUND)
        weight = color = None
        for op, (_, first), (_, last), line_weight, line_color in self.lines:
            if line_color != color:
                c.setStrokeColor(line_color)
                color = line_color
            if line_weight != weight:
                c.setLineWidth(line_weight)
                weight = line_weight
            below = op == "LINEBELOW"
            for r in range(first, last + 1):
                y = edges[r + 1] if below else edges[r]
                c.line(0, y, self.width, y)
        c.restoreState()

    def draw(self):
        top, words = self.height, _Words(self.canv)
        for heading in self.headings:  # as OneLine.draw places its runs
            top -= heading.height
            x, base = 0.0, top + heading.height - max(s.fontSize for _, s in heading.runs)
            for text, style in heading.runs:
                words.pen((style.fontName, style.fontSize, None), style.textColor)
                x += words.put(x, base + style.fontSize * 0.12, text) + heading.gap
        self._lines(top)
        pens = {}
        for row, look, height in zip(self.rows, self.looks, self.heights, strict=True):
            style = look[0]  # a row's cells share one style (slip_parts.cell_row)
            pen = pens.get(id(style))
            if pen is None:
                pen = pens[id(style)] = ((style.fontname, style.fontsize, style.leading),
                                         style.color, style.leftPadding,
                                         style.topPadding + style.fontsize)
            words.pen(pen[0], pen[1])
            words.at = None  # each row's first string placed where it is (Tm), as
            y = top - pen[3]  # TextTable does: rounded moves would add up down a slip
            for value, x in zip(row, self.columns, strict=False):
                if value:
                    words.put(x + pen[2], y, value)
            top -= height
        self.canv.saveState()  # the text object's colours stay inside it
        self.canv.drawText(words.words)
        self.canv.restoreState()
