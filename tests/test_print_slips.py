"""Resident slips (个人积分单) for any village: every slip once, never cut, always totalled.

The sweep renders synthetic plain data (no book) for 0..120 and 500 residents and for
slips of 0..200 entries, on A4 and A3, and reads the PDF back as text: each resident's
name line is there exactly once (a "（续）" heading on a continuation page aside), and
after it that slip's month total, its cumulative total and what the resident may do.
The month's state is checked through a real book: an early finalize prints no deadline.
"""

import io
import re

import pytest
from conftest import MONTH
from pypdf import PdfReader

from reports import slips
from reports.document import MARGIN
from reports.fonts import width
from villagebook import entries, months, people, slipsdata
from villagebook.entries import Entry
from villagebook.printing import Posting
from villagebook.quantities import fmt_points
from villagebook.slipsdata import Slip, SlipsData

CATEGORIES = {"labour": "义务劳动", "goods": "捐物", "recognition": "表彰（军属等）"}
OPEN = Posting("open", None)


def entry(i: int, **changes) -> Entry:
    day = f"2026-11-{i % 28 + 1:02d}"
    made = Entry(f"e{i}", "r", "x", day, "2026-11", ("labour", "goods", "recognition")[i % 3],
                 str(i % 9 + 1), 100 * (i % 5 + 1), "rule", f"第{i}条", "杨秋云",
                 f"{day}T10:00:00", None, None, None, 0)
    return made._replace(**changes)


def slip(k: int, n: int, name: str | None = None) -> Slip:
    """Resident k with n entries: every 17th voided (out of the total), every 23rd late."""
    found = [entry(i, late=int(i % 23 == 7)) if i % 17 != 5 else
             entry(i, voided_at="2026-11-30T10:00:00", voided_by="杨秋云", void_reason="重复记录")
             for i in range(n)]
    month = sum(e.points_c for e in found if not e.voided_at)
    return Slip(name or f"村民{k:04d}", f"马家{k % 40}户", "东片", found, month,
                month + 100 * k)


def data(slip_list, posting=OPEN, day="2026-12-01") -> SlipsData:
    return SlipsData("夹矿马家村", "2026-11", slip_list, CATEGORIES, 15, posting, "zh", day)


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def text_runs(page) -> list[tuple[float, float, float]]:
    """(left x, width, size) of each run of text drawn on a page."""
    runs = []

    def seen(text, cm, tm, _font, size):
        wide = max((width(line, size) for line in text.split("\n")), default=0)
        if wide:
            runs.append((cm[4] + tm[4], wide, size))

    page.extract_text(visitor_text=seen)
    return runs


def totals(s: Slip) -> str:
    return rf"本月 {fmt_points(s.month_c)} 分\s*累计 {fmt_points(s.cumulative_c)} 分"


def assert_every_slip_once_and_totalled(d: SlipsData, text: str) -> None:
    """Each name line once, in order; the slip's totals and state line before the next."""
    state = slips.state_line(d)
    assert text.count(state) == len(d.slips)
    starts = []
    for s in d.slips:
        lines = [m for m in re.finditer(re.escape(s.name) + r"(?![^\n]*（续）)", text)]
        assert len(lines) == 1, (s.name, len(lines))
        starts.append(lines[0].start())
    assert starts == sorted(starts)
    for s, begin, end in zip(d.slips, starts, starts[1:] + [len(text)], strict=True):
        body = text[begin:end]
        assert re.search(totals(s), body), s.name
        assert state in body, s.name


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_every_resident_count_from_0_to_120_then_500(paper):
    """Villages of small slips (0..6 entries each) across every page boundary."""
    counts = list(range(0, 121)) + [500]
    if paper == "A3":  # the same engine, scaled: every fifth count is enough
        counts = list(range(0, 121, 5)) + [500]
    for count in counts:
        d = data([slip(k, k % 7) for k in range(count)])
        pdf, pages = slips.render(d, paper)
        text = "\n".join(pages_of(pdf))
        assert pages >= 1 and f"共 {pages} 页" in text
        if count:
            assert_every_slip_once_and_totalled(d, text)
        else:
            assert "没有记录" in text


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_one_slip_of_every_size_up_to_200_entries(paper):
    """Sizes 1..200 (A3: every 9th): each continues with （续） where it runs over a page
    (about 35 entries on A4) and ends with its totals."""
    sizes = range(1, 201) if paper == "A4" else [*range(1, 201, 9), 200]
    d = data([slip(k, n) for k, n in enumerate(sizes)])
    pdf, _ = slips.render(d, paper)
    pages = pages_of(pdf)
    assert_every_slip_once_and_totalled(d, "\n".join(pages))
    biggest = d.slips[-1]
    continued = [p for p in pages if f"{biggest.name}　{biggest.household}（续）" in p]
    assert len(continued) >= (3 if paper == "A4" else 2)
    for i in range(0, len(biggest.entries)):  # every entry's note is printed, none is cut
        assert f"第{i}条" in "\n".join(pages)


