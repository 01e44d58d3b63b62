"""The published rules (积分细则): what earns points, and how many.

A rule is "P points per N units" of one kind: hours of labour, yuan donated, a count of
times, or a fixed award. Points are computed exactly and rounded half up to hundredths.
"""

from __future__ import annotations

import re
import sqlite3
from decimal import Decimal
from typing import NamedTuple

from villagebook.errors import BookError
from villagebook.i18n import get_lang
from villagebook.quantities import (
    fmt_points,
    fmt_points_short,
    parse_points,
    parse_quantity,
    quantity_text,
)

KINDS = ("hours", "yuan", "count", "fixed")
MAX_RULE_POINTS_C = 100_000  # 1,000 points per N units at most
_CODE = re.compile(r"[a-z][a-z0-9_]{0,23}")


class Category(NamedTuple):
    code: str
    name_zh: str
    name_en: str
    kind: str
    points_c: int
    per_units: int
    max_quantity: Decimal | None
    active: bool = True

    @property
    def name(self) -> str:
        return self.name_zh if get_lang() == "zh" else self.name_en

    @property
    def rule(self) -> str:
        """The rule in a fixed, language-free form, stored on every entry forever."""
        if self.kind == "fixed":
            return f"{fmt_points(self.points_c)} fixed"
        return f"{fmt_points(self.points_c)} per {self.per_units} {self.kind}"

    def describe(self) -> str:
        """The rule in plain words: 义务劳动：每4小时1分."""
        from villagebook.i18n import t

        pts = fmt_points_short(self.points_c)
        if self.kind == "fixed":
            return t("rule.fixed", name=self.name, points=pts)
        if self.per_units == 1:
            return t(f"rule.each.{self.kind}", name=self.name, points=pts)
        unit = t(f"unit.{self.kind}")
        return t("rule.per", name=self.name, per=self.per_units, unit=unit, points=pts)

    def points_for(self, quantity: Decimal) -> int:
        """Exact points in hundredths for a quantity of this rule (a fixed rule: per award)."""
        if self.kind == "fixed":
            return self.points_c * int(quantity)
        top, bottom = quantity.as_integer_ratio()  # exact, as a fraction of integers
        top, bottom = self.points_c * top, bottom * self.per_units
        return (2 * top + bottom) // (2 * bottom)  # to the nearest hundredth, half up


# The default catalogue of a new book: the village's reference rules and a few more.
DEFAULTS = [
    Category("labour", "义务劳动", "Labour", "hours", 100, 4, Decimal(24)),
    Category("donation", "现金捐赠", "Cash donation", "yuan", 100, 100, None),
    Category("goods", "物品捐赠", "Goods", "yuan", 100, 100, None),
    Category("recognition", "表彰（军属等）", "Recognition",
             "fixed", 1000, 1, Decimal(1)),
    Category("elder_care", "照顾孤寡老人", "Elder care", "hours",
             100, 4, Decimal(24)),
    Category("blood", "无偿献血", "Blood donation", "count", 500, 1, Decimal(2)),
    Category("good_deed", "好人好事", "Good deed", "fixed", 300, 1, Decimal(1)),
]


def _insert(conn: sqlite3.Connection, cat: Category) -> None:
    conn.execute(
        "INSERT INTO categories (code, name_zh, name_en, kind, points_c, per_units,"
        " max_quantity, active) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        (
            cat.code, cat.name_zh, cat.name_en, cat.kind, cat.points_c, cat.per_units,
            None if cat.max_quantity is None else quantity_text(cat.max_quantity),
            int(cat.active),
        ),
    )


def write_defaults(conn: sqlite3.Connection) -> None:
    for cat in DEFAULTS:
        _insert(conn, cat)


def _from_row(row) -> Category:
    mq = row["max_quantity"]
    return Category(
        row["code"], row["name_zh"], row["name_en"], row["kind"], row["points_c"],
        row["per_units"], None if mq is None else Decimal(mq), bool(row["active"]),
    )


def categories(book, include_retired: bool = False) -> list[Category]:
    sql = "SELECT * FROM categories"
    if not include_retired:
        sql += " WHERE active = 1"
    return [_from_row(r) for r in book.query(sql + " ORDER BY rowid")]


def get(book, code: str) -> Category:
    """The active category with this code (or its Chinese/English name), or a clear refusal."""
    wanted = (code or "").strip()
    row = book.one(
        "SELECT * FROM categories"
        " WHERE code = lower(?) OR name_zh = ? OR lower(name_en) = lower(?)",
        (wanted, wanted, wanted),
    )
    known = ("、" if get_lang() == "zh" else ", ").join(
        f"{c.name} {c.code}" for c in categories(book))
    if row is None:
        raise BookError("category.unknown", code=wanted, known=known)
    if not row["active"]:
        raise BookError("category.retired_use", code=row["code"], known=known)
    return _from_row(row)


def add(book, code: str, name_zh: str, name_en: str, kind: str, points: str, per: str,
        max_quantity: str | None = None, actor: str | None = None) -> Category:
    """Publish a new rule; points and units must be positive (no rule subtracts)."""
    code = (code or "").strip().lower()
    if not _CODE.fullmatch(code):
        raise BookError("category.bad_code", code=code)
    if kind not in KINDS:
        raise BookError("category.bad_kind", kind=kind, kinds=", ".join(KINDS))
    for field, value in (("--name-zh", name_zh), ("--name-en", name_en)):
        if not (value or "").strip() or len(value) > 40:
            raise BookError("category.bad_name", field=field)
    if str(points).strip().startswith("-"):
        raise BookError("category.negative_points")
    points_c = parse_points(points, "--points")
    if points_c > MAX_RULE_POINTS_C:
        raise BookError("category.too_many_points", max=MAX_RULE_POINTS_C // 100)
    per_q = parse_quantity(per, "--per")
    if per_q != per_q.to_integral():
        raise BookError("category.per_whole", value=per)
    per_units = 1 if kind == "fixed" else int(per_q)
    mq = parse_quantity(max_quantity, "--max") if max_quantity not in (None, "") else None
    if kind == "fixed" and mq is None:
        mq = Decimal(1)
    if book.one("SELECT 1 FROM categories WHERE code = ?", (code,)):
        raise BookError("category.exists", code=code)
    cat = Category(code, name_zh.strip(), name_en.strip(), kind, points_c, per_units, mq)
    with book.writing(actor, "catalogue.add", code, {"rule": cat.rule, "name": cat.name_zh}) as c:
        _insert(c, cat)
        book.changed("categories", code)
    return cat


def retire(book, code: str, actor: str | None = None) -> Category:
    """Stop a rule for new entries; past entries keep the points they were given."""
    cat = get(book, code)
    with book.writing(actor, "catalogue.retire", cat.code, {"rule": cat.rule}) as c:
        c.execute("UPDATE categories SET active = 0 WHERE code = ?", (cat.code,))
        book.changed("categories", cat.code)
    return cat
