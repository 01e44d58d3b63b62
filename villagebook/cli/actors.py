"""Who does a write: the gatherer on this laptop, or the committee behind its PIN.

The gatherer is remembered per laptop only after a write succeeded; a committee-side write
names its actor in the audit log.
"""

from __future__ import annotations

import click

from villagebook.book import Book, system_user
from villagebook.cli.terminal import has_terminal
from villagebook.errors import BookError
from villagebook.i18n import t


def committee_pin(book: Book, action: str = "") -> None:
    """Ask for the committee PIN (VILLAGEBOOK_PIN, or typed without echo) and check it;
    a wrong one is a line of the book's log, naming the action it was for."""
    import os

    from villagebook import committee, laptop

    if not committee.is_set(book):
        if not laptop.flag("pin_hint"):
            click.echo(t("pin.hint"), err=True)
            laptop.set_flag("pin_hint")
        return
    pin = os.environ.get("VILLAGEBOOK_PIN")
    if pin is None and has_terminal():
        prompt = t("pin.prompt_for", action=action) if action else t("pin.prompt")
        pin = click.prompt(prompt, hide_input=True, default="", show_default=False)
    committee.check(book, pin, system_user(), action)


def resolve_gatherer(book: Book, by: str | None) -> str:
    """The gatherer named by --by, else the one this laptop used last, else the only one.

    Remembered only once the write has succeeded (see remember)."""
    from villagebook import laptop, people

    if by:
        name = people.get_gatherer(book, by).name
    else:
        name = laptop.last_gatherer(book.path)
        known = people.list_gatherers(book)
        if name not in {g.name for g in known}:
            if len(known) != 1:
                raise BookError("gatherer.none")
            name = known[0].name
    return name


def remember(book: Book, gatherer: str) -> None:
    """After a write succeeded: this laptop's gatherer for next time."""
    from villagebook import laptop

    laptop.remember_gatherer(book.path, gatherer)


def actor_of(book: Book, by: str | None) -> str:
    """Who to name in the audit log for a committee-side write."""
    from villagebook import laptop

    return by or laptop.last_gatherer(book.path) or system_user()
