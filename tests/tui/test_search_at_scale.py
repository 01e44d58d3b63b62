"""The search list and the day's list on a crowded book (issue 14): what is typed fast is
found, the resident shown highlighted is the one saved, and long lists are listed a
screenful at a time, the rest when the cursor gets there."""

from __future__ import annotations

import itertools

import pytest
from conftest import TODAY

from tui.conftest import SIZE, rows_of, text_of
from tui.keystrokes import burst, list_filled, settle
from villagebook import entries, people

NAMES = ["".join(p) for p in itertools.product("马张王", "少淑世晓小", "军杰君建婷")]


@pytest.fixture
def village(book):
    """The reference book and 74 more: 11 of them are msj too (马少建, 马少杰, 马少君...)."""
    with book.writing("测试", "residents.import", "village") as conn:
        for n, name in enumerate(NAMES):
            if name != "马少军":
                people.insert_resident(conn, people.new_resident_row(name, f"{name[0]}家{n}户",
                                                                     "东片"))
    return book


def highlighted(app) -> str:
    options = app.screen.query_one("#candidates")
    return options.get_option_at_index(options.highlighted).id


def lines(app, widget) -> list[str]:
    """The widget's rows as the screen shows them."""
    region = widget.region
    strips = app.screen._compositor.render_strips()[region.y:region.bottom]
    return [s.crop(region.x, region.right).text for s in strips]


def listed(app) -> list[str]:
    """The names as the candidates box shows them on screen (4 rows at 80x24)."""
    box = app.screen.query_one("#candidates")
    return [line.split()[0] for line in lines(app, box) if line.strip()]


async def test_msj_typed_fast_finds_ma_shaojun_and_saves_the_one_highlighted(app, book):
    people.add_resident(book, "马世界", "马家9户", "东片")  # msj as well
    async with app.run_test(size=SIZE) as pilot:
        burst(app, "msj")
        await settle(pilot, app)
        assert app.screen.query_one("#search").value == "msj"
        assert listed(app)[:2] == ["马少军", "马世界"]  # exact initials, by pinyin
        chosen = highlighted(app)
        assert people.get_resident(book, chosen).name == "马少军"
        burst(app, "↓↑⏎18⏎")
        await settle(pilot, app)
    (entry,) = entries.entries_of(book)
    assert (entry.resident_id, entry.resident_name) == (chosen, "马少军")


async def test_down_arrow_saves_the_resident_it_highlights_on_screen(app, village):
    async with app.run_test(size=SIZE) as pilot:
        burst(app, "msj↓↓")
        await settle(pilot, app)
        assert listed(app) == ["马少建", "马少杰", "马少军", "马少君"]  # 4 of 9 shown
        options = app.screen.query_one("#candidates")
        assert options.highlighted == 2
        assert "马少军" in lines(app, options)[2]
        chosen = highlighted(app)
        burst(app, "⏎18⏎")
        await settle(pilot, app)
    (entry,) = entries.entries_of(village)
    assert (entry.resident_id, entry.resident_name) == (chosen, "马少军")


async def test_every_key_of_a_fast_burst_narrows_the_list(app, village):
    async with app.run_test(size=SIZE) as pilot:
        burst(app, "zhangxiaojun")
        await settle(pilot, app)
        assert sorted(listed(app)) == sorted(["张晓军", "张晓君", "张小军", "张小君"])
        burst(app, "⌫⌫⌫⌫⌫⌫⌫")
        await settle(pilot, app)
        assert all(name.startswith("张") for name in listed(app))


