"""积分细则: every active rule in plain words, in large type, over as many pages as it takes.

Each rule is one row of a table (platypus splits it between rows, so no rule is ever
dropped and "第 N 页 / 共 M 页" counts the real pages): a red star, the rule with its
number ("3. 现金捐赠：每100元1分", 18 pt, 25.5 pt on A3), and under it its cap and the day
it took effect. The book's one cap is per resident per day, the day's entries added up
(villagebook/daycaps.py), so it bounds any one entry too and the line says both in one
phrase; the day a rule took effect is the audit line that published it
(noticedata.catalogue_data). A page
the rules run onto is headed "…积分细则（续）". The star rule states the village's own
settings, and the committee signs the catalogue as it signs the notice.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    LongTable,
    Paragraph,
    Spacer,
    TableStyle,
)

from reports import shapes
from reports.document import GroupEnd, GroupStart, Page, Styles, mm, render
from reports.fonts import escape, printable
from villagebook.i18n import t
from villagebook.noticedata import CatalogueData, Rule
from villagebook.quantities import fmt_points_short, quantity_text

RULE_SIZE = 18
DETAIL_SIZE = 13
TEXT_SIZE = 14


class Star(Flowable):
    """The board's red star, marking each rule (drawn as the board draws it)."""

    def __init__(self, size: float):
        super().__init__()
        self.size = size

    def wrap(self, available_width, available_height):
        return self.size, self.size

    def draw(self):
        shapes.star(self.canv, self.size / 2, self.size / 2, self.size * 0.45)


def detail(rule: Rule) -> str:
    """The cap per resident per day and the day the rule took effect, in plain words."""
    if rule.max_quantity is None:
        cap = t("p.cg_no_cap")
    else:
        cap = t("p.cg_cap", qty=quantity_text(rule.max_quantity), unit=t(f"unit.{rule.kind}"))
    return cap + (f"　·　{t('p.cg_since', day=rule.since)}" if rule.since else "")


def _para(text: str, style) -> Paragraph:
    return Paragraph(escape(printable(text)), style)


def _rules_table(data: CatalogueData, st: Styles, width: float) -> LongTable:
    main = st(RULE_SIZE)
    small = st(DETAIL_SIZE, color=colors.Color(0.3, 0.3, 0.3))
    star = st.size(6 * mm)
    rows = [[Star(star), [_para(f"{n}. {rule.text}", main), _para(detail(rule), small)]]
            for n, rule in enumerate(data.rules, 1)]
    table = LongTable(rows, colWidths=[star + st.size(3 * mm), width - star - st.size(3 * mm)])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, -1), 0),
        ("TOPPADDING", (0, 0), (-1, -1), st.size(4)),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.size(6)),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.Color(0.8, 0.8, 0.8)),
    ]))
    return table


def render_catalogue(data: CatalogueData, paper: str = "A4") -> tuple[bytes, int]:
    """The catalogue's PDF bytes and page count."""
    st = Styles(paper)
    title = t("p.catalogue_title", village=data.village)
    page = Page(note=t("p.cg_footer", title=title, day=data.day))
    red = colors.Color(*shapes.RED)
    y, m, d = (int(part) for part in data.day.split("-"))
    stars = t("p.cg_star_rule", pps=fmt_points_short(data.points_per_star_c),
              spf=data.stars_per_flag)

    def story(doc):
        return [
            _para(title, st(28, align=TA_CENTER, color=red)),
            Spacer(1, st.size(5 * mm)),
            _para(t("p.cg_count", count=len(data.rules)), st(TEXT_SIZE)),
            GroupStart(title),
            _rules_table(data, st, doc.width),
            GroupEnd(),
            Spacer(1, st.size(5 * mm)),
            KeepTogether([  # the committee signs below its principles, on the same page
                _para(stars, st(TEXT_SIZE)),
                _para(t("p.catalogue_principles"), st(TEXT_SIZE)),
                Spacer(1, st.size(6 * mm)),
                _para(t("p.nt_committee", village=data.village), st(TEXT_SIZE, align=TA_RIGHT)),
                _para(t("p.nt_date", y=y, m=m, d=d), st(TEXT_SIZE, align=TA_RIGHT)),
            ]),
        ]

    return render(story, paper, page=page, title=title)
