"""The database itself refuses what the principles forbid, whatever program writes to it."""

import sqlite3

import pytest

from villagebook import entries, people
from villagebook.book import Book


@pytest.fixture
def entry(book):
    shaojun = people.find_resident(book, "马少军")
    return entries.record(book, shaojun, "labour", "8", "杨秋云", note="安装篮球架")


def refused(book, sql, params=()):
    with pytest.raises(sqlite3.IntegrityError):
        book.conn.execute(sql, params)


def test_an_entry_cannot_have_negative_points(book, entry):
    refused(book, "INSERT INTO entries (id, resident_id, day, month, category, quantity,"
                  " points_c, rule, recorded_by, recorded_at) VALUES"
                  " ('x', ?, '2026-11-01', '2026-11', 'labour', '4', -100, 'r', '杨秋云', 'now')",
            (entry.resident_id,))


def test_an_entry_cannot_have_a_negative_or_zero_quantity(book, entry):
    for quantity in ("-4", "0", "0.00", "abc"):
        refused(book, "INSERT INTO entries (id, resident_id, day, month, category, quantity,"
                      " points_c, rule, recorded_by, recorded_at) VALUES"
                      " ('x', ?, '2026-11-01', '2026-11', 'labour', ?, 100, 'r', '杨', 'now')",
                (entry.resident_id, quantity))


def test_entries_are_never_deleted(book, entry):
    refused(book, "DELETE FROM entries WHERE id = ?", (entry.id,))


def test_an_entry_is_never_edited_in_place(book, entry):
    refused(book, "UPDATE entries SET points_c = 1 WHERE id = ?", (entry.id,))
    refused(book, "UPDATE entries SET note = 'changed' WHERE id = ?", (entry.id,))


def test_a_void_needs_a_reason_and_happens_once(book, entry):
    refused(book, "UPDATE entries SET voided_at = 'now', voided_by = '杨秋云' WHERE id = ?",
            (entry.id,))
    refused(book, "UPDATE entries SET voided_at = 'now', voided_by = '杨秋云', void_reason = ' '"
                  " WHERE id = ?", (entry.id,))
    book.conn.execute("UPDATE entries SET voided_at = 'now', voided_by = '杨秋云',"
                      " void_reason = 'twice' WHERE id = ?", (entry.id,))
    refused(book, "UPDATE entries SET voided_at = 'later', voided_by = 'x', void_reason = 'again'"
                  " WHERE id = ?", (entry.id,))


def test_the_audit_log_is_append_only(book, entry):
    refused(book, "UPDATE audit SET actor = 'someone else'")
    refused(book, "DELETE FROM audit")


def test_a_rule_cannot_subtract(book):
    refused(book, "INSERT INTO categories (code, name_zh, name_en, kind, points_c, per_units)"
                  " VALUES ('fine', '罚款', 'Fine', 'fixed', -500, 1)")
    refused(book, "UPDATE categories SET points_c = -100 WHERE code = 'labour'")


def test_nothing_is_added_to_or_voided_in_a_final_month(book, entry):
    book.conn.execute("UPDATE months SET state = 'final' WHERE month = ?", (entry.month,))
    refused(book, "INSERT INTO entries (id, resident_id, day, month, category, quantity,"
                  " points_c, rule, recorded_by, recorded_at) VALUES"
                  " ('y', ?, ?, ?, 'labour', '4', 100, 'r', '杨秋云', 'now')",
            (entry.resident_id, entry.day, entry.month))
    refused(book, "UPDATE entries SET voided_at = 'now', voided_by = '杨秋云',"
                  " void_reason = 'late' WHERE id = ?", (entry.id,))


def test_a_file_that_is_not_a_book_is_refused(tmp_path):
    from villagebook.errors import BookError

    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not sqlite at all" * 100)
    for path in (other, junk, tmp_path / "missing.db"):
        with pytest.raises(BookError):
            Book.open(path)
