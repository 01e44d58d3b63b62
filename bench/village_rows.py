"""The rows of a synthetic village or township: residents, gatherers and entries.

Kept apart from make_village.py (which loads them) so the loading can be read on its own.
Entries are drawn a month at a time with `random.choices(k=...)`, one call per column
rather than several per row: 25 million entries are generated in about two minutes, not
eight. Points come from the catalogue's own Category.points_for and quantities are stored
in their canonical text, so every entry is one villagebook itself could have written.
"""

from __future__ import annotations

import random
from datetime import date, timedelta
from decimal import Decimal

from villagebook import people
from villagebook.quantities import quantity_text

VILLAGE = "基准村"
CORNERS = ["东片", "西片", "南片", "北片", "中片"]
GATHERERS = ["杨秋云", "马建国", "李桂兰", "马文华", "王秀英", "马德胜", "张玉梅", "马志强",
             "刘凤芝", "马春生"]
SURNAMES = "马" * 10 + "杨" * 3 + "李" * 3 + "王张刘陈赵孙周吴郑何罗高"
GIVEN = ("建国华军云玲英兰芳明强伟刚勇杰涛斌秀桂凤春秋德文志海洪淑婷少平安福寿庆丽红霞燕梅"
         "成荣贵生长发金银宝珍玉兴旺东晓光辉")
# category code -> (relative weight, quantities a gatherer writes); fixed rules take "1"
MIX = {
    "labour": (60, ["1", "1.5", "2", "2.5", "3", "4", "6", "8"]),
    "elder_care": (12, ["1", "2", "3", "4"]),
    "donation": (8, ["20", "50", "100", "200", "500", "1000"]),
    "goods": (6, ["50", "150", "300", "800", "3000"]),
    "good_deed": (8, ["1"]),
    "blood": (3, ["1", "2"]),
    "recognition": (1, ["1"]),
}
NOTES = ["", "", "", "修村路", "打扫文化广场", "清理排水沟", "帮忙秋收", "捐给村小学"]
VOID_REASONS = ["重复记录", "记错了人", "数量写错"]
SPREAD = 840  # divisible by every list length above (1..8): `k % len(list)` stays uniform
TIMES = [f"T{h:02d}:{m:02d}:00" for h in range(7, 21) for m in range(60)]


def corners_for(residents: int) -> list[str]:
    """Five corners for a village; a township gets one "corner" per 5,000 residents."""
    count = max(len(CORNERS), residents // 5000)
    return CORNERS if count == len(CORNERS) else [f"第{k + 1}村" for k in range(count)]


def gatherers_for(corners: list[str]) -> list[tuple[str, str]]:
    """(name, corner): two gatherers a corner, the village's ten first."""
    names = list(GATHERERS)
    k = 0
    while len(names) < 2 * len(corners):
        name = SURNAMES[k % len(SURNAMES)] + GIVEN[k * 7 % len(GIVEN)] + GIVEN[k % len(GIVEN)]
        if name not in names:
            names.append(name)
        k += 1
    return [(name, corners[i % len(corners)]) for i, name in enumerate(names)]


def month_firsts(today: date, n: int) -> list[date]:
    """The first days of the n months that end with today's month, oldest first."""
    firsts, first = [], today.replace(day=1)
    for _ in range(n):
        firsts.append(first)
        first = (first - timedelta(days=1)).replace(day=1)
    return firsts[::-1]


def make_residents(rng: random.Random, count: int, corners: list[str],
                   stamp: str) -> list[tuple]:
    """Resident rows; romanize (pypinyin) runs once per distinct name."""
    romanized: dict[str, tuple[str, str]] = {}
    rows = []
    for i in range(count):
        name = rng.choice(SURNAMES) + "".join(rng.sample(GIVEN, rng.choice((1, 2, 2, 2))))
        if name not in romanized:
            romanized[name] = people.romanize(name)
        pinyin, initials = romanized[name]
        household = f"{name[0]}家{i // 4 + 1}户"
        rows.append((f"{rng.getrandbits(128):032x}", name, pinyin, initials, household,
                     corners[(i // 4) % len(corners)], int(i % 37 != 0), int(i % 31 != 0),
                     "", stamp))
    return rows


def make_entries(rng, residents, cats, firsts, total, today, stamp, voided, by_corner,
                 first_line: int):
    """Yield entry rows month by month (a generator: millions of rows never sit in
    memory), each with `line`: the seq of the log line that will adopt it."""
    ids = [r[0] for r in residents]
    corners = [by_corner[r[5]] for r in residents]
    cum, acc = [], 0.0
    for _ in residents:  # a few residents do most of the work
        acc += rng.expovariate(1.0)
        cum.append(acc)
    codes = [c for c in MIX if c in cats]
    code_cum = [sum(MIX[c][0] for c in codes[:k + 1]) for k in range(len(codes))]
    priced = {code: [(quantity_text(Decimal(q)), cats[code].points_for(Decimal(q)))
                     for q in MIX[code][1]] for code in codes}
    rules = {c: cats[c].rule for c in codes}
    everyone, spread = range(len(ids)), range(SPREAD)
    n, today_iso = 0, today.isoformat()
    for i, first in enumerate(firsts):
        month = first.strftime("%Y-%m")
        last = (first.replace(day=28) + timedelta(days=4)).replace(day=1) - timedelta(days=1)
        days = [d.isoformat() for d in (first + timedelta(k) for k in range(last.day))
                if d <= today]
        count = total // len(firsts) + (i < total % len(firsts))
        columns = zip(rng.choices(everyone, cum_weights=cum, k=count),
                      rng.choices(codes, cum_weights=code_cum, k=count),
                      rng.choices(spread, k=count), rng.choices(days, k=count),
                      rng.choices(TIMES, k=count), rng.choices(NOTES, k=count), strict=True)
        key = rng.randbytes(16 * count).hex()
        for j, (r, code, pick, day, time, note) in enumerate(columns):
            quantity, points_c = priced[code][pick % len(priced[code])]
            at = day + time
            if day == today_iso and at > stamp:
                at = stamp
            who = corners[r]
            gatherer = who[pick // 8 % len(who)]  # independent of the quantity's pick
            void = (min(f"{day}T23:59:59", stamp), gatherer, VOID_REASONS[pick % 3]) \
                if n in voided else (None, None, None)
            yield (key[32 * j:32 * j + 32], ids[r], day, month, code, quantity, points_c,
                   rules[code], note, gatherer, at, *void, first_line + n)
            n += 1
