"""Time whole `villagebook` commands as a user runs them, and how much memory each takes.

    python bench/bench_commands.py [BOOK.db ...] [--runs 7] [--only record,tally]
                                   [--python VENV/bin/python]

A gatherer types one command per contribution and a committee member one per question, so
what they wait for is the whole process: starting Python, imports, opening the book, the
work, exiting. For each book (default bench/out/big.db, and bench/out/town.db when it
exists) it runs `record`, `tally` (and its top 100), last month's `review`, `standings`
(all time, its top 100, last year, as JSON), `entries` of one resident and of last month,
`residents list`, `log` and `check` as new processes and prints min/median/max wall time
over --runs runs (after one warm-up) and the process's peak memory (ru_maxrss from os.wait4,
where the system has it). Beside them, the floor any command pays on this machine:
`python -c pass` and `python -c "import click"`. A book under 2 GB is timed on a copy
(SQLite's backup API); a bigger one (the township) in place, where `record` adds one
entry a run. The day's backup and quick_check are taken as done (the state folder is this
bench's own, marked), as they are for every command but the day's first; the day's first
is timed once on its own, on a copy (in place, its backup would need the book's size in
disk again: it is taken as made). With --python, the commands run with that Python and
the villagebook installed there (install it with `pip install .` into a fresh venv to
time what a user runs), always outside the checkout. Figures only.
"""

from __future__ import annotations

import argparse
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))  # run from a checkout

from day_taken import take_the_day_as_done  # noqa: E402

COPY_BELOW = 2 * 10**9
DAY = ("VILLAGEBOOK_STATE_DIR", "VILLAGEBOOK_BACKUP_DIR")
TARGETS = "targets (issue 14): record < 80 ms, tally < 100 ms (village); memory < 300 MB"


def run(command: list[str], env: dict) -> tuple[float, float | None]:
    """Wall time in ms and peak memory in MB of one process; exits on its failure."""
    with tempfile.TemporaryFile() as said:
        start = time.perf_counter()
        child = subprocess.Popen(command, env=env, stdout=subprocess.DEVNULL, stderr=said,
                                 cwd=tempfile.gettempdir(),  # not the checkout's villagebook
                                 stdin=subprocess.DEVNULL)
        if hasattr(os, "wait4"):
            _, status, usage = os.wait4(child.pid, 0)
            took = (time.perf_counter() - start) * 1000
            code, peak = os.waitstatus_to_exitcode(status), usage.ru_maxrss / 1024
            child.returncode = code
        else:  # no per-process rusage here (Windows): time only
            code, peak = child.wait(), None
            took = (time.perf_counter() - start) * 1000
        if code != 0:
            said.seek(0)
            sys.exit(f"{' '.join(command)} failed: {said.read().decode(errors='replace')}")
    return took, peak


def spread(command: list[str], env: dict, runs: int) -> tuple[list[float], float | None]:
    run(command, env)  # warm-up: the page cache, the laptop's own files
    results = [run(command, env) for _ in range(runs)]
    peaks = [peak for _, peak in results if peak is not None]
    return [took for took, _ in results], max(peaks) if peaks else None


