"""月度汇总表: the month's sheet, landscape, one row per resident, on the shared page engine.

A LongTable holds the residents: its header row repeats on every page and rows split
between pages. Its last few rows, the totals and the closing block (the month's state, a
final month's seal, three signature boxes) are one more table, LastRows, that never
splits: it follows the rows on the same page, or moves whole to a new page with the
header, so the totals and the signatures always share the last page with residents'
rows under the header (no signature page alone, no totals without signatures). Spans
live only in that small table: on a 2,000-row LongTable they cost O(rows) per page.
Each category of the catalogue has its own column (a 好人好事 is not a 表彰), and the
column totals add up to the month's total. The story is laid out once by
document.render; the old sheet built the same flowables twice by hand and crashed at
24-28, 56-59, ... rows.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import PageBreak, Paragraph, Spacer, Table, TableStyle

from reports.document import Page, Styles
from reports.document import render as render_story
from reports.fonts import escape, printable, width
from reports.page import period_words
from reports.sheet_close import LastRows, closing, state_words
from reports.sheet_rows import RowPages, shared_looks
from villagebook.i18n import t
from villagebook.printing import SheetData
from villagebook.quantities import fmt_points

SIZES = (10.5, 10, 9.5, 9, 8.5, 8)  # body type on A4 (scaled on A3): the largest that fits
PAD = 3  # cell padding on A4, points
DASH = "—"  # no points in this column: easier to scan than a wall of 0.00
KEEP = 3  # at most this many residents' rows go with the totals onto the last page
TEXT_ROOM = (("name", 3, 8), ("household", 3, 6), ("corner", 2, 4))  # chars: least, most
GREY = colors.Color(0.86, 0.86, 0.86)
ZEBRA = colors.Color(0.93, 0.93, 0.93)


def _rows(data: SheetData) -> list[list[str]]:
    """The table as strings: one row per resident, then the totals row."""
    rows = []
    for sl in data.lines:
        ln = sl.line
        name = ln.name + (f" ({sl.marks})" if sl.marks else "")
        rows.append([name, ln.household, ln.corner, str(ln.entries),
                     *(fmt_points(p) if p else DASH for p in sl.by_column),
                     fmt_points(ln.points_c), fmt_points(sl.cumulative_c), str(ln.flags),
                     str(ln.loose_stars)])  # as the board draws them: flags, then stars
    rows.append([t("p.sheet_total", count=len(data.lines)), "", "", str(data.total_entries),
                 *(fmt_points(p) if p else DASH for p in data.total_by_column),
                 fmt_points(data.total_c), fmt_points(data.total_cumulative_c), "", ""])
    shown: dict[str, str] = {}  # each distinct cell once: a township's sheet is 50,000
    return [[shown.get(cell) or shown.setdefault(cell, printable(cell)) for cell in row]
            for row in rows]  # rows of figures, households and corners that repeat


def _headers(data: SheetData) -> list[str]:
    cats = [t("p.sheet_rest") if col.rest else col.name for col in data.columns]
    return [printable(h) for h in (t("h.name"), t("h.household"), t("h.corner"),
                                   t("h.entries"), *cats, t("p.month_total"),
                                   t("p.cumulative"), t("h.flags"), t("h.loose_stars"))]


def _widths(rows, headers, st: Styles, size: float, room: float) -> list[float] | None:
    """Column widths for this type size, or None if the numbers leave the names too little.

    A number column is as wide as its widest figure (a header wraps, two characters a
    line at least); the name, household and corner columns share what is left."""
    pad, head = 2 * st.size(PAD), size * 0.9
    numbers = []
    for j in range(3, len(headers)):
        widest = max(width(row[j], size) for row in rows)
        label = headers[j]  # four characters a line; an English word is not cut
        words = max(width(w, head) for w in label.split()) if label.isascii() else 0
        numbers.append(max(widest, 2 * head, words, min(width(label, head), 4 * head)) + pad)
    left = room - sum(numbers)
    least = [n * size + pad for _, n, _ in TEXT_ROOM]
    if left < sum(least):
        return None
    most = [n * size + pad for _, _, n in TEXT_ROOM]
    share = [min(m, left * w / 9) for m, w in zip(most, (4, 3, 2), strict=True)]
    spare = (left - sum(share)) / len(numbers)
    return [*share, *(n + spare for n in numbers)]


def _cell(text: str, style, room: float):
    """A plain string when it fits on one line (fast), else a wrapping Paragraph."""
    if width(text, style.fontSize) <= room:
        return text
    return Paragraph(escape(text), style)


def _cells(st: Styles, body: float) -> list[tuple]:
    """Every cell's type, alignment and padding: the same in every row."""
    pad = st.size(PAD)
    return [("FONT", (0, 0), (-1, -1), st.font, body, body * 1.2),
            ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
            ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
            ("LEFTPADDING", (0, 0), (-1, -1), pad), ("RIGHTPADDING", (0, 0), (-1, -1), pad),
            ("TOPPADDING", (0, 0), (-1, -1), pad * 0.7),
            ("BOTTOMPADDING", (0, 0), (-1, -1), pad * 0.7)]


