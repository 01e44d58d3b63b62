"""The terminal UI (Textual).

ESCDELAY: how long the terminal parser waits after Esc for the rest of a sequence. At
Textual's default (100 ms) an Esc followed quickly by a letter reads as Alt+letter; 25 ms
is ample for a local terminal. The record form also reads Alt+letter as Esc, letter.
"""

import os

os.environ.setdefault("ESCDELAY", "25")
