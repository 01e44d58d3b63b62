"""The console script `villagebook` (and `python -m villagebook`).

A bare `villagebook` at a terminal (with --db and --lang at most) opens the gatherer's
screen: the command run most, and the one a gatherer waits for. That is done here without
click, whose import is 9-11 ms of the screen's first frame (issue 14: < 0.35 s). Every
other command line, and any trouble before the screen is up, goes to the full command line
(villagebook.cli), which parses it, opens the book again and words every mistake in one
line, exactly as it always has.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from villagebook import i18n
from villagebook.leaving import leave

SCREEN_OPTIONS = ("--db", "--lang")  # all a bare `villagebook` takes


def main() -> None:
    """The console script: the command line, then out (villagebook/leaving.py)."""
    leave(run(sys.argv[1:]))


def run(args: list[str]) -> int | str | None:
    """The command line `args`; its exit code."""
    any_console()
    asked = screen_asked(args)
    if asked is not None:
        done = quick_screen(*asked)
        if done is not None:
            return done
    from villagebook.cli import command_line

    return command_line()


def screen_asked(args: list[str]) -> tuple[Path, str | None] | None:
    """The book and language of a bare `villagebook [--db PATH] [--lang zh|en]` at a
    terminal, on a book file that is there; None for anything else, and for anything the
    full command line would refuse or word (a missing book, a language it does not know)."""
    from villagebook.opening import has_terminal

    given: dict[str, str] = {}
    rest = list(args)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in SCREEN_OPTIONS or name in given or not (equals or rest):
            return None
        given[name] = value if equals else rest.pop(0)
    lang = given.get("--lang") or os.environ.get("VILLAGEBOOK_LANG") or None
    db = given.get("--db", os.environ.get("VILLAGEBOOK_DB") or None)
    if lang not in (None, *i18n.LANGS) or db == "" or not has_terminal():
        return None
    if db is None:
        from villagebook.book import default_path

        path = default_path()
    else:
        path = Path(db)
    return (path, lang) if path.is_file() else None


def quick_screen(path: Path, lang: str | None) -> int | None:
    """The screen on the book at `path`: its exit code, or None where the book or the
    screen could not be opened (the full command line tries again and says why)."""
    from villagebook import opening

    if lang:
        i18n.set_lang(lang)
    try:
        with opening.open_book(path) as book:
            from villagebook.tui.app import make_app

            app = make_app(book, notice=opening.daily_backup(book, say=say))
            fault = screen_fault(app)
    except KeyboardInterrupt:  # Ctrl+C while the day's check runs: said as click says it
        from villagebook.cli.helptext import activate, tr

        activate(i18n.get_lang())
        say(tr("Aborted!"))
        return 1
    except Exception:  # before the screen was up (screen_fault words any fault after)
        return None
    if fault:
        say(error_line(fault))
        return 1
    return 0


def screen_fault(app) -> str:
    """Run the screen; the line to say if it closed on a fault ("" if not). The app words
    its own faults (tui/app.py); anything escaping it is worded here."""
    try:
        app.run()
    except Exception as exc:  # pragma: no cover - the app catches its own
        from villagebook.i18n import t

        return t("internal", why=f"{type(exc).__name__}: {exc}")
    return app.crash_note


def error_line(text: str) -> str:
    return ("错误：" if i18n.get_lang() == "zh" else "Error: ") + text


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def any_console() -> None:
    """Output never fails on a character the console cannot show (䶮 in a GBK console, any
    Chinese in an ASCII one): it is shown as ? and the command goes on."""
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.reconfigure(errors="replace")
        except (AttributeError, ValueError):  # not a text stream we may change
            pass
