"""The month's cycle: posting, objections, finalizing, sealing, reopening, late entries."""

from datetime import date, timedelta

import pytest
from conftest import MONTH, TODAY, audit_count

from villagebook import entries, i18n, months, people
from villagebook.check import check
from villagebook.errors import BookError

LAST = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=10)
LAST_MONTH = LAST.strftime("%Y-%m")


def rec(book, name, code, qty, day=LAST):
    return entries.record(book, people.find_resident(book, name), code, qty, "杨秋云", day=day)


@pytest.fixture
def posted(book):
    rec(book, "马少军", "labour", "8")
    rec(book, "马洪云", "goods", "3000")
    months.post(book, LAST_MONTH, "村委会")
    return book


class TestCycle:
    def test_posting_opens_the_window(self, posted):
        st = months.status(posted, LAST_MONTH)
        until = (date.today() + timedelta(days=15)).isoformat()
        assert (st.state, st.objection_until) == ("posted", until)
        rec(posted, "马淑婷", "recognition", None)  # still allowed while posted

    def test_finalize_waits_for_the_window_unless_early_with_a_reason(self, posted):
        with pytest.raises(BookError) as refused:
            months.finalize(posted, LAST_MONTH, "村委会")
        assert refused.value.key == "month.window_open"
        later = date.today() + timedelta(days=16)
        assert months.finalize(posted, LAST_MONTH, "村委会", today=later).state == "final"

    def test_a_final_month_takes_no_entry_and_no_void_but_a_late_one_counts_now(self, posted):
        entry = entries.entries_of(posted)[0]
        months.finalize(posted, LAST_MONTH, "村委会", "大家都看过了")
        with pytest.raises(BookError) as refused:
            rec(posted, "马少军", "labour", "4")
        assert refused.value.key == "month.final_late"
        with pytest.raises(BookError):
            entries.void(posted, entry.id, "错了", "杨秋云")
        late = entries.record(posted, people.find_resident(posted, "马少军"), "labour", "4",
                              "杨秋云", day=LAST, late=True)
        assert (late.day, late.month, late.late) == (LAST.isoformat(), MONTH, 1)

    def test_objections_must_be_resolved_before_finalizing(self, posted):
        entry = entries.entries_of(posted)[-1]
        shaojun = people.find_resident(posted, "马少军")
        objection = months.object_to(posted, shaojun, entry, "我只干了 6 小时", "杨秋云")
        with pytest.raises(BookError) as refused:
            months.finalize(posted, LAST_MONTH, "村委会", "早点定稿")
        assert refused.value.key == "month.objections_open"
        months.resolve(posted, objection.id, True, "核实属实", "村委会")
        voided = entries.get_entry(posted, entry.id)
        assert voided.void_reason == "我只干了 6 小时（核实属实）"
        assert months.finalize(posted, LAST_MONTH, "村委会", "早点定稿").state == "final"

    def test_an_objection_about_someone_else_or_outside_the_window_is_refused(self, book):
        entry = rec(book, "马少军", "labour", "8")
        hongyun = people.find_resident(book, "马洪云")
        shaojun = people.find_resident(book, "马少军")
        with pytest.raises(BookError) as not_posted:
            months.object_to(book, shaojun, entry, "不对", "杨秋云")
        assert not_posted.value.key == "objection.no_window"
        months.post(book, LAST_MONTH, "村委会")
        with pytest.raises(BookError) as not_theirs:
            months.object_to(book, hongyun, entry, "不对", "杨秋云")
        assert not_theirs.value.key == "objection.not_theirs"

    def test_reopen_needs_a_reason_and_is_shown(self, posted):
        months.finalize(posted, LAST_MONTH, "村委会", "提前")
        with pytest.raises(BookError):
            months.reopen(posted, LAST_MONTH, "村委会", " ")
        st = months.reopen(posted, LAST_MONTH, "村委会", "漏了一户")
        assert (st.state, st.reopen_reason, st.seal) == ("open", "漏了一户", None)
        rec(posted, "马秋玲", "recognition", None)


