"""记录 Record: the reference entries typed through the keyboard alone."""

from datetime import timedelta

from conftest import MONTH, TODAY

from tui.conftest import SIZE, rows_of, text_of
from tui.keystrokes import list_filled
from villagebook import entries, people, tally
from villagebook.tui.app import make_app


async def type_text(pilot, text: str) -> None:
    for ch in text:
        await pilot.press(ch)


async def record(pilot, who: str, digit: str, quantity: str = "") -> None:
    await type_text(pilot, who)
    await pilot.press("enter", digit)
    await type_text(pilot, quantity)
    await pilot.press("enter")
    await pilot.pause()


def sheet_row(app, name: str) -> list[str]:
    table = app.screen.query_one("#sheet")
    (row,) = [r for r in rows_of(table) if r[0] == name]
    return row


class TestRecordByKeyboard:
    async def test_a_typical_entry_takes_seven_keys(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("m", "s", "j", "enter", "1", "8", "enter")
            await pilot.pause()
            status = text_of(app.screen.query_one("#status"))
            assert status == "已保存：马少军 +2 分（义务劳动）"
            assert app.screen.query_one("#search").has_focus
        (entry,) = entries.entries_of(book)
        assert (entry.resident_name, entry.category, entry.points_c, entry.recorded_by) == (
            "马少军", "labour", 200, "杨秋云")

    async def test_the_reference_entries_show_on_the_month_sheet(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await record(pilot, "msj", "1", "8")
            await record(pilot, "mhy", "3", "3000")
            await type_text(pilot, "mst")
            await pilot.press("+")
            await type_text(pilot, "mql")
            assert text_of(app.screen.query_one("#picked")) == "已选：马淑婷"
            await pilot.press("enter", "4")
            assert text_of(app.screen.query_one("#status")) == (
                "将记 2 人，每人 +10.00 分（固定分，不填数量；可写备注，回车保存）")
            await pilot.press("enter")
            await pilot.pause()
            await pilot.press("f3")
            await pilot.pause()
            assert sheet_row(app, "马少军")[2:] == ["1", "2.00", "2.00", "2", "0"]
            assert sheet_row(app, "马洪云")[2:] == ["1", "30.00", "30.00", "30", "5"]
            assert sheet_row(app, "马淑婷")[2:] == ["1", "10.00", "10.00", "10", "1"]
            assert sheet_row(app, "马秋玲")[2:] == ["1", "10.00", "10.00", "10", "1"]
            totals = text_of(app.screen.query_one("#sheet-totals"))
            assert totals == "合计：4 人，4 条，52.00 分"
        assert tally.month_sheet(book, MONTH).total_c == 5200

    async def test_category_and_date_are_kept_for_the_next_entry(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+y")
            await record(pilot, "msj", "1", "4")
            await type_text(pilot, "mhy")
            await pilot.press("enter", "enter", "4", "enter")  # Enter keeps the category
            await pilot.pause()
        days = {e.resident_name: (e.day, e.category) for e in entries.entries_of(book)}
        yesterday = (TODAY - timedelta(days=1)).isoformat()
        assert days == {"马少军": (yesterday, "labour"), "马洪云": (yesterday, "labour")}

    async def test_the_search_finds_by_pinyin_and_shows_this_months_points(self, app, book):
        shaojun = people.find_resident(book, "马少军")
        entries.record(book, shaojun, "labour", "8", "杨秋云")
        async with app.run_test(size=SIZE) as pilot:
            await type_text(pilot, "mashao")
            await pilot.pause()
            options = app.screen.query_one("#candidates")
            shown = str(options.get_option_at_index(0).prompt)
            assert shown.startswith("马少军") and "马家3户 东片" in shown
            assert shown.endswith("本月 2.00")


class TestRefusals:
    async def test_no_resident_picked(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("tab", "1", "8", "enter")  # Tab from an empty search, category 1
            assert text_of(app.screen.query_one("#status")).startswith("请先选村民")
        assert entries.entries_of(book) == []

    async def test_quantity_over_the_maximum_shows_inline_and_writes_nothing(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await record(pilot, "msj", "1", "30")
            status = app.screen.query_one("#status")
            assert text_of(status) == "数量 30 超过义务劳动的上限：每人每天最多 24 小时"
            assert status.has_class("error")
        assert entries.entries_of(book) == []

    async def test_a_bad_or_future_date(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await type_text(pilot, "msj")
            await pilot.press("enter", "1", "8", "ctrl+o", "ctrl+u")
            await type_text(pilot, "2999-01-01")
            await pilot.press("enter")
            assert text_of(app.screen.query_one("#status")) == "日期在未来：2999-01-01"
        assert entries.entries_of(book) == []

    async def test_a_day_before_the_books_first_entries_is_asked_about(self, app, book):
        entries.record(book, people.find_resident(book, "马洪云"), "labour", "2", "杨秋云",
                       day=TODAY)  # the book's entries begin this month
        earlier = TODAY.replace(day=1) - timedelta(days=1)
        async with app.run_test(size=SIZE) as pilot:
            await type_text(pilot, "msj")
            await pilot.press("enter", "1", "8", "ctrl+o", "ctrl+u")
            await type_text(pilot, earlier.isoformat())
            await pilot.press("enter")
            await pilot.pause()
            status = text_of(app.screen.query_one("#status"))
            assert status.startswith(f"日期 {earlier.isoformat()} 是 ")
            assert len(entries.entries_of(book)) == 1
            await pilot.pause(0.4)  # read, then confirmed
            await pilot.press("enter")
            await pilot.pause()
        assert [e.day for e in entries.entries_of(book)
                if e.resident_name == "马少军"] == [earlier.isoformat()]

    async def test_a_final_month_offers_a_late_entry_and_cancels_on_esc(self, app, book):
        last_month = TODAY.replace(day=1) - timedelta(days=1)
        book.conn.execute("INSERT INTO months (month, state) VALUES (?, 'final')",
                          (last_month.strftime("%Y-%m"),))
        async with app.run_test(size=SIZE) as pilot:
            await type_text(pilot, "msj")
            await pilot.press("enter", "1", "8", "ctrl+o", "ctrl+u")
            await type_text(pilot, last_month.isoformat())
            await pilot.press("enter")
            status = text_of(app.screen.query_one("#status"))
            assert status.startswith(f"{last_month:%Y-%m} 已定稿：按回车记为补记")
            assert "--late" not in status
            await pilot.press("escape")
            assert text_of(app.screen.query_one("#status")) == "已清空，没有保存"
        assert entries.entries_of(book) == []

    async def test_a_digit_beyond_the_catalogue_picks_nothing(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await type_text(pilot, "msj")
            await pilot.press("enter", "9")
            assert app.screen.query_one("#category").selected is None
            await pilot.press("tab", "8", "enter")
            assert text_of(app.screen.query_one("#status")).startswith("请选类别")
        assert entries.entries_of(book) == []


class TestVoid:
    async def test_void_the_selected_entry_after_asking_why(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await record(pilot, "msj", "1", "8")
            await record(pilot, "msj", "1", "4")
            await pilot.press("ctrl+l", "v")
            await pilot.press("enter")  # an empty reason is refused
            assert text_of(app.screen.query_one("#reason-error")) == "作废原因不能为空"
            await type_text(pilot, "重复记录")
            await pilot.press("enter")
            await pilot.pause()
            today = rows_of(app.screen.query_one("#today"))
            assert [r[5] for r in today] == ["作废", "2.00"]
            status = text_of(app.screen.query_one("#status"))
            assert status == "已作废：马少军 1.00"
            assert today[0][6] == "重复记录"
        line = tally.month_sheet(book, MONTH).lines[0]
        assert (line.name, line.points_c, line.entries) == ("马少军", 200, 1)

    async def test_escape_cancels_a_void(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await record(pilot, "msj", "1", "8")
            await pilot.press("ctrl+l", "v", "escape")
            await pilot.pause()
        assert [e.voided_at for e in entries.entries_of(book)] == [None]


class TestQuitting:
    async def test_a_half_filled_form_asks_before_it_is_thrown_away(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await type_text(pilot, "msj")
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert type(app.screen).__name__ == "Confirm"
            await pilot.press("n")
            await pilot.pause()
            assert app.is_running and app.screen.query_one("#search").value == "msj"
            await pilot.press("ctrl+q", "y")
            await pilot.pause()
            assert not app.is_running

    async def test_an_empty_form_quits_at_once(self, app):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+q")
            await pilot.pause()
            assert not app.is_running


class TestTypingAhead:
    async def test_a_whole_entry_typed_in_one_burst_lands_in_the_right_fields(self, app, book):
        from textual import events

        async with app.run_test(size=SIZE) as pilot:
            for key in ["m", "h", "y", "enter", "3", "3", "0", "0", "0", "enter",
                        "m", "s", "j", "enter", "1", "8", "enter"]:
                app.post_message(events.Key(key, key if len(key) == 1 else "\r"))
            await pilot.pause(0.5)
            assert app.screen.query_one("#search").value == ""
        got = sorted((e.resident_name, e.category, e.quantity) for e in entries.entries_of(book))
        assert got == [("马少军", "labour", "8"), ("马洪云", "goods", "3000")]


    async def test_the_first_frame_shows_the_form_and_the_list_follows(
            self, app, book, monkeypatch):
        """Issue 14: the first frame is not put off by filling today's list. A key for the
        list typed before it was filled (Ctrl+L ↓ at once) fills it first and moves down
        from the newest entry, as it would a second later; and the first filling's time,
        when it comes, does not fill it again under the cursor (v voids the one below)."""
        from textual import events

        from villagebook.tui.screens import record as record_screen

        shaojun = people.find_resident(book, "马少军")
        entries.record(book, shaojun, "labour", "8", "杨秋云", note="早")
        entries.record(book, shaojun, "labour", "4", "杨秋云", note="晚")
        frames, display = [], app._display

        def shown(screen, renderable):  # the rows the list had at the first frame drawn
            if renderable is not None and not app._batch_count and not frames:
                frames.append(app.screen.query_one("#today").row_count)
            display(screen, renderable)

        app._display = shown
        monkeypatch.setattr(record_screen, "LIST_AFTER", 0.3)  # a slow first frame's time
        async with app.run_test(size=SIZE) as pilot:
            while not frames:
                await pilot.pause(0.01)
            assert frames[0] == 0  # the form is on show; the list comes after
            app.post_message(events.Key("ctrl+l", None))
            app.post_message(events.Key("down", None))  # filled first, then the cursor
            await pilot.pause(0.4)  # the first filling's time comes and goes
            await pilot.press("v")  # the cursor is where the keys put it
            assert type(app.screen).__name__ == "AskReason"
            assert text_of(app.screen.query_one(".dialog-title")).endswith(" 早")
            await pilot.press("escape")
        again = make_app(book, gatherer="杨秋云", today=TODAY)
        async with again.run_test(size=SIZE) as pilot:  # left alone, the list follows
            await list_filled(pilot, again)
            assert [r[6] for r in rows_of(again.screen.query_one("#today"))] == ["晚", "早"]


class TestReviewFindings:
    async def test_text_that_looks_like_markup_is_shown_as_typed(self, app, book):
        shaojun = people.find_resident(book, "马少军")
        entries.record(book, shaojun, "labour", "8", "杨秋云", note="[/]")
        entries.record(book, shaojun, "labour", "4", "杨秋云", note="[bold]x2")
        async with app.run_test(size=SIZE) as pilot:
            await list_filled(pilot, app)  # a moment after the first frame
            notes = [r[6] for r in rows_of(app.screen.query_one("#today"))]
            assert notes == ["[bold]x2", "[/]"]
            await pilot.press("f6")
            await pilot.pause()
            assert rows_of(app.screen.query_one("#log"))[1][2].endswith("，[/]）")

    async def test_backspace_typed_ahead_is_applied_in_order(self, app, book):
        from textual import events

        async with app.run_test(size=SIZE) as pilot:
            await type_text(pilot, "msj")
            await pilot.press("enter", "1", "9")
            for key, char in (("backspace", "\x7f"), ("8", "8"), ("enter", "\r")):
                app.post_message(events.Key(key, char))
            await pilot.pause(0.3)
        (entry,) = entries.entries_of(book)
        assert entry.quantity == "8"

    async def test_a_fixed_award_for_two_confirms_and_both_are_saved(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await type_text(pilot, "mst")
            await pilot.press("+")
            await type_text(pilot, "mql")
            await pilot.press("enter", "4", "enter")
            await pilot.pause()
            status = app.screen.query_one("#status")
            assert text_of(status) == "已保存：马淑婷、马秋玲 +10 分（表彰（军属等））"
        assert sorted(e.resident_name for e in entries.entries_of(book)) == ["马淑婷", "马秋玲"]

    async def test_back_on_the_record_screen_typing_goes_to_the_search(self, app):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+l", "f3", "f1")
            await pilot.pause()
            await type_text(pilot, "msj")
            assert app.screen.query_one("#search").value == "msj"

    async def test_zero_picks_the_tenth_category(self, app, book):
        from villagebook import catalogue

        for code in ("aa", "bb", "cc"):
            catalogue.add(book, code, f"类{code}", code, "count", "1", "1")
        async with app.run_test(size=SIZE) as pilot:
            await type_text(pilot, "msj")
            await pilot.press("enter", "0", "1", "enter")
            await pilot.pause()
        (entry,) = entries.entries_of(book)
        assert entry.category == "cc"  # seven defaults, then aa, bb, cc


class TestRestoreWhileOpen:
    async def test_a_restore_under_an_open_screen_loses_nothing_it_confirmed(
            self, app, book, db_path):
        """The screen keeps its connection: what it confirmed before the restore is in
        the copy kept aside, what it confirms after is in the restored book."""
        from villagebook import backup, restore
        from villagebook.book import Book
        from villagebook.check import check

        kept = backup.backup(book, db_path.parent / "usb")
        async with app.run_test(size=SIZE) as pilot:
            await record(pilot, "msj", "1", "8")
            done = restore.restore(kept, db_path, "村委会")
            await record(pilot, "mhy", "3", "3000")
            status = text_of(app.screen.query_one("#status"))
            assert status == "已保存：马洪云 +30 分（物品捐赠）"
        with Book.open(done.aside) as aside:
            assert [e.resident_name for e in entries.entries_of(aside)] == ["马少军"]
        assert [e.resident_name for e in entries.entries_of(book)] == ["马洪云"]
        assert check(book) == []
