"""The village's own settings: its name, points per star, stars per flag, objection days,
and what the posting notice (公示) tells residents: where it hangs and whom to ask.

`notice_place` has a default (the committee's notice board) because every notice must
say where the sheet hangs; `contact` is empty until set, and the notice prints it only then.
"""

from __future__ import annotations

import sqlite3
from typing import NamedTuple

from villagebook.errors import BookError
from villagebook.quantities import fmt_points_short, parse_points

DEFAULTS = {
    "village": "",
    "points_per_star": "1",
    "stars_per_flag": "6",
    "objection_days": "15",
    "mono": "no",
    "notice_place": "村委会公告栏",
    "contact": "",
}
TEXT_LIMIT = 60  # a place or a contact fits on one line of the notice
_YES, _NO = {"1", "yes", "y", "true", "on", "是"}, {"0", "no", "n", "false", "off", "否"}


class Settings(NamedTuple):
    village: str
    points_per_star_c: int
    stars_per_flag: int
    objection_days: int
    mono: bool
    notice_place: str = DEFAULTS["notice_place"]
    contact: str = ""


def write_defaults(conn: sqlite3.Connection, village: str) -> None:
    values = dict(DEFAULTS, village=village)
    conn.executemany("INSERT INTO settings (key, value) VALUES (?, ?)", values.items())


def load(book, month: str | None = None) -> Settings:
    """The settings now; for a final month, with the star rule it was finalized under."""
    values = dict(DEFAULTS)
    values.update({r["key"]: r["value"] for r in book.query("SELECT key, value FROM settings")})
    if month is not None:
        from villagebook import monthsettings

        values.update(monthsettings.kept_for(book, month))
    return Settings(
        village=values["village"],
        points_per_star_c=parse_points(values["points_per_star"]),
        stars_per_flag=int(values["stars_per_flag"]),
        objection_days=int(values["objection_days"]),
        mono=values["mono"] in _YES,
        notice_place=values["notice_place"],
        contact=values["contact"],
    )


def as_dict(book) -> dict[str, str]:
    s = load(book)
    return {
        "village": s.village,
        "points_per_star": fmt_points_short(s.points_per_star_c),
        "stars_per_flag": str(s.stars_per_flag),
        "objection_days": str(s.objection_days),
        "mono": "yes" if s.mono else "no",
        "notice_place": s.notice_place,
        "contact": s.contact,
    }


def _whole(key: str, value: str, low: int, high: int) -> str:
    text = (value or "").strip()
    if not text.isdigit() or not low <= int(text) <= high:
        raise BookError("settings.range", key=key, value=value, low=low, high=high)
    return str(int(text))


def _text(key: str, value: str, required: bool) -> str:
    """One line of plain text for the notice: no control characters, not too long."""
    text = " ".join((value or "").split())  # tabs, newlines, runs of spaces -> one space
    if (required and not text) or len(text) > TEXT_LIMIT or any(
            ord(ch) < 32 or ord(ch) == 127 for ch in value or ""):
        raise BookError("settings.text_required" if required else "settings.text",
                        key=key, limit=TEXT_LIMIT)
    return text


def _validate(key: str, value: str) -> str:
    if key == "village":
        text = (value or "").strip()
        if not text or len(text) > 60 or any(ord(ch) < 32 for ch in text):
            raise BookError("settings.village")
        return text
    if key == "points_per_star":
        if str(value).strip().startswith("-"):
            raise BookError("settings.range", key=key, value=value, low="0.01", high=1000)
        points_c = parse_points(value, key)
        if points_c > 100000:
            raise BookError("settings.range", key=key, value=value, low="0.01", high=1000)
        return fmt_points_short(points_c)
    if key == "stars_per_flag":
        return _whole(key, value, 1, 100)
    if key == "objection_days":
        return _whole(key, value, 1, 90)
    if key == "mono":
        flag = (value or "").strip().lower()
        if flag not in _YES | _NO:
            raise BookError("settings.yes_no", key=key, value=value)
        return "yes" if flag in _YES else "no"
    if key == "notice_place":
        return _text(key, value, required=True)
    if key == "contact":
        return _text(key, value, required=False)
    raise BookError("settings.unknown", key=key, keys=", ".join(DEFAULTS))


def set_value(book, key: str, value: str, actor: str | None = None) -> str:
    key = (key or "").strip()
    clean = _validate(key, value)
    old = as_dict(book).get(key)
    with book.writing(actor, "settings.set", key, {"old": old, "new": clean}) as c:
        c.execute("INSERT OR REPLACE INTO settings (key, value) VALUES (?, ?)", (key, clean))
        book.changed("settings", key)
    return clean
