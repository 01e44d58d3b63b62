"""The paper round trip (issue 13): a corner's form printed, filled on the walk, keyed back
from its grid; every entry says where on the paper it was written; a page counts once."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import MONTH, audit_count
from hypothesis import given
from hypothesis import strategies as st
from pypdf import PdfReader

from villagebook import entries, paperforms, people
from villagebook.check import check


@pytest.fixture
def corner(book):
    """东片: 马少军 (马家3户), 马洪云 (马家5户), and a household of three (马家12户)."""
    for name in ("马德福", "马德旺", "马小兰"):
        people.add_resident(book, name, "马家12户", "东片")
    return book


def grid(run, code, page=1):
    out = run("forms", "grid", code, "--page", str(page), "-o", str(run.db_path.parent / "g.csv"))
    assert out.exit_code == 0, out.output
    return list(csv.reader(open(run.db_path.parent / "g.csv", encoding="utf-8-sig")))


def keyed(run, rows, code, page=1, *extra):
    path = run.db_path.parent / "filled.csv"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    return run("forms", "key", code, str(path), "--page", str(page), "--by", "杨秋云", *extra)


def test_the_printed_form_lists_the_corner_and_its_legend(run, corner, tmp_path):
    out = run("print", "forms", MONTH, "--corner", "东片", "-o", str(tmp_path / "f.pdf"))
    assert out.exit_code == 0, out.output
    code = f"F{MONTH}-东片-1"
    assert out.output.startswith(f"纸表 {code}：1 页，5 位村民")
    text = PdfReader(tmp_path / "f.pdf").pages[0].extract_text()
    for name in ("马少军", "马洪云", "马德福", "马德旺", "马小兰", code, "杨秋云",
                 "本页合计", "1 表彰（军属等）", "核对人签字", "第 1 页 / 共 1 页"):
        assert name in text, name
    assert "马淑婷" not in text  # 西片
    # households in order, numbers as numbers: 马家3户, 马家5户, then 马家12户
    assert text.index("马家3户") < text.index("马家5户") < text.index("马家12户")


def test_a_page_keyed_back_carries_its_place_on_the_paper(run, corner, db_path):
    run("print", "forms", MONTH, "--corner", "东片", "-o", str(db_path.parent / "f.pdf"))
    code = f"F{MONTH}-东片-1"
    rows = grid(run, code)
    assert [r[1] for r in rows[1:6]] == ["马少军", "马洪云", "马德福", "马德旺", "马小兰"]
    rows[1][8], rows[1][3] = "1", "8"        # 马少军: 8 hours on the 1st
    rows[3][4], rows[3][9] = "500", "修桥"    # 马德福: 500 yuan
    rows[4][6] = "1"                          # 马德旺: other no. 1, 表彰, no quantity
    rows[6][1], rows[6][5] = "马淑婷", "300"  # a blank row: a resident from another corner
    rows[-1][3], rows[-1][4] = "8", "500"    # the total boxes
    out = keyed(run, rows, code)
    assert out.exit_code == 0, out.output
    assert out.output.strip() == f"纸表 {code} 第 1 页已录入：4 条记录，共 +20.00 分"
    notes = {e.resident_name: e.note for e in entries.entries_of(corner)}
    assert notes == {"马少军": f"纸表 {code} 第1页第1行", "马德福": f"纸表 {code} 第1页第3行；修桥",
                     "马德旺": f"纸表 {code} 第1页第4行", "马淑婷": f"纸表 {code} 第1页第6行"}
    shaojun = entries.entries_of(corner, resident_id=people.find_resident(corner, "msj").id)
    assert shaojun[0].day == f"{MONTH}-01" and shaojun[0].recorded_by == "杨秋云"
    assert check(corner) == []
    before = audit_count(db_path)
    again = keyed(run, rows, code)
    assert again.exit_code == 1 and "已经录入过了：同一页不会计两次" in again.output
    assert audit_count(db_path) == before
    assert "未录入" not in run("forms", "list", MONTH).output


def test_a_wrong_total_names_the_column_and_rows_and_saves_nothing(run, corner, db_path):
    run("print", "forms", MONTH, "--corner", "东片", "-o", str(db_path.parent / "f.pdf"))
    code = f"F{MONTH}-东片-1"
    rows = grid(run, code)
    rows[1][3], rows[2][3], rows[3][3] = "8", "4", "2"
    rows[-1][3] = "16"  # 8 + 4 + 2 = 14: one cell read 2 where the paper says 4?
    before = audit_count(db_path)
    out = keyed(run, rows, code)
    assert out.exit_code == 1 and out.output.count("\n") == 1
    assert "义务劳动这一栏合计对不上：表上写 16，录入的各行加起来是 14" in out.output
    assert "请核对第 3 行" in out.output
    assert audit_count(db_path) == before and entries.entries_of(corner) == []
    rows[3][3] = "4"
    assert keyed(run, rows, code).exit_code == 0


@pytest.mark.parametrize("cell, said", [
    ((1, 3, "abc"), "第 1 页第 1 行“义务劳动”：数量不是数字"),
    ((3, 8, "2099-01-01"), "第 1 页第 3 行："),
    ((6, 3, "8"), "空白行要写上是谁"),
    ((2, 6, "99"), "类别号 99 不在表底的列表里"),
    ((1, 3, "30"), "第 1 页第 1 行“义务劳动”：数量 30 超过义务劳动的上限"),
    ((6, 1, "马少军"), "马少军 印在本表第 1 页第 1 行：请记在那一行"),
])
def test_a_bad_cell_is_named_and_nothing_is_saved(run, corner, db_path, cell, said):
    run("print", "forms", MONTH, "--corner", "东片", "-o", str(db_path.parent / "f.pdf"))
    code = f"F{MONTH}-东片-1"
    rows = grid(run, code)
    rows[3][3] = "2"  # a good cell that must not be saved either
    row, column, value = cell
    rows[row][column] = value
    if column == 6:
        rows[row][7] = "1"
    if column == 1:  # a name on a blank row, with a number beside it
        rows[row][3] = "4"
    before = audit_count(db_path)
    out = keyed(run, rows, code)
    assert out.exit_code == 1 and said in out.output and out.output.count("\n") == 1
    assert audit_count(db_path) == before


def test_the_same_roster_prints_the_same_form_and_a_new_one_another(run, corner, db_path):
    pdf = str(db_path.parent / "f.pdf")
    run("print", "forms", MONTH, "--corner", "东片", "-o", pdf)
    assert run("print", "forms", MONTH, "--corner", "东片", "-o", pdf).output.startswith(
        f"纸表 F{MONTH}-东片-1：")
    people.add_resident(corner, "马新来", "马家20户", "东片")
    assert run("print", "forms", MONTH, "--corner", "东片", "-o", pdf).output.startswith(
        f"纸表 F{MONTH}-东片-2：1 页，6 位村民")
    assert paperforms.load(corner, f"F{MONTH}-东片-1").pages[0][5].name == ""  # as printed


def test_in_english(run, corner, db_path):
    run("print", "forms", MONTH, "--corner", "东片", "-o", str(db_path.parent / "f.pdf"))
    code = f"F{MONTH}-东片-1"
    rows = grid(run, code)
    rows[1][3] = "8"
    out = keyed(run, rows, code, 1, "--lang", "en")
    assert out.output.strip() == f"form {code} page 1 keyed: 1 entries, +2.00 points"
    unknown = run("--lang", "en", "forms", "key", "F2020-01-x-1", "x.csv")
    assert unknown.exit_code == 1 and "no form numbered F2020-01-x-1" in unknown.output


@given(st.lists(st.integers(1, 16), max_size=40))
def test_pages_keep_households_whole_and_everyone_once(sizes):
    people_in = [(f"{h}-{i}", f"n{h}-{i}", f"h{h}") for h, n in enumerate(sizes)
                 for i in range(n)]
    pages = paperforms.paginate(people_in)
    listed = [r.resident_id for page in pages for r in page if r.resident_id]
    assert listed == [p[0] for p in people_in]
    assert all(len(page) == paperforms.ROWS_PER_PAGE for page in pages)
    assert all([r.number for r in page] == list(range(1, len(page) + 1)) for page in pages)
    assert sum(1 for r in pages[-1] if not r.resident_id) >= paperforms.BLANK_ROWS
    for h, n in enumerate(sizes):  # a household fits on one page unless it is bigger
        on = {i for i, page in enumerate(pages) for r in page if r.household == f"h{h}"}
        assert len(on) == 1 if n <= paperforms.ROWS_PER_PAGE else len(on) <= 2


def test_the_demo_villages_east_corner_form_and_a_slip_naming_the_paper(tmp_path):
    """The demo village's 东片: every resident of the corner on its pages, each page with
    its row numbers; an entry keyed from it is named on the resident's slip."""
    from reports import publish
    from villagebook import demo, paperkeying
    from villagebook.book import Book

    path = tmp_path / "demo.db"
    demo.build(path).close()
    with Book.open(path) as book:
        form = paperforms.issue(book, MONTH, "东片", "杨秋云", 7, "杨秋云")
        pdf = publish.render(book, "forms", MONTH, forms=[form])[0]
        pages = [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]
        corner = [r[0] for r in book.query("SELECT name FROM residents WHERE corner = '东片'"
                                           " AND active = 1")]
        assert len(pages) == len(form.pages) >= 2
        for name in corner:
            assert any(name in text for text in pages), name
        for text in pages:
            assert form.code in text and "12" in text and "2 照顾孤寡老人" in text
        first = form.pages[0][0]
        line = paperkeying.Line(1, "", {"labour": "4"})
        planned = paperkeying.plan(book, form, 1, [line])
        paperkeying.save(book, form, 1, planned, "杨秋云")
        resident = people.get_resident(book, first.resident_id)
        slip = publish.render(book, "slips", MONTH, residents=[resident])[0]
        text = "".join(p.extract_text() for p in PdfReader(io.BytesIO(slip)).pages)
        assert f"纸表 {form.code} 第1页第1行" in text.replace("\n", "")


