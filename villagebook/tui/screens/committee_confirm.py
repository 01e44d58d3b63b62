"""The committee's dialogs (post, finalize, finalize early): a key cannot misfire them.

Each names the month and what will happen, focuses "cancel" (Enter and Esc cancel) and
says which key confirms. Keys typed ahead, before the dialog has been on screen
ARM_SECONDS, never confirm it: a burst like `g y` posts nothing. The delay is a class
constant so tests can shorten it.
"""

from __future__ import annotations

from villagebook.i18n import t
from villagebook.tui.screens.ask_reason import AskReason
from villagebook.tui.screens.confirm import Confirm


class Guarded:
    """Mixed in first: the confirm key works only after the dialog was visible this long."""

    ARM_SECONDS = 0.3


class CommitteeConfirm(Guarded, Confirm):
    """y (or Tab to the button, then Enter) confirms once armed; Enter and Esc cancel."""

    def __init__(self, title: str, message: str, yes: str):
        super().__init__(title, yes, t("ui.cancel"), message=message,
                         hint=t("ui.confirm_keys"))


class EarlyFinalize(Guarded, AskReason):
    """Finalize inside the objection window: the reason typed is the confirmation."""

    def __init__(self, month: str, until: str):
        super().__init__(t("ui.early_title", month=month),
                         t("ui.early_text", month=month, until=until),
                         placeholder=t("ui.early_reason"), field="early",
                         hint=t("ui.early_keys"))
