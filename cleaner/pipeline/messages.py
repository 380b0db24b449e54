"""The three calls through which the pipeline tells the user something: error, warning, note.

The pipeline's sinks and the run tally report through this protocol, never by printing, so that they
can be tested without the CLI; the CLI's :class:`~cleaner.cli.report.Report` implements it (and turns
the errors into exit code 2).
"""

from __future__ import annotations

from typing import Protocol

__all__ = ["Messages", "plural"]


class Messages(Protocol):
    """Where the pipeline's messages go (stderr, in the CLI)."""

    def error(self, message: str) -> None:
        """A bad input: the run will end with exit code 2."""

    def warning(self, message: str) -> None:
        """Something was skipped or kept as it was; the run goes on."""

    def note(self, message: str) -> None:
        """Counts and summaries."""


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 removal``, ``2 removals`` (``many``: an irregular plural)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"
