"""The plain-text table lines up Chinese and Latin cells in terminal cells, whatever the
mix: each cell padded to its column's widest, numbers on the right, a rule under the
header and above the footer, written a few thousand lines at a time."""

from hypothesis import given, settings
from hypothesis import strategies as st

from villagebook import texttable
from villagebook.texttable import cell_width, pad

CELL = st.text(alphabet="马少军欧阳秀英ＡＢab12 .é\u0301", max_size=6)


@settings(max_examples=200, deadline=None)
@given(st.integers(1, 5).flatmap(lambda n: st.tuples(
    st.lists(CELL, min_size=n, max_size=n),
    st.lists(st.lists(CELL, min_size=n, max_size=n), max_size=12),
    st.none() | st.lists(CELL, min_size=n, max_size=n),
    st.sets(st.integers(0, n - 1)))), st.integers(1, 5))
def test_every_cell_is_padded_to_its_columns_widest(table, chunk):
    header, rows, footer, numeric = table
    texttable.CHUNK, kept = chunk, texttable.CHUNK  # chunks across the lines' ends
    try:
        out = list(texttable.lines(header, rows, numeric, footer))
    finally:
        texttable.CHUNK = kept
    body = [header, *rows] + ([footer] if footer else [])
    widths = [max(cell_width(r[i]) for r in body) for i in range(len(header))]
    rule = "  ".join("-" * w for w in widths)

    def line(cells):
        return "  ".join(pad(c, w, right=i in numeric)
                         for i, (c, w) in enumerate(zip(cells, widths, strict=True))).rstrip()

    expected = [line(header), rule, *map(line, rows)] + ([rule, line(footer)] if footer else [])
    assert out == expected
