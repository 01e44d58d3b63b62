"""CSV in and out, as Excel and WPS save it: UTF-8, UTF-8 with BOM, or GBK.

An import is all or nothing: every line is checked first, and the first bad line is
named with its number before anything is written.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from villagebook.errors import BookError

MAX_BYTES = 20 * 1024 * 1024
_HEADERS = {
    "name": "name", "姓名": "name", "名字": "name",
    "household": "household", "户": "household", "户名": "household", "家庭": "household",
    "corner": "corner", "片区": "corner", "组": "corner", "片": "corner",
    "on_board": "on_board", "上榜": "on_board", "公示": "on_board",
}
_YES = {"", "1", "yes", "y", "true", "是", "上榜"}
_NO = {"0", "no", "n", "false", "否", "不上榜"}


def decode(data: bytes) -> str:
    """Text of a CSV file in UTF-8 (with or without BOM) or GBK/GB18030. A roster saved on
    a Japanese Windows (Shift-JIS) is refused, not read as garbled names: it reads as
    Shift-JIS and holds kana, which no Chinese roster does. (A guesser such as
    charset-normalizer takes short GBK files for Korean or Big5: too unsure to refuse on.)"""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        japanese = data.decode("shift_jis")
    except UnicodeDecodeError:
        japanese = ""
    if any("\u3041" <= ch <= "\u30fa" for ch in japanese):
        raise BookError("csv.other_encoding", encoding="Shift-JIS")
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        raise BookError("csv.encoding") from None


def read_rows(path: Path) -> list[tuple[int, list[str]]]:
    """(line number, cells) for each non-empty line of the file."""
    path = Path(path)
    try:
        if path.exists() and not path.is_file():  # /dev/zero, a pipe: never read
            raise BookError("csv.not_a_file", path=path)
        if path.stat().st_size > MAX_BYTES:
            raise BookError("csv.too_big", path=path)
        data = path.read_bytes()
    except OSError as exc:
        raise BookError("file.unreadable", path=path, why=exc.strerror or exc) from None
    text = decode(data)
    if "\x00" in text:
        raise BookError("csv.encoding")
    numbered, reader = [], csv.reader(io.StringIO(text, newline=""), delimiter=_sniff(text))
    try:
        for cells in reader:
            if any(c.strip() for c in cells):
                numbered.append((reader.line_num, cells))
    except csv.Error as exc:
        raise BookError("csv.broken", line=reader.line_num, why=exc) from None
    return numbered


def _sniff(text: str) -> str:
    """The delimiter: a comma, a semicolon (a spreadsheet in a European locale) or a tab,
    as the csv module's Sniffer finds it in the first lines; a comma when unsure."""
    try:
        return csv.Sniffer().sniff(text[:8192], delimiters=",;\t").delimiter
    except csv.Error:
        return ","


def parse_residents(path: Path, ignored: list[str] | None = None) -> list[dict]:
    """Checked resident rows from a CSV of name,household,corner[,on_board]. A header row
    is known by any cell naming a column (Chinese or English); the columns it does not
    know (序号, 电话...) are skipped, and their names added to `ignored`."""
    from villagebook.people import new_resident_row  # pypinyin: only when reading residents

    rows = read_rows(path)
    if not rows:
        raise BookError("csv.empty", path=path)
    columns = ["name", "household", "corner", "on_board"]
    first = [c.strip().lower() for c in rows[0][1]]
    if any(c in _HEADERS for c in first):
        columns = [_HEADERS.get(c, "") for c in first]
        if "name" not in columns:
            raise BookError("csv.no_name_column")
        if ignored is not None:
            ignored += [rows[0][1][i].strip() for i, c in enumerate(columns) if not c]
        rows = rows[1:]
    out = []
    for line, cells in rows:
        if len(cells) > len(columns):
            raise BookError("csv.line", line=line, problem=_cols(len(cells), len(columns)))
        record = {col: cell.strip() for col, cell in zip(columns, cells, strict=False) if col}
        flag = record.get("on_board", "").lower()
        if flag not in _YES | _NO:
            raise BookError("csv.line", line=line, problem=_bad_flag(flag))
        try:
            out.append(new_resident_row(
                record.get("name", ""), record.get("household", ""), record.get("corner", ""),
                on_board=flag in _YES,
            ))
        except BookError as exc:
            raise BookError("csv.line", line=line, problem=str(exc)) from None
    return out


def _cols(got: int, want: int) -> str:
    from villagebook.i18n import t

    return t("csv.columns", got=got, want=want)


def _bad_flag(flag: str) -> str:
    from villagebook.i18n import t

    shown = "".join(ch if ch.isprintable() else "⏎" if ch in "\r\n" else "?" for ch in flag)
    return t("csv.bad_flag", value=shown[:20])  # one line, whatever the cell held


WRITE_STEP = 1000  # residents written between two reports of how far an import is


def import_residents(book, path: Path, actor: str | None = None,
                     same_name: str | None = None,
                     ignored: list[str] | None = None, told=None) -> tuple[int, int]:
    """Add every new resident of the file in one transaction; (added, not added). A name
    already in the book in another household is a second person (`same_name="new"`) or
    the same one typed with another household (`"skip"`); asked for, never guessed.
    told(step, done, of) hears how far it is: the copy made first ("copy", percent), then
    the residents written ("write", every WRITE_STEP of them: a township's 100,000 take
    half a minute, their names' pinyin read one by one)."""
    from villagebook.readings import write_keys  # pypinyin: only when reading residents

    rows = parse_residents(path, ignored)
    existing = {(r["name"], r["household"]) for r in book.query(
        "SELECT name, household FROM residents")}
    households: dict[str, list[str]] = {}
    for name, household in sorted(existing):
        households.setdefault(name, []).append(household or "-")
    twins = [row for row in rows if row["name"] in households
             and (row["name"], row["household"]) not in existing]
    if twins and same_name not in ("new", "skip"):
        from villagebook.i18n import t

        listed = "; ".join(t("csv.twin", name=r["name"], file=r["household"] or "-",
                             book="、".join(households[r["name"]])) for r in twins[:8])
        raise BookError("csv.same_name", count=len(twins), names=listed)
    fresh, seen = [], set()
    for row in rows:
        key = (row["name"], row["household"])
        if same_name == "skip" and row["name"] in households:
            continue
        if key not in existing and key not in seen:
            fresh.append(row)
            seen.add(key)
    detail = {"file": Path(path).name, "added": len(fresh), "skipped": len(rows) - len(fresh)}
    if fresh:
        from villagebook import backup

        backup.backup(book, reason="import", told=told and (
            lambda done, total: told("copy", done * 100 // max(total, 1), 100)))
    with book.writing(actor, "residents.import", Path(path).name, detail) as conn:
        book.db["residents"].insert_all(fresh)  # a savepoint inside this one transaction
        for i, row in enumerate(fresh):
            if told and not i % WRITE_STEP:
                told("write", i, len(fresh))
            write_keys(conn, row["id"], row["name"])
            book.audit(actor, "residents.add", row["id"],
                       {k: row[k] for k in ("name", "household", "corner", "on_board")},
                       "residents", row["id"])
    return len(fresh), len(rows) - len(fresh)


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def safe_cell(value):
    """A text cell Excel or WPS would run as a formula (=HYPERLINK(…), +1+1, @SUM(…)) gets
    a leading apostrophe, as OWASP advises for CSV injection; numbers are left alone."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def write_csv(stream, header: list[str], rows: list[list]) -> None:
    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow([safe_cell(h) for h in header])
    writer.writerows([safe_cell(cell) for cell in row] for row in rows)
