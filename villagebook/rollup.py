"""Each resident's points and entries per month (`rollup`), per year (`rollup_year`) and
over all time (`rollup_all`), kept beside the entries, so the standings of a year or of
all time read one row a resident, not a million entries (or a township's 25 million).

It is never a cache that can drift: SQLite's own triggers write it in the same statement
as each entry and each void, whatever program writes them, and entries change in no other
way (an entry is voided once, never un-voided; a restore replaces the whole file). `check`
adds it up again from the entries and names any resident and month that differs, so a
roll-up edited behind the book's back (to lift a relative in the standings) is found.
Schema v8 adds the months and years and fills them from the entries already there; v9
adds all time, filled from the years; v10 indexes each by points.
"""

from __future__ import annotations

TABLES = [
    """CREATE TABLE rollup (
        month TEXT NOT NULL,
        resident_id TEXT NOT NULL,
        points_c INTEGER NOT NULL CHECK (points_c >= 0),
        entries INTEGER NOT NULL CHECK (entries >= 0),
        PRIMARY KEY (month, resident_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE rollup_year (
        year TEXT NOT NULL,
        resident_id TEXT NOT NULL,
        points_c INTEGER NOT NULL CHECK (points_c >= 0),
        entries INTEGER NOT NULL CHECK (entries >= 0),
        PRIMARY KEY (year, resident_id)
    ) WITHOUT ROWID""",
    """CREATE TRIGGER rollup_on_record AFTER INSERT ON entries WHEN NEW.voided_at IS NULL
        BEGIN
            INSERT INTO rollup (month, resident_id, points_c, entries)
            VALUES (NEW.month, NEW.resident_id, NEW.points_c, 1)
            ON CONFLICT (month, resident_id) DO UPDATE
            SET points_c = points_c + excluded.points_c, entries = entries + 1;
            INSERT INTO rollup_year (year, resident_id, points_c, entries)
            VALUES (substr(NEW.month, 1, 4), NEW.resident_id, NEW.points_c, 1)
            ON CONFLICT (year, resident_id) DO UPDATE
            SET points_c = points_c + excluded.points_c, entries = entries + 1;
        END""",
    """CREATE TRIGGER rollup_on_void AFTER UPDATE OF voided_at ON entries
        WHEN OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL
        BEGIN
            UPDATE rollup SET points_c = points_c - OLD.points_c, entries = entries - 1
            WHERE month = OLD.month AND resident_id = OLD.resident_id;
            UPDATE rollup_year SET points_c = points_c - OLD.points_c, entries = entries - 1
            WHERE year = substr(OLD.month, 1, 4) AND resident_id = OLD.resident_id;
        END""",
    """INSERT INTO rollup (month, resident_id, points_c, entries)
        SELECT month, resident_id, SUM(points_c), COUNT(*) FROM entries
        WHERE voided_at IS NULL GROUP BY month, resident_id""",
    """INSERT INTO rollup_year (year, resident_id, points_c, entries)
        SELECT substr(month, 1, 4), resident_id, SUM(points_c), COUNT(*) FROM entries
        WHERE voided_at IS NULL GROUP BY substr(month, 1, 4), resident_id""",
]


# v9: all time, one row a resident (a township's all-time standings read 100,000 rows,
# not 20 years of 100,000)
TABLES_V9 = [
    """CREATE TABLE rollup_all (
        resident_id TEXT PRIMARY KEY,
        points_c INTEGER NOT NULL CHECK (points_c >= 0),
        entries INTEGER NOT NULL CHECK (entries >= 0)
    ) WITHOUT ROWID""",
    """CREATE TRIGGER rollup_all_on_record AFTER INSERT ON entries WHEN NEW.voided_at IS NULL
        BEGIN
            INSERT INTO rollup_all (resident_id, points_c, entries)
            VALUES (NEW.resident_id, NEW.points_c, 1)
            ON CONFLICT (resident_id) DO UPDATE
            SET points_c = points_c + excluded.points_c, entries = entries + 1;
        END""",
    """CREATE TRIGGER rollup_all_on_void AFTER UPDATE OF voided_at ON entries
        WHEN OLD.voided_at IS NULL AND NEW.voided_at IS NOT NULL
        BEGIN
            UPDATE rollup_all SET points_c = points_c - OLD.points_c, entries = entries - 1
            WHERE resident_id = OLD.resident_id;
        END""",
    """INSERT INTO rollup_all (resident_id, points_c, entries)
        SELECT resident_id, SUM(points_c), SUM(entries) FROM rollup_year
        GROUP BY resident_id HAVING SUM(entries) > 0""",
]


