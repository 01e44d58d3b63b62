"""红榜: the star-and-flag bulletin board, as a committee would pin it up.

Geometry first (which resident goes on which page, where), then drawing; sizes are named
in millimetres at the top. Names are 16 pt so they read from a step away.
"""

from __future__ import annotations

import io
from itertools import groupby

from reports import shapes
from reports.fonts import printable, register, width, wrap
from reports.page import MARGIN, PAPERS, mm, new_canvas, page_footer, period_words
from villagebook.i18n import t
from villagebook.printing import BoardData
from villagebook.quantities import fmt_points

TITLE_SIZE = 30
SUBTITLE_SIZE = 15
NAME_SIZE = 16
POINTS_SIZE = 12
ROLE_SIZE = 18
GROUP_SIZE = 14
ROW_H = 11 * mm
GROUP_H = 10 * mm
COLUMNS = 2
FIRST_HEADER_H = 62 * mm  # title, period, role models band
NEXT_HEADER_H = 16 * mm
FOOTER_H = 30 * mm
FLAG_H = 6 * mm
FLAG_STEP = 5.6 * mm
STAR_R = 2.3 * mm
STAR_STEP = 5 * mm
MAX_FLAGS_DRAWN = 6  # more than this: one flag and ×N
MAX_STARS_DRAWN = 6


def _rows(data: BoardData) -> list[tuple[str, object]]:
    """The board as a flow of ("group", name) and ("pair", [line, line]) rows."""
    key = (lambda ln: ln.corner) if data.group_by == "corner" else (lambda ln: ln.household)
    ordered = sorted(data.lines, key=lambda ln: (key(ln), -ln.points_c, ln.name))
    rows: list[tuple[str, object]] = []
    for group, members in groupby(ordered, key=key):
        members = list(members)
        rows.append(("group", group or "—"))
        for i in range(0, len(members), COLUMNS):
            rows.append(("pair", members[i:i + COLUMNS]))
    return rows


def _paginate(rows, height: float) -> list[list]:
    """Split rows into pages; a group heading never ends a page alone."""
    pages, current = [], []
    room = height - MARGIN - FIRST_HEADER_H - FOOTER_H
    for i, (kind, value) in enumerate(rows):
        need = GROUP_H if kind == "group" else ROW_H
        if kind == "group" and i + 1 < len(rows):
            need += ROW_H
        if need > room and current:
            pages.append(current)
            current = []
            room = height - MARGIN - NEXT_HEADER_H - FOOTER_H
        current.append((kind, value))
        room -= GROUP_H if kind == "group" else ROW_H
    pages.append(current)
    return pages


def _marks(c, line, x: float, y: float, mono: bool) -> None:
    """Flags then loose stars from x along the baseline y; ×N when too many to draw."""
    c.setFont(register(), POINTS_SIZE)
    if line.flags > MAX_FLAGS_DRAWN:
        shapes.flag(c, x, y - 1 * mm, FLAG_H, mono)
        c.drawString(x + FLAG_STEP, y, f"×{line.flags}")
        x += FLAG_STEP + width(f"×{line.flags}", POINTS_SIZE) + 2 * mm
    else:
        for _ in range(line.flags):
            shapes.flag(c, x, y - 1 * mm, FLAG_H, mono)
            x += FLAG_STEP
        x += 1 * mm if line.flags else 0
    if line.loose_stars > MAX_STARS_DRAWN:
        shapes.star(c, x + STAR_R, y + 1.4 * mm, STAR_R, mono)
        c.drawString(x + STAR_STEP, y, f"×{line.loose_stars}")
    else:
        for _ in range(line.loose_stars):
            shapes.star(c, x + STAR_R, y + 1.4 * mm, STAR_R, mono)
            x += STAR_STEP


