"""Typing as a quick gatherer does: a whole burst queued before the app handles any key,
and a book held busy by another program meanwhile."""

from __future__ import annotations

import asyncio
import sqlite3
import threading
import time

from textual import events

CHARS = {"enter": "\r", "tab": "\t", "escape": "\x1b", "backspace": "\x7f", "plus": "+",
         "space": " ", "up": None, "down": None, "left": None, "right": None,
         "ctrl+y": "\x19", "ctrl+t": "\x14", "ctrl+o": "\x0f", "ctrl+u": "\x15",
         "ctrl+l": "\x0c", "shift+tab": None, "f8": None}
NAMES = {"⏎": "enter", "↓": "down", "↑": "up", "+": "plus", "⇥": "tab", "⎋": "escape",
         "⌫": "backspace", "\r": "enter", "\t": "tab"}


def keys_of(text: str) -> list[str]:
    """`mhy↓⏎2200⏎` as key names: ⏎ Enter, ↓ ↑, ⇥ Tab, ⎋ Esc, ⌫ Backspace."""
    return [NAMES.get(ch, ch) for ch in text]


def key_event(key: str) -> events.Key:
    char = CHARS[key] if key in CHARS else key
    return events.Key(key, char)


def burst(app, keys: list[str] | str) -> None:
    """Queue every key at once, 0 ms apart, as the terminal delivers a fast typist's keys
    to a busy app: none is handled before all are queued."""
    for key in keys_of(keys) if isinstance(keys, str) else keys:
        app.post_message(key_event(key))


async def settle(pilot, app, at_least: float = 0.0) -> None:
    """Wait until every queued key has been handled (and at least `at_least` seconds)."""
    start = time.monotonic()
    while True:
        await pilot.pause(0.02)
        idle = app._message_queue.empty() and app.screen._message_queue.empty()
        if idle and time.monotonic() - start >= at_least:
            await pilot.pause()
            return
        if time.monotonic() - start > 30:
            raise TimeoutError("keys still queued after 30 s")


class BusyBook:
    """Another program holds the book's write lock (BEGIN IMMEDIATE) for `seconds`."""

    def __init__(self, path, seconds: float):
        self.path, self.seconds = path, seconds
        self.locked = threading.Event()

    def __enter__(self):
        def hold():
            conn = sqlite3.connect(self.path, isolation_level=None)
            conn.execute("BEGIN IMMEDIATE")
            self.locked.set()
            time.sleep(self.seconds)
            conn.execute("ROLLBACK")
            conn.close()

        self.thread = threading.Thread(target=hold, daemon=True)
        self.thread.start()
        self.locked.wait(5)
        return self

    def __exit__(self, *exc):
        self.thread.join(10)


async def wait_visible(pilot, seconds: float = 0.35) -> None:
    """A person reads the question before answering it."""
    await asyncio.sleep(seconds)
    await pilot.pause()


async def list_filled(pilot, app) -> None:
    """Until the record screen's list of today's entries is first filled (a moment after
    its first frame, tui/screens/record.py)."""
    start = time.monotonic()
    while not getattr(app.screen, "list_filled", True):
        await pilot.pause(0.01)
        if time.monotonic() - start > 30:
            raise TimeoutError("today's list not filled after 30 s")
    await pilot.pause()
