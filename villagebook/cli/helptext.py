"""Help and click's own words in the user's language, through gettext, as click intends.

click looks each of its own messages up with gettext ("Missing argument", "No such command",
"Repeat for confirmation"); our help (docstrings and option help, English in the code) is
looked up the same way when it is shown. Both live in one catalog,
villagebook/locale/zh_CN/LC_MESSAGES/villagebook.mo, compiled from locale/click.po and
locale/help.po by tools/compile_catalog.py. Nothing is translated while the commands are
defined, so one process can show help in either language.
"""

from __future__ import annotations

import gettext
import inspect
import os
import re
from pathlib import Path

import click

from villagebook import i18n
from villagebook.cli.helpformat import HelpFormatter, short

DOMAIN = "villagebook"
LOCALE = Path(__file__).resolve().parent.parent / "locale"
MISSED: set[str] = set()  # English help shown in Chinese: the catalog lacks it (tests read it)
HELP_OPTION = "Show this message and exit."
_METAVAR = re.compile(r"(?<![\w-])[A-Z][A-Z_]+(?: [A-Z][A-Z_]+)*(?![\w-])")


def activate(lang: str) -> None:
    """Make gettext, and so click, speak `lang` (gettext takes the language from LANGUAGE)."""
    if lang == "zh":
        gettext.bindtextdomain(DOMAIN, str(LOCALE))
        gettext.textdomain(DOMAIN)
        os.environ["LANGUAGE"] = "zh_CN"
    else:
        gettext.textdomain("messages")  # no catalog: click's own English


def tr(text: str) -> str:
    """`text` (English, as in the code) in the user's language."""
    if not text or i18n.get_lang() != "zh":
        return text
    said = gettext.gettext(text)
    if said == text and re.search(r"[A-Za-z]{2}", text):
        MISSED.add(text)
    return said


def metavars(text: str) -> str:
    """WHO, CATEGORY, TEXT, FILE in a usage line or beside an option, in the user's words."""
    return _METAVAR.sub(lambda m: tr(m.group(0)), text)


def lang_in(args: list[str]) -> str | None:
    """The --lang a command line gives, read before click parses it, so `record --help
    --lang en` shows English help although --help is acted on first."""
    for i, arg in enumerate(args):
        if arg == "--":
            break
        if arg == "--lang" and i + 1 < len(args):
            return args[i + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


class Context(click.Context):
    formatter_class = HelpFormatter


class Translated:
    """A click command whose help, usage and option help are shown in the user's language."""

    context_class = Context

    def make_context(self, info_name, args, parent=None, **extra):
        lang = lang_in(args)
        if lang is None and parent is None:  # a new command line: its own language
            lang = os.environ.get("VILLAGEBOOK_LANG", "zh")
        if lang in i18n.LANGS:
            i18n.set_lang(lang)
        activate(i18n.get_lang())
        try:
            return super().make_context(info_name, args, parent=parent, **extra)
        except click.BadParameter as exc:  # "缺少参数 '村民'", not 'WHO'
            if exc.param is not None and exc.param_hint is None:
                exc.param_hint = metavars(exc.param.get_error_hint(exc.ctx))
            raise

    def collect_usage_pieces(self, ctx):
        pieces = []
        for piece in super().collect_usage_pieces(ctx):
            said = gettext.gettext(piece) if i18n.get_lang() == "zh" else piece
            pieces.append(said if said != piece else metavars(piece))
        return pieces

    def format_help_text(self, ctx, formatter) -> None:
        text = inspect.cleandoc(self.help or "").partition("\f")[0]
        if text:
            formatter.write_paragraph()
            with formatter.indentation():
                formatter.write_text(tr(text))

    def get_short_help_str(self, limit: int = 45) -> str:
        return short(tr(inspect.cleandoc(self.short_help or self.help or "")), limit)

    def format_options(self, ctx, formatter) -> None:
        rows = []
        for param in self.get_params(ctx):
            english = HELP_OPTION if param is self.get_help_option(ctx) else param.help \
                if isinstance(param, click.Option) else None
            if english:
                param.help = tr(english)
            record = param.get_help_record(ctx)
            if english:
                param.help = english
            if record is not None:
                rows.append((metavars(record[0]), record[1]))
        if rows:
            with formatter.section(gettext.gettext("Options")):
                formatter.write_dl(rows)
        if isinstance(self, click.Group):
            self.format_commands(ctx, formatter)


class Command(Translated, click.Command):
    """Every command of villagebook."""
