"""How far work done in a thread of its own is, said in its screen's header (a print laid
out aside, the copy made before a month is posted), the screen answering keys meanwhile."""

from __future__ import annotations

import time


def teller(screen, line_for):
    """A function for the work's thread: told(...) sets the screen's header to
    line_for(...), at most four times a second, through the app's own thread."""
    last = [time.monotonic()]

    def told(*how_far) -> None:
        if time.monotonic() - last[0] >= 0.25:
            last[0] = time.monotonic()
            screen.app.call_from_thread(setattr, screen, "sub_title", line_for(*how_far))

    return told
