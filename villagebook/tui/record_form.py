"""The record form as plain state: every key is applied here, one at a time, in the order
it was typed, against the form as the keys before it left it.

Textual gives every widget its own queue, so a key typed ahead could reach a list before
the search that changes it, or a field the focus has just left. Here nothing waits for a
message: the screen (screens/record.py) feeds each key in and draws this state. A
question (which resident? a date long ago? 补记?) is answered only by keys pressed once it
has been on screen a moment (record_questions.py); keys typed before are listed.
"""

from __future__ import annotations

import time
from datetime import date, timedelta

from villagebook import catalogue, people
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.quantities import parse_day
from villagebook.tui.candidates import Candidates
from villagebook.tui.record_line import form_line
from villagebook.tui.record_questions import Question, answer
from villagebook.tui.record_save import save_entry
from villagebook.tui.text_field import TextField, printable

ORDER = ("search", "category", "quantity", "note", "date")  # Tab: the note before the date
LIMITS = {"search": people.MAX_NAME, "quantity": 20, "date": 20, "note": 200}
ESCAPES = ("escape", "f8")
# Esc and a digit pressed at once reach Textual as one sequence it reads as a Mac option
# key: "\x1b2" is ™. Outside the note these mean Esc, then the digit.
OPTION_DIGITS = dict(zip("¡™£¢∞§¶•ªº", "1234567890", strict=True))


