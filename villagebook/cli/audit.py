"""Whether the book can be trusted: its self-check, its audit log, a printout's origin."""

from __future__ import annotations

from pathlib import Path

import click

from villagebook.cli.failures import UserError
from villagebook.cli.options import format_option, with_book
from villagebook.cli.output import emit
from villagebook.errors import BookError
from villagebook.i18n import t


@click.command("check")
@with_book
def check_cmd(book):
    """Check the book: the file, its links, no negative points, the log, the seals."""
    from villagebook.check import check

    problems = check(book)
    if not problems:
        click.echo(t("check.ok"))
        return
    for problem in problems:
        click.echo(str(problem))
    raise click.exceptions.Exit(1)


@click.command()
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 100000))
@click.option("--search", help="Only lines that mention this (a name, an id, an action).")
@format_option
@with_book
def log(book, limit, search, fmt):
    """The audit log, newest first."""
    from villagebook import auditlog

    lines = auditlog.recent(book, limit, search or "")
    table = [[a.seq, a.at, a.actor, a.action, a.subject[:12],
              a.summary if len(a.summary) <= 60 else a.summary[:57] + "..."] for a in lines]
    emit(["seq", "at", "actor", "action", "subject", "detail"], table, fmt,
         [vars(a) for a in lines], numeric={0})


@click.command()
@click.argument("pdf", type=click.Path(dir_okay=False, path_type=Path))
@with_book
def verify(book, pdf):
    """Check a printed PDF against the book's audit log (by its SHA-256)."""
    from villagebook import printlog

    try:
        data = pdf.read_bytes()
    except OSError as exc:
        raise BookError("file.unreadable", path=pdf, why=exc.strerror or exc) from None
    found = printlog.verify(book, data)
    if found is None:
        raise UserError(t("verify.unknown"))
    click.echo(t("verify.ok", at=found.at, actor=found.actor, what=t(f"what.{found.kind}"),
                 period=found.period, seq=found.seq))
