"""Post (g) and finalize (d) from the month sheet, each behind a dialog that cannot misfire.

What would be refused (a month already posted, one not posted, open objections, a later
month already final) is said at once, before a PIN or a dialog is asked: the core's own
checks (months.check_post, months.check_finalize) say it, the ones post and finalize run.
The PIN is asked where the CLI asks it: finalize, not post; its prompt names the month.
Then the dialog names the month and what happens; inside the objection window,
finalizing early asks why (the reason is the confirmation).
"""

from __future__ import annotations

from datetime import timedelta

from villagebook import months, settings
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.tui.screens.committee_confirm import CommitteeConfirm, EarlyFinalize
from villagebook.tui.screens.pin_prompt import with_committee_pin


def _refused(screen, error: BookError) -> None:
    screen.notify(str(error), severity="error")


def post_month(screen) -> None:
    """Ask, then post screen.month: the sheet goes up and the objection window opens."""
    book, app, month = screen.book, screen.app, screen.month
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
        try:
            done = months.post(book, month, app.gatherer, app.today)
        except BookError as exc:
            _refused(screen, exc)
            return
        screen.month_changed(t("month.posted", month=done.month, until=done.objection_until))

    app.push_screen(CommitteeConfirm(
        t("ui.post_title", month=month),
        t("ui.post_text", month=month, until=until, days=days), t("ui.k.post")), answered)


def finalize_month(screen) -> None:
    """The PIN (if one is set), then ask, then finalize screen.month and seal it."""
    book, app, month = screen.book, screen.app, screen.month
    try:
        st = months.check_finalize(book, month)
    except BookError as exc:
        _refused(screen, exc)
        return
    early = app.today.isoformat() <= (st.objection_until or "")

    def finalize(reason: str | None = None) -> None:
        try:
            done = months.finalize(book, month, app.gatherer, reason, app.today)
        except BookError as exc:
            _refused(screen, exc)
            return
        screen.month_changed(t("month.finalized", month=done.month, seal=done.seal[:16]))

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
