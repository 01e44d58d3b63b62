"""Any console (issue 12, point 7): a GBK or ASCII console never crashes the output, and
bytes that are not text in an argument get one line, not an internal error."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from villagebook import entries, people


def villagebook(args, tmp_path, encoding: str | None = None):
    env = {**os.environ, "VILLAGEBOOK_STATE_DIR": str(tmp_path / "state"),
           "VILLAGEBOOK_BACKUP_DIR": str(tmp_path / "backups")}
    if encoding:
        env["PYTHONIOENCODING"] = encoding
    return subprocess.run([sys.executable, "-m", "villagebook", *args], env=env,
                          capture_output=True, timeout=120)


@pytest.fixture
def rare_name(book):
    """刘䶮: 䶮 is in the font and in GB18030, not in GBK."""
    liu = people.add_resident(book, "刘䶮", "刘家1户", "东片")
    entries.record(book, liu, "labour", "8", "杨秋云")
    return book


# an ASCII console: click takes it for a misconfigured one and writes UTF-8 (its docs)
@pytest.mark.parametrize("encoding, written, shown", [("gbk", "gbk", "刘?"),
                                                      ("ascii", "utf-8", "刘䶮")])
def test_a_console_that_cannot_show_a_character_still_gets_the_sheet(
        rare_name, db_path, tmp_path, encoding, written, shown):
    done = villagebook(["tally", "--db", str(db_path)], tmp_path, encoding)
    assert done.returncode == 0, done.stderr.decode(written, "replace")
    out = done.stdout.decode(written)
    assert shown in out and "2.00" in out


def test_a_gbk_console_still_records_and_says_so(rare_name, db_path, tmp_path):
    done = villagebook(["record", "刘䶮", "labour", "4", "--db", str(db_path)], tmp_path,
                       "gbk")
    assert done.returncode == 0
    assert done.stdout.decode("gbk").startswith("刘? +1 分")
    assert len([e for e in entries.entries_of(rare_name) if e.resident_name == "刘䶮"]) == 2


@pytest.mark.skipif(sys.platform == "win32", reason="Windows passes arguments as text")
def test_bytes_that_are_not_text_in_an_argument_get_one_line(book, db_path, tmp_path):
    before = len(entries.entries_of(book))
    done = subprocess.run([sys.executable.encode(), b"-m", b"villagebook", b"record",
                           b"\xc2\xed\xc9\xd9", b"labour", b"8", b"--db",
                           str(db_path).encode()],
                          capture_output=True, timeout=120,
                          env={**os.environ, "LC_ALL": "C.UTF-8",
                               "VILLAGEBOOK_STATE_DIR": str(tmp_path / "state")})
    said = done.stderr.decode("utf-8")
    assert done.returncode == 2 and said.count("\n") == 1
    assert said.startswith("第 2 个参数不是能读的文字（") and "没有保存任何内容" in said
    assert len(entries.entries_of(book)) == before