# v10: each level also in order of points, so the top of a month, a year or all time (the
# lines a screen shows first, `--top`) is read from an index, a few rows, never sorted out
# of a township's 100,000. Each index holds the entries too (and, as every index of a
# table WITHOUT ROWID does, the resident): a sum over the period reads it alone.
TABLES_V10 = [
    "CREATE INDEX rollup_points ON rollup (month, points_c, entries)",
    "CREATE INDEX rollup_year_points ON rollup_year (year, points_c, entries)",
    "CREATE INDEX rollup_all_points ON rollup_all (points_c, entries)",
]


def later_months(book, month: str) -> bool:
    """Whether anything is kept for a month after this one (standings through the newest
    month read all time as it is: nothing to take away)."""
    return book.one("SELECT 1 FROM rollup WHERE month > ? LIMIT 1", (month,)) is not None


def grouped(since: str | None, through: str | None) -> tuple[str, tuple]:
    """The SQL of (resident_id, n, p) for the months since..through, read from the roll-up:
    whole years from rollup_year, the months of a year only partly in the span from rollup.
    A village of 20 years reads 5,000 rows a year, not its million entries."""
    if since is None:
        return _all_time_through(through)
    first, last = since, through or "9999-12"
    if first == last:  # one month (the month's sheet): already a row a resident
        return ("SELECT resident_id, entries AS n, points_c AS p FROM rollup"
                " WHERE month = ?"), (first,)
    years = (f"{int(first[:4]) + (first[5:] != '01'):04d}",
             f"{int(last[:4]) - (last[5:] != '12'):04d}")
    if years[0] == years[1] and (first, last) == (f"{years[0]}-01", f"{years[0]}-12"):
        return ("SELECT resident_id, entries AS n, points_c AS p FROM rollup_year"
                " WHERE year = ?"), (years[0],)  # one whole year, as one row a resident
    if years[0] > years[1]:  # no whole year: months only
        return ("SELECT resident_id, SUM(entries) AS n, SUM(points_c) AS p FROM rollup"
                " WHERE month >= ? AND month <= ? GROUP BY resident_id"), (first, last)
    edges = ((first, f"{years[0]}-00"), (f"{years[1]}-13", last))  # the partial years
    return ("SELECT resident_id, SUM(n) AS n, SUM(p) AS p FROM ("
            " SELECT resident_id, entries AS n, points_c AS p FROM rollup_year"
            " WHERE year >= ? AND year <= ?"
            " UNION ALL SELECT resident_id, entries, points_c FROM rollup"
            " WHERE month >= ? AND month < ?"
            " UNION ALL SELECT resident_id, entries, points_c FROM rollup"
            " WHERE month > ? AND month <= ?) GROUP BY resident_id",
            (*years, *edges[0], *edges[1]))


def _all_time_through(through: str | None) -> tuple[str, tuple]:
    """From the first month: all time (rollup_all) less what came after `through`, the
    later years whole and the rest of its own year by month; nothing to take away when
    `through` is the newest month, as on the month's board."""
    if through is None:
        return "SELECT resident_id, entries AS n, points_c AS p FROM rollup_all", ()
    return ("SELECT a.resident_id, a.entries - coalesce(l.n, 0) AS n,"
            " a.points_c - coalesce(l.p, 0) AS p FROM rollup_all a LEFT JOIN ("
            " SELECT resident_id, SUM(n) AS n, SUM(p) AS p FROM ("
            " SELECT resident_id, entries AS n, points_c AS p FROM rollup_year WHERE year > ?"
            " UNION ALL SELECT resident_id, entries, points_c FROM rollup"
            " WHERE month > ? AND month <= ?) GROUP BY resident_id) l"
            " ON l.resident_id = a.resident_id", (through[:4], through, f"{through[:4]}-12"))


_FRESH = ("SELECT resident_id, month, SUM(points_c), COUNT(*) FROM entries"
          " WHERE voided_at IS NULL GROUP BY resident_id, month")
_KEPT = ("SELECT resident_id, month, points_c, entries FROM rollup"
         " WHERE points_c != 0 OR entries != 0")
