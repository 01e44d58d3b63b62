"""Printouts: what the PDFs say, that the shapes are drawn, same data same bytes, audit."""

import re
import time

import pytest
from conftest import MONTH, audit_count
from pdf_drawing import drawing_of
from pypdf import PdfReader

from reports import publish
from villagebook import entries, people, printlog

STAR_PATH = re.compile(rb"m(?:\s+[-\d.]+\s+[-\d.]+\s+l){9}\s+h")
RED_FILL = b".82 .05 .1 rg"


@pytest.fixture
def village(book):
    """The reference figures, one off-board resident, and one voided entry."""
    def rec(name, code, qty, note="", again=False):
        return entries.record(book, people.find_resident(book, name), code, qty, "杨秋云",
                              note=note, again=again)

    rec("马少军", "labour", "8", "安装篮球架")
    rec("马洪云", "goods", "3000", "会议室电视机")
    rec("马淑婷", "recognition", None, "儿子在西藏服役")
    rec("马秋玲", "recognition", None, "儿子在西藏服役")
    hidden = people.add_resident(book, "杨隐", "杨家1户", "南片", on_board=False)
    entries.record(book, hidden, "labour", "24", "杨秋云")
    twice = rec("马少军", "labour", "8", "安装篮球架", again=True)
    entries.void(book, twice.id, "重复记录", "杨秋云")
    return book


def text_of(pdf: bytes) -> str:
    import io

    pages = PdfReader(io.BytesIO(pdf)).pages
    return "\n".join(page.extract_text(extraction_mode="layout") for page in pages)


def content_of(pdf: bytes) -> bytes:
    return drawing_of(pdf)  # the stars and flags too, each drawn once as a shared form


class TestBoard:
    def test_names_points_and_notices(self, village):
        pdf, pages, missing = publish.render(village, "board", MONTH)
        text = text_of(pdf)
        assert pages == 1 and missing == {}
        assert "夹矿马家村光荣榜" in text and "本期榜样" in text
        for name, points in (("马洪云", "30.00"), ("马淑婷", "10.00"), ("马秋玲", "10.00"),
                             ("马少军", "2.00")):
            assert re.search(f"{name} +{points}", text), name
        assert "杨隐" not in text  # off the board, on the sheet
        assert "本榜只加分，从不扣分" in text and "义务劳动：每4小时1分" in text

    def test_the_stars_and_flags_are_drawn_as_shapes(self, village):
        pdf, _, _ = publish.render(village, "board", MONTH)
        stars = len(STAR_PATH.findall(content_of(pdf)))
        # loose stars: 马洪云 0, 马淑婷 4, 马秋玲 4, 马少军 2; each of 5 flags carries a small
        # star (马洪云 5 flags, each parent 1); each of the 4 role models has a star; the
        # legend draws a star and a flag (with its small star)
        assert stars == (0 + 4 + 4 + 2) + (5 + 1 + 1) + 4 + 2

    def test_mono_draws_no_red(self, village):
        colour, _, _ = publish.render(village, "board", MONTH)
        mono, _, _ = publish.render(village, "board", MONTH, mono=True)
        assert RED_FILL in content_of(colour) and RED_FILL not in content_of(mono)
        assert len(STAR_PATH.findall(content_of(mono))) == len(
            STAR_PATH.findall(content_of(colour)))

    def test_too_many_flags_become_one_flag_and_a_count(self, village):
        big = people.find_resident(village, "马洪云")
        entries.record(village, big, "donation", "30000", "杨秋云")  # 330 points: 55 flags
        text = text_of(publish.render(village, "board", MONTH)[0])
        assert "×55" in text

    def test_same_data_same_bytes(self, village):
        assert publish.render(village, "board", MONTH)[0] == publish.render(
            village, "board", MONTH)[0]

    def test_a_chinese_glyph_is_embedded_as_a_subset(self, village):
        pdf, _, _ = publish.render(village, "board", MONTH)
        assert b"/FontFile2" in pdf and len(pdf) < 200_000


class TestSheet:
    def test_totals_row_is_the_sum_of_the_lines_and_everyone_is_there(self, village):
        text = text_of(publish.render(village, "sheet", MONTH)[0])
        assert "夹矿马家村 月度积分汇总表" in text and "信息员签字" in text
        # the text extraction may run two right-aligned figures together: "58.0058.00"
        text = re.sub(r"(\.\d\d)(?=\d)", r"\1 ", text)
        lines = {ln.split()[0]: ln.split() for ln in text.splitlines() if ln.strip()}
        # off the board, on the sheet; flags and loose stars as the board draws them
        assert lines["杨隐"][-4:] == ["6.00", "6.00", "1", "0"]
        # one column per category of the catalogue (issue 10), "—" where there are no points
        assert lines["马少军"][3:] == ["1", "2.00", "—", "—", "—", "—", "—", "—", "2.00",
                                      "2.00", "0", "2"]
        month_totals = [float(lines[n][-4]) for n in ("马洪云", "马淑婷", "马秋玲", "马少军",
                                                       "杨隐")]
        assert lines["合计（5"] == ["合计（5", "人）", "5", "8.00", "—", "30.00", "20.00", "—",
                                  "—", "—", "58.00", "58.00"]
        assert sum(month_totals) == 58.0


class TestSlips:
    def test_voided_entries_are_shown_with_their_reason_and_left_out_of_totals(self, village):
        shaojun = people.find_resident(village, "马少军")
        text = text_of(publish.render(village, "slips", MONTH, residents=[shaojun])[0])
        assert "马少军" in text and "马家3户" in text
        assert "已作废：重复记录" in text
        assert "本月 2.00 分" in text and "累计 2.00 分" in text
        assert "15 天内" in text  # how and until when to object

    def test_one_slip_per_resident_with_entries(self, village):
        text = text_of(publish.render(village, "slips", MONTH)[0])
        assert text.count("个人积分单") == 5


