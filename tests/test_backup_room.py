"""A backup on the worst day: a disk too full for the copy, and a big book's daily copy
made aside (a process with no screen) that fails. The copy is refused before a byte is
written, naming the folder and the space; the failure made aside is said by the next
command, once, and on the gatherer's screen too."""

from collections import namedtuple
from datetime import datetime

from tui.conftest import SIZE

from villagebook import backup
from villagebook.tui.app import make_app

Usage = namedtuple("Usage", "total used free")


def tight(monkeypatch, free: int = 10_000) -> None:
    """The disk backups go to has `free` bytes left."""
    monkeypatch.setattr(backup.shutil, "disk_usage", lambda path: Usage(10**12, 10**12, free))


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
    backup._daily_aside(str(book.path))  # what the separate process runs
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
