"""The review as it was made before it read the month once (villagebook/review.py until
December 2026): one query a kind of finding. The oracle its property test compares with."""

from __future__ import annotations

import statistics
from decimal import Decimal

from villagebook.i18n import get_lang, t
from villagebook.quantities import fmt_points_short
from villagebook.review import LATE_DAYS, MANY, TIMES_USUAL, Finding

_ENTRY = ("SELECT e.*, r.name AS resident, r.household AS household FROM entries e"
          " JOIN residents r ON r.id = e.resident_id WHERE e.month = ?")


def by_queries(book, month: str) -> list[Finding]:
    """Every finding for the month, in the order above, each list by day."""
    cats = {r["code"]: r for r in book.query("SELECT * FROM categories")}
    found: list[Finding] = []
    for check in (_own_household, _over_cap, _repeated, _late_record, _many, _void_other):
        found += check(book, month, cats)
    return found


def _what(row, cats, quantity=None) -> str:
    cat = cats.get(row["category"])
    if cat is None:
        return row["category"]
    name = cat["name_zh"] if get_lang() == "zh" else cat["name_en"]
    if cat["kind"] == "fixed":
        return name
    return f"{name} {quantity or row['quantity']} {t('unit.' + cat['kind'])}"


def _finding(kind, row, cats, why, quantity=None) -> Finding:
    what = _what(row, cats, quantity)
    if quantity is None:
        what += f" +{fmt_points_short(row['points_c'])}"
    return Finding(kind, row["day"], row["resident"], what, row["recorded_by"], why)


def _own_household(book, month, cats) -> list[Finding]:
    rows = book.query(
        _ENTRY + " AND e.voided_at IS NULL AND EXISTS (SELECT 1 FROM residents g"
        " WHERE g.name = e.recorded_by AND g.household = r.household AND g.household != '')"
        " ORDER BY e.day, r.name", (month,))
    return [_finding("own_household", row, cats,
                     t("review.own_household", by=row["recorded_by"],
                       household=row["household"])) for row in rows]


def _over_cap(book, month, cats) -> list[Finding]:
    rows = book.query(
        "SELECT e.resident_id, e.category, e.day, MIN(e.recorded_by) AS recorded_by,"
        " r.name AS resident, GROUP_CONCAT(e.quantity, ' ') AS quantities FROM entries e"
        " JOIN residents r ON r.id = e.resident_id WHERE e.month = ? AND e.voided_at IS NULL"
        " GROUP BY e.resident_id, e.category, e.day ORDER BY e.day, r.name", (month,))
    found = []
    for row in rows:
        cap = cats.get(row["category"], {"max_quantity": None})["max_quantity"]
        total = sum(Decimal(q) for q in row["quantities"].split())
        if cap is not None and total > Decimal(cap):
            found.append(_finding("over_cap", row, cats, t("review.over_cap", max=cap),
                                  quantity=str(total)))
    return found


def _repeated(book, month, cats) -> list[Finding]:
    """An entry's twins are in the month of its day or were recorded late in a later one
    (the schema allows no other month): two lookups by index, where counting them among
    all of the resident's entries read 20 years for each (a township's month: 135 s)."""
    same = ("d.resident_id = e.resident_id AND d.category = e.category AND d.day = e.day"
            " AND d.quantity = e.quantity AND d.voided_at IS NULL")
    rows = book.query(
        _ENTRY + " AND e.voided_at IS NULL AND (SELECT COUNT(*) FROM entries d WHERE"
        f" d.month = substr(e.day, 1, 7) AND {same}) + (SELECT COUNT(*) FROM entries d"
        f" WHERE d.late = 1 AND d.month > substr(e.day, 1, 7) AND {same}) > 1"
        " ORDER BY e.day, r.name, e.recorded_at", (month,))
    return [_finding("repeated", row, cats, t("review.repeated")) for row in rows]


def _late_record(book, month, cats) -> list[Finding]:
    rows = book.query(
        _ENTRY + " AND julianday(substr(e.recorded_at, 1, 10)) - julianday(e.day) > ?"
        " ORDER BY e.day, r.name", (month, LATE_DAYS))
    return [_finding("late_record", row, cats,
                     t("review.late_record", at=row["recorded_at"][:10], days=LATE_DAYS))
            for row in rows]


def _many(book, month, cats) -> list[Finding]:
    pairs = book.query(
        "SELECT e.resident_id, e.recorded_by, COUNT(*) AS n, SUM(e.points_c) AS points_c,"
        " MIN(e.day) AS day, r.name AS resident FROM entries e JOIN residents r"
        " ON r.id = e.resident_id WHERE e.month = ? AND e.voided_at IS NULL"
        " GROUP BY e.resident_id, e.recorded_by ORDER BY r.name", (month,))
    if not pairs:
        return []
    usual = statistics.median(p["n"] for p in pairs)
    return [Finding("many", p["day"], p["resident"],
                    t("review.many_what", count=p["n"], points=fmt_points_short(p["points_c"])),
                    p["recorded_by"], t("review.many", usual=f"{usual:g}"))
            for p in pairs if p["n"] >= max(MANY, TIMES_USUAL * usual)]


def _void_other(book, month, cats) -> list[Finding]:
    rows = book.query(
        _ENTRY + " AND e.voided_at IS NOT NULL AND e.voided_by != e.recorded_by"
        " ORDER BY e.day, r.name", (month,))
    return [_finding("void_other", row, cats,
                     t("review.void_other", by=row["voided_by"], reason=row["void_reason"]))
            for row in rows]
