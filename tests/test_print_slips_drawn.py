"""A plain slip drawn in one go (reports/slip_drawn.py) prints exactly what its parts
(two headings and a Table, reports/slips.py) print: every string and every rule in the
same place, on the same pages, at every size up to a page and past it."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pytest
from pypdf import PdfReader
from test_print_slips import data, entry

from reports import slip_drawn, slip_parts, slips, tabletext
from reports.document import MARGIN, PAPERS
from villagebook.slipsdata import Slip


def drawing(pdf: bytes) -> list[list]:
    """Each page's strings ("text", text, x, y, size) and rules ("rule", "", x0, y0, x1,
    y1, width), placed on the page, in order of what and where (to the point)."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        marks, width, start = [], [1.0], [None]

        def text(words, cm, tm, _font, size, marks=marks):
            if words.strip():
                x, y = cm[0] * tm[4] + cm[2] * tm[5] + cm[4], cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                marks.append(("text", words.strip(), x, y, size))

        def path(op, args, cm, _tm, marks=marks, width=width, start=start):
            if op == b"w":
                width[0] = float(args[0])
            elif op in (b"m", b"l"):
                x, y = float(args[0]), float(args[1])
                point = (cm[0] * x + cm[2] * y + cm[4], cm[1] * x + cm[3] * y + cm[5])
                if op == b"l":
                    marks.append(("rule", "", *start[0], *point, width[0]))
                start[0] = point

        page.extract_text(visitor_text=text, visitor_operand_before=path)
        pages.append(sorted(marks, key=lambda m: (m[:2], [round(v) for v in m[2:]])))
    return pages


def plain_slip(k: int, n: int) -> Slip:
    found = [entry(i, late=int(i % 11 == 3)) for i in range(n)]
    month = sum(e.points_c for e in found)
    return Slip(f"村民{k:04d}", f"马家{k}户", "东片", found, month, month + 100 * k)


@pytest.mark.parametrize("paper", ["A4", "A3"])
def test_a_plain_slip_is_drawn_where_its_parts_would_draw_it(paper, monkeypatch):
    """Slips of 0..44 entries (the longest run over an A4 page, so they are drawn by
    their parts), then a slip with a voided entry (struck through: its parts)."""
    voided = entry(1, voided_at="2026-11-30T10:00:00", voided_by="杨秋云", void_reason="重复")
    d = data([plain_slip(k, k) for k in range(45)]
             + [Slip("村民9999", "", "东片", [entry(0), voided], 100, 100)])
    drawn = []
    monkeypatch.setattr(slips, "DrawnSlip",
                        lambda *args: drawn.append(slip_drawn.DrawnSlip(*args)) or drawn[-1])
    together, pages = slips.render(d, paper)
    assert 30 < len(drawn) < 45  # most slips drawn in one go; the longest and the voided not
    monkeypatch.setattr(slips, "plain", lambda *args: False)
    apart, pages_apart = slips.render(d, paper)
    assert together != apart and pages == pages_apart
    seen, expected = drawing(together), drawing(apart)
    for number, (page, parts) in enumerate(zip(seen, expected, strict=True), 1):
        assert len(page) == len(parts), f"page {number}"
        for mark, part in zip(page, parts, strict=True):  # within a thousandth of a point
            assert mark[:2] == part[:2], f"page {number}"
            assert mark[2:] == pytest.approx(part[2:], abs=0.001), f"page {number}: {mark[1]}"
    flat = [mark for page in seen for mark in page]
    assert sum(mark[0] == "rule" for mark in flat) > 45 * 3  # the rules are compared too
    assert any(mark[1].startswith("村民0030") for mark in flat)


def test_a_full_memo_starts_again_and_draws_the_same(monkeypatch):
    """A township's strings overflow the memo of strings already set (it starts again,
    to keep the memory down); what is drawn after that is what a roomy memo draws."""
    hanzi = [chr(c) for c in range(0x5300, 0x5600)]  # 768 characters: three font subsets
    slip_list = []
    for k in range(60):  # every name new; notes in the later subsets, again and again
        s = plain_slip(k, k % 9)
        notes = [e._replace(note=hanzi[700 + (k + i) % 50]) for i, e in enumerate(s.entries)]
        slip_list.append(replace(s, name="".join(hanzi[k * 12:(k + 1) * 12]), entries=notes))
    d = data(slip_list)
    roomy, _ = slips.render(d)
    assert len(re.findall(rb"/BaseFont /\w+\+", roomy)) >= 3  # a subset of the font each
    for module in (slip_drawn, slip_parts, tabletext):
        monkeypatch.setattr(module, "MEMO_LIMIT", 7)
    tight, _ = slips.render(d)
    assert drawing(tight) == drawing(roomy)


def test_what_it_cannot_draw_goes_to_the_parts():
    """Only full-width rules, spans and NOSPLIT are drawn in one go: a background, a grid
    or a rule under some columns would be lost, so such a table is drawn by its parts."""
    kit, room = slips._Kit(slips.Styles("A4")), PAPERS["A4"][0] - 2 * MARGIN
    parts = [slip_parts.heading([("个人积分单", kit.title)], room, 8)]
    rows, looks, _, commands = slips._cells(data([]), plain_slip(1, 3), kit, room)
    assert slip_drawn.plain(parts, rows, looks, commands)
    for extra in (("BACKGROUND", (0, 1), (-1, 1), "yellow"),
                  ("GRID", (0, 0), (-1, -1), 0.25, "black"),
                  ("LINEBELOW", (1, 2), (3, 2), 0.25, "black")):
        assert not slip_drawn.plain(parts, rows, looks, [*commands, extra])
    wrapped = [slip_parts.heading([("马" * 60, kit.name)], room, 8)]  # a name that wraps
    assert not slip_drawn.plain(wrapped, rows, looks, commands)
