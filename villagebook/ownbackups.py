"""A book's own backups, found by the book's path even when the book cannot be read.

Every copy of a book goes to its own folder, named by the first hash of its chain
(backup.book_folder). A damaged book may not say its first hash, and the newest backup on
the laptop may be another book's: every laptop that ran the README's demo village has the
demo's beside the real book's. So the book's folder also lists the paths the book has been
opened at (written by each copy and by the day's first use), and a book that cannot say
which it is is found by its path. Only the book's own backups are ever named: none rather
than another book's, and none when its path was more than one book's (a USB stick's).
The same knowledge lets restore refuse another book's backup (another_books).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path

from villagebook.backup import FIRST_LINE, backups, default_folder, folder_name

PATHS = "books.txt"  # in a book's own folder: where the book was, a line each


def note(folder: Path, book_path: Path) -> None:
    """Add where the book is to its folder's list, once; only into a folder that exists
    (a book's first copy makes it). A failure loses only the hint."""
    where = _where(book_path)
    try:
        if folder.is_dir() and where not in _paths(folder):
            with open(folder / PATHS, "a", encoding="utf-8", errors="surrogateescape") as out:
                out.write(where + "\n")
    except (OSError, ValueError):
        pass


def newest(book_path: Path) -> Path | None:
    """The newest backup of the book at book_path, or None: never another book's."""
    folder = _own_folder(book_path)
    found = backups(folder, mine_only=True) if folder is not None else []
    return found[0] if found else None


def which_book(book_path: Path) -> str | None:
    """Which book is (or was last) at book_path, as its backups' folder name; None if it
    is not known (no file there, or a damaged one never copied on this laptop)."""
    folder = _own_folder(book_path)
    return folder.name if folder is not None else None


def another_books(copy, book_path: Path) -> str | None:
    """The village's name if `copy` (an open backup) is of another book than the one at
    book_path (its chain begins elsewhere), else None (the same book, or not known)."""
    theirs = copy.one(FIRST_LINE)
    if theirs is None or _adopted(theirs[1]):  # (a copy of an adopted book is adopted too)
        return None
    ours = which_book(book_path)
    if ours is None or folder_name(theirs[0]) == ours:
        return None
    village = copy.one("SELECT value FROM settings WHERE key = 'village'")
    return village[0] if village else ""


def _adopted(start_detail) -> bool:
    """Whether a chain began by adopting an older book's rows. A book from before the
    chain (schema 4) begins it when migrated, with a hash of its own each time: two copies
    of it migrated apart begin two, so their first hashes cannot say they are one book."""
    try:
        return json.loads(start_detail).get("older_lines", 0) > 0
    except (TypeError, ValueError, AttributeError):
        return False


def _own_folder(book_path: Path) -> Path | None:
    """The book's own folder, as its first hash names it; if the book cannot say, the one
    folder whose list holds its path (if two books were at that path, neither)."""
    home, first = default_folder(), _first_hash(book_path)
    if first is not None:
        return home / folder_name(first)
    where = _where(book_path)
    try:
        listing = [f for f in home.iterdir() if f.is_dir() and where in _paths(f)]
    except OSError:
        return None
    return listing[0] if len(listing) == 1 else None


def _first_hash(book_path: Path) -> str | None:
    """The chain's first hash as the file says, read only; None if it cannot be read."""
    from villagebook.book import _connect_readonly

    try:
        conn = _connect_readonly(Path(book_path))
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        row = conn.execute(FIRST_LINE).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row and isinstance(row[0], str) else None


def _paths(folder: Path) -> list[str]:
    try:
        return (folder / PATHS).read_text(encoding="utf-8",
                                          errors="surrogateescape").splitlines()
    except (OSError, ValueError):
        return []


def _where(book_path: Path) -> str:
    """The path as the list keeps it: resolved, its letter case folded where the system
    ignores case (Windows)."""
    try:
        where = str(Path(book_path).resolve())
    except (OSError, RuntimeError):  # a path the system cannot resolve: as it was given
        where = str(Path(book_path).absolute())
    return os.path.normcase(where)
