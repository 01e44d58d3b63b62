"""村民 Residents: list with search, add and edit, a resident's own entries and totals."""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import DataTable, Input, Label, Static

from villagebook import catalogue, entries, people
from villagebook.i18n import t
from villagebook.quantities import fmt_points
from villagebook.tui.keybar import KeyBar
from villagebook.tui.plain import PlainTable
from villagebook.tui.screens.base import BaseScreen
from villagebook.tui.screens.resident_form import ResidentForm
from villagebook.tui.title_bar import TitleBar

ROWS = 40  # listed at first (a few screenfuls); more as the cursor nears the end


class ResidentsScreen(BaseScreen):
    BINDINGS = [
        Binding("slash", "search", "ui.k.search"),
        Binding("a", "add", "ui.k.add"),
        Binding("e", "edit", "ui.k.edit"),
        Binding("r", "retire", "ui.k.retire"),
        Binding("m", "merge", "ui.k.merge"),
        Binding("h", "show_retired", "ui.k.show_retired"),
        Binding("u", "unretire", "ui.k.unretire"),
    ]
    with_retired = False  # h shows retired residents too (marked), so u can bring one back
    rows = ROWS
    more = False  # more residents than listed

    def compose(self) -> ComposeResult:
        yield TitleBar()
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
    def searched(self) -> None:
        self.rows = ROWS
        self.refresh_data()

    def refresh_data(self, keep_cursor: bool = False) -> None:
        """The residents found by the search (a prefix range of an index, limited), or the
        first of the roster: only `rows` of them are put in the table."""
        query = self.query_one("#resident-search", Input).value.strip()
        if query:
            found = people.search(self.book, query, limit=self.rows + 1,
                                  active_only=not self.with_retired)
        else:
            found = people.list_residents(self.book, include_inactive=self.with_retired,
                                          limit=self.rows + 1)
        self.more, found = len(found) > self.rows, found[:self.rows]
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear()
        for r in found:
            board = t("yes" if r.on_board else "no") if r.active else t("ui.retired_mark")
            table.add_row(r.name, r.household, r.corner, board, key=r.id)
        if keep_cursor:
            table.move_cursor(row=cursor)
        if query:  # as many as found, or "40+": the search narrows it
            key, total = "ui.residents_title", f"{len(found)}+" if self.more else len(found)
        else:
            key, total = "ui.residents_some" if self.more else "ui.residents_title", \
                people.count_residents(self.book)
        self.query_one("#residents-title", Label).update(t(key, count=total, shown=len(found)))

    def action_search(self) -> None:
        self.set_focus(self.query_one("#resident-search", Input))

    @on(Input.Submitted, "#resident-search")
    def to_table(self) -> None:
        self.set_focus(self.query_one(DataTable))

    def take_input(self, event: events.Event) -> bool:
        """`/` and Enter move the typing between the search box and the list: taken here,
        by the app, in the order typed (app.on_event), so the keys typed behind them go
        where they belong. As bindings they ran after those keys had gone on to the
        list: `/msj` typed fast started a merge with m, and lost the search."""
        if not isinstance(event, events.Key):
            return False
        search = self.query_one("#resident-search", Input)
        if event.key == "slash" and self.focused is not search:
            self.action_search()
            return True
        if event.key == "enter" and self.focused is search:
            self.to_table()
            return True
        return False

    def selected(self) -> people.Resident | None:
        table = self.query_one(DataTable)
        if not table.row_count:
            return None
        rid = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        return people.get_resident(self.book, rid)

    @on(DataTable.RowHighlighted, "#residents")
    def show_entries(self) -> None:
        table = self.query_one(DataTable)
        if self.more and table.cursor_row >= table.row_count - 2:  # the next ones, when wanted
            self.rows += 3 * ROWS
            self.refresh_data(keep_cursor=True)
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

    def say(self, text: str) -> None:
        """A line in the detail box, after the list's own refresh has shown the entries."""
        self.call_after_refresh(self.query_one("#resident-detail", Static).update, text)

    def action_show_retired(self) -> None:
        self.with_retired = not self.with_retired
        self.refresh_data()

    def action_unretire(self) -> None:
        from villagebook import roster
        from villagebook.errors import BookError

        resident = self.selected()
        if resident is None:
            return
        try:
            roster.unretire(self.book, resident, self.app.gatherer)
        except BookError as exc:
            self.say(str(exc) + (t("ui.retired_how") if not self.with_retired else ""))
            return
        self.refresh_data()
        self.say(t("resident.unretired", label=resident.label(), id=resident.id[:8]))

    def action_merge(self) -> None:
        """The selected resident (B) is one person with another (A), typed by name or id:
        after the committee's PIN, B's entries of months not final become A's."""
        from villagebook import merging
        from villagebook.errors import BookError
        from villagebook.tui.screens.ask_reason import AskReason
        from villagebook.tui.screens.pin_prompt import with_committee_pin

        other = self.selected()
        if other is None:
            return

        def named(text: str | None) -> None:
            if not text:
                return
            try:
                into = people.find_resident(self.book, text)
            except BookError as exc:
                self.say(str(exc))
                return

            def merge() -> None:
                try:
                    done = merging.merge(self.book, into, other, self.app.gatherer)
                except BookError as exc:
                    self.say(str(exc))
                    return
                self.refresh_data()
                said = t("merge.done", other=done.other.label(), into=done.into.label(),
                         moved=done.moved)
                if done.kept_final:
                    said += "\n" + t("merge.kept_final", count=done.kept_final,
                                     other=done.other.label())
                self.say(said)

            with_committee_pin(self, merge, t("ui.merge_action", name=other.name))

        self.app.push_screen(AskReason(t("ui.merge_into", label=other.label()),
                                       message=t("ui.merge_what"),
                                       placeholder=t("ui.merge_hint"), field="name"), named)

    def action_edit(self) -> None:
        resident = self.selected()
        if resident:
            self.app.push_screen(ResidentForm(resident),
                                 lambda saved: saved and self.refresh_data())
