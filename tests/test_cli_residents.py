"""Residents: add, list, import from the CSV files Excel and WPS save."""

import pytest
from conftest import audit_count

CSV = "name,household,corner,on_board\n马建国,马家1户,北片,1\n杨秀英,杨家2户,南片,否\n"


class TestResidents:
    def test_add_and_list(self, run):
        out = run("residents", "add", "马建国", "--household", "马家1户", "--corner", "北片")
        assert out.output.startswith("已添加村民 马建国（马家1户 北片），id ")
        listed = run.json("residents", "list", "--corner", "北片")
        assert [(r["name"], r["pinyin"], r["initials"]) for r in listed] == [
            ("马建国", "majianguo", "mjg")]

    def test_an_off_board_resident(self, run):
        run("residents", "add", "杨秀英", "--off-board")
        (found,) = [r for r in run.json("residents", "list") if r["name"] == "杨秀英"]
        assert found["on_board"] is False

    def test_an_empty_name_is_refused(self, run, db_path):
        before = audit_count(db_path)
        assert run("residents", "add", " ").output == "错误：姓名不能为空\n"
        assert audit_count(db_path) == before


class TestImport:
    @pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gbk"])
    def test_excel_and_wps_encodings(self, run, tmp_path, encoding):
        path = tmp_path / "people.csv"
        path.write_bytes(CSV.encode(encoding))
        assert run("residents", "import", str(path)).output == "导入 2 位村民，跳过已有的 0 位\n"
        listed = {r["name"]: r for r in run.json("residents", "list")}
        assert listed["马建国"]["corner"] == "北片" and listed["马建国"]["on_board"] is True
        assert listed["杨秀英"]["on_board"] is False

    def test_chinese_headers_and_no_header(self, run, tmp_path):
        path = tmp_path / "a.csv"
        path.write_text("姓名,户,片区\n马建国,马家1户,北片\n", encoding="utf-8")
        assert run("residents", "import", str(path)).exit_code == 0
        path.write_text("杨秀英,杨家2户,南片\n", encoding="utf-8")
        assert run("residents", "import", str(path)).exit_code == 0
        assert {"马建国", "杨秀英"} <= {r["name"] for r in run.json("residents", "list")}

    def test_importing_the_same_file_twice_adds_nobody_twice(self, run, tmp_path):
        path = tmp_path / "people.csv"
        path.write_text(CSV, encoding="utf-8")
        run("residents", "import", str(path))
        assert run("residents", "import", str(path)).output == "导入 0 位村民，跳过已有的 2 位\n"

    @pytest.mark.parametrize("text, message", [
        ("name,household,corner\n马建国,马家1户,北片\n,马家2户,北片\n", "第 3 行：姓名不能为空"),
        ("马建国,马家1户,北片,1,extra\n", "第 1 行：有 5 列，最多 4 列"),
        ("马建国,马家1户,北片,maybe\n", "第 1 行：上榜一栏应为 是/否 或 1/0：maybe"),
        ("马建\x01国,马家1户,北片\n", "第 1 行：姓名里有控制字符"),
    ])
    def test_a_bad_line_is_named_and_nothing_is_imported(self, run, tmp_path, db_path, text,
                                                         message):
        path = tmp_path / "bad.csv"
        path.write_text(text, encoding="utf-8")
        before = audit_count(db_path)
        out = run("residents", "import", str(path))
        assert out.exit_code == 1
        assert out.output == f"错误：{message}（未导入任何内容）\n"
        assert audit_count(db_path) == before
        assert "马建国" not in {r["name"] for r in run.json("residents", "list")}

    def test_a_file_in_no_known_encoding(self, run, tmp_path):
        path = tmp_path / "bin.csv"
        path.write_bytes(b"\xff\xfe\x00\x00\x81\x30" * 10)
        out = run("residents", "import", str(path))
        assert out.exit_code == 1 and out.output.startswith("错误：文件编码看不懂")


def test_csv_exports_never_carry_a_formula_and_such_a_name_still_imports(run, book, tmp_path):
    """OWASP's advice against CSV injection: a cell that Excel or WPS would run as a
    formula is written with a leading apostrophe; importing the name keeps it as typed."""
    roster = tmp_path / "roster.csv"
    names = ["=HYPERLINK(\"x\")", "+1+1", "@SUM(A1)", "-2-3"]
    roster.write_text("name,household,corner\n" + "\n".join(
        f'"{n.replace(chr(34), chr(34) * 2)}",怪名户,东片' for n in names), encoding="utf-8")
    assert run("residents", "import", str(roster)).exit_code == 0
    out = run("residents", "list", "--format", "csv").output
    for name in names:
        assert f"'{name}" in out.replace('""', '"')
    assert "\n=" not in out and ",=" not in out and ",+" not in out and ",@" not in out
    listed = {r["name"] for r in run.json("residents", "list")}
    assert set(names) <= listed  # kept as typed in the book


