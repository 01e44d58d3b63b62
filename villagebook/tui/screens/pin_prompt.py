"""Ask for the committee PIN without showing it; Esc cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from villagebook.i18n import t
from villagebook.tui.screens.modal import Modal


class PinPrompt(Modal):
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("pin.prompt"), classes="dialog-title", markup=False)
            yield Input(password=True, id="pin")

    def on_mount(self) -> None:
        self.query_one("#pin", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.close(event.value)

    def action_cancel(self) -> None:
        self.close(None)
