"""The app as users run it (make_app), over a small book, at 80x24."""

from __future__ import annotations

import pytest

from villagebook.tui.app import make_app

SIZE = (80, 24)


def text_of(widget) -> str:
    """What a widget shows, as plain text."""
    return str(widget.render())


def rows_of(table) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


@pytest.fixture
def app(book):
    from conftest import TODAY

    return make_app(book, gatherer="杨秋云", today=TODAY)
