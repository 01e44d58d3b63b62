"""Time one `villagebook record` as a gatherer runs it: a whole new process each time.

    python bench/bench_record.py [BIG.db] [--runs 10]

A gatherer types one command per contribution, so start-up (imports, opening the book)
is most of what they wait for. Times `python -m villagebook record ...` (and the
`villagebook` console script when it is on PATH) on a copy of a small book made here and
on a copy of BIG.db (default bench/out/big.db) when it exists; then shows which imports
of villagebook.cli cost the most (python -X importtime). Prints figures, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # run from a checkout

from villagebook import people  # noqa: E402
from villagebook.book import Book  # noqa: E402

TARGET = "target: under 300 ms"


def small_book(path: Path) -> tuple[str, str]:
    """A fresh book with one gatherer and a few residents; returns (resident, gatherer)."""
    with Book.create(path, "小村", actor="bench") as book:
        people.add_gatherer(book, "杨秋云", "东片")
        for name in ("马少军", "马洪云", "马淑婷", "马秋玲"):
            people.add_resident(book, name, "马家3户", "东片")
    return "马少军", "杨秋云"


def copy_of(big: Path, path: Path) -> tuple[str, str]:
    """A copy of the big book (backup API: safe with a WAL); returns (resident, gatherer)."""
    src, dst = sqlite3.connect(big), sqlite3.connect(path)
    src.backup(dst)
    name = dst.execute("SELECT name FROM residents WHERE active = 1 GROUP BY name"
                       " HAVING COUNT(*) = 1 ORDER BY name LIMIT 1").fetchone()[0]
    gatherer = dst.execute("SELECT name FROM gatherers ORDER BY name LIMIT 1").fetchone()[0]
    src.close()
    dst.close()
    return name, gatherer


def time_runs(command: list[str], env: dict, runs: int) -> tuple[float, float]:
    """Median and max wall time in ms of the command, after one warm-up run."""
    times = []
    for i in range(runs + 1):
        start = time.perf_counter()
        done = subprocess.run(command, env=env, capture_output=True, text=True)
        took = (time.perf_counter() - start) * 1000
        if done.returncode != 0:
            sys.exit(f"{' '.join(command)} failed:\n{done.stdout}{done.stderr}")
        if i:
            times.append(took)
        else:  # the warm-up was the day's first use: let its daily backup finish
            for _ in range(600):
                if not list(Path(env["VILLAGEBOOK_BACKUP_DIR"]).rglob("*.part")):
                    break
                time.sleep(0.1)
    return statistics.median(times), max(times)


def import_costs(env: dict, top: int = 5) -> list[tuple[int, int, str]]:
    """(cumulative us, self us, module) of the costliest imports of villagebook.cli.

    Only what `import villagebook.cli` pulls in: the interpreter's own start-up (site and
    the .pth files of this machine) is left out.
    """
    done = subprocess.run([sys.executable, "-X", "importtime", "-c", "import villagebook.cli"],
                          env=env, capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit():
            rows.append((int(parts[1]), int(parts[0]), parts[2].rstrip()))
            if parts[2].strip() == "site" and parts[2].startswith(" s"):  # start-up done
                rows = []
    return sorted(rows, reverse=True)[:top]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("big", nargs="?", type=Path, default=HERE / "out" / "big.db")
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="vb-bench-") as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, PYTHONPATH=str(ROOT), VILLAGEBOOK_STATE_DIR=str(tmp),
                   VILLAGEBOOK_BACKUP_DIR=str(tmp / "backups"), VILLAGEBOOK_LANG="zh")
        env.pop("VILLAGEBOOK_DB", None)
        books = [("small book", tmp / "small.db", small_book)]
        if args.big.exists():
            books.append((f"copy of {args.big.name}", tmp / "big.db",
                          lambda path: copy_of(args.big, path)))
        launchers = [("python -m villagebook", [sys.executable, "-m", "villagebook"])]
        script = shutil.which("villagebook")
        print(f"`record NAME donation 100 --again --by GATHERER --db COPY`: median and max of"
              f" {args.runs}"
              " runs after one warm-up, ms")
        print(f"{'book':<18}{'launcher':<24}{'median':>8}{'max':>8}")
        for label, path, make in books:
            name, gatherer = make(path)
            for how, prefix in launchers + ([("villagebook", [script])] if script else []):
                # a donation (no daily cap) --again (the same line each run, on purpose)
                command = prefix + ["record", name, "donation", "100", "--again", "--by",
                                    gatherer, "--db", str(path)]
                median, worst = time_runs(command, env, args.runs)
                print(f"{label:<18}{how:<24}{median:>8.0f}{worst:>8.0f}")
        if not script:
            print("(the `villagebook` console script is not on PATH: not timed)")
        if not args.big.exists():
            print(f"({args.big} missing: make it with bench/make_village.py to time a big book)")
        print(TARGET)
        print("\ncostliest imports of villagebook.cli (python -X importtime), ms:")
        print(f"{'cumulative':>10}{'self':>8}  module")
        for cumulative, own, module in import_costs(env):
            print(f"{cumulative / 1000:>10.1f}{own / 1000:>8.1f}  {module}")


if __name__ == "__main__":
    main()
