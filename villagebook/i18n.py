"""Every string a user reads, in Chinese (the default) and English.

``set_lang("en")`` (from ``--lang en`` or VILLAGEBOOK_LANG=en) switches the language;
``t(key, **values)`` words a message. Field names and month states in messages are worded
too. The table is here for the core and the commands; the screens' words (ui.*), the
printouts' (p.*), those of check, backups and witnesses, of the month's cycle and the
committee, and the paper forms' live in messages_ui, messages_print, messages_check,
messages_cycle and messages_forms, read in below.
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
    if "state" in values and f"state.{values['state']}" in MESSAGES:  # a month's state
        values = dict(values, state=t(f"state.{values['state']}"))
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
    "f.--max": ("每日上限 --max", "--max"),
    "f.points_per_star": ("每颗红星的分数", "points_per_star"),
    "f.on_board": ("上榜", "on board"),
    "setting.village": ("村名", "the village's name"),
    "setting.points_per_star": ("几分一颗红星", "points for one star"),
    "setting.stars_per_flag": ("几颗红星一面红旗", "stars for one flag"),
    "setting.objection_days": ("公示几天（可提异议）", "days a month is posted for objections"),
    "setting.mono": ("黑白打印", "print in black and white"),
    "setting.notice_place": ("公示贴在哪里", "where notices are posted"),
    "setting.contact": ("有异议找谁", "who takes objections"),
    "h.means": ("含义", "Means"),
    "log.laptop_user": ("本机用户 {user}", "laptop user {user}"),
    "log.yes": ("是", "yes"),
    "log.no": ("否", "no"),
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
    "book.readonly": ("积分簿所在的位置只能读、不能写（换个可写的文件夹，或检查 U 盘的写保护）：{why}",
                      "the book's place can be read but not written (move it to a folder you can write, or check the USB stick's write protection): {why}"),
    "book.readonly_backup": ("积分簿所在的位置只能读、不能写（换个可写的文件夹，或检查 U 盘的写保护）：{why}；最新的备份：{backup}", "the book's place can be read but not written (move it to a folder you can write, or check the USB stick's write protection): {why}; newest backup: {backup}"),
    "book.full": ("磁盘已满，没有写入任何内容（腾出一些空间再试）：{why}", "the disk is full; nothing was written (free some space and try again): {why}"),
    "book.full_backup": ("磁盘已满，没有写入任何内容（腾出一些空间再试）：{why}；最新的备份：{backup}", "the disk is full; nothing was written (free some space and try again): {why}; newest backup: {backup}"),
    "book.newest_backup": ("；最新的备份：{path}", "; newest backup: {path}"),
    "book.error": ("积分簿出错：{why}", "the book reported an error: {why}"),
    "internal": ("程序内部错误，未写入任何内容：{why}", "internal error, nothing was written: {why}"),
    # numbers and dates
    "quantity.negative": ("{field}不能为负数：{value}（只记贡献，不扣分）",
                          "{field} cannot be negative: {value} (contributions only, nothing is deducted)"),
    "quantity.bad": ("{field}不是数字：{value}", "{field} is not a number: {value}"),
    "quantity.not_positive": ("{field}必须大于 0：{value}", "{field} must be more than 0: {value}"),
    "quantity.too_precise": ("{field}最多两位小数：{value}", "{field} has more than two decimals: {value}"),
    "quantity.too_big": ("{field}太大：{value}（最多 {max}）", "{field} is too large: {value} (at most {max})"),
    "date.bad": ("日期看不懂：{value}（可以写 2026-11-03、2026/11/3、20261103、11-03、今天、昨天）", "bad date: {value} (write 2026-11-03, 2026/11/3, 20261103, 11-03, today or yesterday)"),
    "date.old_year": ("{day} 是 {days} 天以前（一年多）：常是年份打错了；确实是这一天请加 --old", "{day} is {days} days back (over a year): most often a mistyped year; if it really is that day, add --old"),
    "date.before_first": ("{day} 早于积分簿最早的记录（{first}）：常是年份或月份打错了；确实是这一天请加 --old", "{day} is before the book's first entries ({first}): most often a mistyped year or month; if it really is that day, add --old"),
    "date.too_early": ("日期太早：{value}（积分簿只收 2000 年以后的记录）", "the date is too early: {value} (the book takes days from 2000 on)"),
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
    "resident.ambiguous": ("“{query}”不止一人：{candidates}。请写 姓名@户（如 {example}）或 id 的前几位",
                           "{query} matches several residents: {candidates}. Write name@household (e.g. {example}) or the first characters of the id"),
    "resident.not_in_household": ("{household} 没有叫 {name} 的村民", "no resident {name} in {household}"),
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
    "entry.over_max": ("数量 {quantity} 超过{category}的上限：每人每天最多 {max} {unit}", "quantity {quantity} is over the cap of {category}: at most {max} {unit} a day for one resident"),
    "entry.over_day_cap": ("{name} 当天已有{category} {already} {unit}，再记 {quantity} 超过每天上限 {max} {unit}：没有保存", "{name} already has {already} {unit} of {category} that day; {quantity} more passes the cap of {max} a day: nothing saved"),
    "entry.again": ("{name} {day} 的{category} {quantity} {unit} 已在 {at} 由 {by} 记过（记录号 {id}）：没有保存；确实又有一次请加 --again", "{name}'s {category} {quantity} {unit} on {day} was already recorded at {at} by {by} (entry {id}): nothing saved; add --again if it really happened twice"),
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
    "csv.not_a_file": ("{path} 不是普通文件（不能从设备或管道导入），请先存成 CSV 文件", "{path} is not a plain file (no import from a device or a pipe): save it as a CSV file first"),
    "csv.other_encoding": ("文件看起来是 {encoding} 编码（不是中文的 UTF-8 或 GBK），导入会成乱码：请在 Excel 或 WPS 里另存为 UTF-8 的 CSV", "the file looks like {encoding}, not Chinese UTF-8 or GBK, and would import as garbled names: save it as UTF-8 CSV in Excel or WPS"),
    "csv.same_name": ("文件里有 {count} 个名字簿子里已有、但户不同：{names}。是另外的人请加 --same-name new，是同一个人请加 --same-name skip（未导入任何内容）", "{count} names are already in the book in another household: {names}. Add --same-name new if they are other people, --same-name skip if the same (nothing was imported)"),
    "csv.twin": ("{name}（文件里：{file}，簿子里：{book}）", "{name} (file: {file}; book: {book})"),
    "csv.same_name_ask": ("这些是另外的人（new）还是同一个人（skip）？", "Are they other people (new) or the same ones (skip)?"),
    "csv.ignored": ("已忽略不认识的列：{columns}", "columns not known, ignored: {columns}"),
    "csv.broken": ("CSV 第 {line} 行格式错误：{why}", "CSV line {line} is malformed: {why}"),
    "csv.empty": ("文件是空的：{path}", "the file is empty: {path}"),
    "csv.no_name_column": ("表头里没有“姓名/name”列", "the header has no name column"),
    "csv.line": ("第 {line} 行：{problem}（未导入任何内容）", "line {line}: {problem} (nothing was imported)"),
    "csv.columns": ("有 {got} 列，最多 {want} 列", "{got} columns, at most {want}"),
    "csv.bad_flag": ("上榜一栏应为 是/否 或 1/0：{value}", "on_board must be yes/no or 1/0: {value}"),
    "file.unreadable": ("无法读取文件 {path}：{why}", "cannot read {path}: {why}"),
    # commands
    "init.done": ("已建立{village}的积分簿：{path}", "created the book of {village} at {path}"),
    "cli.bad_bytes": ("第 {number} 个参数不是能读的文字（{shown}）：请检查输入法或终端的编码，没有保存任何内容", "argument {number} is not readable text ({shown}): check the keyboard or terminal encoding; nothing was saved"),
    "month.late_not_needed": ("{month} 还没定稿，不需要 --late（补记）：去掉 --late 再记，这条会算在 {month}", "{month} is not final, so --late is not needed: record it without --late and it counts in {month}"),
    "resident.edited": ("已更正村民 {label}，id {id}（记录仍是他的）", "resident {label} corrected, id {id} (their entries stay theirs)"),
    "resident.unchanged": ("{label} 没有变化", "{label}: nothing to change"),
    "resident.retired": ("已停用村民 {label}，id {id}：记录都保留并照常计分；不再出现在名单和搜索里，也不能再记新的", "resident {label} retired, id {id}: their entries stay and count; they leave the lists and the search and take no new entry"),
    "resident.unretired": ("已恢复村民 {label}，id {id}", "resident {label} is back, id {id}"),
    "merge.self": ("{label} 不能并到自己名下", "{label} cannot be merged into themselves"),
    "merge.into_retired": ("{label} 已经停用，不能把记录并过去：先 residents unretire", "{label} is retired and takes no entries: residents unretire first"),
    "merge.objection_open": ("{label} 有还没处理的异议：先处理异议再合并", "{label} has objections not yet settled: settle them before merging"),
    "merge.nothing": ("{label} 已经停用，也没有可转的记录：不用再合并", "{label} is retired and has no entries to move: nothing to merge"),
    "merge.reason": ("并入 {label}（同一个人）", "merged into {label} (the same person)"),
    "merge.done": ("已把 {other} 并到 {into} 名下：{moved} 条记录转过去（每条都作废后重记，日志可查），{other} 已停用", "{other} merged into {into}: {moved} entries moved (each voided and recorded again, on the log); {other} retired"),
    "merge.kept_final": ("已定稿月份的 {count} 条记录仍记在 {other} 名下，和贴出的榜一致", "{count} entries of final months stay with {other}, as the posted boards showed them"),
    "resident.already_retired": ("{label} 已经停用了", "{label} is already retired"),
    "resident.not_retired": ("{label} 没有停用", "{label} is not retired"),
    "resident.retired_no_entry": ("{label} 已停用，不能再记：确有此事请先 villagebook residents unretire", "{label} is retired and takes no new entry: if this is right, residents unretire first"),
    "demo.made": ("演示村的积分簿：{path}（试用别的命令时加上 --db {path}）", "the demo village's book: {path} (add --db {path} to any command to try it)"),
    "demo.not_demo": ("{path} 不是演示村的积分簿，不会覆盖它：请用 --keep 另选位置", "{path} is not a demo book and will not be overwritten: choose another place with --keep"),
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
    "h.mark": ("标记", "Mark"),
    "mark.voided": ("作废", "void"),
    "mark.late": ("补", "late"),
    "mark.added": ("增", "added"),
    "entries.counted": ("计入积分 {n} 条，共 {points} 分；已作废 {voided} 条（不计）。补 = 定稿后补记，增 = 公示期间补录", "{n} entries count, {points} points; {voided} voided (not counted). late = recorded after its month was final, added = recorded while the month was posted"),
    "voided": ("已作废", "voided"),
    "h.code": ("代码", "Code"),
    "h.category": ("类别", "Category"),
    "h.kind": ("种类", "Kind"),
    "h.rule": ("规则", "Rule"),
    "h.max": ("每日上限", "Max a day"),
    "h.seq": ("序号", "Seq"),
    "h.what": ("内容", "What happened"),
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
    "f.early": ("提前定稿的原因", "the reason to finalize early"),
    # printouts
    "print.bad_period": ("期间只能是 month、year 或 all：{period}", "--period must be month, year or all: {period}"),
    "print.bad_group": ("分组只能是 corner 或 household：{group}", "--by must be corner or household: {group}"),
    "print.missing_glyph": ("字体里没有“{char}”（{name}），打印为 □，请手写补上", "the font has no glyph for {char} (in {name}); printed as □, please write it in by hand"),
    "log.searching": ("正在搜索日志：已查最新 {done} 行/共 {of} 行…", "searching the log: the newest {done} of {of} lines..."),
    "print.progress": ("正在排版{what}：第 {page} 页…", "laying out the {what}: page {page}..."),
    "print.done": ("已生成 {what}：{path}（{pages} 页，SHA-256 {sha}）", "printed {what}: {path} ({pages} pages, SHA-256 {sha})"),
    "print.sent": ("已送往打印机 {printer}", "sent to the printer {printer}"),
    "print.no_printer": ("这台电脑没有可用的打印队列（没找到 lp），PDF 已保存，请手动打印", "no print queue on this computer (no lp found); the PDF is saved, print it by hand"),
    "print.send_failed": ("打印失败：{why}（PDF 已保存）", "printing failed: {why} (the PDF is saved)"),
    "print.cannot_write": ("无法写入 {path}：{why}", "cannot write {path}: {why}"),
    "what.board": ("光荣榜", "board"),
    "what.sheet": ("月度汇总表", "month sheet"),
    "what.slips": ("个人积分单", "resident slips"),
    "what.catalogue": ("积分细则", "catalogue notice"),
    "what.notice": ("积分公示", "posting notice"),
    "settings.text": ("{key} 最多 {limit} 个字，不能含换行等控制字符", "{key} must be at most {limit} characters, with no line breaks or control characters"),
    "settings.text_required": ("{key} 不能为空，最多 {limit} 个字，不能含换行等控制字符", "{key} must be 1 to {limit} characters, with no line breaks or control characters"),
}


def _read_in() -> None:
    from villagebook.messages_check import TRUST
    from villagebook.messages_cycle import CYCLE
    from villagebook.messages_forms import FORMS
    from villagebook.messages_print import PRINTOUTS
    from villagebook.messages_ui import SCREENS

    MESSAGES.update(SCREENS)
    MESSAGES.update(PRINTOUTS)
    MESSAGES.update(TRUST)
    MESSAGES.update(CYCLE)
    MESSAGES.update(FORMS)


_read_in()
