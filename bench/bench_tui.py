"""Time the terminal UI on big books: first usable screen, a search keystroke, memory.

    python bench/bench_tui.py [BOOK ...] [--runs N] [--python PY]   (default: big.db, and
                                          town.db or town100k.db, those that exist)

Each book is copied with SQLite's backup API, so nothing is written to it; a book over
2 GB (the township) is used in place, and its session adds a few entries. Figures are
min/median/max over N (>= 5) runs, each in a new process:
- first usable screen: the real `python -m villagebook` in an 80x24 pseudo-terminal, from
  spawn to the first frame showing the record screen (beside a one-Label Textual app, the
  floor); the same app headless (make_app, run_test) from process start, and from App
  construction. Usable: the record screen mounted with its data; a key goes to the search.
- a search keystroke end to end: the key posted as the terminal driver posts it, until the
  app is idle with its last frame rendered (to escape codes, as for a terminal; only the
  write is skipped). Keys are typed one by one with a person's pause between, never with
  Pilot.press (which sleeps 20 ms twice per key).
- peak memory (ru_maxrss) of the headless session, which also saves entries typed as one
  burst, opens every screen and keys a paper form; and of the real process.
Targets (issue 14): first screen < 0.35 s, keystroke < 20 ms at 100,000 residents,
memory < 300 MB; (issue 13) a form's 30 rows in at most 25 keys beyond the digits.
"""

from __future__ import annotations

import asyncio
import json
import os
import pty
import select
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))  # run from a checkout

from day_taken import take_the_day_as_done  # noqa: E402

QUERIES = ("msj", "mashaojun", "zhang", "lxm", "wang", "c", "马少")
MINIMAL = ("from textual.app import App\nfrom textual.widgets import Label\nclass A(App):\n"
           "    def compose(self):\n        yield Label('ready')\nA().run()\n")


def peak_mb(usage=None) -> float | None:
    try:
        import resource
    except ImportError:  # Windows: no figure rather than a wrong one
        return None
    usage = usage or resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)


def watch_frames(app) -> list[float]:
    """Times of the frames the app sends, each rendered to escape codes first."""
    from textual._compositor import CompositorUpdate

    frames, display = [], app._display

    def timed(screen, renderable):
        if isinstance(renderable, CompositorUpdate):
            renderable.render_segments(app.console)
        display(screen, renderable)
        if renderable is not None:
            frames.append(time.perf_counter())

    app._display = timed
    return frames


def idle(app) -> bool:
    screen = app.screen
    pumps = [app, *screen.walk_children(with_self=True)]
    return (all(p._message_queue.empty() for p in pumps) and not screen._dirty_widgets
            and not screen._layout_required and not screen._repaint_required)


async def until_idle(app, frames: list[float], since: float) -> float:
    """Poll (1 ms) until idle twice in a row: ms from `since` to the last frame."""
    calm = 0
    while calm < 2:
        await asyncio.sleep(0.001)
        calm = calm + 1 if idle(app) else 0
    return (max([since, *frames]) - since) * 1000


async def start_child(path: Path, spawned: float) -> dict:
    """One headless start: import, open the book, make the app, until it is usable."""
    began = time.time()
    from villagebook import people
    from villagebook.book import Book
    from villagebook.tui.app import make_app
    from villagebook.tui.screens.record import RecordScreen

    imported, mount = time.time(), RecordScreen.on_mount

    def on_mount(screen):  # the next frame shows the screen usable
        mount(screen)
        screen.mounted_at = time.perf_counter()

    RecordScreen.on_mount = on_mount
    with Book.open(path) as book:
        gatherer = people.list_gatherers(book)[0].name
        made = time.time()
        app = make_app(book, gatherer=gatherer)
        frames = watch_frames(app)
        async with app.run_test(size=(80, 24)):
            while not (frames and frames[-1] > getattr(app.screen, "mounted_at", 1e12)):
                await asyncio.sleep(0.0005)  # (run_test may hand over a few frames later:
            shown = min(f for f in frames if f > app.screen.mounted_at)  # the first one)
            ready = time.time() - (time.perf_counter() - shown)
    return {"process": ready - spawned, "python": began - spawned, "imports": imported - began,
            "app": ready - made}


