"""The board (红榜) for any village (issue 10): every resident once with their points, the
marks never touching the points or the names, twins told apart, natural order, the real
settings in the legend, the period in words, mono without red.

The sweep renders synthetic plain data (no book): every resident count from 0 to 120 and
then 200, 500 and 2,000 on A4 by corner in colour; the other variants (A3, by household,
year and all-time, mono) at 0, 1, 7, 23, 57, 120 and 200, and 2,000 by household, to keep
the file under a minute.
"""

import io
import re

import pytest
from conftest import MONTH
from pdf_drawing import boxes, drawing_of, overlaps
from pypdf import PdfReader

from reports import board
from reports.fonts import width
from villagebook import entries, people, printing, settings, tally
from villagebook.printing import BoardData, Posting
from villagebook.quantities import fmt_points

SURNAMES = "马杨王李陈张赵刘"
GIVEN = "明华秋云英杰少军淑婷海兰芳强勇玲凤霞春梅德"
RED_FILL = b".82 .05 .1 rg"
POINTS = re.compile(r"^(\d+\.\d\d)( 分| pts)?$")
SOME = (0, 1, 7, 23, 57, 120, 200)
OPEN = Posting("open", None)


def line(i: int, points_c: int, name=None, household=None, corner=None, pps=100, spf=6):
    stars = points_c // pps
    name = name or SURNAMES[i % 8] + GIVEN[i // 8 % 21] + GIVEN[i // 168 % 21]
    household = household or f"{name[0]}家{i // 3 + 1}户"
    return tally.Line(f"r{i}", name, household, corner or f"{i % 4 + 1}组", True, points_c,
                      1, stars, stars // spf, stars % spf)


def make(n=0, lines=None, period="2026-11", by="corner", pps=100, spf=6,
         posting=OPEN, day="2026-11-20") -> BoardData:
    lines = lines if lines is not None else [
        line(i, 25 * ((i * 7919) % 240 + 1), pps=pps, spf=spf) for i in range(n)]
    lines = sorted(lines, key=lambda ln: -ln.points_c)
    return BoardData("夹矿马家村", period, lines, lines[:5], by,
                     ["义务劳动：每4小时1分", "现金捐赠：每100元1分"], spf, posting, "zh", pps,
                     "2026-11", day)


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def assert_everyone_once(data: BoardData, pdf: bytes) -> None:
    """Each resident's name stands once on the board (twice if a role model), each time
    followed by their points (a household in small type, or ×N, may come between)."""
    lines = [ln.strip() for ln in "\n".join(pages_of(pdf)).splitlines()]
    where: dict[str, list[int]] = {}
    for k, text in enumerate(lines):
        where.setdefault(text, []).append(k)
    models = {ln.name for ln in data.role_models}
    for ln in data.lines:
        found = where.get(ln.name, [])
        assert len(found) == 1 + (ln.name in models), (ln.name, len(found))
        for k in found:
            k += 1
            while lines[k] == ln.household or lines[k].startswith("×"):
                k += 1
            assert POINTS.match(lines[k]).group(1) == fmt_points(ln.points_c), ln.name


class TestSweep:
    @pytest.mark.parametrize("n", [*range(121), 200, 500, 2000])
    def test_a4_by_corner_every_count(self, n):
        data = make(n)
        pdf, pages = board.render(data, "A4")
        assert len(pages_of(pdf)) == pages
        assert_everyone_once(data, pdf)

    @pytest.mark.parametrize("n", SOME)
    @pytest.mark.parametrize("paper, by, period, mono", [
        ("A3", "corner", "2026-11", False), ("A4", "household", "2026-11", False),
        ("A3", "household", "2026", True), ("A4", "corner", "..2026-11", True)])
    def test_other_variants(self, n, paper, by, period, mono):
        data = make(n, period=period, by=by)
        pdf, _ = board.render(data, paper, mono)
        assert_everyone_once(data, pdf)

    @pytest.mark.parametrize("pps, spf", [(1, 1), (50, 100), (100000, 1), (100, 2)])
    def test_any_settings(self, pps, spf):
        data = make(40, pps=pps, spf=spf)
        assert_everyone_once(data, board.render(data, "A4")[0])

    def test_names_of_1_to_40_characters_print_whole_in_their_area(self):
        lines = [line(n, 100 * n, name="".join(GIVEN[(n + k) % 21] for k in range(n)))
                 for n in range(1, 41)]
        data = make(lines=lines)
        maker = board.Board(data, "A4", keep_rows=True)
        text = "\n".join(pages_of(maker.render()[0])).replace("\n", "")
        for ln in lines:
            assert ln.name in text
        for row in maker.rows:  # the widest of its lines stays left of the marks
            widest = max(width(t, row.name_size) for t in row.name_lines)
            assert row.drawn["name"][0] + widest <= row.drawn["marks"][0]
            assert row.name_size >= 12 and (len(row.name_lines) == 1 or row.name_size == 12)


class TestLayout:
    @pytest.mark.parametrize("paper", ["A4", "A3"])
    def test_marks_never_touch_points_or_names(self, paper, monkeypatch):
        lines = [line(i, 100 * (35 + i % 14),
                      name="".join(GIVEN[(i + k) % 21] for k in range(2 + i % 11)))
                 for i in range(60)]  # 35 to 48 points (5 to 8 flags), names of 2 to 12
        maker = board.Board(make(lines=lines), paper, keep_rows=True)
        texts, marks = boxes(monkeypatch, lambda: maker.render()[0])
        assert len(marks) > 60 + 2  # every row has marks; the legend too
        for text in texts:
            for mark in marks:
                assert not overlaps(text, mark), (text, mark)
        figures = [t for t in texts if re.fullmatch(r"\d+\.\d\d", t[5])]  # not "48.00 分"
        assert len(figures) == 60
        for row in maker.rows:  # each row's own account agrees with the PDF
            mine = [t for t in figures if t[0] == row.drawn["page"]
                    and abs(t[1] - row.drawn["points"][0]) < 0.5
                    and abs((t[2] + t[4]) / 2 - row.drawn["y"]) < 4]
            assert len(mine) == 1 and mine[0][1] > row.drawn["marks"][1]

    def test_more_points_never_look_like_fewer(self):
        lines = [line(i, 100 * p) for i, p in enumerate(range(20, 80))]
        maker = board.Board(make(lines=lines), "A4", keep_rows=True)
        maker.render()
        marks = maker.rows[0].look.marks
        short = [r.line.flags for r in maker.rows if r.line.flags >= marks.flags_from]
        full = [r.line.flags for r in maker.rows if r.line.flags < marks.flags_from]
        assert short and full and max(full) < min(short)  # 41 shortened: so is 42
        text = "\n".join(pages_of(board.render(make(lines=lines))[0]))
        assert "×7" in text and "×6" in text

    @pytest.mark.parametrize("paper, smallest", [("A4", 16), ("A3", 22)])
    def test_names_are_poster_sized(self, paper, smallest, monkeypatch):
        data = make(30)
        texts, _ = boxes(monkeypatch, lambda: board.render(data, paper)[0])
        names = {ln.name for ln in data.lines}
        sizes = [t[6] for t in texts if t[5] in names]
        assert len(sizes) >= 30 and min(sizes) >= smallest


class TestWords:
    def test_twins_show_their_household_and_others_do_not(self):
        lines = [line(0, 500, "马庆", "马家3户", "南片"), line(1, 400, "马庆", "马家37户", "南片"),
                 line(2, 300, "马庆", "马家4户", "北片"), line(3, 200, "杨军", "杨家9户", "南片")]
        text = "\n".join(pages_of(board.render(make(lines=lines))[0]))
        assert "马家3户" in text and "马家37户" in text and "马家4户" in text
        assert "杨家9户" not in text

    def test_households_in_natural_order_packed_in_columns(self):
        lines = [line(i, 100, household=f"马家{h}户") for i, h in enumerate((37, 3, 10, 2))]
        text = "\n".join(pages_of(board.render(make(lines=lines, by="household"))[0]))
        at = [text.index(f"马家{h}户") for h in (2, 3, 10, 37)]
        assert at == sorted(at)
        corner = board.render(make(2000))[1]
        data = make(2000, by="household")
        pdf, household = board.render(data)
        assert_everyone_once(data, pdf)
        assert household < 1.8 * corner  # several households a column, not a page each

    def test_a_continued_corner_repeats_its_heading(self):
        data = make(300)
        pages = pages_of(board.render(data)[0])
        corner_of = {ln.name: ln.corner for ln in data.lines}
        for text in pages[1:]:
            first = next(t for t in text.splitlines() if t in corner_of)
            corner = corner_of[first]
            before = text[:text.index(first)]
            assert f"{corner}（续）" in text or f"【{corner}】" in before, text[:80]
        assert sum("（续）" in text for text in pages) >= 3

    @pytest.mark.parametrize("pps, spf, star, flag", [
        (100, 6, "= 1 分", "= 6 颗红星 = 6 分"), (200, 5, "= 2 分", "= 5 颗红星 = 10 分"),
        (50, 10, "= 0.5 分", "= 10 颗红星 = 5 分")])
    def test_legend_states_the_settings(self, pps, spf, star, flag):
        text = pages_of(board.render(make(3, pps=pps, spf=spf))[0])[0]
        assert star in text and flag in text

    @pytest.mark.parametrize("period, state, words", [
        ("2026-11", "posted", ["2026年11月", "公示中", "2026-12-10（含当天）前"]),
        ("2026-11", "final", ["2026年11月", "已定稿", "本月积分已定稿"]),
        ("2026", "final", ["2026年度（截至11月）", "11月已定稿"]),
        ("..2026-11", "open", ["历年累计（截至2026年11月）", "11月未公示"]),
        ("2026-11", "open", ["2026年11月", "未公示"])])
    def test_the_period_says_what_it_covers(self, period, state, words):
        posting = Posting(state, "2026-12-10" if state == "posted" else None)
        text = "\n".join(pages_of(board.render(make(3, period=period, posting=posting))[0]))
        for word in words:
            assert word in text
        if period != "2026-11" or state == "open":
            assert "公示中" not in text and "本月积分已定稿" not in text

    def test_a_passed_deadline_is_not_printed(self):
        posting = Posting("posted", "2026-12-10")
        text = pages_of(board.render(make(3, posting=posting, day="2026-12-11"))[0])[0]
        assert "2026-12-10" not in text and "公示中" in text

    def test_mono_draws_no_red_and_colour_does(self):
        data = make(20)
        colour, mono = board.render(data, "A4")[0], board.render(data, "A4", True)[0]
        raw = [drawing_of(pdf) for pdf in (colour, mono)]  # the marks' shared forms too
        assert RED_FILL in raw[0] and RED_FILL not in raw[1]

    def test_same_data_same_bytes(self):
        assert board.render(make(50))[0] == board.render(make(50))[0]


def test_through_a_book(book, run, tmp_path):
    """Settings, twins and households from a real book, printed and verified."""
    settings.set_value(book, "points_per_star", "2", "测试")
    first = people.find_resident(book, "马少军")  # before a second 马少军 joins
    twin = people.add_resident(book, "马少军", "马家37户", "东片")
    for who, code, qty in ((people.find_resident(book, "马洪云"), "goods", "3000"),
                           (twin, "labour", "8"), (first, "labour", "16"),
                           (people.find_resident(book, "马淑婷"), "recognition", None)):
        entries.record(book, who, code, qty, "杨秋云")
    data = printing.board_data(book, MONTH, "month", "household")
    assert data.points_per_star_c == 200 and data.month == MONTH
    out = tmp_path / "board.pdf"
    assert run("print", "board", MONTH, "--by", "household", "-o", str(out)).exit_code == 0
    text = "\n".join(pages_of(out.read_bytes()))
    assert "= 2 分" in text and "= 6 颗红星 = 12 分" in text
    at = [text.rindex(h) for h in ("马家3户", "马家5户", "马家8户", "马家37户")]  # headings
    assert at == sorted(at)
    assert "核对无误" in run("verify", str(out)).output
    corner = tmp_path / "corner.pdf"
    assert run("print", "board", MONTH, "-o", str(corner)).exit_code == 0
    text = "\n".join(pages_of(corner.read_bytes()))
    assert "马家3户" in text and "马家37户" in text  # the two 马少军 told apart
