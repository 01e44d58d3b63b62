"""The hash-chained log: the book's history, one line per change, each sealed to the last.

Every write appends a line carrying the complete row it changed (`tbl`, `data`: the row
after the change, as SQLite's json_object writes it) and
`hash = SHA-256(previous hash ‖ canonical line)`. Rewriting, removing or renumbering any
line breaks every hash after it; a row changed behind the book's back no longer matches
its last line (check.py replays the two against each other). Someone who rewrites the
whole chain with the source in hand is caught by what lies outside the file: the head's
fingerprint printed on every paper (`code`) and backups kept by someone else.

A book made before the chain starts it with a `history.start` line (the SHA-256 of every
older line and of the whole state), then one `history.adopt` line per existing row.
"""

from __future__ import annotations

import hashlib
from typing import NamedTuple

GENESIS = "0" * 64
SINCE_VERSION = 4  # the schema step that began the chain
POINTS_SINCE = 5  # the step from which each entry points at its newest line
SEP = "\x1f"

# table: (key column, the columns a logged row lists, in this order)
TABLES: dict[str, tuple[str, tuple[str, ...]]] = {
    "settings": ("key", ("key", "value")),
    "gatherers": ("id", ("id", "name", "corner")),
    "categories": ("code", ("code", "name_zh", "name_en", "kind", "points_c", "per_units",
                            "max_quantity", "active")),
    "residents": ("id", ("id", "name", "pinyin", "initials", "household", "corner",
                         "on_board", "active", "note", "created_at")),
    "months": ("month", ("month", "state", "posted_at", "objection_until", "finalized_at",
                         "finalized_by", "seal", "reopened_at", "reopen_reason")),
    "entries": ("id", ("id", "resident_id", "day", "month", "category", "quantity",
                       "points_c", "rule", "note", "recorded_by", "recorded_at", "voided_at",
                       "voided_by", "void_reason", "late")),
    "objections": ("id", ("id", "entry_id", "month", "says", "at", "recorded_by",
                          "resolved_at", "resolution", "because", "resolved_by")),
    "month_settings": ("month", ("month", "settings")),
    "paper_forms": ("code", ("code", "month", "corner", "layout", "printed_at", "printed_by")),
    "paper_pages": ("page_key", ("page_key", "code", "page", "entries", "keyed_at", "keyed_by")),
}