def test_a_keyed_page_deleted_with_sqlite3_to_key_it_again_is_named_by_check(run, corner,
                                                                              db_path):
    """The attack: with the sqlite3 tool and the source in hand, drop the guard and delete
    the page's row so the same paper can be keyed (and counted) a second time."""
    import sqlite3

    run("print", "forms", MONTH, "--corner", "东片", "-o", str(db_path.parent / "f.pdf"))
    code = f"F{MONTH}-东片-1"
    rows = grid(run, code)
    rows[1][3] = "8"
    assert keyed(run, rows, code).exit_code == 0
    raw = sqlite3.connect(db_path)
    raw.execute("DROP TRIGGER paper_pages_no_delete")
    raw.execute("DELETE FROM paper_pages")
    raw.commit()
    raw.close()
    said = run("check").output
    assert "paper_pages_no_delete" in said and f"{code}#1" in said


def test_every_form_page_is_one_printed_page_at_any_size(book):
    """The page keyed back must be the page printed: from no resident to 40 in a corner,
    with long names and households, and a legend of 15 more categories, every page of the
    form is one page of the PDF (a page that ran over would shift every row after it)."""
    from reports import publish
    from villagebook import catalogue

    for i in range(15):
        catalogue.add(book, f"extra{i}", f"很长的一个积分类别名字{i}", f"A long category {i}",
                      "count", "1", "1", None, "测试")
    sizes = []
    for n in range(0, 41):
        corner = f"第{n}片"
        for i in range(n):
            name = "欧阳" + "慕容司马诸葛"[i % 6] + "长" * (i % 3)
            people.add_resident(book, f"{name}{n}-{i}", f"欧阳家第{i // 3}户很长的户名", corner)
        if n == 0:
            people.add_resident(book, "待迁出", "空户", corner)
            people.find_resident(book, "待迁出")
            from villagebook import roster

            roster.retire(book, people.find_resident(book, "待迁出"), "迁出", "测试")
        form = paperforms.issue(book, MONTH, corner, "杨秋云", 7, "测试")
        pdf, pages, _ = publish.render(book, "forms", MONTH, forms=[form])
        sizes.append((n, len(form.pages), pages))
    assert all(form_pages == printed for _, form_pages, printed in sizes), sizes


