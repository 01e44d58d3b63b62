"""A line on the terminal saying how far a long job is (a township's print, or a search of
its whole log)."""

from __future__ import annotations

import sys
import time

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

    def __call__(self, n: int) -> None:
        now = self.clock()
        if (now - self.start < 1.0 or now - self.last < 0.25 or self.stream is None
                or not self.stream.isatty()):
            return
        line = self.line_for(n)
        self.stream.write("\r" + line)
        self.stream.flush()
        self.last, self.shown = now, cell_width(line)

    def done(self) -> None:
        """The line wiped with spaces (an old Windows console knows no escape codes)."""
        if self.shown:
            self.stream.write("\r" + " " * self.shown + "\r")
            self.stream.flush()
