"""The board's marks as vector shapes: a five-pointed star and a flag on a pole.

They differ by shape, not only colour, so they read on a black-and-white laser printer;
`mono` draws them in black for toner (the flag's small star then white). `mark` places a
mark drawn once per document as a form XObject: a village's board has tens of thousands
of marks, each otherwise a path of its own in the page (bytes to write and compress).
"""

from __future__ import annotations

import math

RED = (0.82, 0.05, 0.10)
GOLD = (0.98, 0.80, 0.10)
BLACK = (0, 0, 0)
WHITE = (1, 1, 1)


def mark(c, kind: str, x: float, y: float, size: float, mono: bool = False) -> None:
    """A "star" centred on (x, y), radius size, or a "flag" standing on (x, y), size tall,
    as star() and flag() draw it, from the document's one form of that mark."""
    name = f"vb{kind}{'mono' if mono else 'red'}{round(size * 1000)}"
    if not c.hasForm(name):  # the first of its kind in this document: drawn once, here
        if kind == "star":
            edge = size + 1
            c.beginForm(name, -edge, -edge, edge, edge)
            _star(c, 0, 0, size, BLACK if mono else RED)
        else:
            c.beginForm(name, -size * 0.1 - 1, -1, size * 0.8 + 1, size * 1.1 + 1)
            _flag(c, 0, 0, size, mono)
        c.endForm()
    c.saveState()
    c.translate(x, y)
    c.doForm(name)
    c.restoreState()


def star(c, cx: float, cy: float, r: float, mono: bool = False,
         colour: tuple | None = None) -> None:
    """A five-pointed star centred on (cx, cy), outer radius r, point up."""
    _star(c, cx, cy, r, colour or (BLACK if mono else RED))


def flag(c, x: float, y: float, h: float, mono: bool = False) -> None:
    """A flag on a pole standing on (x, y), h tall; the cloth waves a little."""
    _flag(c, x, y, h, mono)


def _star(c, cx: float, cy: float, r: float, colour: tuple) -> None:
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


def _flag(c, x: float, y: float, h: float, mono: bool) -> None:
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
    _star(c, x + w * 0.3, y + h * 0.74, h * 0.12, WHITE if mono else GOLD)
