"""The top of the board: the legend (with the village's own settings) and the role models.

Both are small custom flowables because they mix drawn marks with words; their sizes
follow the paper (A3 by √2), names shrink to their slot and wrap rather than overflow.
"""

from __future__ import annotations

from reportlab.lib.units import mm
from reportlab.platypus import Flowable

from reports import shapes
from reports.board_rows import fit
from reports.fonts import printable, register, width
from villagebook.i18n import t
from villagebook.quantities import fmt_points, fmt_points_short

LEGEND, ROLE, ROLE_MIN, ROLE_SMALL, ROLE_TITLE = 13, 18, 12, 10, 14  # points on A4
SLOTS = 5


class Legend(Flowable):
    """★ = 1 分　⚑ = 6 颗红星 = 6 分: what one star and one flag are worth here."""

    def __init__(self, points_per_star_c: int, stars_per_flag: int, scale: float,
                 mono: bool):
        super().__init__()
        self.star = t("p.board.legend_star", points=fmt_points_short(points_per_star_c))
        self.flag = t("p.board.legend_flag", stars=stars_per_flag,
                      points=fmt_points_short(points_per_star_c * stars_per_flag))
        self.scale, self.mono = scale, mono
        self.size = LEGEND * scale

    def _natural(self, size: float) -> float:
        mark = 7 * mm * self.scale
        return 2 * mark + width(self.star + self.flag, size) + 8 * mm * self.scale

    def wrap(self, available_width, available_height):
        self.width = available_width
        natural = self._natural(self.size)
        self.factor = min(1.0, available_width / natural)  # never wider than the page
        self.height = self.size * 1.9
        return self.width, self.height

    def draw(self):
        c, s, k = self.canv, self.scale, self.factor
        c.saveState()
        c.translate((self.width - self._natural(self.size) * k) / 2, self.height / 2)
        c.scale(k, k)
        c.setFont(register(), self.size)
        c.setFillGray(0.2)
        shapes.star(c, 3 * mm * s, 0, 2.6 * mm * s, self.mono)
        x = 7 * mm * s
        c.setFillGray(0.2)
        c.drawString(x, -self.size * 0.36, self.star)
        x += width(self.star, self.size) + 8 * mm * s
        shapes.flag(c, x + 1 * mm * s, -3.2 * mm * s, 6.4 * mm * s, self.mono)
        x += 7 * mm * s
        c.setFillGray(0.2)
        c.drawString(x, -self.size * 0.36, self.flag)
        c.restoreState()


class RoleModels(Flowable):
    """本期榜样: the top residents, each with a star, name and points, on a tinted band."""

    def __init__(self, lines, twins: set[str], scale: float, mono: bool):
        super().__init__()
        self.lines, self.twins, self.scale, self.mono = lines[:SLOTS], twins, scale, mono
        self.pad = 4 * mm * scale

    def wrap(self, available_width, available_height):
        s = self.scale
        self.width = available_width
        self.slot = (available_width - 2 * self.pad) / SLOTS
        room = self.slot - 9 * mm * s
        self.cells = []
        for ln in self.lines:
            size, lines = fit(printable(ln.name), ROLE * s, ROLE_MIN * s, room)
            small = [t("p.points", points=fmt_points(ln.points_c))]
            if ln.name in self.twins:
                small.insert(0, printable(ln.household or "—"))
            self.cells.append((size, lines, small))
        small = ROLE_SMALL * s
        tallest = max((size * (1.3 + 1.2 * (len(lines) - 1)) + small * (1.15 * len(more) + 0.3)
                       for size, lines, more in self.cells), default=0.0)
        self.height = 2 * self.pad + ROLE_TITLE * s + 0.6 * self.pad + tallest
        return self.width, self.height

    def draw(self):
        c, s = self.canv, self.scale
        accent = shapes.BLACK if self.mono else shapes.RED
        c.saveState()
        c.setFillColorRGB(*((0.93, 0.93, 0.93) if self.mono else (1, 0.94, 0.90)))
        c.roundRect(0, 0, self.width, self.height, 3 * mm * s, stroke=0, fill=1)
        c.setFillColorRGB(*accent)
        c.setFont(register(), ROLE_TITLE * s)
        y = self.height - self.pad - ROLE_TITLE * s
        c.drawString(self.pad, y, t("p.role_models"))
        for n, (size, lines, small) in enumerate(self.cells):
            x = self.pad + n * self.slot
            base = y - self.pad * 0.6 - size
            shapes.star(c, x + 3.2 * mm * s, base + size * 0.36, 3.2 * mm * s, self.mono)
            c.setFillGray(0)
            c.setFont(register(), size)
            for i, text in enumerate(lines):
                c.drawString(x + 8 * mm * s, base - i * size * 1.2, text)
            base -= (len(lines) - 1) * size * 1.2 + size * 0.3
            c.setFillGray(0.3)
            c.setFont(register(), ROLE_SMALL * s)
            for text in small:
                base -= ROLE_SMALL * s * 1.15
                c.drawString(x + 8 * mm * s, base, text)
        c.restoreState()
