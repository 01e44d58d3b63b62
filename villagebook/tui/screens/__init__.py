"""One module per screen, and one per modal."""
