"""Plain-text tables that line up Chinese names: widths in terminal cells, not len()."""

from __future__ import annotations

import unicodedata


def cell_width(text: str) -> int:
    """Terminal cells a string takes: wide (CJK) characters take two."""
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
    body = [header, *rows] + ([footer] if footer else [])
    widths = [max(cell_width(str(r[i])) for r in body) for i in range(len(header))]

    def line(cells: list) -> str:
        return "  ".join(pad(str(c), w, i in numeric) for i, (c, w) in
                         enumerate(zip(cells, widths, strict=True))).rstrip()

    rule = "  ".join("-" * w for w in widths)
    out = [line(header), rule, *(line(r) for r in rows)]
    if footer:
        out += [rule, line(footer)]
    return "\n".join(out)
