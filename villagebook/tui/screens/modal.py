"""A modal that closes once: keys typed ahead (two quick Enters) cannot close it twice."""

from __future__ import annotations

from textual.screen import ModalScreen


class Modal(ModalScreen):
    _answered = False

    def close(self, result=None) -> None:
        if not self._answered:
            self._answered = True
            self.dismiss(result)