async def session_child(path: Path) -> dict:
    """Keystrokes typed one by one, then entries, screens and a paper form; peak memory."""
    from textual import events

    from villagebook import people
    from villagebook.book import Book
    from villagebook.tui.app import make_app

    out: dict = {"keys": [], "sql": [], "screens": {}}
    with Book.open(path) as book:
        out["residents"] = people.count_residents(book)
        app = make_app(book, gatherer=people.list_gatherers(book)[0].name)
        frames = watch_frames(app)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            form, shown = app.screen.form, app.screen.query_one("#candidates")
            for _ in range(5):
                for query in QUERIES:
                    for n, char in enumerate(query, 1):
                        await asyncio.sleep(0.04)  # a person's pause: the app is idle
                        t0 = time.perf_counter()
                        app.post_message(events.Key(char, char))
                        out["keys"].append(await until_idle(app, frames, t0))
                        if form.text("search") != query[:n] or [o.id for o in shown.options] \
                                != [r.id for r in form.candidates.found]:
                            raise SystemExit(f"{query[:n]!r}: list not updated")
                        t0 = time.perf_counter()
                        people.search(book, query[:n], limit=9)
                        out["sql"].append((time.perf_counter() - t0) * 1000)
                    app.post_message(events.Key("escape", "\x1b"))
                    await until_idle(app, frames, time.perf_counter())
            out["entry"] = await burst_to_saved(app, book, frames)
            for key in ("f2", "f3", "f4", "f5", "f6", "f1", "f3"):
                t0 = time.perf_counter()
                app.post_message(events.Key(key, None))
                out["screens"][key] = await until_idle(app, frames, t0)
            out["paper"] = await paper_rows(app, pilot, book)
    out["peak_mb"] = peak_mb()
    return out


async def paper_rows(app, pilot, book) -> list:
    """The first 30 rows of a corner's form (pages of 12, 12 and 6 rows), 10 cells filled,
    every key queued at once: keys beyond the digits, ms until the third page is saved."""
    import random
    from datetime import date

    from textual import events

    from villagebook import paperforms

    # a corner at random: on a book used in place (the township), the same corner's rows
    # keyed run after run the same day reach a category's daily cap and are refused
    form = paperforms.issue(book, date.today().strftime("%Y-%m"),
                            random.choice(paperforms.corners(book)), "", 7, "bench")
    await pilot.press("f7")
    await pilot.pause()
    for _ in range(book.one("SELECT COUNT(*) FROM paper_forms")[0]):  # to the form just
        if app.screen.keys and app.screen.keys.form.code == form.code:  # issued (a book
            break  # used in place has others with pages left)
        await pilot.press("ctrl+n")
    filled = {1: [(1, "8"), (4, "2"), (7, "5"), (10, "3"), (11, "5")],
              2: [(5, "4"), (9, "2"), (12, "3"), (8, "2")], 3: [(2, "6")]}
    plan = [key for page in (1, 2, 3) for key in (
        *(k for row, qty in filled[page] for k in (*str(row), "enter", *qty, "enter")),
        "ctrl+s")]
    before = book.one("SELECT COUNT(*) FROM paper_pages")[0]
    t0 = time.perf_counter()
    for key in plan:
        app.post_message(events.Key(key, "\r" if key == "enter" else None if len(key) > 1
                                    else key))
    while book.one("SELECT COUNT(*) FROM paper_pages")[0] < before + 3:
        await asyncio.sleep(0.002)
        if time.perf_counter() - t0 > 10:  # a figure that is not one is said so
            return [0, 0, float("nan"), f"not saved: {app.screen.keys.said}"]
    took = (time.perf_counter() - t0) * 1000
    saved = book.one("SELECT SUM(entries) FROM paper_pages WHERE code = ?", (form.code,))[0]
    beyond = sum(1 for k in plan if not k.isdigit())  # (read from its pages: a township's
    return [beyond, len(plan) - beyond, took, saved]  # notes are 25 million to search)


