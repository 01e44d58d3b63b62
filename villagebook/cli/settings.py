"""The settings group: read the village's settings; the committee changes them."""

from __future__ import annotations

import click

from villagebook.cli.actors import actor_of, committee_pin
from villagebook.cli.failures import Group
from villagebook.cli.options import by_option, format_option, group_options, with_book
from villagebook.cli.output import emit
from villagebook.i18n import t


@click.group(cls=Group)
@group_options
def settings():
    """The village's settings: village, points_per_star, stars_per_flag, objection_days, mono,
    notice_place, contact."""


@settings.command("list")
@format_option
@with_book
def settings_list(book, fmt):
    """Show the settings."""
    from villagebook import settings as settings_mod

    values = settings_mod.as_dict(book)
    emit(["key", "means", "value"], [[k, t(f"setting.{k}"), v] for k, v in values.items()],
         fmt, values)


@settings.command("set", context_settings={"ignore_unknown_options": True})
@click.argument("key")
@click.argument("value")
@by_option
@with_book
def settings_set(book, key, value, by):
    """Change one setting, e.g. `settings set stars_per_flag 6`."""
    from villagebook import settings as settings_mod

    committee_pin(book)
    clean = settings_mod.set_value(book, key, value, actor=actor_of(book, by))
    click.echo(t("settings.done", key=key, value=clean))
    final = book.one("SELECT MAX(month) FROM months WHERE state = 'final'")[0]
    if final:  # a final month prints as it was finalized (monthsettings.py)
        click.echo(t("settings.from_open", last=final))
