"""The `villagebook` command: thin click commands over the core modules.

Each command parses its options and calls one core function. A BookError (or any other
failure) becomes one line in the user's language and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import functools
import io
import json
import sqlite3
import sys
from pathlib import Path

import click

from villagebook import i18n
from villagebook.book import Book, default_path, system_user
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.quantities import fmt_points, fmt_points_short, parse_month

FORMATS = click.Choice(["table", "csv", "json"])


class UserError(click.ClickException):
    """One line, prefixed in the user's language."""

    def show(self, file=None) -> None:
        prefix = "错误：" if i18n.get_lang() == "zh" else "Error: "
        click.echo(prefix + self.format_message(), err=True)


class Group(click.Group):
    """A command group whose failures reach the user as one clear line."""

    def invoke(self, ctx):
        try:
            return super().invoke(ctx)
        except (click.exceptions.ClickException, click.exceptions.Exit, click.exceptions.Abort):
            raise
        except BookError as exc:
            raise UserError(str(exc)) from None
        except sqlite3.OperationalError as exc:
            if _is_write_failure(exc):
                raise UserError(t("book.readonly", why=exc) + _newest_backup()) from None
            raise UserError(t("book.error", why=exc)) from None
        except sqlite3.Error as exc:
            raise UserError(t("book.error", why=exc)) from None
        except OSError as exc:
            raise UserError(t("book.error", why=exc.strerror or exc)) from None
        except KeyboardInterrupt:
            raise click.exceptions.Abort() from None
        except Exception as exc:  # the last guard: no traceback reaches a user
            raise UserError(t("internal", why=f"{type(exc).__name__}: {exc}")) from None


def _newest_backup() -> str:
    from villagebook import backup

    newest = backup.newest()
    return t("book.newest_backup", path=newest) if newest else ""


def _is_write_failure(exc: sqlite3.OperationalError) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "full" in text or "disk" in text


# -- shared options, defined once -------------------------------------------------------
def _set_lang(ctx, param, value):
    if value:
        i18n.set_lang(value)
    return value


lang_option = click.option(
    "--lang", type=click.Choice(i18n.LANGS), envvar="VILLAGEBOOK_LANG", callback=_set_lang,
    expose_value=False, is_eager=True, help="Language of messages: zh (default) or en.",
)
db_option = click.option(
    "--db", "db_path", type=click.Path(dir_okay=False, path_type=Path), envvar="VILLAGEBOOK_DB",
    help="The book file (default: the user's data folder; or VILLAGEBOOK_DB).",
)
format_option = click.option("--format", "fmt", type=FORMATS, default="table", show_default=True,
                             help="Output as an aligned table, CSV or JSON.")
by_option = click.option("--by", help="Who does this: a gatherer's name (default: the last one "
                                      "on this laptop).")


def with_book(command):
    """Add --db and --lang to a command and hand it the opened book."""

    @db_option
    @lang_option
    @functools.wraps(command)
    def wrapper(db_path, **kwargs):
        root = click.get_current_context().find_root()
        with open_book(db_path or root.params.get("db_path") or default_path()) as book:
            daily_backup(book)
            return command(book, **kwargs)

    return wrapper


def open_book(path: Path) -> Book:
    """The book, or one line saying it is damaged and where the newest backup is."""
    from villagebook import backup

    try:
        return Book.open(path)
    except BookError as exc:
        if exc.key in ("book.not_a_book", "book.too_new") and path.exists():
            newest = backup.newest()
            if newest is not None:
                raise BookError("book.damaged", path=path, backup=newest) from None
        raise


def daily_backup(book: Book) -> None:
    """Once a day on first use; a failure is said, never blocks the day's work."""
    from villagebook import backup

    try:
        backup.daily(book)
    except BookError as exc:
        click.echo(t("backup.warn", why=exc), err=True)


