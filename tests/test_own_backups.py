"""A damaged book names its own newest backup, never another book's: every laptop that ran
the README's demo village has the demo's backups in the same folder, often newer."""

import shutil
from pathlib import Path

from test_safety import connect_with

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
    from villagebook import book as book_module

    made = demo_backup(tmp_path)
    demo = made.rename(made.with_name("villagebook-29991231-000000-000000-manual.db"))
    csv_path = tmp_path / "many.csv"
    csv_path.write_text("name,household,corner\n" + "\n".join(
        f"村民{i},导入{i}户,东片" for i in range(800)), encoding="utf-8")
    connect = book_module._connect

    def small_disk(path):
        conn = connect(path)
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        return conn

    monkeypatch.setattr(book_module, "_connect", small_disk)
    out = run("residents", "import", str(csv_path))
    own = backup.backups(backup.book_folder(book), mine_only=True)[0]  # the import's copy
    assert out.exit_code == 1 and out.output.count("\n") == 1
    assert "磁盘已满" in out.output and f"最新的备份：{own}" in out.output
    assert str(demo) not in out.output
