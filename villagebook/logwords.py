"""The audit log in words a committee member reads: "杨秋云 给 马少军 记 义务劳动 8 小时
+2.00 分", not "entry.record … points_c=200".

Each action has one sentence per language; its values come from the line's detail, or from
the row the line carries when the detail is short. Search (auditlog.recent) also looks for a
word in these sentences, so "作废" finds every void.
"""

from __future__ import annotations

import json
import re

from villagebook.i18n import get_lang, t

WORDS: dict[str, tuple[str, str]] = {
    "entry.record": ("{actor} 给 {resident} 记 {category} {quantity} {unit} +{points} 分"
                     "（{day}{late}{note}）",
                     "{actor} recorded {category} {quantity} {unit} for {resident}, "
                     "+{points} points ({day}{late}{note})"),
    "entry.void": ("{actor} 作废 {resident} 的一条记录（{category} +{points} 分），原因：{reason}",
                   "{actor} voided an entry of {resident} ({category}, +{points} points): "
                   "{reason}"),
    "residents.add": ("{actor} 添加村民 {name}（{household}，{corner}）",
                      "{actor} added the resident {name} ({household}, {corner})"),
    "residents.edit": ("{actor} 修改村民 {name}：{changes}",
                       "{actor} corrected the resident {name}: {changes}"),
    "residents.retire": ("{actor} 让村民 {name} 退出名册，原因：{reason}",
                         "{actor} retired the resident {name}: {reason}"),
    "residents.unretire": ("{actor} 让村民 {name} 回到名册",
                           "{actor} brought the resident {name} back"),
    "residents.merge": ("{actor} 把村民 {name} 并到 {into_name} 名下：{count} 条记录转过去，"
                        "{name} 退出名册",
                        "{actor} merged the resident {name} into {into_name}: {count} entries "
                        "moved, {name} retired"),
    "residents.import": ("{actor} 从文件 {file} 导入村民：新增 {added} 位，跳过 {skipped} 位",
                         "{actor} imported residents from {file}: {added} added, {skipped} "
                         "skipped"),
    "gatherers.add": ("{actor} 添加信息员 {name}（{corner}）",
                      "{actor} added the gatherer {name} ({corner})"),
    "catalogue.add": ("{actor} 在积分细则里加上 {rule}", "{actor} added to the rules: {rule}"),
    "catalogue.retire": ("{actor} 停用积分类别 {rule}", "{actor} retired the category {rule}"),
    "book.init": ("{actor} 建立 {village} 的积分簿", "{actor} created the book of {village}"),
    "book.restore": ("{actor} 用备份 {source} 恢复积分簿",
                     "{actor} restored the book from {source}"),
    "history.start": ("日志从这里起加上哈希链", "the log's hash chain begins here"),
    "history.adopt": ("把已有的{table} {key} 记进哈希链", "{table} {key}, already there, enters "
                      "the hash chain"),
    "committee.set_pin": ("{actor} 设定村委会密码", "{actor} set the committee PIN"),
    "committee.pin_wrong": ("{actor} 输错了村委会密码", "{actor} typed a wrong committee PIN"),
    "month.post": ("{actor} 公示 {month}，异议期到 {objection_until}",
                   "{actor} posted {month}, objections until {objection_until}"),
    "month.finalize": ("{actor} 把 {month} 定稿", "{actor} finalized {month}"),
    "month.reopen": ("{actor} 重新打开 {month}，原因：{reason}",
                     "{actor} reopened {month}: {reason}"),
    "objection.add": ("{actor} 登记 {resident} 的异议：{says}",
                      "{actor} took down an objection of {resident}: {says}"),
    "objection.resolve": ("{actor} 处理异议（{resolution}）：{because}",
                          "{actor} settled an objection ({resolution}): {because}"),
    "settings.set": ("{actor} 把设置“{key}”从 {old} 改为 {new}",
                     "{actor} changed the setting {key} from {old} to {new}"),
    "print": ("{actor} 打印 {what}（{period}）", "{actor} printed the {what} ({period})"),
    "form.print": ("{actor} 打印纸表 {subject}", "{actor} printed the paper form {subject}"),
    "form.key": ("{actor} 录入纸表 {code} 第 {page} 页：{entries} 条记录",
                 "{actor} keyed page {page} of the paper form {code}: {entries} entries"),
    "row": ("　同一操作写入{table} {key}", "  with it: {table} {key}"),
}
RESOLUTIONS = {"void": ("作废", "voided"), "keep": ("维持", "kept"),
               "correct": ("更正", "corrected")}
