"""Every way a resident's name is read aloud, so that search finds them by any of them.

pypinyin reads a name as ordinary text: 单田芳 comes out ``dantianfang`` and 曾小红
``cengxiaohong``, although as surnames 单 is read shan and 曾 zeng. pypinyin has no
surname mode (its issues #120 and #297 are still open), so the surname readings are kept
here: each one is a reading pypinyin itself knows for that character (a test holds the
table to that), chosen because it is the one the character has as a surname.

A name is indexed under its ordinary reading (what ``residents.pinyin`` keeps) and under
every surname reading of its first character, or of its first two when they are a known
compound surname (万俟 moqi, 尉迟 yuchi, 单于 chanyu). The given name keeps its ordinary
reading. The readings live in ``resident_keys``, one row per reading, indexed for prefix
search on both the full pinyin and the initials.

Search reads a prefix as a range of one of those indexes (or of the names' NOCASE index),
in the index's order, and stops after the few residents it shows: a keystroke costs the
same on a book of 100,000 residents as on one of 500 (starting_with).
"""

from __future__ import annotations

import re
from itertools import takewhile

# Surnames whose ordinary reading is (or may be) not the one they have as a surname.
SURNAMES: dict[str, tuple[str, ...]] = {
    "单": ("shan",), "曾": ("zeng",), "解": ("xie",), "仇": ("qiu",), "区": ("ou",),
    "朴": ("piao",), "查": ("zha",), "盖": ("ge",), "种": ("chong",), "重": ("chong",),
    "秘": ("bi",), "繁": ("po",), "覃": ("qin", "tan"), "缪": ("miao",), "瞿": ("qu",),
    "折": ("she",), "佴": ("nai",), "粘": ("nian",), "藏": ("zang",), "翟": ("zhai", "di"),
    "都": ("du",), "六": ("lu",), "薄": ("bo",), "贾": ("jia",), "盛": ("sheng",),
    "柏": ("bai",), "牟": ("mou", "mu"), "乐": ("yue", "le"), "乜": ("nie",), "阚": ("kan",),
    "沈": ("shen",), "宿": ("su",), "卜": ("bu",), "员": ("yun",), "句": ("gou",),
    "能": ("nai",), "隗": ("wei", "kui"), "召": ("shao",), "叶": ("ye",), "冯": ("feng",),
    "车": ("che",), "祭": ("zhai",), "莘": ("shen",), "郇": ("huan", "xun"), "殷": ("yin",),
    "陆": ("lu",), "汤": ("tang",), "於": ("yu",), "许": ("xu",), "俞": ("yu",),
    "尉": ("wei",), "长": ("chang",), "石": ("shi",), "那": ("na",),
}

# Two-character compound surnames, read as one.
COMPOUNDS: dict[str, tuple[str, ...]] = {
    "万俟": ("mo", "qi"), "尉迟": ("yu", "chi"), "单于": ("chan", "yu"),
    "长孙": ("zhang", "sun"), "澹台": ("tan", "tai"), "令狐": ("ling", "hu"),
    "乐正": ("yue", "zheng"), "子车": ("zi", "ju"),
}


def syllables(name: str) -> list[str]:
    """The ordinary reading, one lower-case syllable per character: 马少军 -> ma shao jun."""
    from pypinyin import Style, lazy_pinyin

    out = [s.lower() for s in lazy_pinyin(name, style=Style.NORMAL, errors="default")]
    return [s for s in (re.sub(r"[^a-z0-9]", "", s) for s in out) if s]


def _key(parts: list[str]) -> tuple[str, str]:
    return "".join(parts), "".join(s[0] for s in parts)


def romanize(name: str) -> tuple[str, str]:
    """Full pinyin without spaces and initials: 马少军 -> ("mashaojun", "msj")."""
    return _key(syllables(name))


def readings(name: str) -> list[tuple[str, str]]:
    """(pinyin, initials) for every reading of the name, the ordinary one first.

    单田芳 -> dantianfang/dtf, shantianfang/stf; 万俟小明 -> moqixiaoming/mqxm.
    """
    ordinary = syllables(name)
    found = [_key(ordinary)]
    heads = [(name[:2], reading) for reading in [COMPOUNDS.get(name[:2])] if reading]
    heads += [(name[:1], (reading,)) for reading in SURNAMES.get(name[:1], ())]
    for head, reading in heads:  # each Han character is one syllable of the ordinary reading
        found.append(_key([*reading, *ordinary[len(head):]]))
    return list(dict.fromkeys(found))


def write_keys(conn, resident_id: str, name: str) -> None:
    """(Re)index one resident's readings; inside the caller's transaction."""
    conn.execute("DELETE FROM resident_keys WHERE resident_id = ?", (resident_id,))
    conn.executemany(
        "INSERT INTO resident_keys (resident_id, pinyin, initials) VALUES (?, ?, ?)",
        [(resident_id, pinyin, initials) for pinyin, initials in readings(name)],
    )


def index_missing(conn) -> int:
    """Index every resident who has no keys yet (the migration that adds the table)."""
    rows = conn.execute(
        "SELECT id, name FROM residents AS r WHERE NOT EXISTS"
        " (SELECT 1 FROM resident_keys AS k WHERE k.resident_id = r.id)"
    ).fetchall()
    for resident_id, name in rows:
        write_keys(conn, resident_id, name)
    return len(rows)


# -- prefix search over the indexes ----------------------------------------------------------
_FOLD = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_KEYS = ("SELECT k.resident_id, k.{c} FROM resident_keys AS k JOIN residents AS r"
         " ON r.id = k.resident_id WHERE r.active IN (1, ?) AND k.{c}")
_SOURCES = {  # a range of the index on the column, in its (NOCASE) order; ties by pinyin
    "name": "SELECT r.id, r.name FROM residents AS r WHERE r.active IN (1, ?)"
            " AND r.name COLLATE NOCASE",
    "initials": _KEYS.format(c="initials"),
    "pinyin": _KEYS.format(c="pinyin"),
}


def fold(text: str) -> str:
    """Text as SQLite's NOCASE compares it: ASCII letters folded, nothing else."""
    return text.translate(_FOLD)


def starting_with(book, source: str, prefix: str, want: int,
                  active_only: bool = True) -> list[tuple[str, str]]:
    """(resident id, value) for residents whose name, initials or pinyin (`source`) starts
    with the prefix: the first `want` in the index's order, the last value's residents by
    pinyin (the caller's tie-break), so no resident left out ranks above one listed.

    Both reads are ranges of one index: the first stops after `want` rows, the second
    reads only the residents sharing the last value (homonyms, or initials like "zw")."""
    select, other = _SOURCES[source], 1 if active_only else 0
    column = select.rsplit(" AND ", 1)[1]
    head, found, rows = fold(prefix), [], []
    for limit in (want, want * 4, want * 64):  # readings of one resident count once
        rows = book.query(f"{select} >= ? ORDER BY {column} LIMIT ?", (other, prefix, limit))
        found = list(takewhile(lambda row: fold(row[1]).startswith(head), rows))
        if len(found) < len(rows) or len(rows) < limit or len({r[0] for r in found}) >= want:
            break
    if not found:
        return []
    last = fold(found[-1][1])
    tied = book.query(f"{select} = ? ORDER BY r.pinyin, r.rowid LIMIT ?", (other, last, want))
    return [(r[0], r[1]) for r in found if fold(r[1]) != last] + [(r[0], r[1]) for r in tied]