def committee_pin(book: Book) -> None:
    """Ask for the committee PIN (VILLAGEBOOK_PIN, or typed without echo) and check it."""
    import os

    from villagebook import committee, laptop

    if not committee.is_set(book):
        if not laptop.flag("pin_hint"):
            click.echo(t("pin.hint"), err=True)
            laptop.set_flag("pin_hint")
        return
    pin = os.environ.get("VILLAGEBOOK_PIN")
    if pin is None and has_terminal():
        pin = click.prompt(t("pin.prompt"), hide_input=True, default="", show_default=False)
    committee.check(book, pin)


def resolve_gatherer(book: Book, by: str | None) -> str:
    """The gatherer named by --by, else the one this laptop used last, else the only one.

    Remembered only once the write has succeeded (see remember)."""
    from villagebook import laptop, people

    if by:
        name = people.get_gatherer(book, by).name
    else:
        name = laptop.last_gatherer(book.path)
        known = people.list_gatherers(book)
        if name not in {g.name for g in known}:
            if len(known) != 1:
                raise BookError("gatherer.none")
            name = known[0].name
    return name


def remember(book: Book, gatherer: str) -> None:
    """After a write succeeded: this laptop's gatherer for next time."""
    from villagebook import laptop

    laptop.remember_gatherer(book.path, gatherer)


def actor_of(book: Book, by: str | None) -> str:
    """Who to name in the audit log for a committee-side write."""
    from villagebook import laptop

    return by or laptop.last_gatherer(book.path) or system_user()


def emit(header_keys: list[str], rows: list[list], fmt: str, json_value=None,
         numeric: set[int] = frozenset(), footer: list[str] | None = None) -> None:
    """Print rows as a table, CSV or JSON."""
    from villagebook import csvio, texttable

    if fmt == "json":
        click.echo(json.dumps(json_value, ensure_ascii=False, indent=2))
    elif fmt == "csv":
        out = io.StringIO()
        csvio.write_csv(out, header_keys, rows)
        click.echo(out.getvalue(), nl=False)
    elif not rows:
        click.echo(t("no_rows"))
    else:
        header = [t(f"h.{k}") for k in header_keys]
        click.echo(texttable.render(header, rows, numeric, footer))


# -- the commands --------------------------------------------------------------------------
def has_terminal() -> bool:
    """A person at a terminal, not a pipe or CI: only then does the UI start."""
    return sys.stdin.isatty() and sys.stdout.isatty()


def open_ui(book: Book) -> None:
    from villagebook.tui.app import make_app

    app = make_app(book)
    app.run()
    if app.crash_note:
        raise UserError(app.crash_note)


@click.group(cls=Group, invoke_without_command=True,
             context_settings={"help_option_names": ["-h", "--help"]})
@db_option
@lang_option
@click.version_option(package_name="villagebook")
@click.pass_context
def cli(ctx, db_path):
    """villagebook 积分簿: record a village's contributions, tally the month, stars and flags.

    With no command at a terminal, opens the gatherer's screen on the book. Try
    `villagebook demo` for a demo village, or `villagebook init --village NAME`.
    """
    if ctx.invoked_subcommand is not None:
        return
    if not has_terminal():
        click.echo(ctx.get_help())
        return
    path = db_path or default_path()
    if not path.exists():
        raise UserError(t("ui.no_book", path=path))
    with open_book(path) as book:
        daily_backup(book)
        open_ui(book)


@cli.command()
@click.option("--village", required=True, help="The village's name, e.g. 夹矿马家村.")
@db_option
@lang_option
@by_option
def init(village, db_path, by):
    """Create a new book with the default catalogue."""
    path = db_path or click.get_current_context().find_root().params.get("db_path") \
        or default_path()
    with Book.create(path, village, actor=by) as book:
        from villagebook import settings

        click.echo(t("init.done", village=settings.load(book).village, path=book.path))


