"""Surnames read otherwise than the character usually is (单 shan, 曾 zeng, 万俟 moqi):
a resident is found by the surname's reading as well as by the ordinary one."""

import sqlite3

import pytest
from conftest import as_version
from pypinyin import Style, pinyin

from villagebook import book as book_module
from villagebook import csvio, people, readings
from villagebook.book import Book
from villagebook.check import check
from villagebook.errors import BookError

# name, queries that must find them (surname reading, ordinary reading)
CASES = [
    ("单田芳", ["stf", "shantianfang", "shan tian fang", "dtf", "dantianfang", "Shan Tianfang"]),
    ("曾小红", ["zxh", "zengxiaohong", "cxh", "cengxiaohong"]),
    ("解晓东", ["xxd", "xiexiaodong", "jxd"]),
    ("仇大海", ["qdh", "qiudahai", "cdh"]),
    ("区志坚", ["ozj", "ouzhijian", "qzj"]),
    ("朴正华", ["pzh", "piaozhenghua"]),
    ("查良镛", ["zly", "zhaliangyong", "cly"]),
    ("盖小宝", ["gxb", "gexiaobao"]),
    ("种师道", ["csd", "chongshidao", "zsd"]),
    ("万俟小明", ["mqxm", "moqixiaoming"]),
    ("尉迟恭", ["ycg", "yuchigong"]),
    ("单于文", ["cyw", "chanyuwen", "syw"]),
]


@pytest.fixture
def village(book):
    for name, _ in CASES:
        people.add_resident(book, name, f"{name}家", "南片")
    return book


@pytest.mark.parametrize(("name", "query"), [(n, q) for n, qs in CASES for q in qs])
def test_search_finds_every_reading_of_the_surname(village, name, query):
    assert name in [r.name for r in people.search(village, query)]


@pytest.mark.parametrize("query", ["st", "shant", "shan tian", "单田"])
def test_search_finds_them_by_a_prefix_too(village, query):
    assert [r.name for r in people.search(village, query)] == ["单田芳"]


@pytest.mark.parametrize(("name", "query"), [(n, q) for n, qs in CASES for q in qs])
def test_find_resident_names_them_uniquely(village, name, query):
    assert people.find_resident(village, query).name == name


def test_an_exact_surname_reading_ranks_first(village):
    people.add_resident(village, "石天福", "石家", "南片")  # shi tian fu: also stf
    people.add_resident(village, "宋天福军", "宋家", "南片")  # stfj: starts with stf
    found = [r.name for r in people.search(village, "stf")]
    assert set(found[:2]) == {"单田芳", "石天福"} and found[2:] == ["宋天福军"]
    assert [r.name for r in people.search(village, "shantianfang")][0] == "单田芳"


def test_an_ambiguous_reading_is_refused_with_the_candidates(village):
    people.add_resident(village, "石天福", "石家", "南片")
    with pytest.raises(BookError) as refused:
        people.find_resident(village, "stf")
    assert refused.value.key == "resident.ambiguous"
    assert "单田芳" in str(refused.value) and "石天福" in str(refused.value)
    assert people.find_resident(village, "dtf").name == "单田芳"


def test_the_ordinary_reading_stays_the_residents_own(village):
    shan = people.find_resident(village, "stf")
    assert (shan.pinyin, shan.initials) == ("dantianfang", "dtf")


def test_the_cli_records_by_the_surname_reading(run, village):
    out = run("record", "stf", "labour", "8", "--by", "杨秋云")
    assert out.exit_code == 0, out.output
    assert out.output.startswith("单田芳 +2 分")
    assert run("record", "zxh", "labour", "4").output.startswith("曾小红 +1 分")
    assert run("record", "mqxm", "labour", "4").output.startswith("万俟小明 +1 分")


def test_the_cli_refuses_an_ambiguous_reading(run, village, db_path):
    people.add_resident(village, "石天福", "石家", "南片")
    out = run("record", "stf", "labour", "8", "--by", "杨秋云")
    assert out.exit_code != 0
    assert "不止一人" in out.output and "单田芳" in out.output and "石天福" in out.output
    assert village.one("SELECT COUNT(*) FROM entries")[0] == 0


