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
    """A table with a rule under the header (and above the footer); numbers right-aligned."""
    body = [[str(c) for c in r] for r in [header, *rows] + ([footer] if footer else [])]
    widths = [max(cell_width(r[i]) for r in body) for i in range(len(header))]
    header, rows, footer = body[0], body[1:len(rows) + 1], body[-1] if footer else None

    def line(cells: list[str]) -> str:
        return "  ".join(
            " " * (w - cell_width(c)) + c if i in numeric else c + " " * (w - cell_width(c))
            for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = [line(header), rule, *(line(r) for r in rows)]
    if footer:
        out += [rule, line(footer)]
    return "\n".join(out)
