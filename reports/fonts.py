"""The one CJK font, registered once: WenQuanYi Micro Hei, shipped in this package.

It has TrueType (glyf) outlines, which reportlab embeds as a subset, so Chinese shows
in every viewer. A character it lacks is reported by name, never printed blank.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

FONT = "VB-CJK"
FONT_FILE = Path(__file__).with_name("fonts") / "wqy-microhei.ttc"
PLACEHOLDER = "□"


@cache
def register() -> str:
    """Register the font with reportlab (once) and return its name."""
    from reportlab.pdfbase import pdfmetrics

    from reports.fontcache import cached_font
    from villagebook.laptop import cache_folder

    pdfmetrics.registerFont(cached_font(FONT, FONT_FILE, cache_folder(), subfontIndex=0))
    return FONT


@cache
def _covered() -> frozenset[int]:
    from reportlab.pdfbase import pdfmetrics

    return frozenset(pdfmetrics.getFont(register()).face.charToGlyph)


def missing(text: str) -> list[str]:
    """The characters of text the font cannot draw (spaces and controls aside)."""
    covered = _covered()
    return [ch for ch in dict.fromkeys(text) if ord(ch) > 32 and ord(ch) not in covered]


def printable(text: str) -> str:
    """Text with each character the font lacks shown as a visible □ (never blank)."""
    covered = _covered()
    return "".join(ch if ord(ch) <= 32 or ord(ch) in covered else PLACEHOLDER for ch in text)


def width(text: str, size: float) -> float:
    from reportlab.pdfbase import pdfmetrics

    return pdfmetrics.stringWidth(text, register(), size)


def wrap(text: str, size: float, limit: float) -> list[str]:
    """Lines of text no wider than limit; Chinese has no spaces, so break anywhere."""
    lines, current = [], ""
    for ch in text:
        if current and width(current + ch, size) > limit:
            lines.append(current)
            current = ""
        current += ch
    return lines + [current]


def escape(text: str) -> str:
    """&, < and > as a Paragraph's markup needs them. html's escape, not xml.sax's: that
    one pulls in urllib and http on the way in, 15 ms of every print command."""
    from html import escape as html_escape

    return html_escape(text, quote=False)
