"""The month's sheet and the standings, with stars and flags. Reads only.

Computed once into plain rows; the CLI table, CSV, JSON, the screens and the printouts
all render these rows and never sum again.
"""

from __future__ import annotations

import json
from functools import partial
from typing import NamedTuple

from villagebook import rollup
from villagebook import settings as village_settings
from villagebook.errors import BookError
from villagebook.quantities import fmt_points


class Line(NamedTuple):
    """One resident's line (a named tuple: thousands are built per sheet, cheaply)."""

    resident_id: str
    name: str
    household: str
    corner: str
    on_board: int  # 1 or 0, as SQLite keeps it (as_dict says true or false)
    points_c: int
    entries: int
    stars: int
    flags: int
    loose_stars: int

    def as_dict(self) -> dict:
        """The documented JSON shape (docs/json.md): points as a two-decimal string."""
        return {
            "resident_id": self.resident_id,
            "name": self.name,
            "household": self.household,
            "corner": self.corner,
            "on_board": self.on_board == 1,
            "points": fmt_points(self.points_c),
            "entries": self.entries,
            "stars": self.stars,
            "flags": self.flags,
            "loose_stars": self.loose_stars,
        }


class Sheet(NamedTuple):
    """One period's tally: its lines and the total, which is the sum of the lines. A sheet
    asked for its top lines only holds those, and the whole sheet's count and totals
    (`whole`: lines, points, entries), added up by SQLite."""

    period: str
    lines: list[Line]
    points_per_star_c: int
    stars_per_flag: int
    whole: tuple[int, int, int] | None = None

    @property
    def count(self) -> int:
        return self.whole[0] if self.whole else len(self.lines)

    @property
    def total_c(self) -> int:
        return self.whole[1] if self.whole else sum(line.points_c for line in self.lines)

    @property
    def total_entries(self) -> int:
        return self.whole[2] if self.whole else sum(line.entries for line in self.lines)


_as_line = partial(tuple.__new__, Line)  # Line._make without a Python call a line


def known_corner(book, corner: str | None) -> str | None:
    """The corner as the book spells it (None: every corner); one nobody lives in is
    refused by name, rather than shown as an empty sheet."""
    if corner is None:
        return None
    found = book.one("SELECT corner FROM residents WHERE corner = ? LIMIT 1", (corner.strip(),))
    if not found:
        raise BookError("form.no_corner", corner=corner.strip())
    return found[0]


def stars_and_flags(points_c: int, points_per_star_c: int, stars_per_flag: int):
    """stars = floor(points / points per star); flags and the loose stars beside them."""
    stars = points_c // points_per_star_c
    return stars, stars // stars_per_flag, stars % stars_per_flag


def sheet_query(grouped: str, params: tuple, include_all: bool, points_per_star_c: int,
                stars_per_flag: int, corner: str | None = None, board_only: bool = False,
                top: int | None = None) -> tuple[str, tuple]:
    """The SQL of a sheet's lines, in Line's order, sorted: stars and flags reckoned by
    SQLite (stars_and_flags, once a resident), so each row becomes a Line as it is. With
    a corner, only its residents (a township's committee reads one village at a time);
    board_only: those on the board; top: the first lines only, read down the roll-up's
    index by points (rollup.TABLES_V10) rather than sorting a township."""
    sql, params = _lines_from(grouped, params, include_all, corner, board_only, top is not None)
    p = "coalesce(t.p, 0)" if include_all else "t.p"  # bare, the index orders it
    sql = (f"SELECT r.id, r.name, r.household, r.corner, r.on_board, {p} AS p,"
           f" coalesce(t.n, 0), {p} / ?1, {p} / ?1 / ?2, {p} / ?1 % ?2 {sql}"
           f" ORDER BY p DESC, r.pinyin, r.name")
    if top is not None:
        sql, params = f"{sql} LIMIT ?", (*params, top)
    return sql, (points_per_star_c, stars_per_flag, *params)


def _lines_from(grouped: str, params: tuple, include_all: bool, corner: str | None,
                board_only: bool, by_points: bool = False) -> tuple[str, tuple]:
    """FROM and WHERE of a sheet's lines (`grouped` as t, residents as r). For the top
    lines, the roll-up is read first (CROSS JOIN keeps that order), down its index by
    points, and stops at the last line wanted; else SQLite's planner picks the way."""
    if include_all:
        sql = (f"FROM residents r LEFT JOIN ({grouped}) t ON t.resident_id = r.id"
               f" WHERE (r.active = 1 OR t.n > 0)")
    else:
        join = "CROSS JOIN" if by_points else "JOIN"
        sql = f"FROM ({grouped}) t {join} residents r ON r.id = t.resident_id WHERE t.n > 0"
    if corner is not None:
        sql, params = f"{sql} AND r.corner = ?", (*params, corner)
    if board_only:
        sql += " AND r.on_board = 1"
    return sql, params


