"""Ask for the committee PIN without showing it; Esc cancels.

The prompt names what the PIN is for ("村委会密码（定稿 2026-11）"): a PIN typed for one
thing is never mistaken for another.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from villagebook.i18n import t
from villagebook.tui.screens.modal import Modal


class PinPrompt(Modal):
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def __init__(self, action: str = ""):
        super().__init__()
        self.action = action  # what the PIN is for, e.g. "定稿 2026-11"

    def heading(self) -> str:
        return t("pin.prompt_for", action=self.action) if self.action else t("pin.prompt")

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.heading(), classes="dialog-title", markup=False)
            yield Input(password=True, id="pin")

    def on_mount(self) -> None:
        self.query_one("#pin", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        self.close(event.value)

    def action_cancel(self) -> None:
        self.close(None)


def with_committee_pin(screen, then, action: str = "") -> None:
    """Run then() for the committee: straight away if no PIN is set, else after a right one.

    action names what the PIN is asked for, in the prompt's title ("定稿 2026-11").
    """
    from villagebook import committee
    from villagebook.errors import BookError

    book = screen.app.book
    if not committee.is_set(book):
        then()
        return

    def checked(pin: str | None) -> None:
        if pin is None:
            return
        try:
            committee.check(book, pin, screen.app.gatherer, action)
        except BookError as exc:
            screen.notify(str(exc), severity="error")
            return
        then()

    screen.app.push_screen(PinPrompt(action), checked)
