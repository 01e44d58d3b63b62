"""A new row's id: 128 random bits as 32 hex digits, as uuid4().hex made them.

Without importing uuid, which imports platform and compiles its regular expressions: 3-5 ms
on every command that writes, for nothing an id needs.
"""

from __future__ import annotations

import os


def new_id() -> str:
    return os.urandom(16).hex()
