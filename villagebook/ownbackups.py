"""A book's own backups, found by the book's path even when the book cannot be read.

Every copy of a book goes to its own folder, named by the first hash of its chain
(backup.book_folder). A damaged book may not say its first hash, and the newest backup on
the laptop may be another book's: every laptop that ran the README's demo village has the
demo's beside the real book's. So each copy also writes down, in its folder, the path of
the book it was made from, and a book that cannot say which it is is found by its path.
Only the book's own backups are ever named; none rather than another book's.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from villagebook.backup import FIRST_HASH, backups, default_folder, folder_name

PATHS = "books.txt"  # in a book's own folder: where the book was, a line each


def note(folder: Path, book_path: Path) -> None:
    """Add where the book is to its folder's list, once (a failure loses only the hint)."""
    where = _where(book_path)
    try:
        if where not in _paths(folder):
            with open(folder / PATHS, "a", encoding="utf-8") as listed:
                listed.write(where + "\n")
    except OSError:
        pass


def newest(book_path: Path) -> Path | None:
    """The newest backup of the book at book_path, or None: never another book's."""
    found = [copy for folder in _folders(book_path) for copy in backups(folder, True)]
    return max(found, key=lambda copy: copy.name, default=None)


def _folders(book_path: Path) -> list[Path]:
    """The book's own folder, as its first hash names it; if the book cannot say, every
    folder whose list holds its path (a book copied at one path was another before)."""
    home, first = default_folder(), _first_hash(book_path)
    if first is not None:
        return [home / folder_name(first)]
    where = _where(book_path)
    try:
        return [f for f in home.iterdir() if f.is_dir() and where in _paths(f)]
    except OSError:
        return []


def _first_hash(book_path: Path) -> str | None:
    try:
        conn = sqlite3.connect(f"{Path(book_path).resolve().as_uri()}?mode=ro", uri=True)
    except (sqlite3.Error, OSError, ValueError):
        return None
    try:
        row = conn.execute(FIRST_HASH).fetchone()
    except sqlite3.Error:
        return None
    finally:
        conn.close()
    return row[0] if row else None


def _paths(folder: Path) -> list[str]:
    try:
        return (folder / PATHS).read_text(encoding="utf-8").splitlines()
    except (OSError, ValueError):
        return []


def _where(book_path: Path) -> str:
    try:
        return str(Path(book_path).resolve())
    except (OSError, RuntimeError):  # a path the system cannot resolve: as it was given
        return str(Path(book_path).absolute())
