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
    the chained log against the tables and the schema's guards (replay.py)."""
    problems: list[Problem] = []
    pragma = "integrity_check" if full else "quick_check"
    integrity = [r[0] for r in book.query(f"PRAGMA {pragma}")]
    if integrity != ["ok"]:
        problems.append(Problem("check.integrity", (("why", "; ".join(integrity[:3])),)))
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
    for part in (replay.guard_problems, replay.chain_problems, replay.entry_problems,
                 replay.table_problems):
        problems += part(book, problem)
    return problems
