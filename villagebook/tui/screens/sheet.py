"""月表 Month sheet: the month's tally with cumulative points, sortable, by corner."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Footer, Header, Label

from villagebook import people, tally
from villagebook.i18n import t
from villagebook.quantities import fmt_points
from villagebook.tui.screens.base import BaseScreen

SORTS = ("points", "cumulative", "name", "corner")


def shift_month(month: str, step: int) -> str:
    year, mon = map(int, month.split("-"))
    index = year * 12 + mon - 1 + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


class SheetScreen(BaseScreen):
    BINDINGS = [
        Binding("left_square_bracket,p", "month(-1)", "ui.k.month", key_display="[ ]"),
        Binding("right_square_bracket,n", "month(1)", "", show=False),
        Binding("s", "sort", "ui.k.sort"),
        Binding("c", "corner", "ui.k.corner"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(id="sheet-title", classes="screen-title")
        yield DataTable(id="sheet", cursor_type="row", zebra_stripes=True)
        yield Label(id="sheet-totals", classes="totals")
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.month = self.app.today.strftime("%Y-%m")
        self.sort_key = "points"
        self.corner: str | None = None
        super().on_mount()
        self.query_one(DataTable).focus()

    def relabel(self) -> None:
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns(t("h.name"), t("h.corner"), t("h.entries"), t("ui.month_points"),
                          t("ui.cumulative"), t("h.stars"), t("h.flags"))
        self.refresh_data()

    def refresh_data(self) -> None:
        sheet = tally.month_sheet(self.book, self.month)
        cumulative = tally.cumulative_points(self.book, self.month)
        lines = [ln for ln in sheet.lines if self.corner in (None, ln.corner)]
        order = {
            "points": lambda ln: (-ln.points_c, ln.name),
            "cumulative": lambda ln: (-cumulative.get(ln.resident_id, 0), ln.name),
            "name": lambda ln: ln.name,
            "corner": lambda ln: (ln.corner, -ln.points_c),
        }[self.sort_key]
        table = self.query_one(DataTable)
        table.clear()
        for ln in sorted(lines, key=order):
            numbers = (ln.entries, fmt_points(ln.points_c),
                       fmt_points(cumulative.get(ln.resident_id, 0)), ln.stars, ln.flags)
            table.add_row(ln.name, ln.corner, *(Text(str(n), justify="right") for n in numbers),
                          key=ln.resident_id)
        total = sum(ln.points_c for ln in lines)
        corner = self.corner or t("ui.all_corners")
        self.query_one("#sheet-title", Label).update(
            f"{t('ui.sheet_title', month=self.month)} · {corner} · "
            + t("ui.sorted_by", key=t({"points": "ui.month_points", "cumulative":
                                       "ui.cumulative", "name": "h.name",
                                       "corner": "h.corner"}[self.sort_key])))
        self.query_one("#sheet-totals", Label).update(t(
            "ui.sheet_totals", count=len(lines), entries=sum(ln.entries for ln in lines),
            points=fmt_points(total)))

    def action_month(self, step: int) -> None:
        later = shift_month(self.month, step)
        if later <= date.today().strftime("%Y-%m") or step < 0:
            self.month = later
            self.refresh_data()

    def action_sort(self) -> None:
        self.sort_key = SORTS[(SORTS.index(self.sort_key) + 1) % len(SORTS)]
        self.refresh_data()

    def action_corner(self) -> None:
        options = [None, *people.corners(self.book)]
        self.corner = options[(options.index(self.corner) + 1) % len(options)]
        self.refresh_data()
