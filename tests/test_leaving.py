"""A command's process leaves at once, yet says everything, runs what atexit holds, and
waits for a thread still at work (villagebook/leaving.py)."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys

import pytest


def leaving(code: str, exit_code: str) -> subprocess.CompletedProcess:
    program = f"import sys\nfrom villagebook.leaving import leave\n{code}\nleave({exit_code})\n"
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}  # as a user's
    return subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=60, env=env)


def test_every_line_written_is_read_though_python_is_not_torn_down():
    done = leaving("for i in range(200_000):\n    print('第', i, '行')\n"
                   "print('错误', file=sys.stderr)", "0")
    lines = done.stdout.splitlines()
    assert len(lines) == 200_000 and lines[-1] == "第 199999 行"
    assert done.stderr == "错误\n" and done.returncode == 0


@pytest.mark.parametrize(("exit_code", "status", "said"), [
    ("None", 0, ""), ("2", 2, ""), ("'坏了'", 1, "坏了\n")])
def test_the_exit_code_is_the_commands(exit_code, status, said):
    done = leaving("", exit_code)
    assert (done.returncode, done.stderr) == (status, said)


def test_what_atexit_holds_still_runs():
    done = leaving("import atexit\natexit.register(print, '收尾')", "0")
    assert done.stdout == "收尾\n" and done.returncode == 0


def test_a_thread_at_work_is_waited_for(tmp_path):
    mark = tmp_path / "written"
    done = leaving("import threading, time, pathlib\n"
                   "def work():\n    time.sleep(0.3)\n"
                   f"    pathlib.Path({str(mark)!r}).write_text('done')\n"
                   "threading.Thread(target=work).start()", "3")
    assert mark.read_text() == "done" and done.returncode == 3


def test_a_recorded_entry_is_in_the_book_file_itself_when_the_command_is_done(book, db_path,
                                                                              tmp_path):
    """The book is closed before the quick way out: its -wal is folded in, so the file
    alone, carried away on a USB stick the moment the command is done, holds the entry."""
    book.close()
    done = subprocess.run([sys.executable, "-m", "villagebook", "record", "马少军", "labour",
                           "8", "--by", "杨秋云", "--db", str(db_path)],
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "马少军 +2 分" in done.stdout
    assert not db_path.with_name(db_path.name + "-wal").exists()
    carried = tmp_path / "usb.db"
    carried.write_bytes(db_path.read_bytes())
    conn = sqlite3.connect(carried)
    assert conn.execute("SELECT r.name, e.points_c FROM entries e JOIN residents r"
                        " ON r.id = e.resident_id").fetchall() == [("马少军", 200)]
    conn.close()


def test_ctrl_c_while_the_book_opens_leaves_it_whole(book, db_path):
    """Ctrl+C during the day's check (1-2 s on a village's book, at the day's first
    command) closes the book before the quick way out: no -wal left beside it."""
    book.close()
    program = ("import sys\nfrom villagebook import dailycheck\nfrom villagebook.cli import main\n"
               "def interrupted(conn, path):\n    raise KeyboardInterrupt\n"
               "dailycheck.ensure = interrupted\n"
               f"sys.argv = ['villagebook', 'tally', '--db', {str(db_path)!r}]\nmain()\n")
    done = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True,
                          timeout=120)
    assert done.returncode != 0 and "Traceback" not in done.stderr
    assert [p.name for p in db_path.parent.glob("book.db*")] == ["book.db"]


def test_no_console_at_all_is_no_failure():
    """pythonw on Windows, or stdout closed: there is nothing to flush."""
    done = leaving("sys.stdout = sys.stderr = None", "0")
    assert done.returncode == 0
