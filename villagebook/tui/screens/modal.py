"""A modal that closes once: keys typed ahead (two quick Enters) cannot close it twice.

A modal with ARM_SECONDS > 0 also refuses to say yes until it has been on screen that
long (monotonic clock): a key typed ahead, before anyone could read the dialog, never
confirms it. Saying no (Esc, cancel) always works at once.
"""

from __future__ import annotations

import math
import time

from textual.screen import ModalScreen


class Modal(ModalScreen):
    ARM_SECONDS = 0.0
    _answered = False
    _shown_at = math.inf  # until the first paint

    def on_mount(self) -> None:
        self.call_after_refresh(self._painted)

    def _painted(self) -> None:
        self._shown_at = time.monotonic()

    def armed(self) -> bool:
        """May this modal confirm yet? Only once it has been visible ARM_SECONDS."""
        return self.ARM_SECONDS <= 0 or time.monotonic() - self._shown_at >= self.ARM_SECONDS

    def close(self, result=None) -> None:
        if not self._answered:
            self._answered = True
            self.dismiss(result)
