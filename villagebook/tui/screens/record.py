"""记录 Record: find a resident, pick a category, type a quantity, Enter. About 7 keys.

Nothing is written until the whole entry is valid; each save commits at once. The day's
entries by this gatherer are listed below, newest first; `v` voids one after asking why.
"""

from __future__ import annotations

from datetime import timedelta

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Header, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from villagebook import catalogue, entries, people, tally
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.quantities import fmt_points, fmt_points_short, parse_day
from villagebook.texttable import pad
from villagebook.tui.keybar import KeyBar
from villagebook.tui.plain import PlainTable
from villagebook.tui.screens.ask_reason import AskReason
from villagebook.tui.screens.base import BaseScreen
from villagebook.tui.screens.category_picker import CategoryPicker
from villagebook.tui.typeahead import pass_on


class FormInput(Input):
    """A field of the entry form: Enter saves the entry; keys typed ahead pass on.

    Enter is handled here, in order with the typed keys, not by a binding: a binding
    runs only after the key has bubbled up to the app, behind the keys typed after it.
    """

    async def _on_key(self, event: events.Key) -> None:
        if pass_on(self, event):
            return
        own = self._bindings.key_to_bindings.get(event.key)
        if own:  # Enter, Backspace, arrows, Ctrl+U ...: now, not after the keys behind them
            event.stop()
            event.prevent_default()
            await self.run_action(own[0].action)
            return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        self.screen.save()


class SearchInput(FormInput):
    """The resident search: ↑↓ move through the candidates, + adds one to a multi-pick."""

    async def _on_key(self, event: events.Key) -> None:
        if self.screen.focused is self and (event.character == "+" or
                                            event.key in ("up", "down")):
            event.stop()
            event.prevent_default()
            if event.character == "+":
                self.screen.add_pick()
            else:
                self.screen.action_move_candidate(-1 if event.key == "up" else 1)
            return
        await super()._on_key(event)

    async def action_submit(self) -> None:
        self.screen.resident_chosen()


