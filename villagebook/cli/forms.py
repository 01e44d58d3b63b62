"""The forms group (纸表): a printed page keyed back from its CSV grid, and what is keyed.

`print forms` prints them; `forms grid CODE --page N` writes a page's empty grid to fill;
`forms key CODE --page N FILE` saves the page in one write (checking the total boxes),
once; `forms list` shows each form and the pages still to key.
"""

from __future__ import annotations

from pathlib import Path

import click

from villagebook.cli.failures import Group
from villagebook.cli.options import by_option, group_options, with_book
from villagebook.i18n import t


@click.group(cls=Group)
@group_options
def forms():
    """Paper forms (纸表) keyed back: the grid of a page, keying it, what is keyed."""


def _names(book) -> dict[str, str]:
    from villagebook import catalogue

    return {c.code: f"{c.name}（{t(f'unit.{c.kind}')}）"
            for c in catalogue.categories(book, include_retired=True)}


@forms.command("grid")
@click.argument("code")
@click.option("--page", type=click.IntRange(1), default=1, show_default=True,
              help="Which page of the form.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="The CSV file to write (default: CODE-pN.csv here).")
@with_book
def forms_grid(book, code, page, output):
    """Write a page's grid as CSV, names in, to fill in as the paper says."""
    from villagebook import paperforms, papergrid

    form = paperforms.load(book, code)
    text = papergrid.write(form, page, _names(book))
    out = output or Path(f"{form.code}-p{page}.csv")
    try:
        out.write_text(text, encoding="utf-8-sig")
    except OSError as exc:
        from villagebook.errors import BookError

        raise BookError("print.cannot_write", path=out, why=exc.strerror or exc) from None
    click.echo(str(out))


@forms.command("key")
@click.argument("code")
@click.argument("grid", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--page", type=click.IntRange(1),
              help="Which page of the form (default: the page the grid's file name says).")
@click.option("--empty", is_flag=True, help="The page really has nothing written on it.")
@by_option
@with_book
def forms_key(book, code, grid, page, empty, by):
    """Key a filled page from its grid: all of it in one write, once, totals checked."""
    from villagebook import paperforms, papergrid, paperkeying
    from villagebook.cli.actors import remember, resolve_gatherer
    from villagebook.errors import BookError
    from villagebook.quantities import fmt_points

    form = paperforms.load(book, code)
    page = page or papergrid.page_in_name(grid) or 1
    if paperforms.keyed(book, form.code, page):
        raise BookError("form.page_keyed", code=form.code, page=page)
    gatherer = resolve_gatherer(book, by)
    lines, totals = papergrid.read(grid, form, page)
    planned = paperkeying.plan(book, form, page, lines)
    if not planned and not empty:
        raise BookError("form.page_empty", page=page)
    paperkeying.check_totals(book, planned, form, totals)
    count = paperkeying.save(book, form, page, planned, gatherer)
    remember(book, gatherer)
    click.echo(t("form.keyed", code=form.code, page=page, count=count,
                 points=fmt_points(sum(p.points_c for p in planned))))


@forms.command("list")
@click.argument("month", required=False)
@with_book
def forms_list(book, month):
    """The forms printed for MONTH and the pages not keyed yet."""
    from villagebook import paperforms
    from villagebook.quantities import parse_month

    month = parse_month(month)
    codes = [r[0] for r in book.query("SELECT code FROM paper_forms WHERE month = ?"
                                      " ORDER BY rowid", (month,))]
    if not codes:
        click.echo(t("form.list_none", month=month))
    for code in codes:
        form = paperforms.load(book, code)
        left = [str(n) for n in range(1, len(form.pages) + 1)
                if not paperforms.keyed(book, code, n)]
        click.echo(f"{code}  " + (t("form.pages_left", pages="、".join(left)) if left
                                  else t("form.all_keyed")))
