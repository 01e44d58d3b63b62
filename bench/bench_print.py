"""Time the board and the sheet for a village of 2,000 residents, and weigh the PDFs.

    python bench/bench_print.py

Makes bench/out/print2000.db with make_village.py (2,000 residents, one year, about
16,000 entries a month, so nearly everyone is on the month's board) if it is missing,
then renders each printout a few times. Targets (issue 5): under 3 s each, under 1 MB.
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import date, timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout

from make_village import build  # noqa: E402

from reports import publish  # noqa: E402
from villagebook import tally  # noqa: E402
from villagebook.book import Book  # noqa: E402


def main() -> None:
    path = HERE / "out" / "print2000.db"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        build(path, residents=2000, years=1, total=200_000, seed=5, analyze=False)
    month = (date.today().replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
    with Book.open(path) as book:
        shown = len(tally.month_sheet(book, month).lines)
        print(f"book {path.name}: {shown} residents with points in {month}; median of 3, s")
        for kind, options in (("board", {}), ("board", {"period": "year"}),
                              ("board", {"mono": True}), ("sheet", {}),
                              ("slips", {})):
            times, size, pages = [], 0, 0
            for _ in range(3):
                start = time.perf_counter()
                pdf, pages, _ = publish.render(book, kind, month, **options)
                times.append(time.perf_counter() - start)
                size = len(pdf)
            label = kind + "".join(f" ({v if v is not True else k})" for k, v in options.items())
            print(f"{label:14} {statistics.median(times):6.2f} s  {pages:4d} pages  "
                  f"{size / 1024:7.0f} KB   (target < 3 s, < 1 MB)")


if __name__ == "__main__":
    main()