@cli.command()
@click.option("--keep", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the demo book here instead of a temporary folder.")
@lang_option
def demo(keep):
    """Build a demo village (about 120 residents, 3 months) and open it.

    At a terminal the gatherer's screen opens; in a pipe, this month's sheet is printed.
    """
    import tempfile

    from villagebook import demo as demo_village
    from villagebook import tally

    path = keep or Path(tempfile.mkdtemp(prefix="villagebook-demo-")) / "demo.db"
    with demo_village.build(path) as book:
        if has_terminal():
            open_ui(book)
            click.echo(t("demo.made", path=path))
            return
        click.echo(t("demo.made", path=path))
        click.echo("")
        _print_sheet(book, tally.month_sheet(book, parse_month(None)), "table", "sheet.title")


# -- catalogue ---------------------------------------------------------------------------
@cli.group(cls=Group)
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


# -- gatherers and residents ----------------------------------------------------------------
@cli.group(cls=Group)
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


@cli.group(cls=Group)
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


@residents.command("import")
@click.argument("csv_file", type=click.Path(dir_okay=False, path_type=Path))
@by_option
@with_book
def residents_import(book, csv_file, by):
    """Import residents from a CSV of name,household,corner[,on_board] (all or nothing)."""
    from villagebook import csvio

    added, skipped = csvio.import_residents(book, csv_file, actor=actor_of(book, by))
    click.echo(t("resident.imported", added=added, skipped=skipped))


@residents.command("list")
@click.option("--corner", help="Only this corner.")
@format_option
@with_book
def residents_list(book, corner, fmt):
    """List residents."""
    from villagebook import people

    found = people.list_residents(book, corner)
    rows = [[r.id[:8], r.name, r.household, r.corner, t("yes" if r.on_board else "no")]
            for r in found]
    data = [{"id": r.id, "name": r.name, "pinyin": r.pinyin, "initials": r.initials,
             "household": r.household, "corner": r.corner, "on_board": r.on_board}
            for r in found]
    emit(["id", "name", "household", "corner", "on_board"], rows, fmt, data)


# -- entries -------------------------------------------------------------------------------
def _what(entry) -> str:
    kind = entry.rule.rsplit(" ", 1)[-1]
    return "" if kind == "fixed" else f"{entry.quantity} {t(f'unit.{kind}')}"


@cli.command(context_settings={"ignore_unknown_options": True})
@click.argument("who")
@click.argument("category")
@click.argument("quantity", required=False)
@click.option("--date", "day", help="The day of the contribution (default today; 昨天 works).")
@click.option("--note", default="", help="What was done, e.g. 安装篮球架.")
@click.option("--late", is_flag=True,
              help="补记: the day's month is final; count it in this month, date kept.")
@click.option("--again", is_flag=True,
              help="The same entry was recorded in the last 24 hours and really happened twice.")
@by_option
@with_book
def record(book, who, category, quantity, day, note, late, again, by):
    """Record a contribution: WHO (name, pinyin initials or id) CATEGORY [QUANTITY]."""
    from villagebook import catalogue as cat_mod
    from villagebook import entries, people

    resident = people.find_resident(book, who)
    gatherer = resolve_gatherer(book, by)
    entry = entries.record(book, resident, category, quantity, gatherer, day=day, note=note,
                           late=late, again=again)
    remember(book, gatherer)
    what = " ".join(p for p in (cat_mod.get(book, entry.category).name, _what(entry)) if p)
    click.echo(t("entry.recorded", name=resident.name, points=fmt_points_short(entry.points_c),
                 what=what, day=entry.day, id=entry.id[:8]))


@cli.command()
@click.argument("entry_id")
@click.option("--reason", required=True, help="Why the entry is withdrawn.")
@by_option
@with_book
def void(book, entry_id, reason, by):
    """Void a mistaken entry with a reason (it stays in the book, out of the totals)."""
    from villagebook import entries

    gatherer = resolve_gatherer(book, by)
    entry = entries.void(book, entry_id, reason, gatherer)
    remember(book, gatherer)
    click.echo(t("entry.voided", id=entry.id[:8], name=entry.resident_name,
                 points=fmt_points(entry.points_c), reason=entry.void_reason))


@cli.command("entries")
@click.option("--month", help="Only this month (YYYY-MM).")
@click.option("--resident", "who", help="Only this resident.")
@format_option
@with_book
def entries_cmd(book, month, who, fmt):
    """List entries with their ids, voided ones marked."""
    from villagebook import catalogue as cat_mod
    from villagebook import entries, people

    rid = people.find_resident(book, who).id if who else None
    found = entries.entries_of(book, resident_id=rid, month=parse_month(month) if month else None)
    names = {c.code: c.name for c in cat_mod.categories(book, include_retired=True)}
    rows = [[e.id[:8], e.day, e.resident_name, names.get(e.category, e.category), e.quantity,
             fmt_points(e.points_c), e.recorded_by,
             f"{t('voided')}: {e.void_reason}" if e.voided_at else e.note]
            for e in found]
    data = [dict(vars(e), points=fmt_points(e.points_c)) for e in found]
    for item in data:
        del item["points_c"]
    emit(["id", "day", "name", "category", "quantity", "points", "by", "note"], rows, fmt, data,
         numeric={4, 5})


# -- tallies ---------------------------------------------------------------------------------
def _print_sheet(book, sheet, fmt: str, title_key: str) -> None:
    from villagebook import settings

    village = settings.load(book).village
    data = {
        "village": village,
        "period": sheet.period,
        "points_per_star": fmt_points_short(sheet.points_per_star_c),
        "stars_per_flag": sheet.stars_per_flag,
        "total": fmt_points(sheet.total_c),
        "lines": [line.as_dict() for line in sheet.lines],
    }
    keys = ["name", "household", "corner", "entries", "points", "stars", "flags", "loose_stars"]
    rows = [[ln.name, ln.household, ln.corner, ln.entries, fmt_points(ln.points_c), ln.stars,
             ln.flags, ln.loose_stars] for ln in sheet.lines]
    if fmt == "table":
        click.echo(t(title_key, village=village, period=sheet.period))
    footer = [t("total"), "", "", sheet.total_entries, fmt_points(sheet.total_c), "", "", ""]
    emit(keys, rows, fmt, data, numeric={3, 4, 5, 6, 7}, footer=footer)


@cli.command()
@click.argument("month", required=False)
@click.option("--all", "include_all", is_flag=True, help="Include residents with no entries.")
@format_option
@with_book
def tally(book, month, include_all, fmt):
    """The monthly sheet (月度汇总表) of MONTH (YYYY-MM, default this month)."""
    from villagebook import tally as tally_mod

    sheet = tally_mod.month_sheet(book, parse_month(month), include_all)
    _print_sheet(book, sheet, fmt, "sheet.title")


@cli.command()
@click.option("--since", help="First month counted (YYYY-MM; default the first).")
@click.option("--through", help="Last month counted (YYYY-MM; default this month).")
@click.option("--all", "include_all", is_flag=True, help="Include residents with no entries.")
@format_option
@with_book
def standings(book, since, through, include_all, fmt):
    """Cumulative points, stars and flags over a span of months."""
    from villagebook import tally as tally_mod

    sheet = tally_mod.standings(book, parse_month(since) if since else None,
                                parse_month(through), include_all)
    _print_sheet(book, sheet, fmt, "standings.title")


@cli.command()
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 100000))
@click.option("--search", help="Only lines that mention this (a name, an id, an action).")
@format_option
@with_book
def log(book, limit, search, fmt):
    """The audit log, newest first."""
    from villagebook import auditlog

    lines = auditlog.recent(book, limit, search or "")
    table = [[a.seq, a.at, a.actor, a.action, a.subject[:12],
              a.summary if len(a.summary) <= 60 else a.summary[:57] + "..."] for a in lines]
    emit(["seq", "at", "actor", "action", "subject", "detail"], table, fmt,
         [vars(a) for a in lines], numeric={0})


