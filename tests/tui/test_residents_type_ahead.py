"""F2 at a fast typist's speed: the keys typed right after `/` are the search, never the
screen's one-letter commands (m merges, r retires), and the keys typed right after Enter
act on the list, never land in the search box."""

from __future__ import annotations

from textual.widgets import Input

from tui.conftest import SIZE, rows_of
from tui.keystrokes import burst, settle
from villagebook.tui.screens.residents import ResidentsScreen


async def test_keys_typed_right_after_slash_are_the_search(app, book):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await settle(pilot, app)
        burst(app, ["slash", "m", "s", "j"])  # m alone would start a merge
        await settle(pilot, app)
        assert isinstance(app.screen, ResidentsScreen)  # no merge dialog on top
        assert app.screen.query_one("#resident-search", Input).value == "msj"
        assert [r[0] for r in rows_of(app.screen.query_one("#residents"))] == ["马少军"]


async def test_keys_typed_right_after_enter_act_on_the_list(app, book):
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f2")
        await settle(pilot, app)
        burst(app, ["slash", "m", "h", "y", "enter", "h"])  # h: also list the retired
        await settle(pilot, app)
        assert app.screen.query_one("#resident-search", Input).value == "mhy"
        assert app.screen.with_retired
