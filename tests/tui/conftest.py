"""The app as users run it (make_app), over a small book, at 80x24."""

from __future__ import annotations

import pytest

from villagebook.tui.app import make_app

SIZE = (80, 24)


def text_of(widget) -> str:
    """What a widget shows, as plain text."""
    return str(widget.render())


def shown(app, widget) -> str:
    """What the screen really shows where the widget is (cut as the user would see it)."""
    region = widget.region
    strips = app.screen._compositor.render_strips()
    return "".join(s.crop(region.x, region.right).text for s in strips[region.y:region.bottom])


def squeezed(text: str) -> str:
    return "".join(text.split())


def rows_of(table) -> list[list[str]]:
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


@pytest.fixture
def app(book):
    from conftest import TODAY

    return make_app(book, gatherer="杨秋云", today=TODAY)
