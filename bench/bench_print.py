"""Time every printout as a whole `villagebook print` command for a village of 5,000.

    python bench/bench_print.py [--residents 5000] [--runs 5] [--inside] [--only sheet,slips]
    python bench/bench_print.py --book bench/out/town.db --runs 1   # a township's month

Makes bench/out/print<N>.db with make_village.py if it is missing (N residents, one year,
about 8 entries per resident a month, so nearly everyone is on the month's board), then
runs each printout --runs times as a whole command on a copy of the book, after one other
print (which makes the day's automatic backup and this laptop's parsed-font cache, as the
day's first print would); --book BOOK prints from that book instead, in place when it is
over 2 GB (a township's 27 GB: its day's check and backup are taken as made, and each
print adds its log line to it): min, median and max seconds, the PDF's pages and size, and the
peak memory (resident set) of the command's process, the most of its runs. --inside also
renders each printout in this process (median of --runs, warm), to tell the printout's
own work from a command's start. Targets (issue 14): board under 1.5 s and 1 MB, sheet
under 2.5 s, slips for everyone under 5 s, every command under 300 MB (every corner's
paper forms too, which have no time set). The catalogue,
drawn in a hundredth of a second, shows what every command adds whatever it prints:
starting Python, importing click and reportlab, reading the cached font, writing the
print's log line. Figures only; on a shared machine run it twice and compare like with like.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout

from day_taken import take_the_day_as_done  # noqa: E402
from make_village import build  # noqa: E402

PRINTOUTS = (  # (label, kind, in-process options, command-line options, target s, KB)
    ("board", "board", {}, [], 1.5, 1024),
    ("board year", "board", {"period": "year"}, ["--period", "year"], 1.5, 1024),
    ("board household", "board", {"group_by": "household"}, ["--by", "household"], 1.5, 1024),
    ("board mono A3", "board", {"mono": True, "paper": "A3"}, ["--mono", "--paper", "A3"],
     1.5, 1024),
    ("sheet", "sheet", {}, [], 2.5, None),
    ("slips", "slips", {}, [], 5.0, None),
    ("notice", "notice", {}, [], 2.5, None),
    ("catalogue", "catalogue", {}, [], 2.5, None),
    ("forms", "forms", None, [], None, None),  # every corner's paper form (no target)
)
MEMORY_MB = 300


# A small process that starts the command, times it and reads its peak memory: the
# command's own peak, where a process started by this one (which holds the book's rows,
# reportlab, ...) would be charged this one's memory too, as Linux counts a child's peak
# from the moment it was forked. resource is POSIX's (Linux counts KB, macOS bytes).
LAUNCH = """
import subprocess, sys, time
with open(sys.argv[1], "wb") as out:
    start = time.perf_counter()
    status = subprocess.run(sys.argv[2:], stdout=out, stderr=subprocess.STDOUT).returncode
    seconds = time.perf_counter() - start
try:
    import resource
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    peak = peak / 2**20 if sys.platform == "darwin" else peak / 1024
except ImportError:
    peak = -1
