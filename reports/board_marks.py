"""A row's red flags and loose red stars, within the room the board gives them.

Drawn in full when they fit. When some row's marks do not fit, the flags of every row
with at least that many flags are drawn as one flag and "×N" (the smallest count that
does not fit decides, so a row never looks shorter than a row with fewer points); loose
stars likewise as one star and "×N" from the smallest count that cannot fit (with a
village's many stars per flag, before the flags). Only if even that does not fit (a tiny
room, a vast count) are the marks of the whole board drawn smaller, all by one factor,
so they never reach the points.
"""

from __future__ import annotations

import math

from reportlab.lib.units import mm

from reports import shapes
from reports.fonts import register, width

FLAG_H, FLAG_STEP = 6 * mm, 5.6 * mm
STAR_R, STAR_STEP = 2.3 * mm, 5 * mm
SEP = 1.2 * mm  # between the flags and the stars
TIMES = 13  # the "×N" beside a mark, points on A4


def sizes(scale: float) -> dict[str, float]:
    return {"flag_h": FLAG_H * scale, "flag_step": FLAG_STEP * scale, "star_r": STAR_R * scale,
            "star_step": STAR_STEP * scale, "sep": SEP * scale, "times": TIMES * scale}


class Marks:
    """How the marks of one board are drawn: full, or from which counts shortened."""

    def __init__(self, lines, room: float, scale: float, spf: int):
        self.size = sizes(scale)
        self.room = max(room, self.size["star_step"])
        inf = math.inf
        # stars that cannot fit even alone; then flags that do not fit beside the stars;
        # then stars again, beside the shortened flags
        self.stars_from = min((ln.loose_stars for ln in lines if self.width(
            0, ln.loose_stars, inf, inf) > self.room), default=inf)
        self.flags_from = min((ln.flags for ln in lines if self.width(
            ln.flags, ln.loose_stars, inf, self.stars_from) > self.room), default=inf)
        self.stars_from = min((ln.loose_stars for ln in lines if self.width(
            ln.flags, ln.loose_stars, self.flags_from, self.stars_from) > self.room),
            default=self.stars_from)
        widest = max((self.width(ln.flags, ln.loose_stars) for ln in lines), default=0.0)
        self.factor = min(1.0, self.room / widest) if widest else 1.0

    def _times(self, n: int) -> float:
        return width(f"×{n}", self.size["times"]) + 0.6 * mm

    def _segment(self, n: int, step: float, short: bool) -> float:
        return step + self._times(n) if short and n > 1 else n * step

    def width(self, flags: int, stars: int, flags_from=None, stars_from=None) -> float:
        """The width of these marks at full size, shortened from the given counts."""
        flags_from = self.flags_from if flags_from is None else flags_from
        stars_from = self.stars_from if stars_from is None else stars_from
        left = self._segment(flags, self.size["flag_step"], flags >= flags_from)
        right = self._segment(stars, self.size["star_step"], stars >= stars_from)
        return left + right + (self.size["sep"] if left and right else 0.0)

    def draw(self, c, line, x: float, middle: float, mono: bool) -> float:
        """Draw line's marks from x, centred on middle; the x where they end."""
        size, factor = self.size, self.factor
        accent = shapes.BLACK if mono else shapes.RED
        c.saveState()
        c.translate(x, middle)
        c.scale(factor, factor)
        c.setFont(register(), size["times"])
        at = 0.0
        flags, stars = line.flags, line.loose_stars
        short_flags = 1 < flags and flags >= self.flags_from  # one mark is never "×1"
        short_stars = 1 < stars and stars >= self.stars_from
        for _ in range(1 if short_flags else flags):
            shapes.mark(c, "flag", at, -size["flag_h"] / 2, size["flag_h"], mono)
            at += size["flag_step"]
        if short_flags:
            c.setFillColorRGB(*accent)
            c.drawString(at - 0.4 * mm, -size["times"] * 0.36, f"×{flags}")
            at += self._times(flags)
        at += size["sep"] if flags and stars else 0.0
        for _ in range(1 if short_stars else stars):
            shapes.mark(c, "star", at + size["star_r"], 0, size["star_r"], mono)
            at += size["star_step"]
        if short_stars:
            c.setFillColorRGB(*accent)
            c.drawString(at - 0.2 * mm, -size["times"] * 0.36, f"×{stars}")
            at += self._times(stars)
        c.restoreState()
        return x + at * factor
