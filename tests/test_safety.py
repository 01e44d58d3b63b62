"""A book that survives the laptop: backups, restore, check, damaged files, migrations,
a full disk, hostile CSV files, and processes killed at random moments."""

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import MONTH, as_version, audit_count
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from villagebook import backup, csvio, entries, people
from villagebook import book as book_module
from villagebook.book import Book
from villagebook.check import check
from villagebook.errors import BookError


class TestBackups:
    def test_backup_restore_keeps_the_current_book_aside(self, run, book, db_path, tmp_path):
        run("record", "msj", "labour", "8")
        made = run("backup", str(tmp_path / "usb")).output.strip().removeprefix("已备份到 ")
        run("record", "mhy", "goods", "3000")
        book.close()
        done = run("restore", made)
        assert done.exit_code == 0 and "原来的积分簿保存在" in done.output
        names = [e["name"] for e in run.json("tally")["lines"]]
        assert names == ["马少军"]
        (aside,) = db_path.parent.glob("book.before-restore-*.db")
        with Book.open(aside) as old:
            assert len(entries.entries_of(old)) == 2

    def test_a_damaged_backup_is_refused_and_changes_nothing(self, run, db_path, tmp_path):
        junk = tmp_path / "junk.db"
        junk.write_bytes(b"not a book" * 1000)
        before = db_path.read_bytes()
        out = run("restore", str(junk))
        assert out.exit_code == 1 and "不是积分簿" in out.output
        assert db_path.read_bytes() == before

    def test_one_backup_a_day_on_first_use_and_manual_ones_never_flush_it(self, run, book):
        run("tally")
        run("tally")
        (daily,) = backup.backups()
        assert daily.name.endswith("-daily.db.gz")
        for _ in range(33):
            backup.backup(book)
        kept = backup.backups()
        assert daily in kept and len(kept) == 1 + backup.KEEP_MANUAL

    def test_a_damaged_book_names_the_newest_backup(self, run, book, db_path, tmp_path):
        made = backup.backup(book)
        book.close()
        for suffix in ("-wal", "-shm"):
            Path(f"{db_path}{suffix}").unlink(missing_ok=True)
        db_path.write_bytes(b"\x00" * 4096)
        out = run("tally")
        assert out.exit_code == 1 and out.output.count("\n") == 1
        assert f"最新的备份：{made}" in out.output


class TestCheck:
    def test_a_sound_book_passes(self, run):
        run("record", "msj", "labour", "8")
        out = run("check")
        assert (out.exit_code, out.output) == (0, "检查通过：积分簿完好\n")

    def test_a_void_without_a_reason_made_behind_the_books_back_is_found(self, run, book):
        run("record", "msj", "labour", "8")
        book.conn.execute("DROP TRIGGER entries_only_void")
        book.conn.execute("UPDATE entries SET voided_at = 'x', voided_by = 'y'")
        out = run("check")
        entry_id = book.one("SELECT id FROM entries")[0][:8]
        assert out.exit_code == 1 and out.output == (
            "有 1 条作废记录没有写原因\n"
            "数据库的保护规则 entries_only_void 不见了（有人拆掉了它）\n"
            f"{MONTH}：马少军 义务劳动 8 小时（+2）和日志记下的不一样：被改动过"
            f"（记录号 {entry_id}）\n")


def room_for_pages(monkeypatch, pages: int) -> None:
    """Every connection the book opens may grow the file by `pages` pages only: a disk
    that fills up in the middle of a write."""
    connect = book_module._connect

    def small_disk(path):
        conn = connect(path)
        now = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {now + pages}")
        return conn

    monkeypatch.setattr(book_module, "_connect", small_disk)


def connect_with(monkeypatch, pragma: str) -> None:
    """Every connection the book opens runs `pragma` first: a write-protected stick
    (query_only; root ignores chmod), an impatient lock wait (busy_timeout)."""
    connect = book_module._connect

    def patched(path):
        conn = connect(path)
        conn.execute(f"PRAGMA {pragma}")
        return conn

    monkeypatch.setattr(book_module, "_connect", patched)


