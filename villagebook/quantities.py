"""Exact numbers as the village writes them: quantities, points in hundredths, months, days.

Forgiving on input (full-width digits, "3,000", "8小时", "yesterday"), exact inside:
points are integer hundredths and quantities are Decimals, never floats.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from villagebook.errors import BookError

MAX_QUANTITY = Decimal("1000000000")  # a ceiling for any rule without its own maximum
_UNIT_WORDS = re.compile(r"(小时|个小时|钟头|元|块钱|块|次|个|件|hours?|hrs?|h|yuan|rmb|times?|x)$")


def parse_quantity(text: str | int | Decimal, field: str = "quantity") -> Decimal:
    """A positive amount with at most two decimals, or a BookError naming the field."""
    raw = unicodedata.normalize("NFKC", str(text)).strip().lower()
    cleaned = _UNIT_WORDS.sub("", raw.replace(",", "").replace("，", "")).strip()
    if not re.fullmatch(r"[0-9]+(\.[0-9]+)?|\.[0-9]+", cleaned):
        if re.fullmatch(r"-\s*[0-9.]+", cleaned):
            raise BookError("quantity.negative", field=field, value=text)
        raise BookError("quantity.bad", field=field, value=_short(text))
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise BookError("quantity.bad", field=field, value=_short(text)) from None
    if value <= 0:
        raise BookError("quantity.not_positive", field=field, value=_short(text))
    if value > MAX_QUANTITY:  # before quantize: 27 digits overflow its 28-digit context
        raise BookError("quantity.too_big", field=field, value=_short(text), max=MAX_QUANTITY)
    if value != value.quantize(Decimal("0.01")):
        raise BookError("quantity.too_precise", field=field, value=_short(text))
    return value.normalize() if value == value.to_integral() else value


def quantity_text(value: Decimal) -> str:
    """The canonical stored form: no exponent, no trailing zeros ("8", "0.5")."""
    text = format(value, "f")
    return text.rstrip("0").rstrip(".") if "." in text else text


def to_hundredths(points: Decimal) -> int:
    """Round to the nearest hundredth (half up) and store as an integer."""
    return int((points * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP))


def parse_points(text: str, field: str = "points") -> int:
    """Points as a user types them ("10", "0.5") into positive hundredths."""
    value = parse_quantity(text, field)
    return to_hundredths(value)


def fmt_points(points_c: int) -> str:
    """Hundredths as the sheet prints them: 2.00, 30.00, 0.75."""
    sign = "-" if points_c < 0 else ""
    whole, cents = divmod(abs(points_c), 100)
    return f"{sign}{whole}.{cents:02d}"


def fmt_points_short(points_c: int) -> str:
    """Points without needless zeros, for sentences: 2, 0.75, 10."""
    return quantity_text(Decimal(points_c) / 100)


def _short(text) -> str:
    text = str(text)
    return text if len(text) <= 30 else text[:27] + "..."


# -- days and months ---------------------------------------------------------------------
_TODAY_WORDS = {"today", "今天", "今日", ""}
_YESTERDAY_WORDS = {"yesterday", "昨天", "昨日"}


def parse_day(text: str | None, today: date | None = None) -> date:
    """A day no later than today: 2026-11-03, 2026/11/3, 20261103, 11-03, today, 昨天."""
    today = today or date.today()
    raw = unicodedata.normalize("NFKC", text or "").strip().lower()
    if raw in _TODAY_WORDS:
        return today
    if raw in _YESTERDAY_WORDS:
        return today - timedelta(days=1)
    match = re.fullmatch(r"(\d{4})[-/.年]?(\d{1,2})[-/.月]?(\d{1,2})日?", raw)
    short = re.fullmatch(r"(\d{1,2})[-/.月](\d{1,2})日?", raw)
    try:
        if match:
            day = date(int(match[1]), int(match[2]), int(match[3]))
        elif short:
            day = date(today.year, int(short[1]), int(short[2]))
        else:
            raise ValueError
    except ValueError:
        raise BookError("date.bad", value=_short(text)) from None
    if day > today:
        raise BookError("date.future", value=day.isoformat())
    if day.year < 2000:  # read fine, but no village kept this book then: a typo
        raise BookError("date.too_early", value=day.isoformat())
    return day


def parse_month(text: str | None, today: date | None = None) -> str:
    """A month as YYYY-MM (2026-11, 2026/11, 202611, this)."""
    today = today or date.today()
    raw = unicodedata.normalize("NFKC", text or "").strip().lower()
    if raw in {"", "this", "本月", "now"}:
        return today.strftime("%Y-%m")
    match = re.fullmatch(r"(\d{4})[-/.年]?(\d{1,2})月?", raw)
    if not match or not 1 <= int(match[2]) <= 12 or int(match[1]) < 2000:
        raise BookError("month.bad", value=_short(text))
    return f"{int(match[1]):04d}-{int(match[2]):02d}"
