"""Backups kept by a plan, and a restore that loses nothing and hides nothing."""

import gzip
import sqlite3
import subprocess
import sys
import time
from datetime import datetime, timedelta

import pytest

from villagebook import backup, dailybackup, entries, history, people, restore
from villagebook.book import Book
from villagebook.check import check
from villagebook.errors import BookError


def rec(book, name="马少军", qty="4"):
    return entries.record(book, people.find_resident(book, name), "labour", qty, "杨秋云",
                          again=True)


class TestBackupPlan:
    def test_automatic_copies_are_compressed_in_the_books_own_folder(self, book):
        made = backup.backup(book, reason="daily")
        assert made.name.endswith("-daily.db.gz") and made.parent == backup.book_folder(book)
        with gzip.open(made) as packed:
            assert packed.read(16) == b"SQLite format 3\x00"

    def test_a_run_of_manual_backups_never_flushes_the_automatic_ones(self, book):
        first = backup.backup(book, reason="post")
        for _ in range(40):
            backup.backup(book)
        kept = backup.backups(backup.book_folder(book), mine_only=True)
        assert first in kept
        assert sum(p.name.endswith("-manual.db") for p in kept) == backup.KEEP_MANUAL

    def test_the_plan_keeps_a_week_and_each_months_first(self, tmp_path):
        folder = tmp_path / "plan"
        folder.mkdir()
        now = datetime(2026, 12, 4, 12)
        for days in range(0, 900, 1):  # a copy every morning for two and a half years
            made = now.replace(hour=9) - timedelta(days=days)
            (folder / f"villagebook-{made:%Y%m%d-%H%M%S-%f}-daily.db.gz").touch()
        backup.prune(folder, now)
        kept = {p.name[12:20] for p in folder.iterdir()}
        week = {f"{now - timedelta(days=d):%Y%m%d}" for d in range(7)}
        firsts = {f"{2025 + (m // 12)}{m % 12 + 1:02}01" for m in range(24)}  # 2025-01..2026-12
        assert kept == week | firsts

    def test_two_books_each_get_their_days_copy(self, book, tmp_path):
        with Book.create(tmp_path / "other.db", "别的村") as other:
            assert dailybackup.daily(book) is not None
            assert dailybackup.daily(other) is not None
            assert dailybackup.daily(book) is None
            assert backup.book_folder(book) != backup.book_folder(other)

    def test_a_big_books_daily_copy_is_made_aside_without_waiting(self, book, monkeypatch):
        monkeypatch.setattr(dailybackup, "INLINE_BYTES", 0)
        started = time.monotonic()
        assert dailybackup.daily(book) is None
        assert time.monotonic() - started < 1.0
        folder = backup.book_folder(book)
        for _ in range(600):  # its own process: a minute at most on a loaded machine
            if backup.backups(folder, mine_only=True):
                break
            time.sleep(0.1)
        (made,) = backup.backups(folder, mine_only=True)
        assert made.name.endswith("-daily.db.gz") and not list(folder.glob("*.part"))
        assert dailybackup.daily(book) is None  # one a day


    def test_a_big_books_copy_before_a_post_is_packed_aside(self, book, monkeypatch):
        """The post waits for the copy only; the gzip is made by a process of its own,
        and until it is whole the plain copy is the backup."""
        from conftest import MONTH

        from villagebook import months

        monkeypatch.setattr(backup, "PACK_INLINE_BYTES", 0)
        rec(book)
        told = []
        months.post(book, MONTH, "村委会", told=lambda *d: told.append(d))
        (total,) = {total for _, total in told}
        assert told[-1] == (total, total)
        folder = backup.book_folder(book)
        for _ in range(600):  # its own process: a minute at most on a loaded machine
            if not [p for p in folder.glob("villagebook-*") if not p.name.endswith(".db.gz")]:
                break
            time.sleep(0.1)
        (made,) = backup.backups(folder, mine_only=True)
        assert made.name.endswith("-post.db.gz") and not list(folder.glob("*.part"))
        with gzip.open(made) as packed, open(folder / "unpacked.db", "wb") as out:
            out.write(packed.read())
        with Book.open_readonly(folder / "unpacked.db") as copy:
            assert [e.resident_name for e in entries.entries_of(copy)] == ["马少军"]
            assert copy.one("PRAGMA page_count")[0] == total  # the copy told, not its gzip


