"""Recording and voiding from the command line, as a gatherer types it."""

import time

import pytest
from conftest import MONTH, TODAY, audit_count

from villagebook.book import Book


def line_of(sheet: dict, name: str) -> dict:
    (line,) = [ln for ln in sheet["lines"] if ln["name"] == name]
    return line


class TestRecord:
    def test_the_reference_entries_give_the_reference_points(self, run):
        day = TODAY.replace(day=1).isoformat()
        out = run("record", "马少军", "labour", "8", "--date", day, "--note", "安装篮球架",
                  "--by", "杨秋云")
        assert out.exit_code == 0
        assert out.output.startswith(f"马少军 +2 分（义务劳动 8 小时，{day}）记录号 ")
        assert run("record", "马洪云", "goods", "3000").exit_code == 0
        for parent in ("马淑婷", "马秋玲"):
            assert run("record", parent, "recognition", "--note", "儿子在西藏服役").exit_code == 0
        sheet = run.json("tally", MONTH)
        assert [(ln["name"], ln["points"], ln["stars"], ln["flags"], ln["loose_stars"])
                for ln in sheet["lines"]] == [
            ("马洪云", "30.00", 30, 5, 0),
            ("马秋玲", "10.00", 10, 1, 4),  # equal points: in pinyin order
            ("马淑婷", "10.00", 10, 1, 4),
            ("马少军", "2.00", 2, 0, 2),
        ]
        assert sheet["total"] == "52.00"

    @pytest.mark.parametrize("query", ["msj", "mashaojun", "ma shao jun", "MSJ", "马少军"])
    def test_a_resident_is_found_by_name_pinyin_or_initials(self, run, query):
        out = run("record", query, "labour", "4", "--by", "杨秋云")
        assert out.exit_code == 0, out.output
        assert out.output.startswith("马少军 +1 分")

    def test_the_gatherer_is_remembered_on_this_laptop(self, run, book):
        from villagebook import people

        people.add_gatherer(book, "李桂兰", "西片")
        refused = run("record", "msj", "labour", "4")
        assert refused.exit_code != 0 and "--by" in refused.output
        assert run("record", "msj", "labour", "4", "--by", "李桂兰").exit_code == 0
        assert run("record", "msj", "labour", "3").exit_code == 0
        rows = book.query("SELECT recorded_by FROM entries")
        assert [r[0] for r in rows] == ["李桂兰", "李桂兰"]

    def test_each_record_appends_one_audit_line(self, run, db_path):
        before = audit_count(db_path)
        run("record", "msj", "labour", "4")
        with Book.open(db_path) as b:
            last = b.one("SELECT * FROM audit ORDER BY seq DESC LIMIT 1")
        assert audit_count(db_path) == before + 1
        assert (last["actor"], last["action"]) == ("杨秋云", "entry.record")
        assert '"resident": "马少军"' in last["detail"]


