"""Reading the append-only audit log (writing it is book.py's job, inside each write)."""

from __future__ import annotations

import json
from dataclasses import dataclass

_FIRST = ("resident", "name", "reason", "says", "note", "category", "quantity", "points_c",
          "day", "key", "value", "code", "name_zh")


@dataclass(frozen=True)
class AuditLine:
    seq: int
    at: str
    actor: str
    action: str
    subject: str
    detail: str
    data: str = ""  # the complete row the line carries (history.py), if any

    @property
    def summary(self) -> str:
        """The detail for a person: names first, ids left out ("resident=马少军 ...");
        a line whose detail is empty shows the row it carries."""
        try:
            values = json.loads(self.detail)
            if values == {} and self.data:
                values = json.loads(self.data)
        except ValueError:
            return self.detail
        if not isinstance(values, dict):
            return self.detail
        if not values.get("late"):
            values.pop("late", None)
        keys = [k for k in _FIRST if k in values]
        keys += sorted(k for k in values if k not in keys and not k.endswith("_id"))
        return " ".join(f"{k}={values[k]}" for k in keys)


def recent(book, limit: int = 20, search: str = "") -> list[AuditLine]:
    """The newest lines first; with search, only lines mentioning it anywhere."""
    sql, params = "SELECT seq, at, actor, action, subject, detail, data FROM audit", []
    text = (search or "").strip()
    if text:
        like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
        sql += (" WHERE actor LIKE ? ESCAPE '\\' OR action LIKE ? ESCAPE '\\'"
                " OR subject LIKE ? ESCAPE '\\' OR detail LIKE ? ESCAPE '\\'")
        params = [like] * 4
    rows = book.query(sql + " ORDER BY seq DESC LIMIT ?", (*params, limit))
    return [AuditLine(*row) for row in rows]
