"""Make a printout end to end: gather the data, check the font, draw, write, audit, send.

The CLI's `print` commands and the TUI's Print action both come here, so a printout is
made, checked and recorded the same way whoever asks for it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from reports import fonts
from villagebook import history, noticedata, printing, printlog, settings, slipsdata
from villagebook.errors import BookError
from villagebook.i18n import t

KINDS = ("board", "sheet", "slips", "catalogue", "notice", "forms")


@dataclass(frozen=True)
class Printed:
    path: Path
    pages: int
    sha256: str
    missing: dict[str, list[str]]  # resident name -> characters the font lacks


def render(book, kind: str, month: str, *, paper: str = "A4", period: str = "month",
           group_by: str = "corner", mono: bool | None = None, residents: list | None = None,
           mark=None, committee: bool = False,
           forms: list | None = None) -> tuple[bytes, int, dict[str, list[str]]]:
    """The PDF bytes, page count, and any characters the font cannot draw, by name. Every
    page carries the book's fingerprint (`mark`, the log's head, by default as it is now)."""
    from reports.document import building, fingerprinted

    mark = mark or history.head(book)
    # the collector pauses from the first query on: gathering 2,000 slips' rows makes as
    # many objects as drawing them, all alive until the PDF is done (document.building)
    with fingerprinted(t("p.fingerprint", code=mark.code, seq=mark.seq)), building():
        return _render(book, kind, month, paper, period, group_by, mono, residents, committee,
                       forms)


def _render(book, kind, month, paper, period, group_by, mono, residents, committee, forms):
    """Only the renderer asked for is imported: a command pays for the one it prints."""
    if paper not in ("A4", "A3"):
        raise BookError("print.bad_paper", paper=paper)
    if mono is None:
        mono = settings.load(book, None if kind == "catalogue" else month).mono
    if kind == "board":
        from reports import board

        data = printing.board_data(book, month, period, group_by)
        pdf, pages = board.render(data, paper, mono)
    elif kind == "sheet":
        from reports import sheet

        data = printing.sheet_data(book, month, committee)
        pdf, pages = sheet.render(data, paper)
    elif kind == "slips":
        from reports import slips

        data = slipsdata.slips_data(book, month, residents)
        pdf, pages = slips.render(data, paper)
    elif kind == "forms":
        from reports import forms as form_pages

        data = form_pages.forms_data(book, forms or [])
        pdf, pages = form_pages.render(data, paper)
    elif kind == "notice":
        from reports import notices

        data = noticedata.notice_data(book, month)
        pdf, pages = notices.render_notice(data, paper)
    else:
        from reports import notices

        data = noticedata.catalogue_data(book)
        pdf, pages = notices.render_catalogue(data, paper)
    missing = {name: gaps for name in names_in(data) if (gaps := fonts.missing(name))}
    return pdf, pages, missing


def names_in(data) -> list[str]:
    """Every resident's name a printout will show, to check the font has them all."""
    if isinstance(data, printing.BoardData):
        return [ln.name for ln in data.lines]
    if isinstance(data, printing.SheetData):
        return [sl.line.name for sl in data.lines]
    if isinstance(data, slipsdata.SlipsData):
        return data.names
    if isinstance(data, noticedata.NoticeData):
        return [ln.name for ln in data.lines]
    if hasattr(data, "forms"):
        return [row.name for form in data.forms for page in form.pages for row in page]
    return []



def publish(book, kind: str, month: str, out: Path, actor: str | None, **options) -> Printed:
    """Write the printout to out and append its audit line (with its SHA-256)."""
    mark = history.head(book)  # the moment printed, named again in the print's own line
    pdf, pages, missing = render(book, kind, month, mark=mark, **options)
    out = Path(out)
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        tmp = out.with_name(out.name + ".part")
        tmp.write_bytes(pdf)
        tmp.replace(out)
    except OSError as exc:
        raise BookError("print.cannot_write", path=out, why=exc.strerror or exc) from None
    period = month if kind != "catalogue" else "catalogue"
    digest = printlog.record_print(book, kind, period, pdf, out, actor, missing, mark)
    return Printed(out, pages, digest, missing)


def send(path: Path, printer: str | None = None) -> str:
    """Hand the PDF to the system's print queue; the queue's name, or a BookError."""
    if sys.platform == "win32":
        try:
            os.startfile(str(path), "print")  # type: ignore[attr-defined]  # the print verb
        except OSError as exc:
            raise BookError("print.send_failed", why=exc) from None
        return printer or "default"
    lp = shutil.which("lp")
    if lp is None:
        raise BookError("print.no_printer")
    command = [lp] + (["-d", printer] if printer else []) + [str(path)]
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise BookError("print.send_failed", why=exc) from None
    if done.returncode != 0:
        why = (done.stderr or done.stdout).strip().splitlines()
        raise BookError("print.send_failed", why=why[0] if why else done.returncode)
    return printer or "default"
