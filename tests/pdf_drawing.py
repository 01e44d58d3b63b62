"""What a PDF's pages draw, as a reader draws it: each form XObject a page places (the
board's stars and flags, drawn once each) spelled out where it is placed, so a test
counts and colours the marks a reader sees, however the file shares them; and where the
board's text and marks stand on the page (boxes)."""

from __future__ import annotations

import io
import re

from pypdf import PdfReader

from reports import shapes
from reports.fonts import width

PLACED = re.compile(rb"(/[^\s/]+) Do")


def drawing_of(pdf: bytes) -> bytes:
    """Every page's content, with each placed form's own content in place of its Do."""
    out = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        resources = page.get("/Resources") or {}
        shared = resources.get("/XObject") or {}
        forms = {name.encode(): shared[name].get_object().get_data() for name in shared}
        content = page.get_contents().get_data()
        out.append(PLACED.sub(lambda m, forms=forms: forms.get(m.group(1), m.group(0)), content))
    return b"".join(out)


def forms_in(pdf: bytes) -> int:
    """How many form XObjects the file holds."""
    return len(re.findall(rb"/Subtype /Form\b", pdf))


STAR_PATH = re.compile(rb"m(?:\s+[-\d.]+\s+[-\d.]+\s+l){9}\s+h")  # ten points, closed


def page_bytes(pdf: bytes) -> int:
    """The pages' own content, uncompressed, without the forms they place."""
    return sum(len(page.get_contents().get_data()) for page in PdfReader(io.BytesIO(pdf)).pages)


def boxes(monkeypatch, render) -> tuple[list, list]:
    """Text boxes from the PDF (pypdf) and the boxes of every star and flag drawn."""
    drawn = []
    star, flag, mark = shapes.star, shapes.flag, shapes.mark

    def at(c, x0, y0, x1, y1):
        (ax, ay), (bx, by) = c.absolutePosition(x0, y0), c.absolutePosition(x1, y1)
        drawn.append((c.getPageNumber(), min(ax, bx), min(ay, by), max(ax, bx), max(ay, by)))

    def star_box(c, cx, cy, r, *args, **kw):
        at(c, cx - r, cy - r, cx + r, cy + r)
        star(c, cx, cy, r, *args, **kw)

    def flag_box(c, x, y, h, *args, **kw):
        at(c, x, y, x + h * 0.8, y + h * 1.08)
        flag(c, x, y, h, *args, **kw)

    def mark_box(c, kind, x, y, size, *args, **kw):  # a row's mark, placed from its form
        if kind == "star":
            at(c, x - size, y - size, x + size, y + size)
        else:
            at(c, x, y, x + size * 0.8, y + size * 1.08)
        mark(c, kind, x, y, size, *args, **kw)

    monkeypatch.setattr(shapes, "star", star_box)
    monkeypatch.setattr(shapes, "flag", flag_box)
    monkeypatch.setattr(shapes, "mark", mark_box)
    pdf = render()
    texts = []
    for number, page in enumerate(PdfReader(io.BytesIO(pdf)).pages, start=1):
        def visit(text, cm, tm, font, size, number=number):
            text = text.strip()
            if not text:
                return
            x = tm[4] * cm[0] + tm[5] * cm[2] + cm[4]
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            size *= (cm[0] ** 2 + cm[1] ** 2) ** 0.5
            texts.append((number, x, y - size * 0.12, x + width(text, size), y + size * 0.8,
                          text, size))
        page.extract_text(visitor_text=visit)
    return texts, list(dict.fromkeys(drawn))  # each shape once, in drawing order


def overlaps(a, b) -> bool:
    return a[0] == b[0] and a[1] < b[3] and b[1] < a[3] and a[2] < b[4] and b[2] < a[4]
