"""A modal form to add or correct a resident: name, household, corner, on the board.

A resident without household or corner is missing from the corner's sheet and cannot
be told from a namesake, so the form refuses to save one and names the empty field.
A corner not yet in the book (often a typo: 东 for 东片) and a second 马少军 in the same
household are asked about once on the form: Enter again saves. An Enter typed ahead
of that question (within GUARD seconds) does not answer it, and an edit after it takes
the question (and whatever else was said) away: the new values are asked about anew.
Esc on a form with anything typed asks before throwing it away; an untouched form
closes at once. Each field has its label beside it, in view while it is typed in.
"""

from __future__ import annotations

import time

from rich.cells import cell_len
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import Checkbox, Input, Label

from villagebook import people
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.tui.screens.confirm import Confirm
from villagebook.tui.screens.modal import Modal
from villagebook.tui.screens.resident_fields import CornerInput, FieldInput, OnBoardBox

GUARD = 0.3  # seconds: an Enter sooner than this after a question was typed ahead of it
FIELDS = ("name", "household", "corner")


class ResidentForm(Modal):
    DEFAULT_CSS = """
    ResidentForm .r-row { height: 1; margin: 0 0 1 0; }
    ResidentForm #r-corner-row { margin: 0; }
    ResidentForm .r-label { height: 1; padding: 0 1 0 0; color: $text-muted; }
    ResidentForm .r-row Input { width: 1fr; }
    ResidentForm #r-corners { width: 100%; color: $text-muted; height: auto; margin: 0 0 1 0; }
    ResidentForm #r-message { width: 100%; height: auto; }
    ResidentForm #r-message.warning { color: $warning; text-style: bold; }
    """
    BINDINGS = [
        Binding("escape", "cancel", show=False),
        Binding("enter", "save", show=False),
    ]

    def __init__(self, resident: people.Resident | None):
        super().__init__()
        self.resident = resident
        self.confirmed: set[tuple] = set()  # questions answered by a second Enter
        self.asked_at = float("-inf")
        self.said_of: tuple[str, ...] | None = None  # the fields the message speaks of

    def compose(self) -> ComposeResult:
        r = self.resident
        corner = CornerInput(people.corners(self.app.book), r.corner if r else "",
                             id="r-corner")
        hint = corner.hint()
        fields = {"name": FieldInput(r.name if r else "", id="r-name"),
                  "household": FieldInput(r.household if r else "", id="r-household"),
                  "corner": corner}
        width = max(cell_len(t(f"h.{f}")) for f in FIELDS) + 1  # the labels line up
        with Vertical(classes="dialog"):
            yield Label(t("ui.resident_form"), classes="dialog-title", markup=False)
            for field, widget in fields.items():
                with Horizontal(classes="r-row", id=f"r-{field}-row"):
                    label = Label(t(f"h.{field}"), classes="r-label", markup=False)
                    label.styles.width = width
                    yield label
                    yield widget
            yield Label(t("ui.rf.corners", corners="  ".join(hint)) if hint
                        else t("ui.rf.no_corners"), id="r-corners", markup=False)
            yield OnBoardBox(t("ui.on_board"), r.on_board if r else True, id="r-on-board")
            yield Label("", id="r-message", classes="error", markup=False)

    def on_mount(self) -> None:  # Textual runs Modal.on_mount too
        self.initial = self.values()
        # the rows space the fields; app.tcss (which outranks DEFAULT_CSS) gives every
        # dialog Input a bottom margin
        for field in FIELDS:
            self.query_one(f"#r-{field}", Input).styles.margin = 0
        self.set_focus(self.query_one("#r-name", Input))

    def texts(self) -> tuple[str, ...]:
        """Name, household and corner as typed."""
        return tuple(self.query_one(f"#r-{f}", Input).value for f in FIELDS)

    def values(self) -> tuple[str, str, str, bool]:
        name, household, corner = self.texts()
        return name, household, corner, self.query_one("#r-on-board", Checkbox).value

    def on_input_changed(self, event: Input.Changed) -> None:
        """An edit takes away what was said about the fields before it, answers too.

        (A change made before the message, arriving after it, leaves it: it is about
        these very values.)"""
        if self.said_of is not None and self.texts() != self.said_of:
            self.say("")
            self.confirmed.clear()

    def form_key(self, key: str) -> None:
        """Enter, Tab and Esc from a field, in order with the keys typed before them."""
        if key == "enter":
            self.action_save()
        elif key == "escape":
            self.action_cancel()
        elif key == "tab":
            self.focus_next()
        else:
            self.focus_previous()

    def say(self, message: str, warning: bool = False) -> None:
        label = self.query_one("#r-message", Label)
        label.set_class(not warning, "error")
        label.set_class(warning, "warning")
        label.update(message)
        self.said_of = self.texts() if message else None

    def questions(self, name: str, household: str, corner: str):
        """(key, message) of what the gatherer is asked before saving, in order."""
        if corner not in self.query_one(CornerInput).corners:
            yield ("corner", corner), t("ui.rf.new_corner", corner=corner)
        r = self.resident
        if r is None or (r.name, r.household) != (name, household):
            own = r.id if r else None
            if any(o.name == name and o.household == household and o.id != own
                   for o in people.list_residents(self.app.book)):
                yield ("namesake", name, household), t("ui.rf.namesake", name=name,
                                                       household=household)

    def action_save(self) -> None:
        if time.monotonic() - self.asked_at < GUARD:
            return  # typed ahead of the question just asked: it is not an answer
        *texts, on_board = self.values()
        if tuple(texts) != self.said_of:  # edited since the question: not answered yet
            self.confirmed.clear()
        try:
            cleaned = [people.clean_text(v, f) for v, f in zip(texts, FIELDS, strict=True)]
        except BookError as exc:
            self.say(str(exc))
            return
        empty = next((f for f, v in zip(FIELDS, cleaned, strict=True) if not v), None)
        if empty:
            self.say(t("ui.rf.missing", field=empty))
            self.set_focus(self.query_one(f"#r-{empty}", Input))
            return
        name, household, corner = cleaned
        for key, message in self.questions(name, household, corner):
            if key not in self.confirmed:
                self.confirmed.add(key)
                self.asked_at = time.monotonic()
                self.say(message, warning=True)
                return
        self.write(name, household, corner, on_board)

    def write(self, name: str, household: str, corner: str, on_board: bool) -> None:
        book, actor = self.app.book, self.app.gatherer
        try:
            if self.resident:
                saved = people.update_resident(book, self.resident.id, name, household,
                                               corner, on_board, actor=actor)
            else:
                saved = people.add_resident(book, name, household, corner, on_board,
                                            actor=actor)
        except BookError as exc:
            self.say(str(exc))
            return
        self.close(saved)

    def is_dirty(self) -> bool:
        """Typed or changed and not saved: quitting asks first."""
        return self.values() != self.initial

    def action_cancel(self) -> None:
        if not self.is_dirty():
            self.close(None)
            return
        self.app.push_screen(Confirm(t("ui.discard"), t("ui.discard_yes"), t("ui.discard_no")),
                             lambda discard: discard and self.close(None))
