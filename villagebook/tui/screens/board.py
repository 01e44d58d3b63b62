"""红榜 Board preview: the board as residents will see it, red stars and flags."""

from __future__ import annotations

from itertools import groupby

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Static

from villagebook import tally
from villagebook.i18n import t
from villagebook.printing import in_order  # 第2村 before 第10村, as on the printed board
from villagebook.quantities import fmt_points
from villagebook.texttable import pad
from villagebook.tui.keybar import KeyBar
from villagebook.tui.screens.base import BaseScreen
from villagebook.tui.screens.print_action import print_pdf
from villagebook.tui.title_bar import TitleBar

PERIODS = ("month", "year", "all")
STAR, FLAG = "★", "⚑"
MAX_DRAWN_FLAGS = 10
MAX_LINES = 300  # the preview: the top of the board, by corner; the printed board lists all


def marks(line: tally.Line) -> Text:
    """Flags then loose stars, in red; too many flags become one flag with ×N."""
    text = Text()
    if line.flags > MAX_DRAWN_FLAGS:
        text.append(f"{FLAG}×{line.flags}", style="bold red")
    elif line.flags:
        text.append(FLAG * line.flags, style="bold red")
    if line.flags and line.loose_stars:
        text.append(" ")
    text.append(STAR * line.loose_stars, style="red")
    return text


class BoardScreen(BaseScreen):
    BINDINGS = [
        Binding("p", "period", "ui.k.period"),
        Binding("ctrl+p", "print", "ui.k.print"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        with VerticalScroll(id="board-scroll"):
            yield Static(id="board", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        self.period = "month"
        super().on_mount()
        self.query_one("#board-scroll").focus()

    def sheet(self) -> tally.Sheet:
        """The top of the board (MAX_LINES of those on it, by points), and its count."""
        today, top = self.app.today, {"board_only": True, "top": MAX_LINES}
        if self.period == "month":
            return tally.month_sheet(self.book, today.strftime("%Y-%m"), **top)
        if self.period == "year":
            return tally.standings(self.book, f"{today.year}-01", today.strftime("%Y-%m"),
                                   **top)
        return tally.standings(self.book, None, today.strftime("%Y-%m"), **top)

    def refresh_data(self) -> None:
        sheet = self.sheet()
        shown = sheet.lines
        text = Text()
        text.append(t("ui.board_title", village=self.app.village,
                      period=t(f"ui.period.{self.period}")) + "\n", style="bold red")
        text.append(t("ui.board_rule", spf=sheet.stars_per_flag) + "\n\n", style="dim")
        text.append(t("ui.role_models") + "： ", style="bold")
        for ln in shown[:5]:
            text.append(f"{ln.name} {fmt_points(ln.points_c)}  ", style="bold red")
        text.append("\n")
        by_corner = sorted(shown, key=lambda ln: (in_order(ln.corner), -ln.points_c, ln.name))
        for corner, lines in groupby(by_corner, key=lambda ln: ln.corner):
            text.append(f"\n【{corner or '-'}】\n", style="bold")
            for ln in lines:
                text.append(pad(ln.name, 10) + pad(fmt_points(ln.points_c), 8, right=True) + "  ")
                text.append_text(marks(ln))
                text.append("\n")
        if not shown:
            text.append("\n" + t("no_rows"))
        elif sheet.count > len(shown):
            text.append("\n" + t("ui.more_on_board", count=sheet.count - len(shown)), style="dim")
        self.query_one("#board", Static).update(text)

    def action_print(self) -> None:
        print_pdf(self, "board", self.app.today.strftime("%Y-%m"), period=self.period)

    def action_period(self) -> None:
        self.period = PERIODS[(PERIODS.index(self.period) + 1) % len(PERIODS)]
        self.refresh_data()