class TestMigrations:
    def test_a_version_1_book_opens_and_gains_the_months_cycle(self, tmp_path, monkeypatch):
        path = tmp_path / "v1.db"
        as_version(monkeypatch, 1)
        with Book.create(path, "老村") as old:
            people.add_gatherer(old, "杨秋云")
            old.conn.execute(  # as version 1 wrote it: no search keys
                "INSERT INTO residents (id, name, pinyin, initials, household, corner,"
                " created_at) VALUES ('r1', '马少军', 'mashaojun', 'msj', '马家3户', '东片',"
                " 'then')")
            old.conn.execute(
                "INSERT INTO entries (id, resident_id, day, month, category, quantity, points_c,"
                " rule, recorded_by, recorded_at) VALUES ('e1', 'r1', '2026-01-05', '2026-01',"
                " 'labour', '8', 200, '1.00 per 4 hours', '杨秋云', 'then')")  # v1: no 'late'
            assert old.one("PRAGMA user_version")[0] == 1
        monkeypatch.undo()
        with Book.open(path) as new:
            assert new.one("PRAGMA user_version")[0] == book_module.SCHEMA_VERSION
            (kept,) = entries.entries_of(new)
            assert (kept.id, kept.points_c, kept.late) == ("e1", 200, 0)
            assert people.find_resident(new, "msj").id == "r1"
            assert check(new) == []
            with pytest.raises(sqlite3.IntegrityError):
                new.conn.execute("DELETE FROM entries")

    def test_a_book_from_a_newer_version_is_refused(self, book, db_path):
        book.conn.execute("PRAGMA user_version = 99")
        book.close()
        with pytest.raises(BookError) as refused:
            Book.open(db_path)
        assert refused.value.key == "book.too_new"


class TestEachTroubleItsOwnLine:
    """A locked book, a place that cannot be written (TestHostileInput), a full disk
    (TestFullDisk) and a newer book are different troubles, each said as itself."""

    def test_a_newer_book_says_upgrade_even_with_a_backup_about(self, run, book, db_path):
        backup.backup(book)
        book.conn.execute("PRAGMA user_version = 99")
        book.close()
        out = run("tally")
        assert out.exit_code == 1
        assert "是更新版本的 villagebook 建的，请先升级本软件" in out.output
        assert "损坏" not in out.output

    def test_a_locked_book_says_busy(self, run, book, db_path, monkeypatch):
        connect_with(monkeypatch, "busy_timeout = 100")
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("BEGIN EXCLUSIVE")
        try:
            out = run("record", "马少军", "labour", "8", "--by", "杨秋云")
        finally:
            holder.execute("ROLLBACK")
        assert out.exit_code == 1 and "正被另一个程序写入，请稍后再试" in out.output

    def test_a_book_held_whole_by_another_program_is_busy_not_damaged(
            self, run, book, db_path, monkeypatch):
        """A program holding the file in SQLite's exclusive mode stops even reading: the
        book is busy, not "not a book" (it was said so, sending people to their backups)."""
        book.close()
        connect_with(monkeypatch, "busy_timeout = 100")
        holder = sqlite3.connect(db_path, isolation_level=None)
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        try:
            out = run("tally")
        finally:
            holder.close()
        assert out.exit_code == 1 and "正被另一个程序写入，请稍后再试" in out.output
        assert "不是积分簿" not in out.output


class TestFullDisk:
    def test_a_full_disk_gives_one_line_and_an_unchanged_book(self, run, book, db_path,
                                                              tmp_path, monkeypatch):
        rows = "\n".join(f"村民{i},导入{i}户,东片" for i in range(800))
        csv_path = tmp_path / "many.csv"
        csv_path.write_text("name,household,corner\n" + rows, encoding="utf-8")
        room_for_pages(monkeypatch, 2)
        monkeypatch.setattr(backup, "backup", lambda *a, **k: None)  # the disk is full
        before = audit_count(db_path)
        out = run("residents", "import", str(csv_path))
        assert out.exit_code == 1 and out.output.count("\n") == 1
        assert "磁盘已满" in out.output
        monkeypatch.undo()
        assert audit_count(db_path) == before
        assert len(people.list_residents(book)) == 4


CSV_TEXT = st.one_of(
    st.text(max_size=300),
    st.lists(st.lists(st.text(max_size=12), max_size=6), max_size=8).map(
        lambda rows: "\n".join(",".join(r) for r in rows)),
)


class TestHostileCsv:
    def test_a_cell_holding_a_line_break_is_named_on_one_line(self, tmp_path):
        """Found by the property test below: a quoted cell with a newline in the 上榜
        column once made a two-line error."""
        path = tmp_path / "in.csv"
        path.write_text(',,,",\n,', encoding="utf-8")
        with pytest.raises(BookError) as refused:
            csvio.parse_residents(path)
        assert "\n" not in str(refused.value) and "⏎" in str(refused.value)

    @settings(max_examples=80, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(text=CSV_TEXT, encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "latin-1"]))
    def test_the_reader_says_what_is_wrong_or_reads_it(self, tmp_path, text, encoding):
        path = tmp_path / "in.csv"
        try:
            path.write_bytes(text.encode(encoding))
        except UnicodeEncodeError:
            return
        try:
            rows = csvio.parse_residents(path)
        except BookError as exc:
            assert str(exc) and "\n" not in str(exc).strip()
            return
        assert all(r["name"].strip() for r in rows)

    @settings(max_examples=40, deadline=None,
              suppress_health_check=[HealthCheck.function_scoped_fixture])
    @given(data=st.binary(max_size=400))
    def test_an_import_of_any_bytes_is_all_or_nothing(self, run, book, db_path, tmp_path,
                                                      data):
        path = tmp_path / "bytes.csv"
        path.write_bytes(data)
        residents_before = len(people.list_residents(book))
        out = run("residents", "import", str(path))
        assert "Traceback" not in out.output
        after = len(people.list_residents(book))
        if out.exit_code == 0:
            assert out.output.startswith("导入 ")
        else:
            assert after == residents_before
        assert check(book) == []


@pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")
def test_killed_at_random_moments_the_book_keeps_every_confirmed_entry(book, db_path,
                                                                        tmp_path):
    """At least 50 processes killed with SIGKILL while recording and importing."""
    csv_path = tmp_path / "import.csv"
    env = dict(os.environ, VILLAGEBOOK_DB=str(db_path))
    rng = random.Random(11)
    confirmed, kills = [], 0
    book.close()
    while kills < 50:
        importing = kills % 5 == 4
        household = f"导入户{kills}"  # each import its own household, to count it whole
        csv_path.write_text("name,household,corner\n" + "\n".join(
            f"导入{i},{household},北片" for i in range(300)), encoding="utf-8")
        args = (["residents", "import", str(csv_path)] if importing  # no cap, no question:
                else ["record", "msj", "donation", "10", "--by", "杨秋云", "--again"])
        proc = subprocess.Popen([sys.executable, "-m", "villagebook", *args], env=env,
                                stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.02, 0.45))
        if proc.poll() is None:
            proc.send_signal(signal.SIGKILL)
            kills += 1
        out = proc.communicate()[0].decode()
        if "记录号" in out:
            confirmed.append(out.strip().rsplit(" ", 1)[1])
        with Book.open(db_path) as after:
            assert check(after) == []
            imported = after.one("SELECT COUNT(*) FROM residents WHERE household = ?",
                                 (household,))[0]
            assert imported in (0, 300)
            ids = {e.id[:8] for e in entries.entries_of(after)}
            assert set(confirmed) <= ids
    assert kills >= 50


class TestHostileInput:
    def test_a_read_only_book_says_so_with_the_newest_backup(self, run, book, db_path,
                                                             monkeypatch):
        made = backup.backup(book)
        book.close()
        before = audit_count(db_path)
        connect_with(monkeypatch, "query_only = ON")
        out = run("record", "msj", "labour", "4", "--by", "杨秋云")
        assert out.exit_code == 1 and out.output.count("\n") == 1
        assert "只能读、不能写" in out.output and f"最新的备份：{made}" in out.output
        assert "磁盘已满" not in out.output  # a read-only place is not a full disk
        monkeypatch.undo()
        assert audit_count(db_path) == before

    def test_a_one_megabyte_name_is_refused_and_nothing_written(self, run, db_path):
        before = audit_count(db_path)
        huge = "马" * 1_000_000
        for args in (["residents", "add", huge], ["record", huge, "labour", "4"],
                     ["record", "msj", "labour", "4", "--note", huge]):
            out = run(*args)
            assert out.exit_code == 1 and len(out.output) < 300, args
        assert audit_count(db_path) == before


class TestCopiesByHand:
    def test_a_truncated_book_is_refused_with_the_newest_backup_named(self, run, book,
                                                                      db_path, tmp_path):
        from villagebook import backup

        for hours in range(1, 25):  # enough pages that a cut lands inside the tables
            run("record", "msj", "labour", "1", "--date", f"2026-0{1 + hours % 9}-1{hours % 9}")
        kept = backup.backup(book)
        book.close()
        size = db_path.stat().st_size
        with open(db_path, "r+b") as file:
            file.truncate(size * 2 // 3)
        before = db_path.read_bytes()
        out = run("tally")
        assert out.exit_code == 1
        assert out.output == (f"错误：{db_path} 打不开（已损坏、不是积分簿或来自更新的版本）。"
                              f"最新的备份：{kept}（用 villagebook restore 恢复）\n")
        assert db_path.read_bytes() == before

    def test_a_page_damaged_inside_is_found_on_the_days_first_use(self, run, book, db_path):
        from villagebook import backup

        for hours in range(1, 25):
            run("record", "msj", "labour", "1", "--date", f"2026-0{1 + hours % 9}-1{hours % 9}")
        kept = backup.backup(book)
        book.close()
        page = 4096
        with open(db_path, "r+b") as file:  # garbage over pages 4-6, the header intact
            file.seek(3 * page)
            file.write(bytes(range(256)) * (3 * page // 256))
        before = db_path.read_bytes()
        from villagebook import dailycheck

        dailycheck.forget(db_path)  # the day's first use on this laptop
        out = run("record", "msj", "labour", "1")
        assert out.exit_code == 1
        assert out.output.startswith(f"错误：{db_path} 已损坏，没有写入任何内容（")
        assert out.output.rstrip().endswith(f"最新的备份：{kept}（用 villagebook restore 恢复）")
        assert db_path.read_bytes() == before