class RecordForm:
    def __init__(self, book, today: date, gatherer, clock=time.monotonic):
        self.book, self.today, self.gatherer, self.clock = book, today, gatherer, clock
        self.fields = {name: TextField(limit) for name, limit in LIMITS.items()}
        self.fields["date"].set(today.isoformat())
        self.focus = "search"
        self.candidates = Candidates(book)
        self.picked: list[people.Resident] = []
        self.categories: list[catalogue.Category] = []
        self.category: catalogue.Category | None = None
        self.question: Question | None = None
        self.status, self.status_kind = "", ""
        self.saves = 0  # counts saves, so the screen knows to redraw the day's list
        self.old_ok: date | None = None  # a long-ago day already confirmed
        self.late_ok: date | None = None  # a day in a final month confirmed as 补记
        self.load_categories()

    def text(self, name: str) -> str:
        return self.fields[name].text

    def load_categories(self) -> None:
        self.categories = catalogue.categories(self.book)
        kept = self.category.code if self.category else None
        self.category = next((c for c in self.categories if c.code == kept), None)

    # -- keys --------------------------------------------------------------------------
    def key(self, key: str, char: str | None, at: float | None = None) -> bool:
        """Apply one key; False if it is not the form's (F-keys, Ctrl+Q: the app's)."""
        at = self.clock() if at is None else at
        if key.startswith("alt+") and char:  # Esc and a key within the terminal's delay
            self.key("escape", None, at)
            return self.key(char, char, at)
        if char in OPTION_DIGITS and self.focus != "note":
            self.key("escape", None, at)
            return self.key(OPTION_DIGITS[char], OPTION_DIGITS[char], at)
        if key in ESCAPES:
            return self.escape()
        shortcut = {"ctrl+y": self.yesterday, "ctrl+t": self.set_today,
                    "ctrl+o": self.edit_date, "ctrl+l": self.toggle_list}
        if key in shortcut:
            shortcut[key]()
            return True
        if self.focus == "list":
            return False
        if self.question:
            return self.answer(key, char, at)
        if key in ("tab", "shift+tab"):
            self.tab(1 if key == "tab" else -1)
            return True
        handler = {"search": self.search_key, "category": self.category_key}.get(
            self.focus, self.text_key)
        return handler(key, char)

    def escape(self) -> bool:
        if self.focus == "list":
            self.move_to("search")
        else:  # always the same: the form is cleared, a question too
            asked = self.question is not None
            self.clear()
            self.say(t("ui.cancelled"), "error") if asked else self.say("", "")
        return True

    def paste(self, text: str) -> None:
        """A paste goes into the field with the focus as typed text, its lines joined."""
        if self.focus not in self.fields or self.question:
            return self.say(t("ui.paste_where"), "error")
        line = printable(" ".join(text.splitlines()))
        if not self.fields[self.focus].insert(line):
            return self.say(t("ui.paste_too_long", count=len(line), field=self.field_name(),
                              limit=LIMITS[self.focus]), "error")
        self.edited()

    def text_key(self, key: str, char: str | None) -> bool:
        """Quantity, date and note: editing keys; Enter saves."""
        if key == "enter":
            self.save()
            return True
        return self.edit(key, char)

    def edit(self, key: str, char: str | None) -> bool:
        box = self.fields[self.focus]
        if char and char.isprintable() and len(char) == 1:
            if not box.insert(char):
                self.too_long()
                return True
        elif not box.edit(key):
            return False
        self.edited()
        return True

    def edited(self) -> None:
        if self.focus == "search":
            self.find()
        self.live()

    def too_long(self) -> None:
        self.say(t("ui.too_long", field=self.field_name(), limit=LIMITS[self.focus]), "error")

    def field_name(self) -> str:
        return t(f"ui.{'resident' if self.focus == 'search' else self.focus}")

    # -- the resident ----------------------------------------------------------------------
    def search_key(self, key: str, char: str | None) -> bool:
        if key in ("up", "down"):
            self.candidates.move(-1 if key == "up" else 1)
            return True
        if char == "+":
            self.choose(adding=True)
            return True
        if key == "enter":
            self.choose(adding=False)
            return True
        if key == "backspace" and not self.text("search") and self.picked:
            self.picked.pop()
            self.live()
            return True
        return self.edit(key, char)

    def find(self) -> None:
        self.candidates.find(self.text("search"))

    def choose(self, adding: bool) -> None:
        """Enter or + in the search: take the highlighted resident, unless that would be a
        guess among several (then ask); Enter on an empty search goes on to the category."""
        query = self.text("search").strip()
        if not query:
            if adding:
                return self.say(t("ui.plus_needs_name"), "error")
            if not self.picked:
                return self.say(t("ui.no_resident"), "error")
            return self.move_to("category")
        if not self.candidates.found:
            return self.live()
        if self.candidates.is_a_guess(query):
            self.question = Question("which", self.clock(), adding=adding)
            return self.live()
        self.pick(self.candidates.highlighted, adding)

    def pick(self, resident: people.Resident, adding: bool) -> None:
        self.question = None
        if resident.id not in {r.id for r in self.picked}:
            self.picked.append(resident)
        self.fields["search"].set("")
        self.find()
        if not adding:
            self.move_to("category")
        self.live()

    def pick_index(self, index: int) -> None:
        """A candidate chosen by number, or by the mouse."""
        if 0 <= index < len(self.candidates.found):
            adding = self.question.adding if self.question else False
            self.pick(self.candidates.found[index], adding)

    def answer(self, key: str, char: str | None, at: float) -> bool:
        return answer(self, key, char, at)

    # -- category, date, moving ------------------------------------------------------------
    def category_key(self, key: str, char: str | None) -> bool:
        if key in ("left", "right") and self.categories:
            now = self.categories.index(self.category) if self.category else -1
            step = 1 if key == "right" else -1
            self.category = self.categories[(now + step) % len(self.categories)]
        elif key == "enter":
            if self.category is None:
                return self.say(t("ui.no_category"), "error") or True
            self.after_category()
            return True
        elif char and char.isdigit():
            number = int(char) or 10  # 1-9, then 0 for the tenth; ←→ reach all
            if number > len(self.categories):
                return self.say(t("ui.no_such_category", number=number,
                                  count=len(self.categories)), "error") or True
            self.category = self.categories[number - 1]
            self.after_category()
            return True
        elif char and char.isprintable():
            return self.say(t("ui.category_digit", count=len(self.categories)), "error") or True
        else:
            return False
        self.live()
        return True

    def after_category(self) -> None:
        self.move_to("note" if self.category.kind == "fixed" else "quantity")
        self.live()

    def tab(self, step: int) -> None:
        if self.focus == "search" and step > 0 and self.text("search").strip():
            return self.choose(adding=False)
        i = ORDER.index(self.focus)
        while True:
            i = (i + step) % len(ORDER)
            if ORDER[i] != "quantity" or not self.fixed():
                break
        self.move_to(ORDER[i])

    def fixed(self) -> bool:
        return self.category is not None and self.category.kind == "fixed"

    def move_to(self, name: str) -> None:
        self.focus = name
        if name in self.fields:
            box = self.fields[name]
            box.cursor = len(box.text)

    def edit_date(self) -> None:
        """Ctrl+O: the first character typed replaces the date, as if it were selected."""
        self.move_to("date")
        self.fields["date"].fresh = True

    def toggle_list(self) -> None:
        self.move_to("search" if self.focus == "list" else "list")

    def yesterday(self) -> None:
        self.fields["date"].set((self.today - timedelta(days=1)).isoformat())
        self.live()

    def set_today(self) -> None:
        self.fields["date"].set(self.today.isoformat())
        self.live()

    def day(self) -> date | None:
        try:
            return parse_day(self.text("date"), self.today)
        except BookError:
            return None

    # -- what the line under the form says ---------------------------------------------------
    def say(self, text: str, kind: str) -> None:
        self.status, self.status_kind = text, kind

    def live(self) -> None:
        """The line for the form as it stands: a question, no match, or the points."""
        self.say(*form_line(self))

    def save(self, confirmed: str = "") -> None:
        save_entry(self, confirmed)

    def clear(self) -> None:
        """Ready for the next entry: the same category and date, everything else empty."""
        self.question = None
        self.picked = []
        for name in ("search", "quantity", "note"):
            self.fields[name].set("")
        self.find()
        self.move_to("search")

    def is_dirty(self) -> bool:
        """A half-filled entry that quitting would lose."""
        return bool(self.picked) or any(self.text(f).strip() for f in ("search", "quantity",
                                                                        "note"))

