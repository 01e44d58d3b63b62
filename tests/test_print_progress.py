"""A long print says how far it is (a township's slips take a minute): on a terminal's
stderr only, after the first second, wiped when the pages are done."""

import io
from types import SimpleNamespace

from reports import publish
from reports.canvas import telling
from villagebook import entries, people
from villagebook.cli.progress import Progress
from villagebook.i18n import t


class Terminal(io.StringIO):
    def isatty(self):
        return True


class Clock:
    def __init__(self):
        self.now = 100.0

    def __call__(self):
        return self.now


def test_each_page_is_told_as_it_is_finished(book):
    for name in ("马少军", "马洪云", "马淑婷", "马秋玲"):
        for _ in range(12):
            entries.record(book, people.find_resident(book, name), "labour", "2", "杨秋云",
                           again=True)
    told = []
    with telling(told.append):
        _, pages, _ = publish.render(book, "slips", entries.now()[:7])
    assert pages > 1 and told == list(range(1, pages + 1))


def test_the_line_comes_after_a_second_a_few_times_a_second_and_goes_at_the_end():
    screen, clock = Terminal(), Clock()
    progress = Progress(lambda page: t("print.progress", what="个人积分单", page=page), screen,
                        clock)
    progress(1)
    clock.now += 0.9
    progress(40)
    assert screen.getvalue() == ""  # a quick print says nothing
    clock.now += 0.2
    progress(55)
    clock.now += 0.1
    progress(60)  # too soon after the last
    clock.now += 0.3
    progress(1200)
    assert screen.getvalue() == "\r正在排版个人积分单：第 55 页…\r正在排版个人积分单：第 1200 页…"
    progress.done()
    wide = 31  # 12 wide characters take two cells each, " 1200 " and "…" one
    assert screen.getvalue().endswith("\r" + " " * wide + "\r")


def test_nothing_is_said_where_stderr_is_not_a_terminal(run, book, monkeypatch):
    from villagebook.cli import progress as progress_module

    piped, clock = io.StringIO(), Clock()
    progress = Progress(lambda page: f"第 {page} 页", piped, clock)
    clock.now += 5
    progress(300)
    progress.done()
    assert piped.getvalue() == ""
    ticks = iter(range(0, 10**6, 2))  # two seconds pass between any two looks at the clock
    monkeypatch.setattr(progress_module, "time", SimpleNamespace(monotonic=lambda: next(ticks)))
    result = run("print", "catalogue", "-o", str(book.path.parent / "c.pdf"))
    assert result.exit_code == 0 and "正在排版" not in result.output, result.output
