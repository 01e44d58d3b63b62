"""The top lines of a sheet (issue 14): a screenful of a township's standings read down
the roll-up's index by points, the same lines as the whole sheet's first ones, with the
whole sheet's count and totals; `--top N` on the CLI."""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

import pytest
from conftest import MONTH, Runner, old_book_of_two
from hypothesis import given, settings
from hypothesis import strategies as st

from villagebook import entries, people, tally
from villagebook.book import Book
from villagebook.check import check

# Twelve residents in two corners; 马秋玲 and 马少华 are kept off the board. Many share a
# total, so the order of equals (by reading) is tested as much as the order of points.
PEOPLE = (("马少军", "东片"), ("马洪云", "东片"), ("马淑婷", "西片"), ("马秋玲", "西片"),
          ("马少华", "东片"), ("王海", "西片"), ("李成兴", "东片"), ("陈英杰", "西片"),
          ("罗国海", "东片"), ("马东国", "西片"), ("马生桂", "东片"), ("李伟辉", "西片"))
OFF_BOARD = {"马秋玲", "马少华"}
MONTHS = ("2024-11", "2025-03", "2025-12", "2026-01", MONTH)
YEAR = MONTH[:4]
PERIODS = {  # (since, through) of the standings; None: the month's sheet
    "month": None, "all time": (None, None), "through last year": (None, f"{int(YEAR) - 1}-12"),
    "this year": (f"{YEAR}-01", f"{YEAR}-12"), "a span": ("2025-03", "2026-01"),
}


def _make(db_path) -> Book:
    b = Book.create(db_path, "夹矿镇", actor="测试")
    people.add_gatherer(b, "杨秋云", "东片")
    for name, corner in PEOPLE:
        people.add_resident(b, name, f"{name[0]}家", corner, on_board=name not in OFF_BOARD)
    return b


@pytest.fixture
def township(db_path):
    with _make(db_path) as b:
        yield b


def _load(book, gifts) -> None:
    """Each gift: (resident's number, month's number, points as 1.00s)."""
    ids = [people.find_resident(book, name).id for name, _ in PEOPLE]
    with book.writing("测试", "test.load", "top") as conn:
        for n, (who, when, points) in enumerate(gifts):
            month = MONTHS[when]
            conn.execute(entries.INSERT, {
                "id": f"{n:032x}", "resident_id": ids[who], "day": f"{month}-10", "month": month,
                "category": "goods", "quantity": str(points), "points_c": points * 100,
                "rule": "", "note": "", "recorded_by": "杨秋云", "recorded_at": "x", "late": 0})


def _sheet(book, period, **kw) -> tally.Sheet:
    span = PERIODS[period]
    return (tally.month_sheet(book, MONTH, **kw) if span is None
            else tally.standings(book, *span, **kw))


GIFTS = st.lists(st.tuples(st.integers(0, len(PEOPLE) - 1), st.integers(0, len(MONTHS) - 1),
                           st.sampled_from([1, 2, 3, 5])), max_size=40)


@settings(max_examples=40, deadline=None)
@given(gifts=GIFTS, top=st.integers(1, 14))
def test_the_top_lines_are_the_whole_sheets_first_with_its_totals(gifts, top):
    """Whatever the points (ties and all), the period, the corner and the board: the top
    N are the first N lines of the whole sheet, and the count and totals are the whole's."""
    with tempfile.TemporaryDirectory() as folder, _make(Path(folder) / "book.db") as book:
        _load(book, gifts)
        for period, corner, board_only, include_all in itertools.product(
                PERIODS, (None, "东片"), (False, True), (False, True)):
            whole = _sheet(book, period, include_all=include_all)
            wanted = [ln for ln in whole.lines if (corner is None or ln.corner == corner)
                      and (not board_only or ln.on_board)]
            head = _sheet(book, period, include_all=include_all, corner=corner,
                          board_only=board_only, top=top)
            said = (period, corner, board_only, include_all)
            assert head.lines == wanted[:top], said
            assert (head.count, head.total_c, head.total_entries) == (
                len(wanted), sum(ln.points_c for ln in wanted),
                sum(ln.entries for ln in wanted)), said


def test_a_voided_entry_leaves_the_top(township):
    """马少军's only entry is voided: he drops out of the top and out of the count."""
    _load(township, [(0, 4, 9), (1, 4, 3), (2, 4, 2)])
    assert [ln.name for ln in tally.standings(township, top=1).lines] == ["马少军"]
    entries.void(township, "0" * 32, "记错了人", "杨秋云")
    head = tally.standings(township, top=1)
    assert [ln.name for ln in head.lines] == ["马洪云"]
    assert (head.count, head.total_c) == (2, 500)


def test_standings_top_on_the_command_line(township, db_path):
    """`standings --top 2` lists two lines, says how many there are, and totals them all."""
    _load(township, [(0, 4, 9), (1, 4, 3), (2, 4, 2), (5, 3, 1)])
    result = Runner(db_path)("standings", "--top", "2")
    assert result.exit_code == 0, result.output
    listed = [row.split()[0] for row in result.output.splitlines()[3:5]]
    assert listed == ["马少军", "马洪云"]
    assert "马淑婷" not in result.output
    assert "显示前 2 行，共 4 行" in result.output
    assert "15.00" in result.output.splitlines()[-2]  # the total: every line's, not two
    assert Runner(db_path).json("standings", "--top", "2")["count"] == 4


@pytest.mark.parametrize("given", ["0", "-3", "两"])
def test_a_top_that_is_not_a_count_is_refused(township, db_path, given):
    result = Runner(db_path)("tally", "--top", given)
    assert result.exit_code == 2
    assert "--top" in result.output and "Traceback" not in result.output


def test_a_book_of_v9_opens_with_its_rollup_in_order_of_points(db_path, monkeypatch):
    """A book of schema v9 opens as v10: the indexes are made (the roll-up's by points, the
    residents' in F2's order), check holds, the top reads."""
    old_book_of_two(monkeypatch, db_path, 9)
    with Book.open(db_path) as new:
        assert new.one("SELECT COUNT(*) FROM sqlite_master WHERE name LIKE 'rollup%points'"
                       )[0] == 3
        assert new.one("SELECT 1 FROM sqlite_master WHERE name = 'residents_listed'")
        assert check(new) == []
        head = tally.standings(new, top=1)
        assert [(ln.name, ln.points_c) for ln in head.lines] == [("马少军", 200)]
        assert (head.count, head.total_c) == (2, 300)
