"""The book's tables, as numbered migration steps (PRAGMA user_version counts them). The
database keeps the principles: no negative points (CHECK), entries and the log are never
deleted, an entry changes only by being voided once, with a reason, and nothing is added
to or voided in a final month."""

from __future__ import annotations

from villagebook.entries import MONTH_INDEX as _MONTH_INDEX  # v12: a month's every entry
from villagebook.history import start as _start_history  # light: no import of its own
from villagebook.monthsettings import TABLES as _V6  # v6: a final month's own settings
from villagebook.paperforms import TABLES as _V7  # v7: paper forms and their keyed pages
from villagebook.people import LISTED_INDEX as _LISTED  # v10: residents in F2's order
from villagebook.review import LATE_INDEX as _LATE_INDEX  # v11: the entries recorded late
from villagebook.rollup import TABLES as _V8  # v8: points per resident and month, year
from villagebook.rollup import TABLES_V9 as _V9  # v9: ... and over all time
from villagebook.rollup import TABLES_V10 as _ROLLUP_V10  # v10: ... in order of points

_V1 = [
    """CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    )""",
    """CREATE TABLE gatherers (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE CHECK (length(trim(name)) > 0),
        corner TEXT NOT NULL DEFAULT ''
    )""",
    """CREATE TABLE residents (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL CHECK (length(trim(name)) > 0),
        pinyin TEXT NOT NULL DEFAULT '',
        initials TEXT NOT NULL DEFAULT '',
        household TEXT NOT NULL DEFAULT '',
        corner TEXT NOT NULL DEFAULT '',
        on_board INTEGER NOT NULL DEFAULT 1 CHECK (on_board IN (0, 1)),
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),
        note TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL
    )""",
    "CREATE INDEX residents_initials ON residents (initials)",
    "CREATE INDEX residents_pinyin ON residents (pinyin)",
    "CREATE INDEX residents_name ON residents (name)",
    """CREATE TABLE categories (
        code TEXT PRIMARY KEY CHECK (code GLOB '[a-z]*' AND code NOT GLOB '*[^a-z0-9_]*'),
        name_zh TEXT NOT NULL CHECK (length(trim(name_zh)) > 0),
        name_en TEXT NOT NULL CHECK (length(trim(name_en)) > 0),
        kind TEXT NOT NULL CHECK (kind IN ('hours', 'yuan', 'count', 'fixed')),
        points_c INTEGER NOT NULL CHECK (points_c > 0),
        per_units INTEGER NOT NULL CHECK (per_units > 0),
        max_quantity TEXT,
        active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1))
    )""",
    """CREATE TABLE months (
        month TEXT PRIMARY KEY CHECK (month GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]'),
        state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open', 'posted', 'final')),
        posted_at TEXT,
        objection_until TEXT,
        finalized_at TEXT,
        finalized_by TEXT
    )""",
    """CREATE TABLE entries (
        id TEXT PRIMARY KEY,
        resident_id TEXT NOT NULL REFERENCES residents (id),
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        month TEXT NOT NULL CHECK (month = substr(day, 1, 7)),
        category TEXT NOT NULL REFERENCES categories (code),
        quantity TEXT NOT NULL CHECK (
            quantity GLOB '[0-9]*' AND quantity NOT GLOB '*[^0-9.]*'
            AND CAST(quantity AS REAL) > 0
        ),
        points_c INTEGER NOT NULL CHECK (typeof(points_c) = 'integer' AND points_c >= 0),
        rule TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL CHECK (length(trim(recorded_by)) > 0),
        recorded_at TEXT NOT NULL,
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT
    )""",
    "CREATE INDEX entries_resident ON entries (resident_id, month)",
    "CREATE INDEX entries_recorded ON entries (recorded_by, recorded_at)",
    # Cover the month sheet (by month) and standings (by resident): index-only sums of the
    # entries that count, whichever way SQLite's planner prefers to walk them.
    """CREATE INDEX entries_month_resident ON entries (month, resident_id, points_c)
        WHERE voided_at IS NULL""",
    """CREATE INDEX entries_resident_points ON entries (resident_id, month, points_c)
        WHERE voided_at IS NULL""",
    """CREATE TABLE audit (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        subject TEXT NOT NULL,
        detail TEXT NOT NULL DEFAULT '{}'
    )""",
    """CREATE TRIGGER audit_no_update BEFORE UPDATE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER audit_no_delete BEFORE DELETE ON audit
        BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END""",
    """CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
        BEGIN SELECT RAISE(ABORT, 'entries are never deleted; void them'); END""",
    """CREATE TRIGGER entries_only_void BEFORE UPDATE ON entries
        WHEN NOT (
            OLD.voided_at IS NULL
            AND NEW.voided_at IS NOT NULL
            AND length(trim(coalesce(NEW.voided_by, ''))) > 0
            AND length(trim(coalesce(NEW.void_reason, ''))) > 0
            AND NEW.id IS OLD.id AND NEW.resident_id IS OLD.resident_id
            AND NEW.day IS OLD.day AND NEW.month IS OLD.month
            AND NEW.category IS OLD.category AND NEW.quantity IS OLD.quantity
            AND NEW.points_c IS OLD.points_c AND NEW.rule IS OLD.rule
            AND NEW.note IS OLD.note AND NEW.recorded_by IS OLD.recorded_by
            AND NEW.recorded_at IS OLD.recorded_at
        )
        BEGIN SELECT RAISE(ABORT, 'an entry can only be voided, once, with a reason'); END""",
    """CREATE TRIGGER entries_not_in_final_month BEFORE INSERT ON entries
        WHEN (SELECT state FROM months WHERE month = NEW.month) = 'final'
        BEGIN SELECT RAISE(ABORT, 'the month is final'); END""",
    """CREATE TRIGGER entries_no_void_in_final_month BEFORE UPDATE ON entries
        WHEN (SELECT state FROM months WHERE month = OLD.month) = 'final'
        BEGIN SELECT RAISE(ABORT, 'the month is final'); END""",
]

