"""The committee PIN: six digits or more; its wrong tries are lines of the book's log, so
the pause holds on any laptop, whatever files are deleted, and tries made at once wait."""

import threading
from datetime import datetime, timedelta

import pytest

from villagebook import committee
from villagebook.book import Book
from villagebook.errors import BookError


@pytest.fixture
def guarded(book):
    committee.set_pin(book, "246810", "村委会")
    return book


def wrong_lines(book) -> int:
    return book.one("SELECT COUNT(*) FROM audit WHERE action = 'committee.pin_wrong'")[0]


class TestPin:
    @pytest.mark.parametrize("pin", ["2468", "12345", "abcdef", "１２３４５６", ""])
    def test_a_pin_is_at_least_six_digits(self, book, pin):
        with pytest.raises(BookError) as refused:
            committee.set_pin(book, pin, "村委会")
        assert str(refused.value) == "村委会密码要用 6 位以上的数字"
        assert not committee.is_set(book)

    def test_three_wrong_tries_pause_even_the_right_pin_and_are_in_the_log(self, guarded):
        for _ in range(3):
            with pytest.raises(BookError) as refused:
                committee.check(guarded, "111111")
            assert refused.value.key == "pin.wrong"
        with pytest.raises(BookError) as paused:
            committee.check(guarded, "246810")
        assert paused.value.key == "pin.paused" and 55 <= paused.value.values["seconds"] <= 60
        assert wrong_lines(guarded) == 3

    def test_deleting_the_laptops_files_changes_nothing(self, guarded, tmp_path):
        import shutil

        for _ in range(3):
            with pytest.raises(BookError):
                committee.check(guarded, "111111")
        shutil.rmtree(tmp_path / "state", ignore_errors=True)
        with pytest.raises(BookError) as paused:
            committee.check(guarded, "246810")
        assert paused.value.key == "pin.paused"

    def test_the_pause_doubles_with_every_three_more(self, guarded):
        from villagebook import committee as c

        now = datetime.now()
        with guarded.writing("x", "", ""):
            for _ in range(6):
                guarded.audit("x", c.WRONG, "committee", {})
        assert c.pause_left(guarded.conn, now) in range(115, 121)
        assert c.pause_left(guarded.conn, now + timedelta(seconds=121)) == 0

    def test_twelve_wrong_tries_at_once_are_taken_one_at_a_time(self, guarded, db_path):
        results, start = [], threading.Barrier(12)

        def attempt():
            with Book.open(db_path) as mine:
                start.wait()
                try:
                    committee.check(mine, "111111")
                except BookError as exc:
                    results.append(exc.key)

        threads = [threading.Thread(target=attempt) for _ in range(12)]
        for th in threads:
            th.start()
        for th in threads:
            th.join()
        assert sorted(results) == ["pin.paused"] * 9 + ["pin.wrong"] * 3
        assert wrong_lines(guarded) == 3

    def test_the_right_pin_passes_and_writes_nothing(self, guarded):
        before = guarded.one("SELECT COUNT(*) FROM audit")[0]
        committee.check(guarded, "246810")
        assert guarded.one("SELECT COUNT(*) FROM audit")[0] == before
