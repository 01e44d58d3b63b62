"""Copies of the book a user can carry: consistent (SQLite's backup API), dated, kept by a plan.

One is made before every post, finalize, reopen, import and restore, and once a day on
first use. Automatic copies go to the book's own folder (named by the first hash of its
chain, so two books never share one) compressed with gzip, and are kept by a plan: every
one of the last KEEP_DAYS days, and the first of each of the last KEEP_MONTHS months.
`villagebook backup` copies are plain SQLite files, kept KEEP_MANUAL at most in the
default folder and never counted against the automatic ones, so a run of manual backups
cannot flush the history. The day's copy is dailybackup.py's.
"""

from __future__ import annotations

import os
import sqlite3
import sys
from datetime import datetime, timedelta
from pathlib import Path

from villagebook.errors import BookError

KEEP_DAYS = 7
KEEP_MONTHS = 24
KEEP_MANUAL = 10
PREFIX = "villagebook-"
PACKED_SHARE = 0.5  # gzip -1 makes a book at most about this share of its size
STEP_PAGES = 4096  # pages copied between two reports of how far a copy is (16 MB)
PACK_CHUNK = 2**20  # bytes packed between two reports
PACKED_ASIDE = ("post", "finalize", "reopen", "import")  # copies made before a step
PACK_INLINE_BYTES = 64 * 2**20  # ... of a bigger book are packed by a process of their own


def default_folder() -> Path:
    folder = os.environ.get("VILLAGEBOOK_BACKUP_DIR")
    if folder:
        return Path(folder)
    from platformdirs import user_data_dir

    return Path(user_data_dir("villagebook", appauthor=False)) / "backups"


FIRST_LINE = ("SELECT hash, detail FROM audit WHERE hash IS NOT NULL"  # the chain's start
              " ORDER BY seq LIMIT 1")


def book_folder(book) -> Path:
    """This book's own folder: the first hash of its chain names it."""
    row = book.one(FIRST_LINE)
    return default_folder() / folder_name(row[0] if row else None)


def folder_name(first_hash) -> str:
    """The folder's name: the hash's first 12 hex digits ("book" for a book without one,
    or whose first hash was changed into something that is not a hash)."""
    name = first_hash[:12] if isinstance(first_hash, str) else ""
    return name if len(name) == 12 and all(c in "0123456789abcdef" for c in name) else "book"


def backup(book, folder: Path | None = None, reason: str = "manual", told=None) -> Path:
    """Write a consistent copy named with the date, time and reason; in the default folder
    an automatic one is compressed, and the folder is pruned by the plan. told(done,
    total), if given, hears how far it is, in pages: the book's pages copied, then (for
    a compressed copy) packed, so total is twice the pages. A big book to a USB stick
    takes minutes, and so does the copy made before a township's month is posted: a big
    book's copy before a step (PACKED_ASIDE) is written plain and packed by a process of
    its own, so the step waits for the copy only (a big village's post: 17 s -> 3 s);
    the plain copy is a backup all the same until its gzip is whole."""
    target_folder = Path(folder) if folder else book_folder(book)
    packed = folder is None and reason != "manual"
    aside = packed and reason in PACKED_ASIDE and book_bytes(book) > PACK_INLINE_BYTES
    packed = packed and not aside
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = target_folder / f"{PREFIX}{stamp}-{reason}.db{'.gz' if packed else ''}"
    part = target.with_name(target.name + ".part")  # a copy cut short never looks finished
    plain = part.with_suffix(".db") if packed else part
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
        _room_for(book, target_folder, packed or aside)
        work = _Work(told, packed) if told else None
        copy_book(book, plain, work and work.copied)
        if packed:
            _pack(plain, part, work and work.packed)
            plain.unlink()
        part.replace(target)
        if folder is None:  # the book's own: where the book is, for when it is damaged
            from villagebook import ownbackups

            ownbackups.note(target_folder, book.path)
    except (OSError, sqlite3.Error) as exc:
        for leftover in (part, plain):
            leftover.unlink(missing_ok=True)
        raise BookError("backup.failed", path=target, why=exc) from None
    if aside:
        try:
            run_aside("villagebook.backup", target)
        except OSError:  # not started: the plain copy is the backup, packed or not
            pass
    if folder is None:
        prune(target_folder)
    return target


def _pack_aside(plain: Path) -> None:
    """The separate process: a plain copy gzip'd beside it, then the plain one removed.
    Cut short, the plain copy stays, a backup all the same (and the next command removes
    the unfinished gzip)."""
    target = plain.with_name(plain.name + ".gz")
    part = target.with_name(target.name + ".part")
    try:
        _pack(plain, part)
        part.replace(target)
        plain.unlink()
    except OSError:
        part.unlink(missing_ok=True)


