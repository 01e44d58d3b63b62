"""The people in the book: the gatherers who record, the residents who earn points."""

from __future__ import annotations

from pathlib import Path

import click

from villagebook.cli.actors import actor_of, committee_pin
from villagebook.cli.failures import Group
from villagebook.cli.options import by_option, format_option, group_options, with_book
from villagebook.cli.output import emit
from villagebook.i18n import t


@click.group(cls=Group)
@group_options
def gatherers():
    """The information gatherers (信息员) who record entries."""


@gatherers.command("add")
@click.argument("name")
@click.option("--corner", default="", help="The corner (片区) this gatherer covers.")
@with_book
def gatherers_add(book, name, corner):
    """Add a gatherer."""
    from villagebook import people

    gatherer = people.add_gatherer(book, name, corner)
    click.echo(t("gatherer.added", name=gatherer.name))


@gatherers.command("list")
@format_option
@with_book
def gatherers_list(book, fmt):
    """List the gatherers."""
    from villagebook import people

    found = people.list_gatherers(book)
    emit(["name", "corner"], [[g.name, g.corner] for g in found], fmt,
         [{"id": g.id, "name": g.name, "corner": g.corner} for g in found])


@click.group(cls=Group)
@group_options
def residents():
    """The residents (村民) who earn points."""


@residents.command("add")
@click.argument("name")
@click.option("--household", default="", help="The household (户), e.g. 马家3户.")
@click.option("--corner", default="", help="The corner (片区), e.g. 东片.")
@click.option("--off-board", is_flag=True, help="Keep this name off public boards.")
@click.option("--note", default="")
@by_option
@with_book
def residents_add(book, name, household, corner, off_board, note, by):
    """Add a resident (pinyin and initials are worked out for search)."""
    from villagebook import people

    resident = people.add_resident(book, name, household, corner, not off_board, note,
                                   actor=actor_of(book, by))
    click.echo(t("resident.added", label=resident.label(), id=resident.id[:8]))


@residents.command("edit")
@click.argument("who")
@click.option("--name", help="The corrected name.")
@click.option("--household", help="The corrected household (户).")
@click.option("--corner", help="The corrected corner (片区), e.g. 西片 for a typed 西.")
@click.option("--on-board/--off-board", "on_board", default=None,
              help="Show this name on public boards, or keep it off.")
@by_option
@with_book
def residents_edit(book, who, name, household, corner, on_board, by):
    """Correct a resident's name, household, corner or board choice (entries stay theirs)."""
    from villagebook import people

    old = people.find_resident(book, who)
    done = people.update_resident(
        book, old.id, old.name if name is None else name,
        old.household if household is None else household,
        old.corner if corner is None else corner,
        old.on_board if on_board is None else on_board, actor=actor_of(book, by))
    click.echo(t("resident.edited", label=done.label(), id=done.id[:8]) if done != old
               else t("resident.unchanged", label=old.label()))


@residents.command("retire")
@click.argument("who")
@click.option("--reason", required=True, help="Why, e.g. 搬到县城 (on the record).")
@by_option
@with_book
def residents_retire(book, who, reason, by):
    """Retire a resident who moved away or passed away: their entries stay and count."""
    from villagebook import people, roster

    done = roster.retire(book, people.find_resident(book, who), reason, actor_of(book, by))
    click.echo(t("resident.retired", label=done.label(), id=done.id[:8]))


@residents.command("unretire")
@click.argument("who")
@by_option
@with_book
def residents_unretire(book, who, by):
    """Bring a retired resident back to the lists, the search and the boards."""
    from villagebook import people, roster

    done = roster.unretire(book, people.find_resident(book, who), actor_of(book, by))
    click.echo(t("resident.unretired", label=done.label(), id=done.id[:8]))


@residents.command("merge")
@click.argument("into_who", metavar="A")
@click.argument("other_who", metavar="B")
@by_option
@with_book
def residents_merge(book, into_who, other_who, by):
    """Make B one with A when they are one person (a name typed twice): B's entries of
    months not final move to A, each voided and recorded again on the log; B is retired.
    Needs the committee PIN.

    Entries of final months stay with B, as the posted boards showed them."""
    from villagebook import merging, people

    into, other = people.find_resident(book, into_who), people.find_resident(book, other_who)
    committee_pin(book, "residents merge")
    done = merging.merge(book, into, other, actor_of(book, by))
    click.echo(t("merge.done", other=done.other.label(), into=done.into.label(),
                 moved=done.moved))
    if done.kept_final:
        click.echo(t("merge.kept_final", count=done.kept_final, other=done.other.label()))


@residents.command("import")
@click.argument("csv_file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("--same-name", type=click.Choice(["new", "skip"]),
              help="A name already in the book in another household: another person (new) "
                   "or the same one (skip). Asked at a terminal when left out.")
@by_option
@with_book
def residents_import(book, csv_file, same_name, by):
    """Import residents from a CSV of name,household,corner[,on_board] (all or nothing);
    comma, semicolon or tab; headers in Chinese or English, unknown columns skipped."""
    from villagebook import csvio
    from villagebook.cli.progress import Steps
    from villagebook.cli.terminal import has_terminal
    from villagebook.errors import BookError

    ignored: list[str] = []
    try:
        with Steps("import.progress") as progress:  # a copy first, then a township's
            added, skipped = csvio.import_residents(book, csv_file, actor_of(book, by),
                                                    same_name, ignored, progress.tell)
    except BookError as exc:
        if exc.key != "csv.same_name" or same_name or not has_terminal():
            raise
        click.echo(str(exc))
        choice = click.prompt(t("csv.same_name_ask"), type=click.Choice(["new", "skip"]))
        ignored.clear()
        with Steps("import.progress") as progress:
            added, skipped = csvio.import_residents(book, csv_file, actor_of(book, by),
                                                    choice, ignored, progress.tell)
    if ignored:
        click.echo(t("csv.ignored", columns="、".join(c or "-" for c in ignored)))
    click.echo(t("resident.imported", added=added, skipped=skipped))


@residents.command("list")
@click.option("--corner", help="Only this corner.")
@format_option
@with_book
def residents_list(book, corner, fmt):
    """List residents."""
    from villagebook import people

    found = people.list_residents(book, corner)
    emit(["id", "name", "household", "corner", "on_board"],
         lambda: [[r.id[:8], r.name, r.household, r.corner, t("yes" if r.on_board else "no")]
                  for r in found], fmt,
         lambda: [{"id": r.id, "name": r.name, "pinyin": r.pinyin, "initials": r.initials,
                   "household": r.household, "corner": r.corner, "on_board": r.on_board}
                  for r in found])
