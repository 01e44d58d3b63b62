"""The month sheet laid out a page at a time (issue 14): the residents' rows keep their
stripes across page breaks, every other resident grey counted from the first, whatever
page a row lands on, with names long enough to wrap and on both papers (the split
LongTable before started every page white: two white rows met at a break)."""

import io
import re

import pytest
from pypdf import PdfReader
from pypdf.generic import ContentStream
from test_print_sheet import synthetic

from reports import sheet

ZEBRA = (0.93, 0.93, 0.93)
NAME = re.compile(r"村民(\d{4})")


def multiply(m, n):
    return [m[0] * n[0] + m[1] * n[2], m[0] * n[1] + m[1] * n[3],
            m[2] * n[0] + m[3] * n[2], m[2] * n[1] + m[3] * n[3],
            m[4] * n[0] + m[5] * n[2] + n[4], m[4] * n[1] + m[5] * n[3] + n[5]]


def bands(page, reader) -> list[tuple[float, float, tuple]]:
    """Every filled rectangle of the page: (bottom, top, fill colour), in page space."""
    out, ctm, stack, fill = [], [1, 0, 0, 1, 0, 0], [], (0, 0, 0)
    for operands, op in ContentStream(page.get_contents(), reader).operations:
        if op == b"q":
            stack.append((ctm, fill))
        elif op == b"Q":
            ctm, fill = stack.pop()
        elif op == b"cm":
            ctm = multiply([float(v) for v in operands], ctm)
        elif op == b"rg":
            fill = tuple(round(float(v), 2) for v in operands)
        elif op == b"re":
            _, y, _, h = (float(v) for v in operands)
            low, high = sorted((y, y + h))
            out.append((low * ctm[3] + ctm[5], high * ctm[3] + ctm[5], fill))
    return out


def stripes(pdf: bytes) -> dict[int, bool]:
    """Each resident's number and whether their row is grey, from every page."""
    reader, grey = PdfReader(io.BytesIO(pdf)), {}
    for page in reader.pages:
        rects = bands(page, reader)

        def visit(text, cm, tm, font, size, rects=rects):
            found = NAME.match(text.strip())
            if not found:
                return
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            fills = [fill for low, high, fill in rects if low < y + size * 0.3 < high]
            assert fills, (text, y)
            grey.setdefault(int(found.group(1)), fills[0] == ZEBRA)
        page.extract_text(visitor_text=visit)
    return grey


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_every_other_resident_is_grey_across_every_page_break(paper):
    long = "长" * 30  # wraps in the name column: a taller row now and then
    data = synthetic(260, name=lambda i: f"村民{i:04d}" + (long if i % 7 == 3 else ""))
    pdf, pages = sheet.render(data, paper)
    grey = stripes(pdf)
    assert pages > 3 and sorted(grey) == list(range(260))
    assert [n for n, g in grey.items() if g != (n % 2 == 1)] == []
