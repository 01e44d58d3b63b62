"""A month's cycle: open -> posted (公示, residents may object) -> final (定稿); reopen.

Finalizing seals the month: a SHA-256 over its entries and the previous final month's
seal, a chain, so a final month changed behind the book's back is found by `check`.
"""

from __future__ import annotations

import hashlib
from datetime import date, timedelta
from typing import NamedTuple

from villagebook import monthsettings, settings
from villagebook.book import now
from villagebook.errors import BookError
from villagebook.ids import new_id
from villagebook.people import clean_text


class Objection(NamedTuple):
    id: str
    entry_id: str
    month: str
    says: str
    at: str
    recorded_by: str
    resolved_at: str | None
    resolution: str | None
    because: str | None
    resolved_by: str | None


class MonthStatus(NamedTuple):
    month: str
    state: str  # open, posted or final
    posted_at: str | None
    objection_until: str | None
    finalized_at: str | None
    finalized_by: str | None
    seal: str | None
    reopened_at: str | None
    reopen_reason: str | None
    objections: list[Objection]

    @property
    def unresolved(self) -> list[Objection]:
        return [o for o in self.objections if o.resolved_at is None]


def status(book, month: str) -> MonthStatus:
    row = book.one("SELECT * FROM months WHERE month = ?", (month,))
    objections = [Objection(**dict(r)) for r in book.query(
        "SELECT * FROM objections WHERE month = ? ORDER BY at, id", (month,))]
    if row is None:
        return MonthStatus(month, "open", None, None, None, None, None, None, None, objections)
    keys = ("state", "posted_at", "objection_until", "finalized_at", "finalized_by", "seal",
            "reopened_at", "reopen_reason")
    return MonthStatus(month, *(row[k] for k in keys), objections)


# -- what each step would refuse, said before anything is asked or written ------------------
# A face (the TUI, the CLI) calls these before it asks for a PIN, a reason or a yes, so a
# refusal comes first; post, finalize and reopen call them too, so the two cannot drift.
def check_post(book, month: str, today: date | None = None) -> MonthStatus:
    """Raise the BookError post() would (a month to come, one not open); write nothing."""
    today = today or date.today()
    if month > today.strftime("%Y-%m"):
        raise BookError("month.future", month=month)
    current = status(book, month)
    if current.state != "open":
        raise BookError("month.not_open", month=month, state=current.state)
    return current


def check_finalize(book, month: str) -> MonthStatus:
    """Raise the BookError finalize() would for the month's state; write nothing.

    Not posted, objections still open, a later month already final. The objection window
    is not checked here: inside it, finalizing takes a reason, which the face asks for.
    """
    current = status(book, month)
    if current.state != "posted":
        raise BookError("month.not_posted", month=month, state=current.state)
    if current.unresolved:
        raise BookError("month.objections_open", month=month, count=len(current.unresolved))
    _check_no_later_final(book, month)
    return current


def check_reopen(book, month: str) -> MonthStatus:
    """Raise the BookError reopen() would for the month's state; write nothing."""
    current = status(book, month)
    if current.state != "final":
        raise BookError("month.not_final", month=month, state=current.state)
    _check_no_later_final(book, month)
    return current


def _check_no_later_final(book, month: str) -> None:
    """The seals chain in month order: a month before a final one cannot change state.

    The latest final month is named: it is the one to reopen first.
    """
    later_final = book.one("SELECT month FROM months WHERE state = 'final' AND month > ?"
                           " ORDER BY month DESC LIMIT 1", (month,))
    if later_final:
        raise BookError("month.later_final", month=month, later=later_final["month"])


def post(book, month: str, actor: str | None, today: date | None = None,
         told=None) -> MonthStatus:
    """Put the month's sheet up for residents to check; the objection window opens.
    told(done, total) hears how far the copy made first is (backup.backup)."""
    today = today or date.today()
    check_post(book, month, today)
    until = (today + timedelta(days=settings.load(book).objection_days)).isoformat()
    from villagebook import backup  # (not on a record's way in)

    backup.backup(book, reason="post", told=told)
    with book.writing(actor, "month.post", month, {"objection_until": until}) as conn:
        conn.execute("INSERT OR IGNORE INTO months (month) VALUES (?)", (month,))
        conn.execute("UPDATE months SET state = 'posted', posted_at = ?, objection_until = ?"
                     " WHERE month = ?", (now(), until, month))
        book.changed("months", month)
    return status(book, month)


