"""Time `check` with the full replay of the chained log on the big village.

    python bench/bench_check.py [BIG.db] [--runs 5]

Makes bench/out/big.db with make_village.py (5,000 residents, 1.2 million entries, one
chained line each) if it is missing, and seals every month but the last two as a village
of 20 years has (once). Prints each part of check in process (SQLite's
quick_check, the guards, the chain's hashes, the entries against their lines, the small
tables, the roll-up, the seals), check as a whole, integrity_check (`check --full`), and a whole
`villagebook check` process on a copy; check and the whole command min/median/max over
--runs runs. A book over 2 GB (the township) is checked once, in place, without
`--full`. Target (issue 11): check < 5 s. Figures only.
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout

from make_village import build  # noqa: E402

from villagebook import months, replay, rollup  # noqa: E402
from villagebook.book import Book  # noqa: E402
from villagebook.check import check, problem  # noqa: E402


def timed(label: str, work, runs: int = 1) -> float:
    """Seconds of `work` (min/median/max over runs), with the problems it found."""
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        result = work()
        times.append(time.perf_counter() - start)
    # quick_check's one row "ok" is not a problem
    found = [r for r in result if tuple(r) != ("ok",)] if isinstance(result, list) else None
    extra = "" if found is None else f"  ({len(found)} problems)"
    spread = "" if runs == 1 else (f"  (min {min(times):.2f}, max {max(times):.2f},"
                                   f" {runs} runs)")
    print(f"{label:34} {statistics.median(times):7.2f} s{extra}{spread}")
    return statistics.median(times)


def finalize_old_months(path: Path) -> None:
    """A village of 20 years has posted and sealed every month but the last two: so has
    the benchmark's book (once; without the backup each post and finalize makes)."""
    from unittest import mock

    with Book.open(path) as book:
        old = [m for (m,) in book.query("SELECT month FROM months WHERE state = 'open'"
                                        " ORDER BY month")][:-2]
        if not old:
            return
        start = time.perf_counter()
        with mock.patch("villagebook.backup.backup"):
            for month in old:
                months.post(book, month, "bench")
                months.finalize(book, month, "bench", "bench: a village of 20 years")
        print(f"posted and sealed {len(old)} months in {time.perf_counter() - start:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("book", nargs="?", type=Path, default=HERE / "out" / "big.db")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    path, big = args.book, args.book.stat().st_size > 2 * 10**9 if args.book.exists() else False
    runs = 1 if big else args.runs  # a township's check takes minutes: once
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path, residents=5000, years=20, total=1_200_000, seed=1)
    finalize_old_months(path)
    with Book.open_readonly(path) as book:
        entries = book.one("SELECT COUNT(*) FROM entries")[0]
        lines = book.one("SELECT COUNT(*) FROM audit")[0]
        print(f"book {path.name}: {entries:,} entries, {lines:,} log lines, "
              f"{path.stat().st_size / 2**20:,.0f} MB")
        timed("PRAGMA quick_check", lambda: book.query("PRAGMA quick_check"))
        timed("guards (triggers, tables)", lambda: replay.guard_problems(book, problem))
        timed("chain: every hash again", lambda: replay.chain_problems(book, problem))
        timed("entries against their lines", lambda: replay.entry_problems(book, problem))
        timed("small tables replayed", lambda: replay.table_problems(book, problem))
        timed("roll-up proven (month, year, all)", lambda: rollup.problems(book))
        timed("final months untouched since", lambda: months.touched_since_final(book))
        timed("seals recomputed (check --full)", lambda: months.broken_seals(book))
        timed("check, in process", lambda: check(book), runs)
        if not big:
            timed("check --full, in process", lambda: check(book, full=True))
    with tempfile.TemporaryDirectory() as folder:
        copy = path if big else Path(folder) / "book.db"
        if not big:
            shutil.copy(path, copy)
        env = {"VILLAGEBOOK_STATE_DIR": folder, "VILLAGEBOOK_BACKUP_DIR": folder,
               "PATH": "/usr/bin:/bin", "HOME": folder}
        command = [sys.executable, "-m", "villagebook", "check", "--db", str(copy)]
        subprocess.run(command, capture_output=True, env=env)  # the day's first use
        for _ in range(36000):  # the day's backup and quick_check, made aside: not timed
            if not list(Path(folder).rglob("*.part")) and not any(
                    "started" in mark.read_text() for mark in Path(folder).rglob("*.json")
                    if mark.parent.name == "checks"):
                break
            time.sleep(0.1)
        timed("`villagebook check`, whole process",
              lambda: subprocess.run(command, capture_output=True, env=env).stdout, runs)


if __name__ == "__main__":
    main()
