"""Resident search reads a prefix range of an index and stops (issue 14): every statement
it runs is planned on an index, never a scan of the residents, and what it returns is
exactly what ranking every resident of the book would give."""

from __future__ import annotations

import itertools

import pytest

from villagebook import people, roster
from villagebook.readings import fold

SURNAMES = "马单曾张石宋"
GIVEN = "少军杰君淑建天田芳福小红"


@pytest.fixture
def crowd(book):
    """The reference book and 400 more: many share initials (msj, stf), names (马少军 in
    several households), surname readings (单 dan/shan, 曾 ceng/zeng); a few retired."""
    names = ["".join(p) for p in itertools.product(SURNAMES, GIVEN, GIVEN)][:390]
    names += ["马少军"] * 6 + ["单", "马", "Anna", "anna"]
    with book.writing("测试", "residents.import", "crowd") as conn:
        for n, name in enumerate(names):
            people.insert_resident(conn, people.new_resident_row(name, f"{name[0]}家{n}户"))
    for rid, in book.query("SELECT id FROM residents WHERE rowid % 29 = 0"
                           " OR household IN ('马家390户', '马家391户')"):
        roster.retire(book, people.get_resident(book, rid), "搬走", "测试")
    return book


def ranked(book, query: str, limit: int, active_only: bool = True) -> list[str]:
    """The search by its definition, over every resident and every reading: exact name,
    initials, pinyin, then prefixes of each, each by its own value, ties by pinyin."""
    query = query.strip()
    key = people._ascii_key(query)
    values = {r["id"]: [(0, r["name"])] for r in book.query("SELECT id, name FROM residents")}
    for rid, pinyin, initials in book.query("SELECT * FROM resident_keys"):
        values[rid] += [(1, initials), (2, pinyin)]
    best = {}
    for rid, found in values.items():
        for order, value in found:
            prefix = query if order == 0 else key
            if prefix and fold(value).startswith(fold(prefix)):
                rank = (order if fold(value) == fold(prefix) else order + 3, fold(value))
                best[rid] = min(best.get(rid, rank), rank)
    rows = [r for r in book.query("SELECT rowid, * FROM residents") if r["id"] in best
            and (r["active"] or not active_only)]
    rows.sort(key=lambda r: (*best[r["id"]], r["pinyin"], r["rowid"]))
    return [r["name"] + r["household"] for r in rows[:limit]]


QUERIES = ["m", "ms", "msj", "mashao", "mashaojun", "马", "马少", "马少军", "s", "st", "stf",
           "shan", "dan", "ceng", "zeng", "zhang x", "Ma Shao", "a", "ANNA", "单", "单田",
           "q", "%", "_", "x'", "马%"]


@pytest.mark.parametrize("query", QUERIES)
@pytest.mark.parametrize("limit", [1, 3, 9, 40])
def test_the_search_is_the_ranking_of_every_resident(crowd, query, limit):
    found = people.search(crowd, query, limit=limit)
    assert [r.name + r.household for r in found] == ranked(crowd, query, limit)


@pytest.mark.parametrize("query", ["m", "msj", "马少"])
def test_retired_residents_only_when_asked(crowd, query):
    every = people.search(crowd, query, limit=500, active_only=False)
    assert [r.name + r.household for r in every] == ranked(crowd, query, 500, False)
    assert any(not r.active for r in every)
    assert all(r.active for r in people.search(crowd, query, limit=500))


def test_exact_matches_come_first(crowd):
    found = people.search(crowd, "msj", limit=9)
    assert [r.initials for r in found] == ["msj"] * 9
    assert people.search(crowd, "马少军", limit=9)[0].name == "马少军"
    assert {r.name for r in people.search(crowd, "mashaojun", limit=9)} == {"马少军", "马少君"}


def plans(book, run) -> list[list[str]]:
    """The query plan of every SELECT that `run` sends to SQLite."""
    sent: list[str] = []
    book.conn.set_trace_callback(sent.append)
    try:
        run()
    finally:
        book.conn.set_trace_callback(None)
    return [[row[3] for row in book.conn.execute("EXPLAIN QUERY PLAN " + sql)]
            for sql in sent if sql.lstrip().upper().startswith("SELECT")]


@pytest.mark.parametrize("query", ["m", "msj", "mashaojun", "马少", "stf", "zeng"])
def test_every_statement_of_a_search_is_planned_on_an_index(crowd, query):
    assert crowd.one("SELECT COUNT(*) FROM sqlite_master WHERE name = 'sqlite_stat1'")[0] == 0
    found = plans(crowd, lambda: people.search(crowd, query, limit=9))
    assert len(found) >= 3
    for plan in found:
        assert not [line for line in plan if line.startswith("SCAN") and "json_each" not in line]
        assert any("USING" in line and "INDEX" in line for line in plan), plan
