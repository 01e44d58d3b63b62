"""Reading the append-only audit log (writing it is book.py's job, inside each write)."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class AuditLine:
    seq: int
    at: str
    actor: str
    action: str
    subject: str
    detail: str


def recent(book, limit: int = 20, search: str = "") -> list[AuditLine]:
    """The newest lines first; with search, only lines mentioning it anywhere."""
    sql, params = "SELECT seq, at, actor, action, subject, detail FROM audit", []
    text = (search or "").strip()
    if text:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql += (" WHERE actor LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\'"
                " OR subject LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\'")
        params = [like] * 4
    rows = book.query(sql + " ORDER BY seq DESC LIMIT ?", (*params, limit))
    return [AuditLine(*row) for row in rows]