def _header(c, data: BoardData, size, first: bool, mono: bool) -> float:
    """Draw the page's header; return the y where the rows start."""
    w, h = size
    accent = shapes.BLACK if mono else shapes.RED
    title = t("p.board_title", village=printable(data.village))
    period = period_words(data.period)
    if not first:
        c.setFont(register(), 11)
        c.setFillColorRGB(*accent)
        c.drawString(MARGIN, h - MARGIN, f"{title}　{period}")
        c.setFillGray(0)
        return h - MARGIN - NEXT_HEADER_H + 6 * mm
    c.setFillColorRGB(*accent)
    c.rect(0, h - 8 * mm, w, 8 * mm, stroke=0, fill=1)
    c.setFont(register(), TITLE_SIZE)
    c.drawCentredString(w / 2, h - MARGIN - 12 * mm, title)
    c.setFillGray(0.15)
    c.setFont(register(), SUBTITLE_SIZE)
    c.drawCentredString(w / 2, h - MARGIN - 21 * mm, period)
    c.setFont(register(), 10)
    c.setFillGray(0.35)
    c.drawCentredString(w / 2, h - MARGIN - 27 * mm, t("p.legend", spf=data.stars_per_flag))
    # role models band
    top = h - MARGIN - 31 * mm
    c.setFillColorRGB(*((0.93, 0.93, 0.93) if mono else (1, 0.94, 0.90)))
    c.roundRect(MARGIN, top - 24 * mm, w - 2 * MARGIN, 24 * mm, 3 * mm, stroke=0, fill=1)
    c.setFillColorRGB(*accent)
    c.setFont(register(), GROUP_SIZE)
    c.drawString(MARGIN + 4 * mm, top - 7 * mm, t("p.role_models"))
    x = MARGIN + 4 * mm
    slot = (w - 2 * MARGIN - 8 * mm) / 5
    for line in data.role_models:
        shapes.star(c, x + 3 * mm, top - 15 * mm, 3 * mm, mono)
        c.setFillGray(0)
        c.setFont(register(), ROLE_SIZE)
        c.drawString(x + 8 * mm, top - 17.5 * mm, printable(line.name))
        c.setFont(register(), 10)
        c.setFillGray(0.3)
        c.drawString(x + 8 * mm, top - 22 * mm, t("p.points", points=fmt_points(line.points_c)))
        x += slot
    c.setFillGray(0)
    return h - MARGIN - FIRST_HEADER_H


def _footer(c, data: BoardData, size, page: int, pages: int, mono: bool) -> None:
    w, _ = size
    accent = shapes.BLACK if mono else shapes.RED
    c.saveState()
    c.setStrokeColorRGB(*accent)
    c.setLineWidth(0.8)
    c.line(MARGIN, FOOTER_H - 4 * mm, w - MARGIN, FOOTER_H - 4 * mm)
    c.setFont(register(), 10)
    c.setFillColorRGB(*accent)
    c.drawString(MARGIN, FOOTER_H - 9 * mm, t("p.only_adds"))
    c.setFillGray(0.25)
    c.setFont(register(), 8.5)
    lines = wrap(t("p.how_earned") + "；".join(data.rules), 8.5, w - 2 * MARGIN)
    y = FOOTER_H - 13.5 * mm
    for text in lines[:2]:
        c.drawString(MARGIN, y, text)
        y -= 4 * mm
    if data.posting.state == "posted" and data.posting.objection_until:
        c.setFillColorRGB(*accent)
        c.drawString(MARGIN, y, t("p.posted", until=data.posting.objection_until))
    c.restoreState()
    page_footer(c, size, page, pages)


def render(data: BoardData, paper: str = "A4", mono: bool = False) -> tuple[bytes, int]:
    """The board as PDF bytes, and its number of pages."""
    size = PAPERS[paper]
    w, h = size
    pages = _paginate(_rows(data), h)
    buffer = io.BytesIO()
    c = new_canvas(buffer, size, t("p.board_title", village=data.village))
    col_w = (w - 2 * MARGIN) / COLUMNS
    for number, rows in enumerate(pages, start=1):
        y = _header(c, data, size, number == 1, mono)
        for kind, value in rows:
            if kind == "group":
                c.setFillColorRGB(*(shapes.BLACK if mono else shapes.RED))
                c.setFont(register(), GROUP_SIZE)
                c.drawString(MARGIN, y - 7 * mm, f"【{printable(value)}】")
                c.setStrokeGray(0.7)
                c.setLineWidth(0.5)
                c.line(MARGIN, y - 9 * mm, w - MARGIN, y - 9 * mm)
                c.setFillGray(0)
                y -= GROUP_H
                continue
            for i, line in enumerate(value):
                x = MARGIN + i * col_w
                base = y - 7.5 * mm
                c.setFont(register(), NAME_SIZE)
                c.drawString(x + 1 * mm, base, printable(line.name))
                c.setFont(register(), POINTS_SIZE)
                c.drawRightString(x + col_w - 3 * mm, base, fmt_points(line.points_c))
                _marks(c, line, x + 27 * mm, base, mono)
            c.setStrokeGray(0.88)
            c.setLineWidth(0.3)
            c.line(MARGIN, y - ROW_H, w - MARGIN, y - ROW_H)
            y -= ROW_H
        if not data.lines:
            c.setFont(register(), NAME_SIZE)
            c.drawCentredString(w / 2, y - 20 * mm, t("no_rows"))
        _footer(c, data, size, number, len(pages), mono)
        c.showPage()
    c.save()
    return buffer.getvalue(), len(pages)
