"""The gatherer's screen, opened by a command (a bare `villagebook` whose book is not
simply there, `demo`): its fault said as every command's is."""

from __future__ import annotations

from villagebook.book import Book
from villagebook.cli.failures import UserError
from villagebook.opening import has_terminal

__all__ = ["has_terminal", "open_ui"]


def open_ui(book: Book, notice: str = "") -> None:
    """The screen (textual, imported only now: it is slow to load), showing `notice` (the
    day's backup failed) where the terminal's own lines are hidden."""
    from villagebook.launch import screen_fault
    from villagebook.tui.app import make_app

    fault = screen_fault(make_app(book, notice=notice))
    if fault:
        raise UserError(fault)
