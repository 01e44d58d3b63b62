"""check(book) -> problems: what is wrong with a book, as data (empty when all is well)."""

from __future__ import annotations

from dataclasses import dataclass

from villagebook import months, replay
from villagebook.i18n import t


@dataclass(frozen=True)
class Problem:
    key: str
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return t(self.key, **dict(self.values))


def problem(message_key: str, /, **values) -> Problem:
    return Problem(message_key, tuple(values.items()))


def check(book, full: bool = False) -> list[Problem]:
    """Everything that can be known from the file: SQLite's own check (quick_check, or
    the slower integrity_check with full), the principles, the seals, and the replay of
    the chained log against the tables and the schema's guards (replay.py).

    SQLite's own check and the entries' comparison run in SQLite's C code on a second
    connection, in a thread of their own (sqlite3 lets go of Python's lock meanwhile),
    while this one recomputes the chain's hashes: the two cores of a village laptop."""
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        heavy = pool.submit(_in_sqlite, book.path, full)
        chain = replay.guard_problems(book, problem) + replay.chain_problems(book, problem)
        tables = replay.table_problems(book, problem)
        principles = _principles(book)
        integrity, entries = heavy.result()
    return integrity + principles + chain + entries + tables


def _in_sqlite(path, full: bool) -> tuple[list[Problem], list[Problem]]:
    from villagebook.book import Book

    with Book.open_readonly(path) as reader:
        pragma = "integrity_check" if full else "quick_check"
        said = [r[0] for r in reader.query(f"PRAGMA {pragma}")]
        integrity = [] if said == ["ok"] else [
            Problem("check.integrity", (("why", "; ".join(said[:3])),))]
        return integrity, replay.entry_problems(reader, problem)


def _principles(book) -> list[Problem]:
    """What the schema promises, asked again: links, no negative points, void reasons,
    search keys, the seals of final months."""
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
    for month in months.broken_seals(book):
        problems.append(Problem("check.seal", (("month", month),)))
    return problems
