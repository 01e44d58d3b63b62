"""A laptop without rl_accel's C wheel (a platform it has none for) still prints: reportlab
falls back to its pure-Python functions, and the board says what the accelerated one says."""

import io
import pickle
import subprocess
import sys
from pathlib import Path

from pypdf import PdfReader
from test_print_board import make

from reports import board

ROOT = Path(__file__).resolve().parent.parent
# _rl_accel is the C module rl_accel installs; a None in sys.modules makes its import fail
# as if it were not there, before reportlab (reportlab.lib.rl_accel) first looks for it
WITHOUT = """
import pickle, sys
sys.modules["_rl_accel"] = sys.modules["rl_accel"] = None
from reportlab.lib import rl_accel
assert not rl_accel._c_funcs, sorted(rl_accel._c_funcs)
from reports import board
sys.stdout.buffer.write(board.render(pickle.loads(sys.stdin.buffer.read()))[0])
"""


def texts(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_a_board_without_the_accelerator_reads_as_with_it():
    data = make(150)
    accelerated, pages = board.render(data)
    done = subprocess.run([sys.executable, "-c", WITHOUT], input=pickle.dumps(data),
                          capture_output=True, cwd=ROOT, check=False)
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    pure = done.stdout
    assert pure.startswith(b"%PDF") and len(texts(pure)) == pages > 1
    assert texts(pure) == texts(accelerated)
    assert data.lines[-1].name in "".join(texts(pure))