def picked(path: Path) -> tuple[str, str, str]:
    """A resident whose name is theirs alone, a gatherer, and a resident id prefix."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    name, rid = conn.execute("SELECT name, MIN(id) FROM residents WHERE active = 1"
                             " GROUP BY name HAVING COUNT(*) = 1 ORDER BY name LIMIT 1"
                             ).fetchone()
    gatherer = conn.execute("SELECT name FROM gatherers ORDER BY name LIMIT 1").fetchone()[0]
    conn.close()
    return name, gatherer, rid


def prepared(book: Path, folder: Path) -> Path:
    if book.stat().st_size >= COPY_BELOW:
        return book
    copy = folder / book.name
    src, dst = sqlite3.connect(book), sqlite3.connect(copy)
    src.backup(dst)
    src.close()
    dst.close()
    return copy


def commands(path: Path) -> list[tuple[str, list[str]]]:
    name, gatherer, _ = picked(path)
    last_year = str(date.today().year - 1)
    month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    return [
        ("record", ["record", name, "donation", "100", "--again", "--by", gatherer]),
        ("tally (this month)", ["tally"]),
        ("tally --top 100", ["tally", "--top", "100"]),
        (f"tally {month}", ["tally", month]),
        (f"review {month}", ["review", month]),  # the committee's list before posting
        ("standings, all time", ["standings"]),
        ("standings --top 100", ["standings", "--top", "100"]),  # a screenful, from the index
        (f"standings {last_year}", ["standings", "--since", f"{last_year}-01",
                                    "--through", f"{last_year}-12"]),
        ("entries of one resident", ["entries", "--resident", name]),
        (f"entries {month}", ["entries", "--month", month]),  # the longest lists, written
        ("residents list", ["residents", "list"]),  # as they are made
        ("standings --format json", ["standings", "--format", "json"]),
        ("log, newest 20", ["log", "--limit", "20"]),
        ("check", ["check"]),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("books", nargs="*", type=Path)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--python", default=sys.executable,
                        help="the Python to run the commands with: one where villagebook is "
                             "installed as a user installs it (pip install .), to time that; "
                             "default this one, on the checkout")
    parser.add_argument("--only", default="",
                        help="only the commands whose label starts with one of these words "
                             "(comma-separated), e.g. record,tally")
    args = parser.parse_args()
    python = args.python
    wanted = tuple(w for w in args.only.split(",") if w)
    books = [b.resolve() for b in args.books] or [  # (commands run outside the checkout)
        p for p in (HERE / "out" / "big.db", HERE / "out" / "town.db") if p.exists()]
    with tempfile.TemporaryDirectory(prefix="vb-bench-") as tmp:
        tmp = Path(tmp)
        env = dict(os.environ, VILLAGEBOOK_STATE_DIR=str(tmp),
                   VILLAGEBOOK_BACKUP_DIR=str(tmp / "backups"), VILLAGEBOOK_LANG="zh")
        if python == sys.executable:
            env["PYTHONPATH"] = str(ROOT)
        env.pop("VILLAGEBOOK_DB", None)
        # An installed villagebook runs from bytecode (pip compiles it; Python caches it on
        # first use): a shell that forbids writing it would time compiling every module.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        (tmp / "backups").mkdir()
        print(f"whole processes, ms min/median/max over {args.runs} runs; peak memory MB")
        print(f"  villagebook run from {_where(python, env)}")
        for label, code in (("python -c pass", "pass"), ("import click", "import click")):
            times, peak = spread([python, "-c", code], env, args.runs)
            print(f"  {label:<28}{_figures(times, peak)}")
        for book in books:
            path = prepared(book, tmp)
            size = book.stat().st_size / 1e9
            print(f"{book.name} ({size:.1f} GB{', in place' if path == book else ''}):")
            if path == book:  # in place: the day's check and backup (minutes, and as much
                os.environ.update({k: env[k] for k in DAY})  # disk again) taken as made
                take_the_day_as_done(path)
                print(f"  {'the day first command':<28}  (its check and backup taken as made)")
            else:
                first = [python, "-m", "villagebook", "tally", "--db", str(path)]
                took, peak = run(first, env)  # the day's first: quick_check and the backup
                print(f"  {'the day first command (tally)':<28}{took:>8.0f} ms"
                      f"{'' if peak is None else f'{peak:>8.0f} MB'}")
                _wait_for_backup(tmp / "backups")
            for label, argv in commands(path):
                if wanted and not label.startswith(wanted):
                    continue
                command = [python, "-m", "villagebook", *argv, "--db", str(path)]
                runs = 1 if label == "check" and path == book else args.runs
                times, peak = spread(command, env, runs) if runs > 1 else _once(command, env)
                print(f"  {label:<28}{_figures(times, peak)}")
        print(TARGETS)
        for module in ("villagebook.cli", "villagebook.cli.entries"):
            print(f"costliest imports of {module} (python -X importtime), ms:")
            for cumulative, own, name in import_costs(python, env, module):
                print(f"  {cumulative / 1000:>8.1f} {own / 1000:>6.1f}  {name}")


def _where(python: str, env: dict) -> str:
    done = subprocess.run([python, "-c", "import villagebook; print(villagebook.__file__)"],
                          cwd=tempfile.gettempdir(),
                          env=env, capture_output=True, text=True, check=True)
    return str(Path(done.stdout.strip()).parent)


def import_costs(python: str, env: dict, module: str, top: int = 6
                 ) -> list[tuple[int, int, str]]:
    """(cumulative us, self us, name) of the costliest imports of a module, as
    `python -X importtime` counts them (the interpreter's own start-up left out)."""
    done = subprocess.run([python, "-X", "importtime", "-c", f"import {module}"],
                          cwd=tempfile.gettempdir(),
                          env=env, capture_output=True, text=True, check=True)
    rows = []
    for line in done.stderr.splitlines():
        parts = line.removeprefix("import time:").split("|")
        if len(parts) == 3 and parts[0].strip().isdigit():
            rows.append((int(parts[1]), int(parts[0]), parts[2].rstrip()))
            if parts[2].strip() == "site" and parts[2].startswith(" s"):  # start-up done
                rows = []
    return sorted(rows, reverse=True)[:top]


def _once(command, env):
    took, peak = run(command, env)
    return [took], peak


def _figures(times: list[float], peak: float | None) -> str:
    low, mid, high = min(times), statistics.median(times), max(times)
    memory = "" if peak is None else f"{peak:>8.0f} MB"
    return f"{low:>8.0f} {mid:>6.0f} {high:>6.0f} ms{memory}"


def _wait_for_backup(folder: Path) -> None:
    """The day's first command may leave a backup and a quick_check running aside: let
    them finish, unmeasured (`folder` is the backups' folder, beside the state's)."""
    for _ in range(36000):
        checking = any("started" in mark.read_text()
                       for mark in (folder.parent / "checks").glob("*.json"))
        if not list(folder.rglob("*.part")) and not checking:
            return
        time.sleep(0.1)


if __name__ == "__main__":
    main()
