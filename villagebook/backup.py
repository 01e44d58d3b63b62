"""Copies of the book a user can carry: consistent (SQLite's backup API), dated, pruned.

One is made before every post, finalize, reopen and import, and once a day on first use;
the default folder keeps the last 30. Restoring checks the copy first and keeps the
current book aside.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from datetime import datetime
from pathlib import Path

from villagebook.errors import BookError

KEEP = 30
PREFIX = "villagebook-"


def default_folder() -> Path:
    folder = os.environ.get("VILLAGEBOOK_BACKUP_DIR")
    if folder:
        return Path(folder)
    from platformdirs import user_data_dir

    return Path(user_data_dir("villagebook", appauthor=False)) / "backups"


def backup(book, folder: Path | None = None, reason: str = "manual") -> Path:
    """Write a consistent copy named with the date and time; prune the default folder."""
    target_folder = Path(folder) if folder else default_folder()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S-%f")
    target = target_folder / f"{PREFIX}{stamp}-{reason}.db"
    part = target.with_name(target.name + ".part")  # a copy cut short never looks finished
    try:
        target_folder.mkdir(parents=True, exist_ok=True)
        copy = sqlite3.connect(part)
        try:
            book.conn.backup(copy)
        finally:
            copy.close()
        part.replace(target)
    except (OSError, sqlite3.Error) as exc:
        part.unlink(missing_ok=True)
        raise BookError("backup.failed", path=target, why=exc) from None
    if folder is None:
        for old in backups(target_folder)[KEEP:]:
            old.unlink(missing_ok=True)
    return target


def backups(folder: Path | None = None) -> list[Path]:
    """The backups in a folder, newest first."""
    folder = Path(folder) if folder else default_folder()
    if not folder.is_dir():
        return []
    return sorted(folder.glob(f"{PREFIX}*.db"), reverse=True)


def newest() -> Path | None:
    found = backups()
    return found[0] if found else None


def daily(book) -> Path | None:
    """Once a day, on first use: a backup if none was made today."""
    today = datetime.now().strftime("%Y%m%d")
    found = backups()
    if found and found[0].name.startswith(f"{PREFIX}{today}"):
        return None
    return backup(book, reason="daily")


def restore(source: Path, book_path: Path) -> Path:
    """Replace the book with a checked copy; the current book is kept aside. Returns where."""
    from villagebook.book import Book

    source, book_path = Path(source), Path(book_path)
    with Book.open_readonly(source) as candidate:
        problem = candidate.one("PRAGMA integrity_check")[0]
    if problem != "ok":
        raise BookError("restore.bad", path=source, why=problem)
    aside = book_path.with_name(
        f"{book_path.stem}.before-restore-{datetime.now():%Y%m%d-%H%M%S}{book_path.suffix}")
    try:
        if book_path.exists():
            with Book.open(book_path) as current:  # fold the WAL in before moving the file
                current.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            book_path.replace(aside)
            for suffix in ("-wal", "-shm"):
                Path(f"{book_path}{suffix}").unlink(missing_ok=True)
        shutil.copyfile(source, book_path)
    except OSError as exc:
        raise BookError("restore.failed", path=book_path, why=exc.strerror or exc) from None
    return aside