_ENTRY_TRIGGERS = [
    """CREATE TRIGGER entries_no_delete BEFORE DELETE ON entries
        BEGIN SELECT RAISE(ABORT, 'entries are never deleted; void them'); END""",
    """CREATE TRIGGER entries_only_void BEFORE UPDATE ON entries
        WHEN NOT (
            OLD.voided_at IS NULL
            AND NEW.voided_at IS NOT NULL
            AND length(trim(coalesce(NEW.voided_by, ''))) > 0
            AND length(trim(coalesce(NEW.void_reason, ''))) > 0
            AND NEW.id IS OLD.id AND NEW.resident_id IS OLD.resident_id
            AND NEW.day IS OLD.day AND NEW.month IS OLD.month
            AND NEW.category IS OLD.category AND NEW.quantity IS OLD.quantity
            AND NEW.points_c IS OLD.points_c AND NEW.rule IS OLD.rule
            AND NEW.note IS OLD.note AND NEW.recorded_by IS OLD.recorded_by
            AND NEW.recorded_at IS OLD.recorded_at AND NEW.late IS OLD.late
        )
        BEGIN SELECT RAISE(ABORT, 'an entry can only be voided, once, with a reason'); END""",
    """CREATE TRIGGER entries_not_in_final_month BEFORE INSERT ON entries
        WHEN (SELECT state FROM months WHERE month = NEW.month) = 'final'
        BEGIN SELECT RAISE(ABORT, 'the month is final'); END""",
    """CREATE TRIGGER entries_no_void_in_final_month BEFORE UPDATE ON entries
        WHEN (SELECT state FROM months WHERE month = OLD.month) = 'final'
        BEGIN SELECT RAISE(ABORT, 'the month is final'); END""",
]

# v2: the month's cycle. A late entry (补记) keeps its real day but counts in a later
# month, so the entries table is rebuilt with a CHECK that allows exactly that.
_V2 = [
    "ALTER TABLE months ADD COLUMN seal TEXT",
    "ALTER TABLE months ADD COLUMN reopened_at TEXT",
    "ALTER TABLE months ADD COLUMN reopen_reason TEXT",
    """CREATE TABLE entries_v2 (
        id TEXT PRIMARY KEY,
        resident_id TEXT NOT NULL REFERENCES residents (id),
        day TEXT NOT NULL CHECK (day GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),
        month TEXT NOT NULL CHECK (
            month = substr(day, 1, 7) OR (late = 1 AND month > substr(day, 1, 7))
        ),
        category TEXT NOT NULL REFERENCES categories (code),
        quantity TEXT NOT NULL CHECK (
            quantity GLOB '[0-9]*' AND quantity NOT GLOB '*[^0-9.]*'
            AND CAST(quantity AS REAL) > 0
        ),
        points_c INTEGER NOT NULL CHECK (typeof(points_c) = 'integer' AND points_c >= 0),
        rule TEXT NOT NULL,
        note TEXT NOT NULL DEFAULT '',
        recorded_by TEXT NOT NULL CHECK (length(trim(recorded_by)) > 0),
        recorded_at TEXT NOT NULL,
        voided_at TEXT,
        voided_by TEXT,
        void_reason TEXT,
        late INTEGER NOT NULL DEFAULT 0 CHECK (late IN (0, 1))
    )""",
    """INSERT INTO entries_v2 (id, resident_id, day, month, category, quantity, points_c, rule,
        note, recorded_by, recorded_at, voided_at, voided_by, void_reason)
        SELECT id, resident_id, day, month, category, quantity, points_c, rule, note,
        recorded_by, recorded_at, voided_at, voided_by, void_reason FROM entries
        ORDER BY rowid""",
    "DROP TABLE entries",
    "ALTER TABLE entries_v2 RENAME TO entries",
    "CREATE INDEX entries_resident ON entries (resident_id, month)",
    "CREATE INDEX entries_recorded ON entries (recorded_by, recorded_at)",
    """CREATE INDEX entries_month_resident ON entries (month, resident_id, points_c)
        WHERE voided_at IS NULL""",
    """CREATE INDEX entries_resident_points ON entries (resident_id, month, points_c)
        WHERE voided_at IS NULL""",
    *_ENTRY_TRIGGERS,
    """CREATE TABLE objections (
        id TEXT PRIMARY KEY,
        entry_id TEXT NOT NULL REFERENCES entries (id),
        month TEXT NOT NULL,
        says TEXT NOT NULL CHECK (length(trim(says)) > 0),
        at TEXT NOT NULL,
        recorded_by TEXT NOT NULL,
        resolved_at TEXT,
        resolution TEXT CHECK (resolution IN ('void', 'keep')),
        because TEXT,
        resolved_by TEXT,
        CHECK ((resolved_at IS NULL) = (resolution IS NULL))
    )""",
    "CREATE INDEX objections_month ON objections (month)",
    """CREATE TRIGGER objections_no_delete BEFORE DELETE ON objections
        BEGIN SELECT RAISE(ABORT, 'objections are never deleted'); END""",
    """CREATE TRIGGER objections_resolve_once BEFORE UPDATE ON objections
        WHEN OLD.resolved_at IS NOT NULL OR NEW.says IS NOT OLD.says
            OR NEW.entry_id IS NOT OLD.entry_id
            OR length(trim(coalesce(NEW.because, ''))) = 0
        BEGIN SELECT RAISE(ABORT, 'an objection is resolved once, with a reason'); END""",
]


