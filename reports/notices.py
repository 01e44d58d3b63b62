"""积分细则: the catalogue as a notice in plain words, in large type for the board."""

from __future__ import annotations

import io

from reports import shapes
from reports.fonts import printable, register, wrap
from reports.page import (
    MARGIN,
    PAPERS,
    mm,
    new_canvas,
    page_footer,
    period_words,
    today_words,
)
from villagebook.i18n import t
from villagebook.printing import CatalogueData, NoticeData
from villagebook.quantities import fmt_points

TITLE_SIZE = 26
RULE_SIZE = 16
TEXT_SIZE = 12


def _titled_page(size, title: str):
    """A one-page notice: its canvas with the title drawn large and red at the top."""
    w, h = size
    buffer = io.BytesIO()
    c = new_canvas(buffer, size, title)
    c.setFillColorRGB(*shapes.RED)
    c.setFont(register(), TITLE_SIZE)
    c.drawCentredString(w / 2, h - MARGIN - 14 * mm, printable(title))
    c.setFillGray(0)
    return buffer, c


def render_catalogue(data: CatalogueData, stars_per_flag: int = 6,
                     paper: str = "A4") -> tuple[bytes, int]:
    size = PAPERS[paper]
    w, h = size
    buffer, c = _titled_page(size, t("p.catalogue_title", village=data.village))
    font = register()
    y = h - MARGIN - 32 * mm
    for rule in data.rules:
        shapes.star(c, MARGIN + 4 * mm, y + 2 * mm, 2.6 * mm)
        for part in wrap(rule, RULE_SIZE, w - 2 * MARGIN - 12 * mm):
            c.setFont(font, RULE_SIZE)
            c.drawString(MARGIN + 10 * mm, y, part)
            y -= 9 * mm
        y -= 2 * mm
    y -= 6 * mm
    c.setFont(font, TEXT_SIZE)
    for text in (t("p.star_rule", spf=stars_per_flag), t("p.catalogue_principles")):
        for part in wrap(text, TEXT_SIZE, w - 2 * MARGIN):
            c.drawString(MARGIN, y, part)
            y -= 6.5 * mm
    page_footer(c, size, 1, 1, left=today_words())
    c.showPage()
    c.save()
    return buffer.getvalue(), 1


NOTICE_TOP = 12  # names listed by points; the full sheet hangs beside the notice


def render_notice(data: NoticeData, paper: str = "A4") -> tuple[bytes, int]:
    """公示: the month is up for checking; the deadline and how to object, in large type."""
    size = PAPERS[paper]
    w, h = size
    buffer, c = _titled_page(size, t("p.notice_title", village=data.village))
    font = register()
    c.setFont(font, RULE_SIZE)
    y = h - MARGIN - 30 * mm
    summary = t("p.notice_summary", period=period_words(data.month), count=data.residents,
                entries=data.total_entries, points=fmt_points(data.total_c))
    for part in wrap(summary, RULE_SIZE, w - 2 * MARGIN):
        c.drawString(MARGIN, y, part)
        y -= 9 * mm
    y -= 4 * mm
    for line in data.lines[:NOTICE_TOP]:
        c.setFont(font, RULE_SIZE)
        c.drawString(MARGIN + 10 * mm, y, printable(line.name))
        c.drawRightString(w / 2 + 30 * mm, y, fmt_points(line.points_c))
        y -= 8 * mm
    if len(data.lines) > NOTICE_TOP:
        c.setFont(font, TEXT_SIZE)
        c.drawString(MARGIN + 10 * mm, y, t("p.notice_more", count=len(data.lines) - NOTICE_TOP))
        y -= 8 * mm
    y -= 6 * mm
    until = data.posting.objection_until
    how = (t("p.notice_until", until=until) if until
           else t("p.notice_days", days=data.objection_days))
    c.setFillColorRGB(*shapes.RED)
    for part in wrap(how, RULE_SIZE, w - 2 * MARGIN):
        c.setFont(font, RULE_SIZE)
        c.drawString(MARGIN, y, part)
        y -= 9 * mm
    c.setFillGray(0)
    c.setFont(font, TEXT_SIZE)
    for part in wrap(t("p.notice_how"), TEXT_SIZE, w - 2 * MARGIN):
        c.drawString(MARGIN, y, part)
        y -= 6.5 * mm
    page_footer(c, size, 1, 1, left=today_words())
    c.showPage()
    c.save()
    return buffer.getvalue(), 1