def test_an_edit_reindexes(village):
    shan = people.find_resident(village, "stf")
    people.update_resident(village, shan.id, "马田芳", shan.household, shan.corner, True)
    assert people.find_resident(village, "mtf").id == shan.id
    assert "马田芳" not in [r.name for r in people.search(village, "stf")]
    people.update_resident(village, shan.id, "曾田芳", shan.household, shan.corner, True)
    assert people.find_resident(village, "ztf").id == shan.id
    assert people.find_resident(village, "ctf").id == shan.id
    keys = village.query("SELECT pinyin FROM resident_keys WHERE resident_id = ? ORDER BY 1",
                         (shan.id,))
    assert [k[0] for k in keys] == ["cengtianfang", "zengtianfang"]


def test_a_csv_import_indexes_every_reading(run, book, tmp_path):
    path = tmp_path / "people.csv"
    path.write_text("姓名,户,片区\n单田芳,单家,南片\n朴正华,朴家,北片\n", encoding="gbk")
    assert csvio.import_residents(book, path) == (2, 0)
    assert people.find_resident(book, "stf").name == "单田芳"
    assert people.find_resident(book, "piaozhenghua").name == "朴正华"
    assert check(book) == []


def test_a_version_2_book_is_indexed_when_opened(tmp_path, monkeypatch):
    path = tmp_path / "v2.db"
    as_version(monkeypatch, 2)
    with Book.create(path, "老村") as old:
        for i, name in enumerate(("单田芳", "曾小红", "马少军", "万俟小明")):
            ordinary, initials = readings.romanize(name)
            old.conn.execute(  # as version 2 wrote residents: no search keys
                "INSERT INTO residents (id, name, pinyin, initials, created_at)"
                " VALUES (?, ?, ?, ?, 'then')", (f"r{i}", name, ordinary, initials))
        assert old.one("PRAGMA user_version")[0] == 2
    monkeypatch.undo()
    with Book.open(path) as new:
        assert new.one("PRAGMA user_version")[0] == book_module.SCHEMA_VERSION
        assert people.find_resident(new, "stf").id == "r0"
        assert people.find_resident(new, "zxh").id == "r1"
        assert people.find_resident(new, "msj").id == "r2"
        assert people.find_resident(new, "moqixiaoming").id == "r3"
        assert [r.name for r in people.search(new, "shan")] == ["单田芳"]
        assert check(new) == []


def test_check_names_residents_written_behind_the_books_back(book):
    book.conn.execute("INSERT INTO residents (id, name, created_at) VALUES ('x', '单田芳', 'now')")
    assert [p.key for p in check(book)] == ["check.unindexed", "check.row_unlogged"]


def test_search_uses_the_indexes(village):
    plan = " ".join(str(tuple(r)) for r in village.query(
        "EXPLAIN QUERY PLAN SELECT resident_id FROM resident_keys WHERE initials LIKE 'st%'"
        " UNION ALL SELECT resident_id FROM resident_keys WHERE pinyin LIKE 'sh%'"
        " UNION ALL SELECT id FROM residents WHERE name LIKE '单%'"))
    assert "SCAN" not in plan
    assert {"resident_keys_initials", "resident_keys_pinyin", "residents_name_nocase"} <= {
        word.strip("'(),") for word in plan.split()}


def test_every_surname_reading_is_one_pypinyin_knows():
    def known(character):
        return set(pinyin(character, style=Style.NORMAL, heteronym=True)[0])

    for character, options in readings.SURNAMES.items():
        assert set(options) <= known(character), character
    for compound, syllables in readings.COMPOUNDS.items():
        for character, syllable in zip(compound, syllables, strict=True):
            assert syllable in known(character), compound


def test_readings_keep_the_given_name_and_list_the_ordinary_first():
    assert readings.readings("单田芳") == [("dantianfang", "dtf"), ("shantianfang", "stf")]
    assert readings.readings("马少军") == [("mashaojun", "msj")]
    assert readings.readings("单于文")[0] == ("chanyuwen", "cyw")
    assert ("shanyuwen", "syw") in readings.readings("单于文")
    assert readings.readings("Tom") == [("tom", "t")]


def test_keys_need_a_resident(book):
    with pytest.raises(sqlite3.IntegrityError):
        book.conn.execute("INSERT INTO resident_keys VALUES ('nobody', 'x', 'x')")
