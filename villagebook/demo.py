"""A demo village: about 120 residents in 4 corners, 10 gatherers, 3 months of entries.

Built through the same functions a gatherer uses, so the demo book is a real book. It
holds the village's reference figures (docs and tests lean on them):
马少军 8 hours of labour (the basketball hoop) = 2.00; 马洪云 a 3,000-yuan TV = 30.00;
马淑婷 and 马秋玲, parents of a soldier serving in Tibet = 10.00 each.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from pathlib import Path

from villagebook import entries, people
from villagebook.book import Book

VILLAGE = "夹矿马家村"
CORNERS = ["东片", "西片", "南片", "北片"]
GATHERERS = [
    ("杨秋云", "东片"), ("马建国", "东片"), ("李桂兰", "西片"), ("马文华", "西片"),
    ("王秀英", "南片"), ("马德胜", "南片"), ("张玉梅", "北片"), ("马志强", "北片"),
    ("刘凤芝", "东片"), ("马春生", "西片"),
]
# (name, household, corner): the reference residents of DESIGN.md
REFERENCE = [
    ("马少军", "马家3户", "东片"),
    ("马洪云", "马家5户", "东片"),
    ("马淑婷", "马家8户", "西片"),
    ("马秋玲", "马家8户", "西片"),
]
_SURNAMES = "马" * 12 + "杨李王张刘陈赵孙"
_GIVEN = "建国华军云玲英兰芳明强伟刚勇杰涛斌秀桂凤春秋德文志海洪淑婷少平安福寿庆丽红霞燕梅"
_NOTES = {
    "labour": ["修村路", "打扫文化广场", "清理排水沟", "帮忙秋收", "粉刷村委会"],
    "donation": ["捐给村小学", "修路捐款", "敬老院捐款"],
    "goods": ["捐赠桌椅", "捐赠图书", "捐赠路灯"],
    "elder_care": ["照顾五保户", "陪孤寡老人看病"],
    "blood": ["县医院献血"],
    "good_deed": ["拾金不昧", "救助落水儿童"],
}


def _months_back(today: date, n: int) -> list[date]:
    """The first day of the n months up to and including today's."""
    firsts, first = [], today.replace(day=1)
    for _ in range(n):
        firsts.insert(0, first)
        first = (first - timedelta(days=1)).replace(day=1)
    return firsts


def _day_in(first: date, today: date, rng: random.Random) -> date:
    last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
    return first + timedelta(days=rng.randrange((min(last, today) - first).days + 1))


DEMO_ACTOR = "演示"  # who made the demo book, in its book.init line: no real book's maker


def default_demo_path() -> Path:
    """The demo village's book: demo.db beside the book (never the book itself)."""
    from villagebook.book import default_path

    book = default_path()
    demo = book.with_name("demo.db")
    return demo if demo != book else book.with_name("demo-village.db")


def clear_old_demo(path: Path) -> None:
    """Remove the demo book a previous `demo` left at path; refuse any other file there."""
    from villagebook.errors import BookError

    if not path.exists():
        return
    try:
        with Book.open_readonly(path) as old:
            made_by = old.one("SELECT actor FROM audit WHERE action = 'book.init'"
                              " ORDER BY seq LIMIT 1")
    except Exception:  # noqa: BLE001 - not a book at all: not ours to delete
        made_by = None
    if made_by is None or made_by[0] != DEMO_ACTOR:
        raise BookError("demo.not_demo", path=path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def build(path: Path, today: date | None = None, seed: int = 7) -> Book:
    """Create the demo book at path (it must not exist yet)."""
    book = Book.create(path, VILLAGE, actor=DEMO_ACTOR)
    try:
        _fill(book, today or date.today(), random.Random(seed))
    except BaseException:  # cut short (Ctrl+C): the half-made demo is closed, whole
        book.close()
        raise
    return book


def _fill(book: Book, today: date, rng: random.Random) -> None:
    for name, corner in GATHERERS:
        people.add_gatherer(book, name, corner)
    residents = [people.add_resident(book, n, h, c) for n, h, c in REFERENCE]
    taken = {n for n, _, _ in REFERENCE}
    while len(residents) < 120:
        name = rng.choice(_SURNAMES) + "".join(rng.sample(_GIVEN, rng.choice((1, 2, 2))))
        if name in taken:
            continue
        taken.add(name)
        corner = CORNERS[len(residents) % 4]
        household = f"{name[0]}家{len(residents) // 2 + 10}户"
        on_board = len(residents) % 29 != 0  # a few residents asked to stay off the board
        residents.append(people.add_resident(book, name, household, corner, on_board))
    by_corner = {c: [g for g, gc in GATHERERS if gc == c] for c in CORNERS}

    def record(resident, code, qty, day, note):
        return entries.record(book, resident, code, qty, rng.choice(by_corner[resident.corner]),
                              day=day, note=note, today=today)

    months = _months_back(today, 3)
    for first in months:
        for resident in rng.sample(residents[4:], 45):
            code = rng.choice(["labour"] * 6 + ["donation", "goods", "elder_care", "blood",
                                                "good_deed"])
            qty = {"labour": rng.choice([2, 3, 4, 6, 8]), "donation": rng.choice([50, 100, 200]),
                   "goods": rng.choice([150, 300, 800]), "elder_care": rng.choice([2, 4]),
                   "blood": 1}.get(code)
            record(resident, code, qty, _day_in(first, today, rng), rng.choice(_NOTES[code]))
    this_month = months[-1]
    ref_day = this_month.replace(day=min(3, today.day))
    shaojun, hongyun, shuting, qiuling = residents[:4]
    record(shaojun, "labour", 8, ref_day, "安装篮球架")
    record(hongyun, "goods", 3000, ref_day, "会议室电视机")
    for parent in (shuting, qiuling):
        record(parent, "recognition", None, ref_day, "儿子在西藏服役")
    first = record(residents[5], "labour", 4, ref_day, "修村路")
    twice = entries.record(book, residents[5], "labour", 4, first.recorded_by, day=ref_day,
                           note="修村路", today=today, again=True)
    entries.void(book, twice.id, "重复记录", first.recorded_by)
