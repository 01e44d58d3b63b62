"""--db works wherever a user puts it: on the command, on its group, before everything;
typed beats VILLAGEBOOK_DB (issue 12, point 9)."""

from __future__ import annotations

import pytest
from click.testing import CliRunner

from villagebook.book import Book
from villagebook.cli import cli

GROUPS = [["settings", "list"], ["catalogue", "list"], ["residents", "list"],
          ["gatherers", "list"], ["month", "status"], ["committee", "--help"],
          ["objection", "--help"]]


@pytest.fixture
def two_books(tmp_path):
    for name in ("mine", "other"):
        Book.create(tmp_path / f"{name}.db", f"{name}村").close()
    return tmp_path / "mine.db", tmp_path / "other.db"


@pytest.mark.parametrize("words", GROUPS, ids=lambda w: w[0])
def test_db_on_the_group_before_its_command(two_books, words):
    mine, _ = two_books
    out = CliRunner().invoke(cli, [words[0], "--db", str(mine), *words[1:]])
    assert out.exit_code == 0, out.output


@pytest.mark.parametrize("place", ["root", "group", "command"])
def test_a_typed_db_beats_the_environment_wherever_it_is_typed(two_books, place):
    mine, other = two_books
    args = {"root": ["--db", str(mine), "settings", "list"],
            "group": ["settings", "--db", str(mine), "list"],
            "command": ["settings", "list", "--db", str(mine)]}[place]
    out = CliRunner().invoke(cli, args, env={"VILLAGEBOOK_DB": str(other)})
    assert out.exit_code == 0, out.output
    assert "mine村" in out.output and "other村" not in out.output


def test_the_environment_alone_still_names_the_book(two_books):
    _, other = two_books
    out = CliRunner().invoke(cli, ["settings", "list"], env={"VILLAGEBOOK_DB": str(other)})
    assert "other村" in out.output
