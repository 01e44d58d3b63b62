"""Every printout is recorded in the audit log with its SHA-256, so a board on the wall
can be checked against the book later (`villagebook verify board.pdf`)."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path


def sha256(pdf: bytes) -> str:
    return hashlib.sha256(pdf).hexdigest()


def record_print(book, kind: str, period: str, pdf: bytes, path: Path,
                 actor: str | None, missing: dict[str, list[str]] | None = None,
                 mark=None) -> str:
    """Append the printout's audit line: what, for when, by whom, its SHA-256, and the
    fingerprint printed on it (the log's head when it was drawn)."""
    digest = sha256(pdf)
    detail = {"kind": kind, "period": period, "sha256": digest, "file": Path(path).name,
              "bytes": len(pdf)}
    if mark is not None:
        detail.update(fingerprint=mark.code, line=mark.seq)
    if missing:
        detail["missing_glyphs"] = missing
    with book.writing(actor, f"print.{kind}", period, detail):
        pass
    return digest


@dataclass(frozen=True)
class Verified:
    seq: int
    at: str
    actor: str
    kind: str
    period: str


def verify(book, pdf: bytes) -> Verified | None:
    """The audit line of the printout with exactly these bytes, if this book made it."""
    digest = sha256(pdf)
    row = book.one(
        "SELECT seq, at, actor, action, subject FROM audit WHERE action LIKE 'print.%'"
        " AND json_extract(detail, '$.sha256') = ? ORDER BY seq DESC LIMIT 1", (digest,))
    if row is None:
        return None
    return Verified(row["seq"], row["at"], row["actor"], row["action"][6:], row["subject"])
