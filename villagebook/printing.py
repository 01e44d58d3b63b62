"""What each printout shows, gathered from the book as plain data (no reportlab here).

The reports package draws these; the CLI and the TUI call them. Every printout is then
recorded in the audit log with its SHA-256, so a board on the wall can be checked
against the book later (`villagebook verify board.pdf`).
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from villagebook import catalogue, entries, settings, tally
from villagebook.errors import BookError
from villagebook.i18n import get_lang

KIND_COLUMNS = {"hours": "labour", "yuan": "donation", "fixed": "recognition", "count": "other"}


@dataclass(frozen=True)
class Posting:
    state: str
    objection_until: str | None
    posted_at: str | None = None
    reopened_at: str | None = None
    reopen_reason: str | None = None

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


@dataclass(frozen=True)
class SheetLine:
    line: tally.Line
    by_kind: dict[str, int]
    cumulative_c: int
    marks: str = ""  # 补 a late entry counts here; 增 an entry added during posting


@dataclass(frozen=True)
class SheetData:
    village: str
    month: str
    lines: list[SheetLine]
    total_c: int
    total_by_kind: dict[str, int]
    total_cumulative_c: int
    total_entries: int
    posting: Posting
    lang: str


@dataclass(frozen=True)
class Slip:
    name: str
    household: str
    corner: str
    entries: list[entries.Entry]
    month_c: int
    cumulative_c: int


@dataclass(frozen=True)
class SlipsData:
    village: str
    month: str
    slips: list[Slip]
    category_names: dict[str, str]
    objection_days: int
    posting: Posting
    lang: str


@dataclass(frozen=True)
class CatalogueData:
    village: str
    rules: list[str]
    lang: str
    day: str = field(default_factory=lambda: date.today().isoformat())


def posting(book, month: str) -> Posting:
    row = book.one("SELECT state, objection_until, posted_at, reopened_at, reopen_reason"
                   " FROM months WHERE month = ?", (month,))
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
    s = settings.load(book)
    label = {"month": month, "year": month[:4], "all": f"..{month}"}[period]
    return BoardData(s.village, label, shown, shown[:5], group_by, _rules(book),
                     s.stars_per_flag, posting(book, month), get_lang())


def sheet_data(book, month: str) -> SheetData:
    """The month's sheet with points by kind and cumulative points, one line per resident."""
    sheet = tally.month_sheet(book, month)
    kinds = tally.points_by_kind(book, month)
    cumulative = tally.cumulative_points(book, month, [ln.resident_id for ln in sheet.lines])
    post = posting(book, month)
    marks: dict[str, set[str]] = {}
    for e in entries.entries_of(book, month=month):
        if not e.voided_at and e.late:
            marks.setdefault(e.resident_id, set()).add("补")
        if not e.voided_at and post.added_during_posting(e):
            marks.setdefault(e.resident_id, set()).add("增")
    lines = []
    for ln in sorted(sheet.lines, key=lambda ln: (ln.corner, ln.household, ln.name)):
        by_kind = {col: 0 for col in dict.fromkeys(KIND_COLUMNS.values())}
        for kind, points_c in kinds.get(ln.resident_id, {}).items():
            by_kind[KIND_COLUMNS[kind]] += points_c
        lines.append(SheetLine(ln, by_kind, cumulative.get(ln.resident_id, 0),
                               "".join(sorted(marks.get(ln.resident_id, ())))))
    totals = {col: sum(sl.by_kind[col] for sl in lines) for col in dict.fromkeys(
        KIND_COLUMNS.values())}
    return SheetData(settings.load(book).village, month, lines, sheet.total_c, totals,
                     sum(sl.cumulative_c for sl in lines), sheet.total_entries,
                     post, get_lang())


def slips_data(book, month: str, residents: list | None = None) -> SlipsData:
    """One slip per resident with entries this month (or the residents named)."""
    from villagebook import people

    chosen = residents
    if chosen is None:
        ids = [r[0] for r in book.query(
            "SELECT DISTINCT resident_id FROM entries WHERE month = ?", (month,))]
        chosen = [people.get_resident(book, rid) for rid in ids]
    cumulative = tally.cumulative_points(book, month, [r.id for r in chosen])
    slips = []
    for r in sorted(chosen, key=lambda r: (r.corner, r.household, r.pinyin)):
        found = sorted(entries.entries_of(book, resident_id=r.id, month=month),
                       key=lambda e: (e.day, e.recorded_at))
        month_c = sum(e.points_c for e in found if not e.voided_at)
        slips.append(Slip(r.name, r.household, r.corner, found, month_c,
                          cumulative.get(r.id, 0)))
    names = {c.code: c.name for c in catalogue.categories(book, include_retired=True)}
    s = settings.load(book)
    return SlipsData(s.village, month, slips, names, s.objection_days, posting(book, month),
                     get_lang())


@dataclass(frozen=True)
class NoticeData:
    village: str
    month: str
    lines: list[tally.Line]  # the month's sheet, residents shown on the board
    residents: int  # everyone with points this month, on the board or not
    total_c: int
    total_entries: int
    objection_days: int
    posting: Posting
    lang: str


def notice_data(book, month: str) -> NoticeData:
    """The posting notice: the month's summary, the deadline, how to object."""
    sheet = tally.month_sheet(book, month)
    s = settings.load(book)
    return NoticeData(s.village, month, [ln for ln in sheet.lines if ln.on_board],
                      len(sheet.lines), sheet.total_c, sheet.total_entries, s.objection_days,
                      posting(book, month), get_lang())


def catalogue_data(book) -> CatalogueData:
    return CatalogueData(settings.load(book).village, _rules(book), get_lang())


def names_in(data) -> list[str]:
    """Every resident's name a printout will show, to check the font has them all."""
    if isinstance(data, BoardData):
        return [ln.name for ln in data.lines]
    if isinstance(data, SheetData):
        return [sl.line.name for sl in data.lines]
    if isinstance(data, SlipsData):
        return [s.name for s in data.slips]
    if isinstance(data, NoticeData):
        return [ln.name for ln in data.lines]
    return []


def sha256(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


def record_print(book, kind: str, period: str, pdf: bytes, path: Path,
                 actor: str | None, missing: dict[str, list[str]] | None = None) -> str:
    """Append the printout's audit line: what, for when, by whom, and its SHA-256."""
    digest = sha256(pdf)
    detail = {"kind": kind, "period": period, "sha256": digest, "file": Path(path).name,
              "bytes": len(pdf)}
    if missing:
        detail["missing_glyphs"] = missing
    with book.writing(actor, f"print.{kind}", period, detail):
        pass
    return digest


@dataclass(frozen=True)
class Verified:
    seq: int
    at: str
    actor: str
    kind: str
    period: str


def verify(book, pdf: bytes) -> Verified | None:
    """The audit line of the printout with exactly these bytes, if this book made it."""
    digest = sha256(pdf)
    row = book.one(
        "SELECT seq, at, actor, action, subject FROM audit WHERE action LIKE 'print.%'"
        " AND json_extract(detail, '$.sha256') = ? ORDER BY seq DESC LIMIT 1", (digest,))
    if row is None:
        return None
    return Verified(row["seq"], row["at"], row["actor"], row["action"][6:], row["subject"])
