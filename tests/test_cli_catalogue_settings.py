"""The committee's side: the catalogue and the village settings."""

import pytest
from conftest import audit_count


class TestCatalogue:
    def test_the_default_catalogue_is_published(self, run):
        rules = {c["code"]: c for c in run.json("catalogue", "list")}
        assert {"labour", "donation", "goods", "recognition"} <= set(rules)
        assert (rules["labour"]["points"], rules["labour"]["per_units"]) == ("1.00", 4)
        assert (rules["donation"]["points"], rules["donation"]["per_units"]) == ("1.00", 100)
        assert (rules["recognition"]["kind"], rules["recognition"]["points"]) == ("fixed", "10.00")
        table = run("catalogue", "list").output
        assert "义务劳动：每4小时1分" in table and "表彰（军属等）：每次10分" in table

    def test_a_new_rule_earns_points_at_once(self, run):
        out = run("catalogue", "add", "bridge", "--name-zh", "修桥补路", "--name-en", "Bridges",
                  "--kind", "hours", "--points", "1", "--per", "2", "--max", "12")
        assert out.output == "已发布新类别 bridge：修桥补路：每2小时1分\n"
        recorded = run("record", "msj", "bridge", "5").output
        assert recorded.startswith("马少军 +2.5 分（修桥补路 5 小时")

    @pytest.mark.parametrize("args, message", [
        (["fine", "--kind", "fixed", "--points", "-5"], "规则的分值不能为负数（只记贡献，不扣分）"),
        (["fine", "--kind", "fixed", "--points", "0"], "分值 --points必须大于 0：0"),
        (["Bad Code", "--kind", "fixed", "--points", "1"], "类别代码只能用小写字母"),
        (["labour", "--kind", "hours", "--points", "1"], "类别 labour 已存在"),
        (["x1", "--kind", "hours", "--points", "1", "--per", "0"], "单位数 --per必须大于 0：0"),
    ])
    def test_a_rule_that_would_subtract_or_is_unclear_is_refused(self, run, db_path, args,
                                                                  message):
        before = audit_count(db_path)
        code, *rest = args
        out = run("catalogue", "add", code, "--name-zh", "罚", "--name-en", "Fine", *rest)
        assert out.exit_code == 1 and message in out.output and out.output.count("\n") == 1
        assert audit_count(db_path) == before

    def test_a_retired_rule_keeps_past_points(self, run):
        run("record", "msj", "blood", "1")
        assert run("catalogue", "retire", "blood").exit_code == 0
        assert "blood" not in {c["code"] for c in run.json("catalogue", "list")}
        assert run("record", "msj", "blood", "1").exit_code == 1
        assert run.json("tally")["lines"][0]["points"] == "5.00"


class TestSettings:
    def test_stars_and_flags_follow_the_village_settings(self, run):
        run("record", "马洪云", "goods", "3000")
        line = run.json("tally")["lines"][0]
        assert (line["stars"], line["flags"], line["loose_stars"]) == (30, 5, 0)
        assert run("settings", "set", "points_per_star", "2").output == "points_per_star = 2\n"
        assert run("settings", "set", "stars_per_flag", "4").exit_code == 0
        line = run.json("tally")["lines"][0]
        assert (line["points"], line["stars"], line["flags"], line["loose_stars"]) == (
            "30.00", 15, 3, 3)
        assert run.json("settings", "list")["stars_per_flag"] == "4"

    @pytest.mark.parametrize("key, value, message", [
        ("stars_per_flag", "0", "stars_per_flag 应在 1 到 100 之间：0"),
        ("points_per_star", "-1", "points_per_star 应在 0.01 到 1000 之间：-1"),
        ("points_per_star", "abc", "每颗红星的分数不是数字：abc"),
        ("colour", "red", "没有这个设置：colour"),
        ("village", "  ", "村名不能为空"),
    ])
    def test_bad_settings_are_refused(self, run, db_path, key, value, message):
        before = audit_count(db_path)
        out = run("settings", "set", key, value)
        assert out.exit_code == 1 and message in out.output
        assert audit_count(db_path) == before

    def test_a_settings_change_is_audited_with_old_and_new(self, run, book):
        run("settings", "set", "stars_per_flag", "5", "--by", "村委会")
        last = book.one("SELECT actor, action, subject, detail FROM audit ORDER BY seq DESC")
        assert tuple(last) == ("村委会", "settings.set", "stars_per_flag",
                               '{"new": "5", "old": "6"}')
