"""Putting a backup back: nothing lost, nothing hidden, no file pulled from under anyone.

The copy is checked (a book, sound, migrated in a scratch file if it is older). Inside
one write transaction, the current book is copied aside with SQLite's backup API and its
tables are replaced by the backup's: nothing can be written between the two, and the
file itself is never renamed or replaced, so a screen that has it open keeps working on
the restored book and what it saves afterwards stays.
The restored book's log gains a `book.restore` line naming the backup and the
fingerprint of the book it replaced, so the next paper printed shows it.

A current book too damaged to open is kept aside byte for byte and overwritten.
"""

from __future__ import annotations

import gzip
import shutil
import sqlite3
import tempfile
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from villagebook.errors import BookError

CHUNK = 2**20  # bytes of a backup read at a time
CHUNK_ROWS = 50_000  # rows of a table deleted or copied at a time

PARENTS_FIRST = ("settings", "gatherers", "categories", "residents", "resident_keys",
                 "months", "entries", "objections", "audit")


@dataclass(frozen=True)
class Restored:
    aside: Path  # where the book that was replaced is kept
    replaced: str  # its fingerprint ('' if it could not be read)
    restored: str  # the backup's own fingerprint


def restore(source: Path, book_path: Path, actor: str | None = None, told=None,
            other_book: bool = False) -> Restored:
    """told(step, done), if given, hears which step is under way ("read", with the share
    of the backup read in percent; "check"; "aside", percent; "swap"): a big book's
    restore takes minutes. A backup of another book (its chain begins elsewhere: the demo
    village's, a neighbour's) is refused unless other_book: a slip of the finger in a
    folder of backups would otherwise put another village in this one's place."""
    from villagebook import history, ownbackups
    from villagebook.book import Book

    source, book_path = Path(source), Path(book_path)
    tell = told or (lambda step, done=0: None)
    with checked_copy(source, tell) as candidate:
        with Book.open_readonly(candidate) as copy:
            restored = history.head(copy)
            village = None if other_book else ownbackups.another_books(copy, book_path)
            if village is not None:
                raise BookError("restore.other_book", path=source, village=village)
        aside = _aside_name(book_path)
        try:
            current = Book.open(book_path)
        except BookError:
            current = None
        if current is None:
            tell("aside")
            return _over_a_damaged_book(candidate, book_path, aside, restored, actor, source)
        with current:
            replaced = _replace_tables(current, candidate, aside, source, restored, actor,
                                       tell)
    return Restored(aside, replaced, restored.code)


def _aside_name(book_path: Path) -> Path:
    """Where the current book is kept: named to the second, and never a file that is there
    already (two restores in one second, or a restore from the last one's aside, would
    write the book over it)."""
    stamp = f"{book_path.stem}.before-restore-{datetime.now():%Y%m%d-%H%M%S}"
    aside, n = book_path.with_name(stamp + book_path.suffix), 1
    while aside.exists() or Path(f"{aside}-wal").exists():
        n += 1
        aside = book_path.with_name(f"{stamp}-{n}{book_path.suffix}")
    return aside


@contextmanager
def checked_copy(source: Path, told=None) -> Iterator[Path]:
    """The backup as a sound, current book in a scratch file (unpacked, migrated), for
    the time of the with-block: restore, `check --against` and the restore's PIN use it."""
    with tempfile.TemporaryDirectory() as scratch:
        yield _checked(Path(source), Path(scratch), told or (lambda step, done=0: None))


