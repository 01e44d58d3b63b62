"""Inputs stay legible when the terminal has 256 or 16 colours (issue 12, point 10).

Textual works out every colour in truecolor; when the terminal has fewer, the colours
are cut down as they are written (Strip.render_ansi: `Color.downgrade(color_system)`,
the color system coming from COLORTERM / TERM: xterm-256color gives EIGHT_BIT, xterm
gives STANDARD). These tests do the same cut to the colours an input is drawn in, and
ask for a WCAG contrast of at least 4.5:1 between text and background.

At 256 colours the number Rich picks names one colour of the xterm cube or grey ramp
(rich.color.EIGHT_BIT_PALETTE). At 16 colours the number is picked against Rich's
STANDARD_PALETTE, but what the terminal shows for it is the terminal's own palette, so
the 16 colours are checked in three: Rich's matching palette, Rich's
DEFAULT_TERMINAL_THEME and xterm's default palette.
"""

from __future__ import annotations

import pytest
from rich.color import STANDARD_PALETTE, Color, ColorSystem
from rich.style import Style
from rich.terminal_theme import DEFAULT_TERMINAL_THEME, TerminalTheme
from textual.widgets import Input

from tui.conftest import SIZE

XTERM = TerminalTheme(
    (0, 0, 0), (229, 229, 229),
    [(0, 0, 0), (205, 0, 0), (0, 205, 0), (205, 205, 0),
     (0, 0, 238), (205, 0, 205), (0, 205, 205), (229, 229, 229)],
    [(127, 127, 127), (255, 0, 0), (0, 255, 0), (255, 255, 0),
     (92, 92, 255), (255, 0, 255), (0, 255, 255), (255, 255, 255)],
)
RICH_MATCH = TerminalTheme((0, 0, 0), (255, 255, 255),
                           [tuple(STANDARD_PALETTE[i]) for i in range(8)],
                           [tuple(STANDARD_PALETTE[i]) for i in range(8, 16)])

# (name, color system, palette the terminal shows the 16 ANSI colours in)
TERMINALS = [
    ("truecolor", ColorSystem.TRUECOLOR, None),
    ("256", ColorSystem.EIGHT_BIT, None),
    ("16 rich-match", ColorSystem.STANDARD, RICH_MATCH),
    ("16 rich-theme", ColorSystem.STANDARD, DEFAULT_TERMINAL_THEME),
    ("16 xterm", ColorSystem.STANDARD, XTERM),
]
LEGIBLE = 4.5
DISTINCT = 1.5  # an input box against the screen behind it


def shown_rgb(color: Color, system: ColorSystem, palette) -> tuple[int, int, int]:
    """The colour a terminal of this color system really shows for `color`."""
    if system != ColorSystem.TRUECOLOR:
        color = color.downgrade(system)
    return tuple(color.get_truecolor(palette))


def luminance(rgb) -> float:
    def linear(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg: Color, bg: Color, system: ColorSystem, palette) -> float:
    """WCAG 2 contrast ratio of two colours as shown at this color system."""
    a, b = sorted((luminance(shown_rgb(fg, system, palette)),
                   luminance(shown_rgb(bg, system, palette))), reverse=True)
    return (a + 0.05) / (b + 0.05)


def colours(style: Style, under: Style) -> tuple[Color, Color]:
    """Foreground and background of a (component) style, over the widget's own."""
    full = under + style
    if full.reverse:
        return full.bgcolor, full.color
    return full.color, full.bgcolor


def pairs_of(field: Input) -> dict[str, tuple[Color, Color]]:
    """What an input draws: its text, its placeholder, and (focused) its cursor."""
    field._rich_style_cache.clear()  # styles are cached per focus state
    own = field.rich_style
    found = {
        "text": colours(Style(), own),
        "placeholder": colours(field.get_component_rich_style("input--placeholder"), own),
        "suggestion": colours(field.get_component_rich_style("input--suggestion"), own),
    }
    if field.has_focus:
        found["cursor"] = colours(field.get_component_rich_style("input--cursor"), own)
        found["selection"] = colours(field.get_component_rich_style("input--selection"),
                                     own)
    return found