def _seal(book, month: str, previous: str) -> str:
    """SHA-256 over the month's entries, in id order, chained to the previous seal."""
    digest = hashlib.sha256(previous.encode())
    rows = book.query(
        "SELECT id, resident_id, day, month, category, quantity, points_c, rule, note,"
        " recorded_by, recorded_at, voided_at, voided_by, void_reason, late FROM entries"
        " WHERE month = ? ORDER BY id", (month,))
    for row in rows:
        digest.update(("\x1f".join("" if v is None else str(v) for v in row) + "\n").encode())
    return digest.hexdigest()


def _previous_seal(book, month: str) -> str:
    row = book.one("SELECT seal FROM months WHERE state = 'final' AND month < ?"
                   " ORDER BY month DESC LIMIT 1", (month,))
    return row["seal"] if row else ""


def finalize(book, month: str, actor: str | None, early_reason: str | None = None,
             today: date | None = None, told=None) -> MonthStatus:
    """Make a posted month final, once its window is closed and no objection is open."""
    today = today or date.today()
    current = check_finalize(book, month)
    early = clean_text(early_reason, "reason", limit=200) if early_reason else ""
    if today.isoformat() <= (current.objection_until or "") and not early:
        raise BookError("month.window_open", month=month, until=current.objection_until)
    from villagebook import backup  # (not on a record's way in)

    backup.backup(book, reason="finalize", told=told)
    detail = {"early": early} if early else {}
    with book.writing(actor, "month.finalize", month, detail) as conn:
        # sealed inside the write that makes it final: nothing can land in between
        check_finalize(book, month)
        detail["seal"] = seal = _seal(book, month, _previous_seal(book, month))
        kept = monthsettings.freeze(book, conn, month)  # before it is final: then guarded
        conn.execute("UPDATE months SET state = 'final', finalized_at = ?, finalized_by = ?,"
                     " seal = ? WHERE month = ?", (now(), actor, seal, month))
        book.changed("months", month)
        if kept:
            book.changed("month_settings", month)
    return status(book, month)


def reopen(book, month: str, actor: str | None, reason: str, told=None) -> MonthStatus:
    """Open a final month again (a committee decision, with its reason, on record)."""
    reason = clean_text(reason, "reason", required=True, limit=200)
    current = check_reopen(book, month)
    from villagebook import backup  # (not on a record's way in)

    backup.backup(book, reason="reopen", told=told)
    with book.writing(actor, "month.reopen", month,
                      {"reason": reason, "seal": current.seal}) as conn:
        conn.execute("UPDATE months SET state = 'open', seal = NULL, reopened_at = ?,"
                     " reopen_reason = ? WHERE month = ?", (now(), reason, month))
        book.changed("months", month)
    return status(book, month)


def broken_seals(book, since: str = "") -> list[str]:
    """Final months (from `since` on) whose entries no longer match their seal."""
    broken, previous = [], ""
    for row in book.query("SELECT month, seal FROM months WHERE state = 'final'"
                          " ORDER BY month"):
        if row["month"] >= since and _seal(book, row["month"], previous) != row["seal"]:
            broken.append(row["month"])
        previous = row["seal"] or ""
    return broken


