"""A laptop without rl_accel's C wheel (a platform it has none for) still prints: reportlab
falls back to its pure-Python functions, and the board, the sheet and the slips (drawn
through reportlab's text objects: reports/tabletext.py) say what the accelerated ones say."""

import io
import pickle
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from test_print_board import make
from test_print_sheet import synthetic
from test_print_slips import data as slips_data
from test_print_slips import slip

from reports import board, sheet, slips

ROOT = Path(__file__).resolve().parent.parent
# _rl_accel is the C module rl_accel installs; a None in sys.modules makes its import fail
# as if it were not there, before reportlab (reportlab.lib.rl_accel) first looks for it
WITHOUT = """
import importlib, pickle, sys
sys.modules["_rl_accel"] = sys.modules["rl_accel"] = None
from reportlab.lib import rl_accel
assert not rl_accel._c_funcs, sorted(rl_accel._c_funcs)
kind, data = pickle.loads(sys.stdin.buffer.read())
renderer = importlib.import_module("reports." + kind)
sys.stdout.buffer.write(renderer.render(data)[0])
"""
PRINTOUTS = {"board": (board, lambda: make(150)),
             "sheet": (sheet, lambda: synthetic(80)),
             "slips": (slips, lambda: slips_data([slip(k, k % 9) for k in range(40)]))}


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


@pytest.mark.parametrize("kind", PRINTOUTS)
def test_a_printout_without_the_accelerator_reads_as_with_it(kind):
    renderer, made = PRINTOUTS[kind]
    data = made()
    accelerated, pages = renderer.render(data)
    done = subprocess.run([sys.executable, "-c", WITHOUT], input=pickle.dumps((kind, data)),
                          capture_output=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    pure = done.stdout
    assert pure.startswith(b"%PDF") and len(texts(pure)) == pages > 1
    assert texts(pure) == texts(accelerated)
