"""End a command's process as soon as its work is done and its words are written.

Python's own teardown of a process that imported click and the book's modules (every
module's namespace cleared one by one, then the objects freed) takes 7 to 12 ms on the
project's machine: a tenth of a gatherer's `record`, spent after the entry is saved and
said. Nothing of a command needs it: the book is committed and closed before this (every
command opens it in a `with`), and the output is flushed here. So the process ends at
once with os._exit, after the callbacks registered with atexit have run, as they would
have (CPython's atexit._run_exitfuncs, the function its own exit calls). Where another
thread still runs, or that function is not there, the process leaves the ordinary way.
"""

from __future__ import annotations

import atexit
import os
import sys


def leave(code: int | str | None) -> None:
    """Exit with `code` (a SystemExit's: None is success, a string is said, then 1)."""
    if code is not None and not isinstance(code, int):
        print(code, file=sys.stderr)
        code = 1
    code = code or 0
    run_exit_callbacks = getattr(atexit, "_run_exitfuncs", None)
    if run_exit_callbacks is None or _threads_running():
        sys.exit(code)
    run_exit_callbacks()
    for stream in (sys.stdout, sys.stderr):
        if stream is None:  # no console at all (pythonw, stdout closed)
            continue
        try:
            stream.flush()
        except (OSError, ValueError):  # a closed pipe: nothing more can be said there
            pass
    os._exit(code)


def _threads_running() -> bool:
    threading = sys.modules.get("threading")
    return threading is not None and threading.active_count() > 1
