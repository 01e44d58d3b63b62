"""Failures reach the user as one line in their language, never as a traceback.

Every group of the command uses Group, so a refused entry, a read-only disk and a bug deep
in a command all end the same way: one clear line and a non-zero exit.
"""

from __future__ import annotations

import click

from villagebook.cli.helptext import Command, Translated
from villagebook.failure_words import error_line, failure_line

BOOK_PATH = "villagebook.book_path"  # ctx.meta: the book a command opened (cli/options.py)


class UserError(click.ClickException):
    """One line, prefixed in the user's language."""

    def show(self, file=None) -> None:
        click.echo(error_line(self.format_message()), err=True)


class Group(Translated, click.Group):
    """A command group whose failures reach the user as one clear line, and whose help is
    in the user's language."""

    command_class = Command
    group_class = type

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BrokenPipeError:  # `villagebook tally | head`: the reader has had enough
            _quiet_stdout()
            raise click.exceptions.Exit(1) from None
        except KeyboardInterrupt:
            raise click.exceptions.Abort() from None
        except Exception as exc:  # the last guard: no traceback reaches a user
            raise UserError(failure_line(exc, ctx.meta.get(BOOK_PATH))) from None


def _quiet_stdout() -> None:
    """Point stdout at the null device, as Python's own docs advise for a broken pipe, so
    the interpreter's last flush at exit says nothing either."""
    import os
    import sys

    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
