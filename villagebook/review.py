"""Entries worth a second look before posting (人情分): favouritism within the rules.

Nothing here is refused or changed: each line names an entry (or a run of them) and says
why someone should look at it, for the committee to read before the month is posted.
- a gatherer recording for their own household (a gatherer who is also a resident);
- one resident over a rule's daily cap on one day, the day's entries added up (a book
  from before the cap held per day, or entries made around it);
- the same resident, category, quantity and day recorded more than once;
- an entry recorded more than LATE_DAYS after its day;
- one gatherer giving one resident far more entries than the village's usual;
- a void of an entry another gatherer recorded.
"""

from __future__ import annotations

import statistics
from collections import Counter
from dataclasses import dataclass
from decimal import Decimal
from typing import NamedTuple

from villagebook.i18n import get_lang, t
from villagebook.quantities import fmt_points_short

LATE_DAYS = 30
MANY = 5  # a gatherer's entries for one resident in a month worth a look, at the least
TIMES_USUAL = 3  # ... and this many times the month's usual (median) per pair

# schema v11: the entries recorded late (补记), by resident and day, for _repeated
LATE_INDEX = "CREATE INDEX entries_late ON entries (resident_id, day) WHERE late = 1"



class _Entry(NamedTuple):
    """One of the month's entries as the review reads it."""
    id: str
    resident_id: str
    day: str
    category: str
    quantity: str
    points_c: int
    recorded_by: str
    recorded_at: str
    voided_at: str | None
    voided_by: str | None
    void_reason: str | None
    late: int
    resident: str
    household: str
    days_late: float | None  # from its day to the day it was recorded


_MONTH = (  # read once: a township's month is 100,000 entries, and five reads took 3.4 s
    "SELECT e.id, e.resident_id, e.day, e.category, e.quantity, e.points_c, e.recorded_by,"
    " e.recorded_at, e.voided_at, e.voided_by, e.void_reason, e.late, r.name, r.household,"
    " julianday(substr(e.recorded_at, 1, 10)) - julianday(e.day)"
    " FROM entries e JOIN residents r ON r.id = e.resident_id WHERE e.month = ?"
    " ORDER BY e.day, r.name, e.recorded_at")
_TWINS = ("d.resident_id = e.resident_id AND d.category = e.category AND d.day = e.day"
          " AND d.quantity = e.quantity AND d.voided_at IS NULL")


@dataclass(frozen=True)
class Finding:
    kind: str  # own_household, over_cap, repeated, late_record, many, void_other
    day: str
    resident: str
    what: str
    by: str
    why: str

    def __str__(self) -> str:
        return f"{self.day}  {self.resident}  {self.what}  ({self.by})：{self.why}"


def review(book, month: str) -> list[Finding]:
    """Every finding for the month, in the order above, each list by day."""
    cats = {r["code"]: r for r in book.query("SELECT * FROM categories")}
    cursor = book.conn.cursor()
    cursor.row_factory = None
    rows = list(map(_Entry._make, cursor.execute(_MONTH, (month,))))
    counting = [row for row in rows if row.voided_at is None]
    return [*_own_household(book, counting, cats), *_over_cap(counting, cats),
            *_repeated(book, month, counting, cats), *_late_record(rows, cats),
            *_many(counting), *_void_other(rows, cats)]


def _what(row, cats, quantity=None) -> str:
    cat = cats.get(row.category)
    if cat is None:
        return row.category
    name = cat["name_zh"] if get_lang() == "zh" else cat["name_en"]
    if cat["kind"] == "fixed":
        return name
    return f"{name} {quantity or row.quantity} {t('unit.' + cat['kind'])}"


def _finding(kind, row, cats, why, quantity=None) -> Finding:
    what = _what(row, cats, quantity)
    if quantity is None:
        what += f" +{fmt_points_short(row.points_c)}"
    return Finding(kind, row.day, row.resident, what, row.recorded_by, why)


def _own_household(book, counting, cats) -> list[Finding]:
    """An entry by a gatherer for a resident of a household where someone of the
    gatherer's name lives."""
    names = sorted({row.recorded_by for row in counting})
    homes: dict[str, set[str]] = {}
    for at in range(0, len(names), 500):  # a few gatherers; in pieces all the same
        part = names[at:at + 500]
        for name, household in book.query(
                "SELECT name, household FROM residents WHERE household != '' AND name IN"
                f" ({','.join('?' * len(part))})", part):
            homes.setdefault(name, set()).add(household)
    return [_finding("own_household", row, cats,
                     t("review.own_household", by=row.recorded_by,
                       household=row.household))
            for row in counting if row.household in homes.get(row.recorded_by, ())]


