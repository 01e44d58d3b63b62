"""Keeping the roster clean from the command line: a resident retired (moved away, passed
away) and back again, each with its reason on the record. Nothing is deleted: a retired
resident's entries stay theirs and keep counting in the months they belong to; they only
leave the lists, the search and the boards to come, and take no new entry."""

from __future__ import annotations

from villagebook.errors import BookError
from villagebook.people import Resident, clean_text, get_resident


def retire(book, resident: Resident, reason: str, actor: str | None) -> Resident:
    reason = clean_text(reason, "reason", required=True, limit=200)
    if not resident.active:
        raise BookError("resident.already_retired", label=resident.label())
    return _set_active(book, resident, False, "residents.retire", {"reason": reason}, actor)


def unretire(book, resident: Resident, actor: str | None) -> Resident:
    if resident.active:
        raise BookError("resident.not_retired", label=resident.label())
    return _set_active(book, resident, True, "residents.unretire", {}, actor)


def _set_active(book, resident, active: bool, action: str, detail: dict, actor) -> Resident:
    with book.writing(actor, action, resident.id, {"name": resident.name, **detail}) as conn:
        conn.execute("UPDATE residents SET active = ? WHERE id = ?", (int(active), resident.id))
        book.changed("residents", resident.id)
    return get_resident(book, resident.id)
