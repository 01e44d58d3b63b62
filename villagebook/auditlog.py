"""Reading the append-only audit log (writing it is book.py's job, inside each write)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from villagebook import logwords

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
    tbl: str = ""  # the table that row is in

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
    """The newest lines first; with search, only lines where every word of it is found:
    in a name, an id, a note, or in the line's sentence ("作废", "义务劳动", "公示")."""
    sql, params = "SELECT seq, at, actor, action, subject, detail, data, tbl FROM audit", []
    wheres = []
    for term in (search or "").split():
        ors, like = [], "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace(
            "_", "\\_") + "%"
        for column in ("actor", "action", "subject", "detail"):
            ors.append(f"{column} LIKE ? ESCAPE '\\'")
            params.append(like)
        for action in logwords.actions_saying(term):
            ors.append("action LIKE ?")
            params.append(action)
        for code in _categories_named(book, term):
            ors.append("detail LIKE ? OR data LIKE ?")
            params += [f'%"category": "{code}"%', f'%"category":"{code}"%']
        wheres.append("(" + " OR ".join(ors) + ")")
    if wheres:
        sql += " WHERE " + " AND ".join(wheres)
    rows = book.query(sql + " ORDER BY seq DESC LIMIT ?", (*params, limit))
    return [AuditLine(*row) for row in rows]


def _categories_named(book, term: str) -> list[str]:
    low = term.lower()
    return [r[0] for r in book.query("SELECT code, name_zh, name_en FROM categories")
            if low in r[1].lower() or low in r[2].lower()]
