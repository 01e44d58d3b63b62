"""Post (g) and finalize (d) from the month sheet, each behind a dialog that cannot misfire.

What would be refused (a month already posted, one not posted, open objections, a later
month already final) is said at once, before a PIN or a dialog is asked: the core's own
checks (months.check_post, months.check_finalize) say it, the ones post and finalize run.
The PIN is asked where the CLI asks it: finalize, not post; its prompt names the month.
Then the dialog names the month and what happens; inside the objection window,
finalizing early asks why (the reason is the confirmation). Each step begins with a copy
of the book (a big village's takes a quarter of a minute, a township's minutes): it runs
in a thread of its own, the header saying how far the copy is, the keys answered.
"""

from __future__ import annotations

from datetime import timedelta

from villagebook import months, settings
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.tui.header_line import teller
from villagebook.tui.screens.committee_confirm import CommitteeConfirm, EarlyFinalize
from villagebook.tui.screens.pin_prompt import with_committee_pin


def _refused(screen, error: BookError) -> None:
    screen.notify(str(error), severity="error")


def post_month(screen) -> None:
    """Ask, then post screen.month: the sheet goes up and the objection window opens."""
    book, app, month = screen.book, screen.app, screen.month
    if _busy(screen):
        return
    try:
        months.check_post(book, month, app.today)
    except BookError as exc:
        _refused(screen, exc)
        return
    days = settings.load(book).objection_days
    until = (app.today + timedelta(days=days)).isoformat()

    def answered(yes: bool | None) -> None:
        if not yes:
            return
        _in_background(screen, t("ui.k.post"), lambda own, told: t(
            "month.posted", **_said(months.post(own, month, app.gatherer, app.today, told))))

    app.push_screen(CommitteeConfirm(
        t("ui.post_title", month=month),
        t("ui.post_text", month=month, until=until, days=days), t("ui.k.post")), answered)


def finalize_month(screen) -> None:
    """The PIN (if one is set), then ask, then finalize screen.month and seal it."""
    book, app, month = screen.book, screen.app, screen.month
    if _busy(screen):
        return
    try:
        st = months.check_finalize(book, month)
    except BookError as exc:
        _refused(screen, exc)
        return
    early = app.today.isoformat() <= (st.objection_until or "")

    def finalize(reason: str | None = None) -> None:
        _in_background(screen, t("ui.k.finalize"), lambda own, told: t(
            "month.finalized", **_said(months.finalize(own, month, app.gatherer, reason,
                                                       app.today, told))))

    def ask() -> None:
        if early:
            app.push_screen(EarlyFinalize(month, st.objection_until),
                            lambda why: why and finalize(why))
            return
        app.push_screen(CommitteeConfirm(t("ui.finalize_title", month=month),
                                         t("ui.finalize_text", month=month),
                                         t("ui.k.finalize")),
                        lambda yes: yes and finalize())

    with_committee_pin(screen, ask, t("pin.for_finalize", month=month))


def _said(done) -> dict:
    return {"month": done.month, "until": done.objection_until, "seal": (done.seal or "")[:16]}


def _in_background(screen, what: str, step) -> None:
    """step(book, told) -> the message, on a connection of a thread of its own (SQLite's
    connections stay in their thread); one month's step at a time."""
    from villagebook.book import Book

    app = screen.app
    if _busy(screen):
        return
    app.month_busy = True
    screen.sub_title = t("ui.month_copying", what=what, percent=0)
    told = teller(screen, lambda done, total: t(
        "ui.month_copying", what=what, percent=done * 100 // max(total, 1)))

    def work() -> None:
        try:
            with Book.open(app.book.path) as own:
                message, refused = step(own, told), None
        except BookError as exc:
            message, refused = "", exc
        except Exception as exc:  # noqa: BLE001 - said on the screen, never a traceback
            message, refused = "", BookError("ui.step_failed", what=what, why=exc)
        app.call_from_thread(_finish, screen, message, refused)

    app.run_worker(work, thread=True, group="month", exit_on_error=False)


def _busy(screen) -> bool:
    """A step under way is said, and nothing else asked, until it is done."""
    if getattr(screen.app, "month_busy", False):
        screen.notify(t("ui.month_busy"), severity="warning")
        return True
    return False


def _finish(screen, message: str, refused: BookError | None) -> None:
    screen.app.month_busy = False
    screen.sub_title = None  # the app's own again: the gatherer and the day
    if refused is not None:
        _refused(screen, refused)
    else:
        screen.month_changed(message)
