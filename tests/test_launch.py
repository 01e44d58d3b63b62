"""A bare `villagebook` at a terminal opens the gatherer's screen without click (issue 14:
its first frame < 0.35 s); every other command line, and any trouble before the screen is
up, is the full command line's, worded as it always was (villagebook/launch.py)."""

from __future__ import annotations

import os
import select
import sys
import time

import pytest

from villagebook import i18n, laptop, launch, opening

HINTS = "↑↓选人".encode()  # the record screen's key line: the screen is up


def at_a_terminal(program: str, until: bytes | None, keys: bytes = b"\x11",
                  timeout: float = 60) -> tuple[int, str]:
    """Run `python -c program` in an 80x24 pseudo-terminal; once `until` has been shown,
    type `keys` (Ctrl+Q). Its exit code and all it wrote."""
    pty = pytest.importorskip("pty")
    import fcntl
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # the child: a terminal of 80x24
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        os.execv(sys.executable, [sys.executable, "-c", program])
    seen, typed, t0 = b"", until is None, time.monotonic()
    while time.monotonic() - t0 < timeout and select.select([fd], [], [], timeout)[0]:
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the child has gone
            break
        if not chunk:
            break
        seen += chunk
        if not typed and until in seen:
            os.write(fd, keys)
            typed = True
    if not typed or time.monotonic() - t0 >= timeout:  # never hang the suite
        os.kill(pid, 9)
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    return os.waitstatus_to_exitcode(status), seen.decode("utf-8", "replace")


def not_the_full_command_line(marker) -> str:
    """Code that makes the full command line leave a mark (and exit 9) if it is run."""
    return ("import villagebook.cli as full\n"
            f"full.command_line = lambda: open({str(marker)!r}, 'w').write('full') and 9\n")


def launched(args: list[str], modules_to, before: str = "") -> str:
    """The console script's main with `args`; the modules it loaded written to a file."""
    return ("import atexit, sys\n"
            f"atexit.register(lambda: open({str(modules_to)!r}, 'w').write("
            "' '.join(sorted(sys.modules))))\n"
            f"{before}\nfrom villagebook.launch import main\n"
            f"sys.argv = ['villagebook', *{args!r}]\nmain()\n")


@pytest.fixture
def remembered(book, db_path):
    laptop.remember_gatherer(db_path, "杨秋云", "ui")
    book.close()
    return db_path


def test_the_screen_opens_and_closes_without_click(remembered, tmp_path):
    loaded = tmp_path / "modules.txt"
    code, shown = at_a_terminal(launched(["--db", str(remembered)], loaded), HINTS)
    assert code == 0, shown
    modules = set(loaded.read_text().split())
    assert "villagebook.tui.app" in modules and "click" not in modules
    assert not remembered.with_name(remembered.name + "-wal").exists()


def test_a_book_that_cannot_be_opened_is_said_as_the_command_line_says_it(tmp_path):
    junk, full = tmp_path / "junk.db", tmp_path / "full.txt"
    junk.write_bytes(b"not a book at all" * 100)
    code, shown = at_a_terminal(launched(["--db", str(junk)], tmp_path / "m.txt",
                                         before=not_the_full_command_line(full)), None)
    assert code == 1 and not full.exists()
    assert f"错误：{junk} 不是积分簿文件" in shown.replace("\r\n", "") and "Traceback" not in shown


def test_ctrl_c_while_the_days_check_runs_is_said_and_leaves_the_book_whole(
        remembered, tmp_path):
    full = tmp_path / "full.txt"
    interrupted = not_the_full_command_line(full) + ("from villagebook import dailycheck\n"
                   "def interrupted(conn, path):\n    raise KeyboardInterrupt\n"
                   "dailycheck.ensure = interrupted\n")
    code, shown = at_a_terminal(launched(["--db", str(remembered)], tmp_path / "m.txt",
                                         before=interrupted), None)
    assert code == 1 and "已取消。" in shown and "Traceback" not in shown
    assert not full.exists()
    assert [p.name for p in remembered.parent.glob("book.db*")] == ["book.db"]


class FakeScreen:
    """The app as launch runs it: what it was given, and a fault to close on."""

    made: list = []

    def __init__(self, book, notice=""):
        self.book, self.notice, self.crash_note = book, notice, ""
        FakeScreen.made.append(self)

    def run(self):
        self.lang = i18n.get_lang()
        self.crash_note = "屏幕出错了"


@pytest.fixture
def at_terminal(monkeypatch):
    monkeypatch.setattr(opening, "has_terminal", lambda: True)