async def burst_to_saved(app, book, frames, count: int = 10) -> list[float]:
    """`pinyin⏎18⏎` queued at once for residents whose full pinyin starts no one else's:
    ms until the entry is saved and the app idle again, the day's list repainted."""
    import random
    from datetime import date

    from textual import events

    from villagebook import people

    # a township's book is used in place, run after run: others than the last run's, and
    # none with an entry today (the same entry again, or the day's cap, would be asked)
    rows = book.query("SELECT pinyin, id FROM residents WHERE active = 1 AND rowid % 37 = ?"
                      " ORDER BY pinyin LIMIT 400", (random.randrange(37),))
    today = date.today().isoformat()
    alone = (pinyin for pinyin, rid in rows if len(people.search(book, pinyin, limit=2)) == 1
             and not book.one("SELECT 1 FROM entries WHERE resident_id = ? AND day = ?",
                              (rid, today)))
    form, times = app.screen.form, []
    for pinyin, _ in zip(alone, range(count), strict=False):
        before, t0 = form.saves, time.perf_counter()
        for key in [*pinyin, "enter", "1", "8", "enter"]:
            app.post_message(events.Key(key, "\r" if key == "enter" else key))
        while form.saves == before:
            await asyncio.sleep(0.001)
            if time.perf_counter() - t0 > 10:
                raise SystemExit(f"{pinyin}: not saved: {form.status}")
        times.append(await until_idle(app, frames, t0))
    return times


def first_frame(argv: list[str], marker: bytes, env: dict) -> tuple[float, float | None]:
    """A program in an 80x24 pseudo-terminal: seconds from spawn until `marker` has been
    written, then Ctrl+Q; and the process's peak MB."""
    import fcntl
    import struct
    import termios

    t0, (pid, fd) = time.perf_counter(), pty.fork()
    if pid == 0:
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execve(argv[0], argv, env)
    seen, shown = b"", None
    while shown is None and select.select([fd], [], [], 30)[0]:
        try:
            seen += os.read(fd, 65536)
        except OSError:
            break
        shown = time.perf_counter() - t0 if marker in seen else None
    os.write(fd, b"\x11")  # Ctrl+Q
    while select.select([fd], [], [], 2)[0]:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    _, _, usage = os.wait4(pid, 0)
    os.close(fd)
    if shown is None:
        raise SystemExit(f"{argv}: never showed {marker!r}: {seen[-300:]!r}")
    return shown, peak_mb(usage)


def settle(path: Path, limit: float = 900) -> None:
    """Wait for the day's check and backup that a big book's first use starts in processes
    of their own: they would share the two cores with every run measured."""
    if not Path("/proc").is_dir():
        time.sleep(10)
        return
    t0, name = time.time(), str(path).encode()
    while time.time() - t0 < limit:
        busy = False
        for pid in Path("/proc").iterdir():
            try:
                line = (pid / "cmdline").read_bytes() if pid.name.isdigit() else b""
            except OSError:
                continue
            busy = busy or (name in line and b"villagebook." in line)
        if not busy:
            return
        time.sleep(0.5)


def spread(values, scale: float = 1.0, unit: str = "ms") -> str:
    v = [x * scale for x in values]
    return f"{min(v):7.1f} {statistics.median(v):7.1f} {max(v):7.1f} {unit} (n={len(v)})"


def child(mode: str, path: Path) -> dict:
    args = [sys.executable, __file__, f"--{mode}", str(path), str(time.time())]
    done = subprocess.run(args, capture_output=True, text=True, check=False)
    if done.returncode:
        raise SystemExit(done.stderr[-2000:])
    return json.loads(done.stdout.splitlines()[-1])


