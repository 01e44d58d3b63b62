"""Help laid out for Chinese: a Chinese character takes two columns of the console, and a
line may break between any two of them but never before a closing mark (，。）).

click measures text in characters and breaks only at spaces, so a Chinese paragraph ran to
twice the console's width. No library we have wraps by display width (rich does, but costs a
fifth of a second to import on every --help), so this does, in a few lines.
"""

from __future__ import annotations

import re
import unicodedata

import click

CLOSING = set("，。、；：！？）」』》”’…")
OPENING = set("（「『《“‘")
_TOKEN = (r"\s+|[\u2e80-\u9fff\u3000-\u303f\uff00-\uffef]|[^\s\u2e80-\u9fff"
          r"\u3000-\u303f\uff00-\uffef]+")  # compiled when help is shown (re caches it):
# compiling it costs every command 2-8 ms, and only --help needs it


def width(text: str) -> int:
    """Columns the text takes in a console."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _units(text: str) -> list[str]:
    """Pieces a line may break between: words, single Chinese characters (each with the
    closing marks after it and the opening marks before it) and runs of spaces."""
    units: list[str] = []
    for token in re.findall(_TOKEN, text):
        if units and token in CLOSING:
            units[-1] += token
        elif units and units[-1] and units[-1][-1] in OPENING and not token.isspace():
            units[-1] += token
        else:
            units.append(token)
    return units


def wrap(text: str, columns: int, first: str = "", rest: str = "") -> list[str]:
    """One paragraph filled to `columns`, the first line led by `first`, the others by
    `rest`."""
    lines, line = [], first
    text = re.sub(r"(?<=[\u2e80-\uffef])\n(?=[\u2e80-\uffef])", "", text)  # 中文 lines
    for unit in _units(" ".join(text.split("\n"))):
        if unit.isspace():
            if line.strip():
                line += " "
            continue
        if width(line) + width(unit) > columns and line.strip():
            lines.append(line.rstrip())
            line = rest
        line += unit
    if line.strip():
        lines.append(line.rstrip())
    return lines


def fill(text: str, columns: int, first: str = "", rest: str = "") -> str:
    """Paragraphs (split at blank lines) each wrapped; a paragraph marked with click's \\b
    is kept line for line."""
    out = []
    for para in re.split(r"\n\s*\n", text.strip("\n")):
        if para.lstrip().startswith("\b"):
            out.append("\n".join(first + ln.strip() for ln in para.splitlines()[1:]))
        else:
            out.append("\n".join(wrap(para.strip(), columns, first, rest)))
    return "\n\n".join(out)


class HelpFormatter(click.HelpFormatter):
    """click's formatter with widths measured in columns and a Chinese colon after headings."""

    def write_heading(self, heading: str) -> None:
        colon = "" if heading.endswith(("：", ":")) else (
            "：" if re.search(r"[\u2e80-\u9fff]", heading) else ":")
        self.write(f"{'':>{self.current_indent}}{heading}{colon}\n")

    def write_text(self, text: str) -> None:
        indent = " " * self.current_indent
        self.write(fill(text, self.width, indent, indent) + "\n")

    def write_usage(self, prog: str, args: str = "", prefix: str | None = None) -> None:
        prefix = prefix if prefix is not None else _usage_prefix()
        lead = f"{prefix:>{self.current_indent}}{prog} "
        self.write("\n".join(wrap(args, self.width, lead, " " * width(lead))) + "\n")

    def write_dl(self, rows, col_max: int = 30, col_spacing: int = 2) -> None:
        rows = list(rows)
        first_col = min(max((width(r[0]) for r in rows), default=0), col_max) + col_spacing
        for term, text in rows:
            self.write(f"{'':>{self.current_indent}}{term}")
            if not text:
                self.write("\n")
                continue
            if width(term) <= first_col - col_spacing:
                self.write(" " * (first_col - width(term)))
            else:
                self.write("\n" + " " * (first_col + self.current_indent))
            pad = " " * (first_col + self.current_indent)
            lines = fill(text, max(self.width - first_col - 2, 10)).splitlines() or [""]
            self.write(lines[0] + "\n" + "".join(f"{pad}{ln}\n" if ln else "\n"
                                                 for ln in lines[1:]))


def _usage_prefix() -> str:
    from gettext import gettext

    said = gettext("Usage:")
    return said if said.endswith("：") else said + " "


def short(text: str, limit: int) -> str:
    """The first sentence of a help text, cut to `limit` columns: a command's line in the
    list of commands."""
    first = re.split(r"(?<=[。；])|(?<=\.)\s+(?=[A-Z])|\n\s*\n", text.strip(), maxsplit=1)[0]
    first = " ".join(first.split())  # one line
    if width(first) <= limit:
        return first
    cut = ""
    for unit in _units(first):
        if width(cut + unit) > limit - 3:
            break
        cut += unit
    return cut.rstrip() + "..."
