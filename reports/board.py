"""红榜: the star-and-flag bulletin board, as a committee would pin it up.

A story for the shared page engine (reports/document.py): title, period and its state,
the legend with the village's own settings, the role models, then the residents in two
newspaper columns (reports/columns.py), by corner (a heading per corner, repeated with
"（续）" on a continuation page) or by household (households packed into the columns as
blocks, in natural order: 马家3户 before 马家37户), and the rules at the end. Type is
sized for the paper: names 16 pt on A4 and 22.6 pt on A3, a poster, not a page blown up.
"""

from __future__ import annotations

import re
from collections import Counter
from itertools import groupby

from reportlab.lib import colors
from reportlab.platypus import CondPageBreak, HRFlowable, KeepTogether, Paragraph, Spacer

from reports import document, shapes
from reports.board_head import Legend, RoleModels
from reports.board_rows import Look, ResidentRow, household_blocks
from reports.columns import Columns
from reports.document import TA_CENTER, GroupEnd, GroupStart, Page, Styles, mm
from reports.fonts import escape, printable
from villagebook.i18n import t
from villagebook.printing import BoardData

GUTTER = 7 * mm  # between the two columns (A4; scaled on A3)
COLUMNS = 2


def natural(text: str) -> list:
    """Sort key with numbers as numbers: 马家3户 before 马家37户, 2组 before 10组."""
    return [(0, int(part), "") if part.isdigit() else (1, 0, part)
            for part in re.split(r"(\d+)", text or "")]


def period_words(data: BoardData) -> str:
    """2026年11月 / 2026年度（截至11月）/ 历年累计（截至2026年11月）."""
    month = data.month or data.period.lstrip(".")
    if len(month) < 7:  # a year's board made without its month: the year alone
        return data.period
    year, number = month[:4], int(month[5:7])
    if data.period.startswith(".."):
        return t("p.period.all", year=year, month=number)
    if len(data.period) == 4:
        return t("p.period.year", year=year, month=number)
    return t("p.period.month", year=year, month=number)


def state_words(data: BoardData) -> str:
    """未公示 / 公示中 / 已定稿 for the month printed (on a year's board: 11月公示中): a
    board printed before posting says it is a draft, as the sheet does."""
    state = data.posting.state
    if state not in ("open", "posted", "final"):
        return ""
    if len(data.period) == 7 or not data.month:
        return t(f"state.{state}")
    return t("p.board.month_state", month=int(data.month[5:7]), year=data.month[:4],
             state=state)