def drawn_pairs(app, field: Input) -> set[tuple[Color, Color]]:
    """Every (foreground, background) really composited in the input's cells."""
    region = field.region
    strips = app.screen._compositor.render_strips()
    found = set()
    for strip in strips[region.y:region.bottom]:
        for segment in strip.crop(region.x, region.right):
            style = segment.style
            if segment.text.strip() and style is not None:
                found.add(colours(Style(), style))
    return found


def hex_of(rgb) -> str:
    return "#{:02x}{:02x}{:02x}".format(*rgb)


def failures(pairs, minimum=LEGIBLE) -> str:
    """One line for each pair under `minimum` at any of the TERMINALS ('' if none)."""
    bad = []
    for name, (fg, bg) in pairs.items():
        for terminal, system, palette in TERMINALS:
            ratio = contrast(fg, bg, system, palette)
            if ratio < minimum:
                bad.append(f"{name} at {terminal}: {ratio:.2f}:1, "
                           f"{hex_of(shown_rgb(fg, system, palette))} on "
                           f"{hex_of(shown_rgb(bg, system, palette))}")
    return "\n".join(bad)


async def settle(pilot, field: Input | None) -> None:
    if field is not None:
        field.focus()
    await pilot.pause()
    await pilot.pause()


@pytest.mark.parametrize("focused", [True, False], ids=["focused", "unfocused"])
async def test_input_text_and_placeholder_are_legible(app, focused):
    async with app.run_test(size=SIZE) as pilot:
        search = app.screen.query_one("#search", Input)
        note = app.screen.query_one("#note", Input)
        await settle(pilot, search if focused else note)
        assert search.has_focus is focused
        assert search.placeholder and not search.value  # the placeholder is what shows
        pairs = pairs_of(search)
        assert ("cursor" in pairs) is focused
        assert not failures(pairs), failures(pairs)


@pytest.mark.parametrize("focused", [True, False], ids=["focused", "unfocused"])
async def test_an_input_box_stands_out_from_the_screen(app, focused):
    async with app.run_test(size=SIZE) as pilot:
        search = app.screen.query_one("#search", Input)
        await settle(pilot, search if focused else app.screen.query_one("#note", Input))
        search._rich_style_cache.clear()
        box = search.rich_style.bgcolor
        screen = app.screen.rich_style.bgcolor
        pair = {"input against screen": (box, screen)}
        assert not failures(pair, DISTINCT), failures(pair, DISTINCT)


@pytest.mark.parametrize("focused", [True, False], ids=["focused", "unfocused"])
async def test_every_cell_drawn_in_an_input_is_legible(app, focused):
    """The same, read from what the compositor really draws (tints and all), with a
    placeholder shown in #search and typed text in #note."""
    async with app.run_test(size=SIZE) as pilot:
        search = app.screen.query_one("#search", Input)
        note = app.screen.query_one("#note", Input)
        await settle(pilot, note)
        await pilot.press(*"rain")  # through the form, which owns the fields' values
        await settle(pilot, search if focused else None)
        assert note.value == "rain" and not search.value
        assert search.has_focus is focused and note.has_focus is not focused
        for field in (search, note):
            drawn = drawn_pairs(app, field)
            assert drawn, field.id
            named = {f"#{field.id} {fg.name} on {bg.name}": (fg, bg) for fg, bg in drawn}
            assert not failures(named), failures(named)


def test_the_old_tints_would_fail():
    """The check itself tells: the old unfocused input ($boost over the screen) and its
    placeholder fall under 4.5:1 (or under 1.5:1 against the screen) at 256 colours."""
    screen, boost = Color.parse("#121212"), Color.parse("#1b1b1b")
    placeholder = Color.parse("#717171")
    assert contrast(boost, screen, ColorSystem.EIGHT_BIT, None) < DISTINCT
    assert contrast(placeholder, boost, ColorSystem.EIGHT_BIT, None) < LEGIBLE