def test_a_200_entry_slip_continues_and_ends_with_its_totals():
    d = data([slip(1, 3), slip(2, 200), slip(3, 2)])
    pages = pages_of(slips.render(d)[0])
    heading = "村民0002　马家2户（续）"
    continued = [i for i, p in enumerate(pages) if heading in p]
    assert continued and continued[0] >= 1
    assert re.search(totals(d.slips[1]), pages[continued[-1]])
    assert not re.search(totals(d.slips[1]), pages[continued[0] - 1])  # not on its first page
    assert "日期" in pages[continued[0]]  # the column heads again on the continuation page


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_long_names_and_notes_wrap_and_nothing_is_cut(paper):
    long_note = "很长的备注" * 40
    voided = entry(2, voided_at="2026-11-30T10:00:00", voided_by="杨秋云",
                   void_reason="异议" * 350)
    found = [entry(1, note=long_note), voided, entry(3, late=1)]
    names = ["马", "马" * 12, "马" * 40]
    d = data([Slip(name, "马家" * 10 + "户", "东片", found, 300, 900) for name in names])
    pdf, _ = slips.render(d, paper)
    flat = re.sub(r"\s", "", "".join(pages_of(pdf)))
    assert flat.count(long_note) == 3 and flat.count("异议" * 350) == 3
    assert flat.count("马" * 40 + "马家" * 10) == 1  # the 40-character name, whole
    for page in PdfReader(io.BytesIO(pdf)).pages:  # no run of text past the right margin
        runs = text_runs(page)
        assert len(runs) > 10
        right = float(page.mediabox.width) - MARGIN
        for x, wide, size in runs:
            assert MARGIN - 1 <= x and x + wide <= right + size  # a hanging bracket at most


def test_the_same_slips_give_the_same_bytes():
    d = data([slip(k, k % 40) for k in range(30)])
    assert slips.render(d)[0] == slips.render(d)[0]


def test_each_state_says_what_a_resident_may_still_do():
    posted = Posting("posted", "2026-12-10", "2026-11-25T10:00:00")
    assert "请于 2026-12-10（含当天）前" in slips.state_line(data([], posted, day="2026-12-10"))
    closed = slips.state_line(data([], posted, day="2026-12-11"))  # the book refuses now
    assert "2026-12-10" in closed and "前" not in closed and "结束" in closed
    final = Posting("final", "2026-12-10", "2026-11-25T10:00:00",
                    finalized_at="2026-11-28T09:00:00")
    assert slips.state_line(data([], final)) == "本月积分已于 2026-11-28 定稿（已定稿），以此为准。"
    assert "尚未公示" in slips.state_line(data([], OPEN)) and "15 天内" in slips.state_line(
        data([], OPEN))
    reopened = Posting("open", "2026-12-10", "2026-11-25T10:00:00", "2026-12-20T10:00:00",
                       "漏记一户")
    assert "重新打开（漏记一户）" in slips.state_line(data([], reopened))


def test_after_an_early_finalize_no_deadline_is_printed(book):
    for name in ("马少军", "马洪云"):
        entries.record(book, people.find_resident(book, name), "labour", "8", "杨秋云")
    until = months.post(book, MONTH, "村委会").objection_until
    posted = "\n".join(pages_of(slips.render(slipsdata.slips_data(book, MONTH))[0]))
    assert posted.count(f"请于 {until}（含当天）前") == 2
    done = months.finalize(book, MONTH, "村委会", early_reason="村民大会已核对无误")
    text = "\n".join(pages_of(slips.render(slipsdata.slips_data(book, MONTH))[0]))
    assert until not in text and "请于" not in text
    assert text.count(f"本月积分已于 {done.finalized_at[:10]} 定稿（已定稿）") == 2
