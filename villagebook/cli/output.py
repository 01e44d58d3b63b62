"""How results reach the terminal: an aligned table, CSV or JSON, chosen by --format."""

from __future__ import annotations

import io
import json

import click

from villagebook.i18n import t
from villagebook.quantities import fmt_points, fmt_points_short


def emit(header_keys: list[str], rows, fmt: str, json_value=None,
         numeric: set[int] = frozenset(), footer: list[str] | None = None) -> None:
    """Print rows as a table, CSV or JSON, written as they are made (a township's list
    is 100,000 lines). rows and json_value may each be a function making them: only the
    format asked for is made."""
    if fmt == "json":
        _echo_json(json_value() if callable(json_value) else json_value)
        return
    rows = rows() if callable(rows) else rows
    if fmt == "csv":
        from villagebook import csvio  # (it reads residents' CSVs too: pypinyin, difflib)

        out = io.StringIO()
        csvio.write_csv(out, header_keys, rows)
        click.echo(out.getvalue(), nl=False)
    elif not rows:
        click.echo(t("no_rows"))
    else:
        from villagebook import texttable

        header = [t(f"h.{k}") for k in header_keys]
        _echo_in_pieces(line + "\n" for line in texttable.lines(header, rows, numeric, footer))


def _echo_json(value) -> None:
    """json.dumps(value, indent=2) as it is encoded: with indent, json encodes in Python,
    and the whole text of a township's 100,000 entries was some hundreds of MB of pieces."""
    encoder = json.JSONEncoder(ensure_ascii=False, indent=2)
    _echo_in_pieces(encoder.iterencode(value))
    click.echo()


def _echo_in_pieces(pieces, size: int = 2**16) -> None:
    held, length = [], 0
    for piece in pieces:
        held.append(piece)
        length += len(piece)
        if length >= size:
            click.echo("".join(held), nl=False)
            held, length = [], 0
    if held:
        click.echo("".join(held), nl=False)


def emit_sheet(book, sheet, fmt: str, title_key: str) -> None:
    """A tally sheet (the month's, or standings over months) with its title and totals."""
    from villagebook import settings

    village = settings.load(book).village

    def data() -> dict:
        return {
            "village": village,
            "period": sheet.period,
            "points_per_star": fmt_points_short(sheet.points_per_star_c),
            "stars_per_flag": sheet.stars_per_flag,
            "total": fmt_points(sheet.total_c),
            "lines": [line.as_dict() for line in sheet.lines],
            "count": sheet.count,
            "entries": sheet.total_entries,
        }

    keys = ["name", "household", "corner", "entries", "points", "stars", "flags", "loose_stars"]
    rows = [] if fmt == "json" else [
        [ln.name, ln.household, ln.corner, ln.entries, fmt_points(ln.points_c), ln.stars,
         ln.flags, ln.loose_stars] for ln in sheet.lines]
    if fmt == "table":
        click.echo(t(title_key, village=village, period=sheet.period))
    footer = [t("total"), "", "", sheet.total_entries, fmt_points(sheet.total_c), "", "", ""]
    emit(keys, rows, fmt, data, numeric={3, 4, 5, 6, 7}, footer=footer)
    if fmt == "table" and sheet.count > len(sheet.lines):  # --top: say what is left out
        click.echo(t("ui.first_rows", shown=len(sheet.lines), count=sheet.count))