class TestRefusals:
    """Each bad input: one line naming what is wrong, a non-zero exit, nothing written."""

    @pytest.mark.parametrize("args, message", [
        (["马少君", "labour", "4"], "找不到村民：马少君（相近的：马少军"),
        (["msj", "bogus", "4"], "没有这个类别：bogus（可用：义务劳动 labour、现金捐赠 donation"),
        (["msj", "labour", "-3"], "数量不能为负数：-3（只记贡献，不扣分）"),
        (["msj", "labour", "0"], "数量必须大于 0：0"),
        (["msj", "labour", "lots"], "数量不是数字：lots"),
        (["msj", "labour", "30"], "数量 30 超过义务劳动的上限：每人每天最多 24 小时"),
        (["msj", "labour"], "labour 需要数量"),
        (["msj", "recognition", "3"], "recognition 是固定分值，不需要数量"),
        (["msj", "labour", "4", "--date", "2026-13-01"],
         "日期看不懂：2026-13-01（可以写 2026-11-03、2026/11/3、20261103、11-03、今天、昨天）"),
        (["msj", "labour", "4", "--date", "1999-01-01"],
         "日期太早：1999-01-01（积分簿只收 2000 年以后的记录）"),
        (["msj", "labour", "4", "--date", "2999-01-01"], "日期在未来：2999-01-01"),
        (["msj", "labour", "4", "--by", "王五"], "没有这个信息员：王五"),
    ])
    def test_refused_with_one_clear_line(self, run, db_path, args, message):
        before = audit_count(db_path)
        out = run("record", *args)
        assert out.exit_code == 1
        assert out.output == f"错误：{message}" + out.output.split(message, 1)[1]
        assert out.output.count("\n") == 1 and "Traceback" not in out.output
        assert audit_count(db_path) == before

    def test_an_ambiguous_name_lists_the_candidates_and_writes_nothing(self, run, book, db_path):
        from villagebook import people

        people.add_resident(book, "马淑芬", "马家9户", "南片")
        before = audit_count(db_path)
        out = run("record", "msf", "labour", "4")
        assert out.exit_code == 0  # msf is unique: 马淑芬
        people.add_resident(book, "马少峰", "马家2户", "北片")
        before = audit_count(db_path)
        out = run("record", "msf", "labour", "4")
        assert out.exit_code == 1
        assert "马淑芬（马家9户 南片）" in out.output and "马少峰（马家2户 北片）" in out.output
        assert audit_count(db_path) == before

    def test_english_messages_with_lang_en(self, run):
        out = run("record", "msj", "labour", "-3", "--lang", "en")
        assert out.output == ("Error: quantity cannot be negative: -3 "
                              "(contributions only, nothing is deducted)\n")

    def test_a_final_month_refuses_new_entries(self, run, book):
        book.conn.execute("INSERT INTO months (month, state) VALUES ('2026-01', 'final')")
        out = run("record", "msj", "labour", "4", "--date", "2026-01-15")
        assert out.exit_code == 1
        assert out.output == ("错误：2026-01 已定稿。如果这是漏记的，请加 --late：记在本月，"
                              "标为补记，保留原日期\n")
        late = run("record", "msj", "labour", "4", "--date", "2026-01-15", "--late")
        assert late.exit_code == 0, late.output
        (entry,) = run.json("entries", "--resident", "msj")
        assert (entry["day"], entry["month"], entry["late"]) == ("2026-01-15", MONTH, 1)
        assert run.json("tally", MONTH)["lines"][0]["points"] == "1.00"

    def test_a_missing_book_is_one_line(self, tmp_path):
        from conftest import Runner

        out = Runner(tmp_path / "nowhere.db")("tally")
        assert out.exit_code == 1
        assert out.output.startswith("错误：找不到积分簿：") and out.output.count("\n") == 1


class TestVoid:
    def test_a_voided_entry_leaves_the_totals_and_stays_in_the_book(self, run, book):
        run("record", "msj", "labour", "8")
        twice = run("record", "msj", "labour", "8", "--again")
        entry_id = twice.output.rsplit(" ", 1)[1].strip()
        assert line_of(run.json("tally"), "马少军")["points"] == "4.00"
        out = run("void", entry_id, "--reason", "重复记录")
        assert out.exit_code == 0
        assert out.output == f"已作废记录 {entry_id}：马少军 2.00 分，原因：重复记录\n"
        line = line_of(run.json("tally"), "马少军")
        assert (line["points"], line["entries"]) == ("2.00", 1)
        listed = run.json("entries", "--resident", "msj")
        assert [e["void_reason"] for e in listed] == ["重复记录", None]

    def test_void_needs_a_reason_and_happens_once(self, run, db_path):
        entry_id = run("record", "msj", "labour", "8").output.rsplit(" ", 1)[1].strip()
        before = audit_count(db_path)
        assert run("void", entry_id, "--reason", "  ").output == "错误：作废原因不能为空\n"
        assert run("void", entry_id, "--reason", "错了").exit_code == 0
        again = run("void", entry_id, "--reason", "再来")
        assert again.exit_code == 1 and "已于" in again.output
        assert run("void", "ffffffff", "--reason", "x").output == "错误：找不到记录：ffffffff\n"
        assert audit_count(db_path) == before + 1


