"""纸表录入 (F7, issue 13): a filled page keyed back at full speed, the keys queued before
the app handles any, with the book held busy; what counts is what was saved."""

from __future__ import annotations

import pytest
from conftest import MONTH, TODAY

from tui.conftest import SIZE, rows_of, text_of
from tui.keystrokes import BusyBook, burst, settle
from villagebook import entries, paperforms, people

CODE = f"F{MONTH}-东片-1"


@pytest.fixture
def printed(book):
    """东片's form: 马少军, 马洪云, a household of three, then blank rows (6-12)."""
    for name in ("马德福", "马德旺", "马小兰"):
        people.add_resident(book, name, "马家12户", "东片")
    for corner in paperforms.corners(book):
        paperforms.issue(book, MONTH, corner, "杨秋云", 7, "杨秋云", TODAY)
    return book


def keys(text: str) -> list[str]:
    """Keys as typed: ⏎ Enter, ⇥ Tab, ^S Ctrl+S; other characters as they are."""
    out, i = [], 0
    while i < len(text):
        if text.startswith("^S", i):
            out.append("ctrl+s")
            i += 2
            continue
        out.append({"⏎": "enter", "⇥": "tab", "⌫": "backspace"}.get(text[i], text[i]))
        i += 1
    return out


def saved(book):
    return sorted((e.resident_name, e.category, e.quantity, e.note)
                  for e in entries.entries_of(book))


async def test_a_page_keyed_in_one_burst_is_saved_with_its_place(app, printed, db_path):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        assert text_of(app.screen.query_one("#paper-title")).startswith(f"纸表录入 {CODE} 第 1/1")
        names = [r[1] for r in rows_of(app.screen.query_one("#paper"))][:6]
        assert names == ["马少军", "马洪云", "马德福", "马德旺", "马小兰", "·"]
        with BusyBook(db_path, 1.0):
            # row 1: 8 hours; row 3 skipped to: cash 200, a note; row 6 (blank): 马淑婷 by
            # her initials, 4 hours; the totals: labour boxed 16 (wrong), cash 200
            burst(app, keys("⏎8⏎3⏎⇥200⇥⇥⇥⇥⇥修桥⏎6⏎mst⇥4⏎13⏎16⇥200⏎^S"))
            await settle(pilot, app)
        said = text_of(app.screen.query_one("#paper-status"))
        assert "义务劳动这一栏合计对不上：表上写 16，录入的各行加起来是 12" in said
        assert saved(printed) == []  # nothing saved while a box disagrees
        rows = rows_of(app.screen.query_one("#paper"))
        # the rows that could explain it: a cell equal to the gap of 4
        assert rows[0][3] == "8" and rows[5][3] == "4?" and rows[-2][3] == "12/16"
        assert rows[-1][3:5] == ["3.00", "2.00"]  # points per column, live
        burst(app, keys("13⏎12⏎^S"))
        await settle(pilot, app)
        assert "已录入：3 条记录，共 +5.00 分" in text_of(app.screen.query_one("#paper-status"))
        # the next page waiting: 西片's form
        assert text_of(app.screen.query_one("#paper-title")).startswith(
            f"纸表录入 F{MONTH}-西片-1 第 1/1")
    assert saved(printed) == [
        ("马少军", "labour", "8", f"纸表 {CODE} 第1页第1行"),
        ("马德福", "donation", "200", f"纸表 {CODE} 第1页第3行；修桥"),
        ("马淑婷", "labour", "4", f"纸表 {CODE} 第1页第6行")]
    assert paperforms.keyed(printed, CODE, 1)


async def test_a_refused_cell_stays_open_and_the_keys_after_it_wait(app, printed):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        burst(app, keys("⏎30⏎2⏎4⏎^S"))  # over the cap of 24 hours a day, then row 2, save
        await settle(pilot, app)
        assert "还有一格没录好" in text_of(app.screen.query_one("#paper-status"))
        assert text_of(app.screen.query_one("#paper-cell")).endswith("：302⏎4▏".replace("⏎", ""))
        assert saved(printed) == []  # the page is not saved around a cell still open
        burst(app, keys("⌫⌫⌫⌫8⏎^S"))  # what the paper says, this time
        await settle(pilot, app)
    assert saved(printed) == [("马少军", "labour", "8", f"纸表 {CODE} 第1页第1行")]