def test_a_grid_that_is_not_the_pages_own_is_refused(run, corner, db_path):
    """Another page's grid, a renamed row, a lost column, a short or empty file: refused,
    nothing saved, the page still to key; a page with nothing on it needs --empty."""
    run("print", "forms", MONTH, "--corner", "东片", "-o", str(db_path.parent / "f.pdf"))
    code = f"F{MONTH}-东片-1"
    rows = grid(run, code)
    before = audit_count(db_path)
    renamed = [r[:] for r in rows]
    renamed[1][1], renamed[1][3] = "马洪云", "8"
    lost = [r[:2] + r[3:] for r in rows]
    for bad, said in ((renamed, "第 1 页第 1 行印的是 马少军，表格里是 马洪云"),
                      (lost, "这张纸表每行是 10 格"), (rows[:4], "只有 3 行"),
                      ([], "只有 0 行")):
        out = keyed(run, bad, code)
        assert out.exit_code == 1 and said in out.output, out.output
    blank = keyed(run, rows, code)
    assert blank.exit_code == 1 and "真是空白页请加 --empty" in blank.output
    assert audit_count(db_path) == before
    assert keyed(run, rows, code, 1, "--empty").exit_code == 0
    assert "全部录入" in run("forms", "list", MONTH).output


def test_the_page_comes_from_the_grids_name_and_the_gatherer_must_be_known(run, corner,
                                                                            db_path):
    run("print", "forms", MONTH, "--corner", "东片", "-o", str(db_path.parent / "f.pdf"))
    code = f"F{MONTH}-东片-1"
    out = run("forms", "grid", code, "-o", str(db_path.parent / f"{code}-p1.csv"))
    path = db_path.parent / f"{code}-p1.csv"
    rows = list(csv.reader(open(path, encoding="utf-8-sig")))
    rows[1][3] = "8"
    with open(path, "w", encoding="utf-8", newline="") as f:
        csv.writer(f).writerows(rows)
    nobody = run("forms", "key", code, str(path), "--by", "张三")
    assert nobody.exit_code == 1 and "张三" in nobody.output
    out = run("forms", "key", code, str(path), "--by", "杨秋云")
    assert out.exit_code == 0 and "第 1 页已录入：1 条记录" in out.output
