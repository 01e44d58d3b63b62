"""A rule's cap holds per resident per day, and the same entry twice is asked about.

The catalogue's "at most 24 hours" means a day's work, not one line of it: two 20-hour
labour entries for one resident on one day are refused like one 40-hour entry would be.
Voided entries do not count. The checks run inside the write's own transaction, so two
gatherers saving at once cannot both slip under the cap.

An entry identical to one recorded in the last 24 hours (same resident, category,
quantity and day, not voided) is most often a line typed twice from the same paper; it is
refused with a question, and goes in only when the gatherer says so (`--again`).
"""

from __future__ import annotations

import sqlite3
from datetime import datetime, timedelta
from decimal import Decimal

from villagebook.errors import BookError
from villagebook.quantities import quantity_text

AGAIN_WINDOW = timedelta(hours=24)


def day_total(conn: sqlite3.Connection, resident_id: str, category: str, day: str) -> Decimal:
    """What one resident already has in one category on one day, voided entries left out."""
    rows = conn.execute(
        "SELECT quantity FROM entries WHERE resident_id = ? AND day = ? AND category = ?"
        " AND voided_at IS NULL", (resident_id, day, category)).fetchall()
    return sum((Decimal(row[0]) for row in rows), Decimal(0))


def check_cap(conn: sqlite3.Connection, cat, quantity: Decimal, residents, day: str) -> None:
    """Refuse, naming the resident and what the day already holds, if the cap is passed."""
    if cat.max_quantity is None:
        return
    for resident in residents:
        already = day_total(conn, resident.id, cat.code, day)
        if already + quantity > cat.max_quantity:
            raise BookError("entry.over_day_cap", name=resident.name, day=day,
                            category=cat.name, already=quantity_text(already),
                            quantity=quantity_text(quantity),
                            max=quantity_text(cat.max_quantity), unit=_unit(cat.kind))


def check_again(conn: sqlite3.Connection, cat, quantity: Decimal, residents, day: str,
                at: str) -> None:
    """Refuse an entry that repeats one recorded within the last 24 hours."""
    since = (datetime.fromisoformat(at) - AGAIN_WINDOW).isoformat(timespec="seconds")
    for resident in residents:
        row = conn.execute(
            "SELECT id, recorded_at, recorded_by FROM entries WHERE resident_id = ?"
            " AND day = ? AND category = ? AND quantity = ? AND voided_at IS NULL"
            " AND recorded_at >= ? ORDER BY recorded_at DESC LIMIT 1",
            (resident.id, day, cat.code, quantity_text(quantity), since)).fetchone()
        if row is not None:
            raise BookError("entry.again", name=resident.name, day=day, category=cat.name,
                            quantity=quantity_text(quantity), unit=_unit(cat.kind),
                            at=row[1][11:16], by=row[2], id=row[0][:8])


def _unit(kind: str) -> str:
    from villagebook.i18n import t

    return t(f"unit.{kind}")
