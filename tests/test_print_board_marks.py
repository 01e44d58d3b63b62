"""The board's stars and flags at a village's scale (issue 14): each mark is drawn once in
the file, as a form, and placed by reference, so a board of thousands of residents stays
small and quick to write; a reader still sees every mark, in its colour."""

import pytest
from pdf_drawing import STAR_PATH, drawing_of, forms_in, page_bytes
from test_print_board import assert_everyone_once, line, make

from reports import board


def test_two_thousand_residents_marks_come_from_two_forms():
    data = make(2000)
    pdf, _ = board.render(data)
    marks = sum(ln.flags + ln.loose_stars for ln in data.lines)
    assert forms_in(pdf) == 2  # one star, one flag
    assert page_bytes(pdf) < 100 * marks  # each mark drawn in full took about 230 bytes
    assert len(pdf) < 120_000  # 139 KB when every mark was drawn in full
    assert_everyone_once(data, pdf)


@pytest.mark.parametrize("paper, mono, by", [("A4", False, "corner"), ("A3", True, "corner"),
                                             ("A4", False, "household")])
def test_every_mark_is_still_drawn(paper, mono, by):
    """Up to 3 flags and 5 stars: all drawn in full, none as ×N."""
    lines = [line(i, 100 * (i % 23 + 1)) for i in range(46)]
    data = make(lines=lines, by=by)
    pdf, _ = board.render(data, paper, mono)
    drawn = drawing_of(pdf)
    # a flag's one star path is the small star on its cloth; the legend has a star and a
    # flag; each role model a star
    stars = sum(ln.flags + ln.loose_stars for ln in lines) + 2 + len(data.role_models)
    assert len(STAR_PATH.findall(drawn)) == stars
    assert forms_in(pdf) == 2
    assert (b".82 .05 .1 rg" in drawn) is not mono


def test_one_form_serves_every_page():
    pdf, pages = board.render(make(600))
    assert pages > 5 and forms_in(pdf) == 2