class TestSeals:
    def test_a_final_month_changed_behind_the_books_back_is_found(self, posted):
        months.finalize(posted, LAST_MONTH, "村委会", "提前")
        assert check(posted) == []
        conn = posted.conn  # as a SQLite tool could: drop the guards, then edit
        conn.execute("DROP TRIGGER entries_only_void")
        conn.execute("DROP TRIGGER entries_no_void_in_final_month")
        conn.execute("UPDATE entries SET points_c = 9900 WHERE category = 'labour'")
        said = [str(p) for p in check(posted)]
        gone = "数据库的保护规则 {} 不见了（有人拆掉了它）"
        assert said[:3] == [f"{LAST_MONTH} 定稿后被改动过（封存码对不上）",
                            gone.format("entries_only_void"),
                            gone.format("entries_no_void_in_final_month")]
        assert said[3].startswith(f"{LAST_MONTH}：马少军 义务劳动 8 小时（+99）和日志记下的不一样")

    def test_seals_chain_months_in_order(self, book):
        earlier = (LAST.replace(day=1) - timedelta(days=1)).replace(day=5)
        rec(book, "马少军", "labour", "8", day=earlier)
        rec(book, "马洪云", "goods", "3000")
        for month in (earlier.strftime("%Y-%m"), LAST_MONTH):
            months.post(book, month, "村委会")
            months.finalize(book, month, "村委会", "提前")
        with pytest.raises(BookError) as refused:
            months.reopen(book, earlier.strftime("%Y-%m"), "村委会", "改")
        assert refused.value.key == "month.later_final"


class TestChecks:
    """check_post / check_finalize / check_reopen refuse as the step itself would, first,
    and write nothing: a face says the refusal before it asks for a PIN or a reason."""

    @staticmethod
    def refusal(call, *args, **kwargs) -> tuple[str, dict]:
        with pytest.raises(BookError) as refused:
            call(*args, **kwargs)
        return refused.value.key, refused.value.values

    def test_finalize_and_its_check_refuse_alike(self, posted, db_path):
        earlier = (LAST.replace(day=1) - timedelta(days=1)).strftime("%Y-%m")
        months.post(posted, earlier, "村委会")
        shaojun = people.find_resident(posted, "马少军")
        entry = entries.entries_of(posted, resident_id=shaojun.id)[0]
        objection = months.object_to(posted, shaojun, entry, "不对", "杨秋云")
        for month, key in ((MONTH, "month.not_posted"), (LAST_MONTH, "month.objections_open")):
            before = audit_count(db_path)
            refused = self.refusal(months.check_finalize, posted, month)
            assert refused[0] == key and audit_count(db_path) == before
            assert self.refusal(months.finalize, posted, month, "村委会", "早") == refused
        months.resolve(posted, objection.id, False, "核实无误", "村委会")
        assert months.check_finalize(posted, LAST_MONTH).state == "posted"  # window: not asked
        months.finalize(posted, LAST_MONTH, "村委会", "早")
        before = audit_count(db_path)
        refused = self.refusal(months.check_finalize, posted, earlier)
        assert refused == ("month.later_final", {"month": earlier, "later": LAST_MONTH})
        assert self.refusal(months.finalize, posted, earlier, "村委会", "早") == refused
        assert audit_count(db_path) == before and months.status(posted, earlier).state == "posted"

    def test_post_and_reopen_and_their_checks_refuse_alike(self, posted, db_path):
        later = (TODAY.replace(day=28) + timedelta(days=7)).strftime("%Y-%m")
        before = audit_count(db_path)
        for pre, step, args in (
                (months.check_post, months.post, (later,)),
                (months.check_post, months.post, (LAST_MONTH,)),
                (months.check_reopen, months.reopen, (LAST_MONTH,))):
            refused = self.refusal(pre, posted, *args)
            step_args = (*args, "村委会", "理由") if step is months.reopen else (*args, "村委会")
            assert self.refusal(step, posted, *step_args) == refused
        assert audit_count(db_path) == before
        assert months.check_post(posted, MONTH).state == "open"

    def test_a_state_in_a_refusal_is_worded_in_the_language(self):
        refused = BookError("month.not_posted", month="2026-11", state="open")
        assert str(refused) == "2026-11 现在是“未公示”，要先公示才能定稿"
        i18n.set_lang("en")
        assert str(refused) == "2026-11 is not posted yet; post it before finalizing"

    def test_the_cli_refuses_before_it_asks_for_the_pin(self, run, book, monkeypatch):
        monkeypatch.setenv("VILLAGEBOOK_PIN_NEW", "246810")
        run("committee", "set-pin")
        refused = run("month", "finalize", MONTH)  # no VILLAGEBOOK_PIN: the refusal first
        assert refused.output == f"错误：{MONTH} 现在是“未公示”，要先公示才能定稿\n"
        refused = run("month", "reopen", MONTH, "--reason", "漏了")
        assert refused.output == f"错误：{MONTH} 现在是“未公示”，没有定稿，不需要重新打开\n"