def test_a_fault_of_the_screen_is_one_line_in_the_language_asked(
        remembered, at_terminal, monkeypatch, capsys):
    import villagebook.tui.app

    monkeypatch.setattr(villagebook.tui.app, "make_app", FakeScreen)
    FakeScreen.made.clear()
    assert launch.run(["--lang", "en", "--db", str(remembered)]) == 1
    (screen,) = FakeScreen.made
    assert screen.lang == "en" and screen.notice == ""
    assert capsys.readouterr().err == "Error: 屏幕出错了\n"


@pytest.mark.parametrize("args, env, asked", [
    (["--db", "{db}"], {}, ("{db}", None)),
    (["--db={db}", "--lang=en"], {}, ("{db}", "en")),
    (["--lang", "zh", "--db", "{db}"], {}, ("{db}", "zh")),
    ([], {"VILLAGEBOOK_DB": "{db}"}, ("{db}", None)),
    ([], {"VILLAGEBOOK_DB": "{db}", "VILLAGEBOOK_LANG": "en"}, ("{db}", "en")),
    (["--db", "{db}"], {"VILLAGEBOOK_DB": "{missing}"}, ("{db}", None)),
    # the full command line's: it parses, refuses or words these
    ([], {"VILLAGEBOOK_DB": "{missing}"}, None),
    (["--db", "{missing}"], {}, None),
    (["--db", "{folder}"], {}, None),
    (["--db", ""], {}, None),
    (["--db"], {}, None),
    (["--db", "{db}", "--db", "{db}"], {}, None),
    (["--lang", "fr", "--db", "{db}"], {}, None),
    (["--db", "{db}"], {"VILLAGEBOOK_LANG": "fr"}, None),
    (["--help"], {}, None),
    (["--version"], {}, None),
    (["tally", "--db", "{db}"], {}, None),
    (["--db", "{db}", "tally"], {}, None),
    (["--lang=", "--db", "{db}"], {"VILLAGEBOOK_LANG": "en"}, None),
    (["--lang", "", "--db", "{db}"], {}, None),
    (["--db", "{db}", "--lang", "\udcff"], {}, None),  # bytes the console could not read
], ids=lambda v: " ".join(v) if isinstance(v, list) else None)
def test_only_a_bare_screen_is_taken_without_click(
        remembered, at_terminal, monkeypatch, tmp_path, args, env, asked):
    names = {"db": str(remembered), "missing": str(tmp_path / "none.db"),
             "folder": str(tmp_path)}
    for key, value in env.items():
        monkeypatch.setenv(key, value.format(**names))
    args = [a.format(**names) for a in args]
    want = None if asked is None else (type(remembered)(asked[0].format(**names)), asked[1])
    assert launch.screen_asked(args) == want


def test_not_at_a_terminal_it_is_the_full_command_line(remembered, monkeypatch):
    monkeypatch.setattr(opening, "has_terminal", lambda: False)
    assert launch.screen_asked(["--db", str(remembered)]) is None


@pytest.fixture
def full_command_line(monkeypatch):
    """The full command line, replaced by a mark: was it asked?"""
    import villagebook.cli

    asked = []
    monkeypatch.setattr(villagebook.cli, "command_line", lambda: asked.append(1) or "full")
    return asked


def test_a_busy_book_is_said_once_not_waited_for_twice(
        remembered, at_terminal, full_command_line, monkeypatch, capsys):
    import sqlite3

    from villagebook import book as book_module

    connect = book_module._connect
    monkeypatch.setattr(book_module, "_connect", lambda path: (
        conn := connect(path)).execute("PRAGMA busy_timeout = 100") and conn)
    holder = sqlite3.connect(remembered, isolation_level=None)
    holder.execute("PRAGMA locking_mode = EXCLUSIVE")
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert launch.run(["--db", str(remembered)]) == 1
    finally:
        holder.close()
    said = capsys.readouterr().err.splitlines()
    assert len(said) == 1 and not full_command_line
    assert said[0].startswith("错误：") and "正被另一个程序写入，请稍后再试" in said[0]


@pytest.mark.parametrize("trouble", ["no stdin", "a name too long"])
def test_what_the_launcher_cannot_look_at_goes_to_the_full_command_line(
        remembered, full_command_line, monkeypatch, tmp_path, trouble):
    if trouble == "no stdin":  # pythonw, a shortcut on Windows, `<&-`
        monkeypatch.setattr(sys, "stdin", None)
        args = ["--db", str(remembered)]
    else:
        monkeypatch.setattr(opening, "has_terminal", lambda: True)
        args = ["--db", str(tmp_path / ("长" * 300 + ".db"))]
    assert launch.run(args) == "full" and full_command_line == [1]
