"""The month's sheet and the standings: exact totals, stable JSON, aligned tables."""

from datetime import timedelta

from conftest import MONTH, TODAY

LAST_MONTH_DAY = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=10)
LAST_MONTH = LAST_MONTH_DAY.strftime("%Y-%m")
LINE_KEYS = ["resident_id", "name", "household", "corner", "on_board", "points", "entries",
             "stars", "flags", "loose_stars"]


def record_two_months(run):
    run("record", "马少军", "labour", "8", "--date", LAST_MONTH_DAY.isoformat())
    run("record", "马少军", "labour", "3")
    run("record", "马洪云", "goods", "3000")
    run("record", "马淑婷", "recognition", "--date", LAST_MONTH_DAY.isoformat())


class TestMonthSheet:
    def test_the_json_shape_is_stable(self, run):
        record_two_months(run)
        sheet = run.json("tally", MONTH)
        assert list(sheet) == ["village", "period", "points_per_star", "stars_per_flag", "total",
                               "lines", "count", "entries"]
        assert (sheet["village"], sheet["period"], sheet["total"]) == ("夹矿马家村", MONTH, "30.75")
        assert all(list(line) == LINE_KEYS for line in sheet["lines"])
        assert [(ln["name"], ln["points"], ln["entries"]) for ln in sheet["lines"]] == [
            ("马洪云", "30.00", 1), ("马少军", "0.75", 1)]

    def test_the_total_is_the_sum_of_the_lines(self, run):
        record_two_months(run)
        sheet = run.json("tally", LAST_MONTH)
        cents = sum(int(ln["points"].replace(".", "")) for ln in sheet["lines"])
        assert f"{cents // 100}.{cents % 100:02d}" == sheet["total"] == "12.00"

    def test_all_lists_residents_without_entries_too(self, run):
        run("record", "马少军", "labour", "3")
        names = [ln["name"] for ln in run.json("tally", "--all")["lines"]]
        assert names[0] == "马少军" and set(names) == {"马少军", "马洪云", "马淑婷", "马秋玲"}

    def test_the_table_lines_up_chinese_names(self, run):
        run("residents", "add", "欧阳秀英", "--household", "欧阳家1户", "--corner", "南片")
        record_two_months(run)
        run("record", "欧阳秀英", "labour", "12")
        out = run("tally").output.splitlines()
        assert out[0] == f"夹矿马家村 {MONTH} 积分汇总"
        assert out[1:] == [
            "姓名      户         片区  条数   积分  红星  红旗  余星",
            "--------  ---------  ----  ----  -----  ----  ----  ----",
            "马洪云    马家5户    东片     1  30.00    30     5     0",
            "欧阳秀英  欧阳家1户  南片     1   3.00     3     0     3",
            "马少军    马家3户    东片     1   0.75     0     0     0",
            "--------  ---------  ----  ----  -----  ----  ----  ----",
            "合计                          3  33.75",
        ]

    def test_csv_and_english(self, run):
        run("record", "马洪云", "goods", "3000")
        out = run("tally", "--format", "csv").output.splitlines()
        assert out[0] == "name,household,corner,entries,points,stars,flags,loose_stars"
        assert out[1] == "马洪云,马家5户,东片,1,30.00,30,5,0"
        english = run("tally", "--lang", "en").output.splitlines()
        assert english[0] == f"夹矿马家村 points for {MONTH}"
        assert english[1].split() == ["Name", "Household", "Corner", "Entries", "Points",
                                      "Stars", "Flags", "Loose", "stars"]

    def test_an_empty_month_says_so(self, run):
        assert run("tally", "2020-01").output == "夹矿马家村 2020-01 积分汇总\n（没有记录）\n"

    def test_a_bad_month_is_refused(self, run):
        assert run("tally", "2026-13").output == "错误：月份看不懂：2026-13（写成 2026-11）\n"


