"""What every screen shares: footer keys in the current language, fresh data on return."""

from __future__ import annotations

from textual._context import active_app
from textual.screen import Screen

from villagebook.tui.localized import translate_bindings


class BaseScreen(Screen):
    """A main screen: registers itself so a language switch reaches it."""

    fresh = False  # the book read since the screen was last hidden (Textual resumes it twice)
    resumed = False  # shown once already

    def __init__(self, *args, **kwargs):
        """A new screen is styled from the app's stylesheet as it is when it mounts; marked
        as such, Textual does not parse every stylesheet again and restyle the whole app
        for it when its mode is first shown (15-25 ms a screen, the first one too)."""
        super().__init__(*args, **kwargs)
        self._css_update_count = active_app.get()._css_update_count

    def on_mount(self) -> None:
        """Textual calls this for each class that defines on_mount, so a subclass's
        super().on_mount() comes here twice: the second time changes nothing."""
        if self in self.app.live_screens:
            return
        self.app.live_screens.append(self)
        translate_bindings(self)
        self.relabel()
        self.show_keys()

    def show_keys(self) -> None:
        from villagebook.tui.keybar import KeyBar

        for bar in self.query(KeyBar):
            bar.show_keys()

    def on_screen_resume(self, event) -> None:
        """Each time the screen is shown (the first time too): read the book again.

        The first time, the screen was styled by this very stylesheet as it mounted a moment
        ago, so Textual's handler (called after this one, for the class below) need not
        style every widget on it again: 10 ms of the first frame. Focus styles its own."""
        if not self.resumed and self._css_update_count == self.app._css_update_count:
            event.refresh_styles = False
        self.resumed = True
        if not self.fresh:
            self.refresh_data()
            self.fresh = True

    def on_screen_suspend(self) -> None:
        self.fresh = False

    def relabel(self) -> None:
        """Set every fixed text and column from i18n (again, after a language switch)."""

    def refresh_data(self) -> None:
        """Read the book again; called on mount and each time the screen comes back."""

    @property
    def book(self):
        return self.app.book
