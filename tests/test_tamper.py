"""The village's question: could someone quietly add points to a relative, or take them
from a rival? Each test is the attack a person with the laptop, the sqlite3 tool and the
source code would make, and what names it: `check` (the log replayed against the
tables and the guards), `verify --code` with the fingerprint from a paper printed
earlier, or `check --against` a backup kept elsewhere."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from conftest import MONTH, TODAY

from villagebook import entries, history, months, people, rollup
from villagebook.check import check

LAST = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=10)
EARLIER = (LAST.replace(day=1) - timedelta(days=1)).replace(day=10)
FINAL, POSTED = EARLIER.strftime("%Y-%m"), LAST.strftime("%Y-%m")
GUARDS = ("entries_only_void", "entries_no_delete", "entries_not_in_final_month",
          "entries_no_void_in_final_month", "audit_no_update", "audit_no_delete")


def rec(book, name, code, qty, day):
    return entries.record(book, people.find_resident(book, name), code, qty, "杨秋云",
                          day=day)


@pytest.fixture
def village(book):
    """A final month, a posted one and an open one, each with entries."""
    for day in (EARLIER, LAST, TODAY):
        rec(book, "马少军", "labour", "8", day)
        rec(book, "马洪云", "goods", "3000", day)
    for month in (FINAL, POSTED):
        months.post(book, month, "村委会")
    months.finalize(book, FINAL, "村委会", "全村已核对")
    assert check(book) == []
    return book


class Sqlite3Tool:
    """What someone does at the sqlite3 prompt: lift a guard, change a row, put it back."""

    def __init__(self, path):
        self.conn = sqlite3.connect(path, isolation_level=None)

    def __call__(self, sql, params=()):
        return self.conn.execute(sql, params)

    def behind_the_guards(self, *statements, guards=GUARDS, restore=True):
        kept = {name: self(f"SELECT sql FROM sqlite_master WHERE name = '{name}'").fetchone()[0]
                for name in guards}
        for name in guards:
            self(f"DROP TRIGGER {name}")
        for sql in statements:
            self(*sql) if isinstance(sql, tuple) else self(sql)
        if restore:
            for sql in kept.values():
                self(sql)

    def add_entry(self, month, resident="马淑婷", points_c=600):
        rid = self("SELECT id FROM residents WHERE name = ?", (resident,)).fetchone()[0]
        return ("INSERT INTO entries (id, resident_id, day, month, category, quantity,"
                " points_c, rule, note, recorded_by, recorded_at) VALUES ('f00d', ?, ?, ?,"
                " 'labour', '24', ?, '1.00 per 4 hours', '', '杨秋云', '2026-01-01T00:00:00')",
                (rid, f"{month}-11", month, points_c))


def _guard_sql(name: str) -> str:
    from villagebook.replay import _expected_schema

    return _expected_schema()[("trigger", name)]


def said(book) -> list[str]:
    return [str(p) for p in check(book)]


@pytest.fixture
def tool(village, db_path):
    return Sqlite3Tool(db_path)


class TestEntriesChangedBehindTheBooksBack:
    @pytest.mark.parametrize("month", [MONTH, POSTED])
    def test_an_insert_without_a_line_is_named(self, village, tool, month):
        tool(*tool.add_entry(month))  # no guard stands in the way in an open or posted month
        assert said(village) == [
            f"{month}：马淑婷 义务劳动 24 小时（+6）在簿子里，却从没有记录过（记录号 f00d）"]

    def test_an_insert_into_a_final_month_behind_its_guard(self, village, tool):
        tool.behind_the_guards(tool.add_entry(FINAL))
        assert said(village) == [
            f"{FINAL} 定稿后被改动过（封存码对不上）",
            f"{FINAL}：马淑婷 义务劳动 24 小时（+6）在簿子里，却从没有记录过（记录号 f00d）"]

    @pytest.mark.parametrize("month", [MONTH, POSTED, FINAL])
    def test_points_raised_with_the_guards_lifted_and_put_back(self, village, tool, month):
        tool.behind_the_guards(("UPDATE entries SET points_c = 2000, quantity = '80'"
                                " WHERE month = ? AND category = 'labour'", (month,)))
        problems = said(village)
        assert problems[-1].startswith(f"{month}：马少军 义务劳动 80 小时（+20）和日志记下的不一样")
        assert (f"{FINAL} 定稿后被改动过（封存码对不上）" in problems) == (month == FINAL)

    @pytest.mark.parametrize("month", [MONTH, POSTED, FINAL])
    def test_a_rivals_entry_deleted(self, village, tool, month):
        gone = village.one("SELECT id FROM entries WHERE month = ? AND category = 'goods'",
                           (month,))[0]
        tool.behind_the_guards(("DELETE FROM entries WHERE id = ?", (gone,)))
        problems = said(village)
        assert problems[-1].endswith(f"记下的记录 {gone[:8]} 在簿子里找不到了：被删掉了")

    @pytest.mark.parametrize("month_logged_again", [False, True])
    def test_an_entry_logged_properly_into_a_final_month_behind_its_lifted_guards(
            self, village, tool, month_logged_again):
        """With the source in hand an entry and its chained line can be written as the
        program writes them: the month's final line came before it, and check says so.
        A line for the month appended after the entry's (anyone can) gets the month's
        seal recomputed, which the entry added since does not match."""
        guards = ("entries_not_in_final_month", "entries_no_void_in_final_month")
        tool.behind_the_guards(guards=guards, restore=False)
        sql, params = tool.add_entry(FINAL)
        with village.writing("杨秋云", "entry.record", "f00d", {}) as conn:
            conn.execute(sql, params)
            village.changed("entries", "f00d")
        if month_logged_again:
            with village.writing("杨秋云", "history.adopt", FINAL, {}):
                village.changed("months", FINAL)
        for name in guards:
            tool(_guard_sql(name))
        assert said(village) == [f"{FINAL} 定稿后被改动过（封存码对不上）"]

    def test_a_void_undone_behind_one_line_numbered_out_of_reach(self, village, tool):
        """A chained line at seq 2^62 would make a float sum of the pointers round the
        undone void away; the sums are exact integers, and the numbering is checked."""
        relative = rec(village, "马淑婷", "labour", "24", TODAY)
        record_line = village.one("SELECT line FROM entries WHERE id = ?", (relative.id,))[0]
        entries.void(village, relative.id, "没有这回事", "杨秋云")
        other = next(e for e in entries.entries_of(village, month=MONTH)
                     if e.resident_name == "马少军")
        huge = 2**62
        tool.behind_the_guards(
            ("UPDATE entries SET voided_at = 'x', voided_by = '杨秋云', void_reason = '记错了',"
             " line = ? WHERE id = ?", (huge, other.id)),
            ("UPDATE entries SET voided_at = NULL, voided_by = NULL, void_reason = NULL,"
             " line = ? WHERE id = ?", (record_line, relative.id)))
        previous = history.head(village)
        data = history.row_json(village.conn, "entries", other.id)
        line = (huge, "2026-01-01T00:00:00", "杨秋云", "entry.void", other.id, "{}",
                "entries", data)
        tool("INSERT INTO audit (seq, at, actor, action, subject, detail, tbl, data, hash)"
             " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
             (*line, history.link(previous.hash, history.canonical(*line))))
        problems = said(village)
        assert (f"日志第 {huge} 行的行号接不上第 {previous.seq} 行（行号只能一行接一行）"
                "：有人动过行号") in problems
        assert any(p.startswith(f"{MONTH}：马淑婷 义务劳动 24 小时（+6）和日志记下的不一样")
                   for p in problems)

    def test_a_value_the_program_never_writes_is_named_not_a_crash(self, village, tool):
        sql, params = tool.add_entry(MONTH)
        tool(sql.replace("'f00d'", "X'f00d'"), params)  # an id as bytes, not text
        problems = said(village)
        assert problems[-1].startswith("簿子里有本程序从不写入的数据，无法逐条核对（")
        assert len([p for p in problems if p.startswith("簿子里有")]) == 1

    def test_a_guard_left_dropped(self, village, tool):
        tool("DROP TRIGGER entries_only_void")
        assert said(village) == ["数据库的保护规则 entries_only_void 不见了（有人拆掉了它）"]

    def test_a_guard_weakened_or_a_trigger_added(self, village, tool):
        tool("DROP TRIGGER entries_no_delete")
        tool("CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries WHEN 0"
             " BEGIN SELECT RAISE(ABORT, 'no'); END")
        tool("CREATE TRIGGER sweeten AFTER INSERT ON entries"
             " BEGIN UPDATE entries SET points_c = points_c * 2 WHERE id = NEW.id; END")
        assert said(village) == ["数据库的保护规则 entries_no_delete 被改过",
                                 "数据库里多了一条本程序没有的规则或表：sweeten"]

    def test_a_final_month_edited_and_its_seal_chain_recomputed(self, village, tool):
        tool.behind_the_guards(f"UPDATE entries SET points_c = 2000 WHERE month = '{FINAL}'"
                               " AND category = 'labour'")
        village.conn.execute("UPDATE months SET seal = ? WHERE month = ?",  # a dozen lines
                             (months._seal(village, FINAL, ""), FINAL))  # of hashlib
        assert months.broken_seals(village) == []  # the old seal alone is fooled
        problems = said(village)
        assert problems[0].startswith(f"{FINAL}：马少军 义务劳动 8 小时（+20）和日志记下的不一样")
        assert f"月份“{FINAL}”和日志（第" in problems[1] and "被改动过" in problems[1]

    def test_a_void_line_forged_to_carry_new_points(self, village, tool):
        """Appending a line needs no secret; a 'void' that raises points is named."""
        entry = entries.entries_of(village, month=MONTH)[-1]
        tool.behind_the_guards(("UPDATE entries SET points_c = 9900, voided_at = 'x',"
                                " voided_by = 'y', void_reason = 'z' WHERE id = ?",
                                (entry.id,)), guards=("entries_only_void",))
        with village.writing("y", "entry.void", entry.id, {}):
            village.changed("entries", entry.id)
        assert said(village) == [f"记录 {entry.id[:8]} 在日志里不只是记一次、作废一次"
                                 f"（见第 {history.head(village).seq} 行）：被改写过"]


class TestTheLogRewritten:
    def test_lines_deleted_at_the_tail(self, village, tool):
        last = history.head(village).seq
        tool.behind_the_guards(f"DELETE FROM audit WHERE seq > {last - 2}",
                               guards=("audit_no_delete",))
        assert f"日志在第 {last - 2} 行之后被截掉了 2 行" in said(village)

    def test_lines_deleted_at_the_head(self, village, tool):
        tool.behind_the_guards("DELETE FROM audit WHERE seq <= 3", guards=("audit_no_delete",))
        assert said(village)[0] == "日志的开头被删掉了：现在第一行是第 4 行，它接不上链的起点"

    def test_a_line_deleted_in_the_middle(self, village, tool):
        tool.behind_the_guards("DELETE FROM audit WHERE seq = 10", guards=("audit_no_delete",))
        assert said(village)[0] == "日志第 9 行之后、第 11 行之前有行被删掉了"

    def test_lines_renumbered_to_hide_a_gap(self, village, tool):
        tool.behind_the_guards("DELETE FROM audit WHERE seq = 10",
                               "UPDATE audit SET seq = seq - 1 WHERE seq > 10",
                               guards=("audit_no_delete", "audit_no_update"))
        assert said(village)[0] == "日志第 10 行被改写过（从这一行起哈希链对不上）"

    def test_a_lines_text_rewritten(self, village, tool):
        tool.behind_the_guards("UPDATE audit SET actor = '马支书' WHERE seq = 12",
                               guards=("audit_no_update",))
        assert said(village) == ["日志第 12 行被改写过（从这一行起哈希链对不上）"]


class TestThePin:
    def test_the_pin_hash_replaced_or_deleted_is_named(self, village, tool):
        from villagebook import committee

        committee.set_pin(village, "246810", "村委会")
        tool("UPDATE settings SET value = '{}' WHERE key = 'committee_pin'")
        assert said(village)[0].startswith("设置“committee_pin”和日志（第")
        tool("DELETE FROM settings WHERE key = 'committee_pin'")
        assert said(village)[0].startswith("日志第") and said(village)[0].endswith(
            "记下的设置“committee_pin”在簿子里找不到了：被删掉了")


class TestWitnessesOutsideTheFile:
    """A rewrite that recomputes the whole chain passes check; the paper and the backup
    kept elsewhere do not match it."""

    def rewrite_history(self, book, tool):
        """With the source in hand: raise a final month's points, then recompute every
        seal and every hash from the changed line on, so check finds nothing."""
        tool.behind_the_guards(f"UPDATE entries SET points_c = 2000 WHERE month = '{FINAL}'"
                               " AND category = 'labour'")
        entry = book.one(f"SELECT id FROM entries WHERE month = '{FINAL}'"
                         " AND category = 'labour'")[0]
        tool("UPDATE months SET seal = ? WHERE month = ?",
             (months._seal(book, FINAL, ""), FINAL))
        for statement in (*rollup.TABLES[-2:], rollup.TABLES_V9[-1]):  # the roll-up added
            # up again, as the migrations to v8 and v9 fill it
            tool(statement.replace("INSERT INTO", "INSERT OR REPLACE INTO"))
        tool.behind_the_guards(
            ("UPDATE audit SET data = ? WHERE tbl = 'entries' AND subject = ?",
             (history.row_json(book.conn, "entries", entry), entry)),
            ("UPDATE audit SET data = ? WHERE tbl = 'months' AND subject = ?",
             (history.row_json(book.conn, "months", FINAL), FINAL)),
            guards=("audit_no_update",))
        previous = history.GENESIS
        rows = book.query("SELECT seq, at, actor, action, subject, detail, tbl, data"
                          " FROM audit ORDER BY seq")
        fixed = []
        for row in rows:
            previous = history.link(previous, history.canonical(*row))
            fixed.append((previous, row[0]))
        tool.behind_the_guards(*[("UPDATE audit SET hash = ? WHERE seq = ?", f)
                                 for f in fixed], guards=("audit_no_update",))
        return entry

    def test_check_alone_is_fooled_by_a_full_rewrite(self, village, tool):
        self.rewrite_history(village, tool)
        assert said(village) == []

    def test_the_fingerprint_on_an_earlier_paper_names_it(self, village, tool):
        from villagebook import witness

        printed = history.head(village)  # the board went up with this code on it
        assert witness.verify_code(village, printed.code, printed.seq).kind == "unchanged"
        assert witness.verify_code(village, printed.code).kind == "unchanged"
        self.rewrite_history(village, tool)
        verdict = witness.verify_code(village, printed.code, printed.seq)
        assert verdict.kind == "changed"

    def test_a_backup_kept_elsewhere_names_where_the_histories_part(self, village, tool,
                                                                     tmp_path):
        from villagebook import backup, witness
        from villagebook.book import Book

        kept = backup.backup(village, tmp_path / "usb")
        with Book.open_readonly(kept) as copy:
            assert witness.compare(village, copy).kind == "unchanged"
        rec(village, "马淑婷", "good_deed", None, TODAY)  # the history goes on: still fine
        with Book.open_readonly(kept) as copy:
            assert witness.compare(village, copy).kind == "unchanged"
        entry = self.rewrite_history(village, tool)
        first = village.one("SELECT MIN(seq) FROM audit WHERE tbl = 'entries'"
                            " AND subject = ?", (entry,))[0]
        with Book.open_readonly(kept) as copy:
            verdict = witness.compare(village, copy)
        assert (verdict.kind, verdict.at) == ("changed", first)

    def test_a_rolled_back_book_is_older_than_the_paper(self, village, tmp_path, db_path):
        import shutil

        from villagebook import backup, witness
        from villagebook.book import Book

        old = backup.backup(village, tmp_path / "usb")
        rec(village, "马淑婷", "good_deed", None, TODAY)
        printed = history.head(village)
        village.close()
        for suffix in ("-wal", "-shm"):
            (db_path.parent / (db_path.name + suffix)).unlink(missing_ok=True)
        shutil.copyfile(old, db_path)  # the old copy put back by hand
        with Book.open(db_path) as rolled_back:
            assert witness.verify_code(rolled_back, printed.code, printed.seq).kind == "older"
            assert check(rolled_back) == []  # nothing inside the file can tell


class TestFromTheCommandLine:
    def test_verify_a_papers_code_and_check_against_a_backup(self, run, village, tool,
                                                            tmp_path):
        printed = history.head(village)
        out = run("verify", "--code", f"{printed.code.lower()} · {printed.seq:,}")
        assert out.exit_code == 0 and out.output == (
            f"指纹 {printed.code}（第 {printed.seq} 行）对得上：打印那一刻以前的历史没有被改动过\n")
        made = run("backup", str(tmp_path / "usb")).output.strip().removeprefix("已备份到 ")
        assert run("check", "--against", made).output.startswith(f"和备份 {made} 对得上")
        TestWitnessesOutsideTheFile().rewrite_history(village, tool)
        assert run("check").output == "检查通过：积分簿完好\n"  # fooled, alone
        out = run("verify", "--code", printed.code, "--line", str(printed.seq))
        assert out.exit_code == 1 and "打印那一刻以前的整段历史被人重新算过" in out.output
        out = run("check", "--against", made)
        assert out.exit_code == 1 and f"和备份 {made} 对不上：从日志第 " in out.output
        assert run("verify", "--code", "hello").output == (
            "错误：指纹 hello 看不懂：应是 10 个字母或数字，例如 7KQ2-M9XD-41\n")

    def test_restore_needs_the_pin_and_the_next_paper_shows_it(self, run, village,
                                                              monkeypatch, tmp_path):
        from villagebook import committee

        committee.set_pin(village, "246810", "村委会")
        made = run("backup", str(tmp_path / "usb")).output.strip().removeprefix("已备份到 ")
        rec(village, "马淑婷", "good_deed", None, TODAY)
        monkeypatch.setenv("VILLAGEBOOK_PIN", "111111")
        assert run("restore", made).output == "错误：村委会密码不对\n"
        before = history.head(village)  # the wrong try is a line of the log too
        monkeypatch.setenv("VILLAGEBOOK_PIN", "246810")
        out = run("restore", made)
        assert out.exit_code == 0 and f"被替换的积分簿指纹是 {before.code}" in out.output
        after = history.head(village)
        line = village.one("SELECT action, detail FROM audit WHERE seq = ?", (after.seq,))
        assert line["action"] == "book.restore" and before.code in line["detail"]
        assert run("check").output == "检查通过：积分簿完好\n"

    def test_voiding_anothers_or_a_posted_entry_needs_the_pin(self, run, village,
                                                              monkeypatch):
        from villagebook import committee

        people.add_gatherer(village, "李桂兰", "西片")
        committee.set_pin(village, "246810", "村委会")
        theirs = entries.entries_of(village, month=MONTH)[0].id[:8]
        out = run("void", theirs, "--reason", "错了", "--by", "李桂兰")
        assert out.output.startswith("错误：这个操作需要村委会密码")
        posted = entries.entries_of(village, month=POSTED)[0].id[:8]
        out = run("void", posted, "--reason", "错了", "--by", "杨秋云")
        assert out.output.startswith("错误：这个操作需要村委会密码")
        own = rec(village, "马淑婷", "good_deed", None, TODAY).id[:8]
        assert run("void", own, "--reason", "记错人了", "--by", "杨秋云").exit_code == 0
        monkeypatch.setenv("VILLAGEBOOK_PIN", "246810")
        assert run("void", theirs, "--reason", "错了", "--by", "李桂兰").exit_code == 0


def test_a_line_edited_without_rehashing_is_named_by_the_papers_code(run, village, tool):
    printed = history.head(village)
    tool.behind_the_guards("UPDATE audit SET actor = '马支书' WHERE seq = 12",
                           guards=("audit_no_update",))
    out = run("verify", "--code", f"{printed.code} · 第 {printed.seq} 行")
    assert out.output == (f"错误：指纹 {printed.code}（第 {printed.seq} 行）对不上："
                          "打印那一刻以前的历史被改动过，链从第 12 行断开\n")
