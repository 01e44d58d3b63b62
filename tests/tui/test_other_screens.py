"""村民, 月表, 红榜, 细则, 日志, the gatherer at start, and the language switch."""

from conftest import TODAY

from tui.conftest import SIZE, rows_of, text_of
from villagebook import catalogue, entries, laptop, people
from villagebook.tui.app import make_app


def seed(book):
    for name, code, qty in (("马少军", "labour", "8"), ("马洪云", "goods", "3000"),
                            ("马淑婷", "recognition", None)):
        entries.record(book, people.find_resident(book, name), code, qty, "杨秋云")


async def type_text(pilot, text):
    for ch in text:
        await pilot.press(ch)


async def find_resident(pilot, text):
    """F2, then / and the text, then Enter: the resident is highlighted."""
    await pilot.press("f2", "slash")
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


async def answer(pilot, key, text):
    """Press key, then type text in the dialog it opens and Enter."""
    await pilot.press(key)
    await pilot.pause()
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


class TestGatherer:
    async def test_chosen_at_start_and_remembered(self, book):
        people.add_gatherer(book, "李桂兰", "西片")
        app = make_app(book, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            assert type(app.screen).__name__ == "ChooseGatherer"
            await pilot.press("down", "enter")
            await pilot.pause()
            assert app.gatherer == "李桂兰" and "信息员 李桂兰" in app.sub_title
        assert laptop.last_gatherer(book.path, "ui") == "李桂兰"
        assert make_app(book, today=TODAY).gatherer == "李桂兰"

    async def test_ctrl_g_highlights_the_gatherer_recording_now(self, book):
        for name, corner in (("李桂兰", "西片"), ("王秀英", "南片")):
            people.add_gatherer(book, name, corner)
        app = make_app(book, gatherer="王秀英", today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("ctrl+g")
            await pilot.pause()
            picker = app.screen.query_one("#gatherers")
            assert picker.highlighted_option.id == "王秀英"
            await pilot.press("enter")  # Enter keeps her: nothing changes
            await pilot.pause()
            assert app.gatherer == "王秀英"

    async def test_a_command_line_record_for_another_does_not_change_the_screens(
            self, book, db_path):
        from click.testing import CliRunner

        from villagebook.cli import cli

        people.add_gatherer(book, "李桂兰", "西片")
        laptop.remember_gatherer(book.path, "杨秋云", "ui")  # the screen's gatherer
        out = CliRunner().invoke(cli, ["record", "马少军", "labour", "2", "--by", "李桂兰",
                                       "--db", str(db_path)])
        assert out.exit_code == 0, out.output
        assert laptop.last_gatherer(book.path) == "李桂兰"  # the command line's
        assert make_app(book, today=TODAY).gatherer == "杨秋云"

    async def test_a_new_gatherer_can_be_added_there(self, book):
        app = make_app(book, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("tab")
            await type_text(pilot, "王秀英")
            await pilot.press("enter")
            await pilot.pause()
            assert app.gatherer == "王秀英"
        assert "王秀英" in {g.name for g in people.list_gatherers(book)}


class TestResidentsScreen:
    async def test_search_add_and_edit(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f2", "slash")
            await type_text(pilot, "msj")
            await pilot.pause()
            assert [r[0] for r in rows_of(app.screen.query_one("#residents"))] == ["马少军"]
            await pilot.press("enter", "a")
            await type_text(pilot, "杨秀英")
            await pilot.press("tab")
            await type_text(pilot, "杨家2户")
            await pilot.press("tab")
            await type_text(pilot, "南片")
            await pilot.press("tab", "space", "enter")  # untick "on the board", save
            await pilot.pause(0.35)
            await pilot.press("enter")  # 南片 is a new corner: Enter again confirms it
            await pilot.pause()
        added = people.find_resident(book, "杨秀英")
        assert (added.household, added.corner, added.on_board) == ("杨家2户", "南片", False)

    async def test_r_retires_the_selected_resident_after_asking_why(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await find_resident(pilot, "mhy")
            await answer(pilot, "r", "搬到县城")
            assert "马洪云" not in [r[0] for r in rows_of(app.screen.query_one("#residents"))]
        assert people.find_resident(book, "马洪云").active is False
        assert book.one("SELECT detail FROM audit WHERE action = 'residents.retire'")[0] \
            .find("搬到县城") > 0

    async def test_h_lists_the_retired_and_u_brings_one_back(self, app, book):
        from villagebook import roster

        roster.retire(book, people.find_resident(book, "马洪云"), "搬到县城", "杨秋云")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f2", "h", "slash")
            await type_text(pilot, "马洪云")
            await pilot.press("enter")
            await pilot.pause()
            assert rows_of(app.screen.query_one("#residents"))[0][:4] == [
                "马洪云", "马家5户", "东片", "已停用"]
            await pilot.press("u")
            await pilot.pause()
            assert "已恢复村民 马洪云" in text_of(app.screen.query_one("#resident-detail"))
        assert people.find_resident(book, "马洪云").active is True

    async def test_m_merges_the_selected_resident_into_another(self, app, book):
        people.add_resident(book, "马少君", "马家3户", "东片")
        entries.record(book, people.find_resident(book, "马少君"), "labour", "8", "杨秋云")
        async with app.run_test(size=SIZE) as pilot:
            await find_resident(pilot, "马少君")
            await answer(pilot, "m", "马少军")
            said = text_of(app.screen.query_one("#resident-detail"))
            assert said.startswith("已把 马少君（马家3户 东片） 并到 马少军（马家3户 东片）")
            assert "名下：1 条记录转过去" in said
        shaojun = people.find_resident(book, "马少军")
        assert [e.quantity for e in entries.entries_of(book, resident_id=shaojun.id)] == ["8"]
        assert people.find_resident(book, "马少君").active is False

    async def test_a_residents_own_entries_and_totals(self, app, book):
        seed(book)
        async with app.run_test(size=SIZE) as pilot:
            await find_resident(pilot, "mhy")
            detail = text_of(app.screen.query_one("#resident-detail"))
            assert detail.startswith("马洪云 的记录：本月 30.00 分，累计 30.00 分")
            assert "物品捐赠 3000  30.00" in detail


class TestSheetScreen:
    async def test_sort_corner_filter_and_months(self, app, book):
        seed(book)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3")
            await pilot.pause()
            names = [r[0] for r in rows_of(app.screen.query_one("#sheet"))]
            assert names == ["马洪云", "马淑婷", "马少军"]
            await pilot.press("s", "s")  # by name
            await pilot.press("c")  # the first corner: 东片
            await pilot.pause()
            rows = rows_of(app.screen.query_one("#sheet"))
            assert {r[1] for r in rows} == {"东片"} and len(rows) == 2
            assert "东片" in text_of(app.screen.query_one("#sheet-title"))
            await pilot.press("c", "c", "left_square_bracket")
            await pilot.pause()
            assert rows_of(app.screen.query_one("#sheet")) == []
            assert text_of(app.screen.query_one("#sheet-totals")) == "合计：0 人，0 条，0.00 分"


class TestBoardScreen:
    async def test_stars_and_flags_and_off_board_residents(self, app, book):
        seed(book)
        hidden = people.add_resident(book, "马隐", "马家9户", "东片", on_board=False)
        entries.record(book, hidden, "labour", "24", "杨秋云")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f4")
            await pilot.pause()
            board = text_of(app.screen.query_one("#board"))
        assert "本期榜样： 马洪云 30.00  马淑婷 10.00  马少军 2.00" in board
        lines = {ln.split()[0]: ln for ln in board.splitlines() if ln.strip()}
        assert lines["马洪云"].endswith("30.00  ⚑⚑⚑⚑⚑")
        assert lines["马淑婷"].endswith("10.00  ⚑ ★★★★")
        assert lines["马少军"].endswith("2.00  ★★")
        assert "马隐" not in board


class TestCatalogueScreen:
    async def test_add_and_retire_a_category(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f5", "a")
            for value in ("bridge", "修桥补路", "Bridge repair", "hours", "1"):
                await type_text(pilot, value)
                await pilot.press("tab")
            await pilot.press("ctrl+u")
            await type_text(pilot, "2")
            await pilot.press("enter")
            await pilot.pause()
            rules = rows_of(app.screen.query_one("#rules"))
            assert ["bridge", "修桥补路：每2小时1分", ""] in rules
            await pilot.press(*["down"] * 8, "r", "y")
            await pilot.pause()
        assert "bridge" not in {c.code for c in catalogue.categories(book)}

    async def test_a_negative_rule_is_refused_in_the_form(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f5", "a")
            for value in ("fine", "罚款", "Fine", "fixed", "-5"):
                await type_text(pilot, value)
                await pilot.press("tab")
            await pilot.press("enter")
            assert text_of(app.screen.query_one("#c-error")) == (
                "规则的分值不能为负数（只记贡献，不扣分）")
        assert "fine" not in {c.code for c in catalogue.categories(book)}


class TestLogScreen:
    async def test_newest_first_and_searchable(self, app, book):
        seed(book)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f6")
            await pilot.pause()
            rows = rows_of(app.screen.query_one("#log"))
            assert " 给 马淑婷 记 表彰" in rows[0][2]
            assert text_of(app.screen.query_one("#log-detail")) == rows[0][2]  # whole
            await pilot.press("slash")
            await type_text(pilot, "马洪云")
            await app.workers.wait_for_complete()  # a search runs aside (a township's log)
            await pilot.pause()
            rows = rows_of(app.screen.query_one("#log"))
            assert len(rows) == 2 and "给 马洪云 记 物品捐赠 3000 元 +30.00 分" in rows[0][2]
            assert "添加村民 马洪云" in rows[1][2]
            title = text_of(app.screen.query_one("#log-title"))
            assert title.endswith("找到 2 行（最多显示 100 行）")
            await pilot.press("ctrl+a", "ctrl+k")  # the search box cleared, then a word
            await type_text(pilot, "添加村民")
            await app.workers.wait_for_complete()
            await pilot.pause()
            rows = rows_of(app.screen.query_one("#log"))
            assert rows and all("添加村民" in r[2] for r in rows)

    async def test_a_search_runs_aside_span_by_span_and_the_screen_answers_keys(
            self, app, book, monkeypatch):
        """A township's log is 25 million lines: a search reads it newest first, a span
        at a time, in a thread; keys are answered meanwhile, and a search typed over
        never shows its lines."""
        import threading

        from villagebook import auditlog

        seed(book)
        monkeypatch.setattr(auditlog, "SPAN", 5)  # the seed's log is some 25 lines
        held, real = threading.Event(), auditlog.recent

        def slow(book, limit=20, search="", between=None):
            if search == "添加":
                held.wait(20)
            return real(book, limit, search, between)

        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f6", "slash")
            await type_text(pilot, "杨秋云 添加信息员")  # the book's first lines only
            await app.workers.wait_for_complete()
            await pilot.pause()
            rows = rows_of(app.screen.query_one("#log"))
            assert len(rows) == 1 and "添加信息员 杨秋云" in rows[0][2], rows
            said = text_of(app.screen.query_one("#log-title"))
            assert said.endswith("找到 1 行（最多显示 100 行）")
            monkeypatch.setattr(auditlog, "recent", slow)
            await pilot.press("ctrl+a", "ctrl+k")
            await type_text(pilot, "添加")  # held in its first span
            await pilot.pause(0.4)
            await pilot.press("backspace", "backspace")  # typed over: the newest lines
            await pilot.press("f3")
            await pilot.pause()
            assert type(app.screen).__name__ == "SheetScreen"  # the keys were answered
            held.set()
            await app.workers.wait_for_complete()
            await pilot.press("f6")
            await pilot.pause()
            rows = rows_of(app.screen.query_one("#log"))
            assert len(rows) == len(real(book, 100)) and "给 马淑婷 记 表彰" in rows[0][2]

    async def test_a_papers_fingerprint_is_checked_from_the_log_screen(self, app, book):
        from villagebook import history

        seed(book)
        printed = history.head(book)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f6")
            await pilot.pause()
            await pilot.press("c")
            await pilot.pause()
            await type_text(pilot, f"{printed.code} · 第 {printed.seq} 行")
            await pilot.press("enter")
            await pilot.pause()
            assert text_of(app.screen.query_one("#log-title")) == (
                f"指纹 {printed.code}（第 {printed.seq} 行）对得上："
                "打印那一刻以前的历史没有被改动过")
            await pilot.press("c")
            await pilot.pause()
            await type_text(pilot, f"{printed.code} · 第 {printed.seq + 50} 行")
            await pilot.press("enter")
            await pilot.pause()
            assert text_of(app.screen.query_one("#log-title")).startswith(
                "积分簿比这张纸还旧")


class TestLanguage:
    async def test_f9_switches_every_label_to_english_and_back(self, app, book):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "f9")
            await pilot.pause()
            assert text_of(app.screen.query_one("#sheet-title")).startswith("Sheet 20")
            await pilot.press("f1")
            await pilot.pause()
            assert text_of(app.screen.query_one("#l-quantity")) == "Quantity"
            assert app.sub_title.startswith("gatherer 杨秋云")
            bindings = {b.binding.description for b in app.screen.active_bindings.values()}
            assert {"Record", "Sheet", "Quit"} <= bindings
            await pilot.press("f9")
            await pilot.pause()
            assert text_of(app.screen.query_one("#l-quantity")) == "数量"

    async def test_help_opens_with_question_mark_when_not_typing(self, app):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "question_mark")
            await pilot.pause()
            assert type(app.screen).__name__ == "HelpScreen"
            await pilot.press("space")
            await pilot.pause()
            assert type(app.screen).__name__ == "SheetScreen"


class TestPrintAction:
    async def test_ctrl_p_prints_the_board_and_the_sheet(self, app, book, tmp_path,
                                                         monkeypatch):
        monkeypatch.setenv("VILLAGEBOOK_PRINT_DIR", str(tmp_path / "prints"))
        seed(book)
        month = TODAY.strftime("%Y-%m")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f4", "ctrl+p")
            await app.workers.wait_for_complete()
            await pilot.press("f3", "ctrl+p")
            await app.workers.wait_for_complete()
            await pilot.pause()
            said = [n.message for n in app._notifications]
        printed = sorted(p.name for p in (tmp_path / "prints").iterdir())
        assert printed == [f"board-{month}.pdf", f"sheet-{month}.pdf"]
        assert any(m.startswith("已生成 月度汇总表") for m in said), said
        actions = [r[0] for r in book.query("SELECT action FROM audit WHERE action LIKE"
                                            " 'print.%' ORDER BY seq")]
        assert actions == ["print.board", "print.sheet"]

    async def test_a_print_that_cannot_be_written_says_why_and_the_next_one_prints(
            self, app, book, tmp_path, monkeypatch):
        blocked = tmp_path / "not-a-folder"
        blocked.write_text("a file where the print folder should be")
        monkeypatch.setenv("VILLAGEBOOK_PRINT_DIR", str(blocked))
        seed(book)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f4", "ctrl+p")
            await app.workers.wait_for_complete()
            await pilot.pause()
            errors = [n.message for n in app._notifications if n.severity == "error"]
            assert len(errors) == 1 and "not-a-folder" in errors[0], errors
            monkeypatch.setenv("VILLAGEBOOK_PRINT_DIR", str(tmp_path / "prints"))
            await pilot.press("ctrl+p")
            await app.workers.wait_for_complete()
        assert [p.name for p in (tmp_path / "prints").iterdir()] == [f"board-{TODAY:%Y-%m}.pdf"]

    async def test_the_screen_answers_keys_while_a_print_is_laid_out(self, app, book,
                                                                     tmp_path, monkeypatch):
        """A township's board takes ten seconds: the print runs aside, its header says
        how far it is, a second print waits its turn, and nothing is printed twice."""
        import threading

        from reports import publish
        from reports.canvas import PROGRESS

        monkeypatch.setenv("VILLAGEBOOK_PRINT_DIR", str(tmp_path / "prints"))
        seed(book)
        held, real = threading.Event(), publish.publish

        def slow(*args, **kwargs):
            PROGRESS.get()(7)  # as the canvas tells each page
            held.wait(20)
            return real(*args, **kwargs)

        monkeypatch.setattr(publish, "publish", slow)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f4", "ctrl+p")
            await pilot.pause(0.4)
            board = app.screen
            assert board.sub_title.startswith("正在排版光荣榜")
            await pilot.press("ctrl+p")  # again, while the first is laid out
            await pilot.press("f3")
            await pilot.pause()
            assert type(app.screen).__name__ == "SheetScreen"  # the keys were answered
            said = [n.message for n in app._notifications]
            assert any("还在排版" in m for m in said), said
            held.set()
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert board.sub_title is None  # the header is the app's own again
        printed = [p.name for p in (tmp_path / "prints").iterdir()]
        assert printed == [f"board-{TODAY:%Y-%m}.pdf"]
        assert [r[0] for r in book.query("SELECT action FROM audit WHERE action LIKE"
                                         " 'print.%'")] == ["print.board"]


class TestMonthCycle:
    async def test_post_resolve_an_objection_and_finalize_from_the_sheet(self, app, book):
        from villagebook import months

        seed(book)
        month = TODAY.strftime("%Y-%m")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f3", "g")
            await pilot.pause(0.35)  # the committee's dialogs take no key typed ahead
            await pilot.press("y")
            await pilot.pause()
            assert "公示中" in text_of(app.screen.query_one("#sheet-title"))
            shaojun = people.find_resident(book, "马少军")
            (entry,) = entries.entries_of(book, resident_id=shaojun.id)
            months.object_to(book, shaojun, entry, "只干了 6 小时", "杨秋云")
            await pilot.press("y")
            await pilot.pause()
            assert type(app.screen).__name__ == "ObjectionsScreen"
            await pilot.press("v")
            await type_text(pilot, "核实属实")
            await pilot.press("enter", "escape")
            await pilot.pause()
            await pilot.press("d")  # the window is open: it asks why so early
            await type_text(pilot, "全村都看过了")
            await pilot.pause(0.35)
            await pilot.press("enter")
            await pilot.pause()
            assert "已定稿" in text_of(app.screen.query_one("#sheet-title"))
        assert months.status(book, month).state == "final"
        assert entries.get_entry(book, entry.id).void_reason == "只干了 6 小时（核实属实）"


class TestCommitteePin:
    async def test_a_catalogue_change_asks_for_the_pin_once_one_is_set(self, app, book):
        from villagebook import committee

        committee.set_pin(book, "246810", "村委会")
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("f5", "a")
            await pilot.pause()
            assert type(app.screen).__name__ == "PinPrompt"
            await type_text(pilot, "111111")
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "CatalogueScreen"  # wrong: no form
            await pilot.press("a")
            await type_text(pilot, "246810")
            await pilot.press("enter")
            await pilot.pause()
            assert type(app.screen).__name__ == "CategoryForm"


class TestLetters:
    async def test_capital_letters_switch_screens_but_type_in_a_field(self, app):
        async with app.run_test(size=SIZE) as pilot:
            await pilot.press("R")  # the record screen's search box has the focus: typed
            assert app.screen.query_one("#search").value == "R"
            await pilot.press("f3", "B")
            await pilot.pause()
            assert type(app.screen).__name__ == "BoardScreen"
            await pilot.press("L")
            await pilot.pause()
            assert type(app.screen).__name__ == "LogScreen"
