"""The README's tour of the command line runs top to bottom on a new book, exactly as
written: a reader who types it gets no error (issue 12, point 9)."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

from click.testing import CliRunner

from villagebook.cli import cli

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE_ID = "de74194b"  # the README's example id; the tour uses the one record printed


def tour_commands() -> list[list[str]]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## A short tour of the command line", 1)[1]
    block = section.split("```", 2)[1]
    commands, pending = [], ""
    for line in block.splitlines():
        if line.rstrip().endswith("\\"):
            pending += line.rstrip()[:-1] + " "
            continue
        words = shlex.split(pending + line, comments=True)
        pending = ""
        if words:
            assert words[0] == "villagebook", line
            commands.append(words[1:])
    return commands


def test_the_tour_runs_as_written_on_a_new_book(tmp_path, monkeypatch):
    monkeypatch.chdir(ROOT)  # the tour names docs/residents.csv from the checkout
    env = {"VILLAGEBOOK_DB": str(tmp_path / "book.db")}
    commands = tour_commands()
    assert len(commands) >= 15 and commands[0][0] == "init"
    runner, ids, said = CliRunner(), [], {}
    for args in commands:
        args = [ids[0] if word == EXAMPLE_ID and ids else word for word in args]
        out = runner.invoke(cli, args, env=env)
        assert out.exit_code == 0, f"villagebook {' '.join(args)}\n{out.output}"
        assert "Traceback" not in out.output
        ids += re.findall(r"记录号 ([0-9a-f]{8})", out.output) if args[0] == "record" else []
        said[args[0]] = out.output
    assert ids, "record printed no entry id"
    assert "马淑婷" in said["tally"] and "10" in said["tally"]
    assert "作废" in said["log"] or "void" in said["log"]
