"""A backup on the worst day: a disk too full for the copy, and a big book's daily copy
made aside (a process with no screen) that fails. The copy is refused before a byte is
written, naming the folder and the space; the failure made aside is said by the next
command, once, and on the gatherer's screen too."""

import gzip
import os
import shutil
import time
from collections import namedtuple
from datetime import datetime, timedelta

from tui.conftest import SIZE

from villagebook import backup, dailybackup
from villagebook.tui.app import make_app

Usage = namedtuple("Usage", "total used free")


def tight(monkeypatch, free: int = 10_000) -> None:
    """The disk backups go to has `free` bytes left."""
    monkeypatch.setattr(shutil, "disk_usage", lambda path: Usage(10**12, 10**12, free))


def test_no_room_refuses_before_writing_and_says_where_and_how_much(run, book, tmp_path,
                                                                      monkeypatch):
    tight(monkeypatch)
    stick = tmp_path / "usb"
    result = run("backup", str(stick))
    assert result.exit_code != 0 and "Traceback" not in result.output
    said = result.output.strip().splitlines()[-1]
    assert str(stick) in said and "只剩 0.0 MB" in said and "U 盘" in said
    assert not list(stick.glob("*"))  # nothing written, not even a part
    monkeypatch.undo()
    assert run("backup", str(stick)).exit_code == 0 and len(list(stick.glob("*.db"))) == 1


def test_a_daily_copy_that_failed_aside_is_said_once_by_the_next_command(run, book,
                                                                          monkeypatch):
    tight(monkeypatch)
    folder = backup.book_folder(book)
    folder.mkdir(parents=True)
    today = datetime.now().strftime("%Y%m%d")
    (folder / f"villagebook-{today}-000000-000000-daily.started.part").touch()
    dailybackup._daily_aside(str(book.path))  # what the separate process runs
    assert not backup.backups(folder, mine_only=True)  # no copy, and no marker left
    assert sorted(p.name for p in folder.iterdir()) == [  # the day's marker stays: not
        f"villagebook-{today}-000000-000000-daily.{end}.part" for end in ("failed", "started")]
    first = run("residents", "list")
    assert first.exit_code == 0 and "马少军" in first.output  # the day's work goes on
    assert "提示：今日自动备份没有成功" in first.stderr and "只剩 0.0 MB" in first.stderr
    again = run("residents", "list")
    assert again.exit_code == 0 and "备份" not in again.stderr  # said once; not retried
    assert not backup.backups(folder, mine_only=True)


async def test_the_gatherers_screen_shows_the_failed_backup(book):
    app = make_app(book, gatherer="杨秋云", notice="提示：今日自动备份没有成功：磁盘满了")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        shown = [n.message for n in app._notifications]
    assert shown == ["提示：今日自动备份没有成功：磁盘满了"]


def test_a_copy_cut_short_is_cleared_and_said_once_and_the_days_copy_is_made(run, book):
    """The laptop shut down while yesterday's copy of a big book was made aside: its
    unfinished files (GBs, for a township) would stay forever and the day had no copy."""
    folder = backup.book_folder(book)
    folder.mkdir(parents=True)
    day = datetime.now() - timedelta(days=1)
    yesterday, hour_ago = f"{day:%Y%m%d}", time.time() - 3600
    cut = [folder / f"villagebook-{yesterday}-093000-123456-daily.db.gz{end}"
           for end in (".part", ".db")]  # the gzip begun, and the plain copy it reads
    marker = folder / f"villagebook-{yesterday}-000000-000000{dailybackup.STARTED}"
    under_way = folder / f"villagebook-{yesterday}-235959-000001-manual.db.part"  # a copy
    for path in (*cut, marker, under_way):  # begun before midnight, still being written
        path.write_bytes(b"x" * 1_500_000)
    for path in (*cut, marker):
        os.utime(path, (hour_ago, hour_ago))
    first = run("residents", "list")
    assert first.exit_code == 0 and "马少军" in first.output  # the day's work goes on
    assert first.stderr.strip() == (f"提示：{day:%Y-%m-%d} 的自动备份没有做完（备份时电脑关了或"
                                     "程序停了），留下的半截文件（3.0 MB）已删除")
    assert not any(path.exists() for path in (*cut, marker)) and under_way.exists()
    (made,) = backup.backups(folder, mine_only=True)  # the day's copy, made as usual
    assert made.name.endswith("-daily.db.gz")
    again = run("residents", "list")
    assert again.exit_code == 0 and again.stderr == ""  # said once


def test_a_copy_cut_short_today_is_made_again_today(run, book):
    folder = backup.book_folder(book)
    folder.mkdir(parents=True)
    today, hour_ago = datetime.now().strftime("%Y%m%d"), time.time() - 3600
    cut = folder / f"villagebook-{today}-000001-000001-daily.db.gz.part"
    marker = folder / f"villagebook-{today}-000000-000000{dailybackup.STARTED}"
    for path in (cut, marker):
        path.write_bytes(b"x" * 1000)
        os.utime(path, (hour_ago, hour_ago))
    first = run("residents", "list")
    assert "的自动备份没有做完" in first.stderr and not cut.exists()
    (made,) = backup.backups(folder, mine_only=True)  # not held back by today's marker
    assert made.name.endswith("-daily.db.gz")


def test_a_plain_copy_whose_packing_was_cut_short_is_packed_again_quietly(run, book):
    """A big book's copy before a post is written plain and packed aside: cut short while
    packing, the plain copy is whole, so nothing is said and its packing starts again."""
    folder = backup.book_folder(book)
    folder.mkdir(parents=True)
    plain = folder / "villagebook-20261201-093000-000001-post.db"
    plain.write_bytes(b"SQLite format 3\x00" * 1000)
    torn = folder / f"{plain.name}.gz.part"
    torn.write_bytes(b"\x1f\x8b")
    hour_ago = time.time() - 3600
    os.utime(torn, (hour_ago, hour_ago))
    first = run("residents", "list")
    assert first.exit_code == 0 and "没有做完" not in first.stderr
    packed = folder / f"{plain.name}.gz"
    for _ in range(600):  # its own process: a minute at most on a loaded machine
        if packed.exists() and not plain.exists():
            break
        time.sleep(0.1)
    with gzip.open(packed) as unpacked:
        assert unpacked.read() == b"SQLite format 3\x00" * 1000
    assert not torn.exists()