class RecordScreen(BaseScreen):
    BINDINGS = [
        Binding("ctrl+y", "yesterday", "ui.k.yesterday", show=False, priority=True),
        Binding("ctrl+t", "today", "", show=False, priority=True),
        Binding("ctrl+o", "focus_date", "ui.k.date", show=False, priority=True),
        Binding("ctrl+l", "focus_list", "ui.k.entries", show=False, priority=True),
        Binding("escape", "clear_form", "", show=False),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="form"):
            with Horizontal(classes="row"):
                yield Label(id="l-resident", classes="field-label", markup=False)
                yield SearchInput(id="search")
                yield Label(id="picked", markup=False)
            yield OptionList(id="candidates", markup=False)
            with Horizontal(classes="row", id="category-row"):
                yield Label(id="l-category", classes="field-label", markup=False)
                yield CategoryPicker(self.category_chosen, id="category")
            with Horizontal(classes="row"):
                yield Label(id="l-quantity", classes="field-label", markup=False)
                yield FormInput(id="quantity", classes="short")
                yield Label(id="unit", markup=False)
                yield Label(id="l-date", classes="field-label", markup=False)
                yield FormInput(id="date", classes="date")
                yield Label(id="l-note", classes="field-label", markup=False)
                yield FormInput(id="note")
            yield Static(id="status", markup=False)
        yield Label(id="today-title", markup=False)
        yield PlainTable(id="today", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    # -- setting up --------------------------------------------------------------------
    def on_mount(self) -> None:
        self.picked: list[people.Resident] = []
        self.query_one("#date", Input).value = self.app.today.isoformat()
        super().on_mount()
        self.query_one("#search", Input).focus()

    def relabel(self) -> None:
        for field in ("resident", "category", "quantity", "date", "note"):
            self.query_one(f"#l-{field}", Label).update(t(f"ui.{field}"))
        self.query_one("#search", Input).placeholder = t("ui.resident_hint")
        table = self.query_one("#today", DataTable)
        table.clear(columns=True)
        table.add_columns(t("h.id"), t("h.name"), t("h.category"), t("h.quantity"),
                          t("h.points"), t("h.note"))

    def refresh_data(self) -> None:
        picker = self.query_one(CategoryPicker)
        picker.set_categories(catalogue.categories(self.book))
        self.show_unit()
        self.update_today()
        self.update_candidates()
        self.update_picked()

    def on_screen_resume(self) -> None:
        super().on_screen_resume()
        if not isinstance(self.focused, Input):
            self.set_focus(self.query_one("#search", Input))

    def gatherer_changed(self) -> None:
        self.update_today()

    # -- the resident ------------------------------------------------------------------
    @on(Input.Changed, "#search")
    def update_candidates(self) -> None:
        query = self.query_one("#search", Input).value
        self.candidates_for = query
        options = self.query_one("#candidates", OptionList)
        found = people.search(self.book, query, limit=8)
        month = self.app.today.strftime("%Y-%m")
        points = tally.month_points(self.book, month, [r.id for r in found])
        options.clear_options()
        for r in found:
            where = pad(f"{r.household} {r.corner}", 18)
            label = f"{pad(r.name, 10)} {where} " + t(
                "ui.this_month", points=fmt_points(points.get(r.id, 0)))
            options.add_option(Option(label, id=r.id))
        if found:
            options.highlighted = 0

    def action_move_candidate(self, step: int) -> None:
        options = self.query_one("#candidates", OptionList)
        if options.option_count:
            current = options.highlighted if options.highlighted is not None else -step
            options.highlighted = (current + step) % options.option_count

    def highlighted_resident(self) -> people.Resident | None:
        options = self.query_one("#candidates", OptionList)
        option = options.highlighted_option
        return people.get_resident(self.book, option.id) if option else None

    def add_pick(self) -> bool:
        resident = self.highlighted_resident()
        if resident is None:
            return False
        if resident.id not in {r.id for r in self.picked}:
            self.picked.append(resident)
        self.query_one("#search", Input).value = ""
        self.update_picked()
        return True

    def update_picked(self) -> None:
        names = "、".join(r.name for r in self.picked)
        self.query_one("#picked", Label).update(t("ui.picked", names=names) if names else "")
        self.update_preview()

    def resident_chosen(self) -> None:
        """Enter in the search: pick the highlighted resident, go on to the category."""
        query = self.query_one("#search", Input).value
        if query != getattr(self, "candidates_for", None):
            self.update_candidates()  # typed faster than the list followed
        if query.strip() and not self.add_pick():
            return
        if self.picked:
            self.set_focus(self.query_one(CategoryPicker))

    @on(OptionList.OptionSelected, "#candidates")
    def candidate_clicked(self) -> None:
        self.resident_chosen()

    # -- category, quantity, date ----------------------------------------------------------
    def category_chosen(self, category: catalogue.Category) -> None:
        self.show_unit()
        self.update_preview()
        target = "#note" if category.kind == "fixed" else "#quantity"
        self.set_focus(self.query_one(target, Input))

    @on(CategoryPicker.Changed)
    def category_moved(self) -> None:
        self.show_unit()
        self.update_preview()

    def show_unit(self) -> None:
        cat = self.query_one(CategoryPicker).selected
        unit = "" if cat is None or cat.kind == "fixed" else t(f"unit.{cat.kind}")
        self.query_one("#unit", Label).update(unit)
        self.query_one("#quantity", Input).disabled = cat is not None and cat.kind == "fixed"

    @on(Input.Changed, "#quantity")
    def update_preview(self) -> None:
        cat = self.query_one(CategoryPicker).selected
        quantity = self.query_one("#quantity", Input).value
        status = self.query_one("#status", Static)
        nothing_yet = (not self.picked) if cat and cat.kind == "fixed" else not quantity.strip()
        if cat is None or nothing_yet:
            if not status.has_class("done"):  # keep the last confirmation until typing
                status.update("")
            return
        status.remove_class("error", "done")
        try:
            _, _, points_c = entries.preview(self.book, cat.code, quantity or None)
        except BookError as exc:
            status.update(str(exc))
            status.add_class("error")
            return
        count = len(self.picked)
        key = "ui.preview_many" if count > 1 else "ui.preview"
        status.update(t(key, points=fmt_points(points_c), count=count))

    def action_yesterday(self) -> None:
        self.query_one("#date", Input).value = (self.app.today - timedelta(days=1)).isoformat()

    def action_today(self) -> None:
        self.query_one("#date", Input).value = self.app.today.isoformat()

    def action_focus_date(self) -> None:
        self.query_one("#date", Input).focus()

    def action_focus_list(self) -> None:
        self.query_one("#today", DataTable).focus()

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        status = self.query_one("#status", Static)
        try:
            saved = self._save()
        except BookError as exc:
            status.remove_class("done")
            status.add_class("error")
            status.update(str(exc))
            return
        status.remove_class("error")
        status.add_class("done")
        first = saved[0]
        status.update(t("ui.saved", who="、".join(e.resident_name for e in saved),
                        points=fmt_points_short(first.points_c),
                        category=self.query_one(CategoryPicker).selected.name))
        self.reset_form()

    def _save(self) -> list[entries.Entry]:
        """Check everything first, then write one entry per picked resident."""
        if not self.picked:
            raise BookError("ui.no_resident")
        cat = self.query_one(CategoryPicker).selected
        if cat is None:
            raise BookError("ui.no_category")
        quantity = self.query_one("#quantity", Input).value.strip() or None
        entries.preview(self.book, cat.code, quantity)
        day = parse_day(self.query_one("#date", Input).value, self.app.today)
        note = self.query_one("#note", Input).value
        if self.app.gatherer is None:
            raise BookError("gatherer.none")
        return entries.record_many(self.book, self.picked, cat.code, quantity,
                                   self.app.gatherer, day=day, note=note, today=self.app.today)

    def reset_form(self) -> None:
        """Ready for the next entry: same category and date, everything else cleared."""
        self.picked = []
        for field in ("#search", "#quantity", "#note"):
            self.query_one(field, Input).value = ""
        self.update_picked()
        self.update_today()
        self.update_candidates()
        self.set_focus(self.query_one("#search", Input))

    def action_clear_form(self) -> None:
        self.reset_form()
        self.query_one("#status", Static).update("")

    def is_dirty(self) -> bool:
        """A half-filled entry that quitting would lose."""
        fields = ("#search", "#quantity", "#note")
        return bool(self.picked) or any(self.query_one(f, Input).value.strip() for f in fields)

    # -- today's entries and voiding ------------------------------------------------------
    def update_today(self) -> None:
        table = self.query_one("#today", DataTable)
        table.clear()
        gatherer = self.app.gatherer
        found = entries.entries_of(self.book, recorded_by=gatherer,
                                   recorded_on=self.app.today.isoformat()) if gatherer else []
        names = {c.code: c.name for c in catalogue.categories(self.book, include_retired=True)}
        for e in found:
            points = t("ui.voided") if e.voided_at else fmt_points(e.points_c)
            note = e.void_reason if e.voided_at else e.note
            table.add_row(e.id[:8], e.resident_name, names.get(e.category, e.category),
                          e.quantity, points, note, key=e.id)
        self.query_one("#today-title", Label).update(
            t("ui.today_list", gatherer=gatherer or "-", count=len(found)))

    @on(DataTable.RowSelected, "#today")
    def ask_void(self, event: DataTable.RowSelected) -> None:
        self.action_void()

    def on_key(self, event: events.Key) -> None:
        if event.key == "v" and self.focused is self.query_one("#today", DataTable):
            event.stop()
            self.action_void()

    def action_void(self) -> None:
        table = self.query_one("#today", DataTable)
        if not table.row_count:
            return
        entry_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        entry = entries.get_entry(self.book, entry_id)
        if entry.voided_at:
            return
        what = f"{entry.resident_name} {fmt_points(entry.points_c)}"

        def voided(reason: str | None) -> None:
            if not reason:
                return
            status = self.query_one("#status", Static)
            try:
                entries.void(self.book, entry.id, reason, self.app.gatherer)
            except BookError as exc:
                status.add_class("error")
                status.update(str(exc))
                return
            status.remove_class("error")
            status.add_class("done")
            status.update(t("ui.void_done", what=what))
            self.update_today()
            self.update_candidates()

        self.app.push_screen(AskReason(t("ui.void_title", what=what)), voided)
