"""End to end through a real CUPS queue (cups-pdf), as .ci/run sets it up.

.ci/run installs cups and printer-driver-cups-pdf, starts cupsd, adds the queue and
names it in VILLAGEBOOK_CUPS_QUEUE; the printed PDF lands in ~/PDF. Without that
variable (a developer's laptop) the test is skipped.
"""

import io
import os
import shutil
import subprocess
import time
from pathlib import Path

import pytest
from conftest import MONTH
from pypdf import PdfReader

from villagebook import entries, people

QUEUE = os.environ.get("VILLAGEBOOK_CUPS_QUEUE")


@pytest.mark.skipif(not QUEUE, reason="no CUPS queue set up (VILLAGEBOOK_CUPS_QUEUE)")
def test_a_board_printed_through_cups_arrives_with_its_text(run, book, tmp_path):
    entries.record(book, people.find_resident(book, "马洪云"), "goods", "3000", "杨秋云")
    outbox = Path.home() / "PDF"
    before = set(outbox.glob("*.pdf")) if outbox.exists() else set()
    out = tmp_path / "board-cups.pdf"
    done = run("print", "board", MONTH, "-o", str(out), "--send", "--printer", QUEUE)
    assert done.exit_code == 0, done.output
    assert f"已送往打印机 {QUEUE}" in done.output
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        arrived = set(outbox.glob("*.pdf")) - before if outbox.exists() else set()
        if arrived:
            break
        time.sleep(0.5)
    assert arrived, subprocess.run(["lpstat", "-W", "all", "-o"], capture_output=True,
                                   text=True).stdout
    time.sleep(1)  # let cups-pdf finish writing
    printed = PdfReader(io.BytesIO(max(arrived, key=lambda p: p.stat().st_mtime).read_bytes()))
    text = "".join(page.extract_text() for page in printed.pages)
    # cups-pdf redraws the job with Ghostscript, which drops the Chinese text's Unicode map:
    # the glyphs print, but only the Latin digits can still be read back as text
    assert MONTH[:4] in text and "30.00" in text
    assert len(printed.pages) == len(PdfReader(out).pages)


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler-utils not installed")
def test_the_board_renders_to_a_picture(run, book, tmp_path):
    entries.record(book, people.find_resident(book, "马少军"), "labour", "8", "杨秋云")
    out = tmp_path / "board.pdf"
    assert run("print", "board", MONTH, "-o", str(out)).exit_code == 0
    subprocess.run(["pdftoppm", "-png", "-r", "40", str(out), str(tmp_path / "page")],
                   check=True)
    (picture,) = tmp_path.glob("page*.png")
    assert picture.stat().st_size > 5_000
