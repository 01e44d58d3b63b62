"""check(book) -> problems: what is wrong with a book, as data (empty when all is well)."""

from __future__ import annotations

from contextlib import nullcontext
from dataclasses import dataclass

from villagebook import months, replay, rollup
from villagebook.i18n import get_lang, set_lang, t

PARALLEL_FROM = 200_000  # log lines from which the second process pays for itself


@dataclass(frozen=True)
class Problem:
    key: str
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return t(self.key, **dict(self.values))


def problem(message_key: str, /, **values) -> Problem:
    return Problem(message_key, tuple(values.items()))


def check(book, full: bool = False, told=None) -> list[Problem]:
    """Everything that can be known from the file: SQLite's own check (quick_check, or
    the slower integrity_check with full), the principles, the seals, and the replay of
    the chained log against the tables and the schema's guards (replay.py).

    SQLite's own check, the entries' comparison and the seals run in SQLite's C code in a
    process of their own, while this one recomputes the chain's hashes: the two cores of a
    village laptop. (A thread would share Python's lock, which the chain takes and gives
    back at each of a million lines: both would run a third slower.) A small book is
    checked in this process, where starting another would cost more than it saves.

    told(step, done, of), if given, hears which step is under way ("chain", with the
    lines done of the log's; "tables"; "file", SQLite's own check and the entries) for a
    line on the terminal: a township's check takes minutes."""
    tell = told or (lambda step: None)
    small = book.one("SELECT COUNT(*) FROM (SELECT 1 FROM audit LIMIT ?)",
                     (PARALLEL_FROM,))[0] < PARALLEL_FROM
    heavy = None if small else _start_elsewhere(book.path, full)
    chain = _safely(replay.guard_problems, book, problem) + _safely(
        replay.chain_problems, book, problem, told and (lambda done, of: told("chain", done, of)))
    tell("tables")
    tables = _safely(replay.table_problems, book, problem)
    principles = _safely(_principles, book)
    rollups = _safely(rollup.problems, book, rollup.MONTHS)
    tell("file")
    integrity, entries, seals, above = _finish_elsewhere(heavy, book, full)
    rollups += above
    if entries:  # entries changed behind the book's back: named above, the roll-up with them
        rollups = []
    found = integrity + principles + seals + chain + entries + tables + rollups
    return list(dict.fromkeys(found))  # a value nothing can read is named once


def _safely(work, *args) -> list[Problem]:
    """A part of check, or one line saying the book holds what this program never writes
    (a BLOB for an id, a NULL key): named, never a traceback."""
    import sqlite3

    try:
        return work(*args)
    except (sqlite3.Error, TypeError, ValueError, AttributeError) as exc:
        return [Problem("check.unreadable", (("why", str(exc)[:80]),))]


def _start_elsewhere(path, full: bool):
    """`python -m villagebook.check BOOK` in a process of its own (plain subprocess: no
    multiprocessing, whose spawning re-imports the main script on Windows)."""
    import subprocess
    import sys

    args = [sys.executable, "-m", "villagebook.check", str(path), get_lang()]
    try:
        return subprocess.Popen(args + (["--full"] if full else []), stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, stdin=subprocess.DEVNULL)
    except OSError:
        return None


def _finish_elsewhere(process, book, full: bool) -> tuple[list, ...]:
    """What the other process found; done here instead if it could not say."""
    import json

    if process is not None:  # (None: a small book, or no process could be started)
        out, _ = process.communicate()
        if process.returncode == 0:
            try:
                return tuple([Problem(key, tuple(values.items())) for key, values in part]
                             for part in json.loads(out))
            except (ValueError, TypeError):
                pass
    return _in_sqlite(book.path, full, book)


def _in_sqlite(path, full: bool, book=None, lang: str | None = None) -> tuple[list, ...]:
    """SQLite's own check, the entries against their lines, the final months' seals and
    the roll-up's years and all time (in the second process, which speaks the language it
    is given; this one proves the roll-up's months beside the chain)."""
    from villagebook.book import Book

    if lang:
        set_lang(lang)
    with (nullcontext(book) if book is not None else Book.open_readonly(path)) as reader:
        pragma = "integrity_check" if full else "quick_check"
        said = [r[0] for r in reader.query(f"PRAGMA {pragma}")]
        integrity = [] if said == ["ok"] else [
            Problem("check.integrity", (("why", "; ".join(said[:3])),))]
        proven = replay.entries_match_their_lines(reader)
        return (integrity, _safely(replay.entry_problems, reader, problem, proven),
                _safely(_seal_problems, reader, proven and not full),
                _safely(rollup.problems, reader, rollup.ABOVE))


def _seal_problems(book, by_log: bool) -> list[Problem]:
    """Final months changed since: their seals recomputed from the entries (check --full,
    or a book whose entries are not all proven), or, once every entry is proven to be its
    own newest log line, no entry line after the month's final line (the seal itself is
    then the one that line logged: replay.table_problems)."""
    changed = (months.touched_since_final if by_log else months.broken_seals)(book)
    return [Problem("check.seal", (("month", month),)) for month in changed]


def _principles(book) -> list[Problem]:
    """What the schema promises, asked again: links, no negative points, void reasons,
    search keys."""
    problems: list[Problem] = []
    if book.query("PRAGMA foreign_key_check"):
        problems.append(Problem("check.foreign_keys"))
    negative = book.one("SELECT COUNT(*) FROM entries WHERE points_c < 0")[0]
    if negative:
        problems.append(Problem("check.negative", (("count", negative),)))
    no_reason = book.one("SELECT COUNT(*) FROM entries WHERE voided_at IS NOT NULL AND"
                         " length(trim(coalesce(void_reason, ''))) = 0")[0]
    if no_reason:
        problems.append(Problem("check.void_reason", (("count", no_reason),)))
    unindexed = book.one("SELECT COUNT(*) FROM residents AS r WHERE NOT EXISTS"
                         " (SELECT 1 FROM resident_keys AS k WHERE k.resident_id = r.id)")[0]
    if unindexed:
        problems.append(Problem("check.unindexed", (("count", unindexed),)))
    return problems


if __name__ == "__main__":  # the second process of check(): python -m villagebook.check
    import json
    import sys

    found = _in_sqlite(sys.argv[1], "--full" in sys.argv[3:], lang=sys.argv[2])
    print(json.dumps([[[p.key, dict(p.values)] for p in part] for part in found]))
