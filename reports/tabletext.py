"""Tables whose plain-string cells are drawn as one text object, each string set once.

reportlab's Table draws every string cell as a text object of its own (its font and
colour set again) and sets the string anew each time (its characters' codes in the
font's subsets, escapes, width): for a village's slips and sheet, hundreds of thousands
of cells and a large share of the printout's time. TextTable puts a table's one-line
string cells, left or right aligned, top or middle, into one text object, and writes a
string set before in this document from a memo (`typeset`); a Paragraph, a centred or a
multi-line string is drawn as Table draws it. The text goes on after the table's lines,
which never cross it.
"""

from __future__ import annotations

from reportlab.lib.rl_accel import fp_str
from reportlab.platypus import Table

PLAIN = {("LEFT", "TOP"), ("RIGHT", "TOP"), ("LEFT", "MIDDLE"), ("RIGHT", "MIDDLE")}
# Strings kept in the memo at most: a township's slips set 117,000 different ones (each
# slip's totals line is its own), 46 MB kept to the end; past this it starts again, and
# what repeats (days, categories, figures) is back in it within a page or two.
MEMO_LIMIT = 20_000


def typeset(canv) -> dict:
    """What strings already set in this document write, by font, size, leading, font
    subset before, and string: (operators, subset after, width). reportlab's textOut
    writes nothing else for them once their characters have codes in the document's
    subsets: days, categories and figures repeat tens of thousands of times."""
    memo = canv.__dict__.get("_vb_typeset")
    if memo is None:
        memo = canv._vb_typeset = {}
    return memo


def text_out(words, memo: dict, value: str, wide: float | None = None) -> float:
    """words.textOut(value), from the memo when this document has set it before, as it
    stands (font, size, leading, subset); its width (wide, if the caller has it)."""
    key = (words._fontname, words._fontsize, words._leading, words._curSubset, value)
    done = memo.get(key)
    if done is None:  # textOut, kept: its operators, the font subset after it, the width
        if wide is None:
            wide = words._canvas.stringWidth(value, words._fontname, words._fontsize)
        words.textOut(value)
        if len(memo) >= MEMO_LIMIT:
            memo.clear()
        memo[key] = (words._code[-1], words._curSubset, wide)
        return wide
    words._code.append(done[0])
    words._curSubset = done[1]
    words._x += done[2]
    return done[2]


def width_of(words, memo: dict, value: str) -> float:
    """The width of value in the words' font, from the memo if it has been set."""
    done = memo.get((words._fontname, words._fontsize, words._leading, words._curSubset,
                     value))
    if done is not None:
        return done[2]
    return words._canvas.stringWidth(value, words._fontname, words._fontsize)


class TextTable(Table):
    """A Table drawing its plain string cells into one text object (see above)."""

    def draw(self):
        self._words, self._look, self._at = self.canv.beginText(), None, (0.0, None)
        self._typeset = typeset(self.canv)
        super().draw()
        self.canv.saveState()  # the text object's colours stay inside it
        self.canv.drawText(self._words)
        self.canv.restoreState()

    def _drawCell(self, value, style, pos, size):
        """A row's first string is placed by its coordinates (Tm), the next ones by a move
        along the line (Td): one number to format, not two."""
        if value == "":  # a covered or empty cell: nothing to draw
            return None
        if (value.__class__ is not str or (style.alignment, style.valign) not in PLAIN
                or "\n" in value or style.href or style.destination or style.direction
                or style.shaping):
            return super()._drawCell(value, style, pos, size)
        words, look = self._words, self._look
        if style is not look:  # rows share their cell styles
            if look is None or (style.fontname, style.fontsize, style.leading) != (
                    look.fontname, look.fontsize, look.leading):
                words.setFont(style.fontname, style.fontsize, style.leading)
            if look is None or style.color != look.color:
                words.setFillColor(style.color)
            self._look = style
        wide = None
        if style.alignment == "LEFT":  # as Table places a cell's string
            x = pos[0] + style.leftPadding
        else:
            wide = width_of(words, self._typeset, value)
            x = pos[0] + size[0] - style.rightPadding - wide
        if style.valign == "TOP":
            y = pos[1] + size[1] - style.topPadding - style.fontsize
        else:
            y = pos[1] + (style.bottomPadding + size[1] - style.topPadding + style.leading) / 2
            y -= style.fontsize
        if y == self._at[1]:  # words.moveCursor(dx, 0), as it writes it after a Tj
            dx = x - self._at[0]
            words._code.append(f"{fp_str(dx, 0)} Td")
            words._x0 += dx
            words._x = words._x0
        else:
            words.setTextOrigin(x, y)
        self._at = (x, y)
        text_out(words, self._typeset, value, wide)
        return None
