"""纸表: the form a gatherer fills on her walk, landscape A4, one table a page.

The columns run as a keyer's eye and keys go: the quantities first, the "other" column,
then the day (most rows leave it empty) and the note. The pages are the form's own
(villagebook/paperforms.py lays them out once and keeps them), so the page keyed back is
the page printed: each is one platypus Table with its header, rows 8.5 mm high (a
ballpoint on a knee), a row of empty total boxes, the legend of the "other" column and
the signature line; a PageBreak between two pages. The page engine adds the running title, the
fingerprint and "第 N 页 / 共 M 页" of the whole printout.
"""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.platypus import KeepInFrame, PageBreak, Paragraph, Spacer, Table, TableStyle

from reports.document import Page, Styles, mm
from reports.document import render as render_story
from reports.fonts import escape, printable
from reports.fonts import width as text_width
from villagebook.i18n import get_lang, t
from villagebook.paperforms import Form

ROW = 8.5 * mm
SHARE = (0.04, 0.11, 0.10, 0.10, 0.10, 0.10, 0.05, 0.09, 0.05, 0.26)  # of the width
GRID = colors.Color(0.35, 0.35, 0.35)
GREY = colors.Color(0.88, 0.88, 0.88)


@dataclass(frozen=True)
class FormsData:
    village: str
    forms: list[Form]
    names: dict[str, str]  # category code -> name, in the reader's language
    units: dict[str, str]  # category code -> unit (小时, 元)


def forms_data(book, forms: list[Form]) -> FormsData:
    from villagebook import catalogue, settings

    cats = catalogue.categories(book, include_retired=True)
    return FormsData(settings.load(book).village, forms, {c.code: c.name for c in cats},
                     {c.code: t(f"unit.{c.kind}") for c in cats})


def _header(data: FormsData, form: Form) -> list[str]:
    unit = "{}（{}）" if get_lang() == "zh" else "{} ({})"
    cols = [unit.format(data.names[c], data.units[c]) for c in form.columns]
    return [t("p.form_row"), t("h.name"), t("h.household"), *cols, *([""] * (3 - len(cols))),
            t("p.form_other_no"), t("form.other_qty"), t("p.form_day"), t("p.form_note")]


def _page(data: FormsData, form: Form, number: int, st: Styles, width: float) -> list:
    rows = form.pages[number - 1]
    head = st(10, leading=1.15, align=TA_CENTER)
    if get_lang() != "zh":
        head.wordWrap = None  # English headers break between words, not inside them
    table = [[Paragraph(escape(printable(h)), head) for h in _header(data, form)]]
    widths = [width * s for s in SHARE]
    fitted = []  # a long name or household: smaller type in its cell, never over the line
    for i, row in enumerate(rows, start=1):
        table.append([str(row.number), printable(row.name), printable(row.household),
                      *[""] * 7])
        for col in (1, 2):
            size = _fit(table[-1][col], widths[col] - st.size(12), st.size(12))
            if size < st.size(12):
                fitted.append(("FONT", (col, i), (col, i), st.font, size))
    table.append([t("p.form_total"), *[""] * 9])
    last = len(table) - 1
    style = TableStyle([
        ("FONT", (0, 0), (-1, -1), st.font, st.size(12)),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("GRID", (0, 0), (-1, -1), 0.6, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), GREY),
        ("ALIGN", (0, 1), (0, -1), "CENTER"),
        ("SPAN", (0, last), (2, last)), ("ALIGN", (0, last), (2, last), "RIGHT"),
        ("BOX", (3, last), (5, last), 1.6, colors.black),  # the boxes the page's sums go in
        ("INNERGRID", (3, last), (5, last), 1.6, colors.black),
        ("BACKGROUND", (6, last), (-1, last), GREY),
        *fitted,
    ])
    grid = Table(table, colWidths=widths,
                 rowHeights=[None] + [ROW] * (len(table) - 1), style=style)  # heads wrap
    title = t("p.form_title", village=data.village, corner=form.corner, month=form.month)
    meta = t("p.form_meta", code=form.code, first=form.first_day, last=form.last_day,
             gatherer=form.gatherer or "________")
    place = t("p.page", page=number, pages=len(form.pages))
    legend = "　".join(f"{i} {data.names[c]}（{data.units[c]}）"
                      for i, c in enumerate(form.others, start=1))
    small = st(9.5)
    foot = Paragraph(escape(printable(t("p.form_legend", legend=legend) + "　"
                                      + t("p.form_how"))), small)
    # a long legend (many categories) is set smaller to stay within two lines: a form page
    # is always one printed page, or the rows keyed back would not be the rows carried
    return [Paragraph(escape(printable(title)), st(16, leading=1.2)),
            Paragraph(escape(printable(f"{meta}　{place}")), st(10.5)),
            Spacer(1, st.size(2)), grid, Spacer(1, st.size(2)),
            KeepInFrame(width, small.leading * 2.2, [foot], mode="shrink"),
            Paragraph(escape(printable(t("p.form_sign"))), st(11, leading=1.9))]


def _fit(text: str, room: float, size: float) -> float:
    """The largest type size, down to 6 points, at which text fits in room."""
    while size > 6 and text_width(text, size) > room:
        size -= 0.5
    return size


def render(data: FormsData, paper: str = "A4") -> tuple[bytes, int]:
    """The forms as PDF bytes and the number of pages (landscape)."""
    st = Styles(paper)

    def story(doc):  # made as the build draws it (a township's 8,000 pages: document.LazyStory)
        pages = ((form, number) for form in data.forms
                 for number in range(1, len(form.pages) + 1))
        for i, (form, number) in enumerate(pages):
            if i:
                yield PageBreak()
            yield from _page(data, form, number, st, doc.width)

    title = printable(t("what.forms"))
    # each page says its place in its own form ("第 2 页 / 共 3 页"): no second count
    return render_story(story, paper, turned=True, page=Page(title, numbered=False),
                        title=title)