class TestReviewFindings:
    def test_a_failed_record_does_not_change_the_remembered_gatherer(self, run, book):
        from villagebook import laptop, people

        people.add_gatherer(book, "李红梅", "西片")
        assert run("record", "msj", "labour", "4", "--by", "杨秋云").exit_code == 0
        assert run("record", "msj", "labour", "-8", "--by", "李红梅").exit_code == 1
        assert laptop.last_gatherer(book.path) == "杨秋云"

    def test_init_takes_the_book_from_the_groups_db_option(self, tmp_path):
        from click.testing import CliRunner

        from villagebook.cli import cli

        path = tmp_path / "new.db"
        out = CliRunner().invoke(cli, ["--db", str(path), "init", "--village", "新村"])
        assert out.exit_code == 0 and path.exists()

    def test_several_residents_are_recorded_all_or_nothing(self, book):
        import sqlite3

        from villagebook import entries, people

        shaojun = people.find_resident(book, "马少军")
        ghost = shaojun._replace(id="no-such-resident")
        before = book.one("SELECT COUNT(*) FROM audit")[0]
        with pytest.raises(sqlite3.IntegrityError):
            entries.record_many(book, [shaojun, ghost], "recognition", None, "杨秋云")
        assert entries.entries_of(book) == []
        assert book.one("SELECT COUNT(*) FROM audit")[0] == before

    def test_absurd_points_are_refused_before_they_can_overflow(self, run):
        huge = run("catalogue", "add", "huge", "--name-zh", "巨", "--name-en", "Huge", "--kind",
                   "yuan", "--points", "1000000000", "--per", "1")
        assert huge.exit_code == 1 and "最多 1000 分" in huge.output
        run("catalogue", "add", "big", "--name-zh", "大", "--name-en", "Big", "--kind", "yuan",
            "--points", "1000", "--per", "1")
        out = run("record", "mhy", "big", "1000000000")
        assert out.exit_code == 1
        assert out.output == "错误：big 数量 1000000000 折合分数过大，请核对\n"

    def test_a_short_entry_id_and_a_retired_category_say_what_is_wrong(self, run):
        assert run("void", "ec4", "--reason", "x").output == "错误：记录号至少写 6 位：ec4\n"
        run("catalogue", "retire", "blood")
        out = run("record", "msj", "blood", "1")
        assert out.output.startswith("错误：类别 blood 已停用，不能再记")


class TestEntriesAgreeWithTheSheet:
    def test_marks_and_the_counted_line_match_the_tally(self, run, book):
        from datetime import timedelta

        from conftest import TODAY

        from villagebook import entries, months, people

        last = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=10)
        month = last.strftime("%Y-%m")
        shaojun = people.find_resident(book, "马少军")
        kept = entries.record(book, shaojun, "labour", "8", "杨秋云", day=last)
        gone = entries.record(book, shaojun, "labour", "4", "杨秋云", day=last)
        entries.void(book, gone.id, "记错了", "杨秋云")
        months.post(book, month, "村委会")
        time.sleep(1.1)  # the book keeps seconds: recorded after the posting, not with it
        added = entries.record(book, shaojun, "labour", "2", "杨秋云", day=last)
        out = run("entries", "--month", month)
        lines = {ln.split()[0]: ln for ln in out.output.splitlines()[2:-1]}
        assert "作废" in lines[gone.id[:8]] and "增" in lines[added.id[:8]]
        assert "增" not in lines[kept.id[:8]] and "作废" not in lines[kept.id[:8]]
        sheet = run("tally", month).output
        counted = out.output.splitlines()[-1]
        assert counted.startswith("计入积分 2 条，共 2.50 分；已作废 1 条（不计）")
        assert "合计" in sheet and "2.50" in sheet.splitlines()[-1]


def test_late_where_the_month_is_not_final_says_so_and_records_nothing(run, db_path):
    before = audit_count(db_path)
    out = run("record", "msj", "labour", "4", "--late", "--by", "杨秋云")
    assert out.exit_code == 1 and out.output.count("\n") == 1
    assert f"{MONTH} 还没定稿，不需要 --late（补记）" in out.output
    assert audit_count(db_path) == before


class TestOldDates:
    """A day over a year back, or before the book's first entries, is most often a
    mistyped year: refused with why, unless --old says it is meant (issue 12, point 5)."""

    def test_over_a_year_back_needs_old(self, run, book, db_path):
        from datetime import timedelta

        day = (TODAY - timedelta(days=400)).isoformat()
        before = audit_count(db_path)
        out = run("record", "msj", "labour", "4", "--date", day, "--by", "杨秋云")
        assert out.exit_code == 1 and out.output.count("\n") == 1
        assert (f"{day} 是 400 天以前（一年多）：常是年份打错了；"
                "确实是这一天请加 --old") in out.output
        assert audit_count(db_path) == before
        meant = run("record", "msj", "labour", "4", "--date", day, "--old", "--by", "杨秋云")
        assert meant.exit_code == 0, meant.output

    def test_before_the_books_first_entries_needs_old(self, run, book):
        from datetime import timedelta

        run("record", "msj", "labour", "4", "--by", "杨秋云")  # the book begins this month
        earlier = (TODAY.replace(day=1) - timedelta(days=1)).isoformat()
        out = run("record", "msj", "labour", "4", "--date", earlier, "--by", "杨秋云",
                  "--lang", "en")
        assert out.exit_code == 1
        assert f"{earlier} is before the book's first entries ({MONTH})" in out.output
        assert run("record", "msj", "labour", "4", "--date", earlier, "--old",
                   "--by", "杨秋云").exit_code == 0
