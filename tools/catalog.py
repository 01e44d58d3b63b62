"""Keep the Chinese catalog of help text and click's own messages (run from the repo's top).

    python tools/catalog.py extract   # add to villagebook/locale/help.po every English help
                                      # text, option help and placeholder the commands show
    python tools/catalog.py compile   # write villagebook/locale/zh_CN/LC_MESSAGES/villagebook.mo
                                      # from help.po and click.po

Babel (in the test extras) reads and writes the files; a test checks the .mo matches them.
"""

from __future__ import annotations

import inspect
import sys
from pathlib import Path

LOCALE = Path(__file__).resolve().parent.parent / "villagebook" / "locale"
SOURCES = ("help.po", "click.po")
MO = LOCALE / "zh_CN" / "LC_MESSAGES" / "villagebook.mo"


def help_texts() -> list[str]:
    """Every English string a command's --help shows, in the order the tree walks."""
    import click

    from villagebook.cli import cli
    from villagebook.cli.helptext import _METAVAR

    found: list[str] = []

    def add(text):
        if text and text not in found:
            found.append(text)

    def walk(cmd, ctx):
        add(inspect.cleandoc(cmd.help or "").partition("\f")[0])
        for piece in cmd.collect_usage_pieces(ctx):
            add(piece if piece in ("[OPTIONS]", "COMMAND [ARGS]...") else None)
            for name in _METAVAR.findall(piece):
                add(name)
        for param in cmd.get_params(ctx):
            if isinstance(param, click.Option):
                add(param.help)
                record = param.get_help_record(ctx)
                for name in _METAVAR.findall(record[0] if record else ""):
                    add(name)
        for name in cmd.list_commands(ctx) if isinstance(cmd, click.Group) else ():
            sub = cmd.get_command(ctx, name)
            walk(sub, click.Context(sub, info_name=name, parent=ctx))

    walk(cli, click.Context(cli, info_name="villagebook"))
    return found


def extract() -> None:
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po, write_po

    path = LOCALE / "help.po"
    old = read_po(path.open("rb")) if path.exists() else Catalog(locale="zh_CN")
    new = Catalog(locale="zh_CN", project="villagebook help", charset="utf-8")
    for text in help_texts():
        before = old.get(text)
        new.add(text, before.string if before else "")
    with path.open("wb") as out:
        write_po(out, new, width=0, omit_header=False, sort_output=False)
    missing = [m.id for m in new if m.id and not m.string]
    print(f"{path}: {len(new)} texts, {len(missing)} untranslated")


def catalog():
    """help.po and click.po as one catalog."""
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import read_po

    merged = Catalog(locale="zh_CN", charset="utf-8")
    for name in SOURCES:
        with (LOCALE / name).open("rb") as f:
            for message in read_po(f):
                if message.id and message.string:
                    merged[message.id] = message
    return merged


def compile_mo() -> None:
    from babel.messages.mofile import write_mo

    MO.parent.mkdir(parents=True, exist_ok=True)
    with MO.open("wb") as out:
        write_mo(out, catalog(), use_fuzzy=False)
    print(f"{MO}: {sum(1 for m in catalog() if m.id)} messages")


if __name__ == "__main__":
    {"extract": extract, "compile": compile_mo}[sys.argv[1] if len(sys.argv) > 1 else ""]()
