"""The print group: each printout (PDF) shares one set of options and one way to publish.

reportlab is imported only when a printout is made (by reports.publish), never at start-up.
"""

from __future__ import annotations

from pathlib import Path

import click

from villagebook.cli.actors import actor_of
from villagebook.cli.failures import Group
from villagebook.cli.options import group_options, with_book
from villagebook.cli.progress import Progress
from villagebook.i18n import t
from villagebook.quantities import parse_month


@click.group("print", cls=Group)
@group_options
def print_group():
    """Printouts (PDF): the board, the month's sheet, resident slips, the catalogue."""


def print_options(command):
    """-o, --paper, --send, --printer, --actor, and the book, for every printout."""
    for option in reversed([
        click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
                     help="The PDF to write (default: KIND-MONTH.pdf here)."),
        click.option("--paper", type=click.Choice(["A4", "A3"]), default="A4",
                     show_default=True),
        click.option("--send", is_flag=True, help="Also hand it to the printer (CUPS lp)."),
        click.option("--printer", help="The print queue for --send (default: the system's)."),
        click.option("--actor", help="Who prints, for the audit log (default: the last "
                                     "gatherer on this laptop)."),
    ]):
        command = option(command)
    return with_book(command)


def _publish(book, kind, month, output, send, printer, actor, **options) -> None:
    from reports import publish
    from reports.canvas import telling

    month = parse_month(month) if kind != "catalogue" else parse_month(None)
    out = output or Path(f"{kind}-{month}.pdf" if kind != "catalogue" else "catalogue.pdf")
    what = t(f"what.{kind}")
    with Progress(lambda page: t("print.progress", what=what, page=page)) as progress, \
            telling(progress):
        done = publish.publish(book, kind, month, out, actor_of(book, actor), **options)
    for name, chars in done.missing.items():
        for char in chars:
            click.echo(t("print.missing_glyph", char=char, name=name), err=True)
    click.echo(t("print.done", what=what, path=done.path, pages=done.pages,
                 sha=done.sha256[:16]))
    if send:
        click.echo(t("print.sent", printer=publish.send(done.path, printer)))


@print_group.command("board")
@click.argument("month", required=False)
@click.option("--period", type=click.Choice(["month", "year", "all"]), default="month",
              show_default=True, help="Points of the month, of its year so far, or of all time.")
@click.option("--by", "group_by", type=click.Choice(["corner", "household"]),
              default="corner", show_default=True, help="Group the names by corner or household.")
@click.option("--mono/--colour", default=None,
              help="Draw for a black-and-white printer (default: the village setting mono).")
@print_options
def print_board(book, month, period, group_by, mono, output, paper, send, printer, actor):
    """红榜: the star-and-flag board of MONTH (default this month)."""
    _publish(book, "board", month, output, send, printer, actor, paper=paper, period=period,
             group_by=group_by, mono=mono)


@print_group.command("sheet")
@click.argument("month", required=False)
@click.option("--committee", is_flag=True,
              help="The committee's copy: ends with the review list (人情分) before posting.")
@print_options
def print_sheet(book, month, committee, output, paper, send, printer, actor):
    """月度汇总表: the month's sheet, landscape, with totals and signature lines."""
    _publish(book, "sheet", month, output, send, printer, actor, paper=paper,
             committee=committee)


@print_group.command("slips")
@click.argument("month", required=False)
@click.option("--resident", "who", multiple=True, help="Only these residents (repeatable).")
@print_options
def print_slips(book, month, who, output, paper, send, printer, actor):
    """个人积分单: each resident's own entries of the month, with cut lines."""
    from villagebook import people

    chosen = [people.find_resident(book, w) for w in who] or None
    _publish(book, "slips", month, output, send, printer, actor, paper=paper, residents=chosen)


@print_group.command("notice")
@click.argument("month", required=False)
@print_options
def print_notice(book, month, output, paper, send, printer, actor):
    """公示: the posting notice of MONTH, with the objection deadline and how to object."""
    _publish(book, "notice", month, output, send, printer, actor, paper=paper)


@print_group.command("catalogue")
@print_options
def print_catalogue(book, output, paper, send, printer, actor):
    """积分细则: every active rule in plain words, as a notice."""
    _publish(book, "catalogue", None, output, send, printer, actor, paper=paper)


@print_group.command("forms")
@click.argument("month", required=False)
@click.option("--corner", help="Only this corner (default: one form for each corner).")
@click.option("--gatherer", help="Who walks with it (default: the corner's gatherer when it "
                                 "has only one; else a line to sign on).")
@click.option("--days", type=click.IntRange(1, 31), default=7, show_default=True,
              help="How many days the form covers, from today (or the month's first day).")
@print_options
def print_forms(book, month, corner, gatherer, days, output, paper, send, printer, actor):
    """纸表: a form for each corner to fill on the walk, pre-filled with its residents."""
    from villagebook import paperforms

    month = parse_month(month)
    who = actor_of(book, actor)
    forms = [paperforms.issue(book, month, c, gatherer or paperforms.gatherer_of(book, c),
                              days, who) for c in paperforms.corners(book, corner)]
    for form in forms:
        click.echo(t("form.printed", code=form.code, pages=len(form.pages),
                     residents=sum(1 for p in form.pages for r in p if r.resident_id)))
    _publish(book, "forms", month, output, send, printer, actor, forms=forms)
