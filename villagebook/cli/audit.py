"""Whether the book can be trusted: its self-check, its audit log, a printout's origin."""

from __future__ import annotations

from pathlib import Path

import click

from villagebook.cli.failures import UserError
from villagebook.cli.helptext import Command
from villagebook.cli.options import format_option, with_book
from villagebook.cli.output import emit
from villagebook.errors import BookError
from villagebook.i18n import t


@click.command("check", cls=Command)
@click.option("--full", is_flag=True,
              help="SQLite's full integrity_check (slow on a big book) instead of quick_check.")
@click.option("--against", "backup_path", type=click.Path(dir_okay=False, path_type=Path),
              help="A backup kept elsewhere: does this book's history extend it unchanged?")
@with_book
def check_cmd(book, full, backup_path):
    """Check the book: the file, the guards, the chained log replayed against the tables,
    the seals; with --against, that its history extends a backup's unchanged."""
    from villagebook.check import check
    from villagebook.cli.progress import Steps

    with Steps("check.progress") as progress:  # a township's check takes minutes
        problems = [str(p) for p in check(book, full=full, told=progress.tell)]
    if backup_path is not None:
        verdict = _against(book, backup_path)
        if verdict:
            problems.append(verdict)
        else:
            click.echo(t("against.ok", path=backup_path))
    if not problems:
        click.echo(t("check.ok"))
        return
    for problem in problems:
        click.echo(problem)
    raise click.exceptions.Exit(1)


def _against(book, backup_path: Path) -> str:
    """'' when the book's history extends the backup's unchanged, else what differs."""
    from villagebook import witness
    from villagebook.book import Book
    from villagebook.restore import checked_copy

    with checked_copy(backup_path) as copy_path, Book.open_readonly(copy_path) as copy:
        verdict = witness.compare(book, copy)
    if verdict.kind == witness.UNCHANGED:
        return ""
    return t(f"against.{verdict.kind}", path=backup_path, seq=verdict.seq,
             at=verdict.at or "?", head=verdict.head.seq if verdict.head else 0)


@click.command(cls=Command)
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 100000))
@click.option("--search",
              help="Only lines that say all of these words (a name, a category, 作废, an id).")
@format_option
@with_book
def log(book, limit, search, fmt):
    """The audit log, newest first, in words: who did what, to whom, and why."""
    from villagebook import auditlog, logwords

    lines = _search(book, limit, search) if search else auditlog.recent(book, limit)
    names = logwords.Names(book)
    said = [logwords.words(a, names) for a in lines]
    emit(["seq", "at", "what"],
         lambda: [[a.seq, a.at[:16].replace("T", " "), words]
                  for a, words in zip(lines, said, strict=True)], fmt,
         lambda: [{**vars(a), "words": words} for a, words in zip(lines, said, strict=True)],
         numeric={0})


def _search(book, limit: int, search: str) -> list:
    """The log searched newest first, a span at a time, saying how far it has read: a
    township's whole log is minutes to read when few lines match."""
    from villagebook import auditlog
    from villagebook.cli.progress import Progress

    lines, of = [], {"lines": 0}
    with Progress(lambda done: t("log.searching", done=done, of=of["lines"])) as progress:
        for found, low, newest in auditlog.search_back(book, search, limit):
            lines += found
            of["lines"] = newest
            progress(newest - low + 1)
    return lines


@click.command(cls=Command)
@click.argument("pdf", required=False, type=click.Path(dir_okay=False, path_type=Path))
@click.option("--code", help="The fingerprint printed on a paper, e.g. 7KQ2-M9XD-41 · 1204.")
@click.option("--line", type=click.IntRange(1), help="The log line printed beside the code.")
@with_book
def verify(book, pdf, code, line):
    """Check a printed PDF (by its SHA-256) or a paper's fingerprint against the book."""
    from villagebook import printlog, witness

    if code:
        holds, words = witness.check_paper(book, code, line)
        if not holds:
            raise UserError(words)
        click.echo(words)
        return
    if pdf is None:
        raise BookError("verify.what")
    try:
        data = pdf.read_bytes()
    except OSError as exc:
        raise BookError("file.unreadable", path=pdf, why=exc.strerror or exc) from None
    found = printlog.verify(book, data)
    if found is None:
        raise UserError(t("verify.unknown"))
    click.echo(t("verify.ok", at=found.at, actor=found.actor, what=t(f"what.{found.kind}"),
                 period=found.period, seq=found.seq))


@click.command(cls=Command)
@click.argument("month_text", metavar="MONTH", required=False)
@with_book
def review(book, month_text):
    """Entries worth a second look before posting (人情分): each with its reason."""
    from villagebook import review as review_mod
    from villagebook.quantities import parse_month

    month = parse_month(month_text)
    found = review_mod.review(book, month)
    if not found:
        click.echo(t("review.none", month=month))
        return
    click.echo(t("review.title", month=month))
    for finding in found:
        click.echo(str(finding))
