"""The month sheet (月度汇总表) on the page engine: it prints for any number of residents,
every resident once with their points, the header on every page, the totals and the
signatures together on the last page, each category in its own column, and a final
month's state and seal in full. The sweep runs on both cores: ~2,000 pages are checked.
"""

import io
import math
import multiprocessing
import re
import shutil
import subprocess

import pytest
from conftest import MONTH
from pypdf import PdfReader

from reports import publish, sheet
from villagebook import entries, months, people, printing, tally
from villagebook.printing import Posting, SheetColumn, SheetData, SheetLine
from villagebook.quantities import fmt_points

# the residents counts at which the old two-pass sheet crashed (A4), all inside the sweep
OLD_CRASHES = [24, 25, 26, 27, 28, 56, 57, 58, 59, 87, 88, 89, 90]
COLUMNS = [SheetColumn("义务劳动", ("labour",)), SheetColumn("表彰（军属等）", ("recognition",)),
           SheetColumn("无偿献血", ("blood",)), SheetColumn("好人好事", ("good_deed",))]
FOOTNOTE = "(补) 含补记"
SIGNED = "核对人签字"


def synthetic(n: int, columns=COLUMNS, name=lambda i: f"村民{i:04d}") -> SheetData:
    """n residents; every fifth has a late entry (补); points spread over the columns."""
    lines = []
    for i in range(n):
        by = tuple((i * 37 + 100 * j) % 900 if (i + j) % 3 == 0 else 0
                   for j in range(len(columns)))
        points = sum(by)
        stars = points // 100
        line = tally.Line(f"r{i}", name(i), f"马家{i % 37}户", ("东片", "西片", "南片")[i % 3],
                          True, points, 1 + i % 4, stars, stars // 5, stars % 5)
        lines.append(SheetLine(line, by, points * 3, "补" if i % 5 == 0 else ""))
    totals = tuple(sum(sl.by_column[j] for sl in lines) for j in range(len(columns)))
    return SheetData("夹矿马家村", "2026-11", lines, sum(totals), list(columns), totals,
                     sum(sl.cumulative_c for sl in lines),
                     sum(sl.line.entries for sl in lines), Posting("open", None), "zh")


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def quick_pages_of(pdf: bytes) -> list[str]:
    """The text of each page by poppler's pdftotext (5 times faster than pypdf: the sweep
    reads ~2,000 pages), or by pypdf where poppler is not installed."""
    if shutil.which("pdftotext") is None:
        return [page.extract_text(extraction_mode="layout")
                for page in PdfReader(io.BytesIO(pdf)).pages]
    done = subprocess.run(["pdftotext", "-q", "-layout", "-", "-"], input=pdf, capture_output=True,
                          check=True)
    return done.stdout.decode().split("\f")[:-1]


def check(job) -> list[str]:
    """Render one count and say what is wrong with it (nothing, as a rule)."""
    n, paper = job
    data = synthetic(n)
    try:
        pdf, count = sheet.render(data, paper)
    except Exception as exc:  # the old sheet: LayoutError at 24-28, 56-59, ...
        return [f"{paper} {n}: {type(exc).__name__}: {str(exc)[:120]}"]
    texts = quick_pages_of(pdf)
    where = f"{paper} {n}"
    wrong = [] if count == len(texts) else [f"{where}: says {count} pages, has {len(texts)}"]
    for number, text in enumerate(texts, 1):
        if not ("姓名" in text and "红旗" in text):
            wrong.append(f"{where}: no header row on page {number}")
        if n and FOOTNOTE not in text:
            wrong.append(f"{where}: no footnote on page {number}")
    whole = "\n".join(texts)
    total = f"合计（{n} 人）"
    if whole.count(total) != 1 or total not in texts[-1]:
        wrong.append(f"{where}: the totals row is not once, on the last page")
    if whole.count(SIGNED) != 1 or SIGNED not in texts[-1]:
        wrong.append(f"{where}: the signatures are not once, on the last page")
    rows = {line.split()[0]: line.split() for line in whole.splitlines() if line.strip()}
    for sl in data.lines:  # a row: name, household, corner, entries, points by column, ...
        if whole.count(sl.line.name) != 1:
            wrong.append(f"{where}: {sl.line.name} is there {whole.count(sl.line.name)} times")
        elif rows.get(sl.line.name, [""] * 4)[-4] != fmt_points(sl.line.points_c):
            wrong.append(f"{where}: {sl.line.name} without their points")
    month_total = fmt_points(sum(sl.line.points_c for sl in data.lines))
    if rows.get(f"合计（{n}", [""] * 2)[-2] != month_total:
        wrong.append(f"{where}: the month total is not the sum of the lines")
    return wrong


def sweep(jobs) -> list[str]:
    with multiprocessing.get_context("fork").Pool(2) as pool:
        return [w for wrong in pool.map(check, jobs, chunksize=4) for w in wrong]


def test_every_count_up_to_300_prints_on_a4():
    counts = range(0, 301)
    assert set(OLD_CRASHES) <= set(counts)
    assert sweep([(n, "A4") for n in counts]) == []


def test_every_count_up_to_120_then_500_and_2000_prints_on_a3():
    assert sweep([(n, "A3") for n in [*range(0, 121), 500, 2000]]) == []


def test_long_names_many_categories_and_english_print(book):
    from villagebook import i18n

    i18n.set_lang("en")
    many = [SheetColumn(f"Category number {j}", (f"c{j}",)) for j in range(8)]
    many.append(SheetColumn("、".join(f"其他{j}" for j in range(40)), ("x",), rest=True))
    for n in (1, 2, 3, 23, 24, 25, 26, 47, 48, 49):
        data = synthetic(n, many, name=lambda i: f"{i:04d}" + "长" * 36)
        pdf, pages = sheet.render(data, "A4")
        joined = "".join("".join(pages_of(pdf)).split())
        assert all(f"{i:04d}" + "长" * 36 in joined for i in range(n))
        assert "Others" in joined and "其他39" in joined and "Checkedby:" in joined


def test_a3_type_is_scaled_by_root_two():
    sizes = {}
    for paper in ("A4", "A3"):
        pdf, _ = sheet.render(synthetic(3), paper)
        found: list[float] = []

        def seen(text, cm, tm, font, size, found=found):
            if "村民0001" in text:
                found.append(size)

        PdfReader(io.BytesIO(pdf)).pages[0].extract_text(visitor_text=seen)
        sizes[paper] = found[0]
    assert sizes["A4"] >= 10 and sizes["A3"] == pytest.approx(sizes["A4"] * math.sqrt(2))


def test_same_data_same_bytes():
    assert sheet.render(synthetic(30))[0] == sheet.render(synthetic(30))[0]


def rec(book, name, code, qty, **kw):
    return entries.record(book, people.find_resident(book, name), code, qty, "杨秋云", **kw)


@pytest.fixture
def month(book):
    """Each kind of contribution once: hours, yuan, an award, a good deed, blood."""
    rec(book, "马少军", "labour", "8")
    rec(book, "马少军", "good_deed", None)
    rec(book, "马洪云", "blood", "1")
    rec(book, "马洪云", "donation", "300")
    rec(book, "马淑婷", "recognition", None)
    return book


def rows_of(pdf: bytes) -> dict[str, list[str]]:
    text = "\n".join(p.extract_text(extraction_mode="layout")
                     for p in PdfReader(io.BytesIO(pdf)).pages)
    return {ln.split()[0]: ln.split() for ln in text.splitlines() if ln.strip()}


def test_good_deeds_and_blood_land_in_their_own_columns(month):
    data = printing.sheet_data(month, MONTH)
    names = [c.name for c in data.columns]
    assert names == ["义务劳动", "现金捐赠", "物品捐赠", "表彰（军属等）", "照顾孤寡老人",
                     "无偿献血", "好人好事"]
    rows = rows_of(publish.render(month, "sheet", MONTH)[0])

    def cell(name, column):  # name, household, corner, entries, then the columns
        return rows[name][4 + names.index(column)]

    assert cell("马少军", "好人好事") == "3.00" and cell("马少军", "表彰（军属等）") == "—"
    assert cell("马少军", "义务劳动") == "2.00"
    assert cell("马洪云", "无偿献血") == "5.00" and cell("马洪云", "现金捐赠") == "3.00"
    assert cell("马淑婷", "表彰（军属等）") == "10.00" and cell("马淑婷", "好人好事") == "—"
    total = rows["合计（3"]
    columns = [float(v) for v in total[3:3 + len(names)] if v != "—"]
    assert sum(columns) == float(total[3 + len(names)]) == 23.0
    assert sum(data.total_by_column) == data.total_c


def test_too_many_categories_share_one_named_column(month):
    from villagebook import catalogue

    for j in range(6):
        catalogue.add(month, f"extra{j}", f"新规{j}", f"New {j}", "count", "1", "1")
    rec(month, "马秋玲", "extra0", "2")
    data = printing.sheet_data(month, MONTH)
    assert [c.codes for c in data.columns if not c.rest] == [
        ("labour",), ("donation",), ("recognition",), ("blood",), ("good_deed",), ("extra0",)]
    assert len(data.columns) == 6 and sum(data.total_by_column) == data.total_c
    many = [catalogue.add(month, f"more{j}", f"更多{j}", f"More {j}", "count", "1", "1")
            for j in range(4)]
    for j, cat in enumerate(many):
        rec(month, "马秋玲", cat.code, str(j + 1))
    data = printing.sheet_data(month, MONTH)
    rest = data.columns[-1]
    assert len(data.columns) == printing.SHEET_COLUMNS and rest.rest
    assert sum(data.total_by_column) == data.total_c
    text = "".join("".join(pages_of(publish.render(month, "sheet", MONTH)[0])).split())
    assert "其他各项" in text and f"“其他各项”一栏含：{rest.name}。" in text


def test_a_final_month_says_so_with_its_date_and_its_seal_in_full(month):
    months.post(month, MONTH, "村委会")
    months.finalize(month, MONTH, "村委会", early_reason="全村已核对")
    state = months.status(month, MONTH)
    pdf, _, _ = publish.render(month, "sheet", MONTH)
    texts = pages_of(pdf)
    assert f"已定稿（{state.finalized_at[:10]} 定稿）" in texts[0]
    assert re.fullmatch(r"[0-9a-f]{64}", state.seal) and state.seal in texts[-1]
    assert "信息员签字" in texts[-1] and "村委会（盖章）" in texts[-1]


def test_a_posted_month_gives_the_deadline_and_a_reopened_one_keeps_its_note(month):
    months.post(month, MONTH, "村委会")
    until = months.status(month, MONTH).objection_until
    assert f"公示中　如有异议请于 {until}（含当天）前" in pages_of(
        publish.render(month, "sheet", MONTH)[0])[0]
    months.finalize(month, MONTH, "村委会", early_reason="全村已核对")
    months.reopen(month, MONTH, "村委会", "马洪云的献血记错了日子")
    text = "".join(pages_of(publish.render(month, "sheet", MONTH)[0]))
    assert "重新打开：马洪云的献血记错了日子" in text and "已定稿（" not in text


def test_the_footnote_only_when_a_mark_is_shown(month):
    assert FOOTNOTE not in "".join(pages_of(publish.render(month, "sheet", MONTH)[0]))
    months.post(month, MONTH, "村委会")
    import time

    time.sleep(1.1)  # times are kept to the second: this entry comes after the posting
    rec(month, "马秋玲", "labour", "4")
    text = "".join(pages_of(publish.render(month, "sheet", MONTH)[0]))
    assert "马秋玲 (增)" in text and FOOTNOTE in text and "(增) 含公示期间补录的记录" in text
