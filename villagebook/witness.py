"""What lies outside the file witnesses its history: a paper's fingerprint, a backup.

A rewrite that keeps the chain whole (the source is open: anyone can recompute every
hash) still cannot match what was printed before it or what someone else kept: the head
printed on a board is a line of the chain, with that hash, or the history before that
moment has been changed; a backup's head is a line of the current chain, or the two have
parted. Each answer says which, and where.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass

from villagebook.history import GENESIS, LINE_SQL, Head, code_of, head

# verdicts
UNCHANGED = "unchanged"  # the book's history still holds that moment, unchanged
CHANGED = "changed"  # the history up to that moment was changed (from line `at` on)
OLDER = "older"  # the book is older than the paper or the backup: rolled back
UNKNOWN = "unknown"  # no line of this book carries that code


@dataclass(frozen=True)
class Verdict:
    kind: str
    seq: int  # the line the paper or the backup names
    at: int | None = None  # where the histories part, when known
    head: Head | None = None  # this book's head


def first_break(book, through: int) -> int | None:
    """The first line up to `through` whose hash does not follow from the lines before."""
    previous, sha256 = GENESIS, hashlib.sha256
    for seq, line, digest in book.conn.execute(
            f"SELECT seq, {LINE_SQL}, hash FROM audit WHERE hash IS NOT NULL AND seq <= ?"
            " ORDER BY seq", (through,)):
        if sha256(previous.encode() + b"\n" + line.encode("utf-8", "surrogatepass")
                  ).hexdigest() != digest:
            return seq
        previous = digest
    return None


def verify_code(book, code: str, seq: int | None = None) -> Verdict:
    """A fingerprint from a paper (`7KQ2-M9XD-41`, with its line number if printed)."""
    now = head(book)
    if seq is None:
        found = [found_seq for found_seq, digest in book.query(
            "SELECT seq, hash FROM audit WHERE hash IS NOT NULL AND substr(hash, 1, 12) = ?",
            (_prefix(code),)) if code_of(digest) == code]
        if not found:
            return Verdict(UNKNOWN, 0, head=now)
        seq = found[0]
    if seq > now.seq:
        return Verdict(OLDER, seq, head=now)
    row = book.one("SELECT hash FROM audit WHERE seq = ?", (seq,))
    broken = first_break(book, seq)
    if row is None or row[0] is None or code_of(row[0]) != code or broken is not None:
        return Verdict(CHANGED, seq, broken, now)
    return Verdict(UNCHANGED, seq, head=now)


def _prefix(code: str) -> str:
    """The first 12 hex digits every hash with this code begins with (48 of its 50 bits)."""
    value = 0
    for ch in code.replace("-", ""):
        value = value * 32 + "0123456789ABCDEFGHJKMNPQRSTVWXYZ".index(ch)
    return f"{value >> 2:012x}"


def compare(book, other) -> Verdict:
    """Does this book's history extend the other's (a backup) unchanged?"""
    theirs, now = head(other), head(book)
    if theirs.seq == 0:  # a copy from before the chain began: it witnesses nothing
        return Verdict(UNKNOWN, 0, head=now)
    ours = book.one("SELECT hash FROM audit WHERE seq = ?", (theirs.seq,))
    if theirs.seq > now.seq and _same_through(book, other, now.seq):
        return Verdict(OLDER, theirs.seq, None, now)
    if ours is not None and ours[0] == theirs.hash and first_break(book, theirs.seq) is None:
        return Verdict(UNCHANGED, theirs.seq, head=now)
    return Verdict(CHANGED, theirs.seq, _parting(book, other), now)


def _same_through(book, other, through: int) -> bool:
    mine = book.one("SELECT hash FROM audit WHERE seq = ?", (through,))
    theirs = other.one("SELECT hash FROM audit WHERE seq = ?", (through,))
    return mine is not None and theirs is not None and mine[0] == theirs[0]


def _parting(book, other) -> int | None:
    """The first line number at which the two logs differ."""
    mine = book.conn.execute("SELECT seq, hash FROM audit ORDER BY seq")
    for (seq_a, hash_a), (seq_b, hash_b) in zip(
            mine, other.conn.execute("SELECT seq, hash FROM audit ORDER BY seq"),
            strict=False):
        if seq_a != seq_b or hash_a != hash_b:
            return min(seq_a, seq_b)
    return None


def check_paper(book, text: str, line: int | None = None) -> tuple[bool, str]:
    """A fingerprint as copied from a paper ("7KQ2-M9XD-41 · 第 1,204 行", or the code with
    `line` given apart): whether the history up to it holds, and the answer in words."""
    from villagebook.errors import BookError
    from villagebook.history import normal_code
    from villagebook.i18n import t

    found = re.match(r"\s*(\w{4})[-\s]*(\w{4})[-\s]*(\w{2})(?!\w)(.*)", text or "",
                     re.ASCII)
    code = normal_code("".join(found.groups()[:3])) if found else ""
    if not code:
        raise BookError("verify.bad_code", code=text)
    printed_line = found.group(4)
    digits = "".join(ch for ch in printed_line if ch.isdigit())
    if line is None and digits:
        line = int(digits)
    verdict = verify_code(book, code, line)
    kind = "rewritten" if verdict.kind == CHANGED and verdict.at is None else verdict.kind
    words = t(f"verify.code_{kind}", code=code, seq=verdict.seq, at=verdict.at,
              head=verdict.head.seq if verdict.head else 0)
    return verdict.kind == UNCHANGED, words
