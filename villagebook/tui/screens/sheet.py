"""月表 Month sheet: the month's tally with cumulative points, sortable, by corner."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Label

from villagebook import months, people, tally
from villagebook.i18n import t
from villagebook.quantities import fmt_points
from villagebook.tui.keybar import KeyBar
from villagebook.tui.plain import PlainTable
from villagebook.tui.screens.base import BaseScreen
from villagebook.tui.screens.month_cycle import finalize_month, post_month
from villagebook.tui.screens.objections import ObjectionsScreen
from villagebook.tui.screens.print_action import print_pdf
from villagebook.tui.title_bar import TitleBar

SORTS = ("points", "cumulative", "name", "corner")
MAX_ROWS = 100  # screenfuls; the CLI and the printed sheet list everyone (c filters)


def shift_month(month: str, step: int) -> str:
    year, mon = map(int, month.split("-"))
    index = year * 12 + mon - 1 + step
    return f"{index // 12:04d}-{index % 12 + 1:02d}"


class SheetScreen(BaseScreen):
    DEFAULT_CSS = """
    SheetScreen #sheet-title { text-wrap: nowrap; text-overflow: ellipsis; }
    """
    BINDINGS = [
        Binding("left_square_bracket,p", "month(-1)", "ui.k.month", key_display="[ ]"),
        Binding("right_square_bracket,n", "month(1)", "", show=False),
        Binding("s", "sort", "ui.k.sort"),
        Binding("c", "corner", "ui.k.corner"),
        Binding("ctrl+p", "print", "ui.k.print"),
        Binding("g", "post", "ui.k.post"),
        Binding("y", "objections", "ui.k.objections"),
        Binding("d", "finalize", "ui.k.finalize"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Label(id="sheet-title", classes="screen-title", markup=False)
        yield PlainTable(id="sheet", cursor_type="row", zebra_stripes=True)
        yield Label(id="sheet-totals", classes="totals", markup=False)
        yield KeyBar()

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

    def refresh_data(self) -> None:
        if self.sort_key == "points":  # the sheet's own order: its top, from the index
            sheet = tally.month_sheet(self.book, self.month, corner=self.corner, top=MAX_ROWS)
            shown, cumulative = sheet.lines, None
        else:
            sheet = tally.month_sheet(self.book, self.month, corner=self.corner)
            shown, cumulative = self.sorted_lines(sheet.lines)
            shown = shown[:MAX_ROWS]
        if cumulative is None:  # only the shown lines need it: one indexed query
            cumulative = tally.cumulative_points(self.book, self.month,
                                                 [ln.resident_id for ln in shown])
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows(
            [ln.name, ln.corner, *(Text(str(n), justify="right") for n in (
                ln.entries, fmt_points(ln.points_c), fmt_points(cumulative.get(ln.resident_id, 0)),
                ln.stars, ln.flags))]
            for ln in shown
        )
        self.query_one("#sheet-title", Label).update(self.title_line(sheet.count))
        self.query_one("#sheet-totals", Label).update(t(
            "ui.sheet_totals", count=sheet.count, entries=sheet.total_entries,
            points=fmt_points(sheet.total_c)))

    def sorted_lines(self, lines: list) -> tuple[list, dict | None]:
        """The lines in the order chosen with s, and everyone's cumulative points when
        that is the order (else None: only the shown lines' are read)."""
        if self.sort_key == "cumulative":
            cumulative = tally.cumulative_points(self.book, self.month)
            return sorted(lines, key=lambda ln: (-cumulative.get(ln.resident_id, 0),
                                                 ln.name)), cumulative
        return sorted(lines, key={"name": lambda ln: ln.name,
                                  "corner": lambda ln: (ln.corner, -ln.points_c)}[self.sort_key]
                      ), None

    def title_line(self, count: int) -> str:
        """One line, most needed first: the month, its state (what g and d act on), then
        the view. A line too long for the screen is cut at its end, never wrapped."""
        st = months.status(self.book, self.month)
        parts = [t("ui.sheet_title", month=self.month)]
        if st.state == "posted":
            parts.append(t("ui.sheet_until", state=st.state, until=st.objection_until))
            if st.unresolved:
                parts.append(t("ui.open_objections", count=len(st.unresolved)))
        else:
            parts.append(t(f"state.{st.state}"))
        if st.reopened_at:
            parts.append(t("ui.reopened"))
        sort_name = t({"points": "ui.month_points", "cumulative": "ui.cumulative",
                       "name": "h.name", "corner": "h.corner"}[self.sort_key])
        parts += [self.corner or t("ui.all_corners"), t("ui.sorted_by", key=sort_name)]
        if count > MAX_ROWS:
            parts.append(t("ui.first_rows_short", shown=MAX_ROWS, count=count))
        return " · ".join(parts)

    def action_month(self, step: int) -> None:
        later = shift_month(self.month, step)
        if later <= date.today().strftime("%Y-%m") or step < 0:
            self.month = later
            self.refresh_data()

    def action_print(self) -> None:
        print_pdf(self, "sheet", self.month)

    # -- the month's cycle, for the committee (month_cycle: dialogs that cannot misfire) --
    def month_changed(self, message: str) -> None:
        self.notify(message)
        self.refresh_data()

    def action_post(self) -> None:
        post_month(self)

    def action_objections(self) -> None:
        self.app.push_screen(ObjectionsScreen(self.month), lambda _: self.refresh_data())

    def action_finalize(self) -> None:
        finalize_month(self)

    def action_sort(self) -> None:
        self.sort_key = SORTS[(SORTS.index(self.sort_key) + 1) % len(SORTS)]
        self.refresh_data()

    def action_corner(self) -> None:
        options = [None, *people.corners(self.book)]
        self.corner = options[(options.index(self.corner) + 1) % len(options)]
        self.refresh_data()
