"""Make a big synthetic village book, to measure villagebook at the size of a real one.

    python bench/make_village.py OUT.db [--residents 5000] [--years 20] [--entries 1200000]
                                        [--seed 1] [--no-analyze]

Twenty years of a large village is about a million entries; the tally and the CLI must
stay quick there. The book is made by villagebook itself (Book.create, add_gatherer), so
schema, settings and catalogue are the real ones; residents and entries are then written
in one transaction with executemany, with a chained log line for every row (as a book
from before the chain adopts its rows) and one for the whole load. Points are
computed by the catalogue's own Category.points_for, quantities are stored in their
canonical text, days are never in the future, and a few hundred entries are voided.
ANALYZE runs at the end unless --no-analyze (villagebook itself never runs it, so a real
book has no statistics, and SQLite plans some queries differently with them).
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))  # run from a checkout

from villagebook import catalogue, history, people, readings
from villagebook.book import Book, now
from villagebook.quantities import quantity_text

VILLAGE = "基准村"
CORNERS = ["东片", "西片", "南片", "北片", "中片"]
GATHERERS = ["杨秋云", "马建国", "李桂兰", "马文华", "王秀英", "马德胜", "张玉梅", "马志强",
             "刘凤芝", "马春生"]
SURNAMES = "马" * 10 + "杨" * 3 + "李" * 3 + "王张刘陈赵孙周吴郑何罗高"
GIVEN = ("建国华军云玲英兰芳明强伟刚勇杰涛斌秀桂凤春秋德文志海洪淑婷少平安福寿庆丽红霞燕梅"
         "成荣贵生长发金银宝珍玉兴旺东晓光辉")
# category code -> (relative weight, quantities a gatherer writes); fixed rules take "1"
MIX = {
    "labour": (60, ["1", "1.5", "2", "2.5", "3", "4", "6", "8"]),
    "elder_care": (12, ["1", "2", "3", "4"]),
    "donation": (8, ["20", "50", "100", "200", "500", "1000"]),
    "goods": (6, ["50", "150", "300", "800", "3000"]),
    "good_deed": (8, ["1"]),
    "blood": (3, ["1", "2"]),
    "recognition": (1, ["1"]),
}
NOTES = ["", "", "", "修村路", "打扫文化广场", "清理排水沟", "帮忙秋收", "捐给村小学"]
VOID_REASONS = ["重复记录", "记错了人", "数量写错"]
VOIDED = 300


def month_firsts(today: date, n: int) -> list[date]:
    """The first days of the n months that end with today's month, oldest first."""
    firsts, first = [], today.replace(day=1)
    for _ in range(n):
        firsts.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    return firsts[::-1]