def _index_residents(conn) -> None:
    from villagebook import readings

    readings.index_missing(conn)


# v3: every reading of a name (单田芳 is dantianfang and shantianfang), one row each, for
# search; the residents' own pinyin and initials stay their ordinary reading. A step may be
# a function of the connection: here, the residents already in the book are indexed.
_V3 = [
    """CREATE TABLE resident_keys (
        resident_id TEXT NOT NULL REFERENCES residents (id),
        pinyin TEXT NOT NULL COLLATE NOCASE,
        initials TEXT NOT NULL COLLATE NOCASE,
        PRIMARY KEY (resident_id, pinyin, initials)
    ) WITHOUT ROWID""",
    "CREATE INDEX resident_keys_pinyin ON resident_keys (pinyin)",
    "CREATE INDEX resident_keys_initials ON resident_keys (initials)",
    "CREATE INDEX residents_name_nocase ON residents (name COLLATE NOCASE)",
    _index_residents,
]


# v4: the hash-chained log (history.py). Each line carries the table and the complete row
# it changed, and its hash; a book made before starts its chain here, adopting every row.
_V4 = [
    "ALTER TABLE audit ADD COLUMN tbl TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE audit ADD COLUMN data TEXT NOT NULL DEFAULT ''",
    "ALTER TABLE audit ADD COLUMN hash TEXT",
    "CREATE INDEX audit_rows ON audit (tbl, subject, seq)",
    "CREATE INDEX audit_actions ON audit (action, seq)",
    _start_history,
]

# v5: each entry points at its last log line (`line`, the line's seq), so check compares a
# million entries with their lines in one pass in the order both were written, instead of
# a million searches of the log. The pointer is not content: it is not logged, it may only
# move forward, and check proves it points at the entry's own last line (replay.py).
_ENTRY_ONLY_VOID_V5 = """CREATE TRIGGER entries_only_void BEFORE UPDATE ON entries
        WHEN NOT (
            NEW.id IS OLD.id AND NEW.resident_id IS OLD.resident_id
            AND NEW.day IS OLD.day AND NEW.month IS OLD.month
            AND NEW.category IS OLD.category AND NEW.quantity IS OLD.quantity
            AND NEW.points_c IS OLD.points_c AND NEW.rule IS OLD.rule
            AND NEW.note IS OLD.note AND NEW.recorded_by IS OLD.recorded_by
            AND NEW.recorded_at IS OLD.recorded_at AND NEW.late IS OLD.late
            AND ((
                OLD.voided_at IS NULL
                AND NEW.voided_at IS NOT NULL
                AND length(trim(coalesce(NEW.voided_by, ''))) > 0
                AND length(trim(coalesce(NEW.void_reason, ''))) > 0
                AND NEW.line IS OLD.line
            ) OR (
                NEW.voided_at IS OLD.voided_at AND NEW.voided_by IS OLD.voided_by
                AND NEW.void_reason IS OLD.void_reason
                AND NEW.line IS NOT NULL AND NEW.line > coalesce(OLD.line, 0)
            ))
        )
        BEGIN SELECT RAISE(ABORT, 'an entry can only be voided, once, with a reason'); END"""

_V5 = [
    "ALTER TABLE entries ADD COLUMN line INTEGER",
    "DROP TRIGGER entries_only_void",
    "DROP TRIGGER entries_no_void_in_final_month",
    "UPDATE entries SET line = (SELECT MAX(seq) FROM audit"
    " WHERE tbl = 'entries' AND subject = entries.id)",
    _ENTRY_ONLY_VOID_V5,
    _ENTRY_TRIGGERS[3],  # entries_no_void_in_final_month, as it was
]


MIGRATIONS: list[list] = [_V1, _V2, _V3, _V4, _V5, _V6, _V7, _V8, _V9, [*_ROLLUP_V10, _LISTED],
                          [_LATE_INDEX], [_MONTH_INDEX]]
