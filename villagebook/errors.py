"""The one error the core raises: a message key and its values, worded at display time."""

from villagebook.i18n import t


class BookError(Exception):
    """A refusal a user can act on; shown as one line in the user's language."""

    def __init__(self, message_key: str, /, **values):
        super().__init__(message_key)
        self.key = message_key
        self.values = values

    def __str__(self) -> str:
        return t(self.key, **self.values)
