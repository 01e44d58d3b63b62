"""Plain-text tables that line up Chinese names: widths in terminal cells, not len()."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


@lru_cache(maxsize=65536)  # a sheet repeats its corners, households and numbers
def cell_width(text: str) -> int:
    """Terminal cells a string takes: wide (CJK) characters take two."""
    if text.isascii():
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.combining(ch):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def pad(text: str, width: int, right: bool = False) -> str:
    gap = " " * max(0, width - cell_width(text))
    return gap + text if right else text + gap


def render(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset(),
           footer: list[str] | None = None) -> str:
    """A table with a rule under the header (and above the footer); numbers right-aligned.
    Padded a column at a time (a township's sheet is 100,000 lines of eight cells)."""
    body = [[str(c) for c in r] for r in [header, *rows] + ([footer] if footer else [])]
    columns, rule = [], []
    for i, column in enumerate(zip(*body, strict=True)):
        widths = [cell_width(c) for c in column]
        width = max(widths)
        align = str.rjust if i in numeric else str.ljust  # counts characters, so a wide
        columns.append([align(c, width - w + len(c))  # one's padding is a cell less
                        for c, w in zip(column, widths, strict=True)])
        rule.append("-" * width)
    lines = ["  ".join(cells).rstrip() for cells in zip(*columns, strict=True)]
    rule = "  ".join(rule)
    out = [lines[0], rule, *lines[1:len(rows) + 1]]
    if footer:
        out += [rule, lines[-1]]
    return "\n".join(out)
