"""The page engine every printout uses: reportlab's platypus, not hand-placed strings.

A printout is a story (a list of flowables) poured into one page template by
`render(...)`, in one pass. The engine gives every page its footer ("第 N 页 / 共 M 页",
written when the last page is known), its running title, and, when a group (a corner, a household,
a resident's slip) runs over a page, that group's heading again with "（续）" at the top
of the continuation page. Type is sized for the paper: A3 scales A4's sizes by √2, so an
A3 board is a poster, not an A4 page blown up with small type.

Build a story with `Styles(paper)` and `GroupStart(text)` before each group; the same
data gives the same bytes (invariant=1).
"""

from __future__ import annotations

import copy
import gc
import io
import math
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass

from reportlab import rl_config
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A3, A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate
from reportlab.platypus.doctemplate import ActionFlowable

from reports.canvas import TotalLast, setting
from reports.fonts import printable, register
from villagebook.i18n import t

PAPERS = {"A4": A4, "A3": A3}
SCALE = {"A4": 1.0, "A3": math.sqrt(2)}
MARGIN = 15 * mm
HEADER = 12 * mm  # band above the frame: the running title, or a group's "（续）"
FOOTER = 12 * mm  # band below the frame: page N of M
FOOTER_SIZE = 9


class Styles:
    """Paragraph styles for one paper size; CJK wrapping (a line may break anywhere)."""

    def __init__(self, paper: str = "A4"):
        self.paper, self.scale = paper, SCALE[paper]
        self.font = register()

    def __call__(self, size: float, leading: float = 1.3, align=None, bold=False,
                 color=None) -> ParagraphStyle:
        """A style of `size` points on A4 (scaled for the paper)."""
        points = size * self.scale
        style = ParagraphStyle(f"s{points:.1f}", fontName=self.font, fontSize=points,
                               leading=points * leading, wordWrap="CJK")
        if align is not None:
            style.alignment = align
        if color is not None:
            style.textColor = color
        return style

    def size(self, points: float) -> float:
        return points * self.scale


class Marker(Flowable):
    """A flowable that takes no space and draws nothing, not even the save, move and
    restore of the graphics state every flowable is drawn inside (two a slip). It is
    placed even on a page filled to its last point (_ZEROSIZE: a frame refuses anything
    else there), so a group that ends at a page's foot ends on that page."""

    _ZEROSIZE = True

    def wrap(self, available_width, available_height):
        return 0, 0

    def drawOn(self, canvas, x, y, _sW=0):
        pass


class GroupStart(Marker):
    """Marks where a group (a corner, a household, a slip) begins.

    If the group runs over a page, the engine prints `text（续）` at the top of each
    continuation page."""

    def __init__(self, text: str):
        super().__init__()
        self.text = text


class GroupEnd(GroupStart):
    """The group before it has ended: no "（续）" after this point."""

    def __init__(self):
        super().__init__("")


class BodyFrame(Frame):
    """The page's one frame. KeepTogether measures its contents against a deep copy of
    the frame, thousands of times for a village's slips; the frame holds numbers and a
    few lists, so copying only the lists deeply gives the same copy far cheaper."""

    def __deepcopy__(self, memo):
        twin = copy.copy(self)
        for name, value in vars(self).items():
            if not isinstance(value, (int, float, str)):
                setattr(twin, name, copy.deepcopy(value, memo))
        return twin


@dataclass
class Page:
    """What the page furniture says: the running title and the footer's left note."""

    title: str = ""
    note: str = ""
    numbered: bool = True  # "第 N 页 / 共 M 页" in the footer

