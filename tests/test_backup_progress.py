"""A big book's copy to a USB stick takes minutes: `backup` and `restore` say how far
they are on a terminal; a copy made step by step is still the book as it was when the
copy began, though a gatherer records an entry meanwhile (SQLite would otherwise start it
again); a restore told step by step restores the same."""

import pytest
from test_print_progress import Clock, Terminal

from villagebook import backup, check, entries, people, restore
from villagebook.book import Book
from villagebook.cli.progress import Progress
from villagebook.i18n import t


def test_a_copy_told_step_by_step_is_the_book_as_it_began(book, tmp_path, monkeypatch):
    monkeypatch.setattr(backup, "STEP_PAGES", 2)
    count = "SELECT COUNT(*) FROM entries"
    before = book.one(count)[0]
    told = []
    with Book.open(book.path) as gatherer:

        def tell(done, total):
            told.append((done, total))
            if len(told) == 2:  # between two steps, another connection writes
                entries.record(gatherer, people.find_resident(gatherer, "马少军"), "labour",
                               "2", "杨秋云", again=True)

        made = backup.backup(book, tmp_path / "usb", told=tell)
    total = told[-1][1]
    assert total > 6 and told[-1] == (total, total)
    assert [done for done, _ in told] == sorted({done for done, _ in told})  # never again
    assert book.one(count)[0] == before + 1
    with Book.open_readonly(made) as copy:
        assert copy.one(count)[0] == before and check.check(copy) == []


def test_the_command_says_how_far_on_a_terminal_only(run, book, tmp_path):
    screen, clock = Terminal(), Clock()
    progress = Progress(lambda percent: t("backup.progress", percent=percent), screen, clock)
    clock.now += 2
    progress(37)
    progress.done()
    assert screen.getvalue().startswith("\r正在备份：已复制 37%…")
    result = run("backup", str(tmp_path / "usb"))  # not a terminal: the result alone
    assert result.exit_code == 0 and "正在备份" not in result.output
    assert result.output.startswith("已备份到") and len(list((tmp_path / "usb").iterdir())) == 1


@pytest.mark.parametrize("reason", ["post", "manual"])  # a gzip copy, a plain one
def test_a_restore_tells_each_step_and_restores_the_same(book, db_path, monkeypatch, reason):
    monkeypatch.setattr(restore, "CHUNK", 4096)
    monkeypatch.setattr(backup, "STEP_PAGES", 2)
    monkeypatch.setattr(restore, "CHUNK_ROWS", 2)
    entries.record(book, people.find_resident(book, "马少军"), "labour", "2", "杨秋云")
    kept = backup.backup(book, reason=reason)
    entries.record(book, people.find_resident(book, "马洪云"), "labour", "3", "杨秋云")
    told = []
    restore.restore(kept, db_path, "村委会", lambda step, done=0: told.append((step, done)))
    steps = list(dict.fromkeys(step for step, _ in told))
    assert steps == ["read", "check", "aside", "swap"]
    for step in ("read", "aside", "swap"):
        shares = [done for s, done in told if s == step]
        assert len(shares) > 3 and shares == sorted(shares) and shares[-1] == 100, step
    assert [e.resident_name for e in entries.entries_of(book)] == ["马少军"]
    assert check.check(book) == []


@pytest.mark.parametrize("step", ["post", "finalize", "reopen"])
def test_the_copy_before_a_months_step_tells_its_copying_then_its_packing(book, monkeypatch,
                                                                          step):
    """A month is posted, finalized or reopened after a compressed copy of the book: a
    big book's takes a quarter of a minute, a township's minutes, told on the terminal."""
    from conftest import MONTH

    from villagebook import months

    monkeypatch.setattr(backup, "STEP_PAGES", 2)
    monkeypatch.setattr(backup, "PACK_CHUNK", 4096)
    entries.record(book, people.find_resident(book, "马少军"), "labour", "2", "杨秋云")
    if step != "post":
        months.post(book, MONTH, "村委会")
    if step == "reopen":
        months.finalize(book, MONTH, "村委会", "核对过")
    told = []
    do = {"post": lambda: months.post(book, MONTH, "村委会", told=tell),
          "finalize": lambda: months.finalize(book, MONTH, "村委会", "核对过", told=tell),
          "reopen": lambda: months.reopen(book, MONTH, "村委会", "补漏", told=tell)}

    def tell(done, total):
        told.append((done, total))

    do[step]()
    (total,) = {total for _, total in told}  # the book's pages copied, then packed
    pages = total // 2
    assert total == 2 * pages and pages > 6
    done = [d for d, _ in told]
    assert done == sorted(done) and done[-1] == 2 * pages
    assert any(0 < d < pages for d in done) and any(pages < d < 2 * pages for d in done)
    (made,) = [p for p in backup.backups(backup.book_folder(book), mine_only=True)
               if p.name.endswith(f"-{step}.db.gz")]



def test_the_copy_before_an_import_tells_how_far_it_is(book, tmp_path, monkeypatch):
    from villagebook import csvio

    monkeypatch.setattr(backup, "STEP_PAGES", 2)
    monkeypatch.setattr(backup, "PACK_CHUNK", 4096)
    sheet = tmp_path / "new.csv"
    sheet.write_text("姓名,户,片区\n马小明,马家9户,东片\n", encoding="utf-8")
    told = []
    assert csvio.import_residents(book, sheet, "村委会", told=lambda *d: told.append(d)) == (
        1, 0)
    copied = [done for step, done, of in told if step == "copy"]
    assert copied == sorted(copied) and copied[-1] == 100 and len(copied) > 6
    assert told[-1] == ("write", 0, 1)  # then the residents, a thousand at a time