def _over_cap(counting, cats) -> list[Finding]:
    """One resident's entries of a capped category on one day, added up, over the cap."""
    days: dict[tuple, list] = {}  # (resident, category, day): its first row, by, quantities
    for row in counting:
        cat = cats.get(row.category)
        if cat is None or cat["max_quantity"] is None:
            continue
        key = (row.resident_id, row.category, row.day)
        day = days.get(key)
        if day is None:
            days[key] = [row, row.recorded_by, [row.quantity]]
        else:
            day[1] = min(day[1], row.recorded_by)
            day[2].append(row.quantity)
    found = []
    for first, by, quantities in days.values():
        cap = cats[first.category]["max_quantity"]
        total = sum(Decimal(q) for q in quantities)
        if total > Decimal(cap):
            row = first._replace(recorded_by=by)
            found.append(_finding("over_cap", row, cats, t("review.over_cap", max=cap),
                                  quantity=str(total)))
    return found


def _repeated(book, month, counting, cats) -> list[Finding]:
    """An entry's twins are in the month of its day or were recorded late in a later one
    (the schema allows no other month). An entry of a day of this month has its twins in
    this month's rows and among the entries recorded late for its day (one read of the
    late entries' index); one recorded late for an earlier day, few as they are, has its
    own looked up by index."""
    own = [row for row in counting if row.day[:7] == month]
    twins = Counter((row.resident_id, row.category, row.day, row.quantity) for row in own)
    for *late, n in book.query(  # (+month: by the late entries' index, not the months')
            "SELECT resident_id, category, day, quantity, COUNT(*) FROM entries"
            " WHERE late = 1 AND voided_at IS NULL AND +month > ? AND substr(day, 1, 7) = ?"
            " GROUP BY resident_id, category, day, quantity", (month, month)):
        twins[tuple(late)] += n
    earlier = set()
    if len(own) < len(counting):
        earlier = {r["id"] for r in book.query(
            "SELECT e.id FROM entries e WHERE e.month = ? AND substr(e.day, 1, 7) != e.month"
            " AND e.voided_at IS NULL AND (SELECT COUNT(*) FROM entries d WHERE"
            f" d.month = substr(e.day, 1, 7) AND {_TWINS}) + (SELECT COUNT(*) FROM entries d"
            f" WHERE d.late = 1 AND d.month > substr(e.day, 1, 7) AND {_TWINS}) > 1",
            (month,))}
    return [_finding("repeated", row, cats, t("review.repeated")) for row in counting
            if row.id in earlier or row.day[:7] == month
            and twins[row.resident_id, row.category, row.day, row.quantity] > 1]


def _late_record(rows, cats) -> list[Finding]:
    return [_finding("late_record", row, cats,
                     t("review.late_record", at=row.recorded_at[:10], days=LATE_DAYS))
            for row in rows if row.days_late is not None and row.days_late > LATE_DAYS]


def _many(counting) -> list[Finding]:
    pairs: dict[tuple, list] = {}  # (resident, gatherer): [name, entries, points, first day]
    for row in counting:
        pair = pairs.get((row.resident_id, row.recorded_by))
        if pair is None:
            pairs[row.resident_id, row.recorded_by] = [row.resident, 1, row.points_c, row.day]
        else:
            pair[1] += 1
            pair[2] += row.points_c
    if not pairs:
        return []
    usual = statistics.median(n for _, n, _, _ in pairs.values())
    many = [(by, pair) for (_, by), pair in pairs.items()
            if pair[1] >= max(MANY, TIMES_USUAL * usual)]
    return [Finding("many", day, name,
                    t("review.many_what", count=n, points=fmt_points_short(points)), by,
                    t("review.many", usual=f"{usual:g}"))
            for by, (name, n, points, day) in sorted(many, key=lambda found: found[1][0])]


def _void_other(rows, cats) -> list[Finding]:
    return [_finding("void_other", row, cats,
                     t("review.void_other", by=row.voided_by, reason=row.void_reason))
            for row in rows
            if row.voided_by is not None and row.voided_at is not None
            and row.voided_by != row.recorded_by]
