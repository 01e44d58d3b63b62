"""A failure in the user's words: one line for any error a command or the screen meets,
never a traceback. Used by the command line's groups (cli/failures.py) and by the screen's
own start (launch.py), so both say the same thing of the same trouble."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from villagebook.errors import BookError
from villagebook.i18n import get_lang, t


def failure_line(exc: Exception, book_path: Path | None = None) -> str:
    """What went wrong, in one line: a refusal as the book words it; a disk that cannot be
    written or is full, with the newest backup of the book at book_path (if known);
    anything else as an internal error."""
    if isinstance(exc, BookError):
        return str(exc)
    if isinstance(exc, sqlite3.OperationalError):
        if is_write_failure(exc):
            return t(write_failure_key(exc), why=exc) + newest_backup(book_path)
        return t("book.error", why=exc)
    if isinstance(exc, sqlite3.Error):
        return t("book.error", why=exc)
    if isinstance(exc, OSError):
        return t("book.error", why=exc.strerror or exc)
    return t("internal", why=f"{type(exc).__name__}: {exc}")


def error_line(text: str) -> str:
    """`text` as a failure is said: after "错误：" or "Error: "."""
    return ("错误：" if get_lang() == "zh" else "Error: ") + text


def newest_backup(book_path: Path | None) -> str:
    """The words "; newest backup: PATH" for this book's own newest backup; none when it is
    not known which book failed (another book's backup would be the wrong one to put back)."""
    from villagebook import ownbackups

    newest = ownbackups.newest(book_path) if book_path is not None else None
    return t("book.newest_backup", path=newest) if newest else ""


def is_write_failure(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "full" in text or "disk" in text


def write_failure_key(exc) -> str:
    """A full disk and a place that cannot be written are different troubles, said so."""
    return "book.full" if "full" in str(exc).lower() else "book.readonly"