class TestStandings:
    def test_cumulative_points_over_months(self, run):
        record_two_months(run)
        lines = {ln["name"]: ln for ln in run.json("standings")["lines"]}
        assert (lines["马少军"]["points"], lines["马少军"]["entries"]) == ("2.75", 2)
        assert (lines["马洪云"]["stars"], lines["马洪云"]["flags"]) == (30, 5)
        assert lines["马淑婷"]["points"] == "10.00"

    def test_since_and_through_bound_the_period(self, run):
        record_two_months(run)
        only_last = run.json("standings", "--since", LAST_MONTH, "--through", LAST_MONTH)
        assert [(ln["name"], ln["points"]) for ln in only_last["lines"]] == [
            ("马淑婷", "10.00"), ("马少军", "2.00")]
        assert only_last["period"] == f"{LAST_MONTH}..{LAST_MONTH}"
        only_this = run.json("standings", "--since", MONTH)
        assert {ln["name"] for ln in only_this["lines"]} == {"马洪云", "马少军"}

    def test_one_corner_at_a_time(self, run):
        """A township keeps one book; its committee reads one village (corner) at a time."""
        record_two_months(run)
        west = run.json("standings", "--corner", "西片")
        assert [(ln["name"], ln["corner"], ln["points"]) for ln in west["lines"]] == [
            ("马淑婷", "西片", "10.00")]
        east = run.json("tally", MONTH, "--corner", " 东片 ", "--all")
        assert [ln["name"] for ln in east["lines"]] == ["马洪云", "马少军"]
        assert east["total"] == "30.75"

    def test_a_corner_nobody_lives_in_is_named(self, run):
        result = run("standings", "--corner", "北片")
        assert (result.exit_code, result.output) == (1, "错误：没有片区“北片”的村民\n")
        english = run("tally", "--corner", "North", "--lang", "en")
        assert english.output == "Error: no resident lives in the corner North\n"


def test_the_log_shows_every_write_newest_first(run):
    run("record", "msj", "labour", "8")
    entries = run.json("log", "--limit", "3")
    assert [e["action"] for e in entries] == ["entry.record", "residents.add", "residents.add"]
    assert entries[0]["seq"] > entries[1]["seq"]


def test_the_log_reads_in_words_and_is_searched_in_them(run):
    """A committee member reads who did what to whom, and finds every void by its word."""
    run("record", "msj", "labour", "8", "--note", "安装篮球架")
    run("record", "马洪云", "goods", "3000")
    wrong = [e for e in run.json("entries") if e["resident_name"] == "马洪云"]
    assert run("void", wrong[0]["id"][:8], "--reason", "记错了人").exit_code == 0
    said = run("log", "--limit", "3").output
    assert "杨秋云 作废 马洪云 的一条记录（物品捐赠 +30.00 分），原因：记错了人" in said
    assert "杨秋云 给 马少军 记 义务劳动 8 小时 +2.00 分" in said and "安装篮球架" in said
    assert "entry.record" not in said and "points_c" not in said
    voids = run.json("log", "--search", "作废")
    assert [line["action"] for line in voids] == ["entry.void"]
    labour = run.json("log", "--search", "义务劳动 马少军")
    assert [line["action"] for line in labour] == ["entry.record"]
    english = run("--lang", "en", "log", "--limit", "3").output
    assert "杨秋云 voided an entry of 马洪云 (Goods, +30.00 points): 记错了人" in english
    assert [line["action"] for line in run.json("--lang", "en", "log", "--search", "voided")] \
        == ["entry.void"]


def test_a_search_of_the_log_read_span_by_span_finds_what_one_reading_finds(run, monkeypatch):
    """A township's log is read a span at a time (its whole is minutes): the lines found,
    newest first and up to the limit, are the same whatever the span."""
    from villagebook import auditlog

    for k in range(6):
        run("record", "msj", "labour", str(k + 1), "--again")
    run("record", "马洪云", "goods", "300")
    whole = run.json("log", "--search", "马少军", "--limit", "4")
    monkeypatch.setattr(auditlog, "SPAN", 3)  # the book's 20-some lines in eight spans
    assert run.json("log", "--search", "马少军", "--limit", "4") == whole
    oldest = run.json("log", "--search", "添加村民 马洪云")  # in the book's first span
    assert [line["action"] for line in oldest] == ["residents.add"]
    assert len(whole) == 4 and all("马少军" in line["words"] for line in whole)
