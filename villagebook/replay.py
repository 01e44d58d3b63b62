"""Replaying the chained log against the book: what check() says about the history.

Three questions, each answered as Problems a committee member can read:
- is the chain whole? every hash recomputed; lines removed, renumbered or rewritten
  break it where they stand; a log cut at its end shows in SQLite's own counter;
- are the tables what the log says? every row equals the row its last line carries; no
  row without a line, no line without its row; an entry's lines are one record and at
  most one void that changes nothing but the void;
- are the schema's guards in place? every trigger and table definition is the one the
  migrations made, none missing, none added.
Entries are compared in SQL (a big village has a million); the small tables in Python.
"""

from __future__ import annotations

import hashlib
import json
import sqlite3
from functools import lru_cache

from villagebook import history
from villagebook.history import GENESIS, LINE_SQL, TABLES, row_sql

MOST = 20  # problems of one kind named one by one; past that, counted
TELL_EVERY = 65_536  # chained lines between two reports of how far the chain is
_ENTRY_ACTIONS = ("entry.record", "entry.void", "history.adopt")
_VOID_COLUMNS = ("voided_at", "voided_by", "void_reason")


def chain_problems(book, problem, told=None) -> list:
    """Recompute every hash; name the first line of each break, and a cut tail. told(n,
    last), if given, hears every TELL_EVERY lines how far the chain is (a township's 25
    million lines take minutes)."""
    found, previous, started, expected_seq, previous_seq = [], GENESIS, False, None, 0
    sha256 = hashlib.sha256
    newest = (book.one("SELECT MAX(seq) FROM audit")[0] or 0) if told else 0
    read = 0
    # the line as SQLite stores it (UTF-8), after the newline that follows the last hash:
    # bytes straight from SQLite, a million times, with nothing decoded and encoded again
    for seq, action, line, digest in book.conn.execute(
            f"SELECT seq, action, CAST(char(10) || {LINE_SQL} AS BLOB), hash FROM audit"
            " ORDER BY seq"):
        if digest is None:
            if started:
                found.append(problem("check.line_unchained", seq=seq))
            continue
        recomputed = sha256(previous.encode() + line)
        if not started:
            started = True
            if action != "history.start" or previous != GENESIS or (
                    recomputed.hexdigest() != digest):
                found.append(problem("check.log_head_cut", seq=seq))
            else:
                detail = book.one("SELECT detail FROM audit WHERE seq = ?", (seq,))[0]
                found += _older_lines(book, seq, detail, problem)
        elif recomputed.hexdigest() != digest:
            gap = expected_seq is not None and seq != expected_seq
            found.append(problem("check.lines_removed" if gap else "check.line_changed",
                                 seq=seq, before=previous_seq))
        elif seq != expected_seq:  # chained, yet numbered past a gap: no line is ever
            found.append(problem("check.line_misnumbered", seq=seq, before=previous_seq))
        previous, expected_seq, previous_seq = digest, seq + 1, seq
        if len(found) > MOST:
            break
        read += 1
        if told and not read % TELL_EVERY:
            told(seq, newest)
    counter = book.one("SELECT seq FROM sqlite_sequence WHERE name = 'audit'")
    last = book.one("SELECT MAX(seq) FROM audit")[0] or 0
    if counter and counter[0] > last:
        found.append(problem("check.log_tail_cut", last=last, lost=counter[0] - last))
    return found


def _older_lines(book, start_seq: int, detail: str, problem) -> list:
    """The lines from before the chain: as many, and the same, as when it began."""
    try:
        said = json.loads(detail)
    except ValueError:
        return [problem("check.line_changed", seq=start_seq, before=start_seq - 1)]
    through = said.get("through", 0)
    count = book.one("SELECT COUNT(*) FROM audit WHERE seq <= ?", (through,))[0]
    if count != said.get("older_lines") or history.older_lines_digest(
            book.conn, through) != said.get("older"):
        return [problem("check.older_changed", through=through)]
    return []


