"""Each entry points at its last log line (schema v5), so check compares a million entries
with their lines in one pass; the pointer is not content, and moving it proves nothing."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from conftest import TODAY, as_version

from villagebook import book as book_module
from villagebook import check as check_module
from villagebook import entries, months, people
from villagebook.book import Book
from villagebook.check import check
from villagebook.i18n import set_lang

LAST = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=10)
MONTH = LAST.strftime("%Y-%m")


def rec(book, name="马少军", code="labour", qty="8"):
    return entries.record(book, people.find_resident(book, name), code, qty, "杨秋云",
                          day=LAST)


def pointers(book) -> dict[str, tuple[int, int]]:
    """entry id -> (its pointer, the seq of its newest line in the log)."""
    return {row[0]: (row[1], row[2]) for row in book.query(
        "SELECT e.id, e.line, (SELECT MAX(seq) FROM audit WHERE tbl = 'entries'"
        " AND subject = e.id) FROM entries e")}


def test_every_entry_points_at_its_newest_line_after_record_void_and_objection(book):
    kept, voided, objected = rec(book), rec(book, "马洪云"), rec(book, "马淑婷")
    entries.void(book, voided.id, "记错了", "杨秋云")
    months.post(book, MONTH, "村委会")
    objection = months.object_to(book, people.find_resident(book, "马淑婷"), objected,
                                 "我没去", "杨秋云")
    months.resolve(book, objection.id, void=True, because="核实没去", actor="村委会")
    lines = pointers(book)
    assert all(line == newest for line, newest in lines.values())
    assert lines[voided.id][0] > lines[kept.id][0]  # the void's line, not the record's
    assert check(book) == []


def test_the_pointer_only_moves_forward_and_content_stays_guarded(book, db_path):
    entry = rec(book)
    raw = sqlite3.connect(db_path, isolation_level=None)
    line = raw.execute("SELECT line FROM entries WHERE id = ?", (entry.id,)).fetchone()[0]
    for sql in ("UPDATE entries SET line = NULL WHERE id = ?",
                f"UPDATE entries SET line = {line - 1} WHERE id = ?",
                f"UPDATE entries SET line = {line + 5}, points_c = 9900 WHERE id = ?"):
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute(sql, (entry.id,))
    raw.execute(f"UPDATE entries SET line = {line + 5} WHERE id = ?", (entry.id,))
    assert check(book) == []  # a pointer moved: the entry is still exactly its last line


def test_an_entry_unvoided_with_its_pointer_put_back_is_named(book, db_path):
    entry = rec(book)
    record_line = book.one("SELECT line FROM entries WHERE id = ?", (entry.id,))[0]
    entries.void(book, entry.id, "记错了", "杨秋云")
    raw = sqlite3.connect(db_path, isolation_level=None)
    guard = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'entries_only_void'"
                        ).fetchone()[0]
    raw.execute("DROP TRIGGER entries_only_void")
    raw.execute("UPDATE entries SET voided_at = NULL, voided_by = NULL, void_reason = NULL,"
                " line = ? WHERE id = ?", (record_line, entry.id))  # as it was recorded
    raw.execute(guard)
    assert [str(p) for p in check(book)] == [f"{MONTH}：马少军 义务劳动 8 小时（+2）和日志"
                                             f"记下的不一样：被改动过（记录号 {entry.id[:8]}）"]


def test_a_version_4_book_with_a_final_month_gains_its_pointers(tmp_path, monkeypatch):
    path = tmp_path / "v4.db"
    as_version(monkeypatch, 4)
    with Book.create(path, "老村") as old:
        people.add_gatherer(old, "杨秋云", "东片")
        people.add_resident(old, "马少军", "马家3户", "东片")
        first = entries.record(old, people.find_resident(old, "马少军"), "labour", "8",
                               "杨秋云", day=LAST)
        entries.void(old, first.id, "记错了", "杨秋云")
        entries.record(old, people.find_resident(old, "马少军"), "labour", "4", "杨秋云",
                       day=TODAY.replace(day=1))
        months.post(old, MONTH, "村委会")
        months.finalize(old, MONTH, "村委会", "全村已核对")
        assert "line" not in {c[1] for c in old.query("PRAGMA table_info(entries)")}
    monkeypatch.undo()
    with Book.open(path) as new:
        assert new.one("PRAGMA user_version")[0] == book_module.SCHEMA_VERSION
        assert all(line == newest for line, newest in pointers(new).values())
        assert check(new) == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_check_in_a_second_process_names_the_same_in_the_users_language(
        book, db_path, monkeypatch, lang):
    """A big book is checked by two processes; what the second finds reads the same."""
    entry = rec(book)
    raw = sqlite3.connect(db_path, isolation_level=None)
    raw.execute("DROP TRIGGER entries_only_void")
    raw.execute("UPDATE entries SET points_c = 2000, quantity = '80' WHERE id = ?",
                (entry.id,))
    set_lang(lang)
    try:
        alone = [str(p) for p in check(book)]
        monkeypatch.setattr(check_module, "PARALLEL_FROM", 0)
        started = []
        real_start = check_module._start_elsewhere
        monkeypatch.setattr(check_module, "_start_elsewhere",
                            lambda *a: started.append(1) or real_start(*a))
        assert [str(p) for p in check(book)] == alone and started
    finally:
        set_lang("zh")
    assert len(alone) == 2 and entry.id[:8] in alone[1]