def _style(st: Styles, body: float, head: int, rows: int, total: bool,
           zebra: int, cells: bool = True) -> TableStyle:
    """The style of a table with `head` header rows (0 or 1) over `rows` residents' rows,
    then (if total) the totals row and the closing block. zebra: 1 if the first
    resident's row is grey. cells=False leaves out the cells' own settings (_cells), for
    a table whose rows share them (sheet_rows.shared_looks)."""
    line = colors.Color(0.55, 0.55, 0.55)
    last = head + rows - 1 + total
    style = (_cells(st, body) if cells else []) + [
        ("ROWBACKGROUNDS", (0, head), (-1, last), [colors.white, ZEBRA][::1 - 2 * zebra]),
        ("GRID", (0, 0), (-1, last), 0.4, line),
    ]
    if head:
        style += [("BACKGROUND", (0, 0), (-1, 0), GREY), ("LINEBELOW", (0, 0), (-1, 0), 1, line)]
    if total:
        end = last + 1
        style += [
            ("BACKGROUND", (0, last), (-1, last), GREY),
            ("LINEABOVE", (0, last), (-1, last), 1.2, colors.black),
            ("SPAN", (0, last), (2, last)), ("SPAN", (0, end), (-1, end)),
            ("LEFTPADDING", (0, end), (-1, end), 0), ("RIGHTPADDING", (0, end), (-1, end), 0),
            ("TOPPADDING", (0, end), (-1, end), st.size(8)), ("VALIGN", (0, end), (-1, end), "TOP"),
        ]
    return TableStyle(style)


def _keep(rows: list[list], widths: list[float], size: float, room: float) -> int:
    """How many residents' rows go with the totals: up to KEEP, a quarter page at most."""
    height, keep = 0.0, 0
    for row in reversed(rows[:-1][-KEEP:]):
        lines = max(-(-width(c, size) // max(w - 2 * PAD, 1))
                    for c, w in zip(row[:3], widths[:3], strict=True))
        height += (lines + 0.6) * size * 1.2
        if keep and height > room / 4:
            break
        keep += 1
    return keep


def _tables(data: SheetData, st: Styles, room: float, frame_height: float) -> list:
    rows, headers = _rows(data), _headers(data)
    for size in SIZES:
        body = st.size(size)
        widths = _widths(rows, headers, st, body, room)
        if widths is not None:
            break
    else:  # absurd figures: the smallest type, numbers wrap rather than run over
        body = st.size(SIZES[-1])
        widths = [room / len(headers)] * len(headers)
    pad = st.size(PAD)
    text = st(body / st.scale, leading=1.2)
    head = st(0.9 * body / st.scale, leading=1.15, align=TA_CENTER)
    header = [Paragraph(escape(h), head) for h in headers]
    cells = [[_cell(c, text, w - 2 * pad) for c, w in zip(row, widths, strict=True)]
             for row in rows]
    split = len(rows) - 1 - _keep(rows, widths, body, frame_height)
    tail = [*cells[split:], [closing(data, st, room), *([""] * (len(headers) - 1))]]
    rows_left, zebra = len(tail) - 2, split % 2
    headed = Table([header, *tail], colWidths=widths, repeatRows=1,
                   style=_style(st, body, 1, rows_left, True, zebra))
    if split == 0:
        return [headed]
    plain = Table(tail, colWidths=widths, style=_style(st, body, 0, rows_left, True, zebra))
    front = RowPages(header, cells[:split], widths, shared_looks(_cells(st, body), len(widths)),
                     lambda rows, zebra: _style(st, body, 1, rows, False, zebra, cells=False),
                     least=body * 1.2 + 1.4 * pad)
    return [front, LastRows(plain, headed, frame_height)]


def _review(data: SheetData, st: Styles) -> list:
    """The committee's copy ends with the entries worth a second look before posting
    (villagebook/review.py), each with its reason, on a page of its own; the copy that
    hangs on the wall has none."""
    if data.review is None:
        return []
    heading = st(14, leading=1.3)
    heading.keepWithNext = 1
    lines = data.review or [t("review.none", month=data.month)]
    return [PageBreak(), Paragraph(escape(printable(t("review.title", month=data.month))),
                                   heading),
            *(Paragraph(escape(printable(line)), st(11)) for line in lines)]


def render(data: SheetData, paper: str = "A4") -> tuple[bytes, int]:
    """The sheet as PDF bytes and its number of pages (landscape, A4 or A3)."""
    st = Styles(paper)
    title = printable(t("p.sheet_title", village=data.village,
                        period=period_words(data.month)))
    state = state_words(data)
    note = t("p.sheet_marks") if any(sl.marks for sl in data.lines) else ""

    def story(doc):
        heading = st(16, leading=1.25)
        heading.keepWithNext = 1
        said = st(11)
        said.keepWithNext = 1
        return [Paragraph(escape(title), heading),
                *(Paragraph(escape(printable(line)), said) for line in state),
                Spacer(1, st.size(3)), *_tables(data, st, doc.width, doc.height),
                *_review(data, st)]

    return render_story(story, paper, turned=True,
                        page=Page(f"{title}　{state[0]}", note), title=title)
