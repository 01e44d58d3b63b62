"""Keying a paper page, one key at a time, as the eye goes down the paper (纸表录入).

A plain object the screen feeds every key to, in the order typed, so a burst typed ahead of
the screen is applied exactly as a slow one. Two places the keys go:

- the row prompt: digits name a row, Enter goes there (Enter alone: the next row); past
  the last row, Enter goes to the page's total boxes;
- a cell: digits (or a name, a note) are its value; Tab keeps it and goes to the next
  cell of the row, Enter keeps it and ends the row (back to the prompt, the next row
  offered). An empty Tab or Enter skips a cell; Delete empties it; Esc drops what was
  typed in the cell and goes back to the prompt.

Each value is checked as it is kept (a quantity the rule refuses, a day outside the form's
month, a name not in the book): the cell stays open with the reason shown. A page with 30
rows and 10 filled cells takes one key a row that has something (Enter after its number)
and one a cell (Enter or Tab), the digits aside.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from villagebook import entries, people
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.paperforms import Form
from villagebook.paperkeying import OTHER, Line, blank_row_resident, day_written, suspects
from villagebook.people import clean_text
from villagebook.quantities import parse_quantity

TOTAL = 0  # the row number of the total boxes' row, after the last row
OTHER_NO, DAY, NOTE, WHO = "other_no", "day", "note", "who"


class PaperKeys:
    def __init__(self, book, form: Form, page: int, today: date):
        self.book, self.form, self.page, self.today = book, form, page, today
        self.rows = {r.number: r for r in form.page(page)}
        self.values: dict[tuple[int, str], str] = {}
        self.who: dict[int, people.Resident] = {}
        self.points: dict[tuple[int, str], int] = {}
        self.totals: dict[str, str] = {}
        self.row: int | None = None  # None: the prompt
        self.col = 0
        self.typed = ""
        self.offered = 1  # the row Enter alone goes to
        self.said, self.said_kind = "", ""
        self.twice = False  # keyed twice, compared cell by cell before it is saved
        self.empty_confirmed = False  # a page with nothing on it: saved on a second Ctrl+S
        self.first: dict | None = None  # the first keying, while the second is typed
        self.differences_marked: set = set()  # cells shown as differing, to type again

    # -- keying twice --------------------------------------------------------------------
    def second_pass(self) -> None:
        """Put the first keying aside and start again on an empty page."""
        self.first = {**self.values, **{("total", c): v for c, v in self.totals.items()}}
        self.values, self.points, self.totals, self.who = {}, {}, {}, {}
        self.row, self.typed, self.offered = None, "", 1

    def differences(self) -> list[tuple[int, str, str, str]]:
        """(row, column, first, second) for every cell the two keyings disagree on."""
        if self.first is None:
            return []
        second = {**self.values, **{("total", c): v for c, v in self.totals.items()}}
        found = [(k, self.first.get(k, ""), second.get(k, ""))
                 for k in sorted(set(self.first) | set(second), key=str)
                 if self.first.get(k, "") != second.get(k, "")]
        return [(TOTAL if r == "total" else r, c, a, b) for (r, c), a, b in found]

    # -- the layout ------------------------------------------------------------------
    def columns(self, row: int) -> list[str]:
        if row == TOTAL:
            return list(self.form.columns)
        lead = [WHO] if not self.rows[row].resident_id else []
        return [*lead, *self.form.columns, OTHER_NO, OTHER, DAY, NOTE]

    @property
    def column(self) -> str | None:
        return None if self.row is None else self.columns(self.row)[self.col]

    # -- keys ------------------------------------------------------------------------
    def key(self, key: str, char: str | None = None) -> None:
        self.said = ""
        if key in ("enter", "tab"):
            self._keep(end_row=key == "enter")
        elif key == "backspace":
            self.typed = self.typed[:-1]
        elif key == "delete" and self.row is not None:
            self.typed = ""
            self.values.pop((self.row, self.column), None)
            self.points.pop((self.row, self.column), None)
            if self.first is not None and (self.row, self.column) in self.differences_marked:
                self.first.pop((self.row, self.column), None)  # empty on the paper: agreed
        elif key == "escape":
            self.typed, self.row = "", None
        elif char and char.isprintable() and len(char) == 1:
            self.typed += char

    def _keep(self, end_row: bool) -> None:
        typed, self.typed = self.typed.strip(), ""
        if self.row is None:
            return self._go(typed)
        if typed:
            try:
                self._set(self.row, self.column, typed)
            except BookError as exc:
                self.typed, self.said, self.said_kind = typed, str(exc), "error"
                return
        if self.row == TOTAL and (end_row or self.col + 1 == len(self.columns(TOTAL))):
            self.row = None
            self._check_totals()
            return
        if end_row or self.col + 1 == len(self.columns(self.row)):
            self.offered, self.row = min(self.row + 1, len(self.rows) + 1), None
        else:
            self.col += 1

    def _go(self, typed: str) -> None:
        if typed and not typed.isdigit():
            self.said, self.said_kind = t("paper.row_digits"), "error"
            return
        target = int(typed) if typed else self.offered
        if target == len(self.rows) + 1 or (not typed and target > len(self.rows)):
            self.row, self.col = TOTAL, 0
        elif target in self.rows:
            self.row, self.col = target, 0
        else:
            self.said, self.said_kind = t("form.no_row", page=self.page, row=target), "error"

    def _set(self, row: int, column: str, typed: str) -> None:
        """Keep a value the rules accept, with its points; a refusal says why."""
        if row == TOTAL:
            parse_quantity(typed, "total")
            self.totals[column] = typed
            self._agreed(("total", column), typed)
            return
        if column == WHO:
            self.who[row] = blank_row_resident(self.book, self.form, typed)
            typed = self.who[row].name
        elif column == DAY:
            typed = day_written(self.form, typed, self.today).isoformat()
        elif column == NOTE:
            typed = clean_text(typed, "note", limit=200)
        elif column == OTHER_NO:
            if not typed.isdigit() or not 1 <= int(typed) <= len(self.form.others):
                raise BookError("form.other_number", number=typed, last=len(self.form.others))
            self.points.pop((row, OTHER), None)
            cat = self.form.others[int(typed) - 1]
            if entries.catalogue.get(self.book, cat).kind == "fixed":  # the number is enough
                self.points[(row, OTHER)] = entries.preview(self.book, cat, None)[2]
        else:
            category = self._category(row, column)
            self.points[(row, column)] = entries.preview(self.book, category, typed)[2]
        self.values[(row, column)] = typed
        self._agreed((row, column), typed)

    def _agreed(self, cell, typed: str) -> None:
        """A cell the two keyings disagreed on, typed again with the paper in view: that
        value stands for both."""
        if self.first is not None and cell in self.differences_marked:
            self.first[cell] = typed

    def _category(self, row: int, column: str) -> str:
        if column != OTHER:
            return column
        number = self.values.get((row, OTHER_NO), "")
        if not number:
            raise BookError("form.other_number", number="?", last=len(self.form.others))
        return self.form.others[int(number) - 1]

    # -- what the page adds up to --------------------------------------------------------
    def row_points(self, row: int) -> int:
        return sum(p for (r, _), p in self.points.items() if r == row)

    def column_points(self, column: str) -> int:
        return sum(p for (_, c), p in self.points.items() if c == column)

    def column_sum(self, column: str) -> Decimal:
        return sum((parse_quantity(v) for (_, c), v in self.values.items() if c == column),
                   Decimal(0))

    def off(self) -> dict[str, list[int]]:
        """Each total box that its column does not add up to, with the rows that could
        explain the gap (paperkeying.suspects)."""
        found = {}
        for column, boxed in self.totals.items():
            gap = abs(parse_quantity(boxed) - self.column_sum(column))
            if gap:
                cells = [(r, parse_quantity(v)) for (r, c), v in self.values.items()
                         if c == column]
                found[column] = suspects(cells, gap)
        return found

    def lines(self) -> list[Line]:
        out = []
        for number in self.rows:
            cells = {c: self.values.get((number, c), "") for c in (*self.form.columns, OTHER)}
            out.append(Line(number, self.values.get((number, DAY), ""), cells,
                            self.values.get((number, OTHER_NO), ""),
                            self.values.get((number, NOTE), ""),
                            self.values.get((number, WHO), "")))
        return out

    def _check_totals(self) -> None:
        from villagebook import paperkeying

        try:
            planned = paperkeying.plan(self.book, self.form, self.page, self.lines(), self.today)
            paperkeying.check_totals(self.book, planned, self.form, self.totals)
        except BookError as exc:
            self.said, self.said_kind = str(exc), "error"
            return
        self.said, self.said_kind = t("paper.totals_ok"), "done"
