"""What this laptop remembers between runs: the gatherer who recorded last, per book.

Kept in a small JSON file in the user's state folder (platformdirs), not in the book,
because the book may travel to another laptop and another gatherer.
"""

from __future__ import annotations

import json
import os
from pathlib import Path


def state_folder() -> Path:
    folder = os.environ.get("VILLAGEBOOK_STATE_DIR")
    if not folder:
        from platformdirs import user_state_dir

        folder = user_state_dir("villagebook", appauthor=False)
    return Path(folder)


def _state_file() -> Path:
    return state_folder() / "laptop.json"


def cache_folder() -> Path:
    """Where things worth keeping but safe to lose go (the parsed font): the user's cache
    folder, or a cache folder beside VILLAGEBOOK_STATE_DIR when that is set (tests)."""
    folder = os.environ.get("VILLAGEBOOK_STATE_DIR")
    if folder:
        return Path(folder) / "cache"
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("villagebook", appauthor=False))


def print_folder() -> Path:
    """Where the UI writes printouts: VILLAGEBOOK_PRINT_DIR, else Documents/villagebook."""
    folder = os.environ.get("VILLAGEBOOK_PRINT_DIR")
    if not folder:
        from platformdirs import user_documents_dir

        folder = str(Path(user_documents_dir()) / "villagebook")
    return Path(folder)


def crash_file() -> Path:
    """Where the UI leaves the details of a crash, for whoever looks after the laptop."""
    path = _state_file().with_name("crash.txt")
    path.parent.mkdir(parents=True, exist_ok=True)
    return path


def _load() -> dict:
    try:
        return json.loads(_state_file().read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def last_gatherer(book_path: Path, where: str = "cli") -> str | None:
    """The gatherer who recorded last on this laptop, at the command line ("cli") or at
    the screen ("ui"): remembered apart, so a `record --by` for someone else at the
    command line never changes who the screen opens as."""
    return _load().get(_KEYS[where], {}).get(str(Path(book_path).resolve()))


def flag(name: str) -> bool:
    """A one-time note already shown on this laptop."""
    return bool(_load().get("flags", {}).get(name))


def set_flag(name: str) -> None:
    state = _load()
    state.setdefault("flags", {})[name] = True
    _save(state)


def remember_gatherer(book_path: Path, name: str, where: str = "cli") -> None:
    """Best effort: a laptop that cannot save this only asks for --by again next time."""
    state = _load()
    state.setdefault(_KEYS[where], {})[str(Path(book_path).resolve())] = name
    _save(state)


_KEYS = {"cli": "last_gatherer", "ui": "last_gatherer_ui"}


def _save(state: dict) -> None:
    try:
        path = _state_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(".tmp")
        tmp.write_text(json.dumps(state, ensure_ascii=False, indent=1), encoding="utf-8")
        tmp.replace(path)
    except OSError:
        pass
