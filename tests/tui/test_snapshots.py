"""Each screen at 80x24, as a picture (pytest-textual-snapshot). Chinese, and one English.

The book is made with a fixed clock and fixed ids so the pictures do not change by day.
Update them with `pytest tests/tui/test_snapshots.py --snapshot-update` and look at them.
"""

import uuid
from datetime import date

import pytest

from villagebook import book as book_module
from villagebook import entries, months, people
from villagebook.book import Book
from villagebook.tui.app import make_app

DAY = date(2026, 11, 23)
RESIDENTS = [
    ("马少军", "马家3户", "东片"),
    ("马洪云", "马家5户", "东片"),
    ("马淑婷", "马家8户", "西片"),
    ("马秋玲", "马家8户", "西片"),
    ("欧阳秀英", "欧阳家1户", "南片"),
]


@pytest.fixture
def fixed_book(tmp_path, monkeypatch):
    counter = iter(range(1, 10_000))
    monkeypatch.setattr(uuid, "uuid4", lambda: uuid.UUID(int=next(counter) * 0x1F2E3D4C5B6A))
    for module in (entries, people, months):  # row ids (villagebook.ids), from the same count
        monkeypatch.setattr(module, "new_id", lambda: uuid.uuid4().hex)
    clock = lambda: "2026-11-23T09:30:00"  # noqa: E731
    for module in (book_module, entries, people):
        monkeypatch.setattr(module, "now", clock)
    with Book.create(tmp_path / "snap.db", "夹矿马家村", actor="测试") as b:
        people.add_gatherer(b, "杨秋云", "东片")
        for name, household, corner in RESIDENTS:
            people.add_resident(b, name, household, corner)
        for name, code, qty, day in (("马少军", "labour", "8", "2026-11-03"),
                                     ("马洪云", "goods", "3000", "2026-11-05"),
                                     ("马淑婷", "recognition", None, "2026-11-10"),
                                     ("马秋玲", "recognition", None, "2026-11-10"),
                                     ("欧阳秀英", "labour", "44", None)):
            who = people.find_resident(b, name)
            if qty == "44":
                for day in ("2026-11-20", "2026-11-21"):  # 24 hours a day at most
                    entries.record(b, who, code, "22", "杨秋云", day=day, today=DAY)
            else:
                entries.record(b, who, code, qty, "杨秋云", day=day, today=DAY)
        yield b


def app_for(book, lang="zh"):
    return make_app(book, gatherer="杨秋云", today=DAY, lang=lang)


@pytest.mark.parametrize("keys", [
    pytest.param(["m", "s", "j", "enter", "1", "8"], id="record"),
    pytest.param(["f2"], id="residents"),
    pytest.param(["f3"], id="sheet"),
    pytest.param(["f4"], id="board"),
    pytest.param(["f5"], id="catalogue"),
    pytest.param(["f6"], id="log"),
    pytest.param(["f7"], id="paper"),
])
def test_screen_in_chinese(snap_compare, fixed_book, keys):
    assert snap_compare(app_for(fixed_book), press=keys, terminal_size=(80, 24))


def test_record_screen_in_english(snap_compare, fixed_book):
    assert snap_compare(app_for(fixed_book, "en"), press=["m", "h", "y", "enter", "3"],
                        terminal_size=(80, 24))
