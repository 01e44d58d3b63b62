"""The committee's PIN: a salted scrypt hash in the book; three wrong tries pause a minute.

Asked for finalize, reopen, catalogue changes and settings. Gatherers need none to
record. Until a PIN is set those commands work without one (and say a PIN should be set).
"""

from __future__ import annotations

import hashlib
import hmac
import json
import os
import time

from villagebook.errors import BookError

KEY = "committee_pin"
TRIES = 3
PAUSE_SECONDS = 60
_N, _R, _P = 2**14, 8, 1


def _hash(pin: str, salt: bytes) -> bytes:
    return hashlib.scrypt(pin.encode(), salt=salt, n=_N, r=_R, p=_P, dklen=32)


def is_set(book) -> bool:
    return book.one("SELECT 1 FROM settings WHERE key = ?", (KEY,)) is not None


def set_pin(book, pin: str, actor: str | None) -> None:
    pin = (pin or "").strip()
    if len(pin) < 4 or len(pin) > 64:
        raise BookError("pin.length")
    salt = os.urandom(16)
    stored = json.dumps({"scrypt": [_N, _R, _P], "salt": salt.hex(),
                         "hash": _hash(pin, salt).hex()})
    with book.writing(actor, "committee.set_pin", "committee", {}) as conn:
        conn.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (KEY, stored))
        book.changed("settings", KEY)


def check(book, pin: str | None) -> None:
    """Refuse a wrong or missing PIN; after three wrong tries, refuse everything a minute."""
    from villagebook import laptop

    row = book.one("SELECT value FROM settings WHERE key = ?", (KEY,))
    if row is None:
        return
    state = laptop.pin_failures(book.path)
    if state["count"] >= TRIES and time.time() - state["last"] < PAUSE_SECONDS:
        wait = int(PAUSE_SECONDS - (time.time() - state["last"])) + 1
        raise BookError("pin.paused", seconds=wait)
    if not pin:
        raise BookError("pin.needed")
    stored = json.loads(row["value"])
    n, r, p = stored["scrypt"]
    given = hashlib.scrypt(pin.strip().encode(), salt=bytes.fromhex(stored["salt"]), n=n, r=r,
                           p=p, dklen=32)
    if not hmac.compare_digest(given, bytes.fromhex(stored["hash"])):
        laptop.note_pin_failure(book.path, reset=state["count"] >= TRIES)
        raise BookError("pin.wrong")
    laptop.note_pin_failure(book.path, clear=True)
