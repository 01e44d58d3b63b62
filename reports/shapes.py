"""The board's marks as vector shapes: a five-pointed star and a flag on a pole.

They differ by shape, not only colour, so they read on a black-and-white laser printer;
`mono` draws them in black for toner (the flag's small star then white).
"""

from __future__ import annotations

import math

RED = (0.82, 0.05, 0.10)
GOLD = (0.98, 0.80, 0.10)
BLACK = (0, 0, 0)
WHITE = (1, 1, 1)


def star(c, cx: float, cy: float, r: float, mono: bool = False,
         colour: tuple | None = None) -> None:
    """A five-pointed star centred on (cx, cy), outer radius r, point up."""
    colour = colour or (BLACK if mono else RED)
    path = c.beginPath()
    for i in range(10):
        radius = r if i % 2 == 0 else r * 0.382
        angle = math.pi / 2 + i * math.pi / 5
        x, y = cx + radius * math.cos(angle), cy + radius * math.sin(angle)
        path.moveTo(x, y) if i == 0 else path.lineTo(x, y)
    path.close()
    c.saveState()
    c.setFillColorRGB(*colour)
    c.setStrokeColorRGB(*colour)
    c.setLineWidth(0.3)
    c.drawPath(path, stroke=1, fill=1)
    c.restoreState()


def flag(c, x: float, y: float, h: float, mono: bool = False) -> None:
    """A flag on a pole standing on (x, y), h tall; the cloth waves a little."""
    w = h * 0.8
    c.saveState()
    c.setStrokeColorRGB(0.25, 0.25, 0.25)
    c.setLineWidth(max(0.6, h * 0.06))
    c.line(x, y, x, y + h)
    cloth = c.beginPath()
    top, bottom = y + h, y + h * 0.45
    cloth.moveTo(x, top)
    cloth.curveTo(x + w * 0.35, top + h * 0.08, x + w * 0.65, top - h * 0.08, x + w, top)
    cloth.lineTo(x + w, bottom)
    cloth.curveTo(x + w * 0.65, bottom - h * 0.08, x + w * 0.35, bottom + h * 0.08, x, bottom)
    cloth.close()
    c.setFillColorRGB(*(BLACK if mono else RED))
    c.setStrokeColorRGB(*(BLACK if mono else RED))
    c.setLineWidth(0.3)
    c.drawPath(cloth, stroke=1, fill=1)
    c.restoreState()
    # a small star on the cloth, as on the village's paper flags (white on black for toner)
    star(c, x + w * 0.3, y + h * 0.74, h * 0.12, colour=WHITE if mono else GOLD)