class TestCatalogueNotice:
    def test_every_active_rule_in_plain_words(self, village):
        text = text_of(publish.render(village, "catalogue", MONTH)[0])
        assert "夹矿马家村 积分细则" in text
        assert "义务劳动：每4小时1分" in text and "表彰（军属等）：每次10分" in text
        assert "只记贡献，不扣分" in text


class TestPrintCommands:
    def test_print_writes_audits_and_verifies(self, run, village, tmp_path, db_path):
        out = tmp_path / "board.pdf"
        before = audit_count(db_path)
        done = run("print", "board", MONTH, "-o", str(out))
        assert done.exit_code == 0, done.output
        assert done.output.startswith(f"已生成 光荣榜：{out}（1 页，SHA-256 ")
        assert audit_count(db_path) == before + 1
        line = village.one("SELECT action, subject, detail FROM audit ORDER BY seq DESC")
        assert (line["action"], line["subject"]) == ("print.board", MONTH)
        assert printlog.sha256(out.read_bytes()) in line["detail"]
        ok = run("verify", str(out))
        assert ok.exit_code == 0 and ok.output.startswith("核对无误：这是 ")
        out.write_bytes(out.read_bytes() + b"%")
        tampered = run("verify", str(out))
        assert tampered.exit_code == 1 and "核对不符" in tampered.output

    @pytest.mark.parametrize("kind", ["board", "sheet", "slips", "notice", "catalogue"])
    def test_every_page_carries_the_books_fingerprint_and_verify_reads_it(
            self, run, village, tmp_path, kind):
        import json

        from villagebook import history

        head = history.head(village)
        out = tmp_path / f"{kind}.pdf"
        args = [kind] if kind == "catalogue" else [kind, MONTH]
        assert run("print", *args, "-o", str(out)).exit_code == 0
        pages = [p.extract_text() for p in PdfReader(out).pages]
        printed = f"指纹 {head.code} · 第 {head.seq} 行"
        assert all(printed in page for page in pages)
        detail = json.loads(village.one("SELECT detail FROM audit ORDER BY seq DESC")[0])
        assert (detail["fingerprint"], detail["line"]) == (head.code, head.seq)
        code, line = re.search(r"指纹 (\S+) · 第 (\d+) 行", pages[-1]).groups()
        ok = run("verify", "--code", code, "--line", line)
        assert ok.exit_code == 0 and "对得上" in ok.output

    def test_a_name_the_font_lacks_is_named_and_printed_as_a_box(self, run, village, tmp_path):
        people.add_resident(village, "马𠮷", "马家9户", "东片")
        entries.record(village, people.find_resident(village, "马𠮷"), "labour", "4", "杨秋云")
        out = tmp_path / "b.pdf"
        done = run("print", "board", MONTH, "-o", str(out))
        assert done.exit_code == 0
        assert "字体里没有“𠮷”（马𠮷），打印为 □，请手写补上" in done.output
        assert "马□" in text_of(out.read_bytes())

    def test_send_uses_the_print_queue(self, run, village, tmp_path, monkeypatch):
        spool = tmp_path / "spool"
        fake = tmp_path / "bin" / "lp"
        fake.parent.mkdir()
        fake.write_text(f'#!/bin/sh\necho "$@" > {spool}\necho "request id is vb-1"\n')
        fake.chmod(0o755)
        monkeypatch.setenv("PATH", f"{fake.parent}")
        out = tmp_path / "s.pdf"
        done = run("print", "sheet", MONTH, "-o", str(out), "--send", "--printer", "office")
        assert done.exit_code == 0 and "已送往打印机 office" in done.output
        assert spool.read_text().split() == ["-d", "office", str(out)]

    def test_no_print_queue_says_so_and_keeps_the_pdf(self, run, village, tmp_path, monkeypatch):
        monkeypatch.setenv("PATH", str(tmp_path))
        out = tmp_path / "s.pdf"
        done = run("print", "sheet", MONTH, "-o", str(out), "--send")
        assert done.exit_code == 1 and out.exists()
        assert "没有可用的打印队列" in done.output

    def test_bad_month_is_one_line(self, run, village, tmp_path):
        done = run("print", "board", "2026-13", "-o", str(tmp_path / "x.pdf"))
        assert done.output == "错误：月份看不懂：2026-13（写成 2026-11）\n"




class TestPostingMarks:
    def test_the_notice_gives_the_deadline_and_how_to_object(self, village):
        from villagebook import months

        months.post(village, MONTH, "村委会")
        until = months.status(village, MONTH).objection_until
        text = text_of(publish.render(village, "notice", MONTH)[0])
        assert "夹矿马家村 积分公示" in text and f"请于 {until}（含当天）前提出" in text
        assert "5 位村民，5 条记录，共 58.00 分" in text
        assert "杨隐" not in text  # off the board

    def test_entries_added_during_posting_and_late_entries_are_marked(self, village):
        from villagebook import months

        months.post(village, MONTH, "村委会")
        time.sleep(1.1)  # times are kept to the second: this entry comes after the posting
        entries.record(village, people.find_resident(village, "马秋玲"), "labour", "4",
                       "杨秋云")
        sheet = text_of(publish.render(village, "sheet", MONTH)[0])
        assert "马秋玲 (增)" in sheet and "(增) 含公示期间补录的记录" in sheet
        qiuling = people.find_resident(village, "马秋玲")
        slip = text_of(publish.render(village, "slips", MONTH, residents=[qiuling])[0])
        assert "〔公示期补录〕义务劳动" in slip
