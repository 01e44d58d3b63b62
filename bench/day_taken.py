"""A big book's day taken as begun: its quick_check passed and its backup made, as they
are for every start but the day's first. A township's are minutes of work and a second
27 GB of disk; a bench that times commands on it in place marks them made instead (in the
state and backup folders of VILLAGEBOOK_STATE_DIR and VILLAGEBOOK_BACKUP_DIR, the bench's
own)."""

from __future__ import annotations

from datetime import date
from pathlib import Path


def take_the_day_as_done(path: Path) -> None:
    from villagebook import backup, dailycheck
    from villagebook.book import Book

    dailycheck._write(path, {"day": date.today().isoformat(), "result": "ok"})
    with Book.open_readonly(path) as book:
        folder = backup.book_folder(book)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / f"{backup.PREFIX}{date.today():%Y%m%d}-000000-000000-daily.started.part").touch()
