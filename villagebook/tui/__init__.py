"""The gatherer's terminal UI (Textual). Screens ask the core; none of them writes SQL."""
