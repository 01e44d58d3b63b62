"""What the resident slips show (个人积分单): one slip per resident, read a batch of
residents at a time as the slips are drawn. A township's month holds some 50,000 slips
and 400,000 entries: read at once they held ~190 MB until the PDF was written."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from villagebook import catalogue, entries, settings, tally
from villagebook.i18n import get_lang
from villagebook.printing import Posting, in_order, posting

BATCH = 1000  # residents whose entries are read in one query: ~4 MB of a township's


@dataclass(frozen=True)
class Slip:
    name: str
    household: str
    corner: str
    entries: list[entries.Entry]
    month_c: int
    cumulative_c: int


class Slips(Sequence):
    """The slips in print order (corner, household, reading); each batch's entries are
    read when a slip of it is first asked for, and only the last batch is kept. Of each
    resident it keeps only what a slip prints (a township's 50,000 as Resident records
    were 38 MB)."""

    def __init__(self, book, month: str, residents: list[tuple], cumulative: dict[str, int]):
        """residents: (id, name, household, corner, reading) of each, in any order."""
        self._book, self._month, self._cumulative = book, month, cumulative
        places: dict[str, tuple] = {}  # each corner's and household's text and order, once

        def place(text: str) -> tuple:
            return places.setdefault(text, (in_order(text), text))  # 马家3户 before 马家37户

        keyed = sorted((place(corner), place(household), reading, rid, name)
                       for rid, name, household, corner, reading in residents)
        self._residents = [(rid, name, household[1], corner[1])
                           for corner, household, _, rid, name in keyed]
        self._kept: tuple[int, list[Slip]] = (-1, [])
        self.names = [r[1] for r in self._residents]

    def __len__(self) -> int:
        return len(self._residents)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self._batch(i // BATCH)[i % BATCH]

    def __iter__(self):
        for b in range(0, (len(self) + BATCH - 1) // BATCH):
            yield from self._batch(b)

    def _batch(self, b: int) -> list[Slip]:
        if self._kept[0] != b:
            chosen = self._residents[b * BATCH:(b + 1) * BATCH]
            found = entries.month_entries_by_resident(self._book, self._month,
                                                      [rid for rid, *_ in chosen])
            self._kept = (b, [self._slip(r, found.get(r[0], [])) for r in chosen])
        return self._kept[1]

    def _slip(self, resident: tuple, found: list) -> Slip:
        rid, name, household, corner = resident
        month_c = sum(e.points_c for e in found if not e.voided_at)
        return Slip(name, household, corner, found, month_c, self._cumulative.get(rid, 0))


@dataclass(frozen=True)
class SlipsData:
    village: str
    month: str
    slips: Sequence[Slip]
    category_names: dict[str, str]
    objection_days: int
    posting: Posting
    lang: str
    # the day printed: a posted month whose deadline is before it says the window closed
    day: str = field(default_factory=lambda: date.today().isoformat())
    category_kinds: dict[str, str] = field(default_factory=dict)  # the unit of a quantity

    @property
    def names(self) -> list[str]:
        """Every name printed, without reading the entries again."""
        names = getattr(self.slips, "names", None)
        return names if names is not None else [s.name for s in self.slips]


def with_entries(book, month: str) -> list[tuple]:
    """Everyone with an entry this month, a voided one too, as (id, name, household,
    corner, reading): each resident looked up in the entries' (resident_id, month) index,
    as no index leads with the month for voided entries and SQLite would otherwise scan
    every entry in the book."""
    return book.query("SELECT id, name, household, corner, pinyin FROM residents r"
                      " WHERE EXISTS (SELECT 1 FROM entries e"
                      " WHERE e.resident_id = r.id AND e.month = ?)", (month,))


def slips_data(book, month: str, residents: list | None = None) -> SlipsData:
    """One slip per resident with entries this month (or the residents named)."""
    chosen = with_entries(book, month) if residents is None else [
        (r.id, r.name, r.household, r.corner, r.pinyin) for r in residents]
    cumulative = tally.cumulative_points(book, month, [r[0] for r in chosen])
    cats = catalogue.categories(book, include_retired=True)
    s = settings.load(book, month)
    return SlipsData(s.village, month, Slips(book, month, chosen, cumulative),
                     {c.code: c.name for c in cats}, s.objection_days, posting(book, month),
                     get_lang(), category_kinds={c.code: c.kind for c in cats})