class VillageDoc(BaseDocTemplate):
    def __init__(self, buffer, paper: str, turned: bool, page: Page, title: str):
        size = landscape(PAPERS[paper]) if turned else PAPERS[paper]
        super().__init__(buffer, pagesize=size, title=title, author="villagebook",
                         creator="villagebook", invariant=1, pageCompression=1,
                         leftMargin=MARGIN, rightMargin=MARGIN,
                         topMargin=MARGIN + HEADER, bottomMargin=MARGIN + FOOTER)
        self.furniture, self.paper = page, paper
        self.group, self.pending = "", None  # the group being drawn; one about to begin
        frame = BodyFrame(self.leftMargin, self.bottomMargin, self.width, self.height,
                          id="body", leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        self.addPageTemplates([PageTemplate("body", [frame], onPageEnd=self._furnish)])

    def beforeDocument(self):
        self.group, self.pending = "", None  # a document starts outside a group

    def handle_pageBegin(self):
        self.page_group, self.page_empty = self.group, True
        super().handle_pageBegin()

    def afterFlowable(self, flowable):
        """A group begins where its first real flowable is drawn: a GroupStart left alone
        at the foot of a page must not head the next page with the old group's （续）."""
        if isinstance(flowable, GroupEnd):
            self.group, self.pending = "", None
        elif isinstance(flowable, GroupStart):
            self.pending = flowable.text
        elif not isinstance(flowable, ActionFlowable):  # these draw nothing
            if self.pending is not None:
                self.group, self.pending = self.pending, None
                if self.page_empty:  # this page opens with the group's own beginning
                    self.page_group = ""
            self.page_empty = False

    def _furnish(self, canvas, doc):
        """Header band and footer band of one page, drawn when the page is done; its
        "第 N 页 / 共 M 页" is drawn at the end (TotalLast), when M is known."""
        canvas.footer = self._page_number if self.furniture.numbered else None
        width, height = self.pagesize
        font = register()
        canvas.saveState()
        continued = bool(self.page_group)
        head = t("p.continued", group=self.page_group) if continued else self.furniture.title
        if head:
            size = FOOTER_SIZE * SCALE[self.paper] * (1.3 if continued else 1)
            canvas.setFont(font, size)
            canvas.setFillGray(0 if continued else 0.35)
            canvas.drawString(MARGIN, height - MARGIN - size, printable(head))
        canvas.setFont(font, FOOTER_SIZE * SCALE[self.paper])
        canvas.setFillGray(0.35)
        if self.furniture.note:
            canvas.drawString(MARGIN, MARGIN, printable(self.furniture.note))
        if FINGERPRINT.get():  # the book's head as this page was printed, on every page
            canvas.setFont(font, FOOTER_SIZE * SCALE[self.paper])
            canvas.setFillGray(0.35)
            canvas.drawRightString(width - MARGIN, height - MARGIN - FOOTER_SIZE
                                   * SCALE[self.paper], printable(FINGERPRINT.get()))
        canvas.restoreState()

    def _page_number(self, canvas, page: int, total: int):
        canvas.saveState()
        canvas.setFont(register(), FOOTER_SIZE * SCALE[self.paper])
        canvas.setFillGray(0.35)
        canvas.drawRightString(self.pagesize[0] - MARGIN, MARGIN,
                               t("p.page", page=page, pages=total))
        canvas.restoreState()


# The fingerprint of the book being printed (publish.py sets it around a render): drawn at
# the top right of every page, so a paper on the wall names the moment of the history it
# shows (`villagebook verify --code`).
FINGERPRINT: ContextVar[str] = ContextVar("fingerprint", default="")


def fingerprinted(text: str):
    return setting(FINGERPRINT, text)


class LazyStory(list):
    """A story made as the build takes it: platypus reads and removes flowables from the
    front of a list, so this list keeps `ahead` of them made and makes more from `items`
    each time some are removed. A township's 50,000 slips as one list were most of a GB
    before the first page was drawn; made as they are drawn, a few hundred live at once."""

    def __init__(self, items, ahead: int = 200):
        super().__init__()
        self._more, self._ahead = iter(items), ahead
        self._fill()

    def _fill(self) -> None:
        while self._more is not None and list.__len__(self) < self._ahead:
            try:
                self.append(next(self._more))
            except StopIteration:
                self._more = None

    def __delitem__(self, key) -> None:
        super().__delitem__(key)
        self._fill()


def render(story_maker, paper: str = "A4", turned: bool = False, page: Page | None = None,
           title: str = "") -> tuple[bytes, int]:
    """The PDF bytes and page count of a story made by story_maker(doc), laid out once; a
    story_maker that yields its flowables has them made as they are drawn (LazyStory)."""
    buffer = io.BytesIO()
    with building():  # the story is let go as the build ends, before the collector resumes
        doc = VillageDoc(buffer, paper, turned, page or Page(), title)
        story = story_maker(doc)
        doc.build(story if isinstance(story, list) else LazyStory(story),
                  canvasmaker=TotalLast)
        pages = doc.page
        del doc
    return buffer.getvalue(), pages


@contextmanager
def building():
    """Two process-wide settings for the time of a build, put back after it.

    Page streams are compressed only, not also ASCII85-encoded (reportlab's default, for
    7-bit-clean files: about 5 % of a large printout's time and a quarter more bytes);
    always the same, so the same data still gives the same bytes. And Python's cycle
    collector pauses: a build makes millions of objects that live until it ends, which
    the collector would walk again and again (about 15 % of the time of 2,000 slips) to
    find some thousands in cycles; the next collection after the build takes those."""
    a85, collecting = rl_config.useA85, gc.isenabled()
    rl_config.useA85 = 0
    gc.disable()
    try:
        yield
    finally:
        rl_config.useA85 = a85
        if collecting:
            gc.enable()


__all__ = ["GroupEnd", "GroupStart", "MARGIN", "PAPERS", "Page", "Styles", "TA_CENTER",
           "VillageDoc", "mm", "render"]
