"""细则 Catalogue: the published rules; the committee adds a category or retires one."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Label

from villagebook import catalogue
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.tui.keybar import KeyBar
from villagebook.tui.plain import PlainTable
from villagebook.tui.screens.base import BaseScreen
from villagebook.tui.screens.category_form import CategoryForm
from villagebook.tui.screens.confirm import Confirm
from villagebook.tui.screens.pin_prompt import with_committee_pin
from villagebook.tui.title_bar import TitleBar


class CatalogueScreen(BaseScreen):
    BINDINGS = [
        Binding("a", "add", "ui.k.add"),
        Binding("r", "retire", "ui.k.retire"),
    ]

    def compose(self) -> ComposeResult:
        yield TitleBar()
        yield Label(id="catalogue-title", classes="screen-title", markup=False)
        yield PlainTable(id="rules", cursor_type="row", zebra_stripes=True)
        yield Label(id="catalogue-status", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(DataTable).focus()

    def relabel(self) -> None:
        self.query_one("#catalogue-title", Label).update(t("ui.catalogue_title"))
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns(t("h.code"), t("h.rule"), t("h.max"))

    def refresh_data(self) -> None:
        table = self.query_one(DataTable)
        table.clear()
        for cat in catalogue.categories(self.book):
            limit = "" if cat.max_quantity is None else str(cat.max_quantity)
            table.add_row(cat.code, cat.describe(), limit, key=cat.code)

    def action_add(self) -> None:
        with_committee_pin(self, self._add, t("pin.for_add_category"))

    def action_retire(self) -> None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return
        code = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        cat = catalogue.get(self.book, code)
        with_committee_pin(self, lambda: self._retire(cat), t("pin.for_retire", name=cat.name))

    def _add(self) -> None:
        def added(cat) -> None:
            if cat:
                self.refresh_data()
                self.query_one("#catalogue-status", Label).update(
                    t("category.added", code=cat.code, rule=cat.describe()))

        self.app.push_screen(CategoryForm(), added)

    def _retire(self, cat) -> None:
        code = cat.code

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            try:
                catalogue.retire(self.book, code, actor=self.app.gatherer)
            except BookError as exc:
                self.query_one("#catalogue-status", Label).update(str(exc))
                return
            self.refresh_data()
            self.query_one("#catalogue-status", Label).update(t("category.retired", code=code))

        self.app.push_screen(Confirm(t("ui.retire_confirm", name=cat.name), t("ui.k.retire"),
                                     t("ui.cancel")), answered)
