"""The record form's questions: which resident, a date long ago, 补记, the same entry again.

A question takes its answer only from a key pressed after it has been on screen
QUESTION_DELAY: a gatherer typing blind, ahead of the screen, cannot have read it, so
those keys are listed on the line and not applied. Esc always clears the form instead.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from villagebook.i18n import t

QUESTION_DELAY = 0.3  # seconds a question is on screen before a key may answer it


@dataclass
class Question:
    kind: str  # "which" (several residents match), "old_date", "late", "again"
    asked_at: float
    adding: bool = False  # "which" asked by +: the pick joins the others, search stays
    day: date | None = None
    held: list[str] = field(default_factory=list)  # keys typed before it showed
    values: dict = field(default_factory=dict)  # "again": the entry it would repeat


def answer(form, key: str, char: str | None, at: float) -> bool:
    """Apply a key typed while a question waits (Esc never reaches here: it clears)."""
    q = form.question
    if at < q.asked_at + QUESTION_DELAY:  # typed before the question could be read
        q.held.append(char if char and char.isprintable() else key_name(key))
        form.live()
        return True
    if q.kind == "which":
        if char and char.isdigit() and 0 < int(char) <= len(form.candidates.found):
            form.pick_index(int(char) - 1)
        elif key in ("up", "down"):
            form.search_key(key, char)
            form.live()
        elif key == "enter" and form.candidates.moved:
            form.pick_index(form.candidates.highlight)
        elif key == "enter" or (char and char.isdigit()):
            form.live()  # asked again: a number from the list, please
        else:
            form.question = None
            form.search_key(key, char)
        return True
    if key == "enter":
        form.question = None
        form.save(confirmed=q.kind)
        return True
    form.question = None
    form.say(t("ui.not_confirmed"), "error")
    return form.key(key, char, at)


def question_text(form, q: Question, query: str) -> str:
    if q.kind == "which":
        key = "ui.which_more" if form.candidates.more else "ui.which"
        return t(key, query=query[:20], count=len(form.candidates.found))
    if q.kind == "again":
        return t("ui.again", **q.values)
    if q.kind == "old_date":
        return t("ui.old_date", day=q.day.isoformat(), days=(form.today - q.day).days)
    return t("ui.late_offer", month=q.day.strftime("%Y-%m"), day=q.day.isoformat(),
             current=form.today.strftime("%Y-%m"))


def key_name(key: str) -> str:
    """A key as the line shows it when it was not used."""
    return {"enter": "⏎", "tab": "Tab", "up": "↑", "down": "↓", "backspace": "⌫"}.get(key, key)
