"""日志 Log: the audit log, newest first, searchable; it is only ever appended to."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Input, Label, Static

from villagebook import auditlog, logwords
from villagebook.i18n import t
from villagebook.tui.keybar import KeyBar
from villagebook.tui.plain import PlainTable
from villagebook.tui.screens.base import BaseScreen


class LogScreen(BaseScreen):
    BINDINGS = [Binding("slash", "search", "ui.k.search"),
                Binding("c", "verify_code", "ui.k.verify_code")]
    said: dict[str, str] = {}  # each shown line's sentence, by its number

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(id="log-title", classes="screen-title", markup=False)
        yield Input(id="log-search")
        yield PlainTable(id="log", cursor_type="row", zebra_stripes=True)
        yield Static(id="log-detail", markup=False)  # the whole sentence, wrapped
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(DataTable).focus()

    def relabel(self) -> None:
        self.query_one("#log-title", Label).update(t("ui.log_title"))
        self.query_one("#log-search", Input).placeholder = t("ui.k.search") + " /"
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns(t("h.seq"), t("h.at"), t("h.what"))

    @on(Input.Changed, "#log-search")
    def refresh_data(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        search = self.query_one("#log-search", Input).value
        names = logwords.Names(self.book)
        self.said = {}
        for line in auditlog.recent(self.book, 100, search):
            self.said[str(line.seq)] = words = logwords.words(line, names)
            table.add_row(str(line.seq), line.at[5:16].replace("T", " "), words,
                          key=str(line.seq))
        if not self.said:
            self.query_one("#log-detail", Static).update("")

    @on(DataTable.RowHighlighted, "#log")
    def show_whole_line(self, event: DataTable.RowHighlighted) -> None:
        """A long sentence is cut at 80 columns in the table: here it is whole."""
        self.query_one("#log-detail", Static).update(
            self.said.get(event.row_key.value, "") if event.row_key else "")

    def action_search(self) -> None:
        self.query_one("#log-search", Input).focus()

    @on(Input.Submitted, "#log-search")
    def to_table(self) -> None:
        self.query_one(DataTable).focus()

    def action_verify_code(self) -> None:
        """A fingerprint copied from a paper on the wall: does the history still hold it?"""
        from villagebook import witness
        from villagebook.errors import BookError
        from villagebook.tui.screens.ask_reason import AskReason

        def answer(text: str | None) -> None:
            if not text:
                return
            try:
                holds, words = witness.check_paper(self.book, text)
            except BookError as exc:
                holds, words = False, str(exc)
            self.query_one("#log-title", Label).update(words)
            self.notify(words, severity="information" if holds else "error", timeout=15)

        self.app.push_screen(AskReason(t("ui.code_title"), placeholder=t("ui.code_hint"),
                                       field="code"), answer)
