"""The console script `villagebook` (and `python -m villagebook`).

A bare `villagebook` at a terminal (with --db and --lang at most) opens the gatherer's
screen: the command run most, and the one a gatherer waits for. That is done here without
click, whose import is 9-11 ms of the screen's first frame (issue 14: < 0.35 s); a book
that cannot be opened is said as every command says it (failure_words.py). Every other
command line, and anything click would refuse or word (a missing book, an unknown option
or language), goes to the full command line (villagebook.cli), as it always has.
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
    """The command line `args` (sys.argv[1:]); its exit code. The full command line reads
    sys.argv again itself, as click does (on Windows it expands wildcards there)."""
    any_console()
    try:
        asked = screen_asked(args)
    except Exception:  # no stdin at all, a path the system cannot look at: click words it
        asked = None
    if asked is not None:
        return quick_screen(*asked)
    from villagebook.cli import command_line

    return command_line()


def screen_asked(args: list[str]) -> tuple[Path, str | None] | None:
    """The book and language of a bare `villagebook [--db PATH] [--lang zh|en]` at a
    terminal, on a book file that is there; None for anything else, and for anything the
    full command line would refuse or word (a missing book, a language it does not know,
    bytes that are not text)."""
    from villagebook.opening import has_terminal

    given: dict[str, str] = {}
    rest = list(args)
    while rest:
        name, equals, value = rest.pop(0).partition("=")
        if name not in SCREEN_OPTIONS or name in given or not (equals or rest):
            return None
        given[name] = value if equals else rest.pop(0)
    lang = given["--lang"] if "--lang" in given else os.environ.get("VILLAGEBOOK_LANG") or None
    db = given.get("--db", os.environ.get("VILLAGEBOOK_DB") or None)
    if lang not in (None, *i18n.LANGS) or db == "" or not all(map(readable, args)) \
            or not has_terminal():
        return None
    if db is None:
        from villagebook.book import default_path

        path = default_path()
    else:
        path = Path(db)
    return (path, lang) if path.is_file() else None


def readable(arg: str) -> bool:
    """Text, not bytes Python kept as lone surrogates (the console's encoding could not
    read them): the command line refuses those, naming the argument."""
    try:
        arg.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def quick_screen(path: Path, lang: str | None) -> int:
    """The screen on the book at `path`; its exit code. A book that cannot be opened, or a
    screen that cannot be made, is said in one line as the command line says it."""
    from villagebook import opening
    from villagebook.failure_words import error_line, failure_line

    if lang:
        i18n.set_lang(lang)
    try:
        book = opening.open_book(path)
        try:
            from villagebook.tui.app import make_app

            app = make_app(book, notice=opening.daily_backup(book, say=say))
        except BaseException:
            book.close()
            raise
    except KeyboardInterrupt:  # Ctrl+C while the day's check runs: said as click says it
        from villagebook.cli.helptext import activate, tr

        activate(i18n.get_lang())
        say(tr("Aborted!"))
        return 1
    except Exception as exc:
        say(error_line(failure_line(exc, path)))
        return 1
    with book:
        fault = screen_fault(app)
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
        from villagebook.failure_words import failure_line

        return failure_line(exc)
    return app.crash_note


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
