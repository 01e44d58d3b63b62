"""Shared fixtures: a fresh book in a temporary folder, and a CLI runner over it."""

from __future__ import annotations

import json
from datetime import date

import pytest
from click.testing import CliRunner

from villagebook import entries, i18n, people
from villagebook.book import Book
from villagebook.cli import cli

TODAY = date.today()
MONTH = TODAY.strftime("%Y-%m")


@pytest.fixture(autouse=True)
def isolated(tmp_path, monkeypatch):
    """No test sees the real user folders or another test's language."""
    monkeypatch.delenv("VILLAGEBOOK_DB", raising=False)
    monkeypatch.delenv("VILLAGEBOOK_LANG", raising=False)
    monkeypatch.setenv("VILLAGEBOOK_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("VILLAGEBOOK_BACKUP_DIR", str(tmp_path / "backups"))
    monkeypatch.delenv("VILLAGEBOOK_PIN", raising=False)
    from villagebook import laptop

    laptop.set_flag("pin_hint")  # the one-time "set a PIN" note has its own test
    i18n.set_lang("zh")
    yield
    i18n.set_lang("zh")


@pytest.fixture
def db_path(tmp_path):
    return tmp_path / "book.db"


@pytest.fixture
def book(db_path):
    """A book of 夹矿马家村 with one gatherer and the four reference residents."""
    with Book.create(db_path, "夹矿马家村", actor="测试") as b:
        people.add_gatherer(b, "杨秋云", "东片")
        people.add_resident(b, "马少军", "马家3户", "东片")
        people.add_resident(b, "马洪云", "马家5户", "东片")
        people.add_resident(b, "马淑婷", "马家8户", "西片")
        people.add_resident(b, "马秋玲", "马家8户", "西片")
        yield b


class Runner:
    """Runs `villagebook ... --db BOOK` the way a user types it."""

    def __init__(self, db_path):
        self.db_path = db_path
        self.runner = CliRunner()

    def __call__(self, *args: str, db: bool = True):
        argv = list(args)
        if db:
            argv += ["--db", str(self.db_path)]
        result = self.runner.invoke(cli, argv, catch_exceptions=False)
        return result

    def json(self, *args: str):
        result = self(*args, "--format", "json")
        assert result.exit_code == 0, result.output
        return json.loads(result.output)


@pytest.fixture
def run(book, db_path):
    return Runner(db_path)


def audit_count(db_path) -> int:
    with Book.open(db_path) as b:
        return b.one("SELECT COUNT(*) FROM audit")[0]


def as_version(monkeypatch, version: int) -> None:
    """Books made from here on are made as villagebook's schema `version` made them (an
    older book, to migrate); monkeypatch.undo() brings the current schema back."""
    from villagebook import book as book_module

    monkeypatch.setattr(book_module, "MIGRATIONS", book_module.MIGRATIONS[:version])
    monkeypatch.setattr(book_module, "SCHEMA_VERSION", version)


def old_book_of_two(monkeypatch, db_path, version: int) -> None:
    """A book made by schema `version`: 马少军 with 8 hours' labour, 马秋玲 with 4; it is
    closed, and the current schema brought back, so the next open migrates it."""
    as_version(monkeypatch, version)
    with Book.create(db_path, "夹矿马家村", actor="测试") as old:
        people.add_gatherer(old, "杨秋云", "东片")
        for name, hours in (("马少军", "8"), ("马秋玲", "4")):
            entries.record(old, people.add_resident(old, name, "马家3户", "东片"), "labour",
                           hours, "杨秋云")
    monkeypatch.undo()
