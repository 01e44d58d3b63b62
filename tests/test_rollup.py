"""The roll-up (issue 14, point 2): points per resident and month written by SQLite in the
same statement as each entry and void, never drifting from the entries, and a roll-up
lifted behind the book's back named by check."""

from __future__ import annotations

import sqlite3
from datetime import timedelta

import pytest
from conftest import MONTH, TODAY, as_version, old_book_of_two
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from villagebook import entries, months, people, rollup, tally
from villagebook.book import Book
from villagebook.check import check

NAMES = ("马少军", "马洪云", "马淑婷", "马秋玲")
LAST = TODAY.replace(day=1) - timedelta(days=1)
LAST_MONTH = LAST.strftime("%Y-%m")


def fresh(book) -> dict:
    """What the entries add up to, by resident and month, the slow way."""
    return {(r, m): (p, n) for r, m, p, n in book.query(
        "SELECT resident_id, month, SUM(points_c), COUNT(*) FROM entries"
        " WHERE voided_at IS NULL GROUP BY resident_id, month")}


def kept(book) -> dict:
    return {(r, m): (p, n) for r, m, p, n in book.query(
        "SELECT resident_id, month, points_c, entries FROM rollup WHERE entries > 0")}


STEPS = st.lists(st.one_of(
    st.tuples(st.just("record"), st.sampled_from(NAMES), st.sampled_from(["labour", "goods"]),
              st.integers(1, 12), st.booleans()),
    st.tuples(st.just("void"), st.integers(0, 50)),
    st.tuples(st.just("final"), st.booleans()),
    st.tuples(st.just("late"), st.sampled_from(NAMES)),
    st.tuples(st.just("restore"),),
), min_size=1, max_size=25)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(steps=STEPS)
def test_the_rollup_is_always_what_the_entries_add_up_to(book, db_path, tmp_path, steps):
    """Records (this month and last), voids, a month finalized and reopened, late entries
    into a final month, a backup put back: after each, the roll-up equals a fresh GROUP BY
    and the standings equal the entries' own sums."""
    from villagebook import backup, restore

    saved = backup.backup(book, tmp_path / "bk", reason="test")
    for step in steps:
        try:
            if step[0] == "record":
                _, name, code, qty, last = step
                entries.record(book, people.find_resident(book, name), code, str(qty),
                               "杨秋云", day=LAST if last else TODAY, again=True)
            elif step[0] == "void":
                counting = [e for e in entries.entries_of(book) if not e.voided_at]
                if counting:
                    entries.void(book, counting[step[1] % len(counting)].id, "记错", "杨秋云")
            elif step[0] == "final":
                if months.status(book, LAST_MONTH).state == "final":
                    months.reopen(book, LAST_MONTH, "村委会", "补漏")
                else:
                    months.post(book, LAST_MONTH, "村委会")
                    months.finalize(book, LAST_MONTH, "村委会", "核对过")
            elif step[0] == "late":
                entries.record(book, people.find_resident(book, step[1]), "labour", "2",
                               "杨秋云", day=LAST, late=True, again=True)
            else:
                restore.restore(saved, db_path, "村委会")
                book.conn.close()
                book.__dict__.update(vars(Book.open(db_path)))
        except Exception as exc:  # a refusal (a cap, a final month): nothing written
            from villagebook.errors import BookError

            assert isinstance(exc, BookError), exc
        assert kept(book) == fresh(book)
    standing = {ln.resident_id: ln.points_c for ln in tally.standings(book).lines}
    assert standing == {r: p for r, p in book.query(
        "SELECT resident_id, SUM(points_c) FROM entries WHERE voided_at IS NULL"
        " GROUP BY resident_id")}
    through_last = tally.standings(book, through=LAST_MONTH)  # all time less this month
    assert {ln.resident_id: ln.points_c for ln in through_last.lines} == {
        r: p for r, p in book.query(
            "SELECT resident_id, SUM(points_c) FROM entries WHERE voided_at IS NULL"
            " AND month <= ? GROUP BY resident_id", (LAST_MONTH,))}
    assert rollup.problems(book) == []


