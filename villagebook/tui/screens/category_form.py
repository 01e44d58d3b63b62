"""A modal form for a new category: code, names, kind, P points per N units, max."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Input, Label

from villagebook import catalogue
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.tui.screens.modal import Modal

FIELDS = ("code", "name_zh", "name_en", "kind", "points", "per", "max")


class CategoryForm(Modal):
    BINDINGS = [Binding("escape", "cancel", show=False)]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("ui.category_form"), classes="dialog-title", markup=False)
            for field in FIELDS:
                yield Input(placeholder=t(f"ui.{field}"), id=f"c-{field}")
            yield Label("", id="c-error", classes="error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#c-per", Input).value = "1"
        self.query_one("#c-code", Input).focus()

    def on_input_submitted(self) -> None:
        values = {f: self.query_one(f"#c-{f}", Input).value.strip() for f in FIELDS}
        try:
            cat = catalogue.add(self.app.book, values["code"], values["name_zh"],
                                values["name_en"], values["kind"], values["points"],
                                values["per"], values["max"] or None, actor=self.app.gatherer)
        except BookError as exc:
            self.query_one("#c-error", Label).update(str(exc))
            return
        self.close(cat)

    def action_cancel(self) -> None:
        self.close(None)
