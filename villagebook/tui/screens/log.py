"""日志 Log: the audit log, newest first, searchable; it is only ever appended to."""

from __future__ import annotations

import time
from functools import partial

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Label, Static
from textual.worker import get_current_worker

from villagebook import auditlog, logwords
from villagebook.i18n import t
from villagebook.tui.keybar import KeyBar
from villagebook.tui.plain import PlainTable
from villagebook.tui.screens.base import BaseScreen
from villagebook.tui.title_bar import TitleBar


class LogScreen(BaseScreen):
    BINDINGS = [Binding("slash", "search", "ui.k.search"),
                Binding("c", "verify_code", "ui.k.verify_code")]
    said: dict[str, str] = {}  # each shown line's sentence, by its number
    searching = False  # the title says how a search went

    def compose(self) -> ComposeResult:
        yield TitleBar()
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
        """The newest hundred lines at once; a search runs aside (search_aside)."""
        self.query_one(DataTable).clear()
        self.said = {}
        self.query_one("#log-detail", Static).update("")
        search = self.query_one("#log-search", Input).value.strip()
        if not search:
            self.workers.cancel_group(self, "log-search")
            if self.searching:  # the title said how a search went: not any more
                self.query_one("#log-title", Label).update(t("ui.log_title"))
                self.searching = False
            self.show_lines(said(self.book, auditlog.recent(self.book, 100)))
            return
        self.run_worker(partial(self.search_aside, search, self.book.path), thread=True,
                        exclusive=True, group="log-search", exit_on_error=False)

    def on_screen_suspend(self) -> None:
        """Another screen is shown: a search still reading the log stops (it is started
        again when this screen comes back)."""
        self.workers.cancel_group(self, "log-search")

    def search_aside(self, search: str, path) -> None:
        """A search newest first, a span of the log at a time (auditlog.search_back), in a
        thread with its own connection: a township's log is 25 million lines, minutes to
        read whole, and the screen answers keys meanwhile; each key typed starts the
        search again and this one stops at its next span. The title says how far it is."""
        from villagebook.book import Book

        worker = get_current_worker()
        time.sleep(0.15)  # typing on: the next key's search takes this one's place
        if worker.is_cancelled:
            return
        with Book.open_readonly(path) as book:
            names = logwords.Names(book)
            for lines, low, newest in auditlog.search_back(book, search):
                if worker.is_cancelled:
                    return
                title = t("ui.log_searching", done=newest - low + 1, of=newest)
                self.app.call_from_thread(self.show_lines, said(book, lines, names), title,
                                          worker)
        self.app.call_from_thread(self.searched, worker)

    def show_lines(self, rows: list[tuple[str, str, str]], title: str = "", worker=None):
        """Lines added to the table (here, in the screen's own thread: a search typed over
        is cancelled here too, so its lines never arrive after the next one's)."""
        if worker is not None and worker.is_cancelled:
            return
        if title:
            self.query_one("#log-title", Label).update(f"{t('ui.log_title')} · {title}")
            self.searching = True
        table = self.query_one(DataTable)
        for seq, at, words in rows:
            self.said[seq] = words
            table.add_row(seq, at, words, key=seq)

    def searched(self, worker) -> None:
        if not worker.is_cancelled:
            self.query_one("#log-title", Label).update(
                f"{t('ui.log_title')} · {t('ui.log_found', n=len(self.said))}")
            self.searching = True

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


def said(book, lines, names=None) -> list[tuple[str, str, str]]:
    """Each line as the table shows it: its number, when, and its sentence (read in the
    thread that owns the book's connection)."""
    names = names or logwords.Names(book)
    return [(str(line.seq), line.at[5:16].replace("T", " "), logwords.words(line, names))
            for line in lines]
