"""A modal form to add or correct a resident: name, household, corner, on the board."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Checkbox, Input, Label

from villagebook import people
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.tui.screens.modal import Modal


class OnBoardBox(Checkbox, inherit_bindings=False):
    """Space ticks it; Enter is left to the form, which saves."""

    BINDINGS = [Binding("space", "toggle_button", show=False)]


class ResidentForm(Modal):
    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("enter", "save", show=False),
    ]

    def __init__(self, resident: people.Resident | None):
        super().__init__()
        self.resident = resident

    def compose(self) -> ComposeResult:
        r = self.resident
        with Vertical(classes="dialog"):
            yield Label(t("ui.resident_form"), classes="dialog-title", markup=False)
            yield Input(r.name if r else "", placeholder=t("h.name"), id="r-name")
            yield Input(r.household if r else "", placeholder=t("h.household"), id="r-household")
            yield Input(r.corner if r else "", placeholder=t("h.corner"), id="r-corner")
            yield OnBoardBox(t("ui.on_board"), r.on_board if r else True, id="r-on-board")
            yield Label("", id="r-error", classes="error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#r-name", Input).focus()

    def on_input_submitted(self) -> None:
        self.action_save()

    def action_save(self) -> None:
        name, household, corner = (self.query_one(f"#r-{f}", Input).value
                                   for f in ("name", "household", "corner"))
        on_board = self.query_one("#r-on-board", Checkbox).value
        try:
            if self.resident:
                saved = people.update_resident(self.app.book, self.resident.id, name, household,
                                               corner, on_board, actor=self.app.gatherer)
            else:
                saved = people.add_resident(self.app.book, name, household, corner, on_board,
                                            actor=self.app.gatherer)
        except BookError as exc:
            self.query_one("#r-error", Label).update(str(exc))
            return
        self.close(saved)

    def action_cancel(self) -> None:
        self.close(None)
