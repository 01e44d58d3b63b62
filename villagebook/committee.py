"""The committee's PIN: a salted scrypt hash in the book; wrong tries are lines of its log.

Asked for finalize, reopen, restore, catalogue changes, settings, resolving objections,
and voiding an entry someone else recorded or that lies in a posted month. Gatherers need
none to record. Until a PIN is set those commands work without one (and say a PIN should
be set).

The pause after wrong tries is counted from the log, inside a write transaction: tries
made at once wait their turn, and deleting a file on the laptop changes nothing. Three
wrong tries within an hour pause a minute; every three more double the pause.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
from datetime import datetime, timedelta

from villagebook.errors import BookError

KEY = "committee_pin"
TRIES = 3
PAUSE_SECONDS = 60
MAX_PAUSE = 3600
WINDOW = timedelta(hours=1)
MIN_DIGITS = 6
WRONG = "committee.pin_wrong"
_N, _R, _P = 2**14, 8, 1


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)


def is_set(book) -> bool:
    return book.one("SELECT 1 FROM settings WHERE key = ?", (KEY,)) is not None


def set_pin(book, pin: str, actor: str | None) -> None:
    """At least six digits: a four-digit PIN falls to patience, even with the pause."""
    pin = (pin or "").strip()
    if not (MIN_DIGITS <= len(pin) <= 64 and pin.isascii() and pin.isdigit()):
        raise BookError("pin.length", digits=MIN_DIGITS)
    salt = os.urandom(16)
    stored = json.dumps({"scrypt": [_N, _R, _P], "salt": salt.hex(),
                         "hash": _hash(pin, salt).hex()})
    with book.writing(actor, "committee.set_pin", "committee", {}) as conn:
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (KEY, stored))
        book.changed("settings", KEY)


def pause_left(conn, now: datetime | None = None) -> int:
    """Seconds until another try is taken, from the wrong tries the log holds."""
    now = now or datetime.now()
    since = (now - WINDOW).isoformat(timespec="seconds")
    wrong = [row[0] for row in conn.execute(
        "SELECT at FROM audit WHERE action = ? AND at >= ? ORDER BY seq", (WRONG, since))]
    if len(wrong) < TRIES:
        return 0
    pause = min(PAUSE_SECONDS * 2 ** ((len(wrong) - TRIES) // TRIES), MAX_PAUSE)
    waited = (now - datetime.fromisoformat(wrong[-1])).total_seconds()
    return max(0, int(pause - waited + 0.999))


def check(book, pin: str | None, actor: str | None = None, action: str = "") -> None:
    """Refuse a wrong or missing PIN; a wrong one is written to the log before refusing."""
    row = book.one("SELECT value FROM settings WHERE key = ?", (KEY,))
    if row is None:
        return
    wrong = False
    with book.writing(actor, "", "") as conn:  # one try at a time, the pause read inside
        wait = pause_left(conn)
        if wait:
            raise BookError("pin.paused", seconds=wait)
        if not pin:
            raise BookError("pin.needed")
        stored = json.loads(conn.execute("SELECT value FROM settings WHERE key = ?",
                                         (KEY,)).fetchone()[0])
        n, r, p = stored["scrypt"]
        given = hashlib.scrypt(pin.strip().encode(), salt=bytes.fromhex(stored["salt"]),
                               n=n, r=r, p=p, dklen=32)
        if not hmac.compare_digest(given, bytes.fromhex(stored["hash"])):
            book.audit(actor, WRONG, "committee", {"for": action} if action else {})
            wrong = True
    if wrong:
        raise BookError("pin.wrong")
