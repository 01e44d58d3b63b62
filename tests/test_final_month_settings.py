"""A final month never changes: the settings in force when it became final stay with it,
so its board, sheet, slips and notice print again byte for byte after any change."""

from __future__ import annotations

import io
import sqlite3
from datetime import timedelta

import pytest
from conftest import MONTH, TODAY, as_version
from pypdf import PdfReader

from reports import publish
from villagebook import entries, months, people, settings, tally
from villagebook.book import Book
from villagebook.check import check
from villagebook.history import Head

LAST = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=10)
LAST_MONTH = LAST.strftime("%Y-%m")
PAPER = Head(7, "ab" * 32)  # one fingerprint for every print, so bytes can be compared
KINDS = ("board", "sheet", "slips", "notice")


def rec(book, name, qty, day):
    """Goods worth qty yuan: 1 point per 100 yuan, no cap."""
    return entries.record(book, people.find_resident(book, name), "goods", qty, "杨秋云",
                          day=day)


@pytest.fixture
def finalized(book):
    rec(book, "马少军", "700", LAST)  # 7 points: 1 flag and 1 star at 1 point a star
    rec(book, "马少军", "700", TODAY)
    months.post(book, LAST_MONTH, "村委会")
    months.finalize(book, LAST_MONTH, "村委会", "全村已核对")
    return book


def printed(book, kind, month):
    return publish.render(book, kind, month, mark=PAPER)[0]


def text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def test_a_final_months_printouts_do_not_change_when_the_settings_do(finalized, run):
    before = {kind: printed(finalized, kind, LAST_MONTH) for kind in KINDS}
    open_before = printed(finalized, "board", MONTH)
    for key, value in (("points_per_star", "2"), ("stars_per_flag", "3"),
                       ("village", "新名字村"), ("notice_place", "祠堂门口")):
        out = run("settings", "set", key, value)
        assert out.exit_code == 0
        assert f"已定稿的月份（到 {LAST_MONTH} 为止）照旧按定稿时的设置打印" in out.output
    for kind in KINDS:
        assert printed(finalized, kind, LAST_MONTH) == before[kind], kind
    now_open = printed(finalized, "board", MONTH)
    assert now_open != open_before and "新名字村" in text(now_open)
    assert "2 分" in text(now_open) and "新名字村" not in text(before["board"])


def test_the_tally_of_a_final_month_keeps_its_stars_and_flags(finalized):
    settings.set_value(finalized, "points_per_star", "2")
    kept = tally.month_sheet(finalized, LAST_MONTH).lines[0]
    now = tally.month_sheet(finalized, MONTH).lines[0]
    assert (kept.flags, kept.loose_stars) == (1, 1)  # 7 stars at 1 point each
    assert (now.flags, now.loose_stars) == (0, 3)  # 3 stars at 2 points each
    year = tally.standings(finalized, f"{LAST_MONTH[:4]}-01", LAST_MONTH).lines[0]
    assert (year.flags, year.loose_stars) == (1, 1)  # a period ending in a final month
    assert check(finalized) == []


def test_reopened_and_finalized_again_it_takes_the_settings_of_then(finalized):
    settings.set_value(finalized, "points_per_star", "7")
    months.reopen(finalized, LAST_MONTH, "村委会", "漏了一户")
    months.post(finalized, LAST_MONTH, "村委会")
    months.finalize(finalized, LAST_MONTH, "村委会", "再次核对")
    line = tally.month_sheet(finalized, LAST_MONTH).lines[0]
    assert (line.stars, line.flags) == (1, 0)
    assert check(finalized) == []


def test_a_final_months_settings_are_guarded_and_checked(finalized, db_path):
    raw = sqlite3.connect(db_path, isolation_level=None)
    for sql in ("UPDATE month_settings SET settings = '{}'", "DELETE FROM month_settings"):
        with pytest.raises(sqlite3.IntegrityError):
            raw.execute(sql)
    guard = raw.execute("SELECT sql FROM sqlite_master WHERE name = 'month_settings_fixed'"
                        ).fetchone()[0]
    raw.execute("DROP TRIGGER month_settings_fixed")
    raw.execute("UPDATE month_settings SET settings = json_set(settings,"
                " '$.points_per_star', '0.5')")
    raw.execute(guard)
    assert [str(p) for p in check(finalized)][0].startswith(
        f"定稿月份的设置“{LAST_MONTH}”和日志（第")


def test_an_older_book_keeps_the_settings_its_final_months_were_finalized_under(
        tmp_path, monkeypatch):
    path = tmp_path / "v5.db"
    as_version(monkeypatch, 5)
    with Book.create(path, "老村") as old:
        people.add_gatherer(old, "杨秋云", "东片")
        people.add_resident(old, "马少军", "马家3户", "东片")
        settings.set_value(old, "stars_per_flag", "5")
        rec(old, "马少军", "700", LAST)
        months.post(old, LAST_MONTH, "村委会")
        months.finalize(old, LAST_MONTH, "村委会", "全村已核对")
        settings.set_value(old, "stars_per_flag", "3")  # changed after: the old book's
        settings.set_value(old, "village", "新村")  # board of that month changed with it
    monkeypatch.undo()
    with Book.open(path) as new:
        kept = settings.load(new, LAST_MONTH)
        assert (kept.stars_per_flag, kept.village) == (5, "老村")
        assert settings.load(new).stars_per_flag == 3
        assert check(new) == []
