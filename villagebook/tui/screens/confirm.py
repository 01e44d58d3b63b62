"""A yes/no modal: y says yes, Esc or n says no; Enter presses the focused button (no).

No is focused, so an Enter meant for the screen below cancels rather than agrees. A
longer message wraps inside the dialog (never cut at 80x24), and an optional hint line
says which key confirms. Subclasses with ARM_SECONDS ignore an early yes (see Modal).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from villagebook.tui.screens.modal import Modal


class Confirm(Modal):
    DEFAULT_CSS = """
    Confirm .dialog-title, Confirm .dialog-text { width: 100%; }
    Confirm .dialog-text { margin: 0 0 1 0; }
    Confirm .dialog-hint { width: 100%; color: $text-muted; }
    """
    BINDINGS = [
        Binding("escape,n", "answer(False)", show=False),
        Binding("y", "answer(True)", show=False),
    ]

    def __init__(self, question: str, yes: str, no: str, message: str = "", hint: str = ""):
        super().__init__()
        self.question, self.yes, self.no = question, yes, no
        self.message, self.hint = message, hint

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title", markup=False)
            if self.message:
                yield Label(self.message, classes="dialog-text", markup=False)
            if self.hint:
                yield Label(self.hint, classes="dialog-hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.no, id="no")
                yield Button(self.yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        if answer and not self.armed():
            return  # typed ahead: the dialog was not on screen long enough to be read
        self.close(answer)