_FIELD = re.compile(r"\{[a-z_]+\}")


class Names:
    """What ids and codes stand for, read once per listing: residents by id, categories by
    code, the village's gatherers (anyone else acting is the laptop's own user)."""

    def __init__(self, book):
        self.book = book
        self.categories = {r["code"]: r for r in book.query("SELECT * FROM categories")}
        self.gatherers = {r[0] for r in book.query("SELECT name FROM gatherers")}
        self._residents: dict[str, str] = {}

    def resident(self, rid: str) -> str:
        if rid not in self._residents:
            row = self.book.one("SELECT name FROM residents WHERE id = ?", (rid,))
            self._residents[rid] = row[0] if row else rid[:8]
        return self._residents[rid]

    def category(self, code: str) -> tuple[str, str]:
        """(name, unit) in the user's language."""
        row = self.categories.get(code)
        if row is None:
            return code, ""
        name = row["name_zh"] if get_lang() == "zh" else row["name_en"]
        return name, t(f"unit.{row['kind']}")

    def actor(self, who: str) -> str:
        if who in self.gatherers or not re.fullmatch(r"[A-Za-z0-9_.@-]+", who or "-"):
            return who
        return t("log.laptop_user", user=who)


def words(line, names: Names) -> str:
    """The line as one sentence in the user's language."""
    detail, data = _json(line.detail), _json(line.data)
    action = "print" if line.action.startswith("print.") else line.action
    if action not in WORDS:
        return f"{line.actor} {line.action} {line.subject} {line.summary}".strip()
    if not detail and data and action not in ("history.adopt", "committee.set_pin"):
        action = "row"  # a second row the same write changed
    values = {**data, **detail}
    values.update(actor=names.actor(line.actor), subject=line.subject)
    _fill(values, action, line, detail, data, names)
    template = WORDS[action][0 if get_lang() == "zh" else 1]
    return template.format_map(_Blank(values))


def _fill(values: dict, action: str, line, detail: dict, data: dict, names: Names) -> None:
    zh = get_lang() == "zh"
    if "resident_id" in values and "resident" not in values:
        values["resident"] = names.resident(values["resident_id"])
    if "category" in values:
        values["category"], values["unit"] = names.category(values["category"])
    if "points_c" in values:
        values["points"] = _points(values["points_c"])
    values["late"] = ("，补记" if zh else ", late") if values.get("late") else ""
    values["note"] = (("，" if zh else ", ") + values["note"]) if values.get("note") else ""
    if action == "residents.edit":
        values["name"] = names.resident(line.subject)
        values["changes"] = ("，" if zh else ", ").join(
            f"{t('f.' + k)} {_said(pair[0])}→{_said(pair[1])}" for k, pair in detail.items()
            if isinstance(pair, list) and len(pair) == 2)
    if action == "objection.resolve":
        values["resolution"] = RESOLUTIONS.get(values.get("resolution"), ("", ""))[0 if zh else 1]
    if action == "settings.set":
        values["key"] = t(f"setting.{line.subject}")
    if action == "print":
        values["what"] = t(f"what.{values.get('kind', '')}")
    if action in ("row", "history.adopt"):
        values["table"] = t(f"table.{line.tbl}") if getattr(line, "tbl", "") else ""
        if line.tbl == "settings":
            data = dict(data, key=f"{t('setting.' + data.get('key', ''))} = {data.get('value')}")
        values["key"] = (data.get("name_zh") or data.get("name") or data.get("month")
                         or data.get("key") or line.subject[:12])
    if action == "book.init" and "village" not in values:
        values["village"] = line.subject


def _said(value) -> str:
    if isinstance(value, bool):
        return t("log.yes") if value else t("log.no")
    return str(value)


def _points(points_c) -> str:
    try:
        cents = int(points_c)
    except (TypeError, ValueError):
        return str(points_c)
    return f"{cents // 100}.{cents % 100:02d}"


def _json(text: str) -> dict:
    try:
        value = json.loads(text or "{}")
    except ValueError:
        return {}
    return value if isinstance(value, dict) else {}


class _Blank(dict):
    """A value the line does not carry reads as nothing, never a KeyError."""

    def __missing__(self, key):
        return ""


def actions_saying(text: str) -> list[str]:
    """The actions whose sentence, in either language, holds `text` in its own words (not
    in a value): "作废" gives entry.void, "公示" month.post."""
    found = []
    for action, pair in WORDS.items():
        if action in ("row",):
            continue
        if any(text.lower() in _FIELD.sub(" ", p).lower() for p in pair):
            found.append("print.%" if action == "print" else action)
    return found
