"""A paper page keyed back: what the gatherer wrote in its cells becomes entries, all of the
page in one write or nothing, the page keyed once.

A line is one row of the page as keyed: its day (empty: the form's day; 5: the 5th of the
form's month; or any date form `record` reads), a quantity per column, the number of an
"other" category with its quantity, a note, and, on a blank row, who it is. Every entry
carries its place on the paper in its note ("纸表 F2026-11-东片-1 第2页第5行"), so a
resident who objects, and the committee, can find the handwritten line.

When the paper's total boxes were filled, keying them checks the page before anything is
saved: a column whose cells do not add up to its box is named, with the rows that could
explain it (a cell equal to the difference, else every row with a number in it).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from villagebook import catalogue, daycaps, entries, months, paperforms, people
from villagebook.book import now
from villagebook.errors import BookError
from villagebook.i18n import get_lang, t
from villagebook.ids import new_id
from villagebook.quantities import parse_day, parse_quantity, quantity_text

OTHER = "other"  # the column whose cells name their category by number


@dataclass
class Line:
    row: int
    day: str = ""
    cells: dict[str, str] = field(default_factory=dict)  # category code (or OTHER) -> qty
    other: str = ""  # the number of the other category, from the legend
    note: str = ""
    who: str = ""  # on a blank row: the resident, by name, initials or id


@dataclass(frozen=True)
class Planned:
    row: int
    resident: people.Resident
    category: str
    quantity: Decimal
    points_c: int
    day: date
    note: str
    rule: catalogue.Category  # as plan checked it: save writes its rule and its cap


def plan(book, form: paperforms.Form, page: int, lines: list[Line],
         today: date | None = None) -> list[Planned]:
    """The entries the page's lines make, or the first bad cell named (row and column)."""
    today = today or date.today()
    rows = {r.number: r for r in form.page(page)}
    planned = []
    for line in lines:
        if line.other.strip() and not str(line.cells.get(OTHER, "")).strip():
            line.cells[OTHER] = ""  # a number alone: a fixed award needs no quantity
            wanted = [*(c for c, v in line.cells.items() if str(v).strip()), OTHER]
        else:
            wanted = [c for c, v in line.cells.items() if str(v).strip()]
        if not wanted:
            continue  # a row with nothing in it
        row = rows.get(line.row)
        if row is None:
            raise BookError("form.no_row", page=page, row=line.row)
        try:
            resident = _resident(book, form, row, line)
            day = day_written(form, line.day, today)
        except BookError as exc:
            raise BookError("form.bad_row", page=page, row=line.row, why=str(exc)) from None
        for column in wanted:
            try:
                planned.append(_entry(book, form, line, column, line.cells[column], resident,
                                      day))
            except BookError as exc:
                raise BookError("form.bad_cell", page=page, row=line.row,
                                column=column_name(book, column), why=str(exc)) from None
    return planned


def column_name(book, column: str) -> str:
    """A column as the paper heads it: the category's name, or 其他."""
    if column == OTHER:
        return t("paper.other")
    return catalogue.get(book, column).name


def _resident(book, form, row: paperforms.Row, line: Line) -> people.Resident:
    if row.resident_id:
        return people.get_resident(book, row.resident_id)
    if not line.who.strip():
        raise BookError("form.who_missing")
    return blank_row_resident(book, form, line.who)


def blank_row_resident(book, form, who: str) -> people.Resident:
    """The resident written on a blank row: anyone in the book but those printed on the
    form, whose points belong on their own row."""
    found = people.find_resident(book, who)
    for page, rows in enumerate(form.pages, start=1):
        for printed in rows:
            if printed.resident_id == found.id:
                raise BookError("form.on_the_form", name=found.name, page=page,
                                row=printed.number)
    return found


