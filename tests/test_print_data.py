"""What the sheet and the slips are made of, read from a real book: who gets a slip, the
order of a slip's entries, and the sheet's 补 and 增 marks (read with a few queries, not
entry by entry, since they are a township's printouts too)."""

from datetime import datetime, timedelta

from conftest import MONTH, TODAY

from villagebook import entries, months, people, printing, slipsdata

LAST = (TODAY.replace(day=1) - timedelta(days=1)).replace(day=10)
LAST_MONTH = LAST.strftime("%Y-%m")


def rec(book, name, code, qty, day=LAST, **kw):
    return entries.record(book, people.find_resident(book, name), code, qty, "杨秋云",
                          day=day, **kw)


def test_a_slip_for_everyone_with_an_entry_even_a_voided_one_in_the_order_they_happened(book):
    later = rec(book, "马少军", "labour", "8")
    first = rec(book, "马少军", "goods", "300", day=LAST - timedelta(days=7))
    same_day = [rec(book, "马少军", code, qty, day=LAST - timedelta(days=7))
                for code, qty in (("donation", "50"), ("labour", "2"))]
    gone = rec(book, "马洪云", "labour", "4")
    entries.void(book, gone.id, "记错了人", "杨秋云")
    rec(book, "马淑婷", "labour", "4", day=TODAY)  # another month: no slip for this one
    data = slipsdata.slips_data(book, LAST_MONTH)
    by_name = {s.name: s for s in data.slips}
    assert sorted(by_name) == sorted(["马洪云", "马少军"])
    assert [e.id for e in by_name["马少军"].entries] == [first.id, *(e.id for e in same_day),
                                                        later.id]
    assert by_name["马少军"].month_c == sum(e.points_c for e in (later, first, *same_day))
    assert [e.id for e in by_name["马洪云"].entries] == [gone.id]
    assert by_name["马洪云"].month_c == 0  # shown struck through, counted nowhere
    chosen = slipsdata.slips_data(book, LAST_MONTH, [people.find_resident(book, "马洪云"),
                                                    people.find_resident(book, "马淑婷")])
    assert [(s.name, len(s.entries)) for s in chosen.slips] == [("马洪云", 1), ("马淑婷", 0)]


def test_the_sheet_marks_a_late_entry_and_one_added_while_posted_but_not_a_voided_one(
        book, monkeypatch):
    rec(book, "马少军", "labour", "8")
    months.post(book, LAST_MONTH, "村委会")
    months.finalize(book, LAST_MONTH, "村委会", "村民大会已核对无误")
    rec(book, "马少军", "labour", "4", late=True)  # 补: last month's work, counted now
    for name in ("马洪云", "马淑婷", "马秋玲"):
        rec(book, name, "labour", "2", day=TODAY)
    posted = datetime.fromisoformat(months.post(book, MONTH, "村委会").posted_at)
    later = (posted + timedelta(seconds=1)).isoformat(timespec="seconds")
    monkeypatch.setattr(entries, "now", lambda: later)  # a second after, not the same one
    rec(book, "马洪云", "labour", "4", day=TODAY, again=True)  # 增: after the posting
    gone = rec(book, "马秋玲", "labour", "4", day=TODAY, again=True)
    entries.void(book, gone.id, "重复记录", "杨秋云")  # added and voided: nothing to mark
    marks = {sl.line.name: sl.marks for sl in printing.sheet_data(book, MONTH).lines}
    assert marks == {"马少军": "补", "马洪云": "增", "马淑婷": "", "马秋玲": ""}


def test_slips_read_a_batch_of_residents_at_a_time_print_exactly_what_one_reading_would(
        book, monkeypatch):
    from test_print_slips import pages_of

    from reports import slips

    for k in range(12):  # households 马家10户, 马家9户 ... in number order across batches
        people.add_resident(book, f"马家人{k}", f"马家{k + 9}户", ("东片", "西片")[k % 2])
    for k, r in enumerate(people.list_residents(book)):
        for day in range(1 + k % 3):  # none to three entries each
            entries.record(book, r, "labour", str(2 + day), "杨秋云", day=TODAY, again=True)
    gone = rec(book, "马洪云", "labour", "4", day=TODAY, again=True)
    entries.void(book, gone.id, "记错了人", "杨秋云")  # only voided: still a slip
    whole = slipsdata.slips_data(book, MONTH)
    assert len(whole.slips) > 7 and "马洪云" in whole.names

    def shown(data):
        return [(s.name, [e.id for e in s.entries], s.month_c, s.cumulative_c)
                for s in data.slips]

    once = shown(whole)
    monkeypatch.setattr(slipsdata, "BATCH", 3)  # batches end inside the demo's corners
    data = slipsdata.slips_data(book, MONTH)
    assert shown(data) == once and data.names == [name for name, *_ in once]
    assert [data.slips[i].name for i in (0, 3, -1)] == [once[i][0] for i in (0, 3, -1)]
    batched, _ = slips.render(data)
    monkeypatch.setattr(slipsdata, "BATCH", 1000)
    assert pages_of(batched) == pages_of(slips.render(slipsdata.slips_data(book, MONTH))[0])