_FRESH_YEARS = ("SELECT resident_id, year, SUM(p), SUM(n) FROM (SELECT resident_id,"
                " substr(month, 1, 4) AS year, points_c AS p, entries AS n FROM rollup)"
                " GROUP BY resident_id, year HAVING SUM(n) > 0")
_KEPT_YEARS = ("SELECT resident_id, year, points_c, entries FROM rollup_year"
               " WHERE points_c != 0 OR entries != 0")
_FRESH_ALL = ("SELECT resident_id, SUM(points_c), SUM(entries) FROM rollup_year"
              " GROUP BY resident_id HAVING SUM(entries) > 0")
_KEPT_ALL = ("SELECT resident_id, points_c, entries FROM rollup_all"
             " WHERE points_c != 0 OR entries != 0")


# Each level is proven against the one below it, already proven: the months against the
# entries (one pass over their covering index), the years against the months, all time
# against the years. Each group is looked up in the level above by its key; `proven` also
# counts the level's rows, so it may hold no other.
_CHECKED = ("SELECT COUNT(*), TOTAL(k.points_c IS NOT f.p OR k.entries IS NOT f.n)"
            " FROM ({groups}) f LEFT JOIN {table} k ON {match}")
_PROOFS = {
    "rollup": _CHECKED.format(
        groups="SELECT month AS g, resident_id, SUM(points_c) AS p, COUNT(*) AS n"
               " FROM entries WHERE voided_at IS NULL GROUP BY resident_id, month",
        table="rollup", match="k.month = f.g AND k.resident_id = f.resident_id"),
    "rollup_year": _CHECKED.format(
        groups="SELECT substr(month, 1, 4) AS g, resident_id, SUM(points_c) AS p,"
               " SUM(entries) AS n FROM rollup GROUP BY g, resident_id HAVING n > 0",
        table="rollup_year", match="k.year = f.g AND k.resident_id = f.resident_id"),
    "rollup_all": _CHECKED.format(
        groups="SELECT resident_id, SUM(points_c) AS p, SUM(entries) AS n FROM rollup_year"
               " GROUP BY resident_id HAVING n > 0",
        table="rollup_all", match="k.resident_id = f.resident_id"),
}


MONTHS, ABOVE = ("rollup",), ("rollup_year", "rollup_all")  # check proves them side by side


def proven(book, levels: tuple[str, ...] = (*MONTHS, *ABOVE)) -> bool:
    """True when every roll-up row is exactly what its entries add up to: one pass over
    the entries' covering index for the months, then the years from the months and all
    time from the years, each group looked up by its key, and no other row kept."""
    for table in levels:
        proof = _PROOFS[table]
        groups, differing = book.one(proof)
        kept = book.one(f"SELECT COUNT(*) FROM {table} WHERE entries != 0 OR points_c != 0")
        if differing or groups != kept[0]:
            return False
    return True


def problems(book, levels: tuple[str, ...] = (*MONTHS, *ABOVE)) -> list:
    """Every resident and month whose roll-up is not what its entries add up to (when
    the levels asked for are not all proven)."""
    from villagebook.check import problem

    if not book.one("SELECT 1 FROM sqlite_master WHERE name = 'rollup_all'"):
        return []  # a book not yet migrated
    if proven(book, levels):
        return []
    differing = book.query(f"SELECT resident_id, month FROM ({_KEPT} EXCEPT {_FRESH})"
                           f" UNION SELECT resident_id, month FROM ({_FRESH} EXCEPT {_KEPT})")
    if not differing:  # the months hold: the years must be their sums
        differing = book.query(
            f"SELECT resident_id, year FROM ({_KEPT_YEARS} EXCEPT {_FRESH_YEARS}) UNION"
            f" SELECT resident_id, year FROM ({_FRESH_YEARS} EXCEPT {_KEPT_YEARS})")
    if not differing:  # the years hold: all time must be their sum
        differing = book.query(
            f"SELECT resident_id, '' FROM ({_KEPT_ALL} EXCEPT {_FRESH_ALL}) UNION"
            f" SELECT resident_id, '' FROM ({_FRESH_ALL} EXCEPT {_KEPT_ALL})")
    found = []
    for rid, period in differing[:20]:
        row = book.one("SELECT name FROM residents WHERE id = ?", (rid,))
        name = row[0] if row else str(rid)[:8]
        found.append(problem("check.rollup_off", name=name, month=period) if period
                     else problem("check.rollup_all_off", name=name))
    return found
