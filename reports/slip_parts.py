"""Small flowables of the resident slips: the cut line, one-line headings, the table.

Kept apart from reports/slips.py so that module stays about what a slip says; these are
about drawing cheaply and safely (a heading that fits is drawn as strings, not wrapped as
a Paragraph: a village prints 2,000 slips).
"""

from __future__ import annotations

from reportlab.platypus import Flowable, Paragraph, Table
from reportlab.platypus.tables import CellStyle

from reports.document import Styles, mm
from reports.fonts import escape, printable, register, width
from villagebook.i18n import t

CUT_GAP = 9 * mm  # room for the cut line between two slips


def safe(value) -> str:
    """Text safe inside a Paragraph: characters the font lacks as □, markup escaped, and
    a full-width space kept (a Paragraph would fold it into one narrow space)."""
    return escape(printable(str(value or ""))).replace("\u3000", "\xa0" * 3)


class CutLine(Flowable):
    """The dashed line to cut along between two slips; nothing at the top of a page,
    where there is nothing above it to cut off."""

    def __init__(self, styles: Styles):
        super().__init__()
        self.gap, self.size = styles.size(CUT_GAP), styles.size(7)

    def wrap(self, available_width, available_height):
        frame = getattr(self, "_frame", None)
        at_top = frame is not None and frame._atTop
        self.width, self.height = available_width, 0 if at_top else self.gap
        return self.width, self.height

    def draw(self):
        if not self.height:
            return
        c, y = self.canv, self.height / 2
        c.saveState()
        c.setDash(3, 3)
        c.setStrokeGray(0.5)
        c.line(-7 * mm, y, self.width + 7 * mm, y)
        c.setFont(register(), self.size)
        c.setFillGray(0.5)
        c.drawRightString(self.width, y + 1 * mm, t("p.cut"))
        c.restoreState()


class OneLine(Flowable):
    """A heading line of a few runs (text, style) that fits the width: drawn as strings,
    which costs a fraction of a Paragraph's wrapping on a printout of 2,000 slips."""

    def __init__(self, runs: list[tuple[str, object]], gap: float):
        super().__init__()
        self.runs, self.gap = runs, gap
        self.height = max(style.leading for _, style in runs)
        self.keepWithNext = 1

    def wrap(self, available_width, available_height):
        return available_width, self.height

    def draw(self):
        x, base = 0.0, self.height - max(style.fontSize for _, style in self.runs)
        for text, style in self.runs:
            self.canv.setFont(style.fontName, style.fontSize)
            self.canv.setFillColor(style.textColor)
            self.canv.drawString(x, base + style.fontSize * 0.12, text)
            x += width(text, style.fontSize) + self.gap


def heading(runs: list[tuple[str, object]], room: float, gap: float):
    """One line of runs when it fits, else a Paragraph that wraps (a 40-character name)."""
    runs = [(printable(words), style) for words, style in runs if words]
    if sum(width(words, style.fontSize) for words, style in runs) + gap * len(runs) <= room:
        return OneLine(runs, gap)
    markup = "\xa0\xa0\xa0".join(f'<font size="{style.fontSize:.1f}">{safe(words)}</font>'
                                 for words, style in runs)
    para = Paragraph(markup, runs[0][1])
    para.keepWithNext = 1
    return para


def cell_row(style, color, pad: float, columns: int) -> list[CellStyle]:
    """A table row's cell styles: one CellStyle (font, colour, padding, top-aligned) for
    all its cells. A printout makes a few and every row of every slip shares them, where
    TableStyle commands set each cell's own (850,000 settings for a village). Shared, so
    never changed: a slip's TableStyle holds only lines, spans and NOSPLIT."""
    look = CellStyle(f"{style.fontSize:.1f}")
    look.fontname, look.fontsize, look.leading = style.fontName, style.fontSize, style.leading
    look.color, look.valign = color, "TOP"
    look.leftPadding = look.rightPadding = look.topPadding = look.bottomPadding = pad
    return [look] * columns


class SlipTable(Table):
    """A slip's table, drawn with one text object for all its cells.

    Splits keep this class (reportlab uses __class__) and share the rows' cell styles
    (cell_row). Its size depends on the width only (fixed column widths), so it is
    measured once, not at every wrap (KeepTogether's and the frame's)."""

    def wrap(self, available_width, available_height):
        if getattr(self, "_measured_at", None) != available_width:
            super().wrap(available_width, available_height)
            self._measured_at = available_width
        self.availWidth = available_width
        return self._width, self._height

    def draw(self):
        self._words, self._look, self._at = self.canv.beginText(), None, (0.0, None)
        self._typeset = typeset(self.canv)
        super().draw()
        self.canv.saveState()  # the text object's colours stay inside it
        self.canv.drawText(self._words)
        self.canv.restoreState()

    def _drawCell(self, value, style, pos, size):
        """A plain string cell goes into one text object for the whole table (a string
        drawn on its own costs a text object each: 100,000 of them for a village). A row's
        first cell is placed by its coordinates (Tm), the next ones by a move along the
        line (Td): one number to format, not two, where formatting numbers is a large share
        of the drawing."""
        if not isinstance(value, str):
            return super()._drawCell(value, style, pos, size)
        if not value:
            return None
        words, look = self._words, self._look
        if style is not look:  # rows share their CellStyle (cell_row)
            if look is None or (style.fontname, style.fontsize, style.leading) != (
                    look.fontname, look.fontsize, look.leading):
                words.setFont(style.fontname, style.fontsize, style.leading)
            if look is None or style.color != look.color:
                words.setFillColor(style.color)
            self._look = style
        x = pos[0] + style.leftPadding  # as Table draws LEFT, TOP cells
        y = pos[1] + size[1] - style.topPadding - style.fontsize
        if y == self._at[1]:
            words.moveCursor(x - self._at[0], 0)
        else:
            words.setTextOrigin(x, y)
        self._at = (x, y)
        key = (words._fontname, words._fontsize, words._leading, words._curSubset, value)
        done = self._typeset.get(key)
        if done is None:  # textOut, kept: the operators, the font subset after, the advance
            x0 = words._x
            words.textOut(value)
            done = self._typeset[key] = (words._code[-1], words._curSubset, words._x - x0)
        else:
            words._code.append(done[0])
            words._curSubset = done[1]
            words._x += done[2]
        return None


def typeset(canv) -> dict:
    """The text operators of strings already set in this document, by font, size, leading,
    font subset before, and string (what reportlab's textOut writes depends on nothing
    else, once the string's characters have their codes in the document's subsets): days,
    categories, quantities and gatherers repeat 40,000 times in a village's slips, and
    setting a string (codes, escapes, width) is a fifth of the printout's time."""
    memo = canv.__dict__.get("_vb_typeset")
    if memo is None:
        memo = canv._vb_typeset = {}
    return memo
