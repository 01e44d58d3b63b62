"""A paper page as a CSV grid, the same rows and columns as the paper: `forms grid` writes
it with the names filled in, a person (or a spreadsheet) fills in what the paper says,
and `forms key ... FILE` reads it back into paperkeying's lines and total boxes.

Columns, as on the paper: row, name, household, one per column of the form, the other
column's category number and quantity, day, note; the last line is the page's total boxes. Cells are
read by position, so a header in either language (or none) works.
"""

from __future__ import annotations

import io
import re
from pathlib import Path

from villagebook import csvio
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.paperforms import Form
from villagebook.paperkeying import OTHER, Line

TOTAL_WORDS = {"合计", "本页合计", "total", "page total"}


def header(form: Form, names: dict[str, str]) -> list[str]:
    return [t("p.form_row"), t("h.name"), t("h.household"),
            *(names[c] for c in form.columns), t("form.other_no"), t("form.other_qty"),
            t("p.form_day"), t("p.form_note")]


def write(form: Form, page: int, names: dict[str, str]) -> str:
    """The page's empty grid as CSV text (names and households of listed residents in)."""
    blank = [""] * (len(form.columns) + 4)
    rows = [[r.number, r.name, r.household, *blank] for r in form.page(page)]
    rows.append([t("p.form_total"), "", "", *blank])
    out = io.StringIO()
    csvio.write_csv(out, header(form, names), rows)
    return out.getvalue()


def page_in_name(path: Path) -> int | None:
    """The page a grid's file name says (F2026-11-东片-1-p2.csv: 2), as forms grid names it."""
    found = re.search(r"-p(\d+)\.csv$", Path(path).name, re.IGNORECASE)
    return int(found.group(1)) if found else None


def read(path: Path, form: Form, page: int) -> tuple[list[Line], dict[str, str]]:
    """The lines keyed and the total boxes (column -> text) of a filled grid. The grid must
    be this page's: every printed row there, in order, under the name printed on it (a
    grid of another page, or with a column added or lost, is refused, naming the row)."""
    n = len(form.columns)
    width = 3 + n + 4
    printed = form.page(page)
    lines, totals = [], {}
    for number, cells in csvio.read_rows(path):
        first = cells[0].strip().lstrip("'") if cells else ""
        if len(cells) != width and (first.isdigit() or first.lower() in TOTAL_WORDS):
            raise BookError("form.grid_width", line=number, got=len(cells), want=width)
        cells = [c.strip() for c in cells] + [""] * (width - len(cells))
        if first.lower() in TOTAL_WORDS:
            totals = dict(zip(form.columns, cells[3:3 + n], strict=True))
            continue
        if not first.isdigit():
            if lines or totals:
                raise BookError("form.grid_line", line=number, cell=first[:20])
            continue  # the header
        row = printed[len(lines)] if len(lines) < len(printed) else None
        if row is None or int(first) != row.number:
            raise BookError("form.grid_row", line=number, row=first, want=len(lines) + 1)
        if row.resident_id and cells[1].lstrip("'") != row.name:
            raise BookError("form.grid_name", row=row.number, page=page, printed=row.name,
                            found=cells[1][:20] or "—")
        values = dict(zip(form.columns, cells[3:3 + n], strict=True))
        other_no, other_qty, day, note = cells[3 + n:7 + n]
        values[OTHER] = other_qty
        who = cells[1] if not row.resident_id else ""
        lines.append(Line(row.number, day, values, other_no, note, who))
    if len(lines) != len(printed):
        raise BookError("form.grid_short", page=page, got=len(lines), want=len(printed))
    return lines, totals
