"""How a run ends when it is told to: SIGTERM like Ctrl-C, a closed stdout like ``cat`` does.

* **SIGTERM** (what ``timeout``, systemd and Kubernetes send) raises :class:`Terminated`, a
  ``KeyboardInterrupt``, so it unwinds exactly like Ctrl-C: every atomic output being written is
  discarded (its temporary file removed), workers are stopped, and the run exits ``128 + signal``
  (130 for Ctrl-C, 143 for SIGTERM) with one ``cleaner: error:`` line.
* **A closed stdout** (``cleaner clean big.jsonl | head -1``) ends the run quietly with exit code 141
  (128 + SIGPIPE, what a shell reports for ``cat`` or ``yes`` in the same place), never 1, which is
  reserved for findings; stdout is pointed at ``/dev/null`` so that Python's final flush stays silent.
"""

from __future__ import annotations

import signal
import threading

from cleaner.io.writing import silence_stdout

__all__ = ["BROKEN_PIPE_EXIT", "Terminated", "exit_code", "install", "stdout_closed"]

BROKEN_PIPE_EXIT = 128 + 13  # SIGPIPE


class Terminated(KeyboardInterrupt):
    """Raised in the main thread by SIGTERM (and SIGHUP): handled everywhere as Ctrl-C is."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise(signum: int, frame: object) -> None:
    raise Terminated(signum)


def install() -> None:
    """SIGTERM and SIGHUP raise :class:`Terminated` (main thread, where a handler can be installed)."""
    if threading.current_thread() is not threading.main_thread():
        return
    for name in ("SIGTERM", "SIGHUP"):
        signum = getattr(signal, name, None)
        if signum is not None and signal.getsignal(signum) == signal.SIG_DFL:
            signal.signal(signum, _raise)


def exit_code(exc: KeyboardInterrupt) -> int:
    """128 + the signal that stopped the run (SIGINT for a plain Ctrl-C)."""
    return 128 + getattr(exc, "signum", signal.SIGINT)


def stdout_closed() -> None:
    """The reader of stdout went away: what is still buffered goes to /dev/null, silently."""
    silence_stdout()
