"""个人积分单: each resident's own month, several slips to a page with cut lines between.

A slip lists every entry of the month (date, what, quantity, points, who recorded it,
note); voided entries stay on it, struck through, with their reason, and out of the
totals. It is a story for the shared page engine (reports/document.py), so platypus does
the pagination: a short slip is kept whole (KeepTogether) and moves to the next page
rather than being cut; a slip longer than a page starts on a fresh page and its table
splits by row, repeating its column header, under a "name（续）" heading, and it always
ends with the month's and the cumulative totals and what the resident may still do
(object by a date that has not passed, or nothing: the month is final). A slip of
one-line strings that fits a page, nearly every slip, is drawn in one go where its parts
would be (reports/slip_drawn.py).
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.platypus import Paragraph, Table, TableStyle

from reports import shapes
from reports.document import GroupEnd, GroupStart, Page, Styles, mm
from reports.document import render as render_story
from reports.fonts import printable, width
from reports.page import period_words
from reports.slip_drawn import DRAWN, DrawnSlip, plain
from reports.slip_parts import (
    Cells,
    CutLine,
    SlipTable,
    WholeSlip,
    cell,
    cell_row,
    heading,
    measured,
)
from reports.slip_parts import safe as _text
from villagebook.i18n import t
from villagebook.quantities import fmt_points
from villagebook.slipsdata import Slip, SlipsData

TEXT = 11  # an entry line, in points on A4 (the engine scales it on A3)
NAME = 18  # the resident's name
SMALL = 10  # the slip's title and the state line
HEAD_SIZE = 9 * 1.3  # the engine's "（续）" heading size on A4 (reports/document.py)
# (heading key, share of the width): the note gets the most room and wraps
COLUMNS = (("h.day", 0.125), ("p.what", 0.25), ("h.quantity", 0.11), ("h.points", 0.10),
           ("p.by", 0.12), ("h.note", 0.295))
NOTE_PIECE = 300  # characters of a long note per row: about seven lines across the slip
GREY = colors.Color(0.42, 0.42, 0.42)


def state_line(data: SlipsData) -> str:
    """What the resident may still do: never a deadline that has passed."""
    post, days = data.posting, data.objection_days
    if post.state == "final":
        return t("p.slip_final", day=(post.finalized_at or "")[:10])
    if post.state == "posted" and post.objection_until:
        if data.day > post.objection_until:
            return t("p.slip_closed", until=post.objection_until)
        return t("p.object_until", until=post.objection_until)
    if post.reopened_at:
        return t("p.slip_reopened", reason=post.reopen_reason or "", days=days)
    return t("p.slip_open", days=days)


def group_text(slip: Slip, styles: Styles, room: float) -> str:
    """The continuation heading: name and household, or the name alone if that is all
    the header band holds (it is drawn on one line by the engine)."""
    size = styles.size(HEAD_SIZE)

    def fits(text):
        return width(printable(t("p.continued", group=text)), size) <= room

    text = f"{slip.name}　{slip.household}" if slip.household else slip.name
    if fits(text):
        return text
    name = slip.name
    while len(name) > 1 and not fits(name + "…"):
        name = name[:-1]
    return name if name == slip.name else name + "…"


def _pieces(text: str, style) -> list[list]:
    """Rows under an entry, across the slip, holding a long text in pieces that always
    fit a page (a note, a void reason)."""
    return [["", Paragraph(_text(text[i:i + NOTE_PIECE]), style)] + [""] * (len(COLUMNS) - 2)
            for i in range(0, len(text), NOTE_PIECE)]


def _entry_rows(data: SlipsData, entry, kit: _Kit, rooms: list[float]) -> list[list]:
    """An entry's line; below it its void reason, and its note if that would take more
    than two lines of its column."""
    style = kit.grey if entry.voided_at else kit.cell
    what = data.category_names.get(entry.category, entry.category)
    if entry.late:
        what = t("p.slip_late") + what
    elif data.posting.added_during_posting(entry):
        what = t("p.slip_added") + what
    kind = data.category_kinds.get(entry.category)
    quantity = f"{entry.quantity} {kit.unit(kind)}" if kind else entry.quantity
    values = (entry.day, what, quantity, fmt_points(entry.points_c))
    if entry.voided_at:  # struck through: it does not count; the row below says why
        row = [cell(v, style, room, True) for v, room in zip(values, rooms, strict=False)]
    else:
        row = [kit.fitting(v, style, room) for v, room in zip(values, rooms, strict=False)]
    row.append(kit.fitting(entry.recorded_by, style, rooms[4]))
    long = measured(entry.note or "", style.fontSize)[1] > 2 * (rooms[5] - style.rightIndent)
    row.append("" if long else kit.fitting(entry.note, style, rooms[5]))
    rows = [row]
    if long:
        rows += _pieces(t("h.note") + "：" + entry.note, style)
    if entry.voided_at:
        rows += _pieces(t("p.voided", reason=entry.void_reason or ""), style)
    return rows


class _Kit(Cells):
    """What every slip's table is drawn with, made once per printout: the Paragraph
    styles of cells that wrap and the shared rows of cell styles (cell_row) of each kind
    of row: column heads, an entry, a voided entry, the totals and the state line."""

    def __init__(self, st: Styles):
        super().__init__()
        self.cell, self.grey, self.small = st(TEXT), st(TEXT, color=GREY), st(SMALL, color=GREY)
        for style in (self.cell, self.grey, self.small):  # CJK wrapping lets a closing
            style.rightIndent = style.fontSize  # bracket hang past a full line: keep an em
        self.big, self.pad, n = st(13), st.size(2), len(COLUMNS)
        black = colors.black
        self.title = st(SMALL, color=colors.Color(*shapes.RED))
        self.name, self.place = st(NAME), st(TEXT + 1)
        self.rows = {"head": cell_row(self.small, GREY, self.pad, n),
                     "entry": cell_row(self.cell, black, self.pad, n),
                     "voided": cell_row(self.cell, GREY, self.pad, n),
                     "totals": cell_row(self.big, black, self.pad, n),
                     "state": cell_row(self.small, GREY, self.pad, n)}


def _runs(rows: list[int]) -> list[tuple[int, int]]:
    """Consecutive row numbers as (first, last) runs: one line command for a run of
    one-row entries, where a command each costs the table's setting up and drawing."""
    runs: list[tuple[int, int]] = []
    for r in rows:
        if runs and runs[-1][1] == r - 1:
            runs[-1] = (runs[-1][0], r)
        else:
            runs.append((r, r))
    return runs


