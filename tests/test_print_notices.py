"""The posting notice (公示) and the catalogue (积分细则) on the page engine (issue 10, 5 and 6).

Synthetic data sweeps the renderers fast; a real book checks what the data says: the
notice's totals are the sheet's, the window is never a passed deadline, an opted-out
resident is counted but never named, and the settings it prints are set by the committee.
"""

import io
import re
from datetime import date
from decimal import Decimal

import pytest
from conftest import MONTH, audit_count
from pypdf import PdfReader

from reports import notices, rules
from villagebook import entries, i18n, months, noticedata, people, printing
from villagebook.noticedata import CatalogueData, NoticeData, Rule
from villagebook.printing import Posting
from villagebook.quantities import fmt_points
from villagebook.tally import Line

TODAY = date.today().isoformat()


def pages_of(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def flat(pdf: bytes) -> str:
    """All the text, lines joined (a sentence may wrap anywhere in Chinese)."""
    return "".join(pages_of(pdf)).replace("\n", "")


def assert_page_numbers(pdf: bytes, pages: int) -> list[str]:
    """Every page says 第 N 页 / 共 M 页, M being the real count (and the count returned)."""
    texts = pages_of(pdf)
    assert pages == len(texts)
    for n, text in enumerate(texts, 1):
        assert f"第 {n} 页 / 共 {len(texts)} 页" in text, (n, len(texts))
    return texts


# -- the catalogue ---------------------------------------------------------------------------
def catalogue(count: int, long_every: int = 0) -> CatalogueData:
    """count rules; every long_every-th has a 40-character name (it wraps)."""
    made = []
    for n in range(1, count + 1):
        name = "很长的类别名称" * 6 if long_every and n % long_every == 0 else "类别"
        made.append(Rule(f"{name[:40]}{n:02d}：每{n}小时{n + 100}分", "hours",
                         Decimal(24) if n % 3 else None, f"2026-0{n % 9 + 1}-15"))
    return CatalogueData("夹矿马家村", made, "zh", day="2026-11-25")


class TestCatalogue:
    @pytest.mark.parametrize("paper", ["A4", "A3"])
    def test_every_rule_once_with_its_points_on_numbered_pages(self, paper):
        for count in range(1, 61):
            pdf, pages = rules.render_catalogue(catalogue(count, long_every=7), paper)
            text = "".join(assert_page_numbers(pdf, pages)).replace("\n", "")
            for n in range(1, count + 1):
                assert text.count(f"{n:02d}：每{n}小时{n + 100}分") == 1, (paper, count, n)
            assert text.count("每人每天最多 24 小时") == count - count // 3
            assert "夹矿马家村村民委员会" in text  # signed, after the last rule

    def test_sixty_rules_flow_over_pages_headed_continued(self):
        pdf, pages = rules.render_catalogue(catalogue(60), "A4")
        texts = assert_page_numbers(pdf, pages)
        assert pages > 1
        assert all("夹矿马家村 积分细则（续）" in text for text in texts[1:])

    def test_caps_dates_and_the_villages_own_star_rule(self):
        data = CatalogueData("夹矿马家村", [Rule("义务劳动：每4小时1分", "hours", Decimal(24),
                                                 "2026-03-01"),
                                            Rule("现金捐赠：每100元1分", "yuan", None, None)],
                             "zh", day="2026-11-25", points_per_star_c=200, stars_per_flag=5)
        text = flat(rules.render_catalogue(data)[0])
        assert "每人每天最多 24 小时（当天各条记录合计） · 2026-03-01 起施行" in text
        assert "不设上限" in text and text.count("起施行") == 1  # no date: none said
        assert "2 分 = 1 颗红星，5 颗红星 = 1 面红旗" in text

    def test_a_real_books_rules_with_the_day_they_took_effect(self, run, book, monkeypatch):
        from villagebook import book as book_mod

        monkeypatch.setattr(book_mod, "now", lambda: "2031-05-06T10:00:00")
        assert run("catalogue", "add", "bridge", "--name-zh", "修桥补路", "--name-en",
                   "Bridges", "--kind", "hours", "--points", "1", "--per", "2",
                   "--max", "12").exit_code == 0
        run("catalogue", "retire", "blood")
        data = noticedata.catalogue_data(book)
        born = book.one("SELECT MIN(at) FROM audit WHERE action = 'book.init'")[0][:10]
        assert [r.since for r in data.rules] == [born] * 6 + ["2031-05-06"]  # blood retired
        text = flat(rules.render_catalogue(data)[0])
        assert "修桥补路：每2小时1分" in text
        assert "每人每天最多 12 小时（当天各条记录合计） · 2031-05-06 起施行" in text
        assert "无偿献血" not in text  # retired
        assert "义务劳动：每4小时1分" in text and "现金捐赠：每100元1分" in text


# -- the notice ------------------------------------------------------------------------------
def notice(count: int, state: str = "posted", day: str = "2026-11-26", hidden: int = 2,
           **extra) -> NoticeData:
    """count on-board residents with points in 5 corners, and `hidden` opted-out ones."""
    def name(i):  # every 97th name is 40 characters long
        return f"村民{i:04d}" if i % 97 else f"{i:04d}号" + "长" * 35

    lines = [Line(f"r{i}", name(i), f"马家{i % 40}户", f"第{i % 5 + 1}组", True, 100 + 7 * i,
                  1 + i % 3, 0, 0, 0) for i in range(count)]
    lines.sort(key=lambda ln: ln.corner)
    post = Posting(state, "2026-12-10" if state != "open" else None,
                   "2026-11-25T09:00:00" if state != "open" else None,
                   finalized_at="2026-11-27T16:00:00" if state == "final" else None)
    return NoticeData("夹矿马家村", "2026-11", lines, count + hidden,
                      sum(ln.points_c for ln in lines) + 500 * hidden,
                      sum(ln.entries for ln in lines) + hidden, 15, post, "zh",
                      day=day, **extra)


class TestNoticeSweep:
    @pytest.mark.parametrize("paper", ["A4", "A3"])
    def test_everyone_once_with_points_on_numbered_pages(self, paper):
        for count in [*range(0, 121), 500]:
            data = notice(count)
            pdf, pages = notices.render_notice(data, paper)
            text = "\n".join(assert_page_numbers(pdf, pages))
            joined = re.sub(r"\s", "", text)  # a 40-character name wraps over lines
            for ln in data.lines:
                found = re.findall(re.escape(ln.name) + r"(\d+\.\d\d)", joined)
                assert found == [fmt_points(ln.points_c)], (paper, count, ln.name)

    def test_two_thousand_residents(self):
        data = notice(2000)
        pdf, pages = notices.render_notice(data, "A4")
        text = "\n".join(assert_page_numbers(pdf, pages))
        names = re.findall(r"村民\d{4}", text)
        assert len(names) == len(set(names)) == 2000 - len(range(0, 2000, 97))
        assert "2026年11月：2002 位村民" in text

    def test_same_data_same_bytes(self):
        assert notices.render_notice(notice(30))[0] == notices.render_notice(notice(30))[0]

    def test_same_names_show_their_household_and_a_missing_glyph_is_a_box(self):
        data = notice(0)
        twins = [Line(f"t{i}", "马庆", f"马家{i}户", "南片", True, 100, 1, 0, 0, 0)
                 for i in (3, 37)] + [Line("x", "马𠮷", "马家9户", "南片", True, 100, 1, 0, 0, 0)]
        text = flat(notices.render_notice(
            NoticeData(**{**data.__dict__, "lines": twins}))[0])
        assert "马庆 马家3户" in text and "马庆 马家37户" in text and "马□" in text
        assert "马家9户" not in text  # only same names need a household


class TestNoticeWindow:
    def test_in_the_window_the_deadline(self):
        text = flat(notices.render_notice(notice(3, day="2026-12-10"))[0])
        assert "如有异议，请于 2026-12-10（含当天）前提出" in text
        assert "2026-11-25 至 2026-12-10" in text
        assert "2026年11月 公示中" in text and "2026年11月25日" in text  # 落款: posting day

    def test_after_the_window_no_deadline_is_printed(self):
        text = flat(notices.render_notice(notice(3, day="2026-12-11"))[0])
        assert "请于" not in text and "公示期已于 2026-12-10 结束，等待村委会定稿" in text

    def test_final_says_final_and_when(self):
        text = flat(notices.render_notice(notice(3, "final"))[0])
        assert "请于" not in text and "本月积分已于 2026-11-27 定稿（已定稿）" in text
        assert "2026-11-25 至 2026-11-27" in text  # the early finalize closed the window

    def test_not_yet_posted_counts_days_from_posting(self):
        text = flat(notices.render_notice(notice(3, "open"))[0])
        assert "请在公示后 15 天内提出" in text and "自张贴之日起 15 天" in text

    def test_place_default_and_contact_only_when_set(self):
        text = flat(notices.render_notice(notice(3))[0])
        assert "村委会公告栏" in text and "联系人" not in text
        text = flat(notices.render_notice(
            notice(3, place="村口大榕树下", contact="马支书 13800001234"))[0])
        assert "村口大榕树下" in text and "联系人马支书 13800001234" in text

    def test_english(self):
        i18n.set_lang("en")
        text = flat(notices.render_notice(notice(3, day="2026-12-01"))[0])
        assert "Objections by 2026-12-10" in text and "page 1 of " in text


# -- through a real book ---------------------------------------------------------------------
@pytest.fixture
def village(book):
    """The reference figures, an opted-out resident with points, and a voided entry."""
    def rec(name, code, qty, again=False):
        return entries.record(book, people.find_resident(book, name), code, qty, "杨秋云",
                              again=again)

    rec("马少军", "labour", "8")
    rec("马洪云", "goods", "3000")
    rec("马淑婷", "recognition", None)
    hidden = people.add_resident(book, "杨隐", "杨家1户", "南片", on_board=False)
    entries.record(book, hidden, "labour", "24", "杨秋云")
    entries.void(book, rec("马少军", "labour", "8", again=True).id, "重复记录", "杨秋云")
    return book


class TestNoticeFromTheBook:
    def test_totals_are_the_sheets_and_the_opted_out_are_not_named(self, village):
        sheet = printing.sheet_data(village, MONTH)
        data = noticedata.notice_data(village, MONTH)
        text = flat(notices.render_notice(data)[0])
        said = re.search(r"(\d+) 位村民，(\d+) 条记录，共 ([\d.]+) 分", text).groups()
        assert said == (str(len(sheet.lines)), str(sheet.total_entries),
                        fmt_points(sheet.total_c)) == ("4", "4", "48.00")
        assert "杨隐" not in text and "其中 1 位村民本人不愿公开姓名" in text
        assert [ln.name for ln in data.lines] == ["马洪云", "马少军", "马淑婷"]  # 东片, 西片

    def test_an_early_finalize_prints_final_not_a_passed_deadline(self, village):
        months.post(village, MONTH, "村委会")
        months.finalize(village, MONTH, "村委会", early_reason="全村已核对")
        text = flat(notices.render_notice(noticedata.notice_data(village, MONTH))[0])
        assert "请于" not in text
        assert f"本月积分已于 {TODAY} 定稿（已定稿），不再受理异议" in text
        assert "夹矿马家村村民委员会" in text

    def test_place_and_contact_set_by_the_committee_are_printed(self, run, village):
        assert run("settings", "set", "notice_place", "村口大榕树下").exit_code == 0
        assert run("settings", "set", "contact", "马支书 13800001234").exit_code == 0
        text = flat(notices.render_notice(noticedata.notice_data(village, MONTH))[0])
        assert "村口大榕树下" in text and "马支书 13800001234" in text


class TestNoticeSettings:
    def test_set_and_list_contact_and_place(self, run):
        assert run.json("settings", "list")["notice_place"] == "村委会公告栏"
        assert run.json("settings", "list")["contact"] == ""
        out = run("settings", "set", "contact", "  马支书   13800001234 ")
        assert out.output == "contact = 马支书 13800001234\n"
        assert run("settings", "set", "notice_place", "村口大榕树下").exit_code == 0
        listed = run.json("settings", "list")
        assert (listed["contact"], listed["notice_place"]) == ("马支书 13800001234", "村口大榕树下")
        assert run("settings", "set", "contact", "").output == "contact = \n"

    @pytest.mark.parametrize("key, value, message", [
        ("contact", "马支书\n138", "contact 最多 60 个字，不能含换行等控制字符"),
        ("contact", "马" * 61, "contact 最多 60 个字"),
        ("notice_place", " ", "notice_place 不能为空"),
    ])
    def test_bad_values_are_refused(self, run, db_path, key, value, message):
        before = audit_count(db_path)
        out = run("settings", "set", key, value)
        assert out.exit_code == 1 and message in out.output
        assert audit_count(db_path) == before

    def test_setting_them_needs_the_committee_pin(self, run, book, db_path, monkeypatch):
        monkeypatch.setenv("VILLAGEBOOK_PIN_NEW", "246810")
        assert run("committee", "set-pin").exit_code == 0
        before = audit_count(db_path)
        refused = run("settings", "set", "contact", "马支书 13800001234")
        assert refused.exit_code == 1 and "村委会密码" in refused.output
        assert audit_count(db_path) == before
        monkeypatch.setenv("VILLAGEBOOK_PIN", "246810")
        assert run("settings", "set", "contact", "马支书 13800001234", "--by",
                   "村委会").exit_code == 0
        last = book.one("SELECT actor, action, subject, detail FROM audit ORDER BY seq DESC")
        assert tuple(last) == ("村委会", "settings.set", "contact",
                               '{"new": "马支书 13800001234", "old": ""}')
