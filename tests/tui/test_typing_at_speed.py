"""The record screen under real typing: whole bursts queued at 0 ms, a book held busy by
another program, and the keys people press by mistake. What counts is what was saved."""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

import pytest
from conftest import TODAY
from textual import events

from tui.conftest import SIZE, rows_of, text_of
from tui.keystrokes import BusyBook, burst, key_event, keys_of, settle, wait_visible
from villagebook import entries, people


@pytest.fixture
def crowded(book):
    """The reference book plus residents who share initials: mhy twice, mxj three times."""
    for name, household, corner in (("马华英", "马家6户", "东片"),
                                     ("马霞军", "马家9户", "南片"),
                                     ("马晓静", "马家10户", "南片"),
                                     ("马小军", "马家11户", "北片")):
        people.add_resident(book, name, household, corner)
    return book


def saved(book) -> list[tuple]:
    return sorted((e.resident_name, e.category, e.quantity, e.day, e.note)
                  for e in entries.entries_of(book))


def status(app) -> str:
    return text_of(app.screen.query_one("#status"))


DAY = TODAY.isoformat()


class TestBurstsWhileTheBookIsBusy:
    async def test_the_reference_entries_in_one_burst(self, app, crowded, db_path):
        async with app.run_test(size=SIZE) as pilot:
            with BusyBook(db_path, 1.5):
                burst(app, "msj⏎18⏎mahongyun⏎33000⏎mst+mql⏎4⏎")
                await settle(pilot, app)
        assert saved(crowded) == [
            ("马少军", "labour", "8", DAY, ""), ("马洪云", "goods", "3000", DAY, ""),
            ("马淑婷", "recognition", "1", DAY, ""), ("马秋玲", "recognition", "1", DAY, "")]

    async def test_down_arrow_picks_the_second_of_two_with_the_same_initials(
            self, app, crowded, db_path):
        async with app.run_test(size=SIZE) as pilot:
            with BusyBook(db_path, 1.5):
                burst(app, "mhy↓⏎2200⏎")
                await settle(pilot, app)
            assert status(app) == "已保存：马华英 +2 分（现金捐赠）"
        assert saved(crowded) == [("马华英", "donation", "200", DAY, "")]

    async def test_plus_joins_both_parents_of_a_soldier(self, app, crowded, db_path):
        async with app.run_test(size=SIZE) as pilot:
            with BusyBook(db_path, 1.5):
                burst(app, "mst+mql⏎4⏎")
                await settle(pilot, app)
        assert [n for n, *_ in saved(crowded)] == ["马淑婷", "马秋玲"]

    async def test_escape_then_typing_at_once_clears_the_form(self, app, crowded):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "msj⏎3⎋mhy↓⏎18⏎")
            await settle(pilot, app)
        assert saved(crowded) == [("马华英", "labour", "8", DAY, "")]

    async def test_escape_during_a_question_clears_the_form_for_the_next_name(
            self, app, crowded):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "mxj⏎⎋msj⏎18⏎")
            await settle(pilot, app)
        assert saved(crowded) == [("马少军", "labour", "8", DAY, "")]

    async def test_escape_read_as_alt_by_the_terminal_still_clears(self, app, crowded):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "msj⏎3")
            app.post_message(events.Key("alt+m", "m"))  # Esc and m within the escape delay
            burst(app, "hy↓⏎18⏎")
            await settle(pilot, app)
        assert saved(crowded) == [("马华英", "labour", "8", DAY, "")]

    async def test_tab_then_a_note_lands_in_the_note(self, app, crowded):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "msj⏎18⇥安装篮球架⏎")
            await settle(pilot, app)
        assert saved(crowded) == [("马少军", "labour", "8", DAY, "安装篮球架")]

    async def test_the_next_burst_right_after_a_save_starts_in_the_search(self, app, crowded):
        async with app.run_test(size=SIZE):
            form = app.screen.form
            for who in ("mahongyun", "mashaojun", "mst"):
                before = form.saves
                burst(app, f"{who}⏎18⏎")
                while form.saves == before and form.status_kind != "error":
                    await asyncio.sleep(0.001)  # no idle pause: the next keys come at once
        assert [n for n, *_ in saved(crowded)] == ["马少军", "马洪云", "马淑婷"]

    async def test_a_days_form_of_twenty_entries_typed_as_one_burst(self, app, crowded, db_path):
        lines = [("msj", "1", ("8", "1", "2", "3"), "马少军", "labour"),  # each line once,
                 ("mhy↓", "2", ("200", "201", "202", "203"), "马华英", "donation"),  # and
                 ("mahongyun", "3", ("3000", "30", "300", "3"), "马洪云", "goods"),  # no day
                 ("mst", "1", ("4", "5", "6", "7"), "马淑婷", "labour"),  # over 24 hours
                 ("mql", "2", ("50", "51", "52", "53"), "马秋玲", "donation"),
                 ("mxj↓↓", "1", ("2.5", "3.5", "4.5", "5.5"), "马小军", "labour")]
        expected, keys = [], ""
        for i in range(20):
            who, digit, quantities, name, category = lines[i % len(lines)]
            quantity = quantities[i // len(lines)]
            keys += f"{who}⏎{digit}{quantity}⏎"
            expected.append((name, category, quantity, DAY, ""))
        async with app.run_test(size=SIZE) as pilot:
            with BusyBook(db_path, 2.0):
                burst(app, keys)
                await settle(pilot, app)
            assert len(rows_of(app.screen.query_one("#today"))) == 20
        assert saved(crowded) == sorted(expected)


    async def test_a_day_typed_at_uneven_human_speed_while_the_book_is_busy(
            self, app, crowded, db_path):
        keys = keys_of("msj⏎18⏎mhy↓⏎2200⏎mst+mql⏎4⏎mxj↓↓⏎12.5⇥修路⏎")
        pace = random.Random(9)
        async with app.run_test(size=SIZE) as pilot:
            with BusyBook(db_path, 1.5):
                for key in keys:
                    app.post_message(key_event(key))
                    await asyncio.sleep(pace.choice((0, 0, 0.01, 0.03, 0.1)))
                await settle(pilot, app)
        assert saved(crowded) == [
            ("马华英", "donation", "200", DAY, ""), ("马小军", "labour", "2.5", DAY, "修路"),
            ("马少军", "labour", "8", DAY, ""), ("马淑婷", "recognition", "1", DAY, ""),
            ("马秋玲", "recognition", "1", DAY, "")]


class TestAmbiguityIsAsked:
    async def test_enter_on_shared_initials_asks_and_a_digit_picks(self, app, crowded):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "mxj⏎")
            await settle(pilot, app)
            assert status(app).startswith("“mxj”有 3 人：按数字选一人")
            options = app.screen.query_one("#candidates")
            shown = [str(options.get_option_at_index(i).prompt) for i in range(3)]
            assert [s[:5] for s in shown] == ["1 马霞军", "2 马晓静", "3 马小军"]
            assert "马家10户 南片" in shown[1]
            await wait_visible(pilot)
            burst(app, "218⏎")
            await settle(pilot, app)
        assert saved(crowded) == [("马晓静", "labour", "8", DAY, "")]

    async def test_keys_typed_before_the_question_was_seen_are_shown_not_applied(
            self, app, crowded):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "mxj⏎18⏎")
            await settle(pilot, app)
            assert "提问前打的键没有用上：1 8 ⏎" in status(app)
            assert text_of(app.screen.query_one("#picked")) == ""
        assert saved(crowded) == []

    async def test_plus_on_shared_initials_asks_too(self, app, crowded):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "mhy+")
            await settle(pilot, app)
            assert status(app).startswith("“mhy”有 2 人")
            await wait_visible(pilot)
            burst(app, "2mst⏎4⏎")
            await settle(pilot, app)
        assert [n for n, *_ in saved(crowded)] == ["马华英", "马淑婷"]

    async def test_an_exact_full_name_is_taken_without_asking(self, app, book):
        people.add_resident(book, "马军", "马家1户", "东片")
        people.add_resident(book, "马军华", "马家2户", "东片")
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "马军⏎18⏎")
            await settle(pilot, app)
        assert [n for n, *_ in saved(book)] == ["马军"]

    async def test_two_residents_with_one_name_are_asked_about(self, app, book):
        people.add_resident(book, "马少军", "马家7户", "西片")
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "马少军⏎18⏎")
            await settle(pilot, app)
            assert status(app).startswith("“马少军”有 2 人")
        assert saved(book) == []


