"""公示: the month put up for checking, as a notice the committee pins beside the sheet.

What it says, and why (issue 10, point 5):
- the window as the book has it, never a deadline already past: posted and still open
  "请于 X 前提出"; posted and past "公示期已于 X 结束"; final "已定稿" and its date (an
  early finalize included); not yet posted "公示后 N 天内";
- where it hangs (setting notice_place) and whom to ask (setting contact, when set), and
  the committee's 落款 with the date, as a village's own notice is signed;
- the totals exactly as the sheet states them (the same tally): opted-out residents are
  counted in them, and said to be, but never named;
- every on-board resident with points, all of them, because the notice is where a
  resident checks their own line: by corner, then pinyin, three name/points pairs a row
  in 16 pt (22.6 pt on A3), header row repeated, a corner run over a page headed （续）.
The catalogue (积分细则) lives in reports/rules.py; it is re-exported here for publish.
"""

from __future__ import annotations

from collections import Counter
from itertools import groupby

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from reports import shapes
from reports.document import GroupEnd, GroupStart, Page, Styles, mm, render
from reports.fonts import escape, printable
from reports.fonts import width as text_width
from reports.page import period_words
from reports.rules import render_catalogue
from reports.tabletext import TextTable
from villagebook.i18n import t
from villagebook.noticedata import NoticeData
from villagebook.quantities import fmt_points

RED = colors.Color(*shapes.RED)
PAIRS = 3  # name/points pairs a row: a 4-character name still fits on one line
NAME_SIZE = 16
PAD = 4  # cell padding, points on A4
TEXT_SIZE = 16


def window(data: NoticeData) -> str:
    """The one sentence about objections, true on the day printed (never a past deadline)."""
    post = data.posting
    if post.state == "final":
        return t("p.nt_final", day=(post.finalized_at or data.day)[:10])
    if post.state == "posted" and post.objection_until:
        if data.day <= post.objection_until:
            return t("p.notice_until", until=post.objection_until)
        return t("p.nt_closed", until=post.objection_until)
    if post.reopened_at:
        return t("p.nt_reopened", reason=post.reopen_reason or "", days=data.objection_days)
    return t("p.notice_days", days=data.objection_days)


def _date_words(day: str) -> str:
    y, m, d = (int(part) for part in day[:10].split("-"))
    return t("p.nt_date", y=y, m=m, d=d)


def _para(text: str, style) -> Paragraph:
    return Paragraph(escape(printable(text)), style)


def _facts(data: NoticeData, st: Styles, width: float) -> Table:
    """When, where, how to object, whom to ask: a two-column table in large type."""
    post, value = data.posting, st(TEXT_SIZE)
    label = st(TEXT_SIZE, color=RED)
    if post.state in ("posted", "final") and post.posted_at:
        until = post.objection_until or ""
        if post.state == "final" and post.finalized_at and until:  # an early finalize
            until = min(until, post.finalized_at[:10])  # closed the window that day
        when = t("p.nt_span", start=post.posted_at[:10], until=until)
    else:
        when = t("p.nt_from_posting", days=data.objection_days)
    rows = [(t("p.nt_when"), when)]
    if post.state == "final":
        rows.append((t("p.nt_final_on"), (post.finalized_at or data.day)[:10]))
    rows.append((t("p.nt_where"), t("p.nt_where_text", place=data.place)))
    rows.append((t("p.nt_object"), t("p.notice_how")))
    if data.contact:
        rows.append((t("p.nt_contact"), data.contact))
    label_width = st.size(TEXT_SIZE) * 5
    table = Table([[_para(a, label), _para(b, value)] for a, b in rows],
                  colWidths=[label_width, width - label_width])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, RED), ("LINEBELOW", (0, -1), (-1, -1), 0.8, RED),
        ("LINEBELOW", (0, 0), (-1, -2), 0.3, colors.Color(0.8, 0.8, 0.8)),
        ("TOPPADDING", (0, 0), (-1, -1), st.size(4)),
        ("BOTTOMPADDING", (0, 0), (-1, -1), st.size(5)),
    ]))
    return table