class TestRestore:
    def test_a_restore_keeps_the_current_book_aside_and_says_so_in_the_log(self, book,
                                                                         db_path):
        rec(book)
        kept = backup.backup(book, reason="post")  # compressed
        rec(book, "马洪云")
        before = history.head(book)
        done = restore.restore(kept, db_path, "村委会")
        assert done.replaced == before.code
        with Book.open(done.aside) as old:
            assert len(entries.entries_of(old)) == 2
        assert [e.resident_name for e in entries.entries_of(book)] == ["马少军"]
        line = book.one("SELECT action, detail FROM audit ORDER BY seq DESC LIMIT 1")
        assert line["action"] == "book.restore" and before.code in line["detail"]
        assert check(book) == []

    def test_an_open_screen_keeps_working_on_the_restored_book(self, book, db_path):
        """The file is never swapped: a connection open before the restore (a TUI) reads
        the restored book and what it saves afterwards stays there."""
        rec(book)
        kept = backup.backup(book, db_path.parent / "usb")
        rec(book, "马洪云")
        with Book.open(db_path):  # a second program, as the screen is
            restore.restore(kept, db_path, "村委会")
            assert len(entries.entries_of(book)) == 1  # the screen's own connection
            rec(book, "马淑婷")
        with Book.open(db_path) as after:
            assert sorted(e.resident_name for e in entries.entries_of(after)) == [
                "马少军", "马淑婷"]
            assert check(after) == []

    def test_the_guards_and_indexes_come_back_as_they_were(self, book, db_path):
        """The swap lifts the triggers and indexes inside its transaction (an index made
        again sorts once): every one is back with its own SQL, and they still guard."""
        schema = "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name"
        first = rec(book)
        kept = backup.backup(book, reason="post")
        rec(book, "马洪云")
        before = book.query(schema)
        restore.restore(kept, db_path, "村委会")
        assert book.query(schema) == before
        with pytest.raises(sqlite3.IntegrityError, match="void"):
            book.conn.execute("UPDATE entries SET points_c = 9900 WHERE id = ?", (first.id,))
        entries.void(book, first.id, "记错了人", "杨秋云")  # the roll-up's trigger is back
        assert book.one("SELECT SUM(points_c) FROM rollup")[0] == 0
        assert check(book) == []

    def test_a_truncated_current_book_can_still_be_restored(self, book, db_path):
        rec(book)
        kept = backup.backup(book, db_path.parent / "usb")
        book.close()
        with open(db_path, "r+b") as file:
            file.truncate(1000)
        done = restore.restore(kept, db_path, "村委会")
        assert done.replaced == "" and done.aside.stat().st_size == 1000
        with Book.open(db_path) as back:
            assert len(entries.entries_of(back)) == 1 and check(back) == []

    def test_a_damaged_backup_is_refused_and_changes_nothing(self, book, db_path, tmp_path):
        junk = tmp_path / "junk.db.gz"
        junk.write_bytes(b"not a book" * 100)
        before = history.head(book)
        with pytest.raises(Exception) as refused:
            restore.restore(junk, db_path)
        assert "不能恢复" in str(refused.value) or "不是积分簿" in str(refused.value)
        assert history.head(book) == before

    def test_a_backup_damaged_inside_its_gzip_is_refused_in_one_line(self, book, db_path):
        """A flipped stretch of a compressed copy (a bad USB stick): zlib's own error, once
        a traceback, is the restore's one-line refusal naming the file."""
        kept = backup.backup(book, db_path.parent / "usb")
        damaged = bytearray(gzip.compress(kept.read_bytes()))  # a 10-byte gzip header, then
        damaged[10] = 0xFF  # the first deflate block: its type now one zlib refuses
        kept = kept.with_name(kept.name + ".gz")
        kept.write_bytes(bytes(damaged))
        before = history.head(book)
        with pytest.raises(BookError) as refused:
            restore.restore(kept, db_path, "村委会")
        said = str(refused.value)
        assert "不能恢复" in said and kept.name in said and "\n" not in said
        assert history.head(book) == before

    def test_restoring_while_another_program_keeps_recording_loses_nothing(self, book,
                                                                          db_path):
        kept = backup.backup(book, db_path.parent / "usb")
        writer = subprocess.Popen(
            [sys.executable, "-c", _RECORDER, str(db_path)], stdout=subprocess.PIPE,
            text=True)
        try:
            time.sleep(1.0)
            restore.restore(kept, db_path, "村委会")
            time.sleep(0.5)
        finally:
            writer.terminate()
        confirmed = set(writer.communicate(timeout=30)[0].split())
        assert len(confirmed) > 5
        aside = next(db_path.parent.glob("book.before-restore-*.db"))
        found = set()
        for path in (db_path, aside):
            with Book.open(path) as copy:
                found |= {e.note for e in entries.entries_of(copy)}
                assert check(copy) == []
        assert confirmed <= found


_RECORDER = """
import sys
from villagebook import entries, people
from villagebook.book import Book
from villagebook.errors import BookError
import time
n, until = 0, time.monotonic() + 20  # never outlives a failed test for long
with Book.open(sys.argv[1]) as book:
    while time.monotonic() < until:
        n += 1
        try:
            who = people.find_resident(book, "马秋玲")
            entries.record(book, who, "donation", "10", "杨秋云", note=f"n{n}", again=True)
        except BookError:
            continue
        print(f"n{n}", flush=True)
"""


def test_undoing_a_restore_in_the_same_second_keeps_both_books_aside(run, book, db_path,
                                                                     tmp_path, monkeypatch):
    """The aside is named to the second: a second restore within it, from the first's
    aside, wrote the book over that very aside (the book it was undoing to was lost)."""

    class Frozen(datetime):
        @classmethod
        def now(cls, tz=None):
            return datetime(2026, 12, 6, 15, 9, 16)

    run("record", "msj", "labour", "8")
    usb = run("backup", str(tmp_path / "usb")).output.strip().removeprefix("已备份到 ")
    run("record", "mhy", "goods", "3000")
    book.close()
    monkeypatch.setattr(restore, "datetime", Frozen)
    first = restore.restore(usb, db_path, "村委会")  # back to one entry
    second = restore.restore(first.aside, db_path, "村委会")  # undone: both entries again
    assert second.aside != first.aside
    with Book.open(db_path) as now, Book.open_readonly(first.aside) as undone_to, \
            Book.open_readonly(second.aside) as undone:
        count = "SELECT COUNT(*) FROM entries"
        assert (now.one(count)[0], undone_to.one(count)[0], undone.one(count)[0]) == (2, 2, 1)
