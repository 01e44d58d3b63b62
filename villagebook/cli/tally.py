"""The totals: the month's sheet, and standings over a span of months."""

from __future__ import annotations

import click

from villagebook.cli.helptext import Command
from villagebook.cli.options import format_option, with_book
from villagebook.cli.output import emit_sheet
from villagebook.quantities import parse_month

top_option = click.option(
    "--top", type=click.IntRange(min=1), metavar="N",
    help="Only the first N lines (the totals stay the whole sheet's).")


@click.command(cls=Command)
@click.argument("month", required=False)
@click.option("--all", "include_all", is_flag=True, help="Include residents with no entries.")
@click.option("--corner", help="Only the residents of this corner (a village of a township).")
@top_option
@format_option
@with_book
def tally(book, month, include_all, corner, top, fmt):
    """The monthly sheet (月度汇总表) of MONTH (YYYY-MM, default this month)."""
    from villagebook import tally as tally_mod

    sheet = tally_mod.month_sheet(book, parse_month(month), include_all,
                                  tally_mod.known_corner(book, corner), top=top)
    emit_sheet(book, sheet, fmt, "sheet.title")


@click.command(cls=Command)
@click.option("--since", help="First month counted (YYYY-MM; default the first).")
@click.option("--through", help="Last month counted (YYYY-MM; default this month).")
@click.option("--all", "include_all", is_flag=True, help="Include residents with no entries.")
@click.option("--corner", help="Only the residents of this corner (a village of a township).")
@top_option
@format_option
@with_book
def standings(book, since, through, include_all, corner, top, fmt):
    """Cumulative points, stars and flags over a span of months."""
    from villagebook import tally as tally_mod

    sheet = tally_mod.standings(book, parse_month(since) if since else None,
                                parse_month(through), include_all,
                                tally_mod.known_corner(book, corner), top=top)
    emit_sheet(book, sheet, fmt, "standings.title")
