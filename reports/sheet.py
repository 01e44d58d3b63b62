"""月度汇总表: the month's sheet, landscape, one line per resident, totals and signatures."""

from __future__ import annotations

import io

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from reports.fonts import printable, register
from reports.page import MARGIN, PAPERS, landscape, mm, page_footer, period_words
from villagebook.i18n import t
from villagebook.printing import SheetData
from villagebook.quantities import fmt_points

FONT_SIZE = 9.5
TITLE_SIZE = 16
KIND_KEYS = ("labour", "donation", "recognition", "other")
COL_WIDTHS = [28, 30, 20, 12, 22, 22, 22, 18, 24, 24, 14, 14]  # mm; 250 mm across A4


def _table_rows(data: SheetData) -> list[list[str]]:
    header = [t("h.name"), t("h.household"), t("h.corner"), t("h.entries"),
              *(t(f"p.{k}") for k in KIND_KEYS), t("p.month_total"), t("p.cumulative"),
              t("h.stars"), t("h.flags")]
    rows = [header]
    for sl in data.lines:
        ln = sl.line
        name = printable(ln.name) + (f" ({sl.marks})" if sl.marks else "")
        rows.append([name, printable(ln.household), printable(ln.corner),
                     str(ln.entries), *(fmt_points(sl.by_kind[k]) for k in KIND_KEYS),
                     fmt_points(ln.points_c), fmt_points(sl.cumulative_c), str(ln.stars),
                     str(ln.flags)])
    rows.append([t("total"), "", "", str(data.total_entries),
                 *(fmt_points(data.total_by_kind[k]) for k in KIND_KEYS),
                 fmt_points(data.total_c), fmt_points(data.total_cumulative_c), "", ""])
    return rows


def render(data: SheetData, paper: str = "A4") -> tuple[bytes, int]:
    """The sheet as PDF bytes and its number of pages."""
    font = register()
    size = landscape(PAPERS[paper])
    buffer = io.BytesIO()
    title = t("p.sheet_title", village=printable(data.village), period=period_words(data.month))
    pages = {"count": 0}

    def on_page(canvas, doc):
        pages["count"] = max(pages["count"], doc.page)
        canvas.saveState()
        canvas.setFont(font, 9)
        canvas.setFillGray(0.35)
        canvas.drawString(MARGIN, size[1] - 10 * mm, title)
        canvas.restoreState()
        page_footer(canvas, size, doc.page, pages.get("total", doc.page))

    style = ParagraphStyle("title", fontName=font, fontSize=TITLE_SIZE, leading=TITLE_SIZE * 1.3)
    sign = ParagraphStyle("sign", fontName=font, fontSize=11, leading=16)
    table = Table(_table_rows(data), colWidths=[w * mm for w in COL_WIDTHS], repeatRows=1)
    last = len(data.lines) + 1
    table.setStyle(TableStyle([
        ("FONT", (0, 0), (-1, -1), font, FONT_SIZE),
        ("ALIGN", (3, 0), (-1, -1), "RIGHT"),
        ("BACKGROUND", (0, 0), (-1, 0), colors.Color(0.82, 0.05, 0.10)),
        ("TEXTCOLOR", (0, 0), (-1, 0), colors.white),
        ("ROWBACKGROUNDS", (0, 1), (-1, last - 1), [colors.white, colors.Color(0.96, 0.96, 0.96)]),
        ("LINEABOVE", (0, last), (-1, last), 1, colors.black),
        ("FONTSIZE", (0, last), (-1, last), FONT_SIZE + 1),
        ("GRID", (0, 0), (-1, -1), 0.25, colors.Color(0.75, 0.75, 0.75)),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    gap = "　" * 12
    signatures = Paragraph(
        f"{t('p.sign_gatherer')}{gap}{t('p.sign_committee')}{gap}{t('p.sign_date')}", sign)
    notes = [t("p.marks_legend")]
    if data.posting.reopened_at:
        notes.append(t("p.reopened", at=data.posting.reopened_at[:10],
                       reason=printable(data.posting.reopen_reason or "")))
    if data.posting.state == "posted" and data.posting.objection_until:
        notes.append(t("p.posted", until=data.posting.objection_until))
    story = [Paragraph(title, style), Spacer(1, 4 * mm), table, Spacer(1, 4 * mm),
             *(Paragraph(n, sign) for n in notes), Spacer(1, 10 * mm), signatures]

    def build(target):
        doc = SimpleDocTemplate(target, pagesize=size, leftMargin=MARGIN, rightMargin=MARGIN,
                                topMargin=14 * mm, bottomMargin=14 * mm, title=title,
                                author="villagebook", creator="villagebook", invariant=1)
        doc.build(list(story), onFirstPage=on_page, onLaterPages=on_page)

    build(io.BytesIO())  # first pass counts the pages, for "page N of M"
    pages["total"] = pages["count"]
    build(buffer)
    return buffer.getvalue(), pages["total"]