def test_a_reader_that_stops_early_ends_the_listing_quietly(run, book, db_path):
    """`villagebook tally | head -1` in a shell: no error line when the pipe closes."""
    import shlex
    import subprocess
    import sys

    assert run("record", "msj", "labour", "8").exit_code == 0
    command = (f"{shlex.quote(sys.executable)} -m villagebook tally"
               f" --db {shlex.quote(str(db_path))} | head -1")
    for _ in range(3):
        done = subprocess.run(["/bin/sh", "-c", command], capture_output=True, timeout=120)
        assert "积分汇总" in done.stdout.decode()
        assert done.stderr.decode() == ""


class TestImportAsFilesCome:
    """Rosters as they come from other offices (issue 12, point 1)."""

    @pytest.mark.parametrize("sep", [";", "\t"])
    def test_a_semicolon_or_tab_separated_file(self, run, tmp_path, sep):
        path = tmp_path / "r.csv"
        path.write_text(sep.join(["姓名", "户", "片区"]) + "\n"
                        + sep.join(["杨小明", "杨家2户", "南片"]) + "\n", encoding="utf-8")
        out = run("residents", "import", str(path))
        assert out.exit_code == 0, out.output
        assert "杨小明  杨家2户  南片" in run("residents", "list").output

    def test_a_leading_number_column_is_skipped_and_named(self, run, tmp_path):
        path = tmp_path / "r.csv"
        path.write_text("序号,姓名,户,片区,电话\n1,杨小明,杨家2户,南片,138\n", encoding="utf-8")
        out = run("residents", "import", str(path))
        assert out.exit_code == 0, out.output
        assert out.output.splitlines()[0] == "已忽略不认识的列：序号、电话"
        assert "杨小明  杨家2户  南片" in run("residents", "list").output

    def test_a_shift_jis_roster_is_refused_not_garbled(self, run, tmp_path, db_path):
        path = tmp_path / "r.csv"
        path.write_bytes("名前,世帯,地区\nやまだ はなこ,山田家,東区\n".encode("shift_jis"))
        before = audit_count(db_path)
        out = run("residents", "import", str(path))
        assert out.exit_code == 1 and out.output.count("\n") == 1
        assert "Shift-JIS" in out.output and audit_count(db_path) == before

    def test_a_device_is_refused_without_reading_it(self, run, tmp_path):
        import os

        target = "/dev/zero" if os.path.exists("/dev/zero") else "NUL"
        out = run("residents", "import", target)
        assert out.exit_code == 1 and "不是普通文件" in out.output

    def test_a_name_in_another_household_is_asked_about(self, run, tmp_path, db_path):
        path = tmp_path / "r.csv"
        path.write_text("姓名,户,片区\n马少军,马家9户,西片\n杨小明,杨家2户,南片\n",
                        encoding="utf-8")
        before = audit_count(db_path)
        out = run("residents", "import", str(path))
        assert out.exit_code == 1 and out.output.count("\n") == 1
        assert "马少军（文件里：马家9户，簿子里：马家3户）" in out.output
        assert "--same-name new" in out.output and audit_count(db_path) == before
        skip = run("residents", "import", str(path), "--same-name", "skip")
        assert skip.exit_code == 0 and "马家9户" not in run("residents", "list").output
        new = run("residents", "import", str(path), "--same-name", "new")
        assert new.exit_code == 0 and "马少军  马家9户  西片" in run("residents", "list").output


def test_a_shared_full_name_is_listed_and_picked_by_household(run, book):
    """Two 马少军 in two households: the refusal lists both with household and corner and
    says how to pick; 马少军@马家9户 picks one."""
    from villagebook import people

    people.add_resident(book, "马少军", "马家9户", "西片")
    refused = run("record", "马少军", "labour", "8", "--by", "杨秋云")
    assert refused.exit_code == 1 and refused.output.count("\n") == 1
    assert "马少军（马家3户 东片）" in refused.output and "马少军（马家9户 西片）" in refused.output
    assert "姓名@户（如 马少军@马家3户）" in refused.output
    done = run("record", "马少军@马家9户", "labour", "8", "--by", "杨秋云")
    assert done.exit_code == 0, done.output
    (entry,) = run.json("entries")
    assert entry["resident_id"] == people.find_resident(book, "马少军@马家9户").id
    nobody = run("record", "马少军@马家5户", "labour", "8", "--by", "杨秋云")
    assert nobody.exit_code == 1 and "马家5户 没有叫 马少军 的村民" in nobody.output
    english = run("--lang", "en", "record", "马少军", "labour", "8")
    assert "Write name@household (e.g. 马少军@马家3户)" in english.output
