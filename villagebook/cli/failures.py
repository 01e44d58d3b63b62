"""Failures reach the user as one line in their language, never as a traceback.

Every group of the command uses Group, so a refused entry, a read-only disk and a bug deep
in a command all end the same way: one clear line and a non-zero exit.
"""

from __future__ import annotations

import sqlite3

import click

from villagebook import i18n
from villagebook.cli.helptext import Command, Translated
from villagebook.errors import BookError
from villagebook.i18n import t


class UserError(click.ClickException):
    """One line, prefixed in the user's language."""

    def show(self, file=None) -> None:
        prefix = "错误：" if i18n.get_lang() == "zh" else "Error: "
        click.echo(prefix + self.format_message(), err=True)


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
        except BookError as exc:
            raise UserError(str(exc)) from None
        except sqlite3.OperationalError as exc:
            if _is_write_failure(exc):
                raise UserError(t(write_failure_key(exc), why=exc) + _newest_backup()) from None
            raise UserError(t("book.error", why=exc)) from None
        except sqlite3.Error as exc:
            raise UserError(t("book.error", why=exc)) from None
        except BrokenPipeError:  # `villagebook tally | head`: the reader has had enough
            _quiet_stdout()
            raise click.exceptions.Exit(1) from None
        except OSError as exc:
            raise UserError(t("book.error", why=exc.strerror or exc)) from None
        except KeyboardInterrupt:
            raise click.exceptions.Abort() from None
        except Exception as exc:  # the last guard: no traceback reaches a user
            raise UserError(t("internal", why=f"{type(exc).__name__}: {exc}")) from None


def _newest_backup() -> str:
    from villagebook import backup

    newest = backup.newest()
    return t("book.newest_backup", path=newest) if newest else ""


def _is_write_failure(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "full" in text or "disk" in text


def write_failure_key(exc) -> str:
    """A full disk and a place that cannot be written are different troubles, said so."""
    return "book.full" if "full" in str(exc).lower() else "book.readonly"


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
