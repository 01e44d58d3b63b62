"""What each printout shows, gathered from the book as plain data (no reportlab here).

The reports package draws these; the CLI and the TUI call them. Each printout is then
recorded in the audit log (printlog.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from villagebook import catalogue, review, settings, tally
from villagebook.errors import BookError
from villagebook.i18n import get_lang

# The sheet gives each category its own column (a 好人好事 is not a 表彰) up to this many;
# past it, the categories with the fewest points this month share one column.
SHEET_COLUMNS = 8


@dataclass(frozen=True)
class Posting:
    state: str
    objection_until: str | None
    posted_at: str | None = None
    reopened_at: str | None = None
    reopen_reason: str | None = None
    finalized_at: str | None = None  # when it became final (the slips say 已定稿 and when)

    def added_during_posting(self, entry) -> bool:
        """An entry recorded after the month was put up (flagged so nobody is surprised)."""
        return bool(self.posted_at) and entry.recorded_at > self.posted_at


@dataclass(frozen=True)
class BoardData:
    village: str
    period: str  # "2026-11", "2026" or "all"
    lines: list[tally.Line]  # residents shown on the board only
    role_models: list[tally.Line]
    group_by: str  # "corner" or "household"
    rules: list[str]
    stars_per_flag: int
    posting: Posting
    lang: str
    points_per_star_c: int = 100  # the village's setting, for the board's legend
    month: str = ""  # the month printed for: a year's board says it runs "through" it
    # the day printed: a posted month's deadline is printed only while it is still ahead
    day: str = field(default_factory=lambda: date.today().isoformat())


@dataclass(frozen=True)
class SheetColumn:
    """One points column of the sheet: a category of the catalogue, or the rest together."""

    name: str  # the category's name; for the rest, their names joined with 、
    codes: tuple[str, ...]
    rest: bool = False


@dataclass(frozen=True)
class SheetLine:
    line: tally.Line
    by_column: tuple[int, ...]  # points (hundredths), one per SheetData.columns
    cumulative_c: int
    marks: str = ""  # 补 a late entry counts here; 增 an entry added during posting


@dataclass(frozen=True)
class SheetData:
    village: str
    month: str
    lines: list[SheetLine]
    total_c: int
    columns: list[SheetColumn]
    total_by_column: tuple[int, ...]  # adds up to total_c
    total_cumulative_c: int
    total_entries: int
    posting: Posting
    lang: str
    finalized_at: str | None = None  # a final month: when, and its seal in full
    seal: str | None = None
    review: list[str] | None = None  # the committee's copy: what deserves a second look


def posting(book, month: str) -> Posting:
    row = book.one("SELECT state, objection_until, posted_at, reopened_at, reopen_reason,"
                   " finalized_at FROM months WHERE month = ?", (month,))
    return Posting(*row) if row else Posting("open", None)


def _rules(book) -> list[str]:
    rules = []
    for cat in catalogue.categories(book):
        rules.append(cat.describe())
    return rules


def board_data(book, month: str, period: str = "month", group_by: str = "corner") -> BoardData:
    """The board of a month, of its year so far, or of all time through it."""
    if period == "month":
        sheet = tally.month_sheet(book, month)
    elif period == "year":
        sheet = tally.standings(book, f"{month[:4]}-01", month)
    elif period == "all":
        sheet = tally.standings(book, None, month)
    else:
        raise BookError("print.bad_period", period=period)
    if group_by not in ("corner", "household"):
        raise BookError("print.bad_group", group=group_by)
    shown = [ln for ln in sheet.lines if ln.on_board and ln.points_c > 0]
    s = settings.load(book, month)  # a final month prints as it was finalized
    label = {"month": month, "year": month[:4], "all": f"..{month}"}[period]
    return BoardData(s.village, label, shown, shown[:5], group_by, _rules(book),
                     s.stars_per_flag, posting(book, month), get_lang(),
                     s.points_per_star_c, month)


def _sheet_columns(book, used: dict[str, int]) -> list[SheetColumn]:
    """Every active category (and a retired one with points this month) in catalogue
    order, each its own column; if too many, only those with points; if still too many,
    the ones with the fewest points share a last column, named in a footnote."""
    cats = [c for c in catalogue.categories(book, include_retired=True)
            if c.active or used.get(c.code)]
    if len(cats) > SHEET_COLUMNS:
        cats = [c for c in cats if used.get(c.code)]
    if len(cats) <= SHEET_COLUMNS:
        return [SheetColumn(c.name, (c.code,)) for c in cats]
    ranked = sorted(range(len(cats)), key=lambda i: (-used[cats[i].code], i))
    own = set(ranked[:SHEET_COLUMNS - 1])
    rest = [c for i, c in enumerate(cats) if i not in own]
    return [*(SheetColumn(c.name, (c.code,)) for i, c in enumerate(cats) if i in own),
            SheetColumn("、".join(c.name for c in rest), tuple(c.code for c in rest), True)]


def in_order(text: str) -> list:
    """Numbers as numbers, so 马家3户 comes before 马家37户."""
    return [(0, int(part)) if part.isdigit() else (1, part) for part in re.split(r"(\d+)", text)]


def _marks(book, month: str, post: Posting) -> dict[str, set[str]]:
    """补 by a resident with a late entry this month, 增 by one with an entry recorded
    after the month was put up (Posting.added_during_posting): asked of SQLite for the
    few residents that have one, not by reading every entry of the month."""
    posted = post.posted_at or None  # no posting: nothing was added during it
    marks: dict[str, set[str]] = {}
    for rid, late, added in book.query(
            "SELECT resident_id, MAX(late), MAX(? IS NOT NULL AND recorded_at > ?)"
            " FROM entries WHERE month = ? AND voided_at IS NULL"
            " AND (late = 1 OR (? IS NOT NULL AND recorded_at > ?)) GROUP BY resident_id",
            (posted, posted, month, posted, posted)):
        marks[rid] = {m for m, on in (("补", late), ("增", added)) if on}
    return marks


def sheet_data(book, month: str, committee: bool = False) -> SheetData:
    """The month's sheet: one line per resident with their points in each category's
    column, the month's state (and a final month's seal), and cumulative points."""
    from villagebook import months

    sheet = tally.month_sheet(book, month)
    by_cat: dict[str, dict[str, int]] = {}
    for rid, code, points_c in book.query(
            "SELECT resident_id, category, SUM(points_c) FROM entries WHERE month = ?"
            " AND voided_at IS NULL GROUP BY resident_id, category", (month,)):
        by_cat.setdefault(rid, {})[code] = points_c
    used: dict[str, int] = {}
    for points in by_cat.values():
        for code, points_c in points.items():
            used[code] = used.get(code, 0) + points_c
    columns = _sheet_columns(book, used)
    cumulative = tally.cumulative_points(book, month, [ln.resident_id for ln in sheet.lines])
    post = posting(book, month)
    marks = _marks(book, month, post)
    lines = []
    for ln in sorted(sheet.lines, key=lambda ln: (in_order(ln.corner),
                                                  in_order(ln.household), ln.name)):
        mine = by_cat.get(ln.resident_id, {})
        lines.append(SheetLine(ln, tuple(sum(mine.get(code, 0) for code in col.codes)
                                         for col in columns),
                               cumulative.get(ln.resident_id, 0),
                               "".join(sorted(marks.get(ln.resident_id, ())))))
    totals = tuple(sum(sl.by_column[i] for sl in lines) for i in range(len(columns)))
    state = months.status(book, month)
    final = state.state == "final"
    village = settings.load(book, month).village
    return SheetData(village, month, lines, sheet.total_c, columns, totals,
                     sum(sl.cumulative_c for sl in lines), sheet.total_entries, post,
                     get_lang(), state.finalized_at if final else None,
                     state.seal if final else None,
                     [str(f) for f in review.review(book, month)] if committee else None)
