"""记录 Record: find a resident, pick a category, type a quantity, Enter. About 7 keys.

Every key typed here goes to the form's own state (tui/record_form.py) in the order it
was typed, before Textual hands it to any widget: the widgets only draw that state. So a
burst typed ahead of a busy screen lands exactly where it would have at typing speed.
The day's entries by this gatherer are listed below, newest first; `v` voids one.
"""

from __future__ import annotations

from textual import events, on
from textual._time import get_time  # the clock of Key.time: to tell keys typed ahead
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widgets import DataTable, Input, Label, OptionList

from villagebook import catalogue, entries, tally
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.quantities import fmt_points
from villagebook.tui.fixed import CandidateList, FieldBox, StatusLine
from villagebook.tui.keybar import KeyBar
from villagebook.tui.record_form import RecordForm
from villagebook.tui.screens.ask_reason import AskReason
from villagebook.tui.screens.base import BaseScreen
from villagebook.tui.screens.category_picker import CategoryPicker
from villagebook.tui.screens.pin_prompt import with_committee_pin
from villagebook.tui.title_bar import TitleBar
from villagebook.tui.today_list import TodayList

TEXT_FIELDS = ("search", "quantity", "date", "note")
LIST_AFTER = 0.05  # s after mounting: today's list, once the first frame is shown


