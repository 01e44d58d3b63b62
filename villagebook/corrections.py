"""An objection settled by correction: "我只干了 6 小时" voids the 8-hour entry with the
objection as its reason and records the 6 hours, in one write, both on the record and on
the resident's slip (the new entry's note names the objection)."""

from __future__ import annotations

from villagebook import daycaps, entries, months, people
from villagebook.book import now
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.ids import new_id
from villagebook.quantities import quantity_text


def resolve_by_correction(book, objection_id: str, quantity: str, because: str,
                          actor: str | None) -> tuple[months.Objection, entries.Entry]:
    """Void the objected entry and record `quantity` in its place; refuse, writing
    nothing, a quantity the rule refuses or one equal to the entry's."""
    objection = months.get_objection(book, objection_id)
    original = entries.get_entry(book, objection.entry_id)
    cat, qty, points_c = entries.preview(book, original.category, quantity)
    if cat.kind == "fixed":
        raise BookError("objection.correct_fixed", category=cat.name)
    if quantity_text(qty) == original.quantity:
        raise BookError("objection.correct_same", quantity=original.quantity)
    resident = people.get_resident(book, original.resident_id)
    row = {"id": new_id(), "resident_id": resident.id, "day": original.day,
           "month": original.month, "category": cat.code, "quantity": quantity_text(qty),
           "points_c": points_c, "rule": cat.rule, "recorded_by": actor or original.recorded_by,
           "note": t("objection.correction_note", id=objection.id[:8]),
           "recorded_at": now(), "late": original.late}

    def record_the_correction(conn) -> None:
        daycaps.check_cap(conn, cat, qty, [resident], original.day)  # the old one is void
        conn.execute(entries.INSERT, row)
        book.audit(actor, "entry.record", row["id"],
                   {"resident": resident.name, "quantity": row["quantity"],
                    "points_c": points_c, "corrects": original.id}, "entries", row["id"])

    done = months.resolve(book, objection.id, True, because, actor,
                          also=record_the_correction, detail={"correct": row["quantity"]})
    return done, entries.get_entry(book, row["id"])
