"""The month's open objections: v voids the entry, k keeps it, c corrects its quantity
(voided and recorded again in one write), each with a reason."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from villagebook import entries, months
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.tui.screens.ask_reason import AskReason
from villagebook.tui.screens.modal import Modal
from villagebook.tui.screens.pin_prompt import with_committee_pin


class ObjectionsScreen(Modal):
    BINDINGS = [
        Binding("v", "resolve(True)", show=False),
        Binding("k", "resolve(False)", show=False),
        Binding("c", "correct", show=False),
        Binding("escape", "cancel", show=False),
    ]

    def __init__(self, month: str):
        super().__init__()
        self.month = month

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog wide"):
            yield Label(t("ui.objections_title", month=self.month), classes="dialog-title",
                        markup=False)
            yield OptionList(id="objections", markup=False)
            yield Label(t("ui.objections_keys"), markup=False)
            yield Label("", id="objection-error", classes="error", markup=False)

    def on_mount(self) -> None:
        self.refill()
        self.query_one(OptionList).focus()

    def refill(self) -> None:
        options = self.query_one(OptionList)
        options.clear_options()
        for o in months.status(self.app.book, self.month).unresolved:
            entry = entries.get_entry(self.app.book, o.entry_id)
            options.add_option(Option(f"{entry.resident_name}  {entry.day}  {o.says}", id=o.id))
        if options.option_count:
            options.highlighted = 0
        else:
            options.add_option(Option(t("ui.no_open_objections"), disabled=True))

    def action_resolve(self, void: bool) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None:
            return

        def resolve(because: str) -> None:
            try:
                months.resolve(self.app.book, option.id, void, because, self.app.gatherer)
            except BookError as exc:
                self.query_one("#objection-error", Label).update(str(exc))
                return
            self.refill()

        def decided(because: str | None) -> None:
            if because:
                with_committee_pin(self, lambda: resolve(because), t("pin.for_resolve"))

        title = t("ui.resolve_void" if void else "ui.resolve_keep")
        self.app.push_screen(AskReason(title), decided)

    def action_correct(self) -> None:
        option = self.query_one(OptionList).highlighted_option
        if option is None or option.id is None:
            return
        objection = months.get_objection(self.app.book, option.id)
        entry = entries.get_entry(self.app.book, objection.entry_id)

        def correct(quantity: str, because: str) -> None:
            from villagebook.corrections import resolve_by_correction

            try:
                resolve_by_correction(self.app.book, option.id, quantity, because,
                                      self.app.gatherer)
            except BookError as exc:
                self.query_one("#objection-error", Label).update(str(exc))
                return
            self.refill()

        def reasoned(quantity: str, because: str | None) -> None:
            if because:
                with_committee_pin(self, lambda: correct(quantity, because),
                                   t("pin.for_resolve"))

        def counted(quantity: str | None) -> None:
            if quantity:
                self.app.push_screen(AskReason(t("ui.resolve_correct_why",
                                                 quantity=quantity.strip())),
                                     lambda because: reasoned(quantity, because))

        from villagebook import catalogue

        cat = catalogue.get(self.app.book, entry.category)
        what = f"{cat.name} {entry.quantity} {t(f'unit.{cat.kind}')}"
        self.app.push_screen(AskReason(t("ui.resolve_correct", what=what),
                                       placeholder=t("ui.quantity"), field=t("ui.quantity")),
                             counted)

    def action_cancel(self) -> None:
        self.close(None)
