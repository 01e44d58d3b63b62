"""The committee group: setting the PIN that guards the committee's own writes."""

from __future__ import annotations

import click

from villagebook.cli.actors import actor_of, committee_pin
from villagebook.cli.failures import Group
from villagebook.cli.options import by_option, group_options, with_book
from villagebook.i18n import t


@click.group(cls=Group)
@group_options
def committee():
    """The village committee (村委会)."""


@committee.command("set-pin")
@by_option
@with_book
def committee_set_pin(book, by):
    """Set (or change) the committee PIN; read from VILLAGEBOOK_PIN_NEW or typed twice."""
    import os

    from villagebook import committee as committee_mod

    if committee_mod.is_set(book):
        committee_pin(book)
    pin = os.environ.get("VILLAGEBOOK_PIN_NEW")
    if pin is None:
        pin = click.prompt(t("pin.prompt"), hide_input=True, confirmation_prompt=True)
    committee_mod.set_pin(book, pin, actor_of(book, by))
    click.echo(t("pin.set"))