def day_written(form, typed: str, today: date) -> date:
    """The day a row's day cell means: empty, the form's; 5, the 5th of its month; or any
    form record reads. Never outside the form's month."""
    typed = (typed or "").strip()
    if not typed:
        return date.fromisoformat(form.default_day(today))
    if typed.isdigit() and len(typed) <= 2:  # the day of the form's month
        typed = f"{form.month}-{int(typed):02d}"
    day = parse_day(typed, today)
    if day.strftime("%Y-%m") != form.month:
        raise BookError("form.day_elsewhere", day=day.isoformat(), month=form.month)
    return day


def _entry(book, form, line: Line, column: str, typed: str, resident, day) -> Planned:
    category = column
    if column == OTHER:
        number = (line.other or "").strip()
        if not number.isdigit() or not 1 <= int(number) <= len(form.others):
            raise BookError("form.other_number", number=number or "?", last=len(form.others))
        category = form.others[int(number) - 1]
    cat, qty, points_c = entries.preview(book, category, str(typed).strip() or None)
    return Planned(line.row, resident, cat.code, qty, points_c, day, line.note.strip(), cat)


def column_sums(planned: list[Planned], form) -> dict[str, Decimal]:
    return {c: sum((p.quantity for p in planned if p.category == c), Decimal(0))
            for c in form.columns}


def check_totals(book, planned: list[Planned], form, totals: dict[str, str]) -> None:
    """Each filled total box against its column: the first that differs is refused,
    naming the rows that could explain it; nothing is saved."""
    sums = column_sums(planned, form)
    for column, typed in totals.items():
        if not str(typed).strip() or column not in sums:
            continue
        boxed = parse_quantity(str(typed), "total")
        if boxed == sums[column]:
            continue
        cells = [(p.row, p.quantity) for p in planned if p.category == column]
        raise BookError("form.total_off", column=catalogue.get(book, column).name,
                        boxed=quantity_text(boxed), keyed=quantity_text(sums[column]),
                        rows=("、" if get_lang() == "zh" else ", ").join(
                            str(r) for r in suspects(cells, abs(boxed - sums[column]))) or "-")


def suspects(cells: list[tuple[int, Decimal]], gap: Decimal) -> list[int]:
    """The rows that could explain a column's gap: a cell equal to it, else every row with
    a number in the column."""
    return sorted({r for r, v in cells if v == gap} or {r for r, _ in cells})


def save(book, form, page: int, planned: list[Planned], actor: str | None,
         today: date | None = None) -> int:
    """All of the page's entries in one write, with the page marked keyed; or nothing."""
    key = paperforms.page_key(form.code, page)
    if paperforms.keyed(book, form.code, page):
        raise BookError("form.page_keyed", code=form.code, page=page)
    with book.writing(actor, "form.key", key, {"code": form.code, "page": page,
                                              "entries": len(planned)}) as conn:
        for p in planned:
            cat = p.rule
            daycaps.check_cap(conn, cat, p.quantity, [p.resident], p.day.isoformat())
            month = months.counting_month(book, p.day, False, today)
            trace = t("form.trace", code=form.code, page=page, row=p.row)
            row = {"id": new_id(), "resident_id": p.resident.id,
                   "day": p.day.isoformat(), "month": month, "category": p.category,
                   "quantity": quantity_text(p.quantity), "points_c": p.points_c,
                   "rule": cat.rule, "note": f"{trace}；{p.note}" if p.note else trace,
                   "recorded_by": form.gatherer or actor or "-", "recorded_at": now(),
                   "late": 0}
            conn.execute("INSERT OR IGNORE INTO months (month) VALUES (?)", (month,))
            conn.execute(entries.INSERT, row)
            book.audit(actor, "entry.record", row["id"],
                       {"resident": p.resident.name, "resident_id": p.resident.id,
                        "day": row["day"], "category": p.category,
                        "quantity": row["quantity"], "points_c": p.points_c,
                        "note": row["note"], "late": 0}, "entries", row["id"])
        conn.execute("INSERT INTO paper_pages (page_key, code, page, entries, keyed_at,"
                     " keyed_by) VALUES (?, ?, ?, ?, ?, ?)",
                     (key, form.code, page, len(planned), now(), actor or "-"))
        book.changed("paper_pages", key)
    return len(planned)
