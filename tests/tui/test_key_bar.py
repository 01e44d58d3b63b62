"""The keys at the bottom of every screen, at 80 columns: F9 and F10 are never cut off,
and the record screen names the keys a gatherer needs there."""

from __future__ import annotations

import pytest

from tui.conftest import SIZE, text_of
from villagebook.tui.app import make_app

SCREENS = ("f1", "f2", "f3", "f4", "f5", "f6")


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_language_and_help_keys_stay_visible_on_every_screen(book, lang):
    from conftest import TODAY

    app = make_app(book, gatherer="杨秋云", today=TODAY, lang=lang)
    async with app.run_test(size=SIZE) as pilot:
        for key in SCREENS:
            await pilot.press(key)
            await pilot.pause()
            top, bottom = text_of(app.screen.query_one("KeyBar")).split("\n")
            assert "F9" in bottom and "F10" in bottom and "^Q" in bottom, (key, bottom)
            assert "F1" in bottom, (key, bottom)


async def test_the_record_screen_names_its_own_keys(app):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        top = text_of(app.screen.query_one("KeyBar")).split("\n")[0]
        for key in ("↑↓", "+", "Ctrl+Y", "Ctrl+O", "Ctrl+L", "Esc/F8"):
            assert key in top, key
        assert "…" not in top  # nothing cut at 80 columns


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_the_first_frame_already_names_the_keys_the_village_and_the_gatherer(book, lang):
    """The app opens straight on the record screen (no blank screen first): what its very
    first frame shows is in words, never the message keys behind them."""
    from conftest import TODAY

    app = make_app(book, gatherer="杨秋云", today=TODAY, lang=lang)
    first: list[tuple[str, str, str]] = []
    display = app._display

    def shown(screen, renderable):  # what is on the screen as the first frame goes out
        if renderable is not None and not first:
            first.append((text_of(screen.query_one("KeyBar")), app.title, app.sub_title))
        display(screen, renderable)

    app._display = shown
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
    keys, title, sub_title = first[0]
    assert "ui." not in keys and ("记录" if lang == "zh" else "Record") in keys
    assert "夹矿马家村" in title and "杨秋云" in sub_title
