"""Saving the record form: check everything, ask what needs asking, then write.

Nothing is written until the whole entry is valid. A date more than OLD_DAYS back, and a
day in a final month (offered as 补记, counted in the current month), are asked about
once per day typed; the save then goes on when the gatherer confirms. An entry that
repeats one recorded within a day is asked about each time (Enter records it again).
"""

from __future__ import annotations

from villagebook import entries
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.quantities import fmt_points_short, parse_day
from villagebook.tui.record_questions import Question

OLD_DAYS = 62  # a date further back than this is asked about


def save_entry(form, confirmed: str = "") -> None:
    """One entry per picked resident, in one transaction; the line says what happened."""
    at_fault = "search"  # a refusal puts the cursor where the fault is
    try:
        if form.gatherer() is None:
            raise BookError("gatherer.none")
        if not form.picked:
            raise BookError("ui.no_resident")
        at_fault = "category"
        if form.category is None:
            raise BookError("ui.no_category")
        at_fault = "quantity"
        quantity = None if form.fixed() else (form.text("quantity").strip() or None)
        entries.preview(form.book, form.category.code, quantity)
        at_fault = "date"
        day = parse_day(form.text("date"), form.today)
    except BookError as exc:
        if at_fault != "quantity" or not form.fixed():
            form.move_to(at_fault)
        return form.say(str(exc), "error")
    if confirmed == "old_date":
        form.old_ok = day
    if confirmed == "late":
        form.late_ok = day
    if (form.today - day).days > OLD_DAYS and form.old_ok != day:
        form.question = Question("old_date", form.clock(), day=day)
        return form.live()
    late = form.late_ok == day
    if not late and entries.month_state(form.book, day.strftime("%Y-%m")) == "final":
        current = form.today.strftime("%Y-%m")
        if entries.month_state(form.book, current) == "final":  # 补记 has nowhere to go
            return form.say(t("month.final", month=current), "error")
        form.question = Question("late", form.clock(), day=day)
        return form.live()
    try:
        saved = entries.record_many(form.book, form.picked, form.category.code, quantity,
                                    form.gatherer(), day=day, note=form.text("note"),
                                    today=form.today, late=late, again=confirmed == "again",
                                    old=form.old_ok == day)
    except BookError as exc:
        if exc.key in ("date.old_year", "date.before_first"):  # asked as any old date
            form.question = Question("old_date", form.clock(), day=day)
            return form.live()
        if exc.key == "entry.again":  # most often a paper line keyed twice: ask
            form.question = Question("again", form.clock(), day=day, values=exc.values)
            return form.live()
        return form.say(str(exc), "error")
    form.saves += 1
    who = "、".join(e.resident_name for e in saved)
    done = t("ui.saved", who=who, points=fmt_points_short(saved[0].points_c),
             category=form.category.name)
    form.clear()
    form.say(done + (t("ui.saved_late") if saved[0].late else ""), "done")

