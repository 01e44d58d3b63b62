"""The options many commands share (--lang, --db, --format, --by), each defined once.

with_book adds --db and --lang to a command and hands it the opened book, so a command
never opens, backs up or closes the book itself.
"""

from __future__ import annotations

import functools
from pathlib import Path

import click

from villagebook import i18n, opening
from villagebook.book import Book, default_path
from villagebook.cli.failures import BOOK_PATH
from villagebook.opening import open_book

FORMATS = click.Choice(["table", "csv", "json"])


def _set_lang(ctx, param, value):
    if value:
        i18n.set_lang(value)
    return value


lang_option = click.option(
    "--lang", type=click.Choice(i18n.LANGS), envvar="VILLAGEBOOK_LANG", callback=_set_lang,
    expose_value=False, is_eager=True, help="Language of messages: zh (default) or en.",
)
db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), envvar="VILLAGEBOOK_DB",
    help="The book file (default: the user's data folder; or VILLAGEBOOK_DB).",
)
format_option = click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
                             help="Output as an aligned table, CSV or JSON.")
by_option = click.option("--by", help="Who does this: a gatherer's name (default: the last one "
                                      "on this laptop).")


def _remember_db(ctx, param, value):
    if value is not None:
        ctx.meta["villagebook.db"] = value  # meta is shared by the group's commands
    return value


def group_options(group):
    """--db and --lang on a group too: `villagebook settings --db X show` works as
    `villagebook settings show --db X` does."""
    group = click.option(
        "--db", "group_db", type=click.Path(dir_okay=False, path_type=Path),
        expose_value=False, callback=_remember_db,
        help="The book file (default: the user's data folder; or VILLAGEBOOK_DB).")(group)
    return lang_option(group)


def book_path(db_path: Path | None) -> Path:
    """The command's --db, else one given before it (to its group, or to villagebook),
    else VILLAGEBOOK_DB, else the default."""
    from click.core import ParameterSource

    ctx = click.get_current_context()
    typed = db_path if ctx.get_parameter_source("db_path") != ParameterSource.ENVIRONMENT \
        else None
    return typed or ctx.meta.get("villagebook.db") or ctx.find_root().params.get("db_path") \
        or db_path or default_path()


def with_book(command):
    """Add --db and --lang to a command and hand it the opened book."""

    @db_option
    @lang_option
    @functools.wraps(command)
    def wrapper(db_path, **kwargs):
        path = book_path(db_path)
        click.get_current_context().meta[BOOK_PATH] = path  # a failure names its backup
        with open_book(path) as book:
            daily_backup(book)
            return command(book, **kwargs)

    return wrapper


def daily_backup(book: Book) -> str:
    """The day's copy; a failure is said on stderr (and returned, for the screen)."""
    return opening.daily_backup(book, say=lambda said: click.echo(said, err=True))
