"""One person entered twice, made one (issue 12, point 1): `residents merge A B` moves B's
entries of months not final to A by a logged void and record each, retires B, deletes
nothing, leaves final months as they were posted, and asks the committee's PIN."""

from __future__ import annotations

from datetime import timedelta

import pytest
from conftest import MONTH, TODAY, audit_count

from villagebook import entries, months, people, tally
from villagebook.check import check

LAST = TODAY.replace(day=1) - timedelta(days=1)
LAST_MONTH = LAST.strftime("%Y-%m")


@pytest.fixture
def twice(book):
    """马少君 is 马少军 typed wrong: two entries this month, one last month (final)."""
    people.add_resident(book, "马少君", "马家3户", "东片")
    typo = people.find_resident(book, "马少君")
    entries.record(book, typo, "goods", "300", "杨秋云", day=LAST)
    entries.record(book, people.find_resident(book, "马少军"), "labour", "8", "杨秋云")
    entries.record(book, typo, "labour", "4", "杨秋云", note="修路")
    entries.record(book, typo, "donation", "500", "杨秋云")
    months.post(book, LAST_MONTH, "村委会")
    months.finalize(book, LAST_MONTH, "村委会", "全村已核对")
    return book


def points(book, month, name):
    return {ln.name: ln.points_c for ln in tally.month_sheet(book, month).lines}.get(name)


def test_merge_moves_open_months_and_keeps_final_ones(run, twice, db_path):
    final_before = tally.month_sheet(twice, LAST_MONTH)
    out = run("residents", "merge", "马少军", "马少君", "--by", "杨秋云")
    assert out.exit_code == 0, out.output
    assert out.output.splitlines() == [
        "已把 马少君（马家3户 东片） 并到 马少军（马家3户 东片） 名下：2 条记录转过去"
        "（每条都作废后重记，日志可查），马少君（马家3户 东片） 已停用",
        "已定稿月份的 1 条记录仍记在 马少君（马家3户 东片） 名下，和贴出的榜一致"]
    assert points(twice, MONTH, "马少军") == 200 + 100 + 500 and \
        points(twice, MONTH, "马少君") is None
    assert tally.month_sheet(twice, LAST_MONTH) == final_before  # the posted board stands
    typo = people.find_resident(twice, "马少君")
    assert not typo.active
    kept = entries.entries_of(twice, resident_id=typo.id)
    assert len(kept) == 3 and sum(1 for e in kept if e.voided_at) == 2  # nothing deleted
    assert all("并入 马少军" in e.void_reason for e in kept if e.voided_at)
    moved = [e for e in entries.entries_of(twice, resident_id=people.find_resident(
        twice, "马少军").id) if e.note == "修路"]
    assert moved and moved[0].recorded_by == "杨秋云" and moved[0].quantity == "4"
    assert check(twice) == []
    log = run("log", "--limit", "1").output
    assert "把村民 马少君 并到 马少军 名下：2 条记录转过去" in log


def test_refusals_change_nothing(run, twice, db_path):
    before = audit_count(db_path)
    for args, said in (
        (("马少军", "马少军"), "不能并到自己名下"),
        (("马少军", "谁也不是"), "找不到"),
    ):
        out = run("residents", "merge", *args)
        assert out.exit_code == 1 and said in out.output and out.output.count("\n") == 1
    assert audit_count(db_path) == before
    assert run("residents", "merge", "马少军", "马少君").exit_code == 0
    again = run("residents", "merge", "马少军", "马少君")
    assert again.exit_code == 1 and "不用再合并" in again.output
    into_retired = run("residents", "merge", "马少君", "马洪云")
    assert into_retired.exit_code == 1 and "先 residents unretire" in into_retired.output


def test_an_objection_not_settled_stops_the_merge(run, book):
    people.add_resident(book, "马少君", "马家3户", "东片")
    entry = entries.record(book, people.find_resident(book, "马少君"), "labour", "8", "杨秋云")
    months.post(book, MONTH, "村委会")
    months.object_to(book, people.find_resident(book, "马少君"), entry, "我没去", "杨秋云")
    out = run("residents", "merge", "马少军", "马少君")
    assert out.exit_code == 1 and "还没处理的异议" in out.output
    assert people.find_resident(book, "马少君").active


def test_the_committee_pin_is_asked(run, twice, monkeypatch, db_path):
    monkeypatch.setenv("VILLAGEBOOK_PIN_NEW", "246810")
    assert run("committee", "set-pin").exit_code == 0
    monkeypatch.setenv("VILLAGEBOOK_PIN", "111111")
    wrong = run("residents", "merge", "马少军", "马少君")
    assert wrong.exit_code == 1 and people.find_resident(twice, "马少君").active
    monkeypatch.setenv("VILLAGEBOOK_PIN", "246810")
    assert run("residents", "merge", "马少军", "马少君").exit_code == 0


def test_in_english(run, twice):
    out = run("--lang", "en", "residents", "merge", "马少军", "马少君")
    assert out.exit_code == 0
    assert "entries moved (each voided and recorded again, on the log)" in out.output
    assert "1 entries of final months stay with 马少君" in out.output
    log = run("--lang", "en", "log", "--limit", "1").output
    assert "merged the resident 马少君 into 马少军: 2 entries moved" in log
