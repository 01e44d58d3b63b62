"""The page engine every printout shares: page N of M, and （续） exactly where a group
runs over a page, wherever the page break falls."""

from __future__ import annotations

import io

import pypdf
import pytest
from reportlab.platypus import Paragraph

from reports.document import GroupStart, Page, Styles, render


def corner_after(rows_before: int):
    """Some rows, then the 西片 group: its heading falls before, on or after a page break."""
    def story(doc):
        st = Styles("A4")
        out = [Paragraph(f"行 {i}", st(16)) for i in range(rows_before)]
        heading = Paragraph("西片", st(20))
        heading.keepWithNext = 1
        out += [GroupStart("西片"), heading]
        return out + [Paragraph(f"西片 马{i}", st(16)) for i in range(40)]
    return story


@pytest.mark.parametrize("rows_before", range(26, 37))
def test_continued_only_on_pages_that_continue_a_group(rows_before):
    pdf, pages = render(corner_after(rows_before), "A4", page=Page(title="光荣榜"))
    texts = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert len(texts) == pages
    for number, text in enumerate(texts, 1):
        lines = text.split("\n")
        assert f"第 {number} 页 / 共 {pages} 页" in lines
        body = [ln for ln in lines if ln.startswith(("行", "西片"))
                and not ln.endswith("（续）")]
        continues = body[0].startswith("西片 马")  # the page opens inside the group
        assert ("西片（续）" in lines) == continues, (number, body[:2])
    assert "光荣榜" in texts[0].split("\n")
