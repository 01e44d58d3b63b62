"""One line of typed text with a cursor, edited key by key, with no widget behind it.

The record form applies every key itself, in the order typed (see record_form.py), so
its fields are plain text: the widgets on screen only show them. Keys that edit text
are the ones a terminal user expects: characters, Backspace, Delete, ← →, Home, End,
Ctrl+U (to the start) and Ctrl+K (to the end).
"""

from __future__ import annotations

import unicodedata


def printable(text: str) -> str:
    """The text without control, format or private characters (a paste, a stray byte)."""
    return "".join(ch for ch in text if unicodedata.category(ch) not in ("Cc", "Cf", "Cs", "Co"))


class TextField:
    def __init__(self, limit: int, text: str = ""):
        self.limit = limit
        self.text = text
        self.cursor = len(text)
        self.fresh = False  # the next character replaces the text (a field just entered)

    def set(self, text: str) -> None:
        self.text = text
        self.cursor = len(text)
        self.fresh = False

    def insert(self, text: str) -> bool:
        """Insert at the cursor; False (and nothing changed) if the field would overflow."""
        text = printable(text)
        if self.fresh:
            if len(text) > self.limit:
                return False
            self.set("")
        if len(self.text) + len(text) > self.limit:
            return False
        self.text = self.text[:self.cursor] + text + self.text[self.cursor:]
        self.cursor += len(text)
        return True

    def edit(self, key: str) -> bool:
        """Apply an editing key; False if the key is not one of them."""
        text, at = self.text, self.cursor
        self.fresh = False
        if key == "backspace":
            if at:
                self.text, self.cursor = text[:at - 1] + text[at:], at - 1
        elif key == "delete":
            self.text = text[:at] + text[at + 1:]
        elif key == "left":
            self.cursor = max(0, at - 1)
        elif key == "right":
            self.cursor = min(len(text), at + 1)
        elif key in ("home", "ctrl+a"):
            self.cursor = 0
        elif key in ("end", "ctrl+e"):
            self.cursor = len(text)
        elif key == "ctrl+u":
            self.text, self.cursor = text[at:], 0
        elif key == "ctrl+k":
            self.text = text[:at]
        else:
            return False
        return True
