"""Time the terminal UI on a big book: start-up, search per keystroke, opening each screen.

    python bench/bench_tui.py [BIG.db]

Drives the real app (make_app) headless with Textual's Pilot at 80x24, on a copy of the
big book so nothing is written to it. Targets (issues 4, 9): the app starts in under 1 s,
the search updates within 50 ms of a keystroke, every screen opens within 300 ms, and
one entry's keys typed as one burst are saved and listed within 300 ms; (issue 13) keying
30 rows of a paper form with 10 filled cells takes at most 25 keys beyond the digits.
Figures only.
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
            form, screen = app.screen.form, app.screen
            keystrokes = []
            for query in ("m", "ma", "mas", "z", "zh", "zha", "l", "li", "马", "马少"):
                form.fields["search"].set(query[:-1])
                form.find()
                screen.draw()
                await pilot.pause()
                t0 = time.perf_counter()
                await pilot.press(query[-1])
                await pilot.pause()
                keystrokes.append((time.perf_counter() - t0) * 1000)
            form.clear()
            screen.draw()
            entry_ms = await burst_to_saved(app, pilot, book)
            screens = {}
            for key, name in (("f2", "residents"), ("f3", "sheet"), ("f4", "board"),
                              ("f5", "catalogue"), ("f6", "log"), ("f1", "record"),
                              ("f3", "sheet (again)")):
                t0 = time.perf_counter()
                await pilot.press(key)
                await pilot.pause()
                screens[name] = (time.perf_counter() - t0) * 1000
            paper = await paper_rows(app, pilot, book)
    print(f"book {path}: big village, 80x24, headless Pilot; ms")
    print(f"a key bound to nothing (the Pilot's own cost, in every figure below): {baseline:.1f}")
    print(f"{'':34} {'raw':>8} {'less idle':>10}")
    print(f"{'app start to first screen ready':34} {started:8.1f} {'':>10}   (target < 1000)")
    search = statistics.median(keystrokes)
    print(f"{'search, one keystroke (median)':34} {search:8.1f} {search - baseline:10.1f}"
          f"   (target < 50; max raw {max(keystrokes):.1f})")
    saved, shown = ([t[i] for t in entry_ms] for i in (0, 1))
    print(f"{'one entry as a burst: saved':34} {statistics.median(saved):8.1f} {'':>10}"
          f"   (max {max(saved):.1f}; all its keys queued at once; {len(saved)} entries)")
    print(f"{'... and shown in the day list':34} {statistics.median(shown):8.1f} {'':>10}"
          f"   (target < 300; max {max(shown):.1f}; until the app is idle, repainted)")
    for name, ms in screens.items():
        print(f"{'open ' + name:34} {ms:8.1f} {ms - baseline:10.1f}   (target < 300)")
    keys, digits, ms, saved = paper
    print(f"{'paper: 30 rows, 10 cells, a burst':34} {ms:8.1f} {'':>10}   ({keys} keys beyond"
          f" {digits} digits, target <= 25; {saved} entries saved, 3 pages)")


async def paper_rows(app, pilot, book) -> tuple[int, int, float, int]:
    """The first 30 rows of a corner's form (three pages of 12, 12 and 6 rows keyed), 10
    cells filled on 10 rows, every key queued at once: keys beyond the digits, and the time
    until the last page is saved."""
    from datetime import date

    from textual import events

    from villagebook import paperforms

    month = date.today().strftime("%Y-%m")
    corner = paperforms.corners(book)[0]
    form = paperforms.issue(book, month, corner, "", 7, "bench")
    await pilot.press("f7")
    await pilot.pause()
    filled = {1: [(1, "8")], 2: [(5, "4"), (9, "2"), (12, "3")], 3: [(2, "6")]}
    filled[1] += [(4, "2"), (7, "5"), (10, "3"), (11, "5")]
    filled[2].append((8, "2"))
    plan = []  # (key, char)
    for page in (1, 2, 3):
        for row, qty in filled.get(page, []):
            plan += [(d, d) for d in str(row)] + [("enter", "\r")]
            plan += [(d, d) for d in qty] + [("enter", "\r")]
        plan.append(("ctrl+s", None))
    beyond = sum(1 for key, _ in plan if not key.isdigit())
    digits = len(plan) - beyond
    before = book.one("SELECT COUNT(*) FROM paper_pages")[0]
    t0 = time.perf_counter()
    for key, char in plan:
        app.post_message(events.Key(key, char))
    while book.one("SELECT COUNT(*) FROM paper_pages")[0] < before + 3:
        await asyncio.sleep(0.002)
        if time.perf_counter() - t0 > 30:
            raise SystemExit(f"paper pages not saved: {app.screen.keys and app.screen.keys.said}")
    ms = (time.perf_counter() - t0) * 1000
    saved = book.one("SELECT COUNT(*) FROM entries WHERE note LIKE ?",
                     (f"%{form.code}%",))[0]
    return beyond, digits, ms, saved


async def burst_to_saved(app, pilot, book, count: int = 10) -> list[tuple[float, float]]:
    """`pinyin⏎18⏎` queued at once for residents whose full pinyin starts no one else's:
    the time until the saved entry shows in the day's list."""
    from textual import events

    rows = book.query("SELECT pinyin FROM residents WHERE active = 1 ORDER BY pinyin")
    alone = (r[0] for r in rows[::37] if len(people.search(book, r[0], limit=2)) == 1)
    chosen = [pinyin for pinyin, _ in zip(alone, range(count), strict=False)]
    await pilot.pause()
    form = app.screen.form
    times = []
    for pinyin in chosen:
        before = form.saves  # the day's list is redrawn in the same step as the save
        t0 = time.perf_counter()
        for key in [*pinyin, "enter", "1", "8", "enter"]:
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        while form.saves == before:
            await asyncio.sleep(0.001)
            if time.perf_counter() - t0 > 10:
                raise SystemExit(f"{pinyin}: not saved: {form.status}")
        saved = (time.perf_counter() - t0) * 1000
        await pilot.pause()  # the screen repainted: the gatherer sees it
        times.append((saved, (time.perf_counter() - t0) * 1000))
    return times


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
