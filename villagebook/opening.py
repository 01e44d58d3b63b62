"""Opening the book for a command or the screen: the book, or one line saying why not;
then the day's copy. Free of click, so the gatherer's screen can start without it
(villagebook/launch.py); the commands reach these through villagebook/cli/options.py.
"""

from __future__ import annotations

import sys
from pathlib import Path

from villagebook.book import Book
from villagebook.errors import BookError
from villagebook.i18n import t


def has_terminal() -> bool:
    """A person at a terminal, not a pipe or CI: only then does the screen start."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def open_book(path: Path) -> Book:
    """The book, or one line saying it is damaged and where its newest backup is."""
    try:
        return Book.open(path)
    except BookError as exc:
        if exc.key == "book.not_a_book" and path.exists():  # a newer book is not damaged
            from villagebook import ownbackups

            newest = ownbackups.newest(path)
            if newest is not None:
                raise BookError("book.damaged", path=path, backup=newest) from None
        raise


def daily_backup(book: Book, say) -> str:
    """Once a day on first use; a failure is said (with `say`, and returned, for the screen
    to show too), never blocks the day's work."""
    from villagebook import dailybackup

    try:
        dailybackup.daily(book)
    except BookError as exc:
        said = str(exc) if exc.key == "backup.cut_short" else t("backup.warn", why=exc)
        say(said)
        return said
    return ""