def _head(data: NoticeData, st: Styles, title: str, period: str, width: float) -> list:
    """Page 1: title, the month and its state, the window, the totals, the facts, 落款."""
    state = t(f"state.{data.posting.state}")
    hidden = data.residents - len(data.lines)
    summary = t("p.nt_summary", period=period, count=data.residents,
                entries=data.total_entries, points=fmt_points(data.total_c))
    if hidden:
        summary += t("p.nt_hidden", count=hidden)
    post = data.posting
    signed = {"final": post.finalized_at, "posted": post.posted_at}.get(post.state) or data.day

    def gap():
        return Spacer(1, st.size(4 * mm))

    return [
        _para(title, st(28, align=TA_CENTER, color=RED)),
        _para(t("p.nt_state", period=period, state=state), st(20, align=TA_CENTER)),
        gap(),
        _para(window(data), st(20, color=RED)),
        gap(),
        _para(summary, st(TEXT_SIZE)),
        gap(),
        _facts(data, st, width),
        gap(),
        KeepTogether([  # 落款: the committee's name over the date
            _para(t("p.nt_committee", village=data.village), st(TEXT_SIZE, align=TA_RIGHT)),
            _para(_date_words(signed), st(TEXT_SIZE, align=TA_RIGHT))]),
        Spacer(1, st.size(8 * mm)),
    ]


def _widths(data: NoticeData, st: Styles, width: float) -> list[float]:
    """Name and points columns: points as wide as the widest figure, the same for every
    corner, so the columns line up down the whole notice; names take the rest."""
    widest = max(stringWidth(text, st.font, st.size(NAME_SIZE)) for text in (
        t("p.nt_points"), *(fmt_points(ln.points_c) for ln in data.lines)))
    points_width = widest + 2 * st.size(PAD) + 2
    return [width / PAIRS - points_width, points_width] * PAIRS


class NamesTable(TextTable):
    """A LongTable whose names and points that fit one line are plain strings, drawn as
    one text object (reports/tabletext.py): a village's notice is 5,000 names, each a
    Paragraph to parse, wrap and draw before. A long name, or a name told apart by its
    household, is still a Paragraph that wraps."""

    _longTableOptimize = 1  # as LongTable


class Twin(Flowable):
    """A name shared with another resident, and the household that tells them apart in
    smaller type, on one line: drawn as two strings where a Paragraph was parsed and
    wrapped, again at every measure (a township has thousands of shared names)."""

    def __init__(self, name: str, household: str, style, small: float):
        super().__init__()
        self.name, self.household, self.style, self.small = name + " ", household, style, small

    def wrap(self, available_width, available_height):
        return available_width, self.style.leading  # as one line of a Paragraph

    def draw(self):
        c, style = self.canv, self.style
        base = self.style.leading - style.fontSize  # where a Paragraph puts its first line
        c.setFillColor(style.textColor)
        c.setFont(style.fontName, style.fontSize)
        c.drawString(0, base, self.name)
        c.setFont(style.fontName, self.small)
        c.drawString(text_width(self.name, style.fontSize), base, self.household)


def _rows(lines, st: Styles, dup: Counter, room: float) -> list[list]:
    """Rows of PAIRS name/points pairs, the last row filled out with empty cells."""
    name, points = st(NAME_SIZE), st(NAME_SIZE, align=TA_RIGHT)
    small = st.size(11)
    cells = []
    for ln in lines:
        text, figure = printable(ln.name), fmt_points(ln.points_c)
        house = printable(ln.household) if dup[ln.name] > 1 else ""  # same names are
        if house and text_width(text + " ", name.fontSize) + text_width(house, small) <= room:
            text = Twin(text, house, name, small)  # told apart by their household
        elif house:
            text = Paragraph(escape(text) + f' <font size="{small:.1f}">{escape(house)}</font>',
                             name)
        elif text_width(text, name.fontSize) > room:
            text = Paragraph(escape(text), name)
        if isinstance(text, Paragraph):  # drawn in the same pass as its name: the
            figure = Paragraph(figure, points)  # file's text keeps them side by side
        cells += [text, figure]
    cells += [""] * (-len(cells) % (2 * PAIRS))
    return [cells[i:i + 2 * PAIRS] for i in range(0, len(cells), 2 * PAIRS)]


