"""Time the month's sheet and the standings on a big book against the bare SQL beneath them.

    python bench/bench_tally.py [BIG.db] [--runs 7] [--all-time]

The tally should cost little more than the grouped query it is built on, so a slow tally
shows up here as a ratio. BIG.db defaults to bench/out/big.db and is made with
make_village.py when missing. Prints medians in milliseconds (after one warm-up run) and
the query plan SQLite chose for each tally; it never asserts anything about timing.
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

from villagebook import tally  # noqa: E402
from villagebook.book import Book  # noqa: E402

BARE = ("SELECT resident_id, COUNT(*) AS n, SUM(points_c) AS p FROM entries"
        " WHERE {where} AND voided_at IS NULL GROUP BY resident_id")
SHEET = ("SELECT r.id, r.name, r.household, r.corner, r.on_board, t.n, t.p FROM ({grouped}) t"
         " JOIN residents r ON r.id = t.resident_id ORDER BY coalesce(t.p, 0) DESC, r.pinyin,"
         " r.name")
TARGET = "target: tally within 1.5x of the bare query and under 200 ms"


def median_ms(fn, runs: int) -> float:
    fn()  # warm-up: page cache, statement cache
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def plans(book: Book, fn) -> list[str]:
    """The query plan of each statement fn runs against entries, as SQLite words it."""
    seen: list[str] = []
    book.conn.set_trace_callback(lambda sql: "FROM entries" in sql and seen.append(sql))
    try:
        fn()
    finally:
        book.conn.set_trace_callback(None)
    return [row[3] for sql in seen for row in book.conn.execute("EXPLAIN QUERY PLAN " + sql)]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("db", nargs="?", type=Path, default=HERE / "out" / "big.db")
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--all-time", action="store_true",
                        help="also time the standings over every month (slow)")
    args = parser.parse_args()
    if not args.db.exists():
        subprocess.run([sys.executable, str(HERE / "make_village.py"), str(args.db)], check=True)

    first = date.today().replace(day=1)
    month = (first - timedelta(days=1)).strftime("%Y-%m")  # the latest full month
    year = first.year - 1  # the latest full year
    cases = [
        (f"month_sheet {month}", lambda b: tally.month_sheet(b, month), "month = ?", (month,)),
        (f"standings {year}-01..{year}-12",
         lambda b: tally.standings(b, since=f"{year}-01", through=f"{year}-12"),
         "month BETWEEN ? AND ?", (f"{year}-01", f"{year}-12")),
    ]
    if args.all_time:
        cases.append(("standings (all time)", lambda b: tally.standings(b),
                      "month BETWEEN ? AND ?", ("0000-00", "9999-99")))

    bare = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    with Book.open(args.db) as book:
        entries, residents, stats = bare.execute(
            "SELECT (SELECT COUNT(*) FROM entries), (SELECT COUNT(*) FROM residents),"
            " (SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1')").fetchone()
        print(f"book {args.db}: {entries:,} entries, {residents:,} residents,"
              f" {'ANALYZEd' if stats else 'no ANALYZE statistics'};"
              f" median of {args.runs} runs, ms")
        print(f"{'':<30}{'tally':>9}{'bare':>9}{'ratio':>8}{'sheet SQL':>11}{'ratio':>8}")
        plan_lines = []
        for label, run, where, params in cases:
            sql = BARE.format(where=where)
            ms_tally = median_ms(lambda run=run: run(book), args.runs)
            ms_bare = median_ms(lambda sql=sql, p=params: bare.execute(sql, p).fetchall(),
                                args.runs)
            full = SHEET.format(grouped=sql)  # the same SQL with names and order: no Python
            ms_full = median_ms(lambda q=full, p=params: bare.execute(q, p).fetchall(),
                                args.runs)
            ratio = ms_tally / ms_bare if ms_bare > 0 else float("inf")
            ratio_full = ms_tally / ms_full if ms_full > 0 else float("inf")
            print(f"{label:<30}{ms_tally:>9.1f}{ms_bare:>9.1f}{ratio:>7.2f}x"
                  f"{ms_full:>11.1f}{ratio_full:>7.2f}x")
            plan_lines += [f"  {label}: {step}" for step in plans(book, lambda r=run: r(book))]
        print(TARGET)
        print("bare: the GROUP BY alone; sheet SQL: the same with names joined and sorted")
        print("plans of the tally queries:")
        print("\n".join(plan_lines))
    bare.close()


if __name__ == "__main__":
    main()
