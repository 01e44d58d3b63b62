"""Post (g) and finalize (d) from the month sheet, each behind a dialog that cannot misfire.

What would be refused (a month already posted, one not posted, open objections) is said
at once, before a PIN or a dialog is asked. The PIN is asked where the CLI asks it:
finalize, not post. Then the dialog names the month and what happens; inside the
objection window, finalizing early asks why (the reason is the confirmation).
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
    st = months.status(book, month)
    if st.state != "open":
        _refused(screen, BookError("month.not_open", month=month, state=t(f"state.{st.state}")))
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
    st = months.status(book, month)
    if st.state != "posted":
        _refused(screen, BookError("month.not_posted", month=month,
                                   state=t(f"state.{st.state}")))
        return
    if st.unresolved:
        _refused(screen, BookError("month.objections_open", month=month,
                                   count=len(st.unresolved)))
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

    with_committee_pin(screen, ask)
