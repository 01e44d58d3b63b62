"""A modal that asks why (a void needs a reason); Esc cancels."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from villagebook.i18n import t
from villagebook.tui.screens.modal import Modal


class AskReason(Modal):
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str):
        super().__init__()
        self.title_text = title

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Input(placeholder=t("ui.void_reason"), id="reason")
            yield Label("", id="reason-error", classes="error", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        reason = event.value.strip()
        if not reason:
            self.query_one("#reason-error", Label).update(t("field.empty", field="reason"))
            return
        self.close(reason)

    def action_cancel(self) -> None:
        self.close(None)
