"""The residents found for the text typed so far, and which of them is highlighted.

Found inside the key that changed the text (a few ms on 5,000 residents), never by a
message that arrives later: ↓, + and Enter always act on the list for the text typed
before them. Whether the gatherer moved the highlight is kept, because Enter on a list of
several that nobody moved through is a guess the form must not make.
"""

from __future__ import annotations

from villagebook import people

SHOWN = 8  # listed, and numbered when the form asks which one


class Candidates:
    def __init__(self, book):
        self.book = book
        self.found: list[people.Resident] = []
        self.more = False  # more residents match than are listed
        self.highlight = 0
        self.moved = False

    def find(self, query: str) -> None:
        query = query.strip()
        found = people.search(self.book, query, limit=SHOWN + 1) if query else []
        self.found, self.more = found[:SHOWN], len(found) > SHOWN
        self.highlight, self.moved = 0, False

    def move(self, step: int) -> None:
        if self.found:
            self.highlight = (self.highlight + step) % len(self.found)
            self.moved = True

    @property
    def highlighted(self) -> people.Resident | None:
        return self.found[self.highlight] if self.found else None

    def is_a_guess(self, query: str) -> bool:
        """Several match, nobody moved the highlight, and it is not the one resident whose
        full name was typed: taking the highlighted one would be a guess."""
        exact = [r for r in self.found if r.name == query.strip()]
        return len(self.found) > 1 and not self.moved and exact != [self.highlighted]
