"""The keys, on one page: ? or F10 opens it, any key closes it."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, Static

from villagebook.i18n import t
from villagebook.tui.screens.modal import Modal


class HelpScreen(Modal):
    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("ui.help_title"), classes="dialog-title", markup=False)
            yield Static(t("ui.help"), markup=False)

    def on_key(self, event) -> None:
        event.stop()
        self.close(None)
