"""What every screen shares: footer keys in the current language, fresh data on return."""

from __future__ import annotations

from textual.screen import Screen

from villagebook.tui.localized import translate_bindings


class BaseScreen(Screen):
    """A main screen: registers itself so a language switch reaches it."""

    fresh = False  # the book read since the screen was last hidden (Textual resumes it twice)

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

    def on_screen_resume(self) -> None:
        """Each time the screen is shown (the first time too): read the book again."""
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
