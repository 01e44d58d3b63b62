"""The page engine every printout shares: page N of M, and （续） exactly where a group
runs over a page, wherever the page break falls."""

from __future__ import annotations

import io

import pypdf
import pytest
from reportlab.platypus import Paragraph, Spacer

from reports.document import GroupEnd, GroupStart, Page, Styles, render


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


@pytest.mark.parametrize("gap", [0, 0.5, 2])
def test_a_group_that_ends_at_the_foot_of_a_full_page_is_not_continued(gap):
    """A group filling its page to the last point (or nearly) ends there: the next page,
    which begins something else, is not headed "甲（续）"."""
    def story(doc):
        return [GroupStart("甲"), Spacer(10, doc.height - gap), GroupEnd(),
                Paragraph("下一个", Styles("A4")(10)), Spacer(10, doc.height)]

    pdf, pages = render(story)
    texts = [p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages]
    assert pages >= 2 and "下一个" in texts[1]
    assert not any("甲（续）" in text for text in texts)


def test_a_story_that_yields_is_made_as_it_is_drawn_and_printed_whole(monkeypatch):
    """A township's slips are a story of 200,000 flowables: made as the pages are drawn,
    not all before the first (that took most of a GB), and every one still printed, with
    the same pages as the story made at once."""
    from reports import document

    made, when_first_page = [], []
    showing = document.TotalLast.showPage

    def show(canvas):
        when_first_page.append(len(made))
        showing(canvas)

    monkeypatch.setattr(document.TotalLast, "showPage", show)
    st = Styles("A4")

    def lines(doc):
        for i in range(3000):
            made.append(i)
            yield Paragraph(f"第 {i} 行", st(12))

    pdf, pages = render(lines, "A4")
    texts = "".join(p.extract_text() for p in pypdf.PdfReader(io.BytesIO(pdf)).pages)
    assert len(made) == 3000 and all(f"第 {i} 行" in texts for i in (0, 1499, 2999))
    assert when_first_page[0] < 300  # the first page was done with a few hundred made
    listed, listed_pages = render(lambda doc: list(lines(doc)), "A4")
    assert listed_pages == pages and listed == pdf
