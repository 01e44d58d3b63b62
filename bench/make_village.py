"""Make a big synthetic book, to measure villagebook at the size of a big village or a
whole township.

    python bench/make_village.py OUT.db [--residents 5000] [--years 20] [--entries 1200000]
                                        [--seed 1] [--no-analyze]
    python bench/make_village.py OUT.db --township   # 100,000 residents, 25 M entries

Twenty years of a large village is about a million entries; a township's book, 25
million. The book is made by villagebook itself (Book.create, add_gatherer), so schema,
settings and catalogue are the real ones; residents and entries (village_rows.py) are then
written in one transaction with executemany, with a chained log line for every row (as a
book from before the chain adopts its rows) and one for the whole load.

It loads as SQLite's own documentation advises for bulk loads: the entries' and the log's
secondary indexes and the entries' triggers (the roll-up's, the final-month guard) are
dropped first and made again afterwards from their exact SQL (CREATE INDEX sorts once
instead of inserting 25 million times at random), the roll-up is filled with INSERT ...
SELECT as the migrations to schema v8 and v9 fill it, and each entry is written already
pointing at its log line. The file that results
has the schema, triggers and rows a book written entry by entry would have; `check`
passes on it. ANALYZE runs at the end unless --no-analyze (villagebook itself never runs
it, so a real book has no statistics, and SQLite plans some queries differently with them).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date
from pathlib import Path
from queue import Queue
from threading import Thread

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from village_rows import (  # noqa: E402
    VILLAGE,
    corners_for,
    gatherers_for,
    make_entries,
    make_residents,
    month_firsts,
)

from villagebook import catalogue, history, people, readings  # noqa: E402
from villagebook.book import Book, now  # noqa: E402

VOIDED = 300
TOWNSHIP = {"residents": 100_000, "years": 20, "entries": 25_000_000}
# What a bulk load leaves out and makes again at the end (their SQL read from the book)
DEFERRED = ("SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            " AND ((type = 'index' AND tbl_name IN ('entries', 'audit'))"
            " OR (type = 'trigger' AND tbl_name = 'entries'))")
ROLLUP_FILL = (
    "INSERT INTO rollup (month, resident_id, points_c, entries) SELECT month, resident_id,"
    " SUM(points_c), COUNT(*) FROM entries WHERE voided_at IS NULL GROUP BY month, resident_id",
    "INSERT INTO rollup_year (year, resident_id, points_c, entries) SELECT year, resident_id,"
    " SUM(points_c), SUM(entries) FROM (SELECT substr(month, 1, 4) AS year, resident_id,"
    " points_c, entries FROM rollup) GROUP BY year, resident_id",
    "INSERT INTO rollup_all (resident_id, points_c, entries) SELECT resident_id, SUM(points_c),"
    " SUM(entries) FROM rollup_year GROUP BY resident_id",
)


def logged(entry_rows, head: history.Head, stamp: str, size: int = 20_000):
    """Batches of (entries, their chained log lines). The logged row is written here as
    SQLite's json_object writes it (`load` compares the first with SQLite's own), so the
    chain is hashed while SQLite is busy inserting the batch before."""
    seq, previous, entries, lines = head.seq, head.hash, [], []
    for row in entry_rows:
        seq += 1
        (key, resident, day, month, code, quantity, points_c, rule, note, by, at,
         voided_at, voided_by, reason, _) = row
        data = (f'{{"id":"{key}","resident_id":"{resident}","day":"{day}","month":"{month}",'
                f'"category":"{code}","quantity":"{quantity}","points_c":{points_c},'
                f'"rule":"{rule}","note":"{note}","recorded_by":"{by}","recorded_at":"{at}",'
                f'"voided_at":{_json_text(voided_at)},"voided_by":{_json_text(voided_by)},'
                f'"void_reason":{_json_text(reason)},"late":0}}')
        previous = history.link(previous, history.canonical(
            seq, stamp, "bench", "history.adopt", row[0], "{}", "entries", data))
        entries.append(row)
        lines.append((seq, stamp, "bench", "history.adopt", row[0], "{}", "entries", data,
                      previous))
        if len(entries) >= size:
            yield entries, lines
            entries, lines = [], []
    if entries:
        yield entries, lines


def _json_text(value) -> str:
    return "null" if value is None else f'"{value}"'


def in_background(batches, depth: int = 4):
    """The batches made by a second thread while this one writes: Python's sqlite3 lets
    go of the GIL while SQLite works, so the two cores share the load."""
    queue: Queue = Queue(depth)

    def produce() -> None:
        try:
            for batch in batches:
                queue.put(batch)
            queue.put(None)
        except BaseException as error:  # handed over, raised in the writing thread
            queue.put(error)

    Thread(target=produce, daemon=True).start()
    while (batch := queue.get()) is not None:
        if isinstance(batch, BaseException):
            raise batch
        yield batch


def load(conn, resident_rows, entry_rows, detail: dict, stamp: str) -> None:
    """Residents, entries and their log lines, in one transaction the caller opened."""
    conn.executemany(
        "INSERT INTO residents (id, name, pinyin, initials, household, corner,"
        " on_board, active, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        resident_rows)
    readings.index_missing(conn)  # the keys search finds them by (every reading)
    history.append(conn, stamp, "bench", "bench.bulk_load", VILLAGE,
                   json.dumps(detail, ensure_ascii=False, sort_keys=True))
    head = history.append_many(conn, stamp, "bench", "history.adopt",  # a chained line for
                               ((key, "{}", "residents", text)  # every row, as history.start
                                for key, text in history.rows_of(conn, "residents")))  # adopts
    first = True
    for entries, lines in in_background(logged(entry_rows, head, stamp)):
        conn.executemany(
            "INSERT INTO entries (id, resident_id, day, month, category, quantity, points_c,"
            " rule, note, recorded_by, recorded_at, voided_at, voided_by, void_reason, line)"
            " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", entries)
        conn.executemany("INSERT INTO audit (seq, at, actor, action, subject, detail, tbl,"
                         " data, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", lines)
        if first and history.row_json(conn, "entries", lines[0][4]) != lines[0][7]:
            raise SystemExit("the logged row differs from SQLite's json_object: fix logged()")
        first = False


_clock = [time.perf_counter()]


def phase(done: str) -> None:
    """Print how long the step just done took (a township takes minutes: show progress)."""
    now_ = time.perf_counter()
    print(f"  {done}: {now_ - _clock[0]:.1f} s", flush=True)
    _clock[0] = now_


def build(out: Path, residents: int, years: int, total: int, seed: int,
          analyze: bool = True) -> dict[str, int]:
    rng = random.Random(seed)
    _clock[0] = time.perf_counter()
    today, stamp = date.today(), now()
    book = Book.create(out, VILLAGE, actor="bench")
    try:
        corners = corners_for(residents)
        by_corner: dict[str, list[str]] = {c: [] for c in corners}
        for name, corner in gatherers_for(corners):
            people.add_gatherer(book, name, corner)
            by_corner[corner].append(name)
        cats = {c.code: c for c in catalogue.categories(book)}
        firsts = month_firsts(today, years * 12)
        voided = set(rng.sample(range(total), min(VOIDED, total)))
        resident_rows = make_residents(rng, residents, corners, stamp)

        conn = book.conn
        for pragma in ("journal_mode = OFF",  # a generated file: no need to survive a crash,
                       "synchronous = OFF",  # and no 25 GB write-ahead log beside it
                       "foreign_keys = OFF",  # every row's references are made right here
                       "cache_size = -4000000",  # up to 4 GB: the primary keys stay in memory
                       "threads = 2"):  # CREATE INDEX sorts on both cores
            conn.execute(f"PRAGMA {pragma}")
        deferred = conn.execute(DEFERRED).fetchall()
        conn.execute("BEGIN IMMEDIATE")
        try:
            for kind, name, _ in deferred:
                conn.execute(f"DROP {kind} {name}")
            conn.executemany("INSERT INTO months (month) VALUES (?)",
                             [(f.strftime("%Y-%m"),) for f in firsts])
            first_line = conn.execute("SELECT MAX(seq) FROM audit").fetchone()[0] + 2 + residents
            detail = {"residents": residents, "entries": total, "voided": len(voided),
                      "months": len(firsts), "seed": seed}
            phase("residents and gatherers")
            load(conn, resident_rows, make_entries(rng, resident_rows, cats, firsts, total,
                                                   today, stamp, voided, by_corner,
                                                   first_line), detail, stamp)
            phase("entries and their log lines")
            for statement in ROLLUP_FILL:
                conn.execute(statement)
            phase("roll-up")
            for _, _, sql in deferred:
                conn.execute(sql)
            conn.execute("COMMIT")
            phase("indexes and triggers")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if analyze:
            conn.execute("PRAGMA analysis_limit = 1000")  # statistics from a sample, as
            conn.execute("ANALYZE")  # SQLite advises; a township's full ANALYZE takes minutes
            phase("ANALYZE")
        conn.execute("PRAGMA journal_mode = WAL")  # as every book is kept
        counts = {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                  for table in ("residents", "gatherers", "months", "entries", "audit")}
        counts["voided"] = conn.execute(
            "SELECT COUNT(*) FROM entries WHERE voided_at IS NOT NULL").fetchone()[0]
        return counts
    except BaseException:  # leave no half-made book behind for the benchmarks to time
        book.close()
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{out}{suffix}").unlink(missing_ok=True)
        raise
    finally:
        book.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path, help="the book to create (must not exist)")
    parser.add_argument("--residents", type=int, default=5000)
    parser.add_argument("--years", type=int, default=20)
    parser.add_argument("--entries", type=int, default=1_200_000)
    parser.add_argument("--township", action="store_true",
                        help="100,000 residents, 25 million entries over 20 years")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-analyze", action="store_true", help="leave out ANALYZE")
    args = parser.parse_args()
    if args.township:
        args.residents, args.years, args.entries = TOWNSHIP.values()
    if args.out.exists():
        sys.exit(f"{args.out} exists; remove it first")
    started = time.perf_counter()
    counts = build(args.out, args.residents, args.years, args.entries, args.seed,
                   not args.no_analyze)
    took = time.perf_counter() - started
    print(f"made {args.out} in {took:.1f} s ({args.out.stat().st_size / 1e9:.2f} GB,"
          f" {args.out.stat().st_size / counts['entries']:.0f} bytes an entry)")
    for table, count in counts.items():
        print(f"  {table:<10} {count:>11,}")


if __name__ == "__main__":
    main()
