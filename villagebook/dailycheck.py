"""SQLite's quick_check once a day for each book on this laptop, before the book is trusted.

A book copied by hand without its -wal, or over a stale one, is found here and refused
with the newest backup named. quick_check reads the whole file: a village's book in a
second or two, but a township's 26 GB in about four minutes, which nobody should wait
for at the day's first command. So a book up to INLINE_BYTES is checked at once, before
anything is written; a bigger one in a process of its own (as its daily backup is made),
and refused from the moment that check has found it damaged. The trade is said plainly:
on a big book, what is written in the minutes the check takes goes into the file it then
names as damaged (and into its backups from before).

The result is kept per book in the laptop's state folder, never in the book (it travels).
A damaged mark holds for the file as it was (size and time): a book put back by restore,
or copied over, is checked again.
"""

from __future__ import annotations

import json
import sqlite3
import sys
import zlib
from datetime import date
from pathlib import Path

INLINE_BYTES = 256 * 2**20  # quick_check takes about half a second at this size


def ensure(conn: sqlite3.Connection, path: Path) -> None:
    """Raise sqlite3.DatabaseError if this book is known to be damaged, else check it
    today if not yet done (or start the check aside, for a big book)."""
    mark, today = _read(path), date.today().isoformat()
    if mark.get("result") == "damaged":
        if mark.get("file") == _file_stamp(path):
            raise sqlite3.DatabaseError(mark.get("why", "quick_check"))
        mark = {}  # the file was replaced since (a restore): check it again
    if mark.get("day") == today:
        return  # done today, or being done aside
    if _size(path) <= INLINE_BYTES:
        _record(path, _problems(conn))
        ensure(conn, path)
        return
    if _write(path, {"day": today, "result": "started"}):  # (a state folder that cannot
        _start_aside(path)  # be written would start one more check at every command)


def forget(path: Path) -> None:
    """As if this laptop had never checked the book (tests: the day's first use)."""
    _mark_file(path).unlink(missing_ok=True)


def _problems(conn: sqlite3.Connection) -> list[str]:
    said = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    return [] if said == ["ok"] else said


def _record(path: Path, problems: list[str]) -> None:
    if problems:
        _write(path, {"day": date.today().isoformat(), "result": "damaged",
                      "why": "; ".join(problems), "file": _file_stamp(path)})
    else:
        _write(path, {"day": date.today().isoformat(), "result": "ok"})


def _start_aside(path: Path) -> None:
    import subprocess

    detach = ({"creationflags": subprocess.DETACHED_PROCESS
               | subprocess.CREATE_NEW_PROCESS_GROUP} if sys.platform == "win32"
              else {"start_new_session": True})
    try:
        subprocess.Popen([sys.executable, "-m", "villagebook.dailycheck", str(path)],
                         stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                         stderr=subprocess.DEVNULL, close_fds=True, **detach)
    except OSError:  # no process to be had: tomorrow's first use tries again
        forget(path)


def _mark_file(path: Path) -> Path:
    from villagebook.laptop import state_folder

    where = _where(path)
    key = f"{zlib.crc32(where):08x}{zlib.adler32(where):08x}"  # hashlib costs every
    return state_folder() / "checks" / f"{key}.json"  # command 2 ms to load its OpenSSL


def _where(path: Path) -> bytes:
    return str(Path(path).resolve()).encode("utf-8", "surrogatepass")


def _read(path: Path) -> dict:
    try:
        return json.loads(_mark_file(path).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return _carried_over(path)


def _carried_over(path: Path) -> dict:
    """The mark under its name before 6 December 2026 (sha256 of the path), moved to its
    name now, once: a big book found damaged stays refused across the upgrade."""
    import hashlib  # once per book on this laptop, not on every command

    old = _mark_file(path).with_name(f"{hashlib.sha256(_where(path)).hexdigest()[:20]}.json")
    try:
        mark = json.loads(old.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if _write(path, mark):
        old.unlink(missing_ok=True)
    return mark


def _write(path: Path, mark: dict) -> bool:
    target = _mark_file(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_suffix(".part")
        part.write_text(json.dumps(mark, ensure_ascii=False), encoding="utf-8")
        part.replace(target)  # whole or not at all, read by another process
    except OSError:  # a read-only state folder: checked again next time
        return False
    return True


def _size(path: Path) -> int:
    try:
        return Path(path).stat().st_size
    except OSError:
        return 0


def _file_stamp(path: Path) -> list[int]:
    try:
        found = Path(path).stat()
    except OSError:
        return []
    return [found.st_size, found.st_mtime_ns]


def _aside(path: str) -> None:
    """The separate process: the whole check of a big book, its result kept."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        _record(Path(path), _problems(conn))
    except sqlite3.DatabaseError as exc:  # not even readable: damaged
        _record(Path(path), [str(exc)])
    finally:
        conn.close()


if __name__ == "__main__":
    _aside(sys.argv[1])