# -- printing --------------------------------------------------------------------------------
@cli.group("print", cls=Group)
def print_group():
    """Printouts (PDF): the board, the month's sheet, resident slips, the catalogue."""


def print_options(command):
    """-o, --paper, --send, --printer, --by-gatherer, and the book, for every printout."""
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

    month = parse_month(month) if kind != "catalogue" else parse_month(None)
    out = output or Path(f"{kind}-{month}.pdf" if kind != "catalogue" else "catalogue.pdf")
    done = publish.publish(book, kind, month, out, actor_of(book, actor), **options)
    for name, chars in done.missing.items():
        for char in chars:
            click.echo(t("print.missing_glyph", char=char, name=name), err=True)
    click.echo(t("print.done", what=t(f"what.{kind}"), path=done.path, pages=done.pages,
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
@print_options
def print_sheet(book, month, output, paper, send, printer, actor):
    """月度汇总表: the month's sheet, landscape, with totals and signature lines."""
    _publish(book, "sheet", month, output, send, printer, actor, paper=paper)


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


@cli.command()
@click.argument("pdf", type=click.Path(dir_okay=False, path_type=Path))
@with_book
def verify(book, pdf):
    """Check a printed PDF against the book's audit log (by its SHA-256)."""
    from villagebook import printlog

    try:
        data = pdf.read_bytes()
    except OSError as exc:
        raise BookError("file.unreadable", path=pdf, why=exc.strerror or exc) from None
    found = printlog.verify(book, data)
    if found is None:
        raise UserError(t("verify.unknown"))
    click.echo(t("verify.ok", at=found.at, actor=found.actor, what=t(f"what.{found.kind}"),
                 period=found.period, seq=found.seq))


# -- the month's cycle -------------------------------------------------------------------------
@cli.group(cls=Group)
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

    done = months.post(book, parse_month(month_text), actor_of(book, by))
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
    done = months.finalize(book, month, actor_of(book, by), early_reason)
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
    done = months.reopen(book, month, actor_of(book, by), reason)
    click.echo(t("month.reopened", month=done.month, reason=done.reopen_reason))


@cli.group(cls=Group)
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
@click.option("--void/--keep", "void", required=True,
              help="Void the entry (the objection is its reason) or keep it.")
@click.option("--because", required=True, help="The committee's reason.")
@by_option
@with_book
def objection_resolve(book, objection_id, void, because, by):
    """Resolve an objection by voiding the entry or keeping it, with a reason."""
    from villagebook import months

    done = months.resolve(book, objection_id, void, because, actor_of(book, by))
    click.echo(t("objection.settled", id=done.id[:8],
                 result=t(f"objection.{done.resolution}", because=done.because)))


@cli.group(cls=Group)
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


# -- backups and checks --------------------------------------------------------------------------
@cli.command("backup")
@click.argument("folder", required=False, type=click.Path(file_okay=False, path_type=Path))
@with_book
def backup_cmd(book, folder):
    """Write a consistent copy of the book (default folder keeps the last 30)."""
    from villagebook import backup

    click.echo(t("backup.done", path=backup.backup(book, folder)))


@cli.command()
@click.argument("source", type=click.Path(dir_okay=False, path_type=Path))
@db_option
@lang_option
def restore(source, db_path):
    """Replace the book with a backup (checked first; the current book is kept aside)."""
    from villagebook import backup

    path = db_path or click.get_current_context().find_root().params.get("db_path") \
        or default_path()
    aside = backup.restore(source, path)
    click.echo(t("restore.done", source=source, aside=aside))


@cli.command("check")
@with_book
def check_cmd(book):
    """Check the book: the file, its links, no negative points, the log, the seals."""
    from villagebook.check import check

    problems = check(book)
    if not problems:
        click.echo(t("check.ok"))
        return
    for problem in problems:
        click.echo(str(problem))
    raise click.exceptions.Exit(1)


# -- settings --------------------------------------------------------------------------------
@cli.group(cls=Group)
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
    emit(["key", "value"], [[k, v] for k, v in values.items()], fmt, values)


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


def main() -> None:
    """The console script: the CLI, with no traceback for any failure."""
    try:
        cli(prog_name="villagebook")
    except Exception as exc:  # pragma: no cover - Group.invoke already words failures
        click.echo(t("internal", why=exc), err=True)
        sys.exit(1)
