"""What the CLI tells the user on stderr, and the exit code it ends with.

:class:`Report` owns the exit code the way black's ``Report`` does, so every command agrees on it:

* ``0`` — nothing found / everything went fine;
* ``1`` — something was found (``check``), or inline rule tests failed (``rules test``);
* ``2`` — bad input, bad usage or bad rule files (an error always wins over a finding);
* ``3`` — an internal error: an unexpected exception, i.e. a bug in ``cleaner``. It is distinct from
  ``1`` so that CI never reads a crash of ``check`` as "found removals".

The pipeline's sinks report through the same three calls (``error``, ``warning``, ``note``: the
:class:`~cleaner.pipeline.sinks.Messages` protocol), so they can be tested without the CLI.
"""

from __future__ import annotations

import sys
import traceback

__all__ = ["EXIT_OK", "EXIT_FOUND", "EXIT_ERROR", "EXIT_INTERNAL", "Report"]

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_ERROR = 2
EXIT_INTERNAL = 3


class Report:
    """Collects what happened during a run and turns it into stderr messages and one exit code.

    Messages are written to ``sys.stderr`` as looked up at call time (so test runners that swap the
    stream see them). ``quiet`` silences warnings and summaries, never errors.
    """

    def __init__(self, *, quiet: bool = False) -> None:
        self.quiet = quiet
        self.errors = 0
        self.findings = 0
        self.test_failures = 0
        self.crashed = False

    # -- messages
    def error(self, message: str) -> None:
        """A bad input or usage: one line, and the run will exit with 2."""
        self.errors += 1
        print(f"cleaner: error: {message}", file=sys.stderr, flush=True)

    def internal_error(self, exc: BaseException) -> None:
        """An unexpected exception (a bug): one line, then the traceback; the run exits with 3."""
        self.crashed = True
        print(f"cleaner: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        sys.stderr.flush()

    def warning(self, message: str) -> None:
        if not self.quiet:
            print(f"cleaner: warning: {message}", file=sys.stderr, flush=True)

    def note(self, message: str) -> None:
        """Counts and summaries; stderr so that stdout stays pure output."""
        if not self.quiet:
            print(message, file=sys.stderr, flush=True)

    # -- outcomes
    def found(self, count: int = 1) -> None:
        """Findings that should make ``check`` fail (already filtered by ``--fail-on``)."""
        self.findings += count

    def tests_failed(self, count: int) -> None:
        self.test_failures += count

    @property
    def exit_code(self) -> int:
        if self.crashed:
            return EXIT_INTERNAL
        if self.errors:
            return EXIT_ERROR
        if self.findings or self.test_failures:
            return EXIT_FOUND
        return EXIT_OK


