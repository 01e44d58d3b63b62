"""What the papers put up beside the month's sheet show, as plain data: the posting
notice (公示) and the catalogue of rules (积分细则). Kept apart from printing.py, which
gathers the sheet, the boards and the slips; reports/notices.py and reports/rules.py
draw these."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from villagebook import catalogue, settings, tally
from villagebook.i18n import get_lang
from villagebook.printing import Posting, in_order, posting


@dataclass(frozen=True)
class Rule:
    """One active rule: in plain words, its cap, and the day it took effect.

    The cap (max_quantity) holds per resident per day, the day's entries added up."""

    text: str  # 义务劳动：每4小时1分 (Category.describe)
    kind: str
    max_quantity: Decimal | None
    since: str | None  # from the audit log (catalogue.add, or book.init for the defaults)


@dataclass(frozen=True)
class CatalogueData:
    village: str
    rules: list[Rule]
    lang: str
    day: str = field(default_factory=lambda: date.today().isoformat())
    points_per_star_c: int = 100
    stars_per_flag: int = 6


@dataclass(frozen=True)
class NoticeData:
    village: str
    month: str
    lines: list[tally.Line]  # on-board residents with points, by corner then pinyin
    residents: int  # everyone with points this month, on the board or not (as the sheet)
    total_c: int
    total_entries: int
    objection_days: int
    posting: Posting
    lang: str
    place: str = settings.DEFAULTS["notice_place"]  # where the notice and the sheet hang
    contact: str = ""  # whom to ask: name and phone, printed when set
    day: str = field(default_factory=lambda: date.today().isoformat())


def notice_data(book, month: str) -> NoticeData:
    """The posting notice: the month's totals as the sheet states them (the same tally),
    the window from the book, where and whom to ask, and every on-board name, sorted so
    a resident finds their own: by corner, then by pinyin."""
    sheet = tally.month_sheet(book, month)
    s = settings.load(book, month)
    pinyin = dict(book.query("SELECT id, pinyin FROM residents"))
    shown = sorted((ln for ln in sheet.lines if ln.on_board), key=lambda ln: (
        in_order(ln.corner), pinyin.get(ln.resident_id) or "", ln.name,
        in_order(ln.household)))
    return NoticeData(s.village, month, shown, len(sheet.lines), sheet.total_c,
                      sheet.total_entries, s.objection_days, posting(book, month), get_lang(),
                      s.notice_place, s.contact)


def catalogue_data(book) -> CatalogueData:
    """Every active rule; the day it took effect is the audit line that published it."""
    added = dict(book.query("SELECT subject, MAX(at) FROM audit"
                            " WHERE action = 'catalogue.add' GROUP BY subject"))
    born = book.one("SELECT MIN(at) FROM audit WHERE action = 'book.init'")[0]
    rules = [Rule(cat.describe(), cat.kind, cat.max_quantity,
                  (added.get(cat.code) or born or "")[:10] or None)
             for cat in catalogue.categories(book)]
    s = settings.load(book)
    return CatalogueData(s.village, rules, get_lang(), points_per_star_c=s.points_per_star_c,
                         stars_per_flag=s.stars_per_flag)
