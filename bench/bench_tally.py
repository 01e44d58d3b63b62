"""Time the month's sheet and the standings on a big book against the bare SQL beneath them.

    python bench/bench_tally.py [BIG.db] [--runs 7] [--all-time]

The tally should cost little more than the grouped query it is built on, so a slow tally
shows up here as a ratio. That query reads the roll-up (villagebook/rollup.py, points per
resident and month, kept by SQLite's triggers); the bench runs it bare with the same
predicates (`month >= ? AND month <= ?`, never BETWEEN, which SQLite plans differently on
a book without ANALYZE), and also the scan of the entries it replaces. BIG.db defaults to
bench/out/big.db and is made with make_village.py when missing. Prints min/median/max in
milliseconds over --runs runs (after one warm-up run) and the query plan SQLite chose for
each tally; it never asserts anything about timing.
"""

from __future__ import annotations

import argparse
import sqlite3
import statistics
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout

from villagebook import rollup, tally  # noqa: E402
from villagebook.book import Book  # noqa: E402

SCAN = ("SELECT resident_id, COUNT(*) AS n, SUM(points_c) AS p FROM entries"
        " WHERE {where} AND voided_at IS NULL GROUP BY resident_id")
SHEET = ("SELECT r.id, r.name, r.household, r.corner, r.on_board, t.n, t.p FROM ({grouped}) t"
         " JOIN residents r ON r.id = t.resident_id ORDER BY coalesce(t.p, 0) DESC, r.pinyin,"
         " r.name")
TARGET = ("targets (issue 14): standings of any period < 100 ms; the month tally within"
          " 1.2x of its own SQL")


def timed(fn, runs: int) -> tuple[float, float, float]:
    """min, median, max in ms over `runs` runs, after a warm-up run."""
    fn()  # warm-up: page cache, statement cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return min(times), statistics.median(times), max(times)


def plans(book: Book, fn) -> list[str]:
    """The query plan of each statement fn runs against entries, as SQLite words it."""
    seen: list[str] = []
    book.conn.set_trace_callback(lambda sql: "FROM rollup" in sql and seen.append(sql))
    try:
        fn()
    finally:
        book.conn.set_trace_callback(None)
    return [row[3] for sql in seen for row in book.conn.execute("EXPLAIN QUERY PLAN " + sql)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?", type=Path, default=HERE / "out" / "big.db")
    parser.add_argument("--runs", type=int, default=7)
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run([sys.executable, str(HERE / "make_village.py"), str(args.db)], check=True)

    first = date.today().replace(day=1)
    month = (first - timedelta(days=1)).strftime("%Y-%m")  # the latest full month
    year = first.year - 1  # the latest full year
    cases = [  # (label, the tally, its span, the entries' predicate and parameters)
        (f"month_sheet {month}", lambda b: tally.month_sheet(b, month), (month, month),
         "month = ?", (month,)),
        (f"standings {year}-01..{year}-12",
         lambda b: tally.standings(b, since=f"{year}-01", through=f"{year}-12"),
         (f"{year}-01", f"{year}-12"), "month >= ? AND month <= ?",
         (f"{year}-01", f"{year}-12")),
        ("standings (all time)", lambda b: tally.standings(b), (None, None), "1 = 1", ()),
    ]

    bare = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    with Book.open(args.db) as book:
        entries, residents, stats = bare.execute(
            "SELECT (SELECT COUNT(*) FROM entries), (SELECT COUNT(*) FROM residents),"
            " (SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1')").fetchone()
        print(f"book {args.db}: {entries:,} entries, {residents:,} residents,"
              f" {'ANALYZEd' if stats else 'no ANALYZE statistics'};"
              f" median of {args.runs} runs, ms")
        print(f"{'':<30}{'tally (min/med/max)':>22}{'its SQL':>9}{'ratio':>7}"
              f"{'sheet SQL':>10}{'ratio':>7}{'entries scan':>13}")
        plan_lines = []
        for label, run, span, where, scan_params in cases:
            sql, params = rollup.grouped(*span)  # exactly the SQL the tally runs
            low, ms_tally, high = timed(lambda run=run: run(book), args.runs)
            ms_bare = timed(lambda sql=sql, p=params: bare.execute(sql, p).fetchall(),
                            args.runs)[1]
            full = SHEET.format(grouped=sql)  # the same SQL with names and order: no Python
            ms_full = timed(lambda q=full, p=params: bare.execute(q, p).fetchall(),
                            args.runs)[1]
            scan = SCAN.format(where=where)
            ms_scan = timed(lambda q=scan, p=scan_params: bare.execute(q, p).fetchall(), 3)[1]
            spread = f"{low:.1f}/{ms_tally:.1f}/{high:.1f}"
            print(f"{label:<30}{spread:>22}{ms_bare:>9.1f}{ms_tally / ms_bare:>6.2f}x"
                  f"{ms_full:>10.1f}{ms_tally / ms_full:>6.2f}x{ms_scan:>13.1f}")
            plan_lines += [f"  {label}: {step}" for step in plans(book, lambda r=run: r(book))]
        print(TARGET)
        print("its SQL: the roll-up's GROUP BY alone; sheet SQL: the same with names joined"
              " and sorted; entries scan: the GROUP BY over the entries the roll-up replaces")
        print("plans of the tally queries:")
        print("\n".join(plan_lines))
    bare.close()


if __name__ == "__main__":
    main()