class RecordScreen(BaseScreen):
    list_filled = False  # today's list filled since the screen mounted

    def compose(self) -> ComposeResult:
        # the form exists before any widget: a key typed while the app starts is applied
        self.form = RecordForm(self.book, self.app.today, lambda: self.app.gatherer,
                               clock=get_time)
        self._drawn: dict = {}
        self._early: list | None = []
        yield TitleBar()
        with Vertical(id="form"):
            with Horizontal(classes="row"):
                yield Label(id="l-resident", classes="field-label", markup=False)
                yield FieldBox(select_on_focus=False, id="search")
                yield Label(id="picked", markup=False)
            yield CandidateList(id="candidates", markup=False)
            with Horizontal(classes="row", id="category-row"):
                yield Label(id="l-category", classes="field-label", markup=False)
                yield CategoryPicker(id="category")
            with Horizontal(classes="row"):
                yield Label(id="l-quantity", classes="field-label", markup=False)
                yield FieldBox(select_on_focus=False, id="quantity", classes="short")
                yield Label(id="unit", markup=False)
                yield Label(id="l-date", classes="field-label", markup=False)
                yield FieldBox(select_on_focus=False, id="date", classes="date")
                yield Label(id="l-note", classes="field-label", markup=False)
                yield FieldBox(select_on_focus=False, id="note")
            yield StatusLine(id="status", markup=False)
        yield Label(id="today-title", markup=False)
        yield TodayList(id="today", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    # -- setting up --------------------------------------------------------------------

    def on_mount(self) -> None:
        super().on_mount()
        early, self._early = self._early, None
        self.refresh_data(listed=False)
        # The form first: typing can start. Today's list comes a moment later, after the
        # first frame is on the terminal: filling it and laying it out before would put off
        # that frame by 30-40 ms (issue 14). Counted from the first refresh (the frame
        # Textual draws while the app starts and drops), so a slower laptop waits as long
        # after it. A key for the list fills it at once (list_key).
        self.call_after_refresh(lambda: self.set_timer(LIST_AFTER, self.first_list))
        self.fresh = True  # the first showing needs no second read
        for event in early:
            self.take_input(event)

    def relabel(self) -> None:
        for name in ("resident", "category", "quantity", "note"):
            self.query_one(f"#l-{name}", Label).update(t(f"ui.{name}"))
        self.query_one("#search", Input).placeholder = t("ui.resident_hint")
        self.query_one(TodayList).relabel()
        self._drawn = {}

    def refresh_data(self, listed: bool = True) -> None:
        """Each showing: fresh categories and list; typing goes to the form again."""
        if self.form.focus == "list":
            self.form.move_to("search")
        self.form.load_categories()
        self.form.find()
        if self.form.status_kind != "done":  # keep the last confirmation in view
            self.form.live()
        self._drawn = {"saves": self.form.saves}
        if listed:
            self.update_today()
        self.draw()

    def gatherer_changed(self) -> None:
        self.update_today()

    # -- keys: all of them go to the form first ------------------------------------------
    def take_input(self, event: events.Event) -> bool:
        """Called by the app for every key and paste while this screen is on top."""
        if self._early is not None:  # typed while the app starts: kept, applied on mount
            self._early.append(event)
            return True
        if isinstance(event, events.Paste):
            if self.form.focus == "list":
                return False
            self.form.paste(event.text)
        elif self.form.focus == "list" and self.list_key(event.key):
            return True
        elif not self.form.key(event.key, event.character, event.time):
            return False
        self.draw()
        return True

    def list_key(self, key: str) -> bool:
        """The day's list, in the same order as everything typed: `↓ v` voids the entry
        below, not the one the cursor was on before the ↓ was handled."""
        if not self.list_filled:  # a key for the list before it was first filled
            self.update_today()
        table = self.query_one(TodayList)
        moves = {"up": table.action_cursor_up, "down": table.action_cursor_down,
                 "pageup": table.action_page_up, "pagedown": table.action_page_down,
                 "home": table.action_scroll_top, "end": table.action_scroll_bottom}
        if key in moves:
            moves[key]()
            if table.near_the_end():
                self.update_today(keep_cursor=True)
        elif key in ("v", "enter"):
            self.action_void()
        else:
            return False
        return True

    def is_dirty(self) -> bool:
        return self.form.is_dirty()

    def key_hints(self) -> str:
        """The key bar's upper line: the keys a gatherer needs on this form, or the list."""
        return t("ui.list_hints" if self.form.focus == "list" else "ui.record_hints")

    @on(OptionList.OptionSelected, "#candidates")
    def candidate_clicked(self, event: OptionList.OptionSelected) -> None:
        self.form.pick_index(event.option_index)
        self.draw()

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """A click moved the focus: the form follows it. This message arrives late, after
        keys typed since; one about a widget that no longer has the focus is stale."""
        if event.widget is not self.focused:
            return
        names = {"search": "search", "category": "category", "quantity": "quantity",
                 "date": "date", "note": "note", "today": "list"}
        name = names.get(event.widget.id or "")
        if name and name != self.form.focus and not self.form.question:
            self.form.move_to(name)
            self.draw()

    # -- drawing the form's state --------------------------------------------------------
    def changed(self, part: str, value) -> bool:
        if self._drawn.get(part) == value:
            return False
        self._drawn[part] = value
        return True

    def draw(self) -> None:
        form = self.form
        for name in TEXT_FIELDS:
            box = self.query_one(f"#{name}", Input)
            if box.value != form.text(name):
                box.value = form.text(name)
            box.cursor_position = form.fields[name].cursor
        self.draw_candidates()
        names = "、".join(r.name for r in form.picked)
        if self.changed("picked", names):
            self.query_one("#picked", Label).update(t("ui.picked", names=names) if names else "")
        picker = self.query_one(CategoryPicker)
        if self.changed("category", (tuple(form.categories), form.category)):
            picker.show(form.categories, form.category)
        self.draw_unit_and_date()
        status = self.query_one("#status", StatusLine)
        if self.changed("status", (form.status, form.status_kind)):
            status.set_classes(form.status_kind)
            status.say(form.status)
        if self.changed("saves", form.saves):
            self.update_today()
        target = {"list": "#today", "category": "#category"}.get(form.focus, f"#{form.focus}")
        widget = self.query_one(target)
        if self.focused is not widget:
            self.set_focus(widget)
        if self.changed("keys", form.focus == "list"):
            self.show_keys()

    def draw_candidates(self) -> None:
        form = self.form
        asking = form.question is not None and form.question.kind == "which"
        options = self.query_one("#candidates", CandidateList)
        options.set_class(asking, "asking")
        found = form.candidates.found
        if self.changed("candidates", (tuple(r.id for r in found), asking)):
            month = self.app.today.strftime("%Y-%m")
            options.show(found, tally.month_points(self.book, month, [r.id for r in found]),
                         asking)
        if found and options.highlighted != form.candidates.highlight:
            options.highlighted = form.candidates.highlight

    def draw_unit_and_date(self) -> None:
        form = self.form
        cat = form.category
        unit = "" if cat is None or cat.kind == "fixed" else t(f"unit.{cat.kind}")
        if self.changed("unit", unit):
            self.query_one("#unit", Label).update(unit)
        self.query_one("#quantity", Input).disabled = form.fixed()
        day = form.day()
        days_back = (self.app.today - day).days if day else None
        if self.changed("date", days_back):
            label = t("ui.date")
            if days_back == 1:
                label = t("ui.date_yesterday")
            elif days_back:
                label = t("ui.date_days_back", days=days_back)
            self.query_one("#l-date", Label).update(label)
            self.query_one("#l-date", Label).set_class(bool(days_back), "not-today")
            self.query_one("#date", Input).set_class(bool(days_back), "not-today")

    # -- today's entries and voiding ------------------------------------------------------
    def first_list(self) -> None:
        """The list's first filling, unless a key for it or a save has filled it already
        (filled again, its cursor would go back to the top under the gatherer's keys)."""
        if not self.list_filled:
            self.update_today()

    def update_today(self, keep_cursor: bool = False) -> None:
        self.list_filled = True
        gatherer = self.app.gatherer
        count = self.query_one(TodayList).show(self.book, gatherer, self.app.today.isoformat(),
                                                keep_cursor)
        self.query_one("#today-title", Label).update(
            t("ui.today_list", gatherer=gatherer or "-", count=count))

    def action_void(self) -> None:
        table = self.query_one("#today", DataTable)
        if not table.row_count:
            return
        entry_id = table.coordinate_to_cell_key(table.cursor_coordinate).row_key.value
        entry = entries.get_entry(self.book, entry_id)
        if entry.voided_at:
            return
        names = {c.code: c.name for c in catalogue.categories(self.book, include_retired=True)}
        what = f"{entry.resident_name} {fmt_points(entry.points_c)}"
        whole = " ".join(part for part in (
            entry.id[:8], entry.day, entry.resident_name, names.get(entry.category, entry.category),
            entry.quantity, t("ui.points_of", points=fmt_points(entry.points_c)), entry.note)
            if part)

        def void_it(reason: str) -> None:
            try:
                entries.void(self.book, entry.id, reason, self.app.gatherer)
            except BookError as exc:
                self.form.say(str(exc), "error")
            else:
                self.form.say(t("ui.void_done", what=what), "done")
                self.update_today()
            self.draw()

        def voided(reason: str | None) -> None:
            if not reason:
                return
            if entries.void_needs_pin(self.book, entry, self.app.gatherer or ""):
                with_committee_pin(self, lambda: void_it(reason),  # a posted month's entry
                                   t("pin.for_void", id=entry.id[:8], name=entry.resident_name))
            else:
                void_it(reason)

        self.app.push_screen(AskReason(t("ui.void_title", what=whole)), voided)
