"""What every printout shares: paper, the invariant canvas, the period in words, footer."""

from __future__ import annotations

import io
from datetime import date

from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from reports.fonts import register
from villagebook.i18n import t

PAPERS = {"A4": A4, "A3": A3}
MARGIN = 15 * mm
FOOTER_SIZE = 9


def new_canvas(buffer: io.BytesIO, size, title: str) -> Canvas:
    """A canvas that gives the same bytes for the same drawing (invariant mode)."""
    register()
    canvas = Canvas(buffer, pagesize=size, invariant=1, pageCompression=1)
    canvas.setTitle(title)
    canvas.setAuthor("villagebook")
    canvas.setCreator("villagebook")
    return canvas


def period_words(period: str) -> str:
    """2026-11 -> 2026年11月; 2026 -> 2026年度; ..2026-11 -> 历年累计."""
    if period.startswith(".."):
        year, month = period[2:].split("-")
        return t("p.period.all", year=year, month=int(month))
    if len(period) == 4:
        return t("p.period.year", year=period, month=12).split("（")[0].split(" (")[0]
    year, month = period.split("-")
    return t("p.period.month", year=year, month=int(month))


def page_footer(canvas: Canvas, size, page: int, pages: int, left: str = "") -> None:
    """Page number on the right, a short note on the left, on every page."""
    width, _ = size
    canvas.saveState()
    canvas.setFont(register(), FOOTER_SIZE)
    canvas.setFillGray(0.35)
    canvas.drawRightString(width - MARGIN, 8 * mm, t("p.page", page=page, pages=pages))
    if left:
        canvas.drawString(MARGIN, 8 * mm, left)
    canvas.restoreState()


def today_words() -> str:
    return t("p.printed", day=date.today().isoformat())


__all__ = ["PAPERS", "MARGIN", "new_canvas", "period_words", "page_footer", "landscape", "mm"]
