"""村民 Residents: list with search, add and edit, a resident's own entries and totals."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Header, Input, Label, Static

from villagebook import catalogue, entries, people
from villagebook.i18n import t
from villagebook.quantities import fmt_points
from villagebook.tui.keybar import KeyBar
from villagebook.tui.plain import PlainTable
from villagebook.tui.screens.base import BaseScreen
from villagebook.tui.screens.resident_form import ResidentForm

MAX_ROWS = 100  # a few screenfuls; the search finds anyone else


class ResidentsScreen(BaseScreen):
    BINDINGS = [
        Binding("slash", "search", "ui.k.search"),
        Binding("a", "add", "ui.k.add"),
        Binding("e", "edit", "ui.k.edit"),
        Binding("r", "retire", "ui.k.retire"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield Label(id="residents-title", classes="screen-title", markup=False)
        yield Input(id="resident-search")
        yield PlainTable(id="residents", cursor_type="row", zebra_stripes=True)
        yield Static(id="resident-detail", markup=False)
        yield KeyBar()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one(DataTable).focus()

    def relabel(self) -> None:
        self.query_one("#resident-search", Input).placeholder = t("ui.resident_hint") + " /"
        table = self.query_one(DataTable)
        table.clear(columns=True)
        table.add_columns(t("h.name"), t("h.household"), t("h.corner"), t("h.on_board"))

    @on(Input.Changed, "#resident-search")
    def refresh_data(self) -> None:
        query = self.query_one("#resident-search", Input).value.strip()
        found = (people.search(self.book, query, limit=MAX_ROWS) if query
                 else people.list_residents(self.book, limit=MAX_ROWS))
        table = self.query_one(DataTable)
        table.clear()
        for r in found:
            table.add_row(r.name, r.household, r.corner, t("yes" if r.on_board else "no"),
                          key=r.id)
        total = len(found) if query else people.count_residents(self.book)
        key = "ui.residents_some" if total > len(found) else "ui.residents_title"
        self.query_one("#residents-title", Label).update(t(key, count=total, shown=len(found)))

    def action_search(self) -> None:
        self.query_one("#resident-search", Input).focus()

    @on(Input.Submitted, "#resident-search")
    def to_table(self) -> None:
        self.query_one(DataTable).focus()

    def selected(self) -> people.Resident | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        rid = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return people.get_resident(self.book, rid)

    @on(DataTable.RowHighlighted, "#residents")
    def show_entries(self) -> None:
        resident = self.selected()
        detail = self.query_one("#resident-detail", Static)
        if resident is None:
            detail.update("")
            return
        month = self.app.today.strftime("%Y-%m")
        found = entries.entries_of(self.book, resident_id=resident.id)
        counted = [e for e in found if not e.voided_at]
        this_month = sum(e.points_c for e in counted if e.month == month)
        lines = [t("ui.resident_entries", name=resident.name, month=fmt_points(this_month),
                   total=fmt_points(sum(e.points_c for e in counted)))]
        names = {c.code: c.name for c in catalogue.categories(self.book, include_retired=True)}
        for e in found[:4]:
            mark = f" [{t('ui.voided')}: {e.void_reason}]" if e.voided_at else ""
            lines.append(f"  {e.day}  {names.get(e.category, e.category)} {e.quantity}"
                         f"  {fmt_points(e.points_c)}  {e.note}{mark}")
        detail.update("\n".join(lines))

    def action_add(self) -> None:
        self.app.push_screen(ResidentForm(None), lambda saved: saved and self.refresh_data())

    def action_retire(self) -> None:
        """Retire the selected resident (moved away, passed away), asking why: their
        entries stay and count; `villagebook residents unretire` brings them back."""
        from villagebook import roster
        from villagebook.errors import BookError
        from villagebook.tui.screens.ask_reason import AskReason

        resident = self.selected()
        if resident is None:
            return

        def decided(reason: str | None) -> None:
            if not reason:
                return
            try:
                roster.retire(self.book, resident, reason, self.app.gatherer)
            except BookError as exc:
                self.query_one("#resident-detail", Static).update(str(exc))
                return
            self.refresh_data()
            self.query_one("#resident-detail", Static).update(
                t("resident.retired", label=resident.label(), id=resident.id[:8]))

        self.app.push_screen(AskReason(t("ui.retire_why", label=resident.label()),
                                       placeholder=t("ui.retire_hint")), decided)

    def action_edit(self) -> None:
        resident = self.selected()
        if resident:
            self.app.push_screen(ResidentForm(resident),
                                 lambda saved: saved and self.refresh_data())
