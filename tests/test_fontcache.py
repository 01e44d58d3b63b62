"""The parsed font kept on the laptop: read back the same, never trusted blindly."""

from __future__ import annotations

import os
import pickle

from reportlab.pdfbase import pdfmetrics

from reports import fontcache
from reports.fonts import FONT_FILE


def test_a_font_read_from_the_cache_measures_and_draws_as_the_parsed_one(tmp_path):
    parsed = fontcache.cached_font("VB-parsed", FONT_FILE, tmp_path, subfontIndex=0)
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    cached = fontcache.cached_font("VB-parsed", FONT_FILE, tmp_path, subfontIndex=0)
    assert cached is not parsed
    assert cached.face.charWidths == parsed.face.charWidths
    assert cached.face.hmetrics == parsed.face.hmetrics
    for value in (0, 333, 1000, 2048):
        assert cached.face._pdfScale(value) == parsed.face._pdfScale(value)
    pdfmetrics.registerFont(cached)
    assert pdfmetrics.stringWidth("马少军 䶮 abc", "VB-parsed", 12) > 0


def test_a_broken_cache_file_is_parsed_again_and_replaced(tmp_path):
    fontcache.cached_font("VB-broken", FONT_FILE, tmp_path, subfontIndex=0)
    (path,) = tmp_path.glob("*.pickle")
    path.write_bytes(b"not a font")
    font = fontcache.cached_font("VB-broken", FONT_FILE, tmp_path, subfontIndex=0)
    assert font.face.charWidths
    assert path.read_bytes() != b"not a font"


class _Planted:
    def __reduce__(self):
        return (os.system, ("echo planted > planted.txt",))


def test_a_planted_cache_file_cannot_run_code(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    fontcache.cached_font("VB-planted", FONT_FILE, tmp_path, subfontIndex=0)
    (path,) = tmp_path.glob("*.pickle")
    path.write_bytes(pickle.dumps(_Planted()))
    font = fontcache.cached_font("VB-planted", FONT_FILE, tmp_path, subfontIndex=0)
    assert font.face.charWidths
    assert not (tmp_path / "planted.txt").exists()


def test_a_folder_that_cannot_be_written_still_gives_the_font(tmp_path):
    blocked = tmp_path / "file-not-folder"
    blocked.write_text("x")
    font = fontcache.cached_font("VB-blocked", FONT_FILE, blocked / "cache", subfontIndex=0)
    assert font.face.charWidths
