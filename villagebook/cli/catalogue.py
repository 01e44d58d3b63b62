"""The catalogue group: list the published rules; the committee adds and retires them."""

from __future__ import annotations

import click

from villagebook.cli.actors import actor_of, committee_pin
from villagebook.cli.failures import Group
from villagebook.cli.options import by_option, format_option, group_options, with_book
from villagebook.cli.output import emit
from villagebook.i18n import t
from villagebook.quantities import fmt_points


@click.group(cls=Group)
@group_options
def catalogue():
    """The published rules (积分细则): what earns points and how many."""


@catalogue.command("list")
@click.option("--all", "include_retired", is_flag=True, help="Include retired categories.")
@format_option
@with_book
def catalogue_list(book, include_retired, fmt):
    """List the rules."""
    from villagebook import catalogue as cat_mod

    cats = cat_mod.categories(book, include_retired)
    rows = [[c.code, c.name, t(f"kind.{c.kind}"), c.describe(),
             "" if c.max_quantity is None else str(c.max_quantity)] for c in cats]
    data = [{"code": c.code, "name_zh": c.name_zh, "name_en": c.name_en, "kind": c.kind,
             "points": fmt_points(c.points_c), "per_units": c.per_units,
             "max_quantity": None if c.max_quantity is None else str(c.max_quantity),
             "active": c.active} for c in cats]
    emit(["code", "category", "kind", "rule", "max"], rows, fmt, data)


@catalogue.command("add")
@click.argument("code")
@click.option("--name-zh", required=True, help="Chinese name, e.g. 修桥补路.")
@click.option("--name-en", required=True, help="English name.")
@click.option("--kind", required=True, type=click.Choice(["hours", "yuan", "count", "fixed"]))
@click.option("--points", required=True, help="Points P given per N units (P > 0).")
@click.option("--per", default="1", show_default=True, help="N units that earn P points.")
@click.option("--max", "max_quantity",
              help="Most one resident may have of it in one day (entries added up).")
@by_option
@with_book
def catalogue_add(book, code, name_zh, name_en, kind, points, per, max_quantity, by):
    """Publish a new rule."""
    from villagebook import catalogue as cat_mod

    committee_pin(book)
    cat = cat_mod.add(book, code, name_zh, name_en, kind, points, per, max_quantity,
                      actor=actor_of(book, by))
    click.echo(t("category.added", code=cat.code, rule=cat.describe()))


@catalogue.command("retire")
@click.argument("code")
@by_option
@with_book
def catalogue_retire(book, code, by):
    """Stop a rule for new entries (past entries keep their points)."""
    from villagebook import catalogue as cat_mod

    committee_pin(book)
    cat = cat_mod.retire(book, code, actor=actor_of(book, by))
    click.echo(t("category.retired", code=cat.code))
