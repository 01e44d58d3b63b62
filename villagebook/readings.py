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
"""

from __future__ import annotations

import re

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
