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


def recent(book, limit: int = 20, search: str = "",
           between: tuple[int, int] | None = None) -> list[AuditLine]:
    """The newest lines first; with search, only lines where every word of it is found:
    in a name, an id, a note, or in the line's sentence ("作废", "义务劳动", "公示");
    between (low, high): only the lines numbered so (a township's log is 25 million)."""
    sql, params = "SELECT seq, at, actor, action, subject, detail, data, tbl FROM audit", []
    wheres = []
    if between is not None:
        wheres.append("seq BETWEEN ? AND ?")
        params += list(between)
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


SPAN = 100_000  # lines searched at a time: a few tenths of a second read from disk


def search_back(book, search: str, limit: int = 100, span: int | None = None):
    """A search through the log newest first, a span of lines at a time, for a screen
    that shows what is found as it goes and can stop between spans: reading a township's
    whole log (25 million lines, 12 GB) takes minutes. Yields (lines found in this span,
    the oldest line number searched so far, the newest line number) until `limit` lines
    are found or the log's first line is reached."""
    newest, span = book.one("SELECT MAX(seq) FROM audit")[0] or 0, span or SPAN
    high, found = newest, 0
    while high >= 1 and found < limit:
        low = max(high - span + 1, 1)
        lines = recent(book, limit - found, search, (low, high))
        found += len(lines)
        yield lines, low, newest
        high = low - 1


def _categories_named(book, term: str) -> list[str]:
    low = term.lower()
    return [r[0] for r in book.query("SELECT code, name_zh, name_en FROM categories")
            if low in r[1].lower() or low in r[2].lower()]