print(seconds, status, peak)
"""


def run(args: list[str], env: dict, folder: str) -> tuple[float, int, float | None]:
    """One process: its seconds, exit status and peak resident memory in MB (None where
    the system does not say)."""
    done = subprocess.run([sys.executable, "-c", LAUNCH, str(Path(folder) / "out.txt"),
                           *args], capture_output=True, text=True, env=env, check=True,
                          cwd=HERE.parent)  # `-m villagebook` from this checkout
    seconds, status, peak = done.stdout.split()
    return float(seconds), int(status), None if float(peak) < 0 else float(peak)


def command(path: Path, kind: str, month: str, options: list[str], runs: int) -> dict:
    """`villagebook print` as the committee runs it, `runs` times, on a copy of the book."""
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "book.db"
        if path.stat().st_size > 2 * 10**9:  # in place, its day taken as begun
            copy = path
            day = {k: os.environ.get(k) for k in ("VILLAGEBOOK_STATE_DIR",
                                                  "VILLAGEBOOK_BACKUP_DIR")}
            os.environ.update(VILLAGEBOOK_STATE_DIR=folder, VILLAGEBOOK_BACKUP_DIR=folder)
            take_the_day_as_done(path)
            for key, value in day.items():
                os.environ.pop(key) if value is None else os.environ.update({key: value})
        else:
            shutil.copy(path, copy)
        pdf = Path(folder) / "out.pdf"
        args = [sys.executable, "-m", "villagebook", "print", kind]
        args += [] if kind == "catalogue" else [month]
        args += ["-o", str(pdf), "--db", str(copy), *options]
        env = {"VILLAGEBOOK_STATE_DIR": folder, "VILLAGEBOOK_BACKUP_DIR": folder,
               "PATH": os.environ.get("PATH", ""), "HOME": folder,
               "SYSTEMROOT": os.environ.get("SYSTEMROOT", "")}  # Windows' Python needs it
        # the first print of the day makes the daily backup (a big book's in a process of
        # its own), runs quick_check and, on a new laptop, caches the parsed font: not this
        # printout's cost, so it is let finish
        run([sys.executable, "-m", "villagebook", "print", "catalogue", "-o",
             str(Path(folder) / "first.pdf"), "--db", str(copy)], env, folder)
        for _ in range(600 if copy != path else 0):  # in place: its day's marker stays
            if not list(Path(folder).rglob("*.part")):
                break
            time.sleep(0.1)
        times, peaks = [], []
        for _ in range(runs):
            seconds, status, peak = run(args, env, folder)
            if status:
                print((Path(folder) / "out.txt").read_text(errors="replace")[-2000:])
                return {"failed": status}
            times.append(seconds)
            peaks.append(peak)
        count = re.search(rb"/Count (\d+)", pdf.read_bytes())  # the page tree's
        pages = int(count.group(1)) if count else None
        return {"times": times, "size": pdf.stat().st_size, "pages": pages,
                "peak": None if None in peaks else max(peaks)}


def inside(path: Path, kind: str, month: str, options: dict, runs: int) -> float:
    """The printout rendered in this process, warm: the median of `runs`."""
    from reports import publish
    from villagebook.book import Book

    times = []
    with Book.open(path) as book:
        for _ in range(runs):
            start = time.perf_counter()
            publish.render(book, kind, month, **options)
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--residents", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--inside", action="store_true", help="also time it in process")
    parser.add_argument("--only", help="the printouts to run, by label, comma-separated")
    parser.add_argument("--book", type=Path, help="print from this book (e.g. the township)")
    args = parser.parse_args()
    path = args.book or HERE / "out" / f"print{args.residents}.db"
    if args.book and not path.exists():
        parser.error(f"no book at {path}")
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path, residents=args.residents, years=1, total=args.residents * 100, seed=5,
              analyze=False)
    month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    from villagebook import tally
    from villagebook.book import Book

    with Book.open(path) as book:
        shown = len(tally.month_sheet(book, month).lines)
    print(f"book {path.name}: {shown} residents with points in {month}; "
          f"{args.runs} runs of each command")
    print(f"{'printout':16} {'min':>6} {'median':>7} {'max':>6} {'pages':>6} {'size':>8} "
          f"{'peak':>7}" + ("  inside" if args.inside else "") + "   targets")
    only = set(args.only.split(",")) if args.only else None
    for label, kind, options, flags, target, kb in PRINTOUTS:
        if only and label not in only:
            continue
        got = command(path, kind, month, flags, args.runs)
        if "failed" in got:
            print(f"{label:16} failed with exit status {got['failed']}")
            continue
        times, peak = got["times"], got["peak"]
        line = (f"{label:16} {min(times):5.2f}s {statistics.median(times):6.2f}s "
                f"{max(times):5.2f}s {got['pages'] or 0:6d} {got['size'] / 1024:6.0f}KB "
                + (f"{peak:5.0f}MB" if peak is not None else "      —"))
        if args.inside:  # (a form is made by its command, in the book: not rendered here)
            line += "       —" if options is None else \
                f" {inside(path, kind, month, options, args.runs):6.2f}s"
        goal = (f"< {target} s" if target else "no time set") + (
            f", < {kb // 1024} MB" if kb else "")
        print(f"{line}   ({goal}, < {MEMORY_MB} MB)", flush=True)


if __name__ == "__main__":
    main()
