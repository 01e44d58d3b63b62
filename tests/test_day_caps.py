"""A rule's cap holds for one resident's day, summed; the same entry twice is asked about."""

import threading
from datetime import datetime, timedelta

import pytest
from conftest import TODAY, audit_count

from villagebook import entries, i18n, people
from villagebook.errors import BookError

DAY = TODAY.isoformat()


def recorded(book) -> list[tuple[str, str, str]]:
    return sorted((e.resident_name, e.category, e.quantity)
                  for e in entries.entries_of(book) if not e.voided_at)


class TestCapPerDay:
    def test_two_twenty_hour_days_of_labour_on_one_day_are_refused(self, run, book, db_path):
        assert run("record", "msj", "labour", "20").exit_code == 0
        before = audit_count(db_path)
        out = run("record", "msj", "labour", "20")
        assert out.exit_code == 1
        assert out.output == ("错误：马少军 当天已有义务劳动 20 小时，再记 20 "
                              "超过每天上限 24 小时：没有保存\n")
        assert recorded(book) == [("马少军", "labour", "20")]
        assert audit_count(db_path) == before  # nothing written, not even a log line

    def test_up_to_the_cap_is_accepted_and_one_more_hour_is_not(self, run, book):
        for hours in ("8", "8", "6", "2"):
            assert run("record", "msj", "labour", hours, "--again").exit_code == 0
        assert run("record", "msj", "labour", "1").exit_code == 1
        assert sum(int(q) for _, _, q in recorded(book)) == 24

    def test_five_full_days_typed_on_one_day_are_one_at_most(self, run, book):
        codes = [run("record", "msj", "labour", "24", "--again").exit_code for _ in range(5)]
        assert codes == [0, 1, 1, 1, 1]

    def test_another_day_another_resident_or_category_has_its_own_cap(self, run, book):
        yesterday = "昨天"
        assert run("record", "msj", "labour", "24").exit_code == 0
        assert run("record", "msj", "labour", "24", "--date", yesterday).exit_code == 0
        assert run("record", "mhy", "labour", "24").exit_code == 0
        assert run("record", "msj", "elder_care", "24").exit_code == 0
        assert len(recorded(book)) == 4

    def test_a_voided_entry_no_longer_counts(self, run, book):
        out = run("record", "msj", "labour", "20")
        entry_id = out.output.rsplit(" ", 1)[1].strip()
        assert run("void", entry_id, "--reason", "记错了人").exit_code == 0
        assert run("record", "msj", "labour", "20").exit_code == 0

    def test_two_residents_at_once_write_neither_if_one_is_over(self, book):
        shaojun, hongyun = (people.find_resident(book, n) for n in ("马少军", "马洪云"))
        entries.record(book, hongyun, "labour", "20", "杨秋云")
        with pytest.raises(BookError) as refused:
            entries.record_many(book, [shaojun, hongyun], "labour", "8", "杨秋云")
        assert "马洪云" in str(refused.value)
        assert recorded(book) == [("马洪云", "labour", "20")]

    def test_a_fixed_award_once_a_day(self, run, book):
        assert run("record", "mst", "good_deed").exit_code == 0
        out = run("record", "mst", "good_deed", "--again")
        assert out.exit_code == 1 and "超过每天上限 1 次" in out.output

    def test_in_english(self, run, book):
        i18n.set_lang("en")
        run("record", "msj", "labour", "20", "--lang", "en")
        out = run("record", "msj", "labour", "20", "--lang", "en")
        assert out.output == ("Error: 马少军 already has 20 hours of Labour that day; 20 more "
                              "passes the cap of 24 a day: nothing saved\n")

    def test_two_gatherers_saving_at_once_cannot_both_pass_under_the_cap(self, book, db_path):
        """Each save reads the day inside its own write transaction."""
        from villagebook.book import Book

        results, start = [], threading.Barrier(2)

        def save():
            with Book.open(db_path) as mine:
                resident = people.find_resident(mine, "马少军")
                start.wait()
                try:
                    entries.record(mine, resident, "labour", "16", "杨秋云", again=True)
                    results.append("saved")
                except BookError:
                    results.append("refused")

        threads = [threading.Thread(target=save) for _ in range(2)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert sorted(results) == ["refused", "saved"]
        assert recorded(book) == [("马少军", "labour", "16")]


class TestSameEntryAgain:
    def test_the_same_line_typed_twice_is_asked_about(self, run, book, db_path):
        assert run("record", "msj", "labour", "8", "--by", "杨秋云").exit_code == 0
        before = audit_count(db_path)
        out = run("record", "msj", "labour", "8")
        assert out.exit_code == 1
        assert f"马少军 {DAY} 的义务劳动 8 小时 已在 " in out.output
        assert "由 杨秋云 记过" in out.output and out.output.rstrip().endswith("请加 --again")
        assert audit_count(db_path) == before
        assert run("record", "msj", "labour", "8", "--again").exit_code == 0
        assert recorded(book) == [("马少军", "labour", "8")] * 2

    def test_another_quantity_day_or_a_voided_one_is_not_a_repeat(self, run, book):
        first = run("record", "msj", "labour", "8").output.rsplit(" ", 1)[1].strip()
        assert run("record", "msj", "labour", "4").exit_code == 0
        assert run("record", "msj", "labour", "8", "--date", "昨天").exit_code == 0
        assert run("void", first, "--reason", "重复").exit_code == 0
        assert run("record", "msj", "labour", "8").exit_code == 0

    def test_an_entry_recorded_more_than_a_day_ago_is_not_asked_about(self, book, monkeypatch):
        shaojun = people.find_resident(book, "马少军")
        entries.record(book, shaojun, "labour", "8", "杨秋云", day="昨天")
        later = datetime.now() + timedelta(hours=25)  # the same paper keyed again next day
        monkeypatch.setattr(entries, "now", lambda: later.isoformat(timespec="seconds"))
        entries.record(book, shaojun, "labour", "8", "杨秋云", day=TODAY - timedelta(days=1))
        assert len(recorded(book)) == 2
