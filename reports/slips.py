"""个人积分单: each resident's own month, several slips to an A4 page with cut lines.

A slip lists every entry of the month with its date, what, quantity, points and who
recorded it; voided entries stay on it, struck through, with their reason.
"""

from __future__ import annotations

import io

from reports import shapes
from reports.fonts import printable, register, width
from reports.page import MARGIN, PAPERS, mm, new_canvas, page_footer, period_words
from villagebook.i18n import t
from villagebook.printing import Slip, SlipsData
from villagebook.quantities import fmt_points

ROW_H = 6 * mm
HEAD_H = 22 * mm
TAIL_H = 16 * mm
GAP = 8 * mm  # room for the cut line between slips
TEXT = 10.5
COLS = [0, 24, 70, 100, 122, 142]  # mm from the slip's left: date, what, qty, points, by, note


def _height(slip: Slip) -> float:
    return HEAD_H + ROW_H * (len(slip.entries) + 1) + TAIL_H


def _layout(data: SlipsData, height: float) -> list[list[Slip]]:
    pages, current, room = [], [], height - 2 * MARGIN
    for slip in data.slips:
        need = _height(slip) + GAP
        if need > room and current:
            pages.append(current)
            current, room = [], height - 2 * MARGIN
        current.append(slip)
        room -= need
    pages.append(current)
    return pages


def _objection(data: SlipsData) -> str:
    if data.posting.objection_until:
        return t("p.object_until", until=data.posting.objection_until)
    return t("p.object_after", days=data.objection_days)


def _slip(c, data: SlipsData, slip: Slip, x: float, top: float, w: float) -> float:
    font = register()
    c.setFillColorRGB(*shapes.RED)
    c.setFont(font, 10)
    c.drawString(x, top - 5 * mm, t("p.slip_title", period=period_words(data.month),
                                     village=printable(data.village)))
    c.setFillGray(0)
    c.setFont(font, 18)
    c.drawString(x, top - 14 * mm, printable(slip.name))
    c.setFont(font, TEXT)
    c.drawString(x + width(printable(slip.name), 18) + 4 * mm, top - 14 * mm,
                 printable(f"{slip.household}　{slip.corner}"))
    y = top - HEAD_H
    c.setFillGray(0.4)
    for col, key in zip(COLS, ("h.day", "p.what", "h.quantity", "h.points", "p.by", "h.note"),
                        strict=True):
        c.drawString(x + col * mm, y, t(key))
    c.setFillGray(0)
    for e in slip.entries:
        y -= ROW_H
        what = data.category_names.get(e.category, e.category)
        if e.late:
            what = "〔补记〕" + what
        elif data.posting.added_during_posting(e):
            what = "〔公示期补录〕" + what
        cells = [e.day, what, e.quantity,
                 fmt_points(e.points_c), printable(e.recorded_by),
                 t("p.voided", reason=printable(e.void_reason)) if e.voided_at
                 else printable(e.note)]
        c.setFillGray(0.45 if e.voided_at else 0)
        for col, cell in zip(COLS, cells, strict=True):
            c.drawString(x + col * mm, y, cell[:24])
        if e.voided_at:  # struck through: it does not count, and everyone can see why
            c.setStrokeGray(0.3)
            c.setLineWidth(0.6)
            c.line(x, y + 1.2 * mm, x + (COLS[4] - 2) * mm, y + 1.2 * mm)
    c.setFillGray(0)
    y -= ROW_H + 2 * mm
    c.setFont(font, 12)
    c.drawString(x, y, t("p.slip_totals", month=fmt_points(slip.month_c),
                         total=fmt_points(slip.cumulative_c)))
    c.setFont(font, 9)
    c.setFillGray(0.3)
    c.drawString(x, y - 5.5 * mm, _objection(data))
    c.setFillGray(0)
    return top - _height(slip)


def render(data: SlipsData, paper: str = "A4") -> tuple[bytes, int]:
    """The slips as PDF bytes and the number of pages."""
    size = PAPERS[paper]
    w, h = size
    pages = _layout(data, h)
    buffer = io.BytesIO()
    c = new_canvas(buffer, size, t("what.slips"))
    for number, slips in enumerate(pages, start=1):
        top = h - MARGIN
        for i, slip in enumerate(slips):
            bottom = _slip(c, data, slip, MARGIN, top, w - 2 * MARGIN)
            if i < len(slips) - 1:
                cut = bottom - GAP / 2
                c.saveState()
                c.setDash(3, 3)
                c.setStrokeGray(0.5)
                c.line(MARGIN / 2, cut, w - MARGIN / 2, cut)
                c.setFont(register(), 7)
                c.setFillGray(0.5)
                c.drawRightString(w - MARGIN, cut + 1 * mm, t("p.cut"))
                c.restoreState()
            top = bottom - GAP
        if not data.slips:
            c.setFont(register(), 14)
            c.drawCentredString(w / 2, h / 2, t("no_rows"))
        page_footer(c, size, number, len(pages))
        c.showPage()
    c.save()
    return buffer.getvalue(), len(pages)
