"""Two residents who are one person (the roster typed 马少军 twice, or 马少君 by mistake) made
one: `merge(book, into=A, other=B)`.

Nothing is deleted and no entry is edited. Each of B's counting entries in a month that is
not final is voided, its reason naming A, and recorded again for A with the same day,
category, quantity, points, note and gatherer; B is retired. All of it is one write: the
merge's line, then a void and a record line per entry. Entries in final months stay with B,
as the boards on the wall showed them (a final month never changes), and the merge says how
many. It moves points between people, so the committee's PIN is asked first (by the faces);
day caps are not asked again: the review lists a day over its cap.
"""

from __future__ import annotations

from dataclasses import dataclass

from villagebook import entries
from villagebook.book import now
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.ids import new_id
from villagebook.people import Resident, get_resident


@dataclass(frozen=True)
class Merged:
    into: Resident
    other: Resident
    moved: int  # entries now A's
    kept_final: int  # entries of final months, still B's


def merge(book, into: Resident, other: Resident, actor: str | None) -> Merged:
    """B's (`other`'s) entries of months not final become A's (`into`'s); B is retired."""
    if into.id == other.id:
        raise BookError("merge.self", label=into.label())
    if not into.active:
        raise BookError("merge.into_retired", label=into.label())
    if book.one("SELECT 1 FROM objections o JOIN entries e ON e.id = o.entry_id"
                " WHERE e.resident_id = ? AND o.resolved_at IS NULL", (other.id,)):
        raise BookError("merge.objection_open", label=other.label())
    counting = [e for e in entries.entries_of(book, resident_id=other.id) if not e.voided_at]
    final = {r[0] for r in book.query("SELECT month FROM months WHERE state = 'final'")}
    moving = [e for e in counting if e.month not in final]
    if not moving and not other.active:
        raise BookError("merge.nothing", label=other.label())
    reason = t("merge.reason", label=into.label())
    detail = {"name": other.name, "into": into.id, "into_name": into.name,
              "count": len(moving), "kept_final": len(counting) - len(moving)}
    with book.writing(actor, "residents.merge", other.id, detail) as conn:
        if other.active:
            conn.execute("UPDATE residents SET active = 0 WHERE id = ?", (other.id,))
            book.changed("residents", other.id)
        for entry in moving:
            _move(book, conn, entry, into, reason, actor)
    return Merged(get_resident(book, into.id), get_resident(book, other.id), len(moving),
                  len(counting) - len(moving))


def _move(book, conn, entry, into: Resident, reason: str, actor: str | None) -> None:
    conn.execute("UPDATE entries SET voided_at = ?, voided_by = ?, void_reason = ?"
                 " WHERE id = ? AND voided_at IS NULL", (now(), actor or "-", reason, entry.id))
    book.audit(actor, "entry.void", entry.id, {"reason": reason, "resident":
               entry.resident_name, "points_c": entry.points_c}, "entries", entry.id)
    row = {"id": new_id(), "resident_id": into.id, "day": entry.day,
           "month": entry.month, "category": entry.category, "quantity": entry.quantity,
           "points_c": entry.points_c, "rule": entry.rule, "note": entry.note,
           "recorded_by": entry.recorded_by, "recorded_at": now(), "late": int(entry.late)}
    conn.execute(entries.INSERT, row)
    book.audit(actor, "entry.record", row["id"],
               {"resident": into.name, "resident_id": into.id, "day": row["day"],
                "category": row["category"], "quantity": row["quantity"],
                "points_c": row["points_c"], "note": row["note"], "late": row["late"],
                "moves": entry.id}, "entries", row["id"])
