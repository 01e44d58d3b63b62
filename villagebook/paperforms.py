"""纸表: the form a gatherer carries on her walk, one per corner, and its pages.

A form is laid out once, when it is first printed, and kept in the book (`paper_forms`,
logged like any row): the page a gatherer keys back is then the page she carried, whoever
joined the roster since. Its code names it on the paper and on every entry keyed from it:
F2026-11-东片-1 is the first form of 东片 for November (a form printed again with the same
roster is the same form; a changed roster makes F2026-11-东片-2).

Each page holds at most ROWS_PER_PAGE rows of 8.5 mm: the corner's residents by household,
then name, a household never split over two pages, then blank rows for residents not
listed (every page is filled up with them, and the last has at least BLANK_ROWS). Rows
are numbered from 1 on each page ("第2页第5行").
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, timedelta

from villagebook.errors import BookError

ROWS_PER_PAGE = 12
BLANK_ROWS = 4  # at least this many blank rows close the form
COLUMNS = ("labour", "donation", "goods")  # each its own column; any other by its number
CODE = re.compile(r"^F(\d{4}-\d{2})-(.+)-(\d+)$")

# v7 of the schema: forms as printed, and the pages keyed from them; neither changes
TABLES = [
    """CREATE TABLE paper_forms (
        code TEXT PRIMARY KEY,
        month TEXT NOT NULL,
        corner TEXT NOT NULL,
        layout TEXT NOT NULL CHECK (json_valid(layout)),
        printed_at TEXT NOT NULL,
        printed_by TEXT NOT NULL
    )""",
    """CREATE TRIGGER paper_forms_fixed BEFORE UPDATE ON paper_forms
        BEGIN SELECT RAISE(ABORT, 'a printed form never changes'); END""",
    """CREATE TRIGGER paper_forms_no_delete BEFORE DELETE ON paper_forms
        BEGIN SELECT RAISE(ABORT, 'a printed form never changes'); END""",
    """CREATE TABLE paper_pages (
        page_key TEXT PRIMARY KEY,
        code TEXT NOT NULL REFERENCES paper_forms (code),
        page INTEGER NOT NULL CHECK (page >= 1),
        entries INTEGER NOT NULL CHECK (entries >= 0),
        keyed_at TEXT NOT NULL,
        keyed_by TEXT NOT NULL
    )""",
    """CREATE TRIGGER paper_pages_fixed BEFORE UPDATE ON paper_pages
        BEGIN SELECT RAISE(ABORT, 'a keyed page is keyed once'); END""",
    """CREATE TRIGGER paper_pages_no_delete BEFORE DELETE ON paper_pages
        BEGIN SELECT RAISE(ABORT, 'a keyed page is keyed once'); END""",
]


@dataclass(frozen=True)
class Row:
    number: int  # on its page, from 1
    resident_id: str  # '' for a blank row
    name: str
    household: str


@dataclass(frozen=True)
class Form:
    code: str
    month: str
    corner: str
    gatherer: str
    first_day: str
    last_day: str
    columns: tuple[str, ...]  # category codes with a column of their own
    others: tuple[str, ...]  # the other active categories, numbered from 1 in the legend
    pages: tuple[tuple[Row, ...], ...]

    def page(self, number: int) -> tuple[Row, ...]:
        if not 1 <= number <= len(self.pages):
            raise BookError("form.no_page", code=self.code, page=number, pages=len(self.pages))
        return self.pages[number - 1]

    def default_day(self, today: date) -> str:
        """The day an entry takes when its row's day is left empty: the form's first day
        (never one still to come), as the paper says."""
        return min(self.first_day, today.isoformat())


def paginate(residents: list[tuple[str, str, str]]) -> tuple[tuple[Row, ...], ...]:
    """(id, name, household) in order -> pages of numbered rows, households kept whole,
    blank rows at the end."""
    households: dict[str, list] = {}
    for rid, name, household in residents:
        households.setdefault(household or rid, []).append((rid, name, household))
    pages: list[list] = [[]]
    for group in households.values():
        if pages[-1] and len(pages[-1]) + len(group) > ROWS_PER_PAGE:
            pages.append([])
        for person in group:
            if len(pages[-1]) == ROWS_PER_PAGE:  # a household larger than a page
                pages.append([])
            pages[-1].append(person)
    if ROWS_PER_PAGE - len(pages[-1]) < BLANK_ROWS:  # the last page is full: blanks after
        pages.append([])
    for page in pages:  # every page ends in blank rows for residents not listed
        page += [("", "", "")] * (ROWS_PER_PAGE - len(page))
    return tuple(tuple(Row(i, *person) for i, person in enumerate(page, start=1))
                 for page in pages)


def issue(book, month: str, corner: str, gatherer: str, days: int, actor: str | None,
          today: date | None = None) -> Form:
    """The corner's form for `month`, laid out from today's roster; the same form again if
    the roster has not changed since it was printed, else a new one (written to the book)."""
    from villagebook import catalogue
    from villagebook.book import now

    today = today or date.today()
    found = book.query("SELECT id, name, household, pinyin FROM residents WHERE active = 1"
                       " AND corner = ?", (corner,))
    rows = [(r["id"], r["name"], r["household"]) for r in sorted(
        found, key=lambda r: (_natural(r["household"]), r["pinyin"], r["name"]))]
    if not rows and not book.one("SELECT 1 FROM residents WHERE corner = ?", (corner,)):
        raise BookError("form.no_corner", corner=corner)
    active = [c.code for c in catalogue.categories(book)]
    first = max(today, date.fromisoformat(month + "-01")) if today.strftime("%Y-%m") <= month \
        else date.fromisoformat(month + "-01")
    last = min(first + timedelta(days=max(days, 1) - 1), _month_end(month))
    layout = {"gatherer": gatherer, "first_day": first.isoformat(), "last_day": last.isoformat(),
              "columns": [c for c in COLUMNS if c in active],
              "others": [c for c in active if c not in COLUMNS],
              "pages": [[[r.number, r.resident_id, r.name, r.household] for r in page]
                        for page in paginate(rows)]}
    text = json.dumps(layout, ensure_ascii=False, sort_keys=True)
    seq = 1
    for code, kept in book.query("SELECT code, layout FROM paper_forms WHERE month = ? AND"
                                 " corner = ? ORDER BY rowid", (month, corner)):
        if kept == text:
            return load(book, code)
        seq += 1
    code = f"F{month}-{corner}-{seq}"
    with book.writing(actor, "form.print", code, {"corner": corner, "month": month}) as conn:
        conn.execute("INSERT INTO paper_forms (code, month, corner, layout, printed_at,"
                     " printed_by) VALUES (?, ?, ?, ?, ?, ?)",
                     (code, month, corner, text, now(), actor or "-"))
        book.changed("paper_forms", code)
    return load(book, code)


def load(book, code: str) -> Form:
    """The form as it was printed, by its code (F2026-11-东片-1)."""
    code = (code or "").strip()
    row = book.one("SELECT * FROM paper_forms WHERE code = ?", (code,))
    if row is None:
        raise BookError("form.unknown", code=code)
    layout = json.loads(row["layout"])
    pages = tuple(tuple(Row(*cells) for cells in page) for page in layout["pages"])
    return Form(row["code"], row["month"], row["corner"], layout["gatherer"],
                layout["first_day"], layout["last_day"], tuple(layout["columns"]),
                tuple(layout["others"]), pages)


def corners(book, only: str | None = None) -> list[str]:
    """The corners a form is printed for: the one asked for, or every corner with residents."""
    if only:
        return [only.strip()]
    return [r[0] for r in book.query("SELECT DISTINCT corner FROM residents WHERE active = 1"
                                     " ORDER BY corner")]


def gatherer_of(book, corner: str) -> str:
    """The corner's gatherer when it has exactly one, else '' (a line to sign on)."""
    found = [r[0] for r in book.query("SELECT name FROM gatherers WHERE corner = ?", (corner,))]
    return found[0] if len(found) == 1 else ""


def keyed(book, code: str, page: int) -> bool:
    return book.one("SELECT 1 FROM paper_pages WHERE page_key = ?", (page_key(code, page),)) \
        is not None


def page_key(code: str, page: int) -> str:
    return f"{code}#{page}"


def _natural(text: str) -> list:
    """马家5户 before 马家52户: numbers in a household's name compare as numbers."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in re.split(r"(\d+)", text or "") if part]


def _month_end(month: str) -> date:
    first = date.fromisoformat(month + "-01")
    return (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
