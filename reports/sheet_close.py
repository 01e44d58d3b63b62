"""The month sheet's closing block: what the signatures vouch for, and room to sign.

It rides in the sheet table's last row (see reports/sheet.py), so it can never be
separated from the totals: the sentence "以上 N 位村民……" states what is signed for,
then the month's state (已定稿 with its date and its seal in full, 公示中 with the
deadline, a reopened month's note), then three boxes, each tall enough for a signature
or the committee's round stamp, with a date line under it.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from reports.document import Styles
from reports.fonts import escape, printable
from villagebook.i18n import t
from villagebook.printing import SheetData
from villagebook.quantities import fmt_points

SIGN_ROOM = 24 * mm  # on A4: a signature, or a 40 mm stamp overlapping the line
GAP = 10 * mm  # between the three boxes


def state_words(data: SheetData) -> list[str]:
    """The month's state in words (first), then a reopened month's note if any."""
    post = data.posting
    if data.finalized_at:
        lines = [t("p.sheet_final", day=data.finalized_at[:10])]
    elif post.state == "posted" and post.objection_until:
        lines = [t("p.sheet_posted", until=post.objection_until)]
    else:
        lines = [t("p.sheet_open")]
    if post.reopened_at:
        lines.append(t("p.reopened", at=post.reopened_at[:10],
                       reason=post.reopen_reason or ""))
    return lines


def _para(text: str, style) -> Paragraph:
    return Paragraph(escape(printable(text)), style)


def _signatures(st: Styles, room: float) -> Table:
    box = (room - 2 * GAP * st.scale) / 3
    label = st(12)
    cells = [
        [_para(t("p.sign_gatherer"), label), "", _para(t("p.sign_checker"), label), "",
         _para(t("p.sign_stamp"), label)],
        ["", "", "", "", ""],
        [_para(t("p.sign_day"), label), "", _para(t("p.sign_day"), label), "",
         _para(t("p.sign_day"), label)],
    ]
    table = Table(cells, colWidths=[box, GAP * st.scale] * 2 + [box],
                  rowHeights=[None, SIGN_ROOM * st.scale, None])
    table.setStyle(TableStyle([
        ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), st.size(2)),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.size(2)),
        *(("LINEBELOW", (c, 1), (c, 1), 0.8, colors.black) for c in (0, 2, 4)),
    ]))
    return table


def closing(data: SheetData, st: Styles, room: float) -> list:
    """The flowables of the closing block, for a table cell `room` wide."""
    said, small = st(11), st(9, color=colors.Color(0.3, 0.3, 0.3))
    block = [_para(t("p.sheet_summary", count=len(data.lines), entries=data.total_entries,
                     points=fmt_points(data.total_c)), said)]
    block += [_para(line, said) for line in state_words(data)]
    if data.seal:
        block.append(_para(t("p.sheet_seal") + data.seal, said))
        block.append(_para(t("p.sheet_seal_how"), small))
    for col in data.columns:
        if col.rest:
            block.append(_para(t("p.sheet_rest_note", names=col.name), small))
    block += [Spacer(1, st.size(6)), _signatures(st, room)]
    return block


class LastRows(Flowable):
    """The sheet's last rows, totals and closing block, which never split.

    Right after the rest of the table they are drawn without a header (the table simply
    goes on); if they do not fit below it, they move to a new page and carry the header
    row there. Which one is decided in each wrap and split call, from the space offered,
    so nothing is remembered from an earlier attempt. Only a stretch taller than a
    whole page (absurd: kept rows are limited to a quarter page) splits, as a table."""

    def __init__(self, plain: Table, headed: Table, frame_height: float):
        super().__init__()
        self.plain, self.headed, self.frame_height = plain, headed, frame_height
        self.shown = plain

    def wrap(self, available_width, available_height):
        w, h = self.plain.wrap(available_width, available_height)
        if h <= available_height < self.frame_height - 1:  # not at the top of a page
            self.shown = self.plain
            return w, h
        self.shown = self.headed
        return self.headed.wrap(available_width, available_height)

    def split(self, available_width, available_height):
        if available_height >= self.frame_height - 1:  # a whole page: split as a table
            return self.headed.split(available_width, available_height)
        return [PageBreak(), self.headed]

    def draw(self):
        self.shown.drawOn(self.canv, 0, 0)
