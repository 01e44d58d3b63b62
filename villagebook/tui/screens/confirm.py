"""A yes/no modal: y says yes, Esc or n says no; Enter presses the focused button (no).

No is focused, so an Enter meant for the screen below cancels rather than agrees; ←/→
(or Tab) move between the two buttons. A longer message wraps inside the dialog (never
cut at 80x24), and a hint line says which keys answer (a default one if none is
given). Subclasses with ARM_SECONDS ignore an early yes (see Modal).
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label

from villagebook.i18n import t
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
        Binding("left", "move(-1)", show=False),
        Binding("right", "move(1)", show=False),
    ]

    def __init__(self, question: str, yes: str, no: str, message: str = "", hint: str = ""):
        super().__init__()
        self.question, self.yes, self.no = question, yes, no
        self.message, self.hint = message, hint or t("ui.yes_no_keys")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.question, classes="dialog-title", markup=False)
            if self.message:
                yield Label(self.message, classes="dialog-text", markup=False)
            yield Label(self.hint, classes="dialog-hint", markup=False)
            with Horizontal(classes="buttons"):
                yield Button(self.no, id="no")
                yield Button(self.yes, id="yes", variant="error")

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    def action_move(self, step: int) -> None:
        """←/→: the focus to the other button (no and yes, in the order shown)."""
        buttons = list(self.query(Button))
        at = buttons.index(self.focused) if self.focused in buttons else 0
        buttons[(at + step) % len(buttons)].focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        self.action_answer(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        if answer and not self.armed():
            return  # typed ahead: the dialog was not on screen long enough to be read
        self.close(answer)
