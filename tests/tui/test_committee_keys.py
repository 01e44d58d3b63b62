"""The committee's keys cannot misfire: on the month sheet (F3) `g` posts and `d` finalizes
only through a dialog that names the month and what happens, focuses "cancel", asks the
PIN where the CLI does, and ignores a confirm key typed before it could be read."""

import threading
from datetime import timedelta

import pytest
from conftest import TODAY
from textual import events

from tui.conftest import SIZE, shown, squeezed, text_of
from villagebook import committee, i18n, months
from villagebook.tui.screens.committee_confirm import CommitteeConfirm, EarlyFinalize

MONTH = TODAY.strftime("%Y-%m")
PREVIOUS = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=1)  # its window is over
CHARS = {"enter": "\r", "escape": "\x1b", "tab": "\t"}


def state(book, month=MONTH) -> str:
    return months.status(book, month).state


def burst(app, *keys) -> None:
    """Keys typed ahead: all queued at once, nothing awaited in between."""
    for key in keys:
        app.post_message(events.Key(key, CHARS.get(key, key)))



def dialog_text(app) -> str:
    return "\n".join(text_of(label) for label in app.screen.query("Label"))


async def type_text(pilot, text):
    for ch in text:
        await pilot.press(ch)


async def settled(pilot) -> None:
    """The month's step done in its thread (its copy of the book first) and shown."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


def previous_month_posted(book) -> str:
    month = PREVIOUS.strftime("%Y-%m")
    months.post(book, month, "村委会", today=PREVIOUS)  # objections until PREVIOUS + 15 days
    return month


class TestPost:
    async def test_g_asks_first_naming_the_month_and_the_deadline(self, app, book):
        until = (TODAY + timedelta(days=15)).isoformat()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "g")
            await pilot.pause()
            assert isinstance(app.screen, CommitteeConfirm)
            text = dialog_text(app)
            assert f"公示 {MONTH}" in text and until in text and "15天" in text
            assert "按 y 确认" in text
            assert app.screen.focused.id == "no"
        assert state(book) == "open"

    @pytest.mark.parametrize("key", ["enter", "escape", "n"])
    async def test_enter_esc_and_n_cancel_and_the_month_stays_open(self, app, book, key):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "g")
            await pilot.pause(0.35)
            await pilot.press(key)
            await pilot.pause()
            assert type(app.screen).__name__ == "SheetScreen"
            assert "未公示" in text_of(app.screen.query_one("#sheet-title"))
        assert state(book) == "open"

    async def test_g_and_y_typed_ahead_in_one_burst_post_nothing(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3")
            await pilot.pause()
            burst(app, "g", "y")
            await pilot.pause(0.5)
            assert isinstance(app.screen, CommitteeConfirm)  # y did not open the objections
            assert state(book) == "open"
            while not app.screen.armed():  # a loaded machine may show it late: read it
                await pilot.pause(0.1)
            await pilot.press("y")  # read, then confirmed: now it posts
            for _ in range(200):  # posting makes a backup first: on a busy laptop, a moment
                await pilot.pause(0.1)
                if state(book) == "posted":
                    break
        assert state(book) == "posted"

    async def test_tab_to_the_button_and_enter_typed_ahead_post_nothing(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3")
            await pilot.pause()
            burst(app, "g", "tab", "enter", "y", "enter")
            await pilot.pause(0.5)
        assert state(book) == "open"

    async def test_g_then_a_pause_then_y_posts(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "g")
            await pilot.pause(0.35)
            await pilot.press("y")
            await settled(pilot)
            assert type(app.screen).__name__ == "SheetScreen"
            assert "公示中" in text_of(app.screen.query_one("#sheet-title"))
        assert state(book) == "posted"

    async def test_a_posted_month_is_refused_at_once_without_a_dialog(self, app, book):
        months.post(book, MONTH, "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "g")
            await pilot.pause()
            assert type(app.screen).__name__ == "SheetScreen"

    async def test_post_needs_no_pin_as_on_the_command_line(self, app, book):
        committee.set_pin(book, "246810", "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "g")
            await pilot.pause()
            assert isinstance(app.screen, CommitteeConfirm)


    async def test_the_copy_made_first_runs_aside_and_says_how_far(self, app, book,
                                                                  monkeypatch):
        """A big village's copy takes a quarter of a minute, a township's minutes: the
        header says how far it is, keys are answered, a second step waits its turn."""
        from villagebook import backup

        gate, copy = threading.Event(), backup.copy_book

        def slow(book_, plain, told=None):
            told(1, 4)
            assert gate.wait(30)
            copy(book_, plain, told)

        monkeypatch.setattr(backup, "copy_book", slow)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "g")
            await pilot.pause(0.35)
            await pilot.press("y")
            await pilot.pause(0.5)
            assert app.screen.sub_title.startswith("公示：先备份积分簿，已完成 ")
            await pilot.press("g")  # a second step: said, and no dialog
            await pilot.pause()
            assert type(app.screen).__name__ == "SheetScreen"
            assert app._notifications and list(app._notifications)[-1].message == (
                "上一步还在进行（先要备份积分簿），请等它做完")
            assert state(book) == "open"
            gate.set()
            await settled(pilot)
            assert "公示中" in text_of(app.screen.query_one("#sheet-title"))
            assert not app.screen.sub_title
        assert state(book) == "posted"


class TestFinalize:
    async def test_with_a_pin_set_d_asks_the_pin_then_confirms(self, app, book):
        month = previous_month_posted(book)
        committee.set_pin(book, "246810", "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "p", "d")
            await pilot.pause()
            assert type(app.screen).__name__ == "PinPrompt"
            await type_text(pilot, "246810")
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, CommitteeConfirm)
            text = dialog_text(app)
            assert f"定稿 {month}" in text and "加封" in text and "按 y 确认" in text
            await pilot.press("y")  # too soon: ignored
            await pilot.pause()
            assert state(book, month) == "posted"
            await pilot.pause(0.35)
            await pilot.press("y")
            await settled(pilot)
        assert state(book, month) == "final"

    async def test_a_wrong_pin_shows_no_dialog(self, app, book):
        month = previous_month_posted(book)
        committee.set_pin(book, "246810", "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "p", "d")
            await type_text(pilot, "111111")
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "SheetScreen"
        assert state(book, month) == "posted"

    async def test_without_a_pin_d_only_confirms_and_enter_cancels(self, app, book):
        month = previous_month_posted(book)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "p", "d")
            await pilot.pause()
            assert isinstance(app.screen, CommitteeConfirm)
            await pilot.pause(0.35)
            await pilot.press("enter")
            await pilot.pause()
            assert state(book, month) == "posted"
            await pilot.press("d")
            await pilot.pause(0.35)
            await pilot.press("y")
            await settled(pilot)
            assert "已定稿" in text_of(app.screen.query_one("#sheet-title"))
        assert state(book, month) == "final"

    async def test_d_and_y_typed_ahead_finalize_nothing(self, app, book):
        month = previous_month_posted(book)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "p")
            await pilot.pause()
            burst(app, "d", "y", "enter")
            await pilot.pause(0.5)
        assert state(book, month) == "posted"

    async def test_inside_the_window_it_asks_why_early_not_a_void_reason(self, app, book):
        months.post(book, MONTH, "村委会")
        until = months.status(book, MONTH).objection_until
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "d")
            await pilot.pause()
            assert isinstance(app.screen, EarlyFinalize)
            title = text_of(app.screen.query_one(".dialog-title"))
            assert title.startswith(f"提前定稿 {MONTH}") and "作废" not in title
            text = dialog_text(app)
            assert until in text and "--e" not in text and "回车定稿" in text
            assert "作废原因" not in app.screen.query_one("#reason").placeholder
            burst(app, "x", "enter")  # a reason and Enter typed ahead: not taken
            await pilot.pause()
            assert isinstance(app.screen, EarlyFinalize)
            await pilot.pause(0.35)
            await pilot.press("enter")
            await settled(pilot)
        st = months.status(book, MONTH)
        assert st.state == "final"
        (detail,) = [r[0] for r in book.query(
            "SELECT detail FROM audit WHERE action = 'month.finalize' AND tbl = 'months'")]
        assert '"early": "x"' in detail

    async def test_an_empty_early_reason_is_refused_by_name(self, app, book):
        months.post(book, MONTH, "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "d")
            await pilot.pause(0.35)
            await pilot.press("enter")
            await pilot.pause()
            assert text_of(app.screen.query_one("#reason-error")) == "提前定稿的原因不能为空"
        assert state(book) == "posted"

    async def test_open_objections_are_said_at_once_without_pin_or_dialog(self, app, book):
        from villagebook import entries, people

        shaojun = people.find_resident(book, "马少军")
        entry = entries.record(book, shaojun, "labour", "8", "杨秋云")
        months.post(book, MONTH, "村委会")
        months.object_to(book, shaojun, entry, "只干了 6 小时", "杨秋云")
        committee.set_pin(book, "246810", "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "d")
            await pilot.pause()
            assert type(app.screen).__name__ == "SheetScreen"
        assert state(book) == "posted"


class TestWrapping:
    @pytest.mark.parametrize("lang", ["zh", "en"])
    async def test_the_early_dialog_shows_its_whole_text_at_80x24(self, app, book, lang):
        i18n.set_lang(lang)
        months.post(book, MONTH, "村委会")
        until = months.status(book, MONTH).objection_until
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "d")
            await pilot.pause()
            for selector, message in (
                    (".dialog-title", i18n.t("ui.early_title", month=MONTH)),
                    (".dialog-text", i18n.t("ui.early_text", month=MONTH, until=until)),
                    (".dialog-hint", i18n.t("ui.early_keys"))):
                assert squeezed(message) in squeezed(shown(app, app.screen.query_one(selector)))

    @pytest.mark.parametrize("lang", ["zh", "en"])
    async def test_the_post_dialog_shows_its_whole_text_at_80x24(self, app, book, lang):
        i18n.set_lang(lang)
        until = (TODAY + timedelta(days=15)).isoformat()
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "g")
            await pilot.pause()
            message = i18n.t("ui.post_text", month=MONTH, until=until, days=15)
            assert squeezed(message) in squeezed(shown(app, app.screen.query_one(".dialog-text")))


def notices(app) -> list[str]:
    return [n.message for n in app._notifications]


class TestRefusedBeforeAnything:
    async def test_a_later_final_month_refuses_finalize_before_the_pin(self, app, book):
        earlier = (PREVIOUS - timedelta(days=1)).replace(day=1)
        early_month, later_month = earlier.strftime("%Y-%m"), PREVIOUS.strftime("%Y-%m")
        months.post(book, early_month, "村委会", today=earlier)
        months.post(book, later_month, "村委会", today=PREVIOUS)
        months.finalize(book, later_month, "村委会", "全村都看过了")
        committee.set_pin(book, "246810", "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "p", "p", "d")
            await pilot.pause()
            assert type(app.screen).__name__ == "SheetScreen"  # no PIN, no reason asked
            assert notices(app) == [
                f"{later_month} 已定稿，{early_month} 不能改变状态（先重新打开 {later_month}）"]
        assert state(book, early_month) == "posted"

    async def test_finalize_on_an_open_month_names_its_state_in_words(self, app, book):
        committee.set_pin(book, "246810", "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "d")
            await pilot.pause()
            assert type(app.screen).__name__ == "SheetScreen"
            assert notices(app) == [f"{MONTH} 现在是“未公示”，要先公示才能定稿"]

    async def test_post_on_a_posted_month_names_its_state_in_words(self, app, book):
        months.post(book, MONTH, "村委会")
        async with app.run_test(size=SIZE) as pilot:
            i18n.set_lang("en")
            await pilot.press("f3", "g")
            await pilot.pause()
            assert type(app.screen).__name__ == "SheetScreen"
            assert notices(app) == [f"{MONTH} is posted; only an open month can be posted"]


class TestPinPromptNamesTheAction:
    async def test_the_finalize_pin_names_the_month(self, app, book):
        month = previous_month_posted(book)
        committee.set_pin(book, "246810", "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "p", "d")
            await pilot.pause()
            title = app.screen.query_one(".dialog-title")
            assert shown(app, title).strip() == f"村委会密码（定稿 {month}）"

    async def test_the_catalogue_pins_name_theirs(self, app, book):
        committee.set_pin(book, "246810", "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f5", "a")
            await pilot.pause()
            title = app.screen.query_one(".dialog-title")
            assert shown(app, title).strip() == "村委会密码（新增积分类别）"
            await pilot.press("escape", "r")
            await pilot.pause()
            title = app.screen.query_one(".dialog-title")
            assert shown(app, title).strip() == "村委会密码（停用类别 义务劳动）"
            await type_text(pilot, "246810")
            await pilot.press("enter")
            await pilot.pause()
            assert "停用类别 义务劳动？" in dialog_text(app)


class TestObjectionsDialog:
    @pytest.mark.parametrize("lang", ["zh", "en"])
    async def test_none_open_says_so(self, app, book, lang):
        i18n.set_lang(lang)
        months.post(book, MONTH, "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "y")
            await pilot.pause()
            assert type(app.screen).__name__ == "ObjectionsScreen"
            text = shown(app, app.screen.query_one("#objections"))
            assert ("没有待处理的异议" if lang == "zh" else "No open objections") in text


class TestSheetTitle:
    @pytest.mark.parametrize("lang", ["zh", "en"])
    async def test_one_line_at_80_columns_with_the_state_first(self, app, book, lang):
        from villagebook import entries, people

        i18n.set_lang(lang)
        shaojun = people.find_resident(book, "马少军")
        entry = entries.record(book, shaojun, "labour", "8", "杨秋云")
        months.post(book, MONTH, "村委会")
        months.object_to(book, shaojun, entry, "只干了 6 小时", "杨秋云")
        until = months.status(book, MONTH).objection_until
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "s", "s")  # sorted by name: the longest in English
            await pilot.pause()
            title = app.screen.query_one("#sheet-title")
            assert title.region.height == 1
            line = shown(app, title)
            state = i18n.t("ui.sheet_until", state="posted", until=until)
            assert state in line and i18n.t("ui.open_objections", count=1) in line
            assert app.screen.query_one("#sheet").region.y == title.region.bottom


class TestObjectionCorrected:
    async def test_c_asks_the_quantity_and_the_reason_then_voids_and_records(self, app, book):
        from villagebook import entries, people

        shaojun = people.find_resident(book, "马少军")
        entry = entries.record(book, shaojun, "labour", "8", "杨秋云", day=TODAY)
        months.post(book, MONTH, "村委会")
        months.object_to(book, shaojun, entry, "我只干了 6 小时", "杨秋云")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "y")
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            assert "更正为多少？（原记录：义务劳动 8 小时）" in dialog_text(app)
            await type_text(pilot, "6")
            await pilot.press("enter")
            await pilot.pause(0.5)
            assert "更正为 6 的理由" in dialog_text(app)
            await type_text(pilot, "核实")
            await pilot.press("enter")
            await pilot.pause(0.5)
            assert type(app.screen).__name__ == "ObjectionsScreen"
            assert "没有待处理的异议" in shown(app, app.screen.query_one("#objections"))
        counted = [e for e in entries.entries_of(book, month=MONTH) if not e.voided_at]
        assert [(e.quantity, e.points_c) for e in counted] == [("6", 150)]
        assert entries.get_entry(book, entry.id).void_reason == "我只干了 6 小时（核实）"