def _cells(data: SlipsData, slip: Slip, kit: _Kit, room: float):
    """A slip's table as rows of cells, each row's cell styles, the column widths and
    the TableStyle commands (lines, spans, NOSPLIT)."""
    pad, small, looks = kit.pad, kit.small, kit.rows
    widths = [room * share for _, share in COLUMNS]
    rooms = [w - 2 * pad for w in widths]
    hairline = colors.Color(0.7, 0.7, 0.7)
    rows = [[cell(t(key), small, r) for (key, _), r in zip(COLUMNS, rooms, strict=True)]]
    cells = [looks["head"]]
    style = [("LINEBELOW", (0, 0), (-1, 0), 0.8, colors.black)]
    ends = []  # the last row of each entry, with a hairline below it
    for entry in slip.entries:
        lines = _entry_rows(data, entry, kit, rooms)
        first, end = len(rows), len(rows) + len(lines) - 1
        rows += lines
        cells += [looks["voided" if entry.voided_at else "entry"]] * len(lines)
        style += [("SPAN", (1, r), (-1, r)) for r in range(first + 1, end + 1)]
        if end > first:  # the entry stays with the start of its note
            style.append(("NOSPLIT", (0, first), (-1, first + 1)))
        ends.append(end)
    style += [("LINEBELOW", (0, a), (-1, b), 0.25, hairline) for a, b in _runs(ends)]
    if not slip.entries:
        rows.append([Paragraph(_text(t("no_rows")), kit.grey)] + [""] * (len(COLUMNS) - 1))
        cells.append(looks["entry"])
        style.append(("SPAN", (0, 1), (-1, 1)))
    totals = t("p.slip_totals", month=fmt_points(slip.month_c),
               total=fmt_points(slip.cumulative_c))
    rows.append([cell(totals, kit.big, room - 2 * pad)] + [""] * (len(COLUMNS) - 1))
    rows.append([cell(state_line(data), small, room - 2 * pad)] + [""] * (len(COLUMNS) - 1))
    cells += [looks["totals"], looks["state"]]
    last = len(rows) - 1
    style += [("LINEABOVE", (0, last - 1), (-1, last - 1), 0.8, colors.black),
              ("SPAN", (0, last - 1), (-1, last - 1)), ("SPAN", (0, last), (-1, last)),
              ("NOSPLIT", (0, last - 1), (-1, last))]  # the totals and what to do, together
    return rows, cells, widths, style


def _table(rows, cells, widths, style) -> Table:
    table = SlipTable(rows, colWidths=widths, repeatRows=1, hAlign="LEFT", cellStyles=cells,
                      normalizedData=1)  # strings and Paragraphs already, never None
    table.setStyle(TableStyle(style))
    return table


def _slip(data: SlipsData, slip: Slip, st: Styles, kit: _Kit, room: float,
          page: float) -> list:
    title = t("p.slip_title", period=period_words(data.month), village=data.village)
    place = "　".join(v for v in (slip.household, slip.corner) if v)
    gap = st.size(3 * mm)
    parts = [heading([(title, kit.title)], room, gap),
             heading([(slip.name, kit.name), (place, kit.place)], room, gap)]
    rows, cells, widths, style = _cells(data, slip, kit, room)
    if plain(parts, rows, cells, style):  # nearly every slip: drawn in one go, if it fits
        lines = [cmd for cmd in style if cmd[0] in DRAWN]  # a page
        drawn = DrawnSlip(parts, rows, cells, widths, lines)
        if drawn.height <= page - 1:  # on one page: never continued, so no group
            return [drawn]
    # the group begins where its first part is drawn (reports/document.py), on this page
    return [GroupStart(group_text(slip, st, room)),  # or the next
            WholeSlip(parts + [_table(rows, cells, widths, style)]), GroupEnd()]


def render(data: SlipsData, paper: str = "A4") -> tuple[bytes, int]:
    """The slips as PDF bytes and the number of pages."""
    st = Styles(paper)
    kit = _Kit(st)

    def story(doc):  # made as the build draws it (document.LazyStory)
        if not data.slips:
            yield Paragraph(_text(t("no_rows")), st(14))
        for i, slip in enumerate(data.slips):
            if i:
                yield CutLine(st)
            yield from _slip(data, slip, st, kit, doc.width, doc.height)

    note = f"{data.village}　{period_words(data.month)}"
    return render_story(story, paper, page=Page(note=note), title=t("what.slips"))
