"""Who is recording? Chosen at start (the laptop remembers), or added here by name."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from villagebook import people
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.tui.screens.modal import Modal


class ChooseGatherer(Modal):
    BINDINGS = [("escape", "cancel")]

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(t("ui.choose_gatherer"), classes="dialog-title", markup=False)
            yield OptionList(id="gatherers", markup=False)
            yield Label(t("ui.new_gatherer"), markup=False)
            yield Input(id="new-gatherer")
            yield Label("", id="gatherer-error", classes="error", markup=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        names = []
        for g in people.list_gatherers(self.app.book):
            options.add_option(Option(f"{g.name}  {g.corner}", id=g.name))
            names.append(g.name)
        if options.option_count:  # the one recording now, so Enter changes nothing
            current = getattr(self.app, "gatherer", None)
            options.highlighted = names.index(current) if current in names else 0
            options.focus()
        else:
            self.query_one(Input).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.close(event.option.id)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        try:
            gatherer = people.add_gatherer(self.app.book, event.value)
        except BookError as exc:
            self.query_one("#gatherer-error", Label).update(str(exc))
            return
        self.close(gatherer.name)

    def action_cancel(self) -> None:
        self.close(None)
