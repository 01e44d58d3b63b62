"""A damaged book names its own newest backup, never another book's: every laptop that ran
the README's demo village has the demo's backups in the same folder, often newer."""

import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import Runner, as_version, audit_count
from test_safety import connect_with, room_for_pages

from villagebook import backup, dailycheck
from villagebook.book import Book


def demo_backup(tmp_path) -> Path:
    """A second book on this laptop (the demo village), backed up after the real one."""
    with Book.create(tmp_path / "demo.db", "演示村", actor="演示") as demo:
        return backup.backup(demo)


def zeros_over(path: Path) -> None:
    for suffix in ("-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.write_bytes(b"\x00" * 4096)


def test_a_damaged_book_names_its_own_backup_not_the_newer_demos(run, book, db_path,
                                                                  tmp_path):
    own = backup.backup(book)
    book.close()
    demo = demo_backup(tmp_path)
    assert demo.name > own.name  # the demo's is the newest on the laptop
    zeros_over(db_path)  # nothing in the file says which book it was
    out = run("tally")
    assert out.exit_code == 1
    assert out.output == (f"错误：{db_path} 打不开（已损坏、不是积分簿或来自更新的版本）。"
                          f"最新的备份：{own}（用 villagebook restore 恢复）\n")


def test_a_damaged_book_with_no_backup_of_its_own_names_none(run, book, db_path, tmp_path):
    book.close()
    demo = demo_backup(tmp_path)
    zeros_over(db_path)
    out = run("tally")
    assert out.exit_code == 1 and out.output.count("\n") == 1
    assert str(demo) not in out.output and "最新的备份" not in out.output
    assert "不是" in out.output  # said as a file that is not a book, as with no backups


def test_a_book_found_damaged_inside_names_its_own_backup(run, book, db_path, tmp_path):
    for day in range(1, 25):  # enough pages that the damage lands inside the tables
        run("record", "msj", "labour", "1", "--date", f"2026-0{1 + day % 9}-1{day % 9}")
    own = backup.backup(book)
    book.close()
    demo_backup(tmp_path)
    with open(db_path, "r+b") as file:  # garbage over pages 4-6, the header intact
        file.seek(3 * 4096)
        file.write(bytes(range(256)) * (3 * 4096 // 256))
    dailycheck.forget(db_path)  # the day's first use: quick_check finds it
    out = run("record", "msj", "labour", "1")
    assert out.exit_code == 1
    assert out.output.rstrip().endswith(f"最新的备份：{own}（用 villagebook restore 恢复）")


def test_a_book_moved_since_its_backup_is_known_by_its_first_hash(run, book, db_path,
                                                                   tmp_path, monkeypatch):
    """Its folder's list has only the old path; the book itself still says which it is."""
    own = backup.backup(book)
    book.close()
    demo_backup(tmp_path)
    moved = tmp_path / "usb" / "book.db"
    moved.parent.mkdir()
    shutil.copy(db_path, moved)
    connect_with(monkeypatch, "query_only = ON")  # a write-protected stick
    out = run("record", "msj", "labour", "4", "--by", "杨秋云", "--db", str(moved), db=False)
    assert out.exit_code == 1 and out.output.count("\n") == 1
    assert "只能读、不能写" in out.output and f"最新的备份：{own}" in out.output


def test_every_copy_in_the_books_own_folder_writes_down_where_the_book_is(book, db_path):
    backup.backup(book)
    backup.backup(book, reason="post")
    listed = (backup.book_folder(book) / "books.txt").read_text(encoding="utf-8")
    assert listed.splitlines() == [str(db_path.resolve())]


def test_a_disk_full_in_the_middle_of_a_write_names_the_books_own_backup(
        run, book, db_path, tmp_path, monkeypatch):
    """The full disk is met inside the write (not at its start): the command's last guard
    words it, knowing which book the command opened. The demo's copy is dated later than
    any copy this test makes, the import's own included."""
    made = demo_backup(tmp_path)
    demo = made.rename(made.with_name("villagebook-29991231-000000-000000-manual.db"))
    csv_path = tmp_path / "many.csv"
    csv_path.write_text("name,household,corner\n" + "\n".join(
        f"村民{i},导入{i}户,东片" for i in range(800)), encoding="utf-8")
    room_for_pages(monkeypatch, 2)
    out = run("residents", "import", str(csv_path))
    own = backup.backups(backup.book_folder(book), mine_only=True)[0]  # the import's copy
    assert out.exit_code == 1 and out.output.count("\n") == 1
    assert "磁盘已满" in out.output and f"最新的备份：{own}" in out.output
    assert str(demo) not in out.output


def test_a_path_two_books_were_at_names_no_backup(run, book, db_path, tmp_path):
    """A USB stick's book.db was one village's book, then another's: a damaged one there
    could be either, so neither's backup is named."""
    backup.backup(book)
    book.close()
    stick = tmp_path / "stick" / "book.db"
    stick.parent.mkdir()
    with Book.create(stick, "乙村", actor="测试") as other:
        theirs = backup.backup(other)
    stick.unlink()
    shutil.copy(db_path, stick)
    with Book.open(stick) as ours:  # the first one's book now at the same path
        mine = backup.backup(ours)
    zeros_over(stick)
    out = run("tally", "--db", str(stick), db=False)
    assert out.exit_code == 1 and out.output.count("\n") == 1
    assert str(theirs) not in out.output and str(mine) not in out.output


def test_the_days_first_use_writes_down_a_book_moved_since_its_last_copy(run, book, db_path,
                                                                         tmp_path):
    """Also a book whose copies were made by a version that wrote down no path."""
    own = backup.backup(book)
    book.close()
    (own.parent / "books.txt").unlink()  # as a copy from before 6 December 2026 left it
    moved = tmp_path / "moved.db"
    db_path.rename(moved)
    assert run("tally", "--db", str(moved), db=False).exit_code == 0  # no copy today: one was
    demo_backup(tmp_path)
    zeros_over(moved)
    out = run("tally", "--db", str(moved), db=False)
    assert out.exit_code == 1
    assert out.output.endswith(f"最新的备份：{own}（用 villagebook restore 恢复）\n")


@pytest.mark.skipif(sys.platform != "linux", reason="a file name that is not UTF-8: Linux")
def test_a_book_in_a_folder_whose_name_is_not_utf8_is_still_copied(tmp_path):
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/dir\xb4\xe5"))
    folder.mkdir()
    with Book.create(folder / "A.db", "甲村", actor="测试") as book:
        made = backup.backup(book, reason="post")
    assert made.exists() and made.name.endswith("-post.db.gz")
    zeros_over(folder / "A.db")
    from villagebook import ownbackups

    assert ownbackups.newest(folder / "A.db") == made


def test_a_first_hash_changed_into_a_path_keeps_copies_in_the_backup_folder(book, db_path):
    """With the sqlite3 tool and the source at hand, the first line's hash is made a path:
    the book's copies still go under the backup folder, not where the path points."""
    import sqlite3

    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER audit_no_update")
    conn.execute("UPDATE audit SET hash = '../../../../tmp/x' WHERE seq ="
                 " (SELECT MIN(seq) FROM audit WHERE hash IS NOT NULL)")
    conn.commit()
    conn.close()
    made = backup.backup(book)
    assert made.parent == backup.default_folder() / "book"


class TestRestoringAnotherBooksBackup:
    """A folder of backups holds the demo village's beside the real book's: restoring the
    wrong one by a slip of the finger is refused, and says how to mean it."""

    def test_it_is_refused_and_nothing_changes(self, run, book, db_path, tmp_path):
        run("record", "msj", "labour", "8")
        book.close()
        demo = demo_backup(tmp_path)
        before = audit_count(db_path)
        out = run("restore", str(demo))
        assert out.exit_code == 1 and out.output.count("\n") == 1
        assert out.output == (f"错误：{demo} 是另一本积分簿（演示村）的备份，不是这一本的，"
                              "没有恢复。确实要用它换掉这一本，请加上 --other-book\n")
        assert audit_count(db_path) == before
        assert not list(db_path.parent.glob("book.before-restore-*"))
        assert run.json("tally")["lines"][0]["name"] == "马少军"

    def test_other_book_puts_it_in_place(self, run, book, db_path, tmp_path):
        book.close()
        out = run("restore", str(demo_backup(tmp_path)), "--other-book")
        assert out.exit_code == 0 and "原来的积分簿保存在" in out.output
        with Book.open(db_path) as now:
            assert now.one("SELECT value FROM settings WHERE key = 'village'")[0] == "演示村"

    def test_over_a_damaged_book_its_own_backup_goes_back_and_anothers_is_refused(
            self, run, book, db_path, tmp_path):
        run("record", "msj", "labour", "8")
        own = backup.backup(book)
        book.close()
        demo = demo_backup(tmp_path)
        zeros_over(db_path)
        refused = run("restore", str(demo))
        assert refused.exit_code == 1 and "是另一本积分簿（演示村）的备份" in refused.output
        assert db_path.read_bytes() == b"\x00" * 4096
        done = run("restore", str(own))
        assert done.exit_code == 0
        assert run.json("tally")["lines"][0]["name"] == "马少军"

    def test_onto_a_new_laptop_any_backup_is_restored(self, run, tmp_path):
        """No book at the path, none ever seen there: nothing to mistake it for."""
        fresh = tmp_path / "new-laptop" / "book.db"
        fresh.parent.mkdir()
        out = run("restore", str(demo_backup(tmp_path)), "--db", str(fresh), db=False)
        assert out.exit_code == 0 and fresh.exists()

    def test_a_backup_from_before_the_chain_is_not_taken_for_another_book(
            self, db_path, tmp_path, monkeypatch):
        """A book made before schema 4 begins its chain when migrated; its old backup,
        migrated now, begins another. Whose it is cannot be told: it is put back."""
        from villagebook import book as book_module
        from villagebook import entries, people

        current = book_module.MIGRATIONS, book_module.SCHEMA_VERSION
        as_version(monkeypatch, 3)
        with Book.create(db_path, "夹矿马家村", actor="测试") as old:
            people.add_gatherer(old, "杨秋云", "东片")
            entries.record(old, people.add_resident(old, "马少军", "马家3户", "东片"),
                           "labour", "8", "杨秋云")
        kept = tmp_path / "before-the-chain.db"
        shutil.copy(db_path, kept)
        monkeypatch.setattr(book_module, "MIGRATIONS", current[0])
        monkeypatch.setattr(book_module, "SCHEMA_VERSION", current[1])
        run = Runner(db_path)
        assert run("record", "msj", "labour", "4", "--by", "杨秋云").exit_code == 0  # migrated
        usb = run("backup", str(tmp_path / "usb")).output.strip().removeprefix("已备份到 ")
        out = run("restore", str(kept))
        assert out.exit_code == 0, out.output
        assert run.json("tally")["lines"][0]["points"] == "2.00"
        back = run("restore", usb)  # and the copy made after the migration, back again
        assert back.exit_code == 0, back.output
        assert run.json("tally")["lines"][0]["points"] == "3.00"