async def test_a_page_keyed_elsewhere_is_not_offered_again(app, printed):
    from villagebook import paperkeying

    form = paperforms.load(printed, CODE)
    paperkeying.save(printed, form, 1, [], "杨秋云", TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        assert f"F{MONTH}-西片-1 第 1/1 页" in text_of(app.screen.query_one("#paper-title"))


async def test_keyed_twice_the_differences_are_typed_again_before_saving(app, printed):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        burst(app, ["ctrl+d", *keys("⏎8⏎3⏎⇥200⏎^S")])  # the first keying, then Ctrl+S
        await settle(pilot, app)
        assert "第二遍" in text_of(app.screen.query_one("#paper-status"))
        assert rows_of(app.screen.query_one("#paper"))[0][3] == ""  # an empty page again
        burst(app, keys("⏎8⏎3⏎⇥300⏎^S"))  # the second reads 300 where the first read 200
        await settle(pilot, app)
        said = text_of(app.screen.query_one("#paper-status"))
        assert "两遍有 1 处不同：第 3 行 200≠300" in said
        assert rows_of(app.screen.query_one("#paper"))[2][4] == "200≠300"
        assert saved(printed) == []
        burst(app, keys("3⏎⇥200⏎^S"))  # typed again with the paper in view
        await settle(pilot, app)
    assert saved(printed) == [("马少军", "labour", "8", f"纸表 {CODE} 第1页第1行"),
                              ("马德福", "donation", "200", f"纸表 {CODE} 第1页第3行")]


async def test_a_blank_page_is_saved_only_on_a_second_ctrl_s(app, printed):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        burst(app, keys("^S"))
        await settle(pilot, app)
        assert "一个数字也没有" in text_of(app.screen.query_one("#paper-status"))
        assert not paperforms.keyed(printed, CODE, 1)
        burst(app, keys("^S"))
        await settle(pilot, app)
    assert paperforms.keyed(printed, CODE, 1) and saved(printed) == []


async def test_two_pages_in_one_burst_each_keep_their_own_cells(app, book):
    """Ctrl+S is taken in the order typed: the cells typed after it are the next page's."""
    for n in range(15):
        people.add_resident(book, f"东片{n:02d}号", f"东家{n:02d}户", "东片")
    paperforms.issue(book, MONTH, "东片", "杨秋云", 7, "杨秋云", TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        first = [r[1] for r in rows_of(app.screen.query_one("#paper"))][:2]
        burst(app, keys("⏎8⏎^S2⏎4⏎^S"))  # page 1, row 1: 8; page 2, row 2: 4
        await settle(pilot, app)
        assert "第 2 页已录入：1 条记录" in text_of(app.screen.query_one("#paper-status"))
    assert saved(book) == sorted([
        (first[0], "labour", "8", f"纸表 {CODE} 第1页第1行"),
        (paperforms.load(book, CODE).pages[1][1].name, "labour", "4",
         f"纸表 {CODE} 第2页第2行")])


async def test_after_a_page_the_next_page_of_the_same_form_comes_up(app, book):
    """A gatherer keys a stack of one form's pages: saving page 1 of 西片's form brings its
    page 2, not a page of another form still waiting (东片's, printed first)."""
    for n in range(15):
        people.add_resident(book, f"西片{n:02d}号", f"西家{n:02d}户", "西片")
    for corner in ("东片", "西片"):
        paperforms.issue(book, MONTH, corner, "杨秋云", 7, "杨秋云", TODAY)
    west = f"F{MONTH}-西片-1"
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f7")
        await pilot.pause()
        assert text_of(app.screen.query_one("#paper-title")).startswith(f"纸表录入 {CODE} ")
        burst(app, ["ctrl+n", *keys("⏎8⏎^S")])  # to 西片's form; its page 1, row 1: 8
        await settle(pilot, app)
        assert text_of(app.screen.query_one("#paper-title")).startswith(
            f"纸表录入 {west} 第 2/2")
    assert paperforms.keyed(book, west, 1) and not paperforms.keyed(book, CODE, 1)