def bench(source: Path, runs: int, python: str = sys.executable) -> None:
    """`python`: the one the real process runs with (one where villagebook is installed as
    a user installs it, pip install ., to time that); the headless figures run here."""
    from villagebook.i18n import t

    with tempfile.TemporaryDirectory() as folder:
        copy, state = Path(folder) / source.name, str(Path(folder) / "state")
        if source.stat().st_size > 2 * 10**9:  # the township's 26 GB: in place (its
            copy = source  # session adds a few entries and a keyed paper page)
        else:
            with sqlite3.connect(source) as src, sqlite3.connect(copy) as dst:
                src.backup(dst)
        os.environ.update(VILLAGEBOOK_STATE_DIR=state, VILLAGEBOOK_BACKUP_DIR=state,
                          TERM="xterm-256color", VILLAGEBOOK_LANG="zh")
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: from bytecode
        from villagebook import laptop, people
        from villagebook.book import Book

        if copy == source:  # in place: the day's backup and check of 26 GB (minutes, and
            take_the_day_as_done(source)  # the copy's disk) are taken as made already
        with Book.open(copy) as book:  # the screen opens as this gatherer, no question
            laptop.remember_gatherer(copy, people.list_gatherers(book)[0].name, "ui")
        if python != sys.executable:  # not the checkout's villagebook, the installed one
            os.chdir(folder)
        argv, marker = [python, "-m", "villagebook", "--db", str(copy)], t(
            "ui.record_hints").split()[0].encode()
        first_frame(argv, marker, dict(os.environ))  # the day's backup and check, once
        settle(copy)
        real = [first_frame(argv, marker, dict(os.environ)) for _ in range(runs)]
        floor = [first_frame([python, "-c", MINIMAL], b"ready", dict(os.environ))[0]
                 for _ in range(runs)]
        os.chdir(HERE.parent)
        starts = [child("start", copy) for _ in range(runs)]
        s = child("session", copy)
    print(f"\n{source.name}: {s['residents']:,} residents, 80x24   min / median / max")
    print(f"  python -m villagebook, to 1st frame {spread([r[0] for r in real], 1000)}")
    print(f"    a one-Label Textual app (floor)  {spread(floor, 1000)}")
    print(f"  headless, process start to usable  {spread([x['process'] for x in starts], 1000)}")
    for part in ("python", "imports", "app"):
        print(f"    {part:32} {spread([x[part] for x in starts], 1000)}")
    p90 = sorted(s["keys"])[int(len(s["keys"]) * 0.9)]
    print(f"  search keystroke, end to end       {spread(s['keys'])}   (target < 20)")
    print(f"    9 keys in 10 within              {p90:7.1f} ms")
    print(f"    its people.search alone          {spread(s['sql'])}")
    print(f"  one entry as a burst, to idle      {spread(s['entry'])}")
    for key, ms in s["screens"].items():
        print(f"  open {key} (posted key to idle)      {ms:7.1f} ms")
    beyond, digits, ms, saved = s["paper"]
    print(f"  paper, 30 rows as one burst        {ms:7.1f} ms  ({beyond} keys beyond {digits}"
          f" digits; {saved} entries)")
    mem = [r[1] for r in real if r[1]]
    print(f"  peak memory: headless session {s['peak_mb'] or 0:.0f} MB;"
          f" real process {spread(mem, 1, 'MB') if mem else 'n/a'}")


def main() -> None:
    args = sys.argv[1:]
    if args and args[0] in ("--start", "--session"):
        path, spawned = Path(args[1]), float(args[2])
        result = asyncio.run(start_child(path, spawned) if args[0] == "--start"
                             else session_child(path))
        print(json.dumps(result))
        return
    runs = int(args[args.index("--runs") + 1]) if "--runs" in args else 5
    python = args[args.index("--python") + 1] if "--python" in args else sys.executable
    books = [Path(a).resolve() for a in args if a.endswith(".db")] or [
        p for p in (HERE / "out" / "big.db", HERE / "out" / "town.db") if p.exists()] or [
        HERE / "out" / "town100k.db"]
    for path in books:
        if not path.exists():
            sys.exit(f"no {path}: make it with python bench/make_village.py {path}")
        bench(path, max(runs, 5), python)


if __name__ == "__main__":
    main()
