"""How small could a township's book be and keep DESIGN.md's data model? A floor, not a book.

    python bench/format_floor.py [--entries 1000000] [--residents 100000]

Issue 14 asks for a township's book (25 M entries) in under 6 GB: 240 bytes an entry. The
book today takes about 1,090 (bench/README.md). This writes the same synthetic entries
(village_rows.py) into the most compact tables that still keep what the design promises,
and prints the bytes an entry with SQLite's dbstat, table by table:

- "row logged": what the data model asks of every entry. Ids stay 128-bit UUIDs (16-byte
  blobs, so laptops can merge), everything else is an integer key (resident, gatherer,
  category, rule, day, month, time), and each log line still carries the complete change
  (the row, as a compact JSON array) and its SHA-256 (32 bytes, not 64 hex digits), with
  the indexes the hot paths need and the month roll-up.
- "row not logged": the same, but the log line only points at the entry and hashes it;
  the design's "each line carries the complete change" given up.

It is not villagebook's schema and not a format proposal in code: no triggers, no CHECKs
but one, no residents table. It says how far any format change could go.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import sqlite3
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from village_rows import (  # noqa: E402
    VILLAGE,
    corners_for,
    gatherers_for,
    make_entries,
    make_residents,
    month_firsts,
)

from villagebook import catalogue  # noqa: E402
from villagebook.book import Book, now  # noqa: E402

TABLES = """
CREATE TABLE entries (eid INTEGER PRIMARY KEY, uuid BLOB NOT NULL, resident INTEGER NOT NULL,
    day INTEGER NOT NULL, month INTEGER NOT NULL, category INTEGER NOT NULL,
    quantity TEXT NOT NULL, points_c INTEGER NOT NULL CHECK (points_c >= 0),
    rule INTEGER NOT NULL, note TEXT NOT NULL, recorded_by INTEGER NOT NULL,
    recorded_at INTEGER NOT NULL, voided_at INTEGER, voided_by INTEGER, void_reason TEXT,
    late INTEGER NOT NULL, line INTEGER);
CREATE TABLE audit (seq INTEGER PRIMARY KEY, at INTEGER NOT NULL, actor INTEGER NOT NULL,
    action INTEGER NOT NULL, tbl INTEGER NOT NULL, subject INTEGER NOT NULL, data TEXT NOT NULL,
    hash BLOB NOT NULL);
CREATE TABLE rollup (month INTEGER, resident INTEGER, points_c INTEGER, entries INTEGER,
    PRIMARY KEY (month, resident)) WITHOUT ROWID;
"""
INDEXES = ("CREATE UNIQUE INDEX entries_uuid ON entries (uuid)",  # void by id, merge
           "CREATE INDEX entries_resident ON entries (resident, month)",  # slips, F2
           "CREATE INDEX entries_recorded ON entries (recorded_by, recorded_at)",  # today's list
           "CREATE INDEX entries_month ON entries (month, resident, points_c)"  # review, check
           " WHERE voided_at IS NULL",
           "CREATE INDEX audit_rows ON audit (tbl, subject, seq)",  # an entry's history
           "CREATE INDEX rollup_points ON rollup (month, points_c)")  # the top of a month


def synthetic(count: int, residents: int) -> tuple[list[tuple], dict[str, int]]:
    """make_village's entries, and the residents' integer keys."""
    with tempfile.TemporaryDirectory() as folder:
        book = Book.create(Path(folder) / "cat.db", VILLAGE, actor="bench")
        cats = {c.code: c for c in catalogue.categories(book)}
        book.close()
    rng, today, stamp = random.Random(1), date.today(), now()
    corners = corners_for(residents)
    by_corner: dict[str, list[str]] = {c: [] for c in corners}
    for name, corner in gatherers_for(corners):
        by_corner[corner].append(name)
    people = make_residents(rng, residents, corners, stamp)
    rows = list(make_entries(rng, people, cats, month_firsts(today, 240), count, today,
                             stamp, set(), by_corner, 1))
    return rows, {r[0]: k + 1 for k, r in enumerate(people)}


def compact(rows: list[tuple], resident_key: dict[str, int]) -> list[tuple]:
    """Each entry as integers where the design allows, its UUID as 16 bytes."""
    keys: dict[str, dict] = {"by": {}, "code": {}, "rule": {}}
    out = []
    for n, row in enumerate(rows, 1):
        (key, resident, day, month, code, quantity, points_c, rule, note, by, at, *_) = row
        seconds = int(time.mktime(time.strptime(at, "%Y-%m-%dT%H:%M:%S")))
        out.append((n, bytes.fromhex(key), resident_key[resident],
                    date.fromisoformat(day).toordinal(), int(month[:4]) * 12 + int(month[5:]),
                    keys["code"].setdefault(code, len(keys["code"])), quantity, points_c,
                    keys["rule"].setdefault(rule, len(keys["rule"])), note,
                    keys["by"].setdefault(by, len(keys["by"])), seconds, None, None, None, 0, n))
    return out


def write(path: Path, entries: list[tuple], logged: bool) -> float:
    """The entries, a chained line each, the roll-up and the indexes; seconds taken."""
    started = time.perf_counter()
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = OFF", "synchronous = OFF", "cache_size = -2000000"):
        conn.execute(f"PRAGMA {pragma}")
    conn.executescript(TABLES)
    conn.execute("BEGIN")
    previous, lines, months = b"\0" * 32, [], {}
    for e in entries:
        data = json.dumps([e[1].hex(), *e[2:16]], ensure_ascii=False, separators=(",", ":"))
        previous = hashlib.sha256(previous + data.encode()).digest()
        lines.append((e[0], e[11], e[10], 0, 1, e[0], data if logged else "", previous))
        total = months.get((e[4], e[2]), (0, 0))
        months[(e[4], e[2])] = (total[0] + e[7], total[1] + 1)
    conn.executemany(f"INSERT INTO entries VALUES ({', '.join('?' * 17)})", entries)
    conn.executemany("INSERT INTO audit VALUES (?, ?, ?, ?, ?, ?, ?, ?)", lines)
    conn.executemany("INSERT INTO rollup VALUES (?, ?, ?, ?)",
                     sorted((m, r, p, n) for (m, r), (p, n) in months.items()))
    for sql in INDEXES:
        conn.execute(sql)
    conn.execute("COMMIT")
    took = time.perf_counter() - started
    count = len(entries)
    size = path.stat().st_size
    print(f"  {'row logged' if logged else 'row not logged'}: {size / count:.0f} bytes an"
          f" entry, {size / count * 25e6 / 1e9:.1f} GB for 25 M entries"
          f" (written in {took:.1f} s, {took / count * 1e6:.1f} us an entry)")
    for name, share in conn.execute("SELECT name, SUM(pgsize) * 1.0 / ? FROM dbstat"
                                    " GROUP BY name ORDER BY 2 DESC", (count,)):
        if share >= 1:
            print(f"    {name:<18} {share:5.0f}")
    conn.close()
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=1_000_000)
    parser.add_argument("--residents", type=int, default=100_000)
    args = parser.parse_args()
    rows, resident_key = synthetic(args.entries, args.residents)
    entries = compact(rows, resident_key)
    print(f"{args.entries:,} entries of {args.residents:,} residents over 20 years:")
    with tempfile.TemporaryDirectory() as folder:
        for logged in (True, False):
            path = Path(folder) / f"floor-{int(logged)}.db"
            write(path, entries, logged)
            os.unlink(path)


if __name__ == "__main__":
    main()
