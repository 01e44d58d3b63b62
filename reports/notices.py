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
  in 16 pt (22.6 pt on A3), header row repeated, a corner run over a page headed （续）
  (the list is reports/notice_names.py).
The catalogue (积分细则) lives in reports/rules.py; it is re-exported here for publish.
"""

from __future__ import annotations

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.platypus import KeepTogether, Spacer, Table, TableStyle

from reports.document import Page, Styles, mm, render
from reports.notice_names import RED, TEXT_SIZE, names, para
from reports.page import period_words
from reports.rules import render_catalogue
from villagebook.i18n import t
from villagebook.noticedata import NoticeData
from villagebook.quantities import fmt_points


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
    table = Table([[para(a, label), para(b, value)] for a, b in rows],
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
        para(title, st(28, align=TA_CENTER, color=RED)),
        para(t("p.nt_state", period=period, state=state), st(20, align=TA_CENTER)),
        gap(),
        para(window(data), st(20, color=RED)),
        gap(),
        para(summary, st(TEXT_SIZE)),
        gap(),
        _facts(data, st, width),
        gap(),
        KeepTogether([  # 落款: the committee's name over the date
            para(t("p.nt_committee", village=data.village), st(TEXT_SIZE, align=TA_RIGHT)),
            para(_date_words(signed), st(TEXT_SIZE, align=TA_RIGHT))]),
        Spacer(1, st.size(8 * mm)),
    ]


def render_notice(data: NoticeData, paper: str = "A4") -> tuple[bytes, int]:
    """The notice's PDF bytes and page count."""
    st = Styles(paper)
    title = t("p.notice_title", village=data.village)
    period = period_words(data.month)
    page = Page(note=t("p.nt_footer", title=title, period=period, day=data.day))

    def story(doc):  # made as the build draws it (document.LazyStory)
        yield from _head(data, st, title, period, doc.width)
        yield from names(data, st, title, period, doc.width)

    return render(story, paper, page=page, title=f"{title} {period}")


__all__ = ["render_catalogue", "render_notice", "window"]
