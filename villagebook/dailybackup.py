"""The day's copy of the book, on the day's first use: at once for a small book, by a
process of its own for a big one (a township's takes minutes), so the command that asked
goes on. What that process could not do is said by the next command, once: a copy that
failed (no room, a damaged book) and a copy cut short (the laptop shut down meanwhile),
whose unfinished files are removed.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from datetime import datetime
from pathlib import Path

from villagebook import ownbackups
from villagebook.backup import PREFIX, amount, backup, book_folder, run_aside
from villagebook.errors import BookError

INLINE_BYTES = 64 * 2**20  # a book this small is copied at once; a bigger one aside
FAILED = "-daily.failed.part"  # the day's copy made aside did not succeed: why, to be said
STARTED = "-daily.started.part"  # the day's copy is being made aside (tried once a day)
STALE_SECONDS = 600  # a copy's file untouched this long was cut short


def daily(book) -> Path | None:
    """Once a day, on first use: a copy if this book has none from today. A big book's is
    made by a process of its own, so the command that asked goes on at once."""
    today = datetime.now().strftime("%Y%m%d")
    folder = book_folder(book)
    ownbackups.note(folder, book.path)  # a book moved, or last copied by an older version
    _say_failed_aside(folder)
    cut_short = _clear_cut_short(folder, today)
    made = _days_copy(book, folder, today)
    if cut_short:  # said once the day's copy is under way: the parts are gone by now
        raise BookError("backup.cut_short", **cut_short)
    return made


def _days_copy(book, folder: Path, today: str) -> Path | None:
    if folder.is_dir() and any(folder.glob(f"{PREFIX}{today}-*")):
        return None
    try:
        big = Path(book.path).stat().st_size > INLINE_BYTES
    except OSError:
        big = False
    if not big:
        return backup(book, reason="daily")
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{PREFIX}{today}-000000-000000{STARTED}").touch()  # once a day
    run_aside("villagebook.dailybackup", book.path)
    return None


def _clear_cut_short(folder: Path, today: str) -> dict[str, str]:
    """A copy cut short (the laptop shut down, or the process stopped, while it was made)
    leaves its unfinished files: a big book's are GBs that nothing else would ever remove,
    and that day has no copy. Files untouched for STALE_SECONDS go (a copy under way
    writes every second), with the day markers of days gone; returns the day and the size
    removed, to be said once."""
    if not folder.is_dir():
        return {}
    stale_before = datetime.now().timestamp() - STALE_SECONDS
    copies: dict[str, list[Path]] = {}
    for path in folder.glob(f"{PREFIX}*"):
        if path.name.endswith((STARTED, FAILED)):
            if path.name.endswith(STARTED) and not path.name.startswith(PREFIX + today):
                path.unlink(missing_ok=True)  # a day gone: its copy was made, or said
        elif path.name.endswith((".part", ".gz.db")):  # the copy, before gzip and rename
            copies.setdefault(path.name[:len(PREFIX) + 22], []).append(path)
    removed, day = 0, ""
    for stamp, files in sorted(copies.items()):
        try:
            if max(f.stat().st_mtime for f in files) > stale_before:
                continue  # being made now, by another command or the process aside
            for f in files:
                size = f.stat().st_size
                f.unlink()
                removed += size
        except OSError:  # gone meanwhile, or still open (Windows): not cut short
            continue
        if _pack_again(files):
            continue  # only its packing was cut short: the plain copy is whole
        digits = stamp[len(PREFIX):len(PREFIX) + 8]  # the copy's YYYYMMDD
        day = f"{digits[:4]}-{digits[4:6]}-{digits[6:]}"
        if digits == today:  # today's copy was cut short: make it again today
            (folder / f"{PREFIX}{today}-000000-000000{STARTED}").unlink(missing_ok=True)
    return {"day": day, "size": amount(removed)} if day else {}


def _pack_again(files: list[Path]) -> bool:
    """A plain copy whose gzip was cut short (backup.py packs a big book's copy aside) is
    a backup all the same: its packing is started again, and nothing need be said."""
    plain = [f.with_name(f.name.removesuffix(".gz.part")) for f in files
             if f.name.endswith(".db.gz.part")]
    if len(plain) != 1 or len(files) != 1 or not plain[0].is_file():
        return False
    run_aside("villagebook.backup", plain[0])
    return True


def _say_failed_aside(folder: Path) -> None:
    """Raise, once, why a copy made aside did not succeed (no room, a damaged book): that
    process has no screen of its own, and a backup that silently stopped is found only on
    the day it is needed. It is not tried again that day (it could fill the disk again)."""
    for mark in folder.glob(f"{PREFIX}*{FAILED}") if folder.is_dir() else ():
        try:
            said = json.loads(mark.read_text(encoding="utf-8"))
            mark.unlink()
        except (OSError, ValueError):
            continue
        raise BookError(said.get("key", "backup.failed"), **said.get("values", {}))


def _daily_aside(path: str) -> None:
    """The separate process: the day's copy of a big book, then the day's marker removed;
    or a note of why it could not be made, for the next command to say."""
    from villagebook.book import Book

    folder, today = None, datetime.now().strftime("%Y%m%d")
    try:
        with Book.open_readonly(Path(path)) as book:
            folder = book_folder(book)
            backup(book, reason="daily")
    except (BookError, OSError, sqlite3.Error) as exc:
        said = exc if isinstance(exc, BookError) else BookError(
            "backup.failed", path=path, why=exc)
        if folder is not None:
            (folder / f"{PREFIX}{today}-000000-000000{FAILED}").write_text(json.dumps(
                {"key": said.key, "values": {k: str(v) for k, v in said.values.items()}},
                ensure_ascii=False), encoding="utf-8")
    else:  # done: the day's marker goes (after a failure it stays: not tried again today)
        for marker in folder.glob(f"{PREFIX}*{STARTED}"):
            marker.unlink(missing_ok=True)


if __name__ == "__main__":
    _daily_aside(sys.argv[1])
