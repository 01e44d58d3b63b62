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
    "rule.fixed": ("{name}：每次{points}分", "{name}: {points} each"),
    "rule.per": ("{name}：每{per}{unit}{points}分", "{name}: {points} per {per} {unit}"),
    "rule.each.hours": ("{name}：每小时{points}分", "{name}: {points} per hour"),
    "rule.each.yuan": ("{name}：每元{points}分", "{name}: {points} per yuan"),
    "rule.each.count": ("{name}：每次{points}分", "{name}: {points} each time"),
    "category.retired_use": ("类别 {code} 已停用，不能再记（可用：{known}）", "category {code} is retired and takes no new entries (known: {known})"),
    "resident.none_close": ("找不到村民：{query}（先用 residents add 添加）", "no resident {query} (add them with residents add)"),
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
    "settings.yes_no": ("{key} 只能是 yes 或 no：{value}", "{key} must be yes or no: {value}"),
    "print.bad_paper": ("纸张只能是 A4 或 A3：{paper}", "--paper must be A4 or A3: {paper}"),
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
    "entry.too_many_points": ("{category} 数量 {quantity} 折合分数过大，请核对", "{quantity} of {category} gives too many points; please check it"),
    "category.too_many_points": ("每条规则最多 {max} 分", "a rule gives at most {max} points"),
    "entry.short_id": ("记录号至少写 6 位：{id}", "give at least 6 characters of the entry id: {id}"),
    "entry.unknown": ("找不到记录：{id}", "no entry {id}"),
    "entry.ambiguous": ("记录号 {id} 不唯一，请多写几位", "entry id {id} is ambiguous; give more characters"),
    "entry.already_void": ("记录 {id} 已于 {at} 作废", "entry {id} was already voided at {at}"),
    "entry.recorded": ("{name} +{points} 分（{what}，{day}）记录号 {id}",
                       "{name} +{points} points ({what}, {day}) entry {id}"),
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
    # the terminal UI
    "ui.title": ("积分簿", "villagebook"),
    "ui.k.record": ("记录", "Record"),
    "ui.k.residents": ("村民", "Residents"),
    "ui.k.sheet": ("月表", "Sheet"),
    "ui.k.board": ("红榜", "Board"),
    "ui.k.catalogue": ("细则", "Rules"),
    "ui.k.log": ("日志", "Log"),
    "ui.k.help": ("帮助", "Help"),
    "ui.k.quit": ("退出", "Quit"),
    "ui.k.lang": ("EN", "中文"),
    "ui.k.gatherer": ("换信息员", "Gatherer"),
    "ui.k.void": ("作废", "Void"),
    "ui.k.yesterday": ("昨天", "Yesterday"),
    "ui.k.date": ("日期", "Date"),
    "ui.k.pick_more": ("多选", "Add another"),
    "ui.k.entries": ("今日记录", "Today's list"),
    "ui.k.add": ("新增", "Add"),
    "ui.k.edit": ("修改", "Edit"),
    "ui.k.retire": ("停用", "Retire"),
    "ui.k.month": ("换月", "Month"),
    "ui.k.print": ("打印", "Print"),
    "ui.k.sort": ("排序", "Sort"),
    "ui.k.corner": ("片区", "Corner"),
    "ui.k.search": ("搜索", "Search"),
    "ui.k.back": ("返回", "Back"),
    "ui.k.period": ("期间", "Period"),
    "ui.header": ("信息员 {gatherer} · {today}", "gatherer {gatherer} · {today}"),
    "ui.resident": ("村民", "Resident"),
    "ui.resident_hint": ("姓名、拼音或首字母，如 msj", "name, pinyin or msj"),
    "ui.category": ("类别", "Category"),
    "ui.quantity": ("数量", "Quantity"),
    "ui.date": ("日期", "Date"),
    "ui.note": ("备注", "Note"),
    "ui.picked": ("已选：{names}", "Picked: {names}"),
    "ui.this_month": ("本月 {points}", "this month {points}"),
    "ui.preview": ("将记 +{points} 分", "will add +{points} points"),
    "ui.preview_many": ("将记 {count} 人，每人 +{points} 分", "will add +{points} points to each of {count}"),
    "ui.saved": ("已保存：{who} +{points} 分（{category}）", "Saved: {who} +{points} points ({category})"),
    "ui.no_resident": ("请先选村民（输入姓名或 msj 这样的首字母，回车选中）", "pick a resident first (type a name or initials like msj, Enter picks)"),
    "ui.no_category": ("请选类别（按数字键）", "pick a category (press its digit)"),
    "ui.today_list": ("今天由 {gatherer} 录入的记录（{count} 条）", "Entered today by {gatherer} ({count})"),
    "ui.voided": ("作废", "void"),
    "ui.void_title": ("作废这条记录：{what}", "Void this entry: {what}"),
    "ui.void_reason": ("作废原因（必填）", "Reason (required)"),
    "ui.void_done": ("已作废：{what}", "Voided: {what}"),
    "ui.ok": ("确定", "OK"),
    "ui.cancel": ("取消", "Cancel"),
    "ui.discard": ("表单还没保存，确定丢弃吗？", "The form is not saved. Discard it?"),
    "ui.discard_yes": ("丢弃", "Discard"),
    "ui.discard_no": ("继续填写", "Keep editing"),
    "ui.choose_gatherer": ("谁在记录？（本机会记住）", "Who is recording? (this laptop remembers)"),
    "ui.new_gatherer": ("或者输入新信息员姓名后回车", "or type a new gatherer's name and press Enter"),
    "ui.sheet_title": ("{month} 月度汇总表", "Month sheet {month}"),
    "ui.sheet_totals": ("合计：{count} 人，{entries} 条，{points} 分", "Total: {count} residents, {entries} entries, {points} points"),
    "ui.first_rows": ("显示前 {shown} 行，共 {count} 行", "first {shown} of {count} shown"),
    "ui.more_on_board": ("……还有 {count} 人（打印的红榜全部列出）", "... and {count} more (the printed board lists everyone)"),
    "ui.all_corners": ("全部片区", "all corners"),
    "ui.sorted_by": ("排序：{key}", "sorted by {key}"),
    "ui.cumulative": ("累计", "Cumulative"),
    "ui.month_points": ("本月积分", "This month"),
    "ui.board_title": ("{village} 光荣榜 {period}", "{village} Board of honour {period}"),
    "ui.role_models": ("本期榜样", "Role models"),
    "ui.board_rule": ("1 分 = 1 颗红星，{spf} 颗红星 = 1 面红旗。只加分，不扣分。", "1 point = 1 star, {spf} stars = 1 flag. Points are only ever added."),
    "ui.period.month": ("本月", "this month"),
    "ui.period.year": ("今年", "this year"),
    "ui.period.all": ("全部", "all time"),
    "ui.catalogue_title": ("积分细则（只加分，不扣分）", "The rules (points are only ever added)"),
    "ui.retire_confirm": ("停用类别 {name}？以前的记录分数不变。", "Retire {name}? Past entries keep their points."),
    "ui.log_title": ("操作日志（只增不改）", "Audit log (append-only)"),
    "ui.residents_title": ("村民 {count} 人", "{count} residents"),
    "ui.residents_some": ("村民 {count} 人，显示前 {shown} 人，请输入搜索", "{count} residents, first {shown} shown: type to search"),
    "ui.resident_form": ("村民信息", "Resident"),
    "ui.on_board": ("在光荣榜上公示", "Shown on the board"),
    "ui.resident_entries": ("{name} 的记录：本月 {month} 分，累计 {total} 分", "{name}: {month} points this month, {total} in all"),
    "ui.category_form": ("新增积分类别", "New category"),
    "ui.code": ("代码（英文小写）", "Code (lowercase)"),
    "ui.name_zh": ("中文名", "Chinese name"),
    "ui.name_en": ("英文名", "English name"),
    "ui.kind": ("种类：hours 小时 / yuan 元 / count 次 / fixed 固定", "Kind: hours / yuan / count / fixed"),
    "ui.points": ("分值 P", "Points P"),
    "ui.per": ("每 N 个单位", "per N units"),
    "ui.max": ("单次上限（可空）", "Max per entry (optional)"),
    "ui.help_title": ("按键说明", "Keys"),
    "ui.help": (
        "F1 记录  F2 村民  F3 月表  F4 红榜  F5 细则  F6 日志\n"
        "F9 中/英  F10 或 ? 帮助  Ctrl+G 换信息员  Ctrl+Q 退出\n\n"
        "记录：输入姓名、拼音或首字母（msj），↑↓ 选人，回车\n"
        "  数字键选类别（0 是第 10 个，←→ 看全部），填数量，回车保存\n"
        "  + 多选村民（同一表彰记给多人，一次保存每人一条）\n"
        "  Ctrl+Y 昨天  Ctrl+T 今天  Ctrl+O 改日期  Esc 清空表单\n"
        "  Ctrl+L 今日记录，选中后按 v 作废（须写原因）\n"
        "村民：/ 搜索  a 新增  e 修改  回车看记录\n"
        "月表：[ ] 换月  s 排序  c 片区  Ctrl+P 打印\n"
        "红榜：p 换期间  Ctrl+P 打印（PDF 存在 文档/villagebook）\n"
        "细则：a 新增  r 停用\n\n"
        "按任意键关闭",
        "F1 Record  F2 Residents  F3 Sheet  F4 Board  F5 Rules  F6 Log\n"
        "F9 zh/en  F10 or ? help  Ctrl+G gatherer  Ctrl+Q quit\n\n"
        "Record: type a name, pinyin or initials (msj), ↑↓, Enter\n"
        "  a digit picks the category (0 the tenth, ←→ all), quantity, Enter\n"
        "  + picks one more resident (one award for several, one entry each)\n"
        "  Ctrl+Y yesterday  Ctrl+T today  Ctrl+O the date  Esc clears\n"
        "  Ctrl+L today's list, then v voids the selected entry (a reason)\n"
        "Residents: / search  a add  e edit  Enter shows the entries\n"
        "Sheet: [ ] month  s sort  c corner  Ctrl+P print\n"
        "Board: p period  Ctrl+P print (PDFs go to Documents/villagebook)\n"
        "Rules: a add  r retire\n\n"
        "Press any key to close",
    ),
    "ui.crash_file": ("详情已写入 {path}", "details are in {path}"),
    "ui.no_book": ("找不到积分簿 {path}。先运行 villagebook init --village 村名，或试试 villagebook demo。", "No book at {path}. Run villagebook init --village NAME first, or try villagebook demo."),
    # printouts
    "print.bad_period": ("期间只能是 month、year 或 all：{period}", "--period must be month, year or all: {period}"),
    "print.bad_group": ("分组只能是 corner 或 household：{group}", "--by must be corner or household: {group}"),
    "print.missing_glyph": ("字体里没有“{char}”（{name}），打印为 □，请手写补上", "the font has no glyph for {char} (in {name}); printed as □, please write it in by hand"),
    "print.done": ("已生成 {what}：{path}（{pages} 页，SHA-256 {sha}）", "printed {what}: {path} ({pages} pages, SHA-256 {sha})"),
    "print.sent": ("已送往打印机 {printer}", "sent to the printer {printer}"),
    "print.no_printer": ("这台电脑没有可用的打印队列（没找到 lp），PDF 已保存，请手动打印", "no print queue on this computer (no lp found); the PDF is saved, print it by hand"),
    "print.send_failed": ("打印失败：{why}（PDF 已保存）", "printing failed: {why} (the PDF is saved)"),
    "print.cannot_write": ("无法写入 {path}：{why}", "cannot write {path}: {why}"),
    "verify.ok": ("核对无误：这是 {at} 由 {actor} 打印的{what}（{period}），审计记录 {seq}", "verified: this is the {what} for {period} printed at {at} by {actor} (audit line {seq})"),
    "verify.unknown": ("核对不符：这个文件不是本积分簿打印的，或打印后被改过", "not verified: this book did not print this file, or it was changed after printing"),
    "what.board": ("光荣榜", "board"),
    "what.sheet": ("月度汇总表", "month sheet"),
    "what.slips": ("个人积分单", "resident slips"),
    "what.catalogue": ("积分细则", "catalogue notice"),
    "p.board_title": ("{village}光荣榜", "{village} Board of Honour"),
    "p.period.month": ("{year}年{month}月", "{month}/{year}"),
    "p.period.year": ("{year}年度（截至{month}月）", "year {year} (through {month})"),
    "p.period.all": ("历年累计（截至{year}年{month}月）", "all time (through {month}/{year})"),
    "p.role_models": ("本期榜样", "Role models"),
    "p.points": ("{points} 分", "{points} pts"),
    "p.legend": ("1 分 = 1 颗红星　{spf} 颗红星 = 1 面红旗", "1 point = 1 star   {spf} stars = 1 flag"),
    "p.only_adds": ("本榜只加分，从不扣分。记错的记录写明原因作废，可查。", "This board only adds: no points are ever deducted. Mistaken entries are voided with a reason, on record."),
    "p.how_earned": ("积分细则：", "How points are earned: "),
    "p.posted": ("本月积分正在公示，如有异议请于 {until} 前向信息员或村委会提出。", "This month is posted: objections to a gatherer or the committee by {until}."),
    "p.page": ("第 {page} 页 / 共 {pages} 页", "page {page} of {pages}"),
    "p.printed": ("打印于 {day}", "printed {day}"),
    "p.sheet_title": ("{village} 月度积分汇总表　{period}", "{village} monthly sheet {period}"),
    "p.labour": ("义务劳动", "Labour"),
    "p.donation": ("捐赠", "Donation"),
    "p.recognition": ("表彰", "Recognition"),
    "p.other": ("其他", "Other"),
    "p.month_total": ("本月合计", "Month"),
    "p.cumulative": ("累计", "Cumulative"),
    "p.sign_gatherer": ("信息员签字：", "Gatherer:"),
    "p.sign_committee": ("村委会签字：", "Committee:"),
    "p.sign_date": ("日期：", "Date:"),
    "p.slip_title": ("个人积分单　{period}　{village}", "Points slip {period} {village}"),
    "p.what": ("内容", "What"),
    "p.by": ("记录人", "By"),
    "p.voided": ("已作废：{reason}", "voided: {reason}"),
    "p.slip_totals": ("本月 {month} 分　　累计 {total} 分", "this month {month} points   in all {total} points"),
    "p.object_until": ("如有异议，请于 {until} 前向信息员或村委会提出。", "To object, tell a gatherer or the committee by {until}."),
    "p.object_after": ("如有异议，请在本月公示后 {days} 天内向信息员或村委会提出。", "To object, tell a gatherer or the committee within {days} days of this month's posting."),
    "p.cut": ("沿虚线剪开", "cut along the line"),
    "p.catalogue_title": ("{village} 积分细则", "{village}: how points are earned"),
    "p.catalogue_principles": ("只记贡献，不扣分。每一条记录都写明谁记的、哪天记的；记错的记录写明原因作废，可以查。", "Contributions only: nothing is ever deducted. Every entry says who recorded it and when; a mistaken entry is voided with a reason, on record."),
    "p.star_rule": ("1 分 = 1 颗红星，{spf} 颗红星 = 1 面红旗。", "1 point = 1 red star; {spf} stars = 1 red flag."),
}
