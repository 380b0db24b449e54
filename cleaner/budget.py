"""A per-document time budget: a document that takes too long becomes that document's error.

One record must not stall a dataset run: a user regex that backtracks where RE2 could not take it
(:mod:`cleaner.rules.regex`), or a page built to be slow. :func:`time_budget` arms a real-time timer
(``SIGALRM``) around one document; Python's ``re`` and the interpreter check for signals while they run,
so the timer interrupts even a regex stuck inside one C call, and :class:`TimeBudgetExceeded` unwinds to
the per-record boundary (:func:`cleaner.pipeline.documents.process`), which reports it under
``--on-error``. The timer is only armed in a main thread on a platform with ``setitimer`` and when no
one else owns ``SIGALRM``; elsewhere the document runs unbounded, as before.
"""

from __future__ import annotations

import signal
import threading
from collections.abc import Iterator
from contextlib import contextmanager

from cleaner.result import TimeBudgetExceeded

__all__ = ["TimeBudgetExceeded", "budget_for", "time_budget"]


def budget_for(seconds: float | None, size: int) -> float | None:
    """The budget of a document of ``size`` characters: ``seconds`` plus one second per MB (so a
    legitimately large file is not cut off: cleaning runs at several MB/s); None or 0: no budget."""
    if not seconds:
        return None
    return seconds + size / 1_000_000


@contextmanager
def time_budget(seconds: float | None) -> Iterator[None]:
    """Raise :class:`TimeBudgetExceeded` in the body once ``seconds`` of real time have passed."""
    usable = (
        seconds
        and hasattr(signal, "setitimer")
        and threading.current_thread() is threading.main_thread()
        and signal.getsignal(signal.SIGALRM) in (signal.SIG_DFL, None)
    )
    if not usable:
        yield
        return

    def expired(signum: int, frame: object) -> None:
        raise TimeBudgetExceeded(seconds)  # type: ignore[arg-type]

    signal.signal(signal.SIGALRM, expired)
    signal.setitimer(signal.ITIMER_REAL, seconds)  # type: ignore[arg-type]
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, signal.SIG_DFL)