async def test_the_days_list_shows_the_newest_and_the_rest_when_the_cursor_gets_there(
        app, book):
    shaojun = people.find_resident(book, "马少军")
    for n in range(45):
        entries.record(book, shaojun, "donation", str(n + 1), "杨秋云", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await list_filled(pilot, app)
        table = app.screen.query_one("#today")
        assert table.row_count == 40
        assert rows_of(table)[0][4] == "45"  # newest first
        assert "（45 条）" in text_of(app.screen.query_one("#today-title"))
        burst(app, ["ctrl+l", "end"])
        await settle(pilot, app)
        assert table.row_count == 45 and table.cursor_row == 39
        burst(app, ["end"])
        await settle(pilot, app)
        assert rows_of(table)[table.cursor_row][4] == "1"  # the day's first entry


async def test_the_residents_screen_lists_a_screenful_then_more(app, village):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await pilot.pause()
        table = app.screen.query_one("#residents")
        assert table.row_count == 40
        title = text_of(app.screen.query_one("#residents-title"))
        assert title == "村民 78 人，显示前 40 人，请输入搜索"
        await pilot.press("ctrl+end")  # the table's last row
        await pilot.pause()
        assert table.row_count == 78 and table.cursor_row == 39
        await pilot.press("slash", "m", "s", "j")
        await pilot.pause()
        msj = [r.name for r in people.search(village, "msj", limit=40)]
        assert [r[0] for r in rows_of(table)] == msj and len(msj) == 12
        assert text_of(app.screen.query_one("#residents-title")) == "村民 12 人"


async def test_each_screen_is_read_once_when_shown_and_listed_once_for_a_language(
        app, book, monkeypatch):
    reads = []
    entries_of = entries.entries_of
    monkeypatch.setattr(entries, "entries_of", lambda *a, **k: reads.append(k) or entries_of(
        *a, **k))
    async with app.run_test(size=SIZE) as pilot:
        await list_filled(pilot, app)
        assert len(reads) == 1  # the day's list, once at start
        await pilot.press("f2", "f1", "f9")
        await pilot.pause()
        assert len(app.live_screens) == len(set(app.live_screens)) == 2


async def test_each_search_key_is_drawn_in_one_frame_whatever_it_finds(app, village,
                                                                        monkeypatch):
    """Issue 14 (< 20 ms a key): a key is drawn in the frame after it, without laying out
    the screen again, when the search finds many, one, or nobody (the status line then
    says so in as many lines as before). A layout, or the list's scrollbar drawn in a
    second frame, made a search that found nobody take 25-40 ms instead of 5."""
    from textual.screen import Screen

    counted = {"layouts": 0, "frames": 0}
    layout, frame = Screen._refresh_layout, Screen._compositor_refresh

    def refresh_layout(screen, *args, **kwargs):
        counted["layouts"] += 1
        return layout(screen, *args, **kwargs)

    def compositor_refresh(screen, *args, **kwargs):
        counted["frames"] += 1
        return frame(screen, *args, **kwargs)

    monkeypatch.setattr(Screen, "_refresh_layout", refresh_layout)
    monkeypatch.setattr(Screen, "_compositor_refresh", compositor_refresh)
    async with app.run_test(size=SIZE) as pilot:
        for box in app.screen.query("Input"):
            box.cursor_blink = False  # (a blink is a frame of its own)
        await settle(pilot, app)
        status = app.screen.query_one("#status")
        for typed in ("m", "a", "s", "h", "a", "o", "j", "u", "n", "x", "y"):
            counted.update(layouts=0, frames=0)
            burst(app, typed)
            await settle(pilot, app)
            assert counted == {"layouts": 0, "frames": 1}, typed
        assert listed(app) == [] and "没有找到“mashaojunxy”" in str(status.render())
        assert status.size.height == 1
        burst(app, "zzzzzzzzz")  # the message now needs two lines: the screen makes room
        await settle(pilot, app)
        shown = "".join(lines(app, status)).replace(" ", "")
        assert status.size.height == 2 and shown.endswith("新村民请按F2添加"), shown
        burst(app, "⎋")
        await settle(pilot, app)
        burst(app, "鑫" * 18 + "☰q")  # ☰ is two cells as drawn (one in unicodedata): the
        await settle(pilot, app)  # message is one cell too wide for one line
        shown = "".join(lines(app, status)).replace(" ", "")
        assert status.size.height == 2 and shown.endswith("新村民请按F2添加"), shown
