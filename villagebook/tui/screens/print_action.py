"""The Print action of the sheet, board and paper screens: the same printout as the CLI's,
made in a thread of its own with its own connection to the book, so the screen goes on
answering keys while it is laid out (a township's board is ten seconds, its sheet
twenty); the screen's header says how far it is, and a notice where it was written."""

from __future__ import annotations

from villagebook import laptop
from villagebook.errors import BookError
from villagebook.i18n import t
from villagebook.tui.header_line import teller


def print_pdf(screen, kind: str, month: str, **options) -> None:
    """Write the PDF to the laptop's print folder, audit it, and say where it is; one
    print at a time (reportlab's settings for a print are the whole process's)."""
    app = screen.app
    if getattr(app, "printing", False):
        screen.notify(t("ui.print_busy"), severity="warning")
        return
    period = options.get("period", "month")
    name = f"{kind}-{month}.pdf" if period == "month" else f"{kind}-{month}-{period}.pdf"
    what = t(f"what.{kind}")
    app.printing = True
    screen.sub_title = t("ui.printing", what=what, page=0)
    progress = teller(screen, lambda page: t("ui.printing", what=what, page=page))

    def work() -> None:
        try:
            message, severity = _publish(app.book.path, kind, month,
                                         laptop.print_folder() / name, app.gatherer,
                                         progress, options)
        except Exception as exc:  # noqa: BLE001 - said on the screen, never a traceback
            message, severity = t("ui.print_failed", what=what, why=exc), "error"
        app.call_from_thread(_finish, screen, message, severity)

    app.run_worker(work, thread=True, group="print", exit_on_error=False)


def _publish(path, kind, month, out, actor, progress, options) -> tuple[str, str]:
    """The printout made on a connection of this thread's own (SQLite's connections stay
    in the thread that opened them); what to say, and how."""
    from reports import publish
    from reports.canvas import telling
    from villagebook.book import Book

    try:
        with Book.open(path) as book, telling(progress):
            done = publish.publish(book, kind, month, out, actor, **options)
    except BookError as exc:
        return str(exc), "error"
    message = t("print.done", what=t(f"what.{kind}"), path=done.path, pages=done.pages,
                sha=done.sha256[:16])
    for resident, chars in done.missing.items():
        message += "\n" + t("print.missing_glyph", char="".join(chars), name=resident)
    return message, "information"


def _finish(screen, message: str, severity: str) -> None:
    screen.app.printing = False
    screen.sub_title = None  # the app's own again: the gatherer and the day
    screen.notify(message, severity=severity, timeout=10)