class Board:
    """One board's story; with keep_rows, `rows` keeps every resident's row flowable and
    where it was drawn (for the tests: a township's year, 90,000 rows, is 40 MB kept)."""

    def __init__(self, data: BoardData, paper: str = "A4", mono: bool = False,
                 keep_rows: bool = False):
        self.data, self.paper, self.mono, self.keep_rows = data, paper, mono, keep_rows
        self.st = Styles(paper)
        self.accent = shapes.BLACK if mono else shapes.RED
        self.colour = colors.Color(*self.accent)
        self.rows: list[ResidentRow] = []

    def title(self) -> str:
        return t("p.board_title", village=printable(self.data.village))

    def story(self, doc) -> list:
        data, st, s = self.data, self.st, self.st.scale
        self._width = doc.width
        gutter = GUTTER * s
        width = (doc.width - gutter * (COLUMNS - 1)) / COLUMNS
        look = Look(data.lines, width, s, self.mono, data.stars_per_flag)
        twins = {name for name, n in Counter(ln.name for ln in data.lines).items() if n > 1}
        out = self._head(twins)
        self.rows = []
        if not data.lines:
            out.append(Paragraph(escape(t("no_rows")), st(16, align=TA_CENTER)))
        elif data.group_by == "household":
            out.append(self._households(look, width, gutter, doc.height))
        else:
            out += self._corners(look, width, gutter, twins)
        return out + [GroupEnd(), self._foot()]

    def _head(self, twins: set[str]) -> list:
        data, st, s = self.data, self.st, self.st.scale
        period = escape(period_words(data))
        state = state_words(data)
        if state:
            period += f'　<font color="{self.colour.hexval()}">{escape(state)}</font>'
        out = [HRFlowable(width="100%", thickness=2.5 * mm * s, color=self.colour,
                          spaceAfter=4 * mm * s),
               Paragraph(escape(self.title()), st(28, leading=1.25, align=TA_CENTER,
                                                  color=self.colour)),
               Paragraph(period, st(16, align=TA_CENTER)),
               Legend(data.points_per_star_c, data.stars_per_flag, s, self.mono),
               Spacer(1, 2 * mm * s)]
        if data.role_models:
            out += [RoleModels(data.role_models, twins, s, self.mono), Spacer(1, 3 * mm * s)]
        return out

    def _row(self, line, look: Look, household: bool) -> ResidentRow:
        row = ResidentRow(line, look, household)
        if self.keep_rows:
            self.rows.append(row)
        return row

    def _corners(self, look: Look, width: float, gutter: float, twins: set[str]) -> list:
        """Per corner: its heading (kept with its first row), its rows in columns."""
        out = []
        lines = sorted(self.data.lines, key=lambda ln: (natural(ln.corner), -ln.points_c,
                                                        natural(ln.name)))
        heading = self.st(15, color=self.colour)
        heading.spaceBefore, heading.spaceAfter = 3 * mm * self.st.scale, 1 * mm
        for corner, members in groupby(lines, key=lambda ln: ln.corner or "—"):
            rows = [self._row(ln, look, ln.name in twins) for ln in members]
            out += [GroupEnd(),  # the corner before has ended: no "（续）" for it below
                    CondPageBreak(heading.leading + heading.spaceBefore + rows[0].height
                                  + 2 * mm),
                    GroupStart(printable(corner)),
                    Paragraph(escape(f"【{printable(corner)}】"), heading),
                    Columns(rows, width, COLUMNS, gutter)]
        return out

    def _households(self, look: Look, width: float, gutter: float, room: float) -> Columns:
        """Households as blocks packed into the columns, in natural order."""
        lines = sorted(self.data.lines, key=lambda ln: (natural(ln.household), -ln.points_c,
                                                        natural(ln.name)))
        blocks = []
        for house, members in groupby(lines, key=lambda ln: ln.household or "—"):
            rows = [self._row(ln, look, False) for ln in members]
            name = printable(house)
            blocks += household_blocks(name, t("p.continued", group=name), rows, look,
                                       self.accent, room * 0.9)
        return Columns(blocks, width, COLUMNS, gutter)

    def _foot(self) -> KeepTogether:
        """Only adds, never deducts; every rule in full (wrapped, never cut); the month's
        posting deadline while it is still ahead, or that the month is final."""
        data, st, s = self.data, self.st, self.st.scale
        grey = colors.Color(0.25, 0.25, 0.25)
        out = [Spacer(1, 4 * mm * s),
               HRFlowable(width="100%", thickness=0.8 * s, color=self.colour,
                          spaceAfter=2 * mm * s),
               Paragraph(escape(t("p.only_adds")), st(11, color=self.colour)),
               Paragraph(escape(t("p.how_earned")), st(11, color=grey))]
        if data.rules:  # one short paragraph per rule: wrapped, never cut mid-item
            gutter = GUTTER * s
            width = (self._width - gutter * (COLUMNS - 1)) / COLUMNS
            rule = st(11, color=grey)
            rule.leftIndent, rule.firstLineIndent = 3 * mm * s, -3 * mm * s
            out.append(Columns([Paragraph(escape(f"· {printable(text)}"), rule)
                                for text in data.rules], width, COLUMNS, gutter))
        posting = data.posting
        if posting.state == "posted" and (posting.objection_until or "") >= data.day:
            out.append(Paragraph(escape(t("p.posted", until=posting.objection_until)),
                                 st(11, color=self.colour)))
        elif posting.state == "final" and len(data.period) == 7:
            out.append(Paragraph(escape(t("p.board.final")), st(11, color=self.colour)))
        return KeepTogether(out)

    def render(self) -> tuple[bytes, int]:
        page = Page(f"{self.title()}　{period_words(self.data)}", t("p.board.note"))
        return document.render(self.story, self.paper, page=page, title=self.title())


def render(data: BoardData, paper: str = "A4", mono: bool = False) -> tuple[bytes, int]:
    """The board as PDF bytes, and its number of pages."""
    return Board(data, paper, mono).render()