def run_aside(module: str, path: Path) -> None:
    """`python -m module path` in a process of its own that outlives this one, so the
    command that asked goes on at once."""
    import subprocess  # only when something is done aside: not on every command's way in

    detach = ({"creationflags": subprocess.DETACHED_PROCESS
               | subprocess.CREATE_NEW_PROCESS_GROUP} if sys.platform == "win32"
              else {"start_new_session": True})
    subprocess.Popen([sys.executable, "-m", module, str(path)], stdin=subprocess.DEVNULL,
                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, close_fds=True,
                     **detach)


def book_bytes(book) -> int:
    return book.one("PRAGMA page_count")[0] * book.one("PRAGMA page_size")[0]


class _Work:
    """A copy's pages told as copied, then as packed (a compressed copy's total: twice)."""

    def __init__(self, told, packed: bool):
        self.told, self.times, self.pages = told, 2 if packed else 1, 0

    def copied(self, done: int, total: int) -> None:
        self.pages = total
        self.told(done, total * self.times)

    def packed(self, share: float) -> None:
        self.told(self.pages + int(share * self.pages), 2 * self.pages)


def _pack(plain: Path, part: Path, told=None) -> None:
    """plain gzipped into part (level 1: the fastest), telling the share done."""
    import gzip  # only when a copy is made: not on every command's way in

    size = max(plain.stat().st_size, 1)
    with open(plain, "rb") as raw, open(part, "wb") as sink:
        with gzip.GzipFile(fileobj=sink, mode="wb", compresslevel=1) as out:
            while chunk := raw.read(PACK_CHUNK):
                out.write(chunk)
                if told:
                    told(raw.tell() / size)
        sink.flush()  # on the disk before it is named finished and the plain copy goes:
        os.fsync(sink.fileno())  # a power cut must not leave a torn gzip and no copy


def copy_book(book, plain: Path, told=None) -> None:
    """SQLite's backup API into plain: at once, or STEP_PAGES at a time, telling how far,
    inside one read transaction of the book, so that the copy stays the book as it was
    when it began (a write by another connection between two steps would otherwise
    start it again: on a busy day, a big book's copy might never end)."""
    copy = sqlite3.connect(plain)
    try:
        if told is None:
            book.conn.backup(copy)
            return
        book.conn.execute("BEGIN")
        try:
            book.conn.execute("SELECT COUNT(*) FROM sqlite_master").fetchall()  # the snapshot
            book.conn.backup(copy, pages=STEP_PAGES,
                             progress=lambda _status, left, total: told(total - left, total))
        finally:
            book.conn.execute("COMMIT")
    finally:
        copy.close()


def _room_for(book, folder: Path, packed: bool) -> None:
    """Refuse before writing a byte when the disk cannot hold the copy (and, until it is
    compressed, its gzip beside it): a big book is tens of GB, and a copy that fills the
    disk half way leaves the laptop with no room for the book itself to grow."""
    import shutil  # not on every command's path: shutil brings bz2 and lzma

    size = book_bytes(book)
    need = int(size * (1 + PACKED_SHARE if packed else 1))
    free = shutil.disk_usage(folder).free
    if free < need:
        raise BookError("backup.no_room", folder=folder, need=amount(need),
                        free=amount(free))


def amount(size: int) -> str:
    return f"{size / 1e9:.1f} GB" if size >= 10**8 else f"{size / 1e6:.1f} MB"


def _made(path: Path) -> datetime | None:
    try:
        return datetime.strptime(path.name[len(PREFIX):len(PREFIX) + 22], "%Y%m%d-%H%M%S-%f")
    except ValueError:
        return None


def prune(folder: Path, now: datetime | None = None) -> None:
    """Keep the last KEEP_DAYS days and each month's first (automatic), KEEP_MANUAL manual."""
    now = now or datetime.now()
    found = backups(folder, mine_only=True)  # newest first
    manual = [p for p in found if p.name.endswith("-manual.db")]
    automatic = [p for p in found if p not in manual]
    drop = manual[KEEP_MANUAL:]
    recent = now - timedelta(days=KEEP_DAYS)
    months_kept = {(now.year * 12 + now.month - 1 - k) for k in range(KEEP_MONTHS)}
    first_of_month: dict[int, Path] = {}
    for path in reversed(automatic):  # oldest first: the first of each month wins
        made = _made(path)
        if made is not None:
            first_of_month.setdefault(made.year * 12 + made.month - 1, path)
    for path in automatic:
        made = _made(path)
        if made is None or made >= recent:
            continue
        month = made.year * 12 + made.month - 1
        if first_of_month.get(month) is not path or month not in months_kept:
            drop.append(path)
    for path in drop:
        path.unlink(missing_ok=True)


def backups(folder: Path | None = None, mine_only: bool = False) -> list[Path]:
    """The backups in a folder (and, from the default folder, every book's), newest first."""
    folder = Path(folder) if folder else default_folder()
    if not folder.is_dir():
        return []
    pattern = f"{PREFIX}*.db*"
    found = folder.glob(pattern) if mine_only else folder.rglob(pattern)
    return sorted((p for p in found if not p.name.endswith(".part")),
                  key=lambda p: p.name, reverse=True)


if __name__ == "__main__":
    _pack_aside(Path(sys.argv[1]))
