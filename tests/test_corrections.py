"""An objection settled by correction (issue 12, point 2): "我只干了 6 小时" voids the
8 hours and records the 6, in one write, both on the record and on the slip."""

from __future__ import annotations

import io
from datetime import timedelta

import pytest
from conftest import TODAY, audit_count
from pypdf import PdfReader

from reports import publish
from villagebook import entries, months, people, tally
from villagebook.check import check

LAST = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=10)
LAST_MONTH = LAST.strftime("%Y-%m")


@pytest.fixture
def objected(book):
    """马少军's 8 hours of labour, posted, and his objection: he worked 6."""
    shaojun = people.find_resident(book, "马少军")
    entry = entries.record(book, shaojun, "labour", "8", "杨秋云", day=LAST)
    months.post(book, LAST_MONTH, "村委会")
    objection = months.object_to(book, shaojun, entry, "我只干了 6 小时", "杨秋云")
    return book, entry, objection


def test_correct_voids_the_entry_and_records_the_quantity_in_one_write(objected, run,
                                                                       db_path):
    book, entry, objection = objected
    lines = audit_count(db_path)
    out = run("objection", "resolve", objection.id[:8], "--correct", "6", "--because",
              "核实：6 小时")
    assert out.exit_code == 0, out.output
    assert out.output.startswith(f"异议 {objection.id[:8]} 已处理：已作废原记录，改记 6（+1.5")
    assert audit_count(db_path) == lines + 3  # the resolution, the void, the new entry
    voided = entries.get_entry(book, entry.id)
    assert voided.void_reason == "我只干了 6 小时（核实：6 小时）"
    (kept,) = [e for e in entries.entries_of(book, month=LAST_MONTH) if not e.voided_at]
    assert (kept.quantity, kept.points_c, kept.day) == ("6", 150, LAST.isoformat())
    assert kept.note == f"按异议 {objection.id[:8]} 更正"
    assert tally.month_sheet(book, LAST_MONTH).lines[0].points_c == 150
    assert months.get_objection(book, objection.id).resolution == "void"
    assert check(book) == []
    pdf = publish.render(book, "slips", LAST_MONTH)[0]
    slip = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf)).pages)
    assert "我只干了 6 小时（核实：6 小时）" in slip and f"按异议 {objection.id[:8]} 更正" in slip


@pytest.mark.parametrize("args, said", [
    (["--correct", "8"], "更正的数量 8 和原记录一样：请用 --keep"),
    (["--correct", "30"], "超过义务劳动的上限"),
    (["--correct", "abc"], "数量"),
    (["--keep", "--correct", "6"], "请选 --void、--keep 或 --correct 数量 之一"),
    ([], "请选 --void、--keep 或 --correct 数量 之一"),
])
def test_a_correction_that_cannot_be_made_changes_nothing(objected, run, db_path, args,
                                                          said):
    book, entry, objection = objected
    lines = audit_count(db_path)
    out = run("objection", "resolve", objection.id[:8], *args, "--because", "核实")
    assert out.exit_code != 0 and said in out.output
    assert len(out.output.strip().splitlines()) == 1 and "Traceback" not in out.output
    assert audit_count(db_path) == lines
    assert entries.get_entry(book, entry.id).voided_at is None
    assert months.get_objection(book, objection.id).resolved_at is None


def test_the_days_cap_counts_the_other_entries_of_the_day(objected, run, db_path):
    book, entry, objection = objected
    entries.record(book, people.find_resident(book, "马少军"), "labour", "16", "杨秋云",
                   day=LAST)  # 8 + 16 = 24 that day: the cap
    lines = audit_count(db_path)
    out = run("objection", "resolve", objection.id[:8], "--correct", "9", "--because", "核实")
    assert out.exit_code != 0
    assert "当天已有义务劳动 16 小时，再记 9 超过每天上限 24 小时" in out.output
    assert audit_count(db_path) == lines
    assert entries.get_entry(book, entry.id).voided_at is None


def test_in_english_too(objected, run):
    book, entry, objection = objected
    out = run("--lang", "en", "objection", "resolve", objection.id[:8], "--correct", "6",
              "--because", "checked")
    assert out.exit_code == 0, out.output
    assert "entry voided and 6 recorded instead (+1.5" in out.output
    missing = run("--lang", "en", "objection", "resolve", objection.id[:8], "--because", "x")
    assert "choose one of --void, --keep or --correct QUANTITY" in missing.output
