"""The gatherer's daily work: record a contribution, void a mistaken one, list entries."""

from __future__ import annotations

import click

from villagebook.cli.actors import committee_pin, remember, resolve_gatherer
from villagebook.cli.helptext import Command
from villagebook.cli.options import by_option, format_option, with_book
from villagebook.cli.output import emit
from villagebook.i18n import get_lang, t
from villagebook.quantities import fmt_points, fmt_points_short, parse_month


def _what(entry) -> str:
    kind = entry.rule.rsplit(" ", 1)[-1]
    return "" if kind == "fixed" else f"{entry.quantity} {t(f'unit.{kind}')}"


@click.command(cls=Command, context_settings={"ignore_unknown_options": True})
@click.argument("who")
@click.argument("category")
@click.argument("quantity", required=False)
@click.option("--date", "day", help="The day of the contribution (default today; 昨天 works).")
@click.option("--note", default="", help="What was done, e.g. 安装篮球架.")
@click.option("--late", is_flag=True,
              help="补记: the day's month is final; count it in this month, date kept.")
@click.option("--again", is_flag=True,
              help="The same entry was recorded in the last 24 hours and really happened twice.")
@click.option("--old", is_flag=True,
              help="The day really is over a year back, or before the book's first month.")
@by_option
@with_book
def record(book, who, category, quantity, day, note, late, again, old, by):
    """Record a contribution: WHO (name, pinyin initials or id) CATEGORY [QUANTITY]."""
    from villagebook import catalogue as cat_mod
    from villagebook import entries, people

    resident = people.find_resident(book, who)
    gatherer = resolve_gatherer(book, by)
    entry = entries.record(book, resident, category, quantity, gatherer, day=day, note=note,
                           late=late, again=again, old=old)
    remember(book, gatherer)
    what = " ".join(p for p in (cat_mod.get(book, entry.category).name, _what(entry)) if p)
    click.echo(t("entry.recorded", name=resident.name, points=fmt_points_short(entry.points_c),
                 what=what, day=entry.day, id=entry.id[:8]))


@click.command(cls=Command)
@click.argument("entry_id")
@click.option("--reason", required=True, help="Why the entry is withdrawn.")
@by_option
@with_book
def void(book, entry_id, reason, by):
    """Void a mistaken entry with a reason (it stays in the book, out of the totals)."""
    from villagebook import entries

    gatherer = resolve_gatherer(book, by)
    target = entries.get_entry(book, entry_id)
    if entries.void_needs_pin(book, target, gatherer):  # another's entry, or one posted
        committee_pin(book, t("pin.for_void", id=target.id[:8], name=target.resident_name))
    entry = entries.void(book, entry_id, reason, gatherer)
    remember(book, gatherer)
    click.echo(t("entry.voided", id=entry.id[:8], name=entry.resident_name,
                 points=fmt_points(entry.points_c), reason=entry.void_reason))


@click.command("entries", cls=Command)
@click.option("--month", help="Only this month (YYYY-MM).")
@click.option("--resident", "who", help="Only this resident.")
@format_option
@with_book
def entries_cmd(book, month, who, fmt):
    """List entries with their ids: voided ones, 补 (late) and 增 (added while posted)
    marked, and what counts, as the month's sheet counts it."""
    from villagebook import catalogue as cat_mod
    from villagebook import entries, people

    rid = people.find_resident(book, who).id if who else None
    found = entries.entries_of(book, resident_id=rid, month=parse_month(month) if month else None)
    names = {c.code: c.name for c in cat_mod.categories(book, include_retired=True)}
    posted = dict(book.query("SELECT month, posted_at FROM months WHERE posted_at IS NOT NULL"))

    def added(e) -> bool:  # recorded after its month was put up (as the sheet's 增)
        return e.month in posted and e.recorded_at > posted[e.month]

    def marks(e) -> str:
        on = [t(f"mark.{k}") for k, yes in (("voided", e.voided_at), ("late", e.late),
                                           ("added", added(e))) if yes]
        return ("" if get_lang() == "zh" else " ").join(on)

    def rows() -> list[list]:
        return [[e.id[:8], e.day, e.resident_name, names.get(e.category, e.category),
                 e.quantity, fmt_points(e.points_c), marks(e), e.recorded_by,
                 f"{t('voided')}: {e.void_reason}" if e.voided_at else e.note] for e in found]

    def data() -> list[dict]:
        return [{**{k: v for k, v in e._asdict().items() if k != "points_c"},
                 "points": fmt_points(e.points_c), "added_during_posting": added(e)}
                for e in found]

    emit(["id", "day", "name", "category", "quantity", "points", "mark", "by", "note"], rows,
         fmt, data, numeric={4, 5})
    counted = [e for e in found if not e.voided_at]
    if fmt == "table" and found:
        click.echo(t("entries.counted", n=len(counted), points=fmt_points(
            sum(e.points_c for e in counted)), voided=len(found) - len(counted)))
