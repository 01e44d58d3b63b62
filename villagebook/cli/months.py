"""The month's cycle: post it, hear residents' objections, settle them, make it final."""

from __future__ import annotations

import click

from villagebook.cli.actors import actor_of, committee_pin
from villagebook.cli.failures import Group, UserError
from villagebook.cli.options import by_option, group_options, with_book
from villagebook.cli.progress import Copying
from villagebook.i18n import t
from villagebook.quantities import parse_month


@click.group(cls=Group)
@group_options
def month():
    """The month's cycle: open -> posted (公示, objections) -> final (定稿)."""


def _state(name: str) -> str:
    return t(f"state.{name}")


@month.command("post")
@click.argument("month_text", metavar="MONTH")
@by_option
@with_book
def month_post(book, month_text, by):
    """Post MONTH for residents to check; the objection window opens."""
    from villagebook import months

    with Copying() as copying:  # the copy made first: a big book's takes a while
        done = months.post(book, parse_month(month_text), actor_of(book, by),
                           told=copying.tell)
    click.echo(t("month.posted", month=done.month, until=done.objection_until))


@month.command("status")
@click.argument("month_text", metavar="MONTH", required=False)
@with_book
def month_status(book, month_text):
    """The month's state, deadline, objections and seal."""
    from villagebook import months

    st = months.status(book, parse_month(month_text))
    click.echo(t("month.status", month=st.month, state=_state(st.state)))
    if st.state == "posted":
        click.echo(t("month.status_until", until=st.objection_until))
    if st.state == "final":
        click.echo(t("month.status_final", at=st.finalized_at, by=st.finalized_by,
                     seal=st.seal[:16]))
    if st.reopened_at:
        click.echo(t("month.status_reopened", at=st.reopened_at, reason=st.reopen_reason))
    for o in st.objections:
        result = t("objection.open") if o.resolved_at is None else t(
            f"objection.{o.resolution}", because=o.because)
        click.echo(t("month.status_objection", id=o.id[:8], entry=o.entry_id[:8], says=o.says,
                     result=result))


@month.command("finalize")
@click.argument("month_text", metavar="MONTH")
@click.option("--early", "early_reason", help="Finalize before the window closes, because...")
@by_option
@with_book
def month_finalize(book, month_text, early_reason, by):
    """Make MONTH final (committee PIN): nothing can be added or voided in it any more."""
    from villagebook import months

    month = parse_month(month_text)
    months.check_finalize(book, month)  # a refusal comes before the PIN is asked
    committee_pin(book)
    with Copying() as copying:
        done = months.finalize(book, month, actor_of(book, by), early_reason,
                               told=copying.tell)
    click.echo(t("month.finalized", month=done.month, seal=done.seal[:16]))


@month.command("reopen")
@click.argument("month_text", metavar="MONTH")
@click.option("--reason", required=True, help="Why the final month is opened again.")
@by_option
@with_book
def month_reopen(book, month_text, reason, by):
    """Open a final MONTH again (committee PIN), with the reason on record."""
    from villagebook import months

    month = parse_month(month_text)
    months.check_reopen(book, month)  # a refusal comes before the PIN is asked
    committee_pin(book)
    with Copying() as copying:
        done = months.reopen(book, month, actor_of(book, by), reason, told=copying.tell)
    click.echo(t("month.reopened", month=done.month, reason=done.reopen_reason))


@click.group(cls=Group)
@group_options
def objection():
    """Residents' objections (异议) to entries of a posted month."""


@objection.command("add")
@click.argument("who")
@click.option("--entry", "entry_id", required=True, help="The entry objected to (its id).")
@click.option("--says", required=True, help="What the resident says is wrong.")
@by_option
@with_book
def objection_add(book, who, entry_id, says, by):
    """Record that WHO objects to an entry about them."""
    from villagebook import entries, months, people

    resident = people.find_resident(book, who)
    found = months.object_to(book, resident, entries.get_entry(book, entry_id), says,
                             actor_of(book, by))
    click.echo(t("objection.added", id=found.id[:8], name=resident.name, says=found.says))


@objection.command("resolve")
@click.argument("objection_id")
@click.option("--void/--keep", "void", default=None,
              help="Void the entry (the objection is its reason) or keep it.")
@click.option("--correct", "correct", metavar="QUANTITY",
              help="Void the entry and record this quantity instead, in one step.")
@click.option("--because", required=True, help="The committee's reason.")
@by_option
@with_book
def objection_resolve(book, objection_id, void, correct, because, by):
    """Resolve an objection: void the entry, keep it, or correct its quantity."""
    from villagebook import months

    if (void is None) == (correct is None) or (correct is not None and void is False):
        raise UserError(t("objection.how"))
    months.get_objection(book, objection_id)  # an unknown id is refused before the PIN
    committee_pin(book, t("pin.for_resolve"))
    if correct is not None:
        from villagebook.corrections import resolve_by_correction
        from villagebook.quantities import fmt_points_short

        done, entry = resolve_by_correction(book, objection_id, correct, because,
                                            actor_of(book, by))
        result = t("objection.corrected", quantity=entry.quantity, id=entry.id[:8],
                   points=fmt_points_short(entry.points_c))
    else:
        done = months.resolve(book, objection_id, void, because, actor_of(book, by))
        result = t(f"objection.{done.resolution}", because=done.because)
    click.echo(t("objection.settled", id=done.id[:8], result=result))