def make_residents(rng: random.Random, count: int, stamp: str) -> list[tuple]:
    """Resident rows; romanize (pypinyin) runs once per distinct name."""
    romanized: dict[str, tuple[str, str]] = {}
    rows = []
    for i in range(count):
        name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2, 2, 2))))
        if name not in romanized:
            romanized[name] = people.romanize(name)
        pinyin, initials = romanized[name]
        household = f"{name[0]}家{i // 4 + 1}户"
        rows.append((f"{rng.getrandbits(128):032x}", name, pinyin, initials, household,
                     CORNERS[(i // 4) % len(CORNERS)], int(i % 37 != 0), int(i % 31 != 0),
                     "", stamp))
    return rows


def make_entries(rng, residents, cats, firsts, total, today, stamp, voided, by_corner):
    """Yield entry rows month by month (a generator: 1.2 million rows never sit in memory)."""
    ids = [r[0] for r in residents]
    corners = [r[5] for r in residents]
    weights = [rng.expovariate(1.0) for _ in residents]  # a few residents do most of the work
    codes = [c for c in MIX if c in cats]
    rules = {c: cats[c].rule for c in codes}
    code_weights = [MIX[c][0] for c in codes]
    priced: dict[tuple[str, str], tuple[str, int]] = {}  # (code, quantity) -> text, points_c
    n = 0
    for i, first in enumerate(firsts):
        month = first.strftime("%Y-%m")
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        days = [d.isoformat() for d in (first + timedelta(k) for k in range(last.day))
                if d <= today]
        count = total // len(firsts) + (i < total % len(firsts))
        who = rng.choices(range(len(ids)), weights, k=count)
        what = rng.choices(codes, code_weights, k=count)
        for r, code in zip(who, what, strict=True):
            key = (code, rng.choice(MIX[code][1]))
            if key not in priced:
                qty = Decimal(key[1])
                priced[key] = quantity_text(qty), cats[code].points_for(qty)
            quantity, points_c = priced[key]
            day = rng.choice(days)
            at = min(f"{day}T{rng.randrange(7, 21):02d}:{rng.randrange(60):02d}:00", stamp)
            gatherer = rng.choice(by_corner[corners[r]])
            void = (min(f"{day}T23:59:59", stamp), gatherer, rng.choice(VOID_REASONS)) \
                if n in voided else (None, None, None)
            yield (f"{rng.getrandbits(128):032x}", ids[r], day, month, code, quantity,
                   points_c, rules[code], rng.choice(NOTES), gatherer, at, *void)
            n += 1


def build(out: Path, residents: int, years: int, total: int, seed: int,
          analyze: bool = True) -> dict[str, int]:
    rng = random.Random(seed)
    today, stamp = date.today(), now()
    book = Book.create(out, VILLAGE, actor="bench")
    try:
        for k, name in enumerate(GATHERERS):
            people.add_gatherer(book, name, CORNERS[k % len(CORNERS)])
        by_corner = {c: [g for k, g in enumerate(GATHERERS) if CORNERS[k % len(CORNERS)] == c]
                     for c in CORNERS}
        cats = {c.code: c for c in catalogue.categories(book)}
        firsts = month_firsts(today, years * 12)
        voided = set(rng.sample(range(total), min(VOIDED, total)))
        resident_rows = make_residents(rng, residents, stamp)

        conn = book.conn
        conn.execute("PRAGMA synchronous = OFF")  # a generated file: no need to survive a crash
        conn.execute("PRAGMA cache_size = -1000000")  # up to 1 GB, so indexes stay in memory
        conn.execute("BEGIN IMMEDIATE")
        try:
            conn.executemany(
                "INSERT INTO residents (id, name, pinyin, initials, household, corner,"
                " on_board, active, note, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                resident_rows,
            )
            readings.index_missing(conn)  # the keys search finds them by (every reading)
            conn.executemany("INSERT INTO months (month) VALUES (?)",
                             [(f.strftime("%Y-%m"),) for f in firsts])
            conn.executemany(
                "INSERT INTO entries (id, resident_id, day, month, category, quantity, points_c,"
                " rule, note, recorded_by, recorded_at, voided_at, voided_by, void_reason)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                make_entries(rng, resident_rows, cats, firsts, total, today, stamp, voided,
                             by_corner),
            )
            detail = {"residents": residents, "entries": total, "voided": len(voided),
                      "months": len(firsts), "seed": seed}
            history.append(conn, stamp, "bench", "bench.bulk_load", VILLAGE,
                           json.dumps(detail, ensure_ascii=False, sort_keys=True))
            for table in ("residents", "entries"):  # a chained line for every row, as
                history.append_many(  # history.start adopts the rows of an older book
                    conn, stamp, "bench", "history.adopt",
                    ((key, "{}", table, text) for key, text in history.rows_of(conn, table)))
            history.point_entries(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        if analyze:
            conn.execute("ANALYZE")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        counts = {table: conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                  for table in ("residents", "gatherers", "months", "entries", "audit")}
        counts["voided"] = conn.execute(
            "SELECT COUNT(*) FROM entries WHERE voided_at IS NOT NULL").fetchone()[0]
        return counts
    except BaseException:  # leave no half-made book behind for the benchmarks to time
        book.close()
        for suffix in ("", "-wal", "-shm"):
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
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--no-analyze", action="store_true", help="leave out ANALYZE")
    args = parser.parse_args()
    if args.out.exists():
        sys.exit(f"{args.out} exists; remove it first")
    started = time.perf_counter()
    counts = build(args.out, args.residents, args.years, args.entries, args.seed,
                   not args.no_analyze)
    took = time.perf_counter() - started
    print(f"made {args.out} in {took:.1f} s ({args.out.stat().st_size / 1e6:.0f} MB)")
    for table, count in counts.items():
        print(f"  {table:<10} {count:>9,}")


if __name__ == "__main__":
    main()