def tables_in(conn) -> list[str]:
    """The logged tables this book has (an older book, while it migrates, has fewer)."""
    present = {name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table'")}
    return [table for table in TABLES if table in present]
_CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


class Head(NamedTuple):
    """The newest line: its number and hash. Its code is the book's fingerprint."""

    seq: int
    hash: str

    @property
    def code(self) -> str:
        return code_of(self.hash)


def row_sql(table: str, alias: str = "") -> str:
    """SQL for a row of `table` as the log writes it: json_object over its columns."""
    prefix = f"{alias}." if alias else ""
    _, columns = TABLES[table]
    return "json_object(" + ", ".join(f"'{c}', {prefix}{c}" for c in columns) + ")"


def row_json(conn, table: str, key) -> str:
    """The row as it stands now ('' if there is none)."""
    key_column, _ = TABLES[table]
    found = conn.execute(f"SELECT {row_sql(table)} FROM {table} WHERE {key_column} = ?",
                         (key,)).fetchone()
    return found[0] if found else ""


def canonical(seq, at, actor, action, subject, detail, tbl, data) -> bytes:
    return SEP.join(str(v) for v in (seq, at, actor, action, subject, detail, tbl, data)
                    ).encode("utf-8", "surrogatepass")


# The same canonical line put together by SQLite, for replaying a million lines at once
LINE_SQL = " || char(31) || ".join(("seq", "at", "actor", "action", "subject", "detail",
                                    "tbl", "data"))


def link(previous: str, line: bytes) -> str:
    return hashlib.sha256(previous.encode() + b"\n" + line).hexdigest()


def append(conn, at: str, actor: str, action: str, subject: str, detail: str,
           tbl: str = "", data: str = "", point: bool = True) -> Head:
    """Append one line after the current head (inside the caller's write transaction)."""
    last = conn.execute("SELECT seq, hash FROM audit WHERE hash IS NOT NULL"
                        " ORDER BY seq DESC LIMIT 1").fetchone()
    top = conn.execute("SELECT MAX(seq) FROM audit").fetchone()[0] or 0
    previous = last[1] if last else GENESIS
    seq = top + 1
    digest = link(previous, canonical(seq, at, actor, action, subject, detail, tbl, data))
    conn.execute("INSERT INTO audit (seq, at, actor, action, subject, detail, tbl, data, hash)"
                 " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                 (seq, at, actor, action, subject, detail, tbl, data, digest))
    if tbl == "entries" and point:  # the entry points at its newest line (schema v5 on)
        conn.execute("UPDATE entries SET line = ? WHERE id = ?", (seq, subject))
    return Head(seq, digest)


def point_entries(conn) -> None:
    """Point every entry that points nowhere at its last line (after a bulk load)."""
    conn.execute("UPDATE entries SET line = (SELECT MAX(seq) FROM audit WHERE"
                 " tbl = 'entries' AND subject = entries.id) WHERE line IS NULL")


def append_many(conn, at: str, actor: str, action: str, lines) -> Head:
    """Many lines at once, chained in order (a migration adopting rows, a bulk load):
    `lines` yields (subject, detail, tbl, data)."""
    last = conn.execute("SELECT seq, hash FROM audit WHERE hash IS NOT NULL"
                        " ORDER BY seq DESC LIMIT 1").fetchone()
    previous = last[1] if last else GENESIS
    seq = conn.execute("SELECT MAX(seq) FROM audit").fetchone()[0] or 0
    batch: list[tuple] = []
    for subject, detail, tbl, data in lines:
        seq += 1
        previous = link(previous, canonical(seq, at, actor, action, subject, detail, tbl, data))
        batch.append((seq, at, actor, action, subject, detail, tbl, data, previous))
        if len(batch) >= 10_000:
            _insert(conn, batch)
    _insert(conn, batch)
    return Head(seq, previous)


def _insert(conn, batch: list[tuple]) -> None:
    conn.executemany("INSERT INTO audit (seq, at, actor, action, subject, detail, tbl, data,"
                     " hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", batch)
    batch.clear()


def rows_of(conn, table: str):
    """(key, logged row) of every row of a table, in the order they were written."""
    key, _ = TABLES[table]
    return conn.execute(f"SELECT {key}, {row_sql(table)} FROM {table} ORDER BY rowid")


def head(book) -> Head:
    row = book.one("SELECT seq, hash FROM audit WHERE hash IS NOT NULL"
                   " ORDER BY seq DESC LIMIT 1")
    return Head(row[0], row[1]) if row else Head(0, GENESIS)


def code_of(digest: str) -> str:
    """The first 50 bits of a hash as 10 Crockford base-32 characters, `7KQ2-M9XD-41`:
    easy to copy by hand (no I, L, O or U), and 1 in 10^15 to match by chance."""
    bits = int(digest[:13], 16) >> 2  # 52 bits, keep 50
    chars = "".join(_CROCKFORD[(bits >> shift) & 31] for shift in range(45, -5, -5))
    return f"{chars[:4]}-{chars[4:8]}-{chars[8:]}"


def normal_code(text: str) -> str:
    """A code as a person may copy it (lower case, spaces, O for 0, I or L for 1)."""
    table = str.maketrans({"O": "0", "I": "1", "L": "1"})
    clean = "".join(ch for ch in (text or "").upper().translate(table) if ch.isalnum())
    if len(clean) != 10 or any(ch not in _CROCKFORD for ch in clean):
        return ""
    return f"{clean[:4]}-{clean[4:8]}-{clean[8:]}"


def state_digest(conn) -> str:
    """SHA-256 of every logged table's rows, in key order: the whole state at one moment."""
    digest = hashlib.sha256()
    for table in tables_in(conn):
        key, _ = TABLES[table]
        for (text,) in conn.execute(f"SELECT {row_sql(table)} FROM {table} ORDER BY {key}"):
            digest.update(f"{table}{SEP}{text}\n".encode("utf-8", "surrogatepass"))
    return digest.hexdigest()


def older_lines_digest(conn, through: int) -> str:
    """SHA-256 of the lines written before the chain began (they carry no hash)."""
    digest = hashlib.sha256()
    for row in conn.execute("SELECT seq, at, actor, action, subject, detail FROM audit"
                            " WHERE seq <= ? ORDER BY seq", (through,)):
        digest.update(SEP.join(str(v) for v in row).encode("utf-8", "surrogatepass") + b"\n")
    return digest.hexdigest()


def start(conn) -> None:
    """Migration step: begin the chain on a book that had none, adopting every row."""
    import json
    import uuid

    from villagebook.book import now, system_user

    older = conn.execute("SELECT COUNT(*), MAX(seq) FROM audit").fetchone()
    through = older[1] or 0
    detail = json.dumps({"book": uuid.uuid4().hex,  # two books begun in one second differ
                         "older_lines": older[0], "through": through,
                         "older": older_lines_digest(conn, through),
                         "state": state_digest(conn)}, sort_keys=True)
    at, actor = now(), system_user()
    append(conn, at, actor, "history.start", "", detail)
    for table in tables_in(conn):
        rows = rows_of(conn, table).fetchall()
        append_many(conn, at, actor, "history.adopt",
                    ((str(key), "{}", table, text) for key, text in rows))
