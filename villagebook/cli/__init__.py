"""The `villagebook` command: thin click commands over the core modules.

Each command parses its options and calls one core function. A BookError (or any other
failure) becomes one line in the user's language and a non-zero exit, never a traceback.
This module holds the root group; the commands live one group of ideas to a module and are
named here, in the order they were written. A command's module is imported only when that
command runs (a gatherer's `record` does not wait for the printing's imports).
"""

from __future__ import annotations

import importlib
import sys

import click

from villagebook.book import default_path
from villagebook.cli.failures import BOOK_PATH, Group, UserError
from villagebook.cli.options import daily_backup, db_option, lang_option, open_book
from villagebook.cli.terminal import has_terminal, open_ui
from villagebook.i18n import t
from villagebook.launch import any_console, readable
from villagebook.leaving import leave

COMMANDS = {  # name: (its module in villagebook.cli, the command there)
    "init": ("book", "init"), "demo": ("book", "demo"),
    "catalogue": ("catalogue", "catalogue"),
    "gatherers": ("people", "gatherers"), "residents": ("people", "residents"),
    "record": ("entries", "record"), "void": ("entries", "void"),
    "entries": ("entries", "entries_cmd"),
    "tally": ("tally", "tally"), "standings": ("tally", "standings"), "log": ("audit", "log"),
    "print": ("printing", "print_group"), "verify": ("audit", "verify"),
    "month": ("months", "month"), "objection": ("months", "objection"),
    "committee": ("committee", "committee"),
    "backup": ("book", "backup_cmd"), "restore": ("book", "restore"),
    "check": ("audit", "check_cmd"), "review": ("audit", "review"),
    "settings": ("settings", "settings"),
    "forms": ("forms", "forms"),
}


class Root(Group):
    """The `villagebook` group: its commands are COMMANDS, each imported when asked for."""

    def list_commands(self, ctx) -> list[str]:
        return list(COMMANDS)

    def get_command(self, ctx, name: str):
        if name not in COMMANDS:
            return None
        module, command = COMMANDS[name]
        return getattr(importlib.import_module(f"villagebook.cli.{module}"), command)

    def resolve_command(self, ctx, args):
        try:
            return super().resolve_command(ctx, args)
        except click.exceptions.NoSuchCommand as unknown:  # suggest from every name,
            raise click.exceptions.NoSuchCommand(  # not only the commands imported so far
                unknown.command_name, possibilities=COMMANDS, ctx=ctx) from None


@click.group(cls=Root, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@lang_option
@click.version_option(package_name="villagebook")
@click.pass_context
def cli(ctx, db_path):
    """villagebook 积分簿: record a village's contributions, tally the month, stars and flags.

    With no command at a terminal, opens the gatherer's screen on the book. Try
    `villagebook demo` for a demo village, or `villagebook init --village NAME`.
    """
    if ctx.invoked_subcommand is not None:
        return
    if not has_terminal():
        click.echo(ctx.get_help())
        return
    path = db_path or default_path()
    if not path.exists():
        raise UserError(t("ui.no_book", path=path))
    ctx.meta[BOOK_PATH] = path  # a failure names this book's backup
    with open_book(path) as opened:
        open_ui(opened, notice=daily_backup(opened))


def main() -> None:
    """The full command line, with no traceback for any failure, and then out (leaving.py:
    without Python's slow teardown when nothing needs it). The console script is
    villagebook.launch, which comes here for all but the bare screen."""
    leave(command_line())


def command_line() -> int | str | None:
    """Run the command line in sys.argv; its exit code."""
    any_console()
    unreadable = next((i for i, arg in enumerate(sys.argv[1:], 1) if not readable(arg)), None)
    if unreadable is not None:  # bytes that are not text in the console's encoding
        click.echo(t("cli.bad_bytes", number=unreadable,
                     shown=sys.argv[unreadable].encode("utf-8", "replace").decode()),
                   err=True)
        return 2
    try:
        cli(prog_name="villagebook")
    except SystemExit as done:  # click ends every command line with one
        return done.code
    except Exception as exc:  # pragma: no cover - Group.invoke already words failures
        click.echo(t("internal", why=exc), err=True)
        return 1
    return 0
