"""The project's standing rules: layers, offline, lint, help on every command."""

import ast
import os
import subprocess
import sys
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from villagebook.cli import cli

ROOT = Path(__file__).resolve().parents[1]
NETWORK = {"socket", "http", "urllib", "urllib3", "requests", "httpx", "aiohttp", "ftplib",
           "smtplib", "xmlrpc", "ssl", "telnetlib", "poplib", "imaplib", "websockets"}
FACES = {"textual", "click", "reportlab"}
CORE_EXCEPTIONS = {"cli.py", "__main__.py"}


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def product_files():
    for folder in ("villagebook", "reports"):
        yield from (ROOT / folder).rglob("*.py") if (ROOT / folder).exists() else ()


def test_no_module_imports_a_network_library():
    offenders = {str(p.relative_to(ROOT)): sorted(imported_modules(p) & NETWORK)
                 for p in product_files()}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_core_imports_no_face():
    core = [p for p in (ROOT / "villagebook").glob("*.py") if p.name not in CORE_EXCEPTIONS]
    offenders = {p.name: sorted(imported_modules(p) & FACES) for p in core}
    assert {k: v for k, v in offenders.items() if v} == {}


def test_the_import_linter_contract_holds():
    code = "from importlinter.cli import lint_imports_command; lint_imports_command()"
    result = subprocess.run([sys.executable, "-c", code, "--no-cache"], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "1 kept, 0 broken" in result.stdout


def test_ruff_check_passes():
    result = subprocess.run([sys.executable, "-m", "ruff", "check", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def all_commands(group: click.Group, prefix=()):
    for name in group.list_commands(None):
        command = group.get_command(None, name)
        yield (*prefix, name), command
        if isinstance(command, click.Group):
            yield from all_commands(command, (*prefix, name))


@pytest.mark.parametrize("path", [p for p, _ in all_commands(cli)], ids=" ".join)
def test_every_command_has_help(path):
    out = CliRunner().invoke(cli, ["--lang", "en", *path, "--help"])
    assert out.exit_code == 0
    command = dict(all_commands(cli))[path]
    first_line = " ".join(command.help.strip().split("\n")[0].split())
    assert first_line and first_line in " ".join(out.output.split())


def test_python_dash_m_and_no_subcommand_print_help():
    result = subprocess.run([sys.executable, "-m", "villagebook"], cwd=ROOT, capture_output=True,
                            text=True, env=dict(os.environ, VILLAGEBOOK_DB="/nonexistent.db"),
                            stdin=subprocess.DEVNULL, timeout=60)
    assert result.returncode == 0
    assert "用法：villagebook" in result.stdout and "record" in result.stdout


def test_the_schema_version_counts_the_migration_steps():
    from villagebook import book, schema

    assert book.SCHEMA_VERSION == len(schema.MIGRATIONS)


HEAVY = {"reportlab", "textual", "pypinyin", "sqlite_utils", "villagebook.schema"}
LOADED = ("import atexit, sys\n"
          "atexit.register(lambda: print('\\nLOADED', ' '.join(sorted(sys.modules))))\n"
          "from villagebook.cli import main\nsys.argv = ['villagebook', *sys.argv[1:]]\nmain()\n")


@pytest.mark.parametrize("args", [
    ("record", "马少军", "labour", "8"), ("tally",), ("standings",), ("entries",),
    ("log",)], ids=" ".join)
def test_everyday_commands_import_only_what_they_need(book, db_path, args):
    """Issue 14: a gatherer's `record` and a tally start in well under 0.1 s because
    they import no printing, no screens, no pinyin and no migrations."""
    book.close()
    done = subprocess.run([sys.executable, "-c", LOADED, *args, "--db", str(db_path)],
                          capture_output=True, text=True, cwd=ROOT, env=os.environ)
    assert done.returncode == 0, done.stderr
    loaded = set(done.stdout.rpartition("LOADED ")[2].split())
    assert {m.split(".")[0] if not m.startswith("villagebook") else m
            for m in loaded} & HEAVY == set()
