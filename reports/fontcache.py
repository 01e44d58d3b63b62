"""The CJK font as reportlab parsed it, kept on this laptop so a print starts quickly.

Parsing the 5 MB font's character map and widths takes reportlab about 0.1 s, every
command that prints pays it, and no library keeps the result. So the parsed font is
pickled once into the laptop's cache folder and read back in a few milliseconds.

Written by hand, with care: the cache is keyed by reportlab's version and the font
file's size and date; reading it allows only the classes a parsed font is made of (a
file in the cache folder cannot run code); and anything unexpected (a missing, stale,
foreign or broken file) means the font is simply parsed again, as without a cache.
"""

from __future__ import annotations

import io
import os
import pickle
import weakref
from pathlib import Path

VERSION = 1  # of this cache's format

# What a parsed font is made of, and nothing else may be read back
ALLOWED = {
    ("reportlab.pdfbase.ttfonts", "TTFont"),
    ("reportlab.pdfbase.ttfonts", "TTFontFace"),
    ("reportlab.pdfbase.ttfonts", "TTEncoding"),
    ("reportlab.pdfbase.ttfonts", "TTFNameBytes"),
    ("reports.fontcache", "_scale"),
    ("reports.fontcache", "_fresh_state"),
}


class _Identity:
    def __call__(self, x):
        return x


class _Times:
    def __init__(self, factor: float):
        self.factor = factor

    def __call__(self, x):
        return x * self.factor


def _scale(factor: float | None):
    """reportlab's unit scale, a lambda it keeps on the font: x, or x times 1000/em."""
    return _Identity() if factor is None else _Times(factor)


def _fresh_state():
    """The font's per-document state, empty as after parsing (a weak dictionary)."""
    return weakref.WeakKeyDictionary()


class _Writer(pickle.Pickler):
    def reducer_override(self, obj):
        if isinstance(obj, weakref.WeakKeyDictionary):
            return _fresh_state, ()
        if callable(obj) and getattr(obj, "__name__", "") == "<lambda>":
            cells = [cell.cell_contents for cell in obj.__closure__ or ()]
            return _scale, (cells[0] if cells else None,)
        return NotImplemented


class _Reader(pickle.Unpickler):
    def find_class(self, module, name):
        if (module, name) not in ALLOWED:
            raise pickle.UnpicklingError(f"{module}.{name} is not part of a font")
        return super().find_class(module, name)


def _cache_file(font_file: Path, folder: Path) -> Path:
    import reportlab

    stat = font_file.stat()
    key = f"{VERSION}-{reportlab.Version}-{stat.st_size}-{stat.st_mtime_ns}"
    return folder / f"{font_file.stem}-{key}.pickle"


def cached_font(name: str, font_file: Path, folder: Path, **options):
    """reportlab's TTFont for font_file, read from folder's cache when it is there."""
    from reportlab.pdfbase.ttfonts import TTFont

    try:
        path = _cache_file(font_file, folder)
        font = _Reader(io.BytesIO(path.read_bytes())).load()
        if isinstance(font, TTFont) and font.fontName == name and font.face.charWidths:
            return font
    except Exception:  # noqa: BLE001 - any broken cache means: parse the font again
        pass
    font = TTFont(name, str(font_file), **options)
    _keep(font, font_file, folder)
    return font


def _keep(font, font_file: Path, folder: Path) -> None:
    """Write the parsed font for next time; a folder that cannot be written is no error."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = _cache_file(font_file, folder)
        for old in folder.glob(f"{font_file.stem}-*.pickle"):
            if old != path:
                old.unlink(missing_ok=True)
        buffer = io.BytesIO()
        _Writer(buffer, protocol=pickle.HIGHEST_PROTOCOL).dump(font)
        part = path.with_suffix(f".{os.getpid()}.part")
        part.write_bytes(buffer.getvalue())
        os.replace(part, path)
    except Exception:  # noqa: BLE001 - a cache is a convenience, never a failure
        pass
