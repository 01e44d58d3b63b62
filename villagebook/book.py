"""Open, create and migrate the book (one SQLite file); the only place that writes.

Every write goes through :meth:`Book.writing`: one transaction that also appends its
audit line, so a failed command changes nothing and a done one is always explained.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from villagebook.errors import BookError

APPLICATION_ID = 0x56424B31  # "VBK1": marks a SQLite file as a villagebook book
SCHEMA_VERSION = 12  # len(schema.MIGRATIONS) (a test holds it so): the steps are read in
# only to migrate, not on every command's way in


def __getattr__(name: str):
    if name == "MIGRATIONS":  # the schema's steps, imported when first asked for
        from villagebook.schema import MIGRATIONS

        return MIGRATIONS
    raise AttributeError(name)


def default_path() -> Path:
    """Where the book lives unless --db or VILLAGEBOOK_DB says otherwise."""
    env = os.environ.get("VILLAGEBOOK_DB")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("villagebook", appauthor=False)) / "villagebook.db"


def now() -> str:
    """Local wall-clock time to the second, as the village reads it."""
    return datetime.now().isoformat(timespec="seconds")


def system_user() -> str:
    import getpass  # only a write needs it (getpass brings termios)

    try:
        return getpass.getuser()
    except Exception:  # no user name on some Windows set-ups
        return "unknown"


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, isolation_level=None, timeout=5.0)
    conn.row_factory = sqlite3.Row
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA busy_timeout = 5000")
    conn.execute("PRAGMA cache_size = -32000")  # 32 MB: a big village's sums stay in memory
    conn.execute("PRAGMA synchronous = FULL")  # a confirmed entry survives a power cut
    return conn


def _connect_readonly(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    conn.row_factory = sqlite3.Row
    return conn


def _identified(path: Path, connect) -> sqlite3.Connection:
    """A connection to path if it is a villagebook book (its application_id says so)."""
    conn = None
    try:
        conn = connect(path)
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        if conn is not None:
            conn.close()
        if "locked" in str(exc).lower() or "busy" in str(exc).lower():  # held by another
            raise BookError("book.busy", path=path, why=exc) from None  # program: a book
        raise BookError("book.not_a_book", path=path) from None
    if app_id != APPLICATION_ID:
        conn.close()
        raise BookError("book.not_a_book", path=path)
    return conn


class Book:
    """One village's book: a SQLite connection with the rules of the village around it."""

    def __init__(self, conn: sqlite3.Connection, path: Path):
        self.conn = conn
        self.path = path
        self._in_write = False
        self._changes: list[tuple[str, object]] = []
        self._db = None

    # -- opening ------------------------------------------------------------------
    @classmethod
    def create(cls, path: Path, village: str, actor: str | None = None) -> Book:
        """Make a new book with the default settings and catalogue."""
        from villagebook import catalogue, settings

        path = Path(path)
        village = (village or "").strip()
        if not village:
            raise BookError("init.no_village")
        if path.exists():
            raise BookError("book.exists", path=path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            conn = _connect(path)
        except (OSError, sqlite3.Error) as exc:
            raise BookError("book.cannot_create", path=path, why=exc) from None
        book = cls(conn, path)
        try:
            book._migrate()
            with book.writing(actor, "book.init", village, {"village": village}) as c:
                settings.write_defaults(c, village)
                catalogue.write_defaults(c)
                for (key,) in c.execute("SELECT key FROM settings ORDER BY rowid").fetchall():
                    book.changed("settings", key)
                for (code,) in c.execute("SELECT code FROM categories ORDER BY rowid"
                                         ).fetchall():
                    book.changed("categories", code)
        except BaseException:
            conn.close()
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{path}{suffix}").unlink(missing_ok=True)
            raise
        return book

    @classmethod
    def open(cls, path: Path) -> Book:
        """Open an existing book, refusing anything that is not one, and migrate it."""
        path = Path(path)
        if not path.is_file():
            raise BookError("book.missing", path=path)
        conn = _identified(path, _connect)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > SCHEMA_VERSION:
                raise BookError("book.too_new", path=path)
            book = cls(conn, path)
            if version < SCHEMA_VERSION:
                book._migrate()
            book._check_sound()
        except BaseException:  # Ctrl+C in the day's check, say: closed, its -wal folded
            conn.close()  # in (a command's process leaves without Python's teardown)
            raise
        return book

    def _check_sound(self) -> None:
        """Before anything is written: the log's last page read back, and once a day on
        this laptop SQLite's quick_check (dailycheck.py: a big book's aside). A book
        copied by hand without its -wal, or over a stale one, is refused here with the
        newest backup named, never written to."""
        from villagebook import dailycheck

        try:
            self.conn.execute("SELECT seq, hash, data FROM audit ORDER BY seq DESC LIMIT 2"
                              ).fetchall()
            dailycheck.ensure(self.conn, self.path)
        except sqlite3.DatabaseError as exc:
            from villagebook import ownbackups

            self.conn.close()
            raise BookError("book.damaged_now", path=self.path, why=exc,
                            backup=ownbackups.newest(self.path) or "-") from None

    @classmethod
    def open_readonly(cls, path: Path) -> Book:
        """Open a book (a backup, say) to read it, changing nothing, not even migrating."""
        path = Path(path)
        if not path.is_file():
            raise BookError("book.missing", path=path)
        return cls(_identified(path, _connect_readonly), path)

    def close(self) -> None:
        self.conn.close()

    def __enter__(self) -> Book:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _migrate(self) -> None:
        """Run the numbered steps this file has not seen yet, each in its own transaction."""
        conn = self.conn
        conn.execute("PRAGMA journal_mode = WAL")  # kept in the file: readers never wait
        current = conn.execute("PRAGMA user_version").fetchone()[0]
        steps = globals().get("MIGRATIONS") or __getattr__("MIGRATIONS")  # (a test's own)
        for number, step in enumerate(steps[current:], start=current + 1):
            conn.execute("BEGIN IMMEDIATE")
            try:
                for statement in step:  # SQL text, or a function of the connection
                    if callable(statement):
                        statement(conn)
                    else:
                        conn.execute(statement)
                conn.execute(f"PRAGMA application_id = {APPLICATION_ID}")
                conn.execute(f"PRAGMA user_version = {number}")
                conn.execute("COMMIT")
            except BaseException:
                conn.execute("ROLLBACK")
                raise

    # -- writing ------------------------------------------------------------------
    @contextmanager
    def writing(
        self, actor: str | None, action: str, subject: str, detail: dict | None = None
    ) -> Iterator[sqlite3.Connection]:
        """One transaction that does a write and appends its audit line, or nothing at all."""
        if self._in_write:
            raise RuntimeError("nested write")
        conn = self.conn
        self._in_write = True
        try:
            conn.execute("BEGIN IMMEDIATE")
        except sqlite3.OperationalError as exc:
            self._in_write = False
            text = str(exc).lower()
            if "readonly" in text or "read-only" in text or "full" in text:
                from villagebook import ownbackups

                key = "book.full_backup" if "full" in text else "book.readonly_backup"
                raise BookError(key, why=exc,
                                backup=ownbackups.newest(self.path) or "-") from None
            raise BookError("book.busy", path=self.path, why=exc) from None
        self._changes: list[tuple[str, object]] = []
        try:
            yield conn
            changes = self._changes  # the row the write is about rides on its line
            own = bool(changes) and str(changes[0][1]) == subject and bool(action)
            table, key = changes[0] if own else ("", None)
            if action:  # no action: a turn of its own, whose lines the block wrote
                self.audit(actor, action, subject, detail, table, key)
            for table, key in changes[1:] if own else changes:  # other rows: a line each
                self.audit(actor, action, str(key), {}, table, key)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        finally:
            self._in_write = False

    def changed(self, table: str, key) -> None:
        """Name a row this write changed: the write's log line carries it, complete, as it
        stands at commit (a second row gets a line of its own)."""
        self._changes.append((table, key))

    def audit(self, actor: str | None, action: str, subject: str, detail: dict | None,
              table: str = "", key=None) -> None:
        """Append one more line to the chained log (history.py), carrying the row `key`
        of `table` as it stands now; only inside :meth:`writing`, whose commit keeps it."""
        from villagebook import history

        if not self._in_write:
            raise RuntimeError("audit lines are written inside a write")
        line = (now(), actor or system_user(), action, subject,
                json.dumps(detail or {}, ensure_ascii=False, sort_keys=True))
        version = self.conn.execute("PRAGMA user_version").fetchone()[0]
        if version < history.SINCE_VERSION:
            self.conn.execute("INSERT INTO audit (at, actor, action, subject, detail)"
                              " VALUES (?, ?, ?, ?, ?)", line)  # a book not yet migrated
            return
        data = history.row_json(self.conn, table, key) if table else ""
        history.append(self.conn, *line, table, data, point=version >= history.POINTS_SINCE)

    # -- reading ------------------------------------------------------------------
    def query(self, sql: str, params: tuple | dict = ()) -> list[sqlite3.Row]:
        return self.conn.execute(sql, params).fetchall()

    def one(self, sql: str, params: tuple | dict = ()) -> sqlite3.Row | None:
        return self.conn.execute(sql, params).fetchone()

    @property
    def db(self):
        """The sqlite-utils view of the same connection, for bulk and table work."""
        if self._db is None:
            import sqlite_utils

            self._db = sqlite_utils.Database(self.conn, execute_plugins=False)
        return self._db
