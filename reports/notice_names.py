"""The posting notice's list of names (公示名单): every on-board resident with points,
corner by corner, three name/points pairs a row, in type a resident can read from a
step away. Kept apart from reports/notices.py (what the notice says above the list): a
township's list is 50,000 names, drawn as cheaply as the sheet's rows.
"""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, TableStyle

from reports import shapes
from reports.document import GroupEnd, GroupStart, Styles, mm
from reports.fonts import escape, printable
from reports.fonts import width as text_width
from reports.tabletext import TextTable
from villagebook.i18n import t
from villagebook.noticedata import NoticeData
from villagebook.quantities import fmt_points

RED = colors.Color(*shapes.RED)
PAIRS = 3  # name/points pairs a row: a 4-character name still fits on one line
NAME_SIZE = 16
PAD = 4  # cell padding, points on A4
TEXT_SIZE = 16


def para(text: str, style) -> Paragraph:
    return Paragraph(escape(printable(text)), style)


def _widths(data: NoticeData, st: Styles, width: float) -> list[float]:
    """Name and points columns: points as wide as the widest figure, the same for every
    corner, so the columns line up down the whole notice; names take the rest."""
    widest = max(stringWidth(text, st.font, st.size(NAME_SIZE)) for text in (
        t("p.nt_points"), *(fmt_points(ln.points_c) for ln in data.lines)))
    points_width = widest + 2 * st.size(PAD) + 2
    return [width / PAIRS - points_width, points_width] * PAIRS


class NamesTable(TextTable):
    """A LongTable whose names and points that fit one line are plain strings, drawn as
    one text object (reports/tabletext.py): a village's notice is 5,000 names, each a
    Paragraph to parse, wrap and draw before. A shared name and its household that fit
    one line are a Twin; a longer one, or a long name, is still a Paragraph that wraps."""

    _longTableOptimize = 1  # as LongTable


class Twin(Flowable):
    """A name shared with another resident, and the household that tells them apart in
    smaller type, on one line: drawn as two strings where a Paragraph was parsed and
    wrapped, again at every measure (a township has thousands of shared names)."""

    def __init__(self, name: str, household: str, style, small: float):
        super().__init__()
        self.name, self.household, self.style, self.small = name + " ", household, style, small

    def wrap(self, available_width, available_height):
        return available_width, self.style.leading  # as one line of a Paragraph

    def draw(self):
        c, style = self.canv, self.style
        base = self.style.leading - style.fontSize  # where a Paragraph puts its first line
        c.setFillColor(style.textColor)
        c.setFont(style.fontName, style.fontSize)
        c.drawString(0, base, self.name)
        c.setFont(style.fontName, self.small)
        c.drawString(text_width(self.name, style.fontSize), base, self.household)


def _rows(lines, st: Styles, dup: Counter, room: float) -> list[list]:
    """Rows of PAIRS name/points pairs, the last row filled out with empty cells."""
    name, points = st(NAME_SIZE), st(NAME_SIZE, align=TA_RIGHT)
    small = st.size(11)
    cells = []
    for ln in lines:
        text, figure = printable(ln.name), fmt_points(ln.points_c)
        house = printable(ln.household) if dup[ln.name] > 1 else ""  # same names are
        if house and text_width(text + " ", name.fontSize) + text_width(house, small) <= room:
            text = Twin(text, house, name, small)  # told apart by their household
        elif house:
            text = Paragraph(escape(text) + f' <font size="{small:.1f}">{escape(house)}</font>',
                             name)
        elif text_width(text, name.fontSize) > room:
            text = Paragraph(escape(text), name)
        if isinstance(text, Paragraph):  # drawn in the same pass as its name: the
            figure = Paragraph(figure, points)  # file's text keeps them side by side
        cells += [text, figure]
    cells += [""] * (-len(cells) % (2 * PAIRS))
    return [cells[i:i + 2 * PAIRS] for i in range(0, len(cells), 2 * PAIRS)]


def _corner_table(lines, st: Styles, dup: Counter, widths: list[float]) -> NamesTable:
    head, body, pad = st(11, color=colors.Color(0.35, 0.35, 0.35)), st(NAME_SIZE), st.size(PAD)
    rows = _rows(lines, st, dup, widths[0] - 2 * pad)
    header = [Paragraph(t("p.nt_name"), head), Paragraph(t("p.nt_points"), head)] * PAIRS
    table = NamesTable([header, *rows], colWidths=widths, repeatRows=1)
    grey = colors.Color(0.75, 0.75, 0.75)
    style = [("FONT", (0, 1), (-1, -1), body.fontName, body.fontSize, body.leading),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("LINEBELOW", (0, 0), (-1, -1), 0.3, grey),
             ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.Color(.96, .96, .96)]),
             ("LEFTPADDING", (0, 0), (-1, -1), pad),
             ("RIGHTPADDING", (0, 0), (-1, -1), pad),
             ("TOPPADDING", (0, 0), (-1, -1), st.size(3)),
             ("BOTTOMPADDING", (0, 0), (-1, -1), st.size(4))]
    style += [("ALIGN", (2 * i + 1, 1), (2 * i + 1, -1), "RIGHT") for i in range(PAIRS)]
    style += [("LINEAFTER", (2 * i + 1, 0), (2 * i + 1, -1), 0.8, grey)
              for i in range(PAIRS - 1)]
    table.setStyle(TableStyle(style))
    return table


def _height(flowables, width: float) -> float:
    return sum(f.wrap(width, 10**6)[1] for f in flowables)


def names(data: NoticeData, st: Styles, title: str, period: str, width: float):
    """Every on-board resident with points, corner by corner; nobody cut, nobody twice.
    Yielded a corner at a time, as the build draws them (a township has 20 corners of
    2,500 names each: document.LazyStory).

    A heading never ends a page: a CondPageBreak measured on the heading and the corner's
    first rows (a 40-character name makes a tall row) moves it on when they do not fit."""
    listed = para(t("p.nt_list"), st(18, color=RED))
    if not data.lines:
        yield from (listed, para(t("p.nt_none"), st(TEXT_SIZE)))
        return
    lead = [listed]  # the list's title stays with the first corner
    dup = Counter(ln.name for ln in data.lines)
    widths = _widths(data, st, width)
    for corner, group in groupby(data.lines, key=lambda ln: ln.corner):
        lines = list(group)
        heading = para(t("p.nt_corner", corner=corner, count=len(lines)), st(18))
        gap = Spacer(1, st.size(3 * mm))
        first = _corner_table(lines[:2 * PAIRS], st, dup, widths)
        room = _height([*lead, gap, heading, first], width) + 2
        yield from (CondPageBreak(room), *lead, gap,
                    GroupStart(t("p.nt_group", title=title, period=period, corner=corner)),
                    heading, _corner_table(lines, st, dup, widths), GroupEnd())
        lead = []