def _corner_table(lines, st: Styles, dup: Counter, widths: list[float]) -> NamesTable:
    head, body, pad = st(11, color=colors.Color(0.35, 0.35, 0.35)), st(NAME_SIZE), st.size(PAD)
    rows = _rows(lines, st, dup, widths[0] - 2 * pad)
    header = [Paragraph(t("p.nt_name"), head), Paragraph(t("p.nt_points"), head)] * PAIRS
    table = NamesTable([header, *rows], colWidths=widths, repeatRows=1)
    grey = colors.Color(0.75, 0.75, 0.75)
    style = [("FONT", (0, 1), (-1, -1), body.fontName, body.fontSize, body.leading),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
             ("LINEBELOW", (0, 0), (-1, -1), 0.3, grey),
             ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.Color(.96, .96, .96)]),
             ("LEFTPADDING", (0, 0), (-1, -1), pad),
             ("RIGHTPADDING", (0, 0), (-1, -1), pad),
             ("TOPPADDING", (0, 0), (-1, -1), st.size(3)),
             ("BOTTOMPADDING", (0, 0), (-1, -1), st.size(4))]
    style += [("ALIGN", (2 * i + 1, 1), (2 * i + 1, -1), "RIGHT") for i in range(PAIRS)]
    style += [("LINEAFTER", (2 * i + 1, 0), (2 * i + 1, -1), 0.8, grey)
              for i in range(PAIRS - 1)]
    table.setStyle(TableStyle(style))
    return table


def _height(flowables, width: float) -> float:
    return sum(f.wrap(width, 10**6)[1] for f in flowables)


def _names(data: NoticeData, st: Styles, title: str, period: str, width: float):
    """Every on-board resident with points, corner by corner; nobody cut, nobody twice.
    Yielded a corner at a time, as the build draws them (a township has 20 corners of
    2,500 names each: document.LazyStory).

    A heading never ends a page: a CondPageBreak measured on the heading and the corner's
    first rows (a 40-character name makes a tall row) moves it on when they do not fit."""
    listed = _para(t("p.nt_list"), st(18, color=RED))
    if not data.lines:
        yield from (listed, _para(t("p.nt_none"), st(TEXT_SIZE)))
        return
    lead = [listed]  # the list's title stays with the first corner
    dup = Counter(ln.name for ln in data.lines)
    widths = _widths(data, st, width)
    for corner, group in groupby(data.lines, key=lambda ln: ln.corner):
        lines = list(group)
        heading = _para(t("p.nt_corner", corner=corner, count=len(lines)), st(18))
        gap = Spacer(1, st.size(3 * mm))
        first = _corner_table(lines[:2 * PAIRS], st, dup, widths)
        room = _height([*lead, gap, heading, first], width) + 2
        yield from (CondPageBreak(room), *lead, gap,
                    GroupStart(t("p.nt_group", title=title, period=period, corner=corner)),
                    heading, _corner_table(lines, st, dup, widths), GroupEnd())
        lead = []


def render_notice(data: NoticeData, paper: str = "A4") -> tuple[bytes, int]:
    """The notice's PDF bytes and page count."""
    st = Styles(paper)
    title = t("p.notice_title", village=data.village)
    period = period_words(data.month)
    page = Page(note=t("p.nt_footer", title=title, period=period, day=data.day))

    def story(doc):  # made as the build draws it (document.LazyStory)
        yield from _head(data, st, title, period, doc.width)
        yield from _names(data, st, title, period, doc.width)

    return render(story, paper, page=page, title=f"{title} {period}")


__all__ = ["render_catalogue", "render_notice", "window"]