def entry_problems(book, problem, proven: bool | None = None) -> list:
    """Every entry against its last line, in SQL; then the entries logged more than once.

    The quick proof first: each entry points at a line (`line`) that is an entries line
    with its id and exactly its row, and the pointers add up to the last line of every
    entry in the log (as many entries as logged entries, and the sum of the pointers is
    the sum of each entry's newest seq: no pointer can be larger, so none is smaller).
    Both are read in the order they were written. Only a book that fails it is searched
    entry by entry, to name what differs."""
    if proven is None:
        proven = entries_match_their_lines(book)
    if not proven:
        return _entry_differences(book, problem) + _entry_line_shapes(book, problem)
    return _entry_line_shapes(book, problem)


def entries_match_their_lines(book) -> bool:
    try:
        return _match(book)
    except sqlite3.Error:  # a sum past SQLite's integers, odd values: search instead
        return False


def _match(book) -> bool:
    odd = book.one(
        f"SELECT COUNT(*) FROM entries e LEFT JOIN audit a ON a.seq = e.line"
        f" WHERE a.seq IS NULL OR a.tbl IS NOT 'entries' OR a.subject IS NOT e.id"
        f" OR a.data IS NOT {row_sql('entries', 'e')}")[0]
    if odd:
        return False
    # SUM, not TOTAL: exact integers (a float sum rounds, and 2^62 + 1 would pass for 2^62)
    pointed = tuple(book.one("SELECT COUNT(*), SUM(line) FROM entries"))
    logged = tuple(book.one("SELECT COUNT(*), SUM(last) FROM (SELECT MAX(seq) AS last"
                            " FROM audit WHERE tbl = 'entries' GROUP BY subject)"))
    return pointed == logged and all(isinstance(v, int) for v in pointed if v is not None)


def _entry_differences(book, problem) -> list:
    """Entries that differ from their last line, and lines whose entry is gone, named."""
    found = []
    rows = book.query(
        f"SELECT e.id, e.month, r.name, e.category, e.quantity, e.points_c, logged FROM ("
        f" SELECT e.*, {row_sql('entries', 'e')} AS now_row, (SELECT a.data FROM audit a"
        f"  WHERE a.tbl = 'entries' AND a.subject = e.id ORDER BY a.seq DESC LIMIT 1) AS logged"
        f" FROM entries e) AS e LEFT JOIN residents r ON r.id = e.resident_id"
        f" WHERE logged IS NOT now_row LIMIT {MOST + 1}")
    for row in rows:
        key = "check.entry_unrecorded" if row["logged"] is None else "check.entry_changed"
        found.append(problem(key, **_entry_words(book, row)))
    for seq, subject in book.query(
            "SELECT MIN(seq), subject FROM audit WHERE tbl = 'entries' AND subject NOT IN"
            f" (SELECT id FROM entries) GROUP BY subject LIMIT {MOST + 1}"):
        found.append(problem("check.entry_missing", seq=seq, id=subject[:8]))
    return found


def _entry_line_shapes(book, problem) -> list:
    """An entry's lines are a record, then at most one void that changes only the void."""
    found = []
    for seq, action in book.query(  # walked by action (+tbl: not by table, a million lines)
            "SELECT seq, action FROM audit WHERE action > '' AND action NOT IN"
            f" {_ENTRY_ACTIONS} AND +tbl = 'entries' LIMIT {MOST + 1}"):
        found.append(problem("check.entry_odd_line", seq=seq, action=action))
    for (subject,) in book.query(
            "SELECT subject FROM audit WHERE tbl = 'entries' GROUP BY subject"
            " HAVING COUNT(*) > 1"):
        lines = book.query("SELECT seq, action, data FROM audit WHERE tbl = 'entries'"
                           " AND subject = ? ORDER BY seq", (subject,))
        if not _record_then_void(lines):
            found.append(problem("check.entry_rewritten", seq=lines[-1]["seq"],
                                 id=subject[:8]))
    return found


def _record_then_void(lines) -> bool:
    """One record (or adoption), then one void that changes only the void's columns."""
    if len(lines) != 2 or lines[1]["action"] != "entry.void":
        return False
    first, second = json.loads(lines[0]["data"]), json.loads(lines[1]["data"])
    if first.get("voided_at") is not None or second.get("voided_at") is None:
        return False
    return all(first.get(k) == second.get(k) for k in first if k not in _VOID_COLUMNS)


