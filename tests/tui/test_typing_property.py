"""Any day of entries, turned into the keys a gatherer types and sent as one burst (with
the book sometimes held busy by another program): the book ends up with exactly them."""

from __future__ import annotations

import asyncio
import tempfile
from datetime import timedelta
from decimal import Decimal
from pathlib import Path

from conftest import TODAY
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.conftest import SIZE
from tui.keystrokes import BusyBook, burst, settle
from villagebook import catalogue, entries, people
from villagebook.book import Book
from villagebook.quantities import parse_quantity, quantity_text
from villagebook.tui.app import make_app

RESIDENTS = [("马少军", "马家3户", "东片"), ("马洪云", "马家5户", "东片"),
             ("马华英", "马家6户", "东片"), ("马淑婷", "马家8户", "西片"),
             ("马秋玲", "马家8户", "西片"), ("马霞军", "马家9户", "南片"),
             ("马晓静", "马家10户", "南片"), ("马小军", "马家11户", "北片"),
             ("杨秋云", "杨家1户", "北片")]

QUANTITY = {
    "hours": st.builds(lambda n, half: f"{n}.5" if half and n < 24 else str(n),
                       st.integers(1, 24), st.booleans()),
    "yuan": st.integers(1, 5000).map(str),
    "count": st.integers(1, 2).map(str),
    "fixed": st.just(""),
}

entry_strategy = st.fixed_dictionaries({
    "who": st.sampled_from([r[0] for r in RESIDENTS]),
    "by_initials": st.booleans(),
    "digit": st.integers(1, 7),
    "quantity_seed": st.data(),
    "note": st.one_of(st.just(""), st.text(
        st.sampled_from("修路扫雪帮忙abc 12"), min_size=1, max_size=8).map(str.strip)),
    "date": st.sampled_from([None, "ctrl+y", "ctrl+t"]),
})


def keys_for(book, categories, entry, quantity) -> list[str]:
    """The keys for one entry, the way a gatherer would type them."""
    keys = [entry["date"]] if entry["date"] else []
    resident = people.find_resident(book, entry["who"])
    if entry["by_initials"]:
        found = people.search(book, resident.initials, limit=9)
        index = [r.id for r in found].index(resident.id)
        keys += [*resident.initials, *(["down"] * index)]
        if index == 0 and len(found) > 1:
            keys += ["down", "up"]  # moved on purpose: the highlighted one is meant
    else:
        keys += [*resident.name]
    keys += ["enter", str(entry["digit"])]
    category = categories[entry["digit"] - 1]
    if category.kind != "fixed":
        keys += [*quantity]
        if entry["note"]:
            keys += ["tab"]
    keys += [*entry["note"], "enter"]
    return keys


async def type_a_day(book, keys, busy_path):
    app = make_app(book, gatherer="杨秋云", today=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        if busy_path:
            with BusyBook(busy_path, 0.5):
                burst(app, keys)
                await settle(pilot, app)
        else:
            burst(app, keys)
            await settle(pilot, app)


@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
@given(day=st.lists(entry_strategy, min_size=1, max_size=6), busy=st.booleans())
def test_a_burst_of_entries_saves_exactly_those_entries(day, busy):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.db"
        with Book.create(path, "夹矿马家村", actor="测试") as book:
            people.add_gatherer(book, "杨秋云", "北片")
            for name, household, corner in RESIDENTS:
                people.add_resident(book, name, household, corner)
            categories = catalogue.categories(book)
            keys, expected, when, day_totals = [], [], TODAY, {}
            for entry in day:
                category = categories[entry["digit"] - 1]
                quantity = entry["quantity_seed"].draw(QUANTITY[category.kind])
                typed_day = when
                if entry["date"]:
                    typed_day = TODAY - timedelta(days=1) if entry["date"] == "ctrl+y" else TODAY
                stored = quantity_text(parse_quantity(quantity)) if quantity else "1"
                line = (entry["who"], category.code, stored, typed_day.isoformat())
                cap_key = (entry["who"], category.code, typed_day)
                total = day_totals.get(cap_key, 0) + Decimal(stored)
                if any(e[:4] == line for e in expected) or (
                        category.max_quantity is not None and total > category.max_quantity):
                    continue  # a repeat, or over the day's cap, is asked about: not typed here
                when, day_totals[cap_key] = typed_day, total
                keys += keys_for(book, categories, entry, quantity)
                expected.append((*line, entry["note"]))
            asyncio.run(type_a_day(book, keys, path if busy else None))
            got = sorted((e.resident_name, e.category, e.quantity, e.day, e.note)
                         for e in entries.entries_of(book))
        assert got == sorted(expected)