YEAR = TODAY.strftime("%Y")
LIFTED = "的积分汇总和记录加起来不一样：汇总表被人绕过本程序改动过"


@pytest.mark.parametrize("table, said, named", [
    ("rollup_all", "all time", f"马秋玲 历年{LIFTED}"),
    ("rollup_year", "year", f"马秋玲 {YEAR} {LIFTED}"),
    ("rollup", "month", f"马秋玲 {MONTH} {LIFTED}"),
])
def test_a_rollup_lifted_behind_the_books_back_is_named(book, db_path, table, said, named):
    """The attack: with the sqlite3 tool, add 1,000 points to a relative's roll-up so the
    standings (or the month's sheet) put her first, leaving every entry and the log
    untouched."""
    entries.record(book, people.find_resident(book, "马少军"), "labour", "8", "杨秋云")
    entries.record(book, people.find_resident(book, "马秋玲"), "labour", "4", "杨秋云")
    raw = sqlite3.connect(db_path)
    raw.execute(f"UPDATE {table} SET points_c = points_c + 100000 WHERE resident_id ="
                " (SELECT id FROM residents WHERE name = '马秋玲')")
    raw.commit()
    raw.close()
    sheet = {"all time": lambda: tally.standings(book),
             "year": lambda: tally.standings(book, f"{YEAR}-01", f"{YEAR}-12"),
             "month": lambda: tally.month_sheet(book, MONTH)}[said]()
    assert sheet.lines[0].name == "马秋玲"  # what the attack was for
    assert [str(p) for p in check(book)] == [named]


def test_standings_of_any_span_add_whole_years_and_the_months_around_them(book):
    """2024-03..2026-02 is ten months of 2024, all of 2025 and two of 2026: the same sums
    as the entries of those months."""
    shaojun = people.find_resident(book, "马少军")
    with book.writing("测试", "test.load", "rollup") as conn:
        for month in ("2024-02", "2024-03", "2024-12", "2025-06", "2026-02", "2026-03"):
            conn.execute(entries.INSERT, {
                "id": f"e{month}", "resident_id": shaojun.id, "day": f"{month}-10",
                "month": month, "category": "goods", "quantity": "100", "points_c": 100,
                "rule": "", "note": "", "recorded_by": "杨秋云", "recorded_at": "x",
                "late": 0})
    for since, through, want in (("2024-03", "2026-02", 400), (None, None, 600),
                                 ("2024-04", "2024-11", None), ("2025-01", "2025-12", 100),
                                 (None, "2024-12", 300), ("2026-01", None, 200)):
        lines = tally.standings(book, since=since, through=through).lines
        assert (lines[0].points_c if lines else None) == want, (since, through)


def test_a_book_from_v8_gets_its_all_time_rollup_filled(db_path, monkeypatch):
    """A book of schema v8 opens as v9 with all time made from its years."""
    old_book_of_two(monkeypatch, db_path, 8)
    with Book.open_readonly(db_path) as old:
        assert not old.one("SELECT 1 FROM sqlite_master WHERE name = 'rollup_all'")
    with Book.open(db_path) as new:
        assert check(new) == []
        assert [(ln.name, ln.points_c) for ln in tally.standings(new).lines] == [
            ("马少军", 200), ("马秋玲", 100)]


def test_a_book_from_before_gets_its_rollup_filled(db_path, monkeypatch):
    """A book of schema v7 with entries opens as v8 with its roll-up made from them."""
    as_version(monkeypatch, 7)
    with Book.create(db_path, "夹矿马家村", actor="测试") as old:
        people.add_gatherer(old, "杨秋云", "东片")
        people.add_resident(old, "马少军", "马家3户", "东片")
        entries.record(old, people.find_resident(old, "马少军"), "labour", "8", "杨秋云")
        assert not old.one("SELECT 1 FROM sqlite_master WHERE name = 'rollup'")
    monkeypatch.undo()
    with Book.open(db_path) as new:
        assert kept(new) == fresh(new) != {} and check(new) == []
        assert tally.standings(new).lines[0].points_c == 200