def _read(source: Path, plain: Path, tell) -> None:
    """The backup's bytes into plain (unpacked if gzip), telling the share read."""
    total = max(source.stat().st_size, 1)
    with open(source, "rb") as raw, open(plain, "wb") as out:
        reader = gzip.GzipFile(fileobj=raw) if source.name.endswith(".gz") else raw
        while chunk := reader.read(CHUNK):
            out.write(chunk)
            tell("read", raw.tell() * 100 // total)


def _checked(source: Path, scratch: Path, tell) -> Path:
    from villagebook.book import Book

    if not source.is_file():
        raise BookError("book.missing", path=source)
    plain = scratch / "candidate.db"
    try:
        _read(source, plain, tell)
    except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as exc:
        raise BookError("restore.bad", path=source, why=exc) from None
    tell("check")
    with Book.open_readonly(plain) as candidate:
        problem = candidate.one("PRAGMA quick_check")[0]
    if problem != "ok":
        raise BookError("restore.bad", path=source, why=problem)
    Book.open(plain).close()  # an older book is migrated here, not in the live file
    return plain


def _replace_tables(current, candidate: Path, aside: Path, source: Path, restored,
                    actor: str | None, tell) -> str:
    """A second connection takes the write lock; while it holds it, the book is copied
    aside through the first (SQLite's backup API reads what is committed, and no one can
    commit meanwhile), then the second swaps every table and writes the log line."""
    from villagebook import history
    from villagebook.backup import copy_book
    from villagebook.book import Book, _connect

    locker = Book(_connect(current.path), current.path)
    try:
        locker.conn.execute("ATTACH DATABASE ? AS candidate", (str(candidate),))
        detail = {"source": source.name, "restored": restored.code,
                  "restored_line": restored.seq, "aside": aside.name}
        with locker.writing(actor, "book.restore", source.name, detail) as conn:
            replaced = history.head(locker)
            detail.update(replaced=replaced.code, replaced_line=replaced.seq)
            copy_book(current, aside, lambda done, total: tell("aside", done * 100 // total))
            _swap(conn, tell)
        locker.conn.execute("DETACH DATABASE candidate")
    finally:
        locker.close()
    return replaced.code


def _swap(conn, tell) -> None:
    """Every table's rows from the attached candidate, a chunk of rows at a time (so the
    share done can be told) but all in this one transaction. The guards (triggers) and the
    indexes are lifted only inside it and put back exactly as they were: an index made
    again sorts once, where rows put into it one by one took twice as long (a village's
    1.2 million entries: 54 s against 30)."""
    lifted = conn.execute("SELECT type, name, sql, tbl_name FROM main.sqlite_master"
                          " WHERE type IN ('trigger', 'index') AND sql IS NOT NULL").fetchall()
    names = {r[0] for r in conn.execute(
        "SELECT name FROM main.sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")}
    tables = [t for t in PARENTS_FIRST if t in names] + sorted(names - set(PARENTS_FIRST))
    spans = {(schema, table): _span(conn, schema, table)
             for schema in ("main", "candidate") for table in tables}
    counted = {table: _rows(spans["candidate", table]) for table in tables}
    work = _Work(tell, sum(_rows(span) for span in spans.values())
                 + sum(counted[t] for kind, _, _, t in lifted if kind == "index"))
    work.did(0)
    for kind, name, _, _ in lifted:
        conn.execute(f'DROP {kind.upper()} main."{name}"')
    for table in reversed(tables):  # children first out, parents first in
        _in_chunks(conn, f'DELETE FROM main."{table}"', "main", table, work,
                   spans["main", table])
    for table in tables:
        _in_chunks(conn, f'INSERT INTO main."{table}" SELECT * FROM candidate."{table}"',
                   "candidate", table, work, spans["candidate", table])
    conn.execute("DELETE FROM main.sqlite_sequence")
    conn.execute("INSERT INTO main.sqlite_sequence SELECT * FROM candidate.sqlite_sequence")
    for kind, _, sql, table in sorted(lifted, key=lambda item: item[0]):  # indexes first
        conn.execute(sql)
        work.did(counted[table] if kind == "index" else 0)


class _Work:
    """The swap's share done, in rows deleted, copied and indexed."""

    def __init__(self, tell, total: int):
        self.tell, self.total, self.done = tell, max(total, 1), 0

    def did(self, rows: int) -> None:
        self.done += rows
        self.tell("swap", min(self.done * 100 // self.total, 100))


def _span(conn, schema: str, table: str) -> tuple[int, int] | int:
    """A table's lowest and highest rowid, or the count of its rows if it has no rowid
    (the roll-ups are WITHOUT ROWID: each is copied in one statement)."""
    try:
        low, high = conn.execute(f'SELECT MIN(rowid), MAX(rowid) FROM {schema}."{table}"'
                                 ).fetchone()
    except sqlite3.OperationalError:  # no such column: rowid
        return conn.execute(f'SELECT COUNT(*) FROM {schema}."{table}"').fetchone()[0]
    return (low, high) if low is not None else 0


def _rows(span: tuple[int, int] | int) -> int:
    return span[1] - span[0] + 1 if isinstance(span, tuple) else span


def _in_chunks(conn, statement: str, schema: str, table: str, work: _Work,
               span: tuple[int, int] | int) -> None:
    """statement over the table's rows CHUNK_ROWS at a time, by rowid (gaps and all)."""
    if not isinstance(span, tuple):
        conn.execute(statement)
        work.did(span)
        return
    low, high = span
    while low <= high:
        after = conn.execute(f'SELECT rowid FROM {schema}."{table}" WHERE rowid >= ?'
                             " ORDER BY rowid LIMIT 1 OFFSET ?", (low, CHUNK_ROWS)).fetchone()
        stop = after[0] if after else high + 1
        conn.execute(statement + " WHERE rowid >= ? AND rowid < ?", (low, stop))
        work.did(stop - low)
        low = stop


def _over_a_damaged_book(candidate: Path, book_path: Path, aside: Path, restored, actor,
                         source: Path) -> Restored:
    """The current file cannot be opened: keep its bytes aside, then write the copy over."""
    from villagebook.book import Book

    try:
        if book_path.exists():
            shutil.copyfile(book_path, aside)
        for suffix in ("-wal", "-shm"):
            side = Path(f"{book_path}{suffix}")
            if side.exists():
                shutil.copyfile(side, Path(f"{aside}{suffix}"))
                side.unlink()
        shutil.copyfile(candidate, book_path)
    except OSError as exc:
        raise BookError("restore.failed", path=book_path, why=exc.strerror or exc) from None
    with Book.open(book_path) as book:
        with book.writing(actor, "book.restore", source.name,
                          {"source": source.name, "restored": restored.code,
                           "restored_line": restored.seq, "replaced": "",
                           "aside": aside.name}):
            pass
    return Restored(aside, "", restored.code)