class TestCommands:
    def test_post_status_finalize_through_the_cli(self, run, book, db_path):
        rec(book, "马少军", "labour", "8")
        assert run("month", "post", LAST_MONTH).output.startswith(f"{LAST_MONTH} 已公示，异议期到 ")
        entry_id = entries.entries_of(book)[0].id[:8]
        added = run("objection", "add", "msj", "--entry", entry_id, "--says", "时间记错了")
        assert added.exit_code == 0
        status = run("month", "status", LAST_MONTH).output.splitlines()
        assert status[0] == f"{LAST_MONTH}：公示中" and "时间记错了" in status[2]
        assert "待处理" in status[2]
        objection_id = status[2].removeprefix("异议 ")[:8]
        assert run("objection", "resolve", objection_id, "--keep", "--because",
                   "核实无误").exit_code == 0
        refused = run("month", "finalize", LAST_MONTH)
        assert refused.exit_code == 1 and "--early" in refused.output
        done = run("month", "finalize", LAST_MONTH, "--early", "大家都看过了")
        assert done.exit_code == 0 and done.output.startswith(f"{LAST_MONTH} 已定稿，封存码 ")
        assert run("check").output == "检查通过：积分簿完好\n"

    def test_the_committee_pin_guards_finalize_and_settings(self, run, book, monkeypatch):
        rec(book, "马少军", "labour", "8")
        run("month", "post", LAST_MONTH)
        monkeypatch.setenv("VILLAGEBOOK_PIN_NEW", "246810")
        assert run("committee", "set-pin").output == "已设置村委会密码\n"
        stored = book.one("SELECT value FROM settings WHERE key = 'committee_pin'")[0]
        assert "246810" not in stored and "scrypt" in stored
        assert run("settings", "set", "stars_per_flag", "5").output.startswith(
            "错误：这个操作需要村委会密码")
        monkeypatch.setenv("VILLAGEBOOK_PIN", "111111")
        for _ in range(3):
            assert run("settings", "set", "stars_per_flag", "5").output == "错误：村委会密码不对\n"
        monkeypatch.setenv("VILLAGEBOOK_PIN", "246810")
        paused = run("settings", "set", "stars_per_flag", "5")
        assert paused.exit_code == 1 and "秒后再试" in paused.output
        assert run.json("settings", "list")["stars_per_flag"] == "6"

    def test_a_right_pin_works_and_gatherers_need_none(self, run, book, monkeypatch):
        monkeypatch.setenv("VILLAGEBOOK_PIN_NEW", "246810")
        run("committee", "set-pin")
        assert run("record", "msj", "labour", "4").exit_code == 0
        monkeypatch.setenv("VILLAGEBOOK_PIN", "246810")
        assert run("settings", "set", "stars_per_flag", "5").exit_code == 0

    def test_without_a_pin_the_hint_is_said_once(self, run, tmp_path, monkeypatch):
        monkeypatch.setenv("VILLAGEBOOK_STATE_DIR", str(tmp_path / "fresh-state"))
        first = run("settings", "set", "stars_per_flag", "5")
        assert first.exit_code == 0 and "提示：还没有设置村委会密码" in first.output
        again = run("settings", "set", "stars_per_flag", "6")
        assert "提示" not in again.output

    def test_failed_finalize_changes_nothing(self, run, book, db_path):
        rec(book, "马少军", "labour", "8")
        before = audit_count(db_path)
        assert run("month", "finalize", LAST_MONTH, "--early", "x").exit_code == 1
        assert audit_count(db_path) == before


class TestFinalizeRace:
    def test_an_entry_recorded_while_finalize_makes_its_backup_is_sealed_with_the_month(
            self, posted, db_path, monkeypatch):
        """The seal is computed inside the write that makes the month final: an entry
        another program commits meanwhile is either in the seal or refused after."""
        from villagebook import backup
        from villagebook.book import Book

        real_backup = backup.backup

        def backup_while_someone_records(book, *args, **kwargs):
            with Book.open(db_path) as other:  # another gatherer's program, at that moment
                rec(other, "马淑婷", "recognition", None)
            return real_backup(book, *args, **kwargs)

        monkeypatch.setattr(backup, "backup", backup_while_someone_records)
        months.finalize(posted, LAST_MONTH, "村委会", "提前")
        sealed = [e.resident_name for e in entries.entries_of(posted, month=LAST_MONTH)]
        assert "马淑婷" in sealed
        assert months.broken_seals(posted) == [] and check(posted) == []
        with pytest.raises(BookError):
            rec(posted, "马秋玲", "recognition", None)  # after: the month is final
