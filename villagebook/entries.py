"""Recording contributions and voiding mistakes. Nothing is ever deleted or deducted."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from typing import NamedTuple

from villagebook import catalogue, daycaps, months
from villagebook.book import now
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.ids import new_id
from villagebook.people import Resident, clean_text, get_gatherer
from villagebook.quantities import parse_day, parse_quantity, quantity_text

# schema v12: every entry of a month, voided ones too (the seal of a final month, the
# month's list, the review's late and voided lines): a book has no ANALYZE statistics,
# and SQLite then read every entry of 20 years to find one month's (a village's 1.9 s).
MONTH_INDEX = "CREATE INDEX entries_month ON entries (month)"


class Entry(NamedTuple):
    id: str
    resident_id: str
    resident_name: str
    day: str
    month: str
    category: str
    quantity: str
    points_c: int
    rule: str
    note: str
    recorded_by: str
    recorded_at: str
    voided_at: str | None
    voided_by: str | None
    void_reason: str | None
    late: int = 0  # 补记: recorded after its own month was final, counted in a later month


MAX_ENTRY_POINTS_C = 10**10  # 100 million points: far beyond any real gift, far from overflow


def month_state(book, month: str) -> str:
    row = book.one("SELECT state FROM months WHERE month = ?", (month,))
    return row["state"] if row else "open"


def preview(book, category: str, quantity: str | None) -> tuple[catalogue.Category, Decimal, int]:
    """Check a category and quantity and compute the points, writing nothing."""
    cat = catalogue.get(book, category)
    if cat.kind == "fixed":
        if quantity not in (None, "") and parse_quantity(quantity) != 1:
            raise BookError("entry.fixed_quantity", category=cat.code)
        qty = Decimal(1)
    else:
        if quantity in (None, ""):
            raise BookError("entry.need_quantity", category=cat.code)
        qty = parse_quantity(quantity)
    if cat.max_quantity is not None and qty > cat.max_quantity:
        raise BookError("entry.over_max", category=cat.name, quantity=quantity_text(qty),
                        max=quantity_text(cat.max_quantity), unit=t(f"unit.{cat.kind}"))
    points_c = cat.points_for(qty)
    if points_c <= 0:
        raise BookError("entry.too_small", category=cat.code, quantity=quantity_text(qty))
    if points_c > MAX_ENTRY_POINTS_C:
        raise BookError("entry.too_many_points", category=cat.code, quantity=quantity_text(qty))
    return cat, qty, points_c


def record(book, resident: Resident, category: str, quantity: str | None, by: str,
           day: str | date | None = None, note: str = "", today: date | None = None,
           late: bool = False, again: bool = False, old: bool = False) -> Entry:
    """Write one entry with its points and rule; refuse anything unclear, write nothing then."""
    return record_many(book, [resident], category, quantity, by, day, note, today, late,
                       again, old)[0]


OLD_DAYS = 366  # a day further back than a year is most often a mistyped year


def check_old(book, when: date, today: date) -> None:
    """A day over a year back, or before the book's first month of entries, is most often
    a mistyped year (2025 for 2026): refused, saying why, unless `old` says it is meant."""
    if (today - when).days > OLD_DAYS:
        raise BookError("date.old_year", day=when.isoformat(), days=(today - when).days)
    first = book.one("SELECT MIN(month) FROM entries WHERE voided_at IS NULL")[0]
    if first and when.strftime("%Y-%m") < first:
        raise BookError("date.before_first", day=when.isoformat(), first=first)


def record_many(book, residents: list[Resident], category: str, quantity: str | None, by: str,
                day: str | date | None = None, note: str = "",
                today: date | None = None, late: bool = False,
                again: bool = False, old: bool = False) -> list[Entry]:
    """The same contribution for several residents (both parents of a soldier): one entry
    each, all in one transaction, so either every one is written or none is. The rule's
    cap holds for each resident's day (daycaps); a repeat of an entry recorded within a
    day is refused unless `again` says the gatherer means it."""
    gatherer = get_gatherer(book, by)
    for resident in residents:
        if not resident.active:
            raise BookError("resident.retired_no_entry", label=resident.label())
    when = day if isinstance(day, date) else parse_day(day, today)
    if not old:
        check_old(book, when, today or date.today())
    cat, qty, points_c = preview(book, category, quantity)
    note = clean_text(note, "note", limit=200)
    month = months.counting_month(book, when, late, today)
    is_late = int(month != when.strftime("%Y-%m"))
    rows = [{
        "id": new_id(), "resident_id": r.id, "day": when.isoformat(), "month": month,
        "category": cat.code, "quantity": quantity_text(qty), "points_c": points_c,
        "rule": cat.rule, "note": note, "recorded_by": gatherer.name, "recorded_at": now(),
        "late": is_late,
    } for r in residents]

    def detail(row, resident):
        keys = ("resident_id", "day", "category", "quantity", "points_c", "note", "late")
        return {**{k: row[k] for k in keys}, "resident": resident.name}

    first = rows[0]
    with book.writing(gatherer.name, "entry.record", first["id"],
                      detail(first, residents[0])) as conn:
        daycaps.check_cap(conn, cat, qty, residents, first["day"])
        if not again:
            daycaps.check_again(conn, cat, qty, residents, first["day"], first["recorded_at"])
        # a month's row begins blank (open, nothing set): check takes that as no change
        conn.execute("INSERT OR IGNORE INTO months (month) VALUES (?)", (month,))
        for row, resident in zip(rows, residents, strict=True):
            conn.execute(INSERT, row)
            if row is first:
                book.changed("entries", row["id"])
            else:
                book.audit(gatherer.name, "entry.record", row["id"], detail(row, resident),
                           "entries", row["id"])
    return [get_entry(book, row["id"]) for row in rows]


INSERT = (
    "INSERT INTO entries (id, resident_id, day, month, category, quantity, points_c, rule,"
    " note, recorded_by, recorded_at, late) VALUES (:id, :resident_id, :day, :month,"
    " :category, :quantity, :points_c, :rule, :note, :recorded_by, :recorded_at, :late)"
)

# The columns in Entry's order, so a row becomes an Entry without a dict (a month's slips
# are 40,000 of them)
_COLUMNS = ", ".join("r.name AS resident_name" if f == "resident_name" else f"e.{f}"
                     for f in Entry._fields)
_SELECT = f"SELECT {_COLUMNS} FROM entries e JOIN residents r ON r.id = e.resident_id"


def _entry(row) -> Entry:
    return Entry._make(row)


def get_entry(book, entry_id: str) -> Entry:
    """An entry by its id or a unique prefix of at least 6 characters."""
    key = (entry_id or "").strip().lower()
    if 0 < len(key) < 6:
        raise BookError("entry.short_id", id=entry_id)
    rows = []
    if len(key) >= 6 and all(ch in "0123456789abcdef" for ch in key):
        # a range on the primary key, not LIKE, so a million entries cost one index seek
        rows = book.query(_SELECT + " WHERE e.id >= ? AND e.id < ? LIMIT 2", (key, key + "g"))
    if not rows:
        raise BookError("entry.unknown", id=entry_id)
    if len(rows) > 1:
        raise BookError("entry.ambiguous", id=entry_id)
    return _entry(rows[0])


def void_needs_pin(book, entry: Entry, by: str) -> bool:
    """A gatherer voids her own entries of a month not yet posted; anything else (another
    gatherer's entry, a month residents are reading) takes the committee's PIN."""
    return entry.recorded_by != by or month_state(book, entry.month) != "open"


def void(book, entry_id: str, reason: str, by: str) -> Entry:
    """Withdraw a mistaken entry, saying who and why; it stays in the book, out of the totals."""
    gatherer = get_gatherer(book, by)
    entry = get_entry(book, entry_id)
    reason = clean_text(reason, "reason", required=True, limit=200)
    if entry.voided_at:
        raise BookError("entry.already_void", id=entry.id[:8], at=entry.voided_at)
    if month_state(book, entry.month) == "final":
        raise BookError("month.final", month=entry.month)
    detail = {"reason": reason, "resident": entry.resident_name, "points_c": entry.points_c}
    with book.writing(gatherer.name, "entry.void", entry.id, detail) as conn:
        conn.execute(
            "UPDATE entries SET voided_at = ?, voided_by = ?, void_reason = ? WHERE id = ?",
            (now(), gatherer.name, reason, entry.id),
        )
        book.changed("entries", entry.id)
    return get_entry(book, entry.id)


def entries_of(book, resident_id: str | None = None, month: str | None = None,
               recorded_by: str | None = None, recorded_on: str | None = None) -> list[Entry]:
    """Entries, voided ones included, newest first; recorded_on is the day they were typed in."""
    sql, params = _SELECT + " WHERE 1 = 1", []
    for column, value in (("e.resident_id", resident_id), ("e.month", month),
                          ("e.recorded_by", recorded_by)):
        if value:
            sql += f" AND {column} = ?"
            params.append(value)
    if recorded_on:
        sql += " AND e.recorded_at >= ? AND e.recorded_at < ?"
        params += [f"{recorded_on}T", f"{recorded_on}U"]
    return [_entry(r) for r in book.query(sql + " ORDER BY e.recorded_at DESC, e.rowid DESC",
                                          params)]


def month_entries_by_resident(book, month: str, resident_ids: list[str]) -> dict[str, list[Entry]]:
    """Every entry of the month of these residents, voided ones too, by resident, in the
    order they happened: by day, then as they were typed. One query for a batch of slips,
    not one per resident; it walks the residents (ids as one JSON list: past SQLite's
    limit of parameters) into the entries' (resident_id, month) index."""
    found: dict[str, list[Entry]] = {}
    for row in book.query(
            f"SELECT {_COLUMNS} FROM residents r CROSS JOIN entries e ON e.resident_id = r.id"
            " WHERE e.month = ? AND r.id IN (SELECT value FROM json_each(?))"
            " ORDER BY e.day, e.recorded_at, e.rowid", (month, json.dumps(resident_ids))):
        entry = _entry(row)
        found.setdefault(entry.resident_id, []).append(entry)
    return found
