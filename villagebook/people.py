"""Residents, households, corners and gatherers; finding a resident by name or pinyin.

Pinyin and initials are computed once when a resident is added (pypinyin), so that
``msj``, ``mashaojun``, ``ma shao jun`` and 马少军 all find 马少军 with an indexed query;
every reading of the surname is indexed too (单田芳: ``dtf`` and ``stf``, see readings.py).
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import NamedTuple

from villagebook.book import now
from villagebook.errors import BookError
from villagebook.ids import new_id
from villagebook.readings import fold, romanize, starting_with, write_keys

MAX_NAME = 40


class Resident(NamedTuple):
    id: str
    name: str
    pinyin: str
    initials: str
    household: str
    corner: str
    on_board: bool
    active: bool
    note: str

    def label(self) -> str:
        """Name with household and corner, to tell two 马少军 apart."""
        where = " ".join(p for p in (self.household, self.corner) if p)
        return f"{self.name}（{where}）" if where else self.name


class Gatherer(NamedTuple):
    id: str
    name: str
    corner: str


def clean_text(value: str | None, field: str, required: bool = False, limit: int = MAX_NAME):
    """Trimmed text without control characters, or a refusal naming the field."""
    text = unicodedata.normalize("NFC", value or "").strip()
    if required and not text:
        raise BookError("field.empty", field=field)
    if len(text) > limit:
        raise BookError("field.too_long", field=field, limit=limit)
    if any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Co") for ch in text):
        raise BookError("field.control", field=field)
    return text


def _resident(row) -> Resident:
    return Resident(
        row["id"], row["name"], row["pinyin"], row["initials"], row["household"],
        row["corner"], bool(row["on_board"]), bool(row["active"]), row["note"],
    )


def new_resident_row(name: str, household: str = "", corner: str = "", on_board: bool = True,
                     note: str = "") -> dict:
    """A checked row for the residents table (used by add and by CSV import)."""
    name = clean_text(name, "name", required=True)
    pinyin, initials = romanize(name)
    return {
        "id": new_id(),
        "name": name,
        "pinyin": pinyin,
        "initials": initials,
        "household": clean_text(household, "household"),
        "corner": clean_text(corner, "corner"),
        "on_board": 1 if on_board else 0,
        "active": 1,
        "note": clean_text(note, "note", limit=200),
        "created_at": now(),
    }


def insert_resident(conn, row: dict) -> None:
    """Insert a row from new_resident_row, with the keys search finds it by."""
    conn.execute(
        "INSERT INTO residents (id, name, pinyin, initials, household, corner, on_board,"
        " active, note, created_at) VALUES (:id, :name, :pinyin, :initials, :household,"
        " :corner, :on_board, :active, :note, :created_at)",
        row,
    )
    write_keys(conn, row["id"], row["name"])


def add_resident(book, name: str, household: str = "", corner: str = "", on_board: bool = True,
                 note: str = "", actor: str | None = None) -> Resident:
    row = new_resident_row(name, household, corner, on_board, note)
    detail = {k: row[k] for k in ("name", "household", "corner", "on_board")}
    with book.writing(actor, "residents.add", row["id"], detail) as conn:
        insert_resident(conn, row)
        book.changed("residents", row["id"])
    return get_resident(book, row["id"])


def get_resident(book, resident_id: str) -> Resident:
    row = book.one("SELECT * FROM residents WHERE id = ?", (resident_id,))
    if row is None:
        raise BookError("resident.unknown", query=resident_id, close="-")
    return _resident(row)


def residents_by_id(book, ids: list[str]) -> list[Resident]:
    """These residents (ids as one JSON list: a township's are past SQLite's limit of
    parameters), in no particular order; an id not in the book is left out."""
    return [_resident(row) for row in book.query(
        "SELECT * FROM residents WHERE id IN (SELECT value FROM json_each(?))",
        (json.dumps(ids),))]


# Schema v10: the residents in the order they are listed, so a screenful of a township's
# 100,000 (F2, `residents list`) is read from the index, not sorted.
LISTED_INDEX = "CREATE INDEX residents_listed ON residents (corner, household, pinyin, name)"


def list_residents(book, corner: str | None = None, include_inactive: bool = False,
                   limit: int = -1):
    sql, params = "SELECT * FROM residents WHERE 1 = 1", []
    if corner:
        sql += " AND corner = ?"
        params.append(corner)
    if not include_inactive:
        sql += " AND active = 1"
    sql += " ORDER BY corner, household, pinyin, name LIMIT ?"
    return [_resident(r) for r in book.query(sql, (*params, limit))]


def count_residents(book) -> int:
    return book.one("SELECT COUNT(*) FROM residents WHERE active = 1")[0]


def _ascii_key(query: str) -> str:
    text = unicodedata.normalize("NFKC", query).lower()
    return re.sub(r"[\s'\-·.]", "", text)


def search(book, query: str, limit: int = 20, active_only: bool = True) -> list[Resident]:
    """Residents whose name, initials or pinyin start with the query, best matches first:
    the exact name, initials or pinyin; then those the query starts, by name, initials,
    pinyin, each in alphabetical order of the text matched; ties by pinyin.

    Each of the three is a prefix range of an index, read only as far as the residents
    listed (readings.starting_with): no keystroke reads every resident."""
    query = unicodedata.normalize("NFKC", query or "").strip()
    if not query:
        return []
    key = _ascii_key(query)
    best: dict[str, tuple] = {}
    for order, (source, prefix) in enumerate((("name", query), ("initials", key),
                                              ("pinyin", key))):
        if not prefix:
            continue
        for rid, value in starting_with(book, source, prefix, limit, active_only):
            exact = fold(value) == fold(prefix)
            rank = (order if exact else order + 3, fold(value))
            if rank < best.get(rid, (9,)):
                best[rid] = rank
    rows = book.query("SELECT rowid AS n, * FROM residents WHERE id IN"
                      " (SELECT value FROM json_each(?))", (json.dumps(list(best)),))
    rows.sort(key=lambda r: (*best[r["id"]], r["pinyin"], r["n"]))
    return [_resident(r) for r in rows[:limit]]


def _brief(text: str, limit: int = 30) -> str:
    """A query as a message repeats it: never a megabyte of it."""
    return text if len(text) <= limit else text[:limit] + "…"


def find_resident(book, query: str) -> Resident:
    """Exactly one resident named by id, name, full pinyin or initials; else a clear refusal."""
    query = unicodedata.normalize("NFKC", query or "").strip()
    if not query:
        raise BookError("field.empty", field="resident")
    if len(query) > MAX_NAME:
        raise BookError("resident.none_close", query=_brief(query))
    row = book.one("SELECT * FROM residents WHERE id = ?", (query.lower(),))
    if row is not None:
        return _resident(row)
    if "@" in query:  # 马少军@马家3户: the name within one household
        name, household = (part.strip() for part in query.split("@", 1))
        found = book.query("SELECT * FROM residents WHERE name = ? AND household = ?"
                           " ORDER BY active DESC", (name, household))
        if len(found) == 1 or (found and sum(r["active"] for r in found) == 1):
            return _resident(found[0])
        if not found:
            raise BookError("resident.not_in_household", name=name, household=household)
        listed = "; ".join(f"{_resident(r).label()} id {r['id'][:8]}" for r in found[:8])
        raise BookError("resident.ambiguous", query=_brief(query), candidates=listed,
                        example=found[0]["id"][:8])
    key = _ascii_key(query)
    for sql, value in (
        ("SELECT * FROM residents WHERE name = ? ORDER BY active DESC", query),
        ("SELECT * FROM residents WHERE active = 1 AND id IN (SELECT resident_id FROM"
         " resident_keys WHERE pinyin = ? OR initials = ?)", key),
        ("SELECT * FROM residents WHERE id >= ? AND id < ? || 'g' AND length(?) >= 6", key),
    ):
        params = (value,) * sql.count("?")
        found = [_resident(r) for r in book.query(sql, params)]
        if len(found) == 1:
            return found[0]
        if len(found) > 1:
            if sql.endswith("active DESC") and sum(r.active for r in found) == 1:
                return found[0]
            listed = "; ".join(f"{r.label()} id {r.id[:8]}" for r in found[:8])
            raise BookError("resident.ambiguous", query=_brief(query), candidates=listed,
                            example=f"{found[0].name}@{found[0].household}")
    close = _close_matches(book, query)
    if close:
        raise BookError("resident.unknown", query=_brief(query), close=close)
    raise BookError("resident.none_close", query=_brief(query))


def _close_matches(book, query: str) -> str:
    near = [r.name for r in search(book, query[:2], limit=5)]
    names = [r["name"] for r in book.query("SELECT name FROM residents WHERE active = 1")]
    import difflib  # only when a name is not found: not on every record's way in

    near += difflib.get_close_matches(query, names, n=5, cutoff=0.5)
    return "、".join(dict.fromkeys(near)) if near else ""


# -- gatherers -----------------------------------------------------------------------------
def add_gatherer(book, name: str, corner: str = "", actor: str | None = None) -> Gatherer:
    name = clean_text(name, "name", required=True)
    corner = clean_text(corner, "corner")
    if book.one("SELECT 1 FROM gatherers WHERE name = ?", (name,)):
        raise BookError("gatherer.exists", name=name)
    gid = new_id()
    with book.writing(actor or name, "gatherers.add", gid, {"name": name, "corner": corner}) as c:
        c.execute("INSERT INTO gatherers (id, name, corner) VALUES (?, ?, ?)", (gid, name, corner))
        book.changed("gatherers", gid)
    return Gatherer(gid, name, corner)


def list_gatherers(book) -> list[Gatherer]:
    rows = book.query("SELECT id, name, corner FROM gatherers ORDER BY corner, name")
    return [Gatherer(r["id"], r["name"], r["corner"]) for r in rows]


def get_gatherer(book, name: str) -> Gatherer:
    name = (name or "").strip()
    row = book.one("SELECT id, name, corner FROM gatherers WHERE name = ? OR id = ?", (name, name))
    if row is None:
        known = "、".join(g.name for g in list_gatherers(book)) or "-"
        raise BookError("gatherer.unknown", name=name, known=known)
    return Gatherer(row["id"], row["name"], row["corner"])


def update_resident(book, resident_id: str, name: str, household: str, corner: str,
                    on_board: bool, actor: str | None = None) -> Resident:
    """Correct a resident's details; their entries stay theirs (they point at the id)."""
    old = get_resident(book, resident_id)
    row = new_resident_row(name, household, corner, on_board, old.note)
    changes = {k: [getattr(old, k), row[k]] for k in ("name", "household", "corner")
               if getattr(old, k) != row[k]}
    if old.on_board != bool(row["on_board"]):
        changes["on_board"] = [old.on_board, bool(row["on_board"])]
    if not changes:
        return old
    with book.writing(actor, "residents.edit", old.id, changes) as conn:
        conn.execute(
            "UPDATE residents SET name = ?, pinyin = ?, initials = ?, household = ?, corner = ?,"
            " on_board = ? WHERE id = ?",
            (row["name"], row["pinyin"], row["initials"], row["household"], row["corner"],
             row["on_board"], old.id),
        )
        write_keys(conn, old.id, row["name"])
        book.changed("residents", old.id)
    return get_resident(book, old.id)


def corners(book) -> list[str]:
    """The corners in use, for filters and pickers."""
    rows = book.query("SELECT DISTINCT corner FROM residents WHERE corner <> '' ORDER BY corner")
    return [r[0] for r in rows]
