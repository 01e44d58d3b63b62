"""A final month keeps its settings: the points per star, stars per flag, village name and
the rest in force when it became final, so the board on the wall can be printed again,
identical, after the village changes a setting. A change counts from the open months on.

Kept in the `month_settings` table (schema v6), one row per month made final, written in
the same transaction as the months row and logged like it; a guard refuses changing it
while the month is final; reopening and finalizing again writes it anew.
"""

from __future__ import annotations

import json

SINCE_VERSION = 6  # the schema step that made the table


def freeze(book, conn, month: str) -> bool:
    """Inside finalize's write, before the month turns final: the settings in force now,
    kept with the month (the caller names the row for the log, after the month's own)."""
    from villagebook import settings

    if conn.execute("PRAGMA user_version").fetchone()[0] < SINCE_VERSION:
        return False  # an older book (its migration keeps the final months' settings)
    kept = json.dumps(settings.as_dict(book), ensure_ascii=False, sort_keys=True)
    conn.execute("INSERT INTO month_settings (month, settings) VALUES (?, ?)"
                 " ON CONFLICT (month) DO UPDATE SET settings = excluded.settings",
                 (month, kept))
    return True


def kept_for(book, month: str) -> dict[str, str]:
    """The settings kept with a final month ({} for a month not final)."""
    try:
        row = book.one("SELECT s.settings FROM month_settings s JOIN months m"
                       " ON m.month = s.month WHERE s.month = ? AND m.state = 'final'",
                       (month,))
    except Exception:  # noqa: BLE001 - a book opened read-only before its migration
        return {}
    return json.loads(row[0]) if row else {}


def freeze_final_months(conn) -> None:
    """Migration step: each month already final gets the settings in force when it became
    final, read back from the log: every settings line before the month's first final
    line, in order (for what came before the chain, the values it adopted)."""
    from villagebook import history
    from villagebook.book import now, system_user
    from villagebook.settings import DEFAULTS

    changes = [(seq, json.loads(data)) for seq, data in conn.execute(
        "SELECT seq, data FROM audit WHERE tbl = 'settings' AND data != '' ORDER BY seq")]
    finals = conn.execute(
        "SELECT m.month, (SELECT MIN(seq) FROM audit a WHERE a.tbl = 'months'"
        " AND a.subject = m.month AND json_extract(a.data, '$.state') = 'final')"
        " FROM months m WHERE m.state = 'final' ORDER BY m.month").fetchall()
    for month, final_seq in finals:
        kept = dict(DEFAULTS)
        for seq, said in changes:
            if final_seq is None or seq < final_seq:
                kept[said["key"]] = said["value"]
        conn.execute("INSERT INTO month_settings (month, settings) VALUES (?, ?)",
                     (month, json.dumps(_shown(kept), ensure_ascii=False, sort_keys=True)))
    history.append_many(conn, now(), system_user(), "history.adopt",
                        ((str(key), "{}", "month_settings", text)
                         for key, text in history.rows_of(conn, "month_settings")))


def _shown(values: dict[str, str]) -> dict[str, str]:
    """Only the keys settings.as_dict shows (the PIN's hash is not a printout's)."""
    from villagebook.settings import DEFAULTS

    return {key: values.get(key, default) for key, default in DEFAULTS.items()}


# schema v6: the table, its guards, and the settings of the months already final kept
TABLES = [
    """CREATE TABLE month_settings (
        month TEXT PRIMARY KEY,
        settings TEXT NOT NULL CHECK (json_valid(settings))
    )""",
    """CREATE TRIGGER month_settings_fixed BEFORE UPDATE ON month_settings
        WHEN (SELECT state FROM months WHERE month = OLD.month) = 'final'
            OR NEW.month IS NOT OLD.month
        BEGIN SELECT RAISE(ABORT, 'a final month keeps its settings'); END""",
    """CREATE TRIGGER month_settings_no_delete BEFORE DELETE ON month_settings
        BEGIN SELECT RAISE(ABORT, 'a final month keeps its settings'); END""",
    freeze_final_months,
]
