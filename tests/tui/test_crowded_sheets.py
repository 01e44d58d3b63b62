"""F3 and F4 on a crowded book (issue 14): the screens list the top of the sheet and the
board (read from the roll-up's index by points), and say how many there are in all, with
the whole sheet's totals: a township's screenful, never a township sorted per key."""

from __future__ import annotations

import pytest
from conftest import MONTH
from rich.cells import cell_len

from tui.conftest import SIZE, rows_of, shown, text_of
from villagebook import entries, people
from villagebook.tui.screens.board import MAX_LINES
from villagebook.tui.screens.sheet import MAX_ROWS

CROWD = MAX_LINES + 80  # more on the board than its preview, and past the sheet's screenfuls


@pytest.fixture
def crowded(book):
    """CROWD residents, resident n with n + 1 points this month; every seventh is kept off
    the board. Written as the importer would, in one transaction."""
    with book.writing("测试", "test.load", "crowd") as conn:
        for n in range(CROWD):
            row = people.new_resident_row(f"村民{n:03d}", f"户{n}", "东片" if n % 2 else "西片",
                                          on_board=n % 7 != 0)
            people.insert_resident(conn, row)
            conn.execute(entries.INSERT, {
                "id": f"{n + 1:032x}", "resident_id": row["id"], "day": f"{MONTH}-02",
                "month": MONTH, "category": "goods", "quantity": str(100 * (n + 1)),
                "points_c": 100 * (n + 1), "rule": "", "note": "", "recorded_by": "杨秋云",
                "recorded_at": "x", "late": 0})
    return book


async def test_the_months_sheet_lists_its_top_and_totals_everyone(app, crowded):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        rows = rows_of(app.screen.query_one("#sheet"))
        title = shown(app, app.screen.query_one("#sheet-title"))  # as seen, not cut
        totals = text_of(app.screen.query_one("#sheet-totals"))
        township = app.screen.title_line(100_000)  # a township's month: 6 digits
        assert cell_len(township) <= SIZE[0] - 2 and township.endswith("共 100000 行")
    assert len(rows) == MAX_ROWS
    assert [r[0] for r in rows[:3]] == [f"村民{n:03d}" for n in (CROWD - 1, CROWD - 2, CROWD - 3)]
    assert title.rstrip().endswith(f"前 {MAX_ROWS} 行/共 {CROWD} 行")
    everyone = CROWD * (CROWD + 1) // 2  # 1 + 2 + ... + CROWD points
    assert totals == f"合计：{CROWD} 人，{CROWD} 条，{everyone}.00 分"


async def test_the_board_preview_shows_its_top_and_counts_the_rest(app, crowded):
    on_board = sum(1 for n in range(CROWD) if n % 7)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        board = text_of(app.screen.query_one("#board"))
    top = [n for n in reversed(range(CROWD)) if n % 7][:5]
    assert "本期榜样： " + "  ".join(f"村民{n:03d} {n + 1}.00" for n in top) in board
    assert f"……还有 {on_board - MAX_LINES} 人（打印的红榜全部列出）" in board
    listed = [ln.split()[0] for ln in board.splitlines() if ln.startswith("村民")]
    assert len(listed) == MAX_LINES and "村民336" not in board  # 336 = 7 × 48: off the board
    lowest_shown = sorted((n for n in range(CROWD) if n % 7), reverse=True)[MAX_LINES - 1]
    assert f"村民{lowest_shown:03d}" in listed and f"村民{lowest_shown - 1:03d}" not in listed


async def test_the_board_preview_lists_the_villages_in_number_order(app, book):
    """A township's corners are 第1村 ... 第20村: 第2村 comes before 第10村, as printed."""
    for name, corner in (("村民甲", "第10村"), ("村民乙", "第2村"), ("村民丙", "第1村")):
        entries.record(book, people.add_resident(book, name, "", corner), "labour", "8",
                       "杨秋云")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f4")
        await pilot.pause()
        board = text_of(app.screen.query_one("#board"))
    heads = [ln.strip() for ln in board.splitlines() if ln.strip().startswith("【")]
    assert heads == ["【第1村】", "【第2村】", "【第10村】"]


async def test_s_sorts_the_sheet_by_points_so_far(app, book):
    """马淑婷 has less this month but more so far (last month's 20): s puts her first, and
    the cumulative column counts every month through this one."""
    last = f"{int(MONTH[:4]) - (MONTH[5:] == '01'):04d}-{(int(MONTH[5:]) - 2) % 12 + 1:02d}"
    shuting, hongyun = (people.find_resident(book, n) for n in ("马淑婷", "马洪云"))
    with book.writing("测试", "test.load", "sheet") as conn:
        for n, (who, month, points) in enumerate(((shuting, last, 2000), (shuting, MONTH, 100),
                                                  (hongyun, MONTH, 500))):
            conn.execute(entries.INSERT, {
                "id": f"{n + 1:032x}", "resident_id": who.id, "day": f"{month}-02",
                "month": month, "category": "goods", "quantity": str(points),
                "points_c": points, "rule": "", "note": "", "recorded_by": "杨秋云",
                "recorded_at": "x", "late": 0})
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f3")
        await pilot.pause()
        by_points = [(r[0], r[3], r[4]) for r in rows_of(app.screen.query_one("#sheet"))]
        await pilot.press("s")
        await pilot.pause()
        so_far = [(r[0], r[3], r[4]) for r in rows_of(app.screen.query_one("#sheet"))]
    assert by_points == [("马洪云", "5.00", "5.00"), ("马淑婷", "1.00", "21.00")]
    assert so_far == [("马淑婷", "1.00", "21.00"), ("马洪云", "5.00", "5.00")]
