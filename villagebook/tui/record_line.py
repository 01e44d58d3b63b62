"""What the line under the record form says, worked out from the form's state.

One place decides it, after every key: a question waiting for its answer (with any keys
typed before it showed), a name with no match (and the names it may have meant), or
the points the entry will give. Saved and refused entries set the line themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from villagebook import entries, people
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.quantities import fmt_points


@dataclass
class Question:
    kind: str  # "which" (several residents match), "old_date", "late"
    asked_at: float
    adding: bool = False  # "which" asked by +: the pick joins the others, search stays
    day: date | None = None
    held: list[str] = field(default_factory=list)  # keys typed before it showed


def form_line(form) -> tuple[str, str]:
    """(text, kind) for the form as it stands; kind is "", "error" or "ask"."""
    query = form.text("search").strip()
    q = form.question
    if q is not None:
        text = question_text(form, q, query)
        if q.held:
            text += t("ui.held", keys=" ".join(q.held))
        return text, "ask"
    if query and not form.candidates:
        return t("ui.no_match", query=query[:20], near=near(form.book, query)), "error"
    if form.category is None or not (form.picked or query):
        return "", ""
    quantity = None if form.fixed() else form.text("quantity").strip()
    if quantity == "":
        return "", ""
    try:
        _, _, points_c = entries.preview(form.book, form.category.code, quantity)
    except BookError as exc:
        return str(exc), "error"
    count = max(1, len(form.picked))
    return t("ui.preview_many" if count > 1 else "ui.preview",
             points=fmt_points(points_c), count=count), ""


def question_text(form, q: Question, query: str) -> str:
    if q.kind == "which":
        key = "ui.which_more" if form.more else "ui.which"
        return t(key, query=query[:20], count=len(form.candidates))
    if q.kind == "old_date":
        return t("ui.old_date", day=q.day.isoformat(), days=(form.today - q.day).days)
    return t("ui.late_offer", month=q.day.strftime("%Y-%m"), day=q.day.isoformat(),
             current=form.today.strftime("%Y-%m"))


def near(book, query: str) -> str:
    """Names found by a shorter start of the query: what the gatherer may have meant."""
    for end in range(len(query) - 1, 0, -1):
        found = people.search(book, query[:end], limit=3)
        if found:
            return t("ui.near", names="、".join(r.name for r in found))
    return ""


def key_name(key: str) -> str:
    """A key as the line shows it when it was not used."""
    return {"enter": "⏎", "tab": "Tab", "up": "↑", "down": "↓", "backspace": "⌫"}.get(key, key)
