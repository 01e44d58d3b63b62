"""A line on the terminal saying how far a long job is (a township's print, or a search of
its whole log)."""

from __future__ import annotations

import sys
import time

from villagebook.i18n import t
from villagebook.texttable import cell_width


class Progress:
    """How far a long job is, on one line of a terminal's stderr, redrawn in place: a
    township's slips take a minute, a search of its whole log two, long enough to think
    the laptop has hung. Said only after the first second, at most a few times a second,
    and wiped when the job is done; nothing at all where stderr is not a terminal (a
    pipe, a log, a test). `line_for(n)` says how far n is."""

    def __init__(self, line_for, stream=None, clock=None):
        self.line_for, self.stream = line_for, stream or sys.stderr
        self.clock = clock or time.monotonic
        self.start = self.last = self.clock()
        self.shown = 0  # the terminal cells of the line shown, if any

    def __call__(self, n: int, changed: bool = False) -> None:
        """n done; changed: a new step, said at once however soon after the last line."""
        now = self.clock()
        if (now - self.start < 1.0 or (now - self.last < 0.25 and not changed)
                or self.stream is None or not self.stream.isatty()):
            return
        line = self.line_for(n)
        wide = cell_width(line)
        self.stream.write("\r" + line + " " * (self.shown - wide))  # a longer line's end
        self.stream.flush()
        self.last, self.shown = now, max(wide, self.shown)

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_exc) -> None:
        self.done()  # wiped however the job ends (an error, Ctrl+C)

    def done(self) -> None:
        """The line wiped with spaces (an old Windows console knows no escape codes)."""
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()


class Steps(Progress):
    """How far a job of several steps is: each step its own line, `{prefix}.{step}` with
    the step's done and of (check: the chain line by line, then the tables, then the
    file)."""

    def __init__(self, prefix: str, stream=None, clock=None):
        self.prefix, self.step, self.values = prefix, None, {}
        super().__init__(lambda _n: t(f"{self.prefix}.{self.step}", **self.values), stream,
                         clock)

    def tell(self, step: str, done: int = 0, of: int = 0) -> None:
        changed = step != self.step
        self.step, self.values = step, {"done": done, "of": of}
        self(done, changed)


class Copying(Progress):
    """How far a copy of the book is ("正在备份：已复制 40%…"): `villagebook backup`, and
    the copy made before a month is posted, finalized or reopened (a big book's takes a
    quarter of a minute, a township's several)."""

    def __init__(self, stream=None, clock=None):
        super().__init__(lambda percent: t("backup.progress", percent=percent), stream, clock)

    def tell(self, done: int, total: int) -> None:
        self(done * 100 // max(total, 1))
