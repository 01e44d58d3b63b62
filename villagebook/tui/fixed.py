"""The record form's boxes, sized by app.tcss and never by what they show.

Textual lays out the whole screen again when an Input's text or an OptionList's number
of options changes, and a layout repaints every scrollbar one frame later (~30 ms on the
record screen). These boxes have fixed sizes, so a key typed repaints them alone: the
search list is redrawn within one frame of the key (issue 14: < 20 ms at 100,000). The
status line under them asks for a layout only when its text needs another number of
lines.
"""

from __future__ import annotations

from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from villagebook.i18n import t
from villagebook.quantities import fmt_points
from villagebook.texttable import pad


class FieldBox(Input):
    """One line of the form (width and height set in app.tcss). The form checks what is
    typed itself: Textual's validation, with no validator, only marks the box "-valid" the
    first time its text changes or it loses the focus, and that styles it again."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, validate_on=(), **kwargs)

    def refresh(self, *regions, repaint=True, layout=False, recompose=False):
        return super().refresh(*regions, repaint=repaint, layout=False, recompose=recompose)


class CandidateList(OptionList):
    """The residents found so far. Its height follows its options only while the form
    asks which one (.asking: height auto); its scrollbar is always there (overflow-y:
    scroll), as a scrollbar that comes and goes is a layout too."""

    _rule = None  # the height rule the screen was last laid out with

    def refresh(self, *regions, repaint=True, layout=False, recompose=False):
        rule = (self.styles.height, self.styles.max_height)
        if layout and rule == self._rule and not self.styles.height.is_auto:
            layout = False
        self._rule = rule
        return super().refresh(*regions, repaint=repaint, layout=layout, recompose=recompose)

    def show(self, found, points: dict[str, int], asking: bool) -> None:
        """One line per resident (numbered when asking), set at once: one repaint."""
        lines = []
        for number, r in enumerate(found, 1):
            where = pad(f"{r.household} {r.corner}", 18)
            label = f"{pad(r.name, 10)} {where} " + t(
                "ui.this_month", points=fmt_points(points.get(r.id, 0)))
            lines.append(Option(f"{number} {label}" if asking else label, id=r.id))
        if lines:
            self.set_options(lines)
        else:  # set_options([]) leaves the list's new size to be found while it is drawn,
            self.clear_options()  # and its scrollbar then asks for a second frame


class StatusLine(Static):
    """The line under the form: one line, or two for a long message (app.tcss). Static
    lays out the whole screen again on every update, which costs a keystroke a frame
    more (a search that finds nobody: 25-40 ms instead of 5); it is asked for only when
    the text needs another number of lines than the box has."""

    def say(self, text: str) -> None:
        width, height = self.content_size
        self.update(text, layout=False)
        lines = self.visual.get_height(self.styles, width) if width else 0  # as it is drawn
        if not width or min(max(lines, 1), 2) != height:
            self.refresh(layout=True)