_SUM = "coalesce(SUM({}), 0)"  # integers, added exactly (TOTAL would add floats)


def whole_query(grouped: str, params: tuple, include_all: bool, corner: str | None = None,
                board_only: bool = False) -> tuple[str, tuple]:
    """The SQL of a sheet's count and totals (lines, points, entries), for a sheet of its
    top lines only. The roll-up is read alone, a corner as the set of its residents' ids;
    the board as everyone less the few kept off it (each a lookup, not a join of all)."""
    if include_all:
        sql, params = _lines_from(grouped, params, include_all, corner, board_only)
        return f"SELECT COUNT(*), {_SUM.format('t.p')}, {_SUM.format('t.n')} {sql}", params
    whole = (f"SELECT COUNT(*) AS c, {_SUM.format('p')} AS p, {_SUM.format('n')} AS n"
             f" FROM ({grouped}) WHERE n > 0")
    among = " AND resident_id IN (SELECT id FROM residents WHERE corner = ?{})"
    sql = whole + (among.format("") if corner is not None else "")
    wanted = (*params, corner) if corner is not None else params
    if not board_only:
        return sql, wanted
    off = whole + (among.format(" AND on_board = 0") if corner is not None else
                   " AND resident_id IN (SELECT id FROM residents WHERE on_board = 0)")
    return (f"SELECT a.c - o.c, a.p - o.p, a.n - o.n FROM ({sql}) a, ({off}) o",
            (*wanted, *wanted))


def _sheet(book, period: str, grouped: str, params: tuple, include_all: bool,
           through: str | None = None, corner: str | None = None, board_only: bool = False,
           top: int | None = None) -> Sheet:
    """grouped: SQL of (resident_id, n, p) over the period, from the roll-up (rollup.py)."""
    s = village_settings.load(book, through)  # a final month keeps its star rule
    pps, spf = s.points_per_star_c, s.stars_per_flag
    cursor = book.conn.cursor()
    cursor.row_factory = None  # plain tuples, not sqlite3.Row: a township has 100,000 lines
    query = sheet_query(grouped, params, include_all, pps, spf, corner, board_only, top)
    lines = list(map(_as_line, cursor.execute(*query)))
    whole = None
    if top is not None and len(lines) == top:  # perhaps more than the top: count them
        whole = tuple(cursor.execute(
            *whole_query(grouped, params, include_all, corner, board_only)).fetchone())
    return Sheet(period, lines, pps, spf, whole)


def month_sheet(book, month: str, include_all: bool = False, corner: str | None = None,
                board_only: bool = False, top: int | None = None) -> Sheet:
    """The month's sheet: one line per resident with entries (everyone with include_all);
    its top lines only when asked (a screenful of a township's)."""
    return _sheet(book, month, *rollup.grouped(month, month), include_all, month, corner,
                  board_only, top)


def month_points(book, month: str, resident_ids: list[str]) -> dict[str, int]:
    """Points this month of a few residents (the record screen's candidates), by id."""
    if not resident_ids:
        return {}
    marks = ",".join("?" * len(resident_ids))
    rows = book.query(
        "SELECT resident_id, SUM(points_c) FROM rollup WHERE month = ?"
        f" AND resident_id IN ({marks}) GROUP BY resident_id", (month, *resident_ids))
    return {rid: points for rid, points in rows}


def cumulative_points(book, through: str, resident_ids: list[str] | None = None):
    """Points from the first month through this one, by resident id (of these, if given)."""
    grouped, params = rollup.grouped(None, through)
    sql = f"SELECT resident_id, p FROM ({grouped}) WHERE n > 0"
    if resident_ids is not None:  # as one JSON list: a township's are past SQLite's limit
        sql += " AND resident_id IN (SELECT value FROM json_each(?))"  # of parameters
        params += (json.dumps(resident_ids),)
    return {rid: points for rid, points in book.query(sql, params)}


def standings(book, since: str | None = None, through: str | None = None,
              include_all: bool = False, corner: str | None = None, board_only: bool = False,
              top: int | None = None) -> Sheet:
    """Cumulative points, stars and flags over the months since..through (inclusive); a
    period that ends with a final month keeps that month's star rule. All time through
    the newest month is all time as kept (its index by points serves the top lines)."""
    span = (since, through)
    if since is None and through is not None and not rollup.later_months(book, through):
        span = (None, None)
    return _sheet(book, f"{since or ''}..{through or ''}", *rollup.grouped(*span),
                  include_all, through, corner, board_only, top)
