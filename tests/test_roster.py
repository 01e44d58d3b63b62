"""The roster kept clean at the command line (issue 12, point 1, in part): residents
edit, retire and unretire, each on the record, nothing deleted."""

from __future__ import annotations

from conftest import MONTH, audit_count

from villagebook import entries, people, tally
from villagebook.check import check


def test_edit_corrects_a_typed_corner_and_the_entries_stay(run, book):
    people.add_resident(book, "杨小明", "杨家2户", "西")
    entry = entries.record(book, people.find_resident(book, "杨小明"), "labour", "8", "杨秋云")
    out = run("residents", "edit", "杨小明", "--corner", "西片", "--by", "杨秋云")
    assert out.exit_code == 0, out.output
    assert out.output.startswith("已更正村民 杨小明（杨家2户 西片）")
    fixed = people.find_resident(book, "yxm")
    assert fixed.corner == "西片" and entries.get_entry(book, entry.id).resident_id == fixed.id
    again = run("residents", "edit", "杨小明", "--corner", "西片")
    assert again.output.strip() == "杨小明（杨家2户 西片） 没有变化"
    assert check(book) == []


def test_retire_keeps_the_entries_counting_and_takes_no_new_one(run, book, db_path):
    shaojun = people.find_resident(book, "马少军")
    entries.record(book, shaojun, "labour", "8", "杨秋云")
    out = run("residents", "retire", "马少军", "--reason", "搬到县城", "--by", "杨秋云")
    assert out.exit_code == 0, out.output
    assert "马少军" not in run("residents", "list").output
    assert tally.month_sheet(book, MONTH).lines[0].name == "马少军"  # still counts
    before = audit_count(db_path)
    refused = run("record", "马少军", "labour", "2", "--by", "杨秋云")
    assert refused.exit_code == 1 and refused.output.count("\n") == 1
    assert "已停用，不能再记" in refused.output and audit_count(db_path) == before
    twice = run("residents", "retire", "马少军", "--reason", "x")
    assert twice.exit_code == 1 and "已经停用了" in twice.output
    back = run("residents", "unretire", "马少军", "--by", "杨秋云")
    assert back.exit_code == 0 and "马少军" in run("residents", "list").output
    assert run("record", "msj", "labour", "2", "--by", "杨秋云").exit_code == 0
    assert check(book) == []
    said = [r["action"] for r in book.query("SELECT action FROM audit ORDER BY seq")]
    assert "residents.retire" in said and "residents.unretire" in said


def test_in_english_too(run, book):
    out = run("--lang", "en", "residents", "retire", "马洪云", "--reason", "moved")
    assert out.exit_code == 0 and "their entries stay and count" in out.output
    out = run("--lang", "en", "residents", "unretire", "马少军")
    assert out.exit_code == 1 and "is not retired" in out.output
