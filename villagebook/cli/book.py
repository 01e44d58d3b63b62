"""The book file itself: make a new one or a demo, copy it aside, put a copy back."""

from __future__ import annotations

from pathlib import Path

import click

from villagebook.book import Book, system_user
from villagebook.cli.helptext import Command
from villagebook.cli.options import book_path, by_option, db_option, lang_option, with_book
from villagebook.cli.output import emit_sheet
from villagebook.cli.terminal import has_terminal, open_ui
from villagebook.i18n import t
from villagebook.quantities import parse_month


@click.command(cls=Command)
@click.option("--village", required=True, help="The village's name, e.g. 夹矿马家村.")
@db_option
@lang_option
@by_option
def init(village, db_path, by):
    """Create a new book with the default catalogue."""
    with Book.create(book_path(db_path), village, actor=by) as book:
        from villagebook import settings

        click.echo(t("init.done", village=settings.load(book).village, path=book.path))


@click.command(cls=Command)
@click.option("--keep", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the demo book here instead of demo.db beside the book.")
@lang_option
def demo(keep):
    """Build a demo village (about 120 residents, 3 months) and open it.

    The demo lives in demo.db beside the book (never the book itself), made anew each
    time; add --db with the path it prints to any command to try it. At a terminal the
    gatherer's screen opens; in a pipe, this month's sheet is printed.
    """
    from villagebook import demo as demo_village
    from villagebook import tally

    path = keep or demo_village.default_demo_path()
    demo_village.clear_old_demo(path)
    with demo_village.build(path) as book:
        if has_terminal():
            open_ui(book)
            click.echo(t("demo.made", path=path))
            return
        click.echo(t("demo.made", path=path))
        click.echo("")
        emit_sheet(book, tally.month_sheet(book, parse_month(None)), "table", "sheet.title")


@click.command("backup", cls=Command)
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@with_book
def backup_cmd(book, folder):
    """Write a consistent copy of the book (to FOLDER, e.g. a USB stick; copy the book with
    this, never by hand: a copy without its -wal file can lose the newest entries)."""
    from villagebook import backup
    from villagebook.cli.progress import Copying

    with Copying() as copying:  # on a terminal, after a second: a big book takes minutes
        made = backup.backup(book, folder, told=copying.tell)
    click.echo(t("backup.done", path=made))


@click.command(cls=Command)
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@lang_option
@click.option("--by", "actor", help="Who restores (named in the log).")
@click.option("--other-book", is_flag=True,
              help="Restore a backup of another book (another village) in this one's place.")
def restore(source, db_path, actor, other_book):
    """Put a backup back (needs the committee PIN; the current book is kept aside, and the
    restored book's log says what replaced what)."""
    from villagebook import restore as restore_mod
    from villagebook.cli.progress import Steps

    path = book_path(db_path)
    _pin_for_restore(path, source)
    with Steps("restore.progress") as progress:  # a big book's restore takes minutes
        done = restore_mod.restore(source, path, actor or system_user(), progress.tell,
                                   other_book)
    click.echo(t("restore.done", source=source, aside=done.aside))
    click.echo(t("restore.codes", restored=done.restored, replaced=done.replaced or "-"))


def _pin_for_restore(path: Path, source: Path) -> None:
    """The current book's PIN; if it cannot be opened, the PIN of the backup itself."""
    from villagebook.cli.actors import committee_pin
    from villagebook.errors import BookError
    from villagebook.restore import checked_copy

    try:
        current = Book.open(path)
    except BookError:
        current = None
    if current is not None:
        with current:
            return committee_pin(current, t("pin.for_restore"))
    with checked_copy(source) as copy_path, Book.open(copy_path) as copy:
        committee_pin(copy, t("pin.for_restore"))
