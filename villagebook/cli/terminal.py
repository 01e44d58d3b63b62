"""Whether a person sits at a terminal, and the gatherer's screen that opens only for them."""

from __future__ import annotations

import sys

from villagebook.book import Book
from villagebook.cli.failures import UserError


def has_terminal() -> bool:
    """A person at a terminal, not a pipe or CI: only then does the UI start."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def open_ui(book: Book, notice: str = "") -> None:
    """The gatherer's screen (textual, imported only now: it is slow to load), showing
    `notice` (the day's backup failed) where the terminal's own lines are hidden."""
    from villagebook.tui.app import make_app

    app = make_app(book, notice=notice)
    app.run()
    if app.crash_note:
        raise UserError(app.crash_note)
