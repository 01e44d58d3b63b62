"""纸表录入 Paper: a printed corner form keyed back with the paper beside the keyboard.

The table mirrors the page row by row and column by column (names and households already
there); every key goes to PaperKeys in the order typed, which keeps or refuses each value
as it is kept, and the table shows points per row and each column's sum beside its total
box. Ctrl+S saves the page in one write (paperkeying: totals checked, the page keyed
once); PgUp/PgDn change the page, Ctrl+N the form, Ctrl+P prints this month's forms.
"""

from __future__ import annotations

import functools

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Label

from villagebook import paperforms
from villagebook.errors import BookError
from villagebook.i18n import get_lang, t
from villagebook.quantities import fmt_points, quantity_text
from villagebook.tui.keybar import KeyBar
from villagebook.tui.paper_keys import DAY, NOTE, OTHER_NO, TOTAL, WHO, PaperKeys
from villagebook.tui.plain import PlainTable
from villagebook.tui.screens.base import BaseScreen
from villagebook.tui.title_bar import TitleBar

KEYS = {"enter", "tab", "backspace", "delete", "escape"}


class PaperScreen(BaseScreen):
    BINDINGS = [Binding("ctrl+s", "save", "ui.k.paper_save"),
                Binding("pagedown", "page(1)", "ui.k.paper_page"),
                Binding("pageup", "page(-1)", "", show=False),
                Binding("ctrl+n", "next_form", "ui.k.paper_form"),
                Binding("ctrl+d", "twice", "ui.k.paper_twice"),
                Binding("ctrl+p", "print_forms", "ui.k.paper_print")]
    keys: PaperKeys | None = None

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Label(id="paper-title", classes="screen-title", markup=False)
        table = PlainTable(id="paper", cursor_type="cell", zebra_stripes=True)
        table.can_focus = False  # every key comes to the screen, and on to PaperKeys
        yield table
        yield Label(id="paper-cell", markup=False)
        yield Label(id="paper-status", markup=False)
        yield KeyBar()

    def refresh_data(self) -> None:
        if self.keys is None or paperforms.keyed(self.book, self.keys.form.code,
                                                 self.keys.page):
            self.open_next()
        self.show()

    def open_next(self, after: str = "", start: str = "") -> None:
        """The first page not keyed yet of this month's forms (after the form `after`, or
        from the form `start` on: the next page of the form being keyed comes first)."""
        month = self.app.today.strftime("%Y-%m")
        codes = [r[0] for r in self.book.query(
            "SELECT code FROM paper_forms WHERE month = ? ORDER BY rowid", (month,))]
        if after in codes:
            codes = codes[codes.index(after) + 1:] + codes[:codes.index(after) + 1]
        elif start in codes:
            codes = codes[codes.index(start):] + codes[:codes.index(start)]
        for code in codes:
            form = paperforms.load(self.book, code)
            for page in range(1, len(form.pages) + 1):
                if not paperforms.keyed(self.book, code, page):
                    self.keys = PaperKeys(self.book, form, page, self.app.today)
                    return
        self.keys = None

    # -- keys ----------------------------------------------------------------------------
    def take_input(self, event) -> bool:
        """Called by the app for every key while this screen is on top: each goes to
        PaperKeys, or to this screen's keys (Ctrl+S, the pages), in the order typed. As a
        binding, Ctrl+S ran only when its key came back from the screen, after the keys
        typed behind it: a burst over two pages put the second page's cells on the first."""
        if self.keys is None or not isinstance(event, events.Key):
            return False
        own = {"ctrl+s": self.action_save, "pagedown": lambda: self.action_page(1),
               "pageup": lambda: self.action_page(-1), "ctrl+n": self.action_next_form,
               "ctrl+d": self.action_twice}.get(event.key)
        char = event.character
        if own is not None:
            own()
        elif event.key in KEYS or (char is not None and len(char) == 1 and char.isprintable()):
            self.keys.key(event.key, char)
            self.show()
        else:
            return False
        return True

    def action_page(self, step: int) -> None:
        if self.keys is None:
            return
        page = self.keys.page + step
        if 1 <= page <= len(self.keys.form.pages):
            self.keys = PaperKeys(self.book, self.keys.form, page, self.app.today)
            self.show()

    def action_next_form(self) -> None:
        self.open_next(self.keys.form.code if self.keys else "")
        self.show()

    def action_twice(self) -> None:
        """This page is keyed twice and the keyings compared before it is saved."""
        if self.keys is not None and self.keys.first is None:
            self.keys.twice = True
            self.keys.said, self.keys.said_kind = t("paper.twice_on"), "done"
            self.show()

    def _compared(self, keys: PaperKeys) -> bool:
        """Keyed twice: True once both keyings agree; else start the second or show where
        they differ (the cells to type again, with the paper in view)."""
        if not keys.twice:
            return True
        if keys.first is None:
            keys.second_pass()
            keys.said, keys.said_kind = t("paper.second"), "done"
            return False
        diffs = keys.differences()
        keys.differences_marked = {((r if r != TOTAL else "total"), c) for r, c, _, _ in diffs}
        if not diffs:
            return True
        where = "；".join(t("paper.diff", row=r if r != TOTAL else t("paper.total"), a=a or "—",
                           b=b or "—") for r, _, a, b in diffs[:3])
        keys.said, keys.said_kind = t("paper.differ", count=len(diffs), where=where), "error"
        return False

    def action_save(self) -> None:
        from villagebook import paperkeying

        keys = self.keys
        if keys is None:
            return
        if keys.typed.strip():  # a cell still open (refused, or not kept): never lost
            keys.said, keys.said_kind = t("paper.open_cell", row=keys.row or "-"), "error"
            self.show()
            return
        if not self._compared(keys):
            self.show()
            return
        try:
            planned = paperkeying.plan(self.book, keys.form, keys.page, keys.lines(),
                                       self.app.today)
            if not planned and not keys.empty_confirmed:  # a blank paper: Ctrl+S again
                keys.empty_confirmed = True
                keys.said, keys.said_kind = t("paper.empty"), "error"
                self.show()
                return
            paperkeying.check_totals(self.book, planned, keys.form, keys.totals)
            count = paperkeying.save(self.book, keys.form, keys.page, planned,
                                     self.app.gatherer, self.app.today)
        except BookError as exc:
            keys.said, keys.said_kind = str(exc), "error"
            self.show()
            return
        said = t("form.keyed", code=keys.form.code, page=keys.page, count=count,
                 points=fmt_points(sum(p.points_c for p in planned)))
        self.open_next(start=keys.form.code)
        if self.keys is not None:
            self.keys.said, self.keys.said_kind = said, "done"
        self.show(said)

    def action_print_forms(self) -> None:
        from villagebook.tui.screens.print_action import print_pdf

        month = self.app.today.strftime("%Y-%m")
        try:
            forms = [paperforms.issue(self.book, month, corner,
                                      paperforms.gatherer_of(self.book, corner), 7,
                                      self.app.gatherer, self.app.today)
                     for corner in paperforms.corners(self.book)]
        except BookError as exc:
            self.notify(str(exc), severity="error")
            return
        print_pdf(self, "forms", month, forms=forms)
        if self.keys is None:
            self.open_next()
        self.show()

    # -- what is shown -------------------------------------------------------------------
    def relabel(self) -> None:
        self.show()

    def show(self, said: str = "") -> None:
        title = self.query_one("#paper-title", Label)
        table = self.query_one(DataTable)
        keys = self.keys
        table.clear(columns=True)
        if keys is None:
            title.update(t("paper.none"))
            self._status(said, "done")
            self.query_one("#paper-cell", Label).update("")
            return
        form = keys.form
        title.update(t("paper.title", code=form.code, page=keys.page, pages=len(form.pages),
                       day=form.default_day(self.app.today)))
        names = self._names()
        table.add_columns(t("p.form_row"), t("h.name"), t("h.household"),
                          *(names[c][0] for c in form.columns), t("paper.no"),
                          t("paper.other"), t("p.form_day"), t("p.form_note"), t("h.points"))
        off = keys.off()
        for number, row in keys.rows.items():
            cell = functools.partial(self._cell, keys, number)
            chosen = keys.who.get(number)  # a blank row's resident, by the name written
            cells = [str(number), cell(WHO, row.name) or "·",
                     chosen.household if chosen else row.household,
                     *(self._mark(cell(c), number in off.get(c, ())) for c in form.columns),
                     cell(OTHER_NO), cell("other"), cell(DAY)[5:], cell(NOTE)[:4],
                     fmt_points(keys.row_points(number)) if keys.row_points(number) else ""]
            table.add_row(*cells)
        table.add_row(t("paper.total"), "", "", *(self._sum(keys, c) for c in form.columns),
                      "", "", "", "", fmt_points(sum(keys.points.values())))
        table.add_row(t("h.points"), "", "", *(fmt_points(keys.column_points(c))
                                               for c in form.columns),
                      "", fmt_points(keys.column_points("other")), "", "", "")
        self._cursor(table, keys, len(form.columns))
        self._status(said or keys.said, keys.said_kind or "done")

    def _names(self) -> dict[str, tuple[str, str]]:
        from villagebook import catalogue

        short = (lambda n: n[:2]) if get_lang() == "zh" else (lambda n: n.split()[0][:6])
        return {c.code: (short(c.name), t(f"unit.{c.kind}"))  # 80 columns: 义务 现金 物品
                for c in catalogue.categories(self.book, include_retired=True)}

    @staticmethod
    def _mark(text: str, suspect: bool) -> str:
        return f"{text}?" if suspect else text

    def _cell(self, keys: PaperKeys, number: int, column: str, default: str = "") -> str:
        """A cell's value; where two keyings differ, both: 200≠300."""
        value = keys.values.get((number, column), default)
        first = (keys.first or {}).get((number, column), "")
        if (number, column) in keys.differences_marked and first != value:
            return f"{first or '—'}≠{value or '—'}"
        return value

    @staticmethod
    def _sum(keys: PaperKeys, column: str) -> str:
        keyed = quantity_text(keys.column_sum(column))
        boxed = keys.totals.get(column)
        return f"{keyed}/{boxed}" if boxed else keyed

    def _cursor(self, table, keys: PaperKeys, n: int) -> None:
        line = self.query_one("#paper-cell", Label)
        if keys.row is None:
            table.move_cursor(row=min(keys.offered, len(keys.rows) + 1) - 1, column=0)
            line.update(t("paper.prompt", row=keys.offered) + keys.typed + "▏")
            return
        column = keys.column
        place = {WHO: 1, OTHER_NO: 3 + n, "other": 4 + n, DAY: 5 + n, NOTE: 6 + n}
        index = place.get(column, 3 + (keys.form.columns.index(column) if column in
                                       keys.form.columns else 0))
        row_index = len(keys.rows) if keys.row == TOTAL else keys.row - 1
        table.move_cursor(row=row_index, column=index)
        label = str(table.ordered_columns[index].label)
        where = t("paper.total") if keys.row == TOTAL else t("paper.row", row=keys.row)
        line.update(f"{where} · {label}：{keys.typed}▏")

    def _status(self, text: str, kind: str) -> None:
        status = self.query_one("#paper-status", Label)
        status.set_classes("error" if kind == "error" else "done")
        status.update(text)
