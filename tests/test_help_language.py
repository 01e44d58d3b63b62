"""Chinese everywhere by default, English complete under --lang en (issue 12, point 6): every
command's help, option help and placeholders, and click's own messages (usage, missing
argument, no such command, prompts) go through one gettext catalog."""

from __future__ import annotations

import gettext
import re
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from villagebook.cli import cli, helptext

ROOT = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]")
# Words only English prose has; a help line holding one was not translated
ENGLISH = re.compile(r"\b(the|and|with|this|from|for|of|is|an|or|show|exit)\b", re.I)


def command_paths(group=cli, path=()):
    yield path
    if hasattr(group, "list_commands"):  # the root's commands are imported when asked for
        for name in sorted(group.list_commands(None)):
            yield from command_paths(group.get_command(None, name), (*path, name))


PATHS = list(command_paths())


def help_of(path, *lang):
    result = CliRunner().invoke(cli, [*lang, *path, "--help"], prog_name="villagebook")
    assert result.exit_code == 0, result.output
    return result.output


def prose(text: str) -> str:
    """The help without what a user types as it is: `code`, --options, names of commands."""
    text = re.sub(r"`[^`]*`", "", text)
    text = re.sub(r"--?[\w-]+", "", text)
    return re.sub(r"\bvillagebook( [a-z-]+)*", "", text)


def test_the_walk_reaches_every_command():
    assert len(PATHS) > 40 and ("residents", "merge") in PATHS and ("print", "board") in PATHS


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "villagebook")
def test_every_help_is_chinese_by_default(path):
    helptext.MISSED.clear()
    said = help_of(path)
    assert helptext.MISSED == set(), f"not in the catalog: {sorted(helptext.MISSED)}"
    assert said.startswith("用法：villagebook") and "选项：" in said
    english = [ln for ln in said.splitlines() if ENGLISH.search(prose(ln))]
    assert english == [], "\n".join(english)
    assert all(helptext_width(ln) <= 80 for ln in said.splitlines())


@pytest.mark.parametrize("path", PATHS, ids=lambda p: " ".join(p) or "villagebook")
def test_every_help_is_english_under_lang_en(path):
    said = help_of(path, "--lang", "en")
    assert said.startswith("Usage: villagebook") and "Options:" in said
    assert not re.search(r"[，。：；]", said), said  # no Chinese sentence slipped in


def helptext_width(line: str) -> int:
    from villagebook.cli.helpformat import width

    return width(line)


def test_lang_after_help_still_chooses_the_language():
    said = CliRunner().invoke(cli, ["record", "--help", "--lang", "en"], prog_name="villagebook")
    assert said.output.startswith("Usage: villagebook record [OPTIONS] WHO CATEGORY [QUANTITY]")
    said = CliRunner().invoke(cli, ["record", "--help"], prog_name="villagebook").output
    assert said.startswith("用法：villagebook record [选项] 村民 类别 [数量]")


@pytest.mark.parametrize("args, zh, en", [
    (["recrd"], "没有 'recrd' 这个命令", "No such command 'recrd'"),
    (["record"], "缺少参数 '村民'", "Missing argument 'WHO'"),
    (["log", "--limit", "x"], "'--limit'", "Invalid value for '--limit'"),
    (["log", "--format", "xml"], "'--format'", "Invalid value for '--format'"),
    (["tally", "--nope"], "没有 '--nope' 这个选项", "No such option '--nope'"),
])
def test_clicks_own_messages_are_worded_in_the_language(args, zh, en):
    said = CliRunner().invoke(cli, args)
    assert said.exit_code == 2 and zh in said.output, said.output
    assert "错误：" in said.output and "Error" not in said.output and "Usage" not in said.output
    english = CliRunner().invoke(cli, ["--lang", "en", *args])
    assert english.exit_code == 2 and en in english.output, english.output


def test_the_pin_is_asked_twice_in_chinese(tmp_path, book, db_path):
    said = CliRunner().invoke(cli, ["committee", "set-pin", "--db", str(db_path)],
                              input="246810\n135790\n")
    assert "请再输入一次确认" in said.output and said.exit_code != 0
    english = CliRunner().invoke(cli, ["--lang", "en", "committee", "set-pin", "--db",
                                       str(db_path)], input="246810\n246810\n")
    assert "Repeat for confirmation" in english.output and english.exit_code == 0


def test_the_compiled_catalog_is_the_one_the_po_files_make():
    """tools/catalog.py compile was run after the last edit of a .po file."""
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import catalog
    finally:
        sys.path.pop(0)
    with catalog.MO.open("rb") as f:
        shipped = gettext.GNUTranslations(f)
    wanted = {m.id: m.string for m in catalog.catalog() if m.id}
    for msgid, msgstr in wanted.items():
        if isinstance(msgid, tuple):
            assert shipped.ngettext(msgid[0], msgid[1], 2) == msgstr[0]
        else:
            assert shipped.gettext(msgid) == msgstr, msgid
    assert set(catalog.help_texts()) <= {m if isinstance(m, str) else m[0] for m in wanted}
