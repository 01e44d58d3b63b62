"""Every string a user reads, in Chinese (the default) and English.

``set_lang("en")`` (from ``--lang en`` or VILLAGEBOOK_LANG=en) switches the language;
``t(key, **values)`` words a message. Field names in messages are worded too.
"""

from __future__ import annotations

import os

LANGS = ("zh", "en")
_lang = os.environ.get("VILLAGEBOOK_LANG", "zh") if os.environ.get(
    "VILLAGEBOOK_LANG") in LANGS else "zh"


def set_lang(lang: str) -> None:
    global _lang
    _lang = lang if lang in LANGS else "zh"


def get_lang() -> str:
    return _lang


def t(key: str, /, **values) -> str:
    zh_en = MESSAGES.get(key)
    if zh_en is None:
        return key
    if "field" in values and f"f.{values['field']}" in MESSAGES:
        values = dict(values, field=t(f"f.{values['field']}"))
    template = zh_en[0] if _lang == "zh" else zh_en[1]
    return template.format(**values) if values else template


MESSAGES: dict[str, tuple[str, str]] = {
    # field names
    "f.name": ("姓名", "name"),
    "f.household": ("户", "household"),
    "f.corner": ("片区", "corner"),
    "f.note": ("备注", "note"),
    "f.reason": ("作废原因", "reason"),
    "f.resident": ("村民", "resident"),
    "f.quantity": ("数量", "quantity"),
    "f.--points": ("分值 --points", "--points"),
    "f.--per": ("单位数 --per", "--per"),
    "f.--max": ("上限 --max", "--max"),
    "f.points_per_star": ("每颗红星的分数", "points_per_star"),
    # the book
    "init.no_village": ("请用 --village 写明村名", "give the village's name with --village"),
    "book.exists": ("积分簿已存在：{path}（不会覆盖）", "a book already exists at {path} (not overwritten)"),
    "book.cannot_create": ("无法创建积分簿 {path}：{why}", "cannot create the book at {path}: {why}"),
    "book.missing": (
        "找不到积分簿：{path}（先运行 villagebook init --village 村名，或用 --db 指定文件）",
        "no book at {path} (run villagebook init --village NAME first, or name a file with --db)",
    ),
    "book.not_a_book": ("{path} 不是积分簿文件", "{path} is not a villagebook book"),
    "book.too_new": (
        "{path} 是更新版本的 villagebook 建的，请先升级本软件",
        "{path} was made by a newer villagebook; upgrade this one first",
    ),
    "book.busy": ("积分簿正被另一个程序写入，请稍后再试：{why}",
                  "the book is busy with another program; try again: {why}"),
    "book.readonly": ("积分簿无法写入（只读或磁盘已满）：{why}",
                      "the book cannot be written (read-only or disk full): {why}"),
    "book.error": ("积分簿出错：{why}", "the book reported an error: {why}"),
    "internal": ("程序内部错误，未写入任何内容：{why}", "internal error, nothing was written: {why}"),
    # numbers and dates
    "quantity.negative": ("{field}不能为负数：{value}（只记贡献，不扣分）",
                          "{field} cannot be negative: {value} (contributions only, nothing is deducted)"),
    "quantity.bad": ("{field}不是数字：{value}", "{field} is not a number: {value}"),
    "quantity.not_positive": ("{field}必须大于 0：{value}", "{field} must be more than 0: {value}"),
    "quantity.too_precise": ("{field}最多两位小数：{value}", "{field} has more than two decimals: {value}"),
    "quantity.too_big": ("{field}太大：{value}（最多 {max}）", "{field} is too large: {value} (at most {max})"),
    "date.bad": ("日期看不懂：{value}（写成 2026-11-03）", "bad date: {value} (write it as 2026-11-03)"),
    "date.future": ("日期在未来：{value}", "the date is in the future: {value}"),
    "month.bad": ("月份看不懂：{value}（写成 2026-11）", "bad month: {value} (write it as 2026-11)"),
    "month.final": ("{month} 已定稿，不能再添加或作废记录", "{month} is final: no entry can be added or voided"),
    # catalogue
    "rule.fixed": ("{name}：每次{points}分", "{name}: {points} points each"),
    "rule.per": ("{name}：每{per}{unit}{points}分", "{name}: {points} points per {per} {unit}"),
    "unit.hours": ("小时", "hours"),
    "unit.yuan": ("元", "yuan"),
    "unit.count": ("次", "times"),
    "unit.fixed": ("次", "awards"),
    "kind.hours": ("按小时", "hours"),
    "kind.yuan": ("按金额", "yuan"),
    "kind.count": ("按次数", "count"),
    "kind.fixed": ("固定分值", "fixed"),
    "category.unknown": ("没有这个类别：{code}（可用：{known}）", "unknown category: {code} (known: {known})"),
    "category.bad_code": (
        "类别代码只能用小写字母、数字和下划线，以字母开头：{code}",
        "a category code is lowercase letters, digits and _ starting with a letter: {code}",
    ),
    "category.bad_kind": ("类别种类不对：{kind}（可用：{kinds}）", "bad --kind {kind} (one of: {kinds})"),
    "category.bad_name": ("{field} 不能为空，最多 40 字", "{field} must be 1 to 40 characters"),
    "category.negative_points": ("规则的分值不能为负数（只记贡献，不扣分）",
                                 "a rule cannot have negative points (contributions only)"),
    "category.per_whole": ("--per 必须是正整数：{value}", "--per must be a whole number: {value}"),
    "category.exists": ("类别 {code} 已存在", "category {code} already exists"),
    "category.added": ("已发布新类别 {code}：{rule}", "published category {code}: {rule}"),
    "category.retired": ("已停用类别 {code}（以前的记录不变）", "retired category {code} (past entries keep their points)"),
    # settings
    "settings.range": ("{key} 应在 {low} 到 {high} 之间：{value}", "{key} must be from {low} to {high}: {value}"),
    "settings.village": ("村名不能为空，最多 60 字", "the village name must be 1 to 60 characters"),
    "settings.unknown": ("没有这个设置：{key}（可用：{keys}）", "unknown setting {key} (known: {keys})"),
    "settings.done": ("{key} = {value}", "{key} = {value}"),
    # people
    "field.empty": ("{field}不能为空", "{field} is empty"),
    "field.too_long": ("{field}太长（最多 {limit} 字）", "{field} is too long (at most {limit} characters)"),
    "field.control": ("{field}里有控制字符", "{field} contains control characters"),
    "resident.unknown": ("找不到村民：{query}（相近的：{close}）", "no resident {query} (close: {close})"),
    "resident.ambiguous": ("“{query}”不止一人，请写全名或用 id：{candidates}",
                           "{query} matches several residents; use the full name or id: {candidates}"),
    "resident.added": ("已添加村民 {label}，id {id}", "added resident {label}, id {id}"),
    "resident.imported": ("导入 {added} 位村民，跳过已有的 {skipped} 位", "imported {added} residents, skipped {skipped} already there"),
    "gatherer.exists": ("信息员 {name} 已存在", "gatherer {name} already exists"),
    "gatherer.unknown": ("没有这个信息员：{name}（已有：{known}）", "unknown gatherer {name} (known: {known})"),
    "gatherer.added": ("已添加信息员 {name}", "added gatherer {name}"),
    "gatherer.none": (
        "请用 --by 写明记录人（信息员），例如 --by 杨秋云；本机会记住上次的记录人",
        "say who records with --by, e.g. --by 杨秋云; this laptop remembers the last one",
    ),
    # entries
    "entry.fixed_quantity": ("{category} 是固定分值，不需要数量", "{category} is a fixed award and takes no quantity"),
    "entry.need_quantity": ("{category} 需要数量（小时、元或次数）", "{category} needs a quantity (hours, yuan or times)"),
    "entry.over_max": ("数量 {quantity} 超过 {category} 的上限 {max}", "quantity {quantity} is over the maximum of {category}: {max}"),
    "entry.too_small": ("{category} 数量 {quantity} 太少，不足 0.01 分", "{quantity} of {category} earns less than 0.01 points"),
    "entry.unknown": ("找不到记录：{id}", "no entry {id}"),
    "entry.ambiguous": ("记录号 {id} 不唯一，请多写几位", "entry id {id} is ambiguous; give more characters"),
    "entry.already_void": ("记录 {id} 已于 {at} 作废", "entry {id} was already voided at {at}"),
    "entry.recorded": ("{name} +{points} 分（{category} {what}，{day}）记录号 {id}",
                       "{name} +{points} points ({category} {what}, {day}) entry {id}"),
    "entry.voided": ("已作废记录 {id}：{name} {points} 分，原因：{reason}",
                     "voided entry {id}: {name} {points} points, because: {reason}"),
    # csv
    "csv.encoding": ("文件编码看不懂（请存为 UTF-8 或 GBK 的 CSV）", "cannot read the file's encoding (save it as UTF-8 or GBK CSV)"),
    "csv.too_big": ("文件太大：{path}", "the file is too large: {path}"),
    "csv.broken": ("CSV 第 {line} 行格式错误：{why}", "CSV line {line} is malformed: {why}"),
    "csv.empty": ("文件是空的：{path}", "the file is empty: {path}"),
    "csv.no_name_column": ("表头里没有“姓名/name”列", "the header has no name column"),
    "csv.line": ("第 {line} 行：{problem}（未导入任何内容）", "line {line}: {problem} (nothing was imported)"),
    "csv.columns": ("有 {got} 列，最多 {want} 列", "{got} columns, at most {want}"),
    "csv.bad_flag": ("上榜一栏应为 是/否 或 1/0：{value}", "on_board must be yes/no or 1/0: {value}"),
    "file.unreadable": ("无法读取文件 {path}：{why}", "cannot read {path}: {why}"),
    # commands
    "init.done": ("已建立{village}的积分簿：{path}", "created the book of {village} at {path}"),
    "demo.made": ("演示村的积分簿：{path}", "the demo village's book: {path}"),
    "no_rows": ("（没有记录）", "(nothing)"),
    "total": ("合计", "Total"),
    "h.id": ("id", "id"),
    "h.name": ("姓名", "Name"),
    "h.household": ("户", "Household"),
    "h.corner": ("片区", "Corner"),
    "h.on_board": ("上榜", "On board"),
    "h.points": ("积分", "Points"),
    "h.entries": ("条数", "Entries"),
    "h.stars": ("红星", "Stars"),
    "h.flags": ("红旗", "Flags"),
    "h.loose_stars": ("余星", "Loose stars"),
    "h.day": ("日期", "Day"),
    "h.quantity": ("数量", "Quantity"),
    "h.by": ("记录人", "By"),
    "h.note": ("备注", "Note"),
    "voided": ("已作废", "voided"),
    "h.code": ("代码", "Code"),
    "h.category": ("类别", "Category"),
    "h.kind": ("种类", "Kind"),
    "h.rule": ("规则", "Rule"),
    "h.max": ("上限", "Max"),
    "h.seq": ("序号", "Seq"),
    "h.at": ("时间", "At"),
    "h.actor": ("操作人", "By"),
    "h.action": ("操作", "Action"),
    "h.subject": ("对象", "Subject"),
    "h.detail": ("详情", "Detail"),
    "h.key": ("设置", "Setting"),
    "h.value": ("值", "Value"),
    "yes": ("是", "yes"),
    "no": ("否", "no"),
    "sheet.title": ("{village} {period} 积分汇总", "{village} points for {period}"),
    "standings.title": ("{village} 累计积分 {period}", "{village} standings {period}"),
}
