"""What the line under the record form says, worked out from the form's state.

One place decides it, after every key: a question waiting for its answer (with any keys
typed before it showed), a name with no match (and the names it may have meant), or
the points the entry will give. Saved and refused entries set the line themselves.
"""

from __future__ import annotations

from villagebook import entries, people
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.quantities import fmt_points
from villagebook.tui.record_questions import question_text


def form_line(form) -> tuple[str, str]:
    """(text, kind) for the form as it stands; kind is "", "error" or "ask"."""
    query = form.text("search").strip()
    q = form.question
    if q is not None:
        text = question_text(form, q, query)
        if q.held:
            text += t("ui.held", keys=" ".join(q.held))
        return text, "ask"
    if query and not form.candidates.found:
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
    text = t("ui.preview_many" if count > 1 else "ui.preview", points=fmt_points(points_c),
             count=count)
    return text + (t("ui.fixed_hint") if form.fixed() else ""), ""


def near(book, query: str) -> str:
    """Names found by a shorter start of the query: what the gatherer may have meant."""
    for end in range(len(query) - 1, 0, -1):
        found = people.search(book, query[:end], limit=3)
        if found:
            return t("ui.near", names="、".join(r.name for r in found))
    return ""

