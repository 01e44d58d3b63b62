"""The canvas every printout is drawn on: each page finished as soon as it is drawn, and
"第 N 页 / 共 M 页" written at the end, when M is known; a long print can say how far it is.
"""

from __future__ import annotations

import zlib
from collections.abc import Callable
from contextlib import contextmanager
from contextvars import ContextVar

from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFStream
from reportlab.pdfgen.canvas import Canvas

# Told the number of each page as it is finished (publish.py sets it for a command that
# shows how far a long print is: a township's slips are a minute and 12,000 pages).
PROGRESS: ContextVar[Callable[[int], None] | None] = ContextVar("progress", default=None)


@contextmanager
def setting(var: ContextVar, value):
    """var set to value for the time of a with block (a print's progress, its fingerprint)."""
    token = var.set(value)
    try:
        yield
    finally:
        var.reset(token)


def telling(progress: Callable[[int], None] | None):
    return setting(PROGRESS, progress)


class TotalLast(Canvas):
    """A canvas that gives every page its "共 M 页" in one layout pass, where multiBuild's
    page count would lay the whole story out twice (reportlab's "page x of y" recipe).

    A page is finished when it is drawn, its content compressed at once as reportlab
    would at the end (a township's 12,000 pages of slips were held whole, uncompressed,
    until the file was written: some 200 MB); what needs M is drawn at the end into a
    second, small content stream of each page (PDF joins a page's streams in order).

    `footer(canvas, page, total)` draws what needs the total, on each page in turn."""

    footer = None

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._footed: list[tuple[int, object]] = []  # (page, its footer) to draw at the end

    def showPage(self):
        footer = self.footer
        super().showPage()
        page = self._doc.Pages.pages[-1]
        if footer is not None:
            self._footed.append((len(self._doc.Pages.pages), footer))
        page.Contents, page.stream = Packed(page.stream), None  # always compressed
        if (told := PROGRESS.get()) is not None:
            told(len(self._doc.Pages.pages))

    def save(self):
        pages = self._doc.Pages.pages
        for number, footer in self._footed:
            self._code = []
            footer(self, number, len(pages))
            page = pages[number - 1]
            page.Contents = PDFArray([page.Contents, Packed("\n".join(self._code) + "\n")])
        self._code, self._footed = [], []
        super().save()


class Packed(PDFStream):
    """A page's content compressed when the page is done, exactly as reportlab compresses
    it when it writes the file (FlateDecode, zlib's default level; the Filter set says it
    is done). Once written into the file it is let go: the file's bytes are its copy."""

    def __init__(self, content: str):
        super().__init__(PDFDictionary({"Filter": PDFArray([PDFName("FlateDecode")])}),
                         zlib.compress(content.encode("utf8")))

    def format(self, document):
        formatted = super().format(document)
        self.content = b""
        return formatted