class TestNothingTypedIsLost:
    async def test_a_name_not_in_the_book_says_so_and_keeps_the_keys(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "张三⏎18⏎")
            await settle(pilot, app)
            assert app.screen.query_one("#search").value == "张三18"
            assert status(app) == "没有找到“张三18”。没有保存；新村民请按 F2 添加"
        assert saved(book) == []

    async def test_a_typo_names_the_residents_it_may_have_meant(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "msx")
            await settle(pilot, app)
            assert status(app).startswith("没有找到“msx”，相近：马少军、马淑婷")

    async def test_a_status_line_never_shows_an_old_save_after_new_typing(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "msj⏎18⏎mst+mqx⏎4⏎")
            await settle(pilot, app)
            assert not status(app).startswith("已保存")
        assert [n for n, *_ in saved(book)] == ["马少军"]

    async def test_twenty_seven_digits_are_refused_on_one_line(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "msj⏎1" + "9" * 20)  # the field takes 20 characters
            burst(app, "9" * 7 + "⏎")
            await settle(pilot, app)
            assert app.is_running
            assert status(app).startswith("数量太大")
        assert saved(book) == []

    async def test_a_megabyte_paste_is_refused_and_control_characters_dropped(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            app.post_message(events.Paste("马" * 1_000_000))
            await settle(pilot, app)
            assert status(app) == "粘贴的内容有 1000000 个字，村民最多 40 个字：没有粘贴"
            assert app.screen.query_one("#search").value == ""
            burst(app, "msj⏎18⇥")
            app.post_message(events.Paste("修\x00路\x1b[31m\n第二行"))
            burst(app, "⏎")
            await settle(pilot, app)
        assert saved(book) == [("马少军", "labour", "8", DAY, "修路[31m 第二行")]


class TestDates:
    async def test_a_date_that_is_not_today_stands_out_and_is_listed(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+y")
            label = app.screen.query_one("#l-date")
            assert text_of(label) == "日期·昨天" and label.has_class("not-today")
            await pilot.press(*"msj", "enter", "1", "8", "enter")
            await pilot.pause()
            row = rows_of(app.screen.query_one("#today"))[0]
            assert row[1] == (TODAY - timedelta(days=1)).isoformat()[5:]
            assert app.screen.query_one("#date").has_class("not-today")  # kept for the next
            await pilot.press("ctrl+t")
            assert text_of(label) == "日期" and not label.has_class("not-today")

    async def test_a_date_long_ago_is_confirmed_by_a_key_pressed_after_the_question(
            self, app, book):
        old = (TODAY - timedelta(days=90)).isoformat()
        async with app.run_test(size=SIZE) as pilot:
            burst(app, ["m", "s", "j", "enter", "1", "8", "ctrl+o", "ctrl+u", *old,
                        "enter", "enter"])  # the second Enter typed ahead: not an answer
            await settle(pilot, app)
            assert status(app).startswith(f"日期 {old} 是 90 天前")
            assert saved(book) == []
            await wait_visible(pilot)
            burst(app, "⏎")
            await settle(pilot, app)
        assert saved(book) == [("马少军", "labour", "8", old, "")]


class TestLateEntries:
    async def test_a_final_month_is_recorded_as_late_after_asking(self, app, book):
        last_month = TODAY.replace(day=1) - timedelta(days=1)
        book.conn.execute("INSERT INTO months (month, state) VALUES (?, 'final')",
                          (last_month.strftime("%Y-%m"),))
        async with app.run_test(size=SIZE) as pilot:
            burst(app, ["m", "s", "j", "enter", "1", "8", "ctrl+o", "ctrl+u",
                        *last_month.isoformat(), "enter"])
            await settle(pilot, app)
            await wait_visible(pilot)
            burst(app, "⏎")
            await settle(pilot, app)
            assert status(app) == "已保存：马少军 +2 分（义务劳动）（补记）"
            assert rows_of(app.screen.query_one("#today"))[0][1].endswith("补")
        (entry,) = entries.entries_of(book)
        assert (entry.day, entry.month, entry.late) == (
            last_month.isoformat(), TODAY.strftime("%Y-%m"), 1)


class TestSurnameReadings:
    async def test_shan_tianfang_is_found_by_the_surname_reading(self, app, book):
        people.add_resident(book, "单田芳", "单家1户", "东片")
        people.add_resident(book, "曾小红", "曾家2户", "西片")
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "stf⏎18⏎zxh⏎14⏎dtf⏎12⏎")
            await settle(pilot, app)
        assert [(n, q) for n, _, q, *_ in saved(book)] == [
            ("单田芳", "2"), ("单田芳", "8"), ("曾小红", "4")]


class TestReviewFindings:
    async def test_down_then_v_typed_at_once_voids_the_entry_below(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "msj⏎14⏎mst⏎12⏎")
            await settle(pilot, app)
            burst(app, ["ctrl+l", "down", "v"])  # newest first: ↓ is the 马少军 entry
            await settle(pilot, app)
            title = text_of(app.screen.query_one(".dialog-title"))
            assert f"{DAY} 马少军 义务劳动 4 1.00 分" in title
            await wait_visible(pilot)
            burst(app, "重复⏎")
            await settle(pilot, app)
        voided = [(e.resident_name, e.void_reason) for e in entries.entries_of(book)
                  if e.voided_at]
        assert voided == [("马少军", "重复")]

    async def test_ctrl_o_replaces_the_date_and_a_refusal_returns_to_the_field_at_fault(
            self, app, book):
        day = TODAY - timedelta(days=3)
        async with app.run_test(size=SIZE) as pilot:
            burst(app, ["ctrl+o", *day.isoformat(), "enter", *keys_of("msj⏎14⏎")])
            await settle(pilot, app)
        assert saved(book) == [("马少军", "labour", "4", day.isoformat(), "")]

    async def test_a_final_current_month_refuses_at_once_without_offering_late(
            self, app, book):
        book.conn.execute("INSERT INTO months (month, state) VALUES (?, 'final')",
                          (TODAY.strftime("%Y-%m"),))
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "msj⏎18⏎")
            await settle(pilot, app)
            assert status(app) == f"{TODAY:%Y-%m} 已定稿，不能再添加或作废记录"
        assert saved(book) == []

    async def test_escape_and_a_digit_read_as_one_mac_option_key_still_clear(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "msj⏎18")
            app.post_message(events.Key("trade_mark_sign", "™"))  # "\x1b2" from a terminal
            await settle(pilot, app)
            assert app.screen.query_one("#quantity").value == ""
            assert app.screen.query_one("#search").value == "2"

    async def test_a_fixed_award_says_it_needs_no_quantity(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "mst⏎4")
            await settle(pilot, app)
            assert status(app) == "将记 +10.00 分（固定分，不填数量；可写备注，回车保存）"

    async def test_the_key_bar_names_the_list_keys_on_the_list(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, ["ctrl+l"])
            await settle(pilot, app)
            top = text_of(app.screen.query_one("KeyBar")).split("\n")[0]
            assert "v 或回车 作废" in top



class TestSameEntryAgain:
    async def test_a_line_keyed_twice_is_asked_about_and_enter_keeps_both(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "msj⏎18⏎msj⏎18⏎⏎")  # the last Enter typed ahead: not an answer
            await settle(pilot, app)
            assert status(app).endswith(" 杨秋云 已记过同样一条：真有第二次请再按回车；Esc 清空"
                                        "（提问前打的键没有用上：⏎）")
            assert len(status(app)) <= 50  # one line at 80 columns
            assert saved(book) == [("马少军", "labour", "8", DAY, "")]
            await wait_visible(pilot)
            burst(app, "⏎")
            await settle(pilot, app)
            assert status(app) == "已保存：马少军 +2 分（义务劳动）"
        assert saved(book) == [("马少军", "labour", "8", DAY, "")] * 2

    async def test_over_the_days_cap_is_refused_on_screen(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            burst(app, "msj⏎120⏎msj⏎18⏎")
            await settle(pilot, app)
            assert status(app) == ("马少军 当天已有义务劳动 20 小时，再记 8 "
                                   "超过每天上限 24 小时：没有保存")
        assert saved(book) == [("马少军", "labour", "20", DAY, "")]
