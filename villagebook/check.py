"""check(book) -> problems: what is wrong with a book, as data (empty when all is well)."""

from __future__ import annotations

from dataclasses import dataclass

from villagebook import months
from villagebook.i18n import t


@dataclass(frozen=True)
class Problem:
    key: str
    values: tuple[tuple[str, object], ...] = ()

    def __str__(self) -> str:
        return t(self.key, **dict(self.values))


def check(book) -> list[Problem]:
    problems: list[Problem] = []
    integrity = [r[0] for r in book.query("PRAGMA integrity_check")]
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
    low, high, count = book.one("SELECT MIN(seq), MAX(seq), COUNT(*) FROM audit")
    if count and high - low + 1 != count:
        problems.append(Problem("check.audit_gap", (("missing", high - low + 1 - count),)))
    for month in months.broken_seals(book):
        problems.append(Problem("check.seal", (("month", month),)))
    return problems