def touched_since_final(book) -> list[str]:
    """Final months changed since the line that first made them final, once check has
    proven each entry points at its own newest line (replay.py): a month with an entry
    line after that line. A month with any line of its own after it (reopened and made
    final again, or a line anyone could append) has its seal recomputed, and so has every
    final month after it (their seals chain on); the rest cost one pass over the entries
    instead of hashing every entry again."""
    lines = book.query(
        "SELECT subject, MIN(CASE WHEN json_extract(data, '$.state') = 'final' THEN seq END),"
        " MAX(seq) FROM audit WHERE tbl = 'months' AND subject IN"
        " (SELECT month FROM months WHERE state = 'final') GROUP BY subject")
    finals = {month: first for month, first, _ in lines}
    since = min((m for m, first, last in lines if first is None or last > first), default=None)
    unlogged = [m for (m,) in book.query("SELECT month FROM months WHERE state = 'final'")
                if m not in finals]
    since = min([m for m in (since, *unlogged) if m], default=None)
    changed = set(broken_seals(book, since)) if since else set()
    for month, line in book.query("SELECT month, MAX(line) FROM entries GROUP BY month"):
        if month in finals and (since is None or month < since) and line is not None \
                and line > finals[month]:
            changed.add(month)
    return sorted(changed)


def counting_month(book, day: date, late: bool, today: date | None = None) -> str:
    """The month an entry of this day counts in: its own, or (补记) the current one."""
    own = day.strftime("%Y-%m")
    if status(book, own).state != "final":
        if late:  # 补记 is for a final month only: here it would mean nothing, so say so
            raise BookError("month.late_not_needed", month=own)
        return own
    if not late:
        raise BookError("month.final_late", month=own)
    current = (today or date.today()).strftime("%Y-%m")
    if status(book, current).state == "final":
        raise BookError("month.final", month=current)
    return current


# -- objections ------------------------------------------------------------------------------
def object_to(book, resident, entry, says: str, actor: str | None,
              today: date | None = None) -> Objection:
    """A resident says an entry about them is wrong, within the posting window."""
    says = clean_text(says, "says", required=True, limit=500)
    if entry.resident_id != resident.id:
        raise BookError("objection.not_theirs", id=entry.id[:8], name=resident.name)
    current = status(book, entry.month)
    today = (today or date.today()).isoformat()
    if current.state != "posted" or today > (current.objection_until or ""):
        raise BookError("objection.no_window", month=entry.month)
    oid = new_id()
    with book.writing(actor, "objection.add", oid,
                      {"entry": entry.id, "resident": resident.name, "says": says}) as conn:
        conn.execute("INSERT INTO objections (id, entry_id, month, says, at, recorded_by)"
                     " VALUES (?, ?, ?, ?, ?, ?)",
                     (oid, entry.id, entry.month, says, now(), actor or "-"))
        book.changed("objections", oid)
    return get_objection(book, oid)


def get_objection(book, objection_id: str) -> Objection:
    key = (objection_id or "").strip().lower()
    rows = book.query("SELECT * FROM objections WHERE id >= ? AND id < ? LIMIT 2",
                      (key, key + "g")) if len(key) >= 6 else []
    if len(rows) != 1:
        raise BookError("objection.unknown", id=objection_id)
    return Objection(**dict(rows[0]))


def resolve(book, objection_id: str, void: bool, because: str, actor: str | None,
            also=None, detail: dict | None = None) -> Objection:
    """Settle an objection: void the entry (the objection is the reason) or keep it.
    `also(conn)` writes more in the same transaction (a correction: corrections.py)."""
    objection = get_objection(book, objection_id)
    because = clean_text(because, "because", required=True, limit=200)
    if objection.resolved_at:
        raise BookError("objection.resolved", id=objection.id[:8])
    resolution = "void" if void else "keep"
    with book.writing(actor, "objection.resolve", objection.id,
                      {"resolution": resolution, "because": because,
                       "entry": objection.entry_id, **(detail or {})}) as conn:
        if void:
            reason = f"{objection.says}（{because}）"
            done = conn.execute(
                "UPDATE entries SET voided_at = ?, voided_by = ?, void_reason = ?"
                " WHERE id = ? AND voided_at IS NULL", (now(), actor or "-", reason,
                                                        objection.entry_id))
            if done.rowcount:
                book.audit(actor, "entry.void", objection.entry_id, {"reason": reason},
                           "entries", objection.entry_id)
            if also is not None:
                also(conn)
        conn.execute("UPDATE objections SET resolved_at = ?, resolution = ?, because = ?,"
                     " resolved_by = ? WHERE id = ?",
                     (now(), resolution, because, actor or "-", objection.id))
        book.changed("objections", objection.id)
    return get_objection(book, objection.id)
