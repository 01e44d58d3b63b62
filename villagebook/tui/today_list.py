"""The record screen's list of the day's entries by this gatherer, newest first.

Only the newest `ROWS` are put in the table, the older ones when the cursor gets near
the end: a day of 300 entries keyed from paper, listed whole, took 70 ms after each save
(issue 14) and most of the first screen's time.
"""

from __future__ import annotations

from villagebook import catalogue, entries
from villagebook.i18n import t
from villagebook.quantities import fmt_points
from villagebook.tui.plain import PlainTable

ROWS = 40  # a screenful and more, at any terminal size a gatherer has


class TodayList(PlainTable):
    listed = ROWS  # (DataTable.rows is the table's own)
    more = False  # older entries than listed

    def relabel(self) -> None:
        self.clear(columns=True)
        self.add_columns(t("h.id"), t("h.day"), t("h.name"), t("h.category"), t("h.quantity"),
                         t("h.points"), t("h.note"))

    def show(self, book, gatherer: str | None, day: str, keep_cursor: bool = False) -> int:
        """List the day's newest entries; how many there are in all."""
        cursor = self.cursor_row
        self.clear()
        found = entries.entries_of(book, recorded_by=gatherer, recorded_on=day) \
            if gatherer else []
        self.more = len(found) > self.listed
        names = {c.code: c.name for c in catalogue.categories(book, include_retired=True)}
        for e in found[:self.listed]:
            points = t("ui.voided") if e.voided_at else fmt_points(e.points_c)
            note = e.void_reason if e.voided_at else e.note
            shown = e.day[5:] + (t("ui.late_mark") if e.late else "")
            self.add_row(e.id[:8], shown, e.resident_name, names.get(e.category, e.category),
                         e.quantity, points, note, key=e.id)
        if keep_cursor:
            self.move_cursor(row=cursor)
        return len(found)

    def near_the_end(self) -> bool:
        """After the cursor moved: when it nears the last row listed, list older ones."""
        if self.more and self.cursor_row >= self.row_count - 2:
            self.listed += 4 * ROWS
            return True
        return False
