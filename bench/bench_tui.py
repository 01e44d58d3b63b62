"""Time the terminal UI on a big book: start-up, search per keystroke, opening each screen.

    python bench/bench_tui.py [BIG.db]

Drives the real app (make_app) headless with Textual's Pilot at 80x24, on a copy of the
big book so nothing is written to it. Targets (issue 4): the app starts in under 1 s, the
search updates within 50 ms of a keystroke, every screen opens within 300 ms. Figures only.
"""

from __future__ import annotations

import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout

from villagebook import people  # noqa: E402
from villagebook.book import Book  # noqa: E402


async def measure(path: Path) -> None:
    from villagebook.tui.app import make_app

    with Book.open(path) as book:
        gatherer = people.list_gatherers(book)[0].name
        start = time.perf_counter()
        app = make_app(book, gatherer=gatherer)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            started = (time.perf_counter() - start) * 1000
            idle = []
            for _ in range(5):  # a key nothing is bound to: the Pilot's own cost per press
                t0 = time.perf_counter()
                await pilot.press("f12")
                await pilot.pause()
                idle.append((time.perf_counter() - t0) * 1000)
            baseline = statistics.median(idle)
            keystrokes = []
            for query in ("m", "ma", "mas", "z", "zh", "zha", "l", "li", "马", "马少"):
                search = app.screen.query_one("#search")
                search.value = query[:-1]
                await pilot.pause()
                t0 = time.perf_counter()
                await pilot.press(query[-1] if query[-1].isascii() else "m")
                await pilot.pause()
                keystrokes.append((time.perf_counter() - t0) * 1000)
            app.screen.query_one("#search").value = ""
            screens = {}
            for key, name in (("f2", "residents"), ("f3", "sheet"), ("f4", "board"),
                              ("f5", "catalogue"), ("f6", "log"), ("f1", "record"),
                              ("f3", "sheet (again)")):
                t0 = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                screens[name] = (time.perf_counter() - t0) * 1000
    print(f"book {path}: big village, 80x24, headless Pilot; ms")
    print(f"a key bound to nothing (the Pilot's own cost, in every figure below): {baseline:.1f}")
    print(f"{'':34} {'raw':>8} {'less idle':>10}")
    print(f"{'app start to first screen ready':34} {started:8.1f} {'':>10}   (target < 1000)")
    search = statistics.median(keystrokes)
    print(f"{'search, one keystroke (median)':34} {search:8.1f} {search - baseline:10.1f}"
          f"   (target < 50; max raw {max(keystrokes):.1f})")
    for name, ms in screens.items():
        print(f"{'open ' + name:34} {ms:8.1f} {ms - baseline:10.1f}   (target < 300)")


def main() -> None:
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE / "out" / "big.db"
    if not source.exists():
        sys.exit(f"no {source}: make it with python bench/make_village.py {source}")
    with tempfile.TemporaryDirectory() as folder:
        copy = Path(folder) / "big.db"
        shutil.copy(source, copy)
        asyncio.run(measure(copy))


if __name__ == "__main__":
    main()
