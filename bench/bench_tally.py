"""Time the month's sheet and the standings on a big book against the bare SQL beneath them.

    python bench/bench_tally.py [BIG.db] [--runs 7]

The tally should cost little more than the query it is built on, so a slow tally shows up
here as a ratio. For each tally it runs, on the same connection and with the same
parameters, exactly the SQL the tally runs (tally.sheet_query over rollup.grouped: the
roll-up's sums with names joined, stars reckoned and lines sorted, fetched with no Python
around it), the roll-up's GROUP BY alone, and the scan of the entries the roll-up
replaced. Every figure is printed twice: with the book's ANALYZE statistics and without
them, as a real book has none (villagebook never runs ANALYZE). The statistics are
hidden inside a transaction that is rolled back (DELETE FROM sqlite_stat1, then ANALYZE
sqlite_schema, which makes SQLite read them again), so the file is never changed. BIG.db
defaults to bench/out/big.db and is made with make_village.py when missing. Prints
min/median/max in milliseconds over --runs runs (after one warm-up run) and the plans SQLite
chose; it never asserts anything about timing.
"""

from __future__ import annotations

import argparse
import statistics
import subprocess
import sys
import time
from contextlib import contextmanager, nullcontext
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout

from villagebook import rollup, tally  # noqa: E402
from villagebook import settings as village_settings  # noqa: E402
from villagebook.book import Book  # noqa: E402

SCAN = ("SELECT resident_id, COUNT(*) AS n, SUM(points_c) AS p FROM entries"
        " WHERE {where} AND voided_at IS NULL GROUP BY resident_id")
TARGET = ("targets (issue 14): standings of any period < 100 ms; the month tally within"
          " 1.2x of its own SQL")
TOP = 100  # the lines of a screenful (F3 lists 100; `--top N` on the command line)


def timed(fn, runs: int) -> tuple[float, float, float]:
    """min, median, max in ms over `runs` runs, after a warm-up run."""
    fn()  # warm-up: page cache, statement cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times), max(times)


def fetched(book: Book, query) -> list:
    """The statement's rows as plain tuples, nothing else done with them (a list of
    statements: each one's, as a top of a sheet and the whole's totals are two)."""
    cursor = book.conn.cursor()
    cursor.row_factory = None
    if isinstance(query, list):
        return [cursor.execute(*q).fetchall() for q in query]
    return cursor.execute(*query).fetchall()


def plans(book: Book, sql: str, params: tuple) -> list[str]:
    return [row[3] for row in book.conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


@contextmanager
def statistics_hidden(book: Book):
    """The book as SQLite plans it with no ANALYZE statistics; the file is not changed."""
    if not book.one("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'"):
        yield
        return
    book.conn.execute("BEGIN")
    try:
        book.conn.execute("DELETE FROM sqlite_stat1")
        book.conn.execute("ANALYZE sqlite_schema")
        yield
    finally:
        book.conn.execute("ROLLBACK")
        book.conn.execute("ANALYZE sqlite_schema")


def cases(book: Book) -> list[tuple]:
    """(label, the tally, the tally's own SQL and parameters, the GROUP BY alone, the
    entries' scan and its parameters)."""
    first = date.today().replace(day=1)
    month = (first - timedelta(days=1)).strftime("%Y-%m")  # the latest full month
    year = first.year - 1  # the latest full year
    s = village_settings.load(book)
    spans = [(f"month_sheet {month}", lambda b, top=None: tally.month_sheet(b, month, top=top),
              (month, month), "month = ?", (month,)),
             (f"standings {year}", lambda b, top=None: tally.standings(
                 b, f"{year}-01", f"{year}-12", top=top),
              (f"{year}-01", f"{year}-12"), "month >= ? AND month <= ?",
              (f"{year}-01", f"{year}-12")),
             ("standings all time", lambda b, top=None: tally.standings(b, top=top),
              (None, None), "1 = 1", ())]
    corner = book.one("SELECT corner FROM residents ORDER BY corner LIMIT 1")[0]
    spans.append((f"standings all time, {corner}",  # one village of a township
                  lambda b: tally.standings(b, corner=corner), (None, None), "1 = 1", ()))
    for label, run, span, where, scan_params in spans[:3]:  # a screenful: the top lines
        spans.append((f"{label}, top {TOP}", lambda b, r=run: r(b, TOP), span, where,
                      scan_params))
    found = []
    for label, run, span, where, scan_params in spans:
        grouped = rollup.grouped(*span)  # exactly what the tally runs
        chosen = corner if f", {corner}" in label else None
        top = TOP if label.endswith(f"top {TOP}") else None
        own = [tally.sheet_query(*grouped, False, s.points_per_star_c, s.stars_per_flag,
                                 chosen, top=top)]
        if top:  # and the whole sheet's count and totals, as the tally reads them
            own.append(tally.whole_query(*grouped, False, chosen))
        found.append((label, run, own, grouped, (SCAN.format(where=where), scan_params)))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?", type=Path, default=HERE / "out" / "big.db")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run([sys.executable, str(HERE / "make_village.py"), str(args.db)], check=True)

    with Book.open(args.db) as book:
        count = book.one("SELECT (SELECT COUNT(*) FROM entries), (SELECT COUNT(*) FROM"
                         " residents), (SELECT COUNT(*) FROM sqlite_master"
                         " WHERE name = 'sqlite_stat1')")
        print(f"book {args.db}: {count[0]:,} entries, {count[1]:,} residents; ms over"
              f" {args.runs} runs")
        print(f"{'':<34}{'tally min/med/max':>20}{'its SQL':>9}{'ratio':>7}"
              f"{'GROUP BY':>10}{'entries scan':>13}")
        plan_lines = []
        for stats in ("ANALYZE", "no ANALYZE") if count[2] else ("no ANALYZE",):
            with nullcontext() if stats == "ANALYZE" else statistics_hidden(book):
                for label, run, own, grouped, scan in cases(book):
                    low, mid, high = timed(lambda r=run: r(book), args.runs)
                    bare = timed(lambda q=own: fetched(book, q), args.runs)[1]
                    alone = timed(lambda q=grouped: fetched(book, q), args.runs)[1]
                    scanned = timed(lambda q=scan: fetched(book, q), 3)[1]
                    spread = f"{low:.1f}/{mid:.1f}/{high:.1f}"
                    print(f"{label + ', ' + stats:<34}{spread:>20}{bare:>9.1f}"
                          f"{mid / bare:>6.2f}x{alone:>10.1f}{scanned:>13.1f}")
                    plan_lines += [f"  {label}, {stats}: {step}" for q in own
                                   for step in plans(book, *q)]
        print(TARGET)
        print("its SQL: the tally's own statement (names, stars, order) fetched bare, and for"
              f" the top {TOP} the whole sheet's count and totals beside it;"
              " GROUP BY: the roll-up's sums alone; entries scan: the GROUP BY over the"
              " entries the roll-up replaced")
        print("plans of the tallies' own SQL:")
        print("\n".join(plan_lines))


if __name__ == "__main__":
    main()
