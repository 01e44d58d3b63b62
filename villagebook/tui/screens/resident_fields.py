"""The fields of the resident form, built so that keys typed ahead land in order.

Textual runs Enter, Tab and Esc as bindings only after the key has bubbled up to the
app, behind the characters typed after it: `杨秀英⇥杨家2户⇥东片⏎` in one burst would
put everything in the name and save. Here the fields act on those keys at once, in
order, move the focus at once (Screen.set_focus), and pass on keys that reached them
after the focus had moved.

The corner field offers the corners already in the book: a digit picks one (in an
empty field), → completes the start of a name. Textual's SuggestFromList shows the
completion greyed; → completes from the list itself, so a quick `东→` cannot miss
a suggestion still being worked out.
"""

from __future__ import annotations

from textual import events
from textual.binding import Binding
from textual.suggester import SuggestFromList
from textual.widgets import Checkbox, Input

FORM_KEYS = ("enter", "tab", "shift+tab", "escape")  # handled by the form, in order


def pass_on(widget, event: events.Key) -> bool:
    """Send the key on to the focused widget if that is not this one; True if sent."""
    target = widget.screen.focused
    if target is None or target is widget:
        return False
    event.stop()
    event.prevent_default()
    target.post_message(events.Key(event.key, event.character))
    return True


class InOrder:
    """Mixin: the form's keys and the field's own keys act now, not after the burst.

    Other keys go on to the widget's own handler (Textual calls the `_on_key` of each
    class in the MRO until one prevents the default).
    """

    async def _on_key(self, event: events.Key) -> None:
        if pass_on(self, event):
            return
        own = self._bindings.key_to_bindings.get(event.key)
        if event.key in FORM_KEYS or own:
            event.stop()
            event.prevent_default()
            if event.key in FORM_KEYS:
                self.screen.form_key(event.key)
            else:  # Backspace, →, Space on the box ...
                await self.run_action(own[0].action)


class FieldInput(InOrder, Input):
    """A text field of the form."""


class CornerInput(FieldInput):
    """The corner: a digit picks an existing corner, → completes one being typed.

    Digits pick only while the field is empty and only when no corner in the book
    starts with a digit (a village of 1组 2组 types them as text, → completes).
    """

    def __init__(self, corners: list[str], value: str = "", **kwargs):
        suggester = SuggestFromList(corners, case_sensitive=False) if corners else None
        super().__init__(value, suggester=suggester, **kwargs)
        self.corners = corners
        self.digits_pick = not any(c[:1].isdigit() for c in corners)

    async def _on_key(self, event: events.Key) -> None:
        picked = self.picked(event) if self.screen.focused is self else None
        if picked:
            event.stop()
            event.prevent_default()
            self.value = picked
            self.cursor_position = len(picked)

    def picked(self, event: events.Key) -> str | None:
        """The corner a digit picks or → completes to, if the key does that."""
        digit = event.character or ""
        if not self.value and self.digits_pick and len(digit) == 1 and "1" <= digit <= "9":
            return self.corners[int(digit) - 1] if int(digit) <= len(self.corners) else None
        if event.key == "right" and self.value and self.cursor_at_end:
            typed = self.value.casefold()
            return next((c for c in self.corners
                         if c.casefold().startswith(typed) and c != self.value), None)
        return None

    def hint(self) -> list[str]:
        """The corners as the line under the field shows them: `1 东片` or `1组`."""
        shown = self.corners[:9]
        if self.digits_pick:
            shown = [f"{i} {c}" for i, c in enumerate(shown, 1)]
        return shown + ["…"] * (len(self.corners) > 9)


class OnBoardBox(InOrder, Checkbox, inherit_bindings=False):
    """Space ticks it; Enter is left to the form, which saves."""

    BINDINGS = [Binding("space", "toggle_button", show=False)]
