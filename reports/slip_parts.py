"""Small flowables of the resident slips (the cut line, one-line headings, the table)
and what a cell of a slip's table holds.

Kept apart from reports/slips.py so that module stays about what a slip says; these are
about drawing cheaply and safely (a heading that fits is drawn as strings, not wrapped as
a Paragraph; a cell that fits its column is a plain string, measured once per printout:
a village prints 2,000 slips).
"""

from __future__ import annotations

from functools import lru_cache

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Flowable, KeepTogether, Paragraph
from reportlab.platypus.flowables import _listWrapOn
from reportlab.platypus.tables import CellStyle

from reports.document import Styles, mm
from reports.fonts import escape, printable, register, width
from reports.tabletext import MEMO_LIMIT, TextTable, text_out, typeset
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
        """From the document's one drawing of the line (a form XObject), placed: a
        village's slips have 4,000 cut lines, each otherwise its dashes and words set."""
        if not self.height:
            return
        c, name = self.canv, f"vbcut{round(self.width * 100)}_{round(self.size * 100)}"
        if not c.hasForm(name):  # the first cut line of its width in this document
            edge = 7 * mm
            c.beginForm(name, -edge - 1, -1, self.width + edge + 1, self.size + 1 * mm + 2)
            c.setDash(3, 3)
            c.setStrokeGray(0.5)
            c.line(-edge, 0, self.width + edge, 0)
            c.setFont(register(), self.size)
            c.setFillGray(0.5)
            c.drawRightString(self.width, 1 * mm, t("p.cut"))
            c.endForm()
        c.translate(0, self.height / 2)  # inside the flowable's own saved state
        c.doForm(name)


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
        """As one text object, each run set once per document (a slip's title is the
        same on every slip: reports/tabletext.py)."""
        x, base = 0.0, self.height - max(style.fontSize for _, style in self.runs)
        words, memo = self.canv.beginText(), typeset(self.canv)
        for text, style in self.runs:
            words.setFont(style.fontName, style.fontSize)
            words.setFillColor(style.textColor)
            words.setTextOrigin(x, base + style.fontSize * 0.12)
            x += text_out(words, memo, text) + self.gap
        self.canv.drawText(words)


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


@lru_cache(maxsize=4096)
def measured(text: str, size: float) -> tuple[str, float]:
    """What a cell prints and how wide: days, categories and gatherers repeat thousands
    of times in a village's slips, so each is measured once."""
    shown = printable(text)
    return shown, width(shown, size)


def cell(text: str, style, room: float, strike: bool = False):
    """A cell's content: the plain string when it fits on one line (fast to lay out and
    draw, thousands per printout), else a Paragraph that wraps."""
    shown, wide = measured(str(text or ""), style.fontSize)
    fits = wide <= room
    if fits and not strike:
        return shown
    markup = f"<strike>{safe(text)}</strike>" if strike else safe(text)
    if fits:  # one line: no room kept for a hanging bracket
        style = ParagraphStyle("struck", parent=style, rightIndent=0)
    return Paragraph(markup, style)


class Cells:
    """A printout's memo of the cells of its slips' tables that fit their columns."""

    def __init__(self):
        self.fits: dict[tuple, str | None] = {}  # (text, size, room): the string if it fits
        self.units: dict[str, str] = {}

    def unit(self, kind: str) -> str:
        unit = self.units.get(kind)
        if unit is None:
            unit = self.units[kind] = t("unit." + kind)
        return unit

    def fitting(self, text: str, style, room: float):
        """cell(text, style, room), the strings that fit remembered: a slip's days,
        categories, figures and gatherers repeat all through a printout."""
        key = (text, style.fontSize, room)
        shown = self.fits.get(key, False)
        if shown is False:
            shown, wide = measured(str(text or ""), style.fontSize)
            if len(self.fits) >= MEMO_LIMIT:
                self.fits.clear()
            shown = self.fits[key] = shown if wide <= room else None
        return cell(text, style, room) if shown is None else shown


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


class SlipTable(TextTable):
    """A slip's table, its strings drawn as one text object (reports/tabletext.py).

    Splits keep this class (reportlab uses __class__) and share the rows' cell styles
    (cell_row). Its size depends on the width only (fixed column widths), so it is
    measured once, not at every wrap (KeepTogether's and the frame's); and a row of
    one-line strings is as tall as its cell style says (Table would work that out cell by
    cell), so only rows with a Paragraph are measured."""

    def wrap(self, available_width, available_height):
        if getattr(self, "_measured_at", None) != available_width:
            self._argH = self._rowHeights = [h if h is not None or not all(
                isinstance(v, str) and "\n" not in v for v in row)
                else look[0].leading + look[0].topPadding + look[0].bottomPadding
                for h, row, look in zip(self._argH, self._cellvalues, self._cellStyles,
                                        strict=True)]
            super().wrap(available_width, available_height)
            self._measured_at = available_width
        self.availWidth = available_width
        return self._width, self._height


class WholeSlip(KeepTogether):
    """A slip kept together, drawn as one flowable where it fits. KeepTogether always
    hands the frame its parts to measure and place again one by one (a village's 4,500
    slips, three parts each); where the slip does not fit, it splits exactly as
    KeepTogether does (on to the next page, or by rows when longer than a page)."""

    def wrap(self, available_width, available_height):
        dims: list[tuple[float, float]] = []
        width, height = _listWrapOn(self._content, available_width, self.canv, dims=dims)
        self._H, self._H0 = height, dims[0][1] if dims else 0
        self._wrapInfo, self._dims = (available_width, available_height), dims
        self.width = width
        return width, height

    def draw(self):
        """The parts top down, spaced as _listWrapOn measured them."""
        y, after = self._H, None
        for part, (_, height) in zip(self._content, self._dims, strict=True):
            if after is not None:
                y -= max(part.getSpaceBefore() - after, 0)
            y -= height
            part.drawOn(self.canv, 0, y)
            after = part.getSpaceAfter()

