"""The day's quick_check of a big book runs aside (issue 14: a township's book takes
minutes to check, and nobody should wait for it at the day's first command), and a book
it finds damaged is refused from then on, until the file is replaced."""

from __future__ import annotations

import shutil
import sqlite3
import time

import pytest

from villagebook import dailycheck, entries, people
from villagebook.book import Book


@pytest.fixture
def big(monkeypatch):
    """Every book counts as big: its check goes to a process of its own."""
    monkeypatch.setattr(dailycheck, "INLINE_BYTES", 0)


def settled(path, timeout: float = 60.0) -> dict:
    """The check's result, once the process aside has written it."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        mark = dailycheck._read(path)
        if mark.get("result") in ("ok", "damaged"):
            return mark
        time.sleep(0.1)
    raise AssertionError("the check aside never said")


def spoil(path) -> None:
    """Garbage over pages 4-6 of the file, its header intact (a bad copy by hand)."""
    with open(path, "r+b") as file:
        file.seek(3 * 4096)
        file.write(bytes(range(256)) * 48)


def test_a_big_books_first_use_does_not_wait_for_the_check(book, db_path, big):
    book.close()
    dailycheck.forget(db_path)
    with Book.open(db_path) as opened:  # the check is started, not waited for
        assert dailycheck._read(db_path)["result"] in ("started", "ok")
        entries.record(opened, people.find_resident(opened, "马少军"), "labour", "8",
                       "杨秋云")
    assert settled(db_path)["result"] == "ok"


def test_a_big_book_found_damaged_aside_is_refused_until_it_is_replaced(
        book, db_path, tmp_path, big):
    for _ in range(24):  # pages enough that the garbage lands inside the book
        entries.record(book, people.find_resident(book, "马少军"), "labour", "1", "杨秋云",
                       again=True)
    book.close()
    sound = tmp_path / "sound.db"
    shutil.copy(db_path, sound)
    spoil(db_path)
    dailycheck.forget(db_path)
    conn = sqlite3.connect(db_path)
    dailycheck.ensure(conn, db_path)  # the day's first use goes on: the check is aside
    found = settled(db_path)
    assert found["result"] == "damaged" and found["why"]
    with pytest.raises(sqlite3.DatabaseError):
        dailycheck.ensure(conn, db_path)  # from now on, refused
    conn.close()
    shutil.copy(sound, db_path)  # put back (as restore does): checked again, sound
    conn = sqlite3.connect(db_path)
    dailycheck.ensure(conn, db_path)
    assert settled(db_path)["result"] == "ok"
    dailycheck.ensure(conn, db_path)
    conn.close()


def test_a_small_book_is_checked_before_anything_is_written(book, db_path, monkeypatch):
    book.close()
    dailycheck.forget(db_path)
    monkeypatch.setattr(dailycheck, "_start_aside", lambda path: pytest.fail("aside"))
    with Book.open(db_path):
        assert dailycheck._read(db_path)["result"] == "ok"


def test_a_state_folder_that_cannot_be_written_starts_no_check_at_all(book, db_path, big,
                                                                      monkeypatch):
    """Else every command would start one more four-minute check of a township's book."""
    book.close()
    dailycheck.forget(db_path)
    monkeypatch.setattr(dailycheck, "_write", lambda path, mark: False)
    monkeypatch.setattr(dailycheck, "_start_aside", lambda path: pytest.fail("started"))
    with Book.open(db_path):
        pass


def test_a_big_book_found_damaged_before_the_upgrade_stays_refused(book, db_path, big,
                                                                   monkeypatch):
    """The marks were named by sha256 of the book's path until 6 December 2026: a damaged
    mark under that name is still read, and moved to the new one, so no check aside lets
    a damaged township book be written to meanwhile."""
    import hashlib
    import json

    book.close()
    dailycheck.forget(db_path)
    where = str(db_path.resolve()).encode()
    old = dailycheck._mark_file(db_path).with_name(
        f"{hashlib.sha256(where).hexdigest()[:20]}.json")
    old.parent.mkdir(parents=True, exist_ok=True)
    old.write_text(json.dumps({"day": "2026-12-05", "result": "damaged", "why": "page 5",
                               "file": dailycheck._file_stamp(db_path)}), encoding="utf-8")
    monkeypatch.setattr(dailycheck, "_start_aside", lambda path: pytest.fail("trusted"))
    conn = sqlite3.connect(db_path)
    with pytest.raises(sqlite3.DatabaseError, match="page 5"):
        dailycheck.ensure(conn, db_path)
    conn.close()
    assert not old.exists() and dailycheck._mark_file(db_path).exists()
