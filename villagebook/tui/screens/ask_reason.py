"""A modal that asks why (a void, an early finalize); Enter with a reason, Esc cancels.

The title and an optional message wrap inside the dialog rather than being cut at 80x24.
The placeholder and the "empty" error name what is asked (default: a void's reason).
Subclasses with ARM_SECONDS ignore an early Enter (see Modal).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from villagebook.i18n import t
from villagebook.tui.screens.modal import Modal


class AskReason(Modal):
    DEFAULT_CSS = """
    AskReason .dialog-title, AskReason .dialog-text, AskReason .dialog-hint { width: 100%; }
    AskReason .dialog-text { margin: 0 0 1 0; }
    AskReason .dialog-hint { color: $text-muted; }
    """
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, title: str, message: str = "", placeholder: str | None = None,
                 field: str = "reason", hint: str = ""):
        super().__init__()
        self.title_text, self.message, self.hint = title, message, hint
        self.placeholder = placeholder if placeholder is not None else t("ui.void_reason")
        self.field = field

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            if self.message:
                yield Label(self.message, classes="dialog-text", markup=False)
            yield Input(placeholder=self.placeholder, id="reason")
            yield Label("", id="reason-error", classes="error", markup=False)
            if self.hint:
                yield Label(self.hint, classes="dialog-hint", markup=False)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        reason = event.value.strip()
        if not reason:
            self.query_one("#reason-error", Label).update(t("field.empty", field=self.field))
            return
        if not self.armed():
            return  # typed ahead: the dialog was not on screen long enough to be read
        self.close(reason)

    def action_cancel(self) -> None:
        self.close(None)
