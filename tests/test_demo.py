"""The demo village a new user sees first holds the village's reference figures."""

from click.testing import CliRunner
from conftest import MONTH

from villagebook import demo, people, tally
from villagebook.book import Book
from villagebook.cli import cli


def test_the_demo_command_builds_a_book_and_shows_this_month(tmp_path):
    path = tmp_path / "demo.db"
    out = CliRunner().invoke(cli, ["demo", "--keep", str(path)])
    assert out.exit_code == 0, out.output
    assert out.output.startswith(f"演示村的积分簿：{path}（试用别的命令时加上 --db {path}）\n\n"
                                 f"夹矿马家村 {MONTH} 积分汇总\n")
    assert "马洪云" in out.output and "30.00" in out.output


def test_the_demo_lives_beside_the_book_made_anew_each_time(tmp_path, monkeypatch):
    real = tmp_path / "villagebook.db"
    monkeypatch.setenv("VILLAGEBOOK_DB", str(real))
    Book.create(real, "真村").close()
    before = real.read_bytes()
    for _ in range(2):  # a second demo rebuilds the first, it does not refuse
        out = CliRunner().invoke(cli, ["demo"])
        assert out.exit_code == 0, out.output
        assert out.output.startswith(f"演示村的积分簿：{tmp_path / 'demo.db'}")
    assert real.read_bytes() == before  # the real book is never touched
    printed = CliRunner().invoke(cli, ["print", "board", MONTH, "-o",
                                       str(tmp_path / "b.pdf"), "--db",
                                       str(tmp_path / "demo.db")])
    assert printed.exit_code == 0, printed.output


def test_a_file_that_is_not_a_demo_is_never_overwritten(tmp_path, monkeypatch):
    monkeypatch.setenv("VILLAGEBOOK_DB", str(tmp_path / "demo.db"))  # the book IS demo.db
    out = CliRunner().invoke(cli, ["demo"])
    assert out.exit_code == 0 and "demo-village.db" in out.output
    Book.create(tmp_path / "other.db", "真村").close()
    before = (tmp_path / "other.db").read_bytes()
    refused = CliRunner().invoke(cli, ["demo", "--keep", str(tmp_path / "other.db")])
    assert refused.exit_code == 1 and refused.output.strip().endswith(
        "不是演示村的积分簿，不会覆盖它：请用 --keep 另选位置")
    assert (tmp_path / "other.db").read_bytes() == before


def test_the_demo_village_has_the_reference_residents_and_figures(tmp_path):
    with demo.build(tmp_path / "demo.db") as book:
        residents = people.list_residents(book)
        assert len(residents) == 120
        assert {r.corner for r in residents} == {"东片", "西片", "南片", "北片"}
        assert len(people.list_gatherers(book)) == 10
        months = [r[0] for r in book.query("SELECT DISTINCT month FROM entries ORDER BY month")]
        assert len(months) == 3 and months[-1] == MONTH
        rows = book.query(
            "SELECT r.name, e.category, e.quantity, e.points_c, e.note FROM entries e"
            " JOIN residents r ON r.id = e.resident_id WHERE r.name IN"
            " ('马少军', '马洪云', '马淑婷', '马秋玲') ORDER BY r.pinyin")
        assert [tuple(r) for r in rows] == [
            ("马洪云", "goods", "3000", 3000, "会议室电视机"),
            ("马秋玲", "recognition", "1", 1000, "儿子在西藏服役"),
            ("马少军", "labour", "8", 200, "安装篮球架"),
            ("马淑婷", "recognition", "1", 1000, "儿子在西藏服役"),
        ]
        voided = book.query("SELECT void_reason FROM entries WHERE voided_at IS NOT NULL")
        assert [r[0] for r in voided] == ["重复记录"]
        sheet = tally.month_sheet(book, MONTH)
        assert sheet.total_c == sum(line.points_c for line in sheet.lines) > 0
        assert any(not r.on_board for r in residents)


def test_the_demo_book_is_a_real_book(tmp_path):
    demo.build(tmp_path / "demo.db").close()
    with Book.open(tmp_path / "demo.db") as book:
        assert book.one("SELECT value FROM settings WHERE key = 'village'")[0] == "夹矿马家村"
