"""The Print action of the sheet and board screens: the same printout as the CLI's."""

from __future__ import annotations

from villagebook import laptop
from villagebook.errors import BookError
from villagebook.i18n import t


def print_pdf(screen, kind: str, month: str, **options) -> None:
    """Write the PDF to the laptop's print folder, audit it, and say where it is."""
    from reports import publish

    period = options.get("period", "month")
    name = f"{kind}-{month}.pdf" if period == "month" else f"{kind}-{month}-{period}.pdf"
    try:
        done = publish.publish(screen.app.book, kind, month, laptop.print_folder() / name,
                               screen.app.gatherer, **options)
    except BookError as exc:
        screen.notify(str(exc), severity="error")
        return
    message = t("print.done", what=t(f"what.{kind}"), path=done.path, pages=done.pages,
                sha=done.sha256[:16])
    for resident, chars in done.missing.items():
        message += "\n" + t("print.missing_glyph", char="".join(chars), name=resident)
    screen.notify(message, timeout=10)
