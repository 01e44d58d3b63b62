"""Plain-text tables that line up Chinese names: widths in terminal cells, not len()."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from functools import lru_cache

CHUNK = 4096  # lines padded at a time


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


def lines(header: list[str], rows: list[list[str]], numeric: set[int] = frozenset(),
          footer: list[str] | None = None) -> Iterator[str]:
    """A table with a rule under the header (and above the footer), numbers right-aligned,
    its lines made a few thousand at a time to be written as they come: a township's list
    of 100,000 residents or entries is never held whole as text. Padded a column at a
    time, each cell measured once."""
    body = [[str(c) for c in r] for r in [header, *rows] + ([footer] if footer else [])]
    columns = list(zip(*body, strict=True))
    measured = [[cell_width(c) for c in column] for column in columns]
    widths = [max(column) for column in measured]
    aligns = [str.rjust if i in numeric else str.ljust for i in range(len(widths))]
    rule = "  ".join("-" * w for w in widths)
    for start in range(0, len(body), CHUNK):
        end = start + CHUNK
        padded = [[align(c, width - w + len(c))  # ljust counts characters: a wide one
                   for c, w in zip(column[start:end], sizes[start:end], strict=True)]
                  for column, sizes, width, align  # pads a cell less
                  in zip(columns, measured, widths, aligns, strict=True)]
        for i, cells in enumerate(zip(*padded, strict=True), start=start):
            if i == len(body) - 1 and footer:
                yield rule
            yield "  ".join(cells).rstrip()
            if i == 0:
                yield rule
