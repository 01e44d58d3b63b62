"""The villagebook app: one factory, seven screens switched with F1-F7, keyboard only.

Only the record screen is imported to start: each other screen (and the modules behind
it: printing, the tally, paper forms) is imported the first time its key is pressed, so
the first screen is on show sooner (issue 14: < 0.35 s).
"""

from __future__ import annotations

import importlib
import sqlite3
import traceback
from datetime import date

from textual import events
from textual.app import App
from textual.binding import Binding

from villagebook import i18n, laptop, people, settings
from villagebook.book import Book
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.tui.localized import translate_bindings
from villagebook.tui.screens.record import RecordScreen


def later(module: str, name: str):
    """A screen made by importing its module when it is first wanted."""
    def make():
        return getattr(importlib.import_module(f"villagebook.tui.screens.{module}"), name)()

    return make


class VillagebookApp(App):
    CSS_PATH = "app.tcss"
    ENABLE_COMMAND_PALETTE = False
    DEFAULT_MODE = "record"  # the app opens on it: no blank default screen made first
    MODES = {
        "record": RecordScreen,
        "residents": later("residents", "ResidentsScreen"),
        "sheet": later("sheet", "SheetScreen"),
        "board": later("board", "BoardScreen"),
        "catalogue": later("catalogue", "CatalogueScreen"),
        "log": later("log", "LogScreen"),
        "paper": later("paper", "PaperScreen"),
    }
    BINDINGS = [
        Binding("f1", "switch_mode('record')", "ui.k.record"),
        Binding("f2", "switch_mode('residents')", "ui.k.residents"),
        Binding("f3", "switch_mode('sheet')", "ui.k.sheet"),
        Binding("f4", "switch_mode('board')", "ui.k.board"),
        Binding("f5", "switch_mode('catalogue')", "ui.k.catalogue"),
        Binding("f6", "switch_mode('log')", "ui.k.log"),
        Binding("f7", "switch_mode('paper')", "ui.k.paper"),
        # capital letters too, where no text field has the focus (R P S B C L)
        *(Binding(letter, f"switch_mode('{mode}')", "", show=False) for letter, mode in (
            ("R", "record"), ("P", "residents"), ("S", "sheet"), ("B", "board"),
            ("C", "catalogue"), ("L", "log"))),
        Binding("f9", "toggle_lang", "ui.k.lang"),
        Binding("f10", "help", "ui.k.help"),
        Binding("question_mark", "help", "", show=False),
        Binding("ctrl+g", "choose_gatherer", "ui.k.gatherer", show=False),
        Binding("ctrl+q", "quit", "ui.k.quit", priority=True),
        Binding("ctrl+c", "quit", "", show=False, priority=True),
    ]

    def __init__(self, book: Book, gatherer: str | None = None, today: date | None = None,
                 notice: str = ""):
        super().__init__()
        self.notice = notice  # said once the screen is up (a failed backup)
        self.crash_note = ""
        self.live_screens: list = []
        self.book = book
        self.today = today or date.today()
        self.village = settings.load(book).village
        known = {g.name for g in people.list_gatherers(book)}
        remembered = gatherer or laptop.last_gatherer(book.path, "ui") or laptop.last_gatherer(
            book.path)  # the screen's own choice; at first, the command line's
        self.gatherer = remembered if remembered in known else None
        translate_bindings(self, refresh=False)  # the first frame shows them: set them now
        self.update_header()

    def on_mount(self) -> None:
        if self.notice:
            self.notify(self.notice, severity="warning", timeout=30)
        if self.gatherer is None:
            self.action_choose_gatherer()

    def _gatherer_chosen(self, name: str | None) -> None:
        if name:
            self.gatherer = name
            laptop.remember_gatherer(self.book.path, name, "ui")
            self.update_header()
            for screen in self.main_screens():
                if hasattr(screen, "gatherer_changed"):
                    screen.gatherer_changed()
        elif self.gatherer is None:
            self.exit()

    def update_header(self) -> None:
        self.title = f"{t('ui.title')} · {self.village}"
        self.sub_title = t("ui.header", gatherer=self.gatherer or "-", today=self.today.isoformat())

    def main_screens(self):
        return list(self.live_screens)

    def action_choose_gatherer(self) -> None:
        self.push_screen(later("choose_gatherer", "ChooseGatherer")(), self._gatherer_chosen)

    def action_help(self) -> None:
        self.push_screen(later("help", "HelpScreen")())

    def action_toggle_lang(self) -> None:
        i18n.set_lang("en" if i18n.get_lang() == "zh" else "zh")
        self.update_header()
        translate_bindings(self)
        for screen in self.main_screens():
            translate_bindings(screen)
            screen.relabel()
            screen.refresh_data()
            screen.show_keys()

    async def action_quit(self) -> None:
        """Quit, but never throw away a half-filled entry or resident form without asking."""
        open_screens = [*self.main_screens(), *self.screen_stack]
        if any(getattr(s, "is_dirty", lambda: False)() for s in open_screens):
            def answered(discard: bool | None) -> None:
                if discard:
                    self.exit()

            from villagebook.tui.screens.confirm import Confirm

            self.push_screen(Confirm(t("ui.discard"), t("ui.discard_yes"), t("ui.discard_no")),
                             answered)
        else:
            self.exit()


    async def on_event(self, event: events.Event) -> None:
        """Keys and pastes reach a screen that takes them itself (the record form) here,
        one by one in the order typed, before Textual spreads them over widget queues."""
        if isinstance(event, (events.Key, events.Paste)) and not event.is_forwarded:
            take = getattr(self.screen, "take_input", None)
            if take is not None and take(event):
                return
        await super().on_event(event)

    def _handle_exception(self, error: Exception) -> None:
        """At a real terminal no traceback reaches the gatherer: a refusal is shown as a
        notice and work goes on; anything else is written to a crash file, and the app
        closes with one line saying where. Tests (headless) see the real error."""
        if self.is_headless:
            super()._handle_exception(error)
        elif isinstance(error, BookError):
            self.notify(str(error), severity="error")
        elif isinstance(error, sqlite3.Error):
            self.notify(t("book.error", why=error), severity="error")
        else:
            self.crash_note = t("internal", why=f"{type(error).__name__}: {error}")
            path = laptop.crash_file()
            try:
                path.write_text("".join(traceback.format_exception(error)), encoding="utf-8")
                self.crash_note += " " + t("ui.crash_file", path=path)
            except OSError:
                pass
            self.exit(return_code=1)


def make_app(book: Book, gatherer: str | None = None, today: date | None = None,
             lang: str | None = None, notice: str = "") -> VillagebookApp:
    """The one factory: used by the CLI, the Pilot tests and the snapshot tests alike."""
    if lang:
        i18n.set_lang(lang)
    return VillagebookApp(book, gatherer=gatherer, today=today, notice=notice)