def _entry_words(book, row) -> dict:
    from villagebook.i18n import get_lang, t

    cat = book.one("SELECT name_zh, name_en, kind FROM categories WHERE code = ?",
                   (row["category"],))
    name, unit = row["category"], ""
    if cat:
        name = cat[0] if get_lang() == "zh" else cat[1]
        unit = "" if cat[2] == "fixed" else " " + t(f"unit.{cat[2]}")
    quantity = "" if cat and cat[2] == "fixed" else f" {row['quantity']}{unit}"
    from villagebook.quantities import fmt_points_short

    return {"month": row["month"], "name": row["name"] or "?", "what": f"{name}{quantity}",
            "points": fmt_points_short(row["points_c"] or 0), "id": row["id"][:8]}


def table_problems(book, problem) -> list:
    """The small tables, replayed in Python: each row as its last line left it."""
    found = []
    for table in history.tables_in(book.conn):
        key, _ = TABLES[table]
        if table == "entries":
            continue
        logged: dict[str, tuple[int, str]] = {}
        # sorted here: asked to sort, SQLite's planner may read the whole log in seq order
        for seq, subject, data in sorted(book.conn.execute(
                "SELECT seq, subject, data FROM audit WHERE tbl = ?", (table,)),
                key=lambda line: line[0]):
            logged[subject] = (seq, data)
        now = {str(k): text for k, text in book.conn.execute(
            f"SELECT {key}, {row_sql(table)} FROM {table}")}
        for subject, text in now.items():
            if subject not in logged:
                if not (table == "months" and _blank_month(text)):
                    found.append(problem("check.row_unlogged", table=_label(table),
                                         key=_shown(table, subject, text)))
            elif logged[subject][1] != text:
                found.append(problem("check.row_changed", table=_label(table),
                                     key=_shown(table, subject, text), seq=logged[subject][0]))
        for subject, (seq, data) in logged.items():
            if subject not in now:
                found.append(problem("check.row_missing", table=_label(table),
                                     key=_shown(table, subject, data), seq=seq))
    return found


def _blank_month(text: str) -> bool:
    """A month's row as recording opens it: open, nothing else set (no line needed)."""
    values = json.loads(text)
    return values.get("state") == "open" and not any(
        v for k, v in values.items() if k not in ("month", "state"))


def _label(table: str) -> str:
    from villagebook.i18n import t

    return t(f"table.{table}")


def _shown(table: str, key: str, text: str) -> str:
    """A row named as a person knows it: a resident's or gatherer's name, else its key."""
    try:
        values = json.loads(text) if text else {}
    except ValueError:
        values = {}
    if table in ("residents", "gatherers") and values.get("name"):
        return str(values["name"])
    return key if table != "objections" else key[:8]


def guard_problems(book, problem) -> list:
    """Every trigger and table definition as the migrations made it: none gone, none new."""
    expected = _expected_schema()
    actual = {(kind, name): sql for kind, name, sql in book.conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'table')"
        " AND name NOT LIKE 'sqlite_%'")}
    found = []
    for (kind, name), sql in expected.items():
        if (kind, name) not in actual:
            found.append(problem("check.guard_missing", name=name))
        elif actual[(kind, name)] != sql:
            found.append(problem("check.guard_changed", name=name))
    for _, name in sorted(actual.keys() - expected.keys()):
        found.append(problem("check.guard_added", name=name))
    return found


@lru_cache(maxsize=1)
def _expected_schema() -> dict:
    """The schema the migrations make, made again in memory (SQL steps only)."""
    from villagebook.schema import MIGRATIONS

    conn = sqlite3.connect(":memory:")
    for step in MIGRATIONS:
        for statement in step:
            if not callable(statement):
                conn.execute(statement)
    found = {(kind, name): sql for kind, name, sql in conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE type IN ('trigger', 'table')"
        " AND name NOT LIKE 'sqlite_%'")}
    conn.close()
    return found
