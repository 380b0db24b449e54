"""Write the CLI's outputs so that a crash, a full disk or a bad JSONL line never leaves a half-file.

Every file is written to a temporary file in the *same* directory (so the final rename stays on one
filesystem), flushed and fsync'ed, then moved over the target with :func:`os.replace`, which is atomic
on POSIX and Windows: readers see either the old file or the new one, never a mixture. ``--backup
SUFFIX`` first copies the original next to it. Output is always UTF-8 without a byte-order mark.
"""

from __future__ import annotations

import contextlib
import filecmp
import os
import shutil
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO

from .result import Result

__all__ = ["output_text", "atomic_write", "atomic_output", "backup_path", "write_stdout"]


def output_text(result: Result) -> str:
    """The file form of a result: its text plus one final newline, or nothing at all when empty."""
    return result.text + "\n" if result.text else ""


def backup_path(path: Path, suffix: str) -> Path:
    """``page.txt`` + ``.orig`` → ``page.txt.orig``."""
    return path.with_name(path.name + suffix)


def _fsync_dir(directory: Path) -> None:
    """Make the rename itself durable; best effort (not possible on every platform)."""
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def atomic_output(path: Path, *, backup: str | None = None, keep_if_same: bool = False) -> Iterator[IO[bytes]]:
    """Yield a binary file that replaces ``path`` only if the ``with`` block completes.

    On any exception the temporary file is deleted and ``path`` is left exactly as it was (or absent),
    which is what lets a JSONL run that stops on a bad line promise that nothing was half-written.
    ``keep_if_same``: when the new content equals the existing file, leave that file (its mtime and any
    earlier backup) alone.
    """
    path = Path(path)
    directory = path.parent if str(path.parent) else Path(".")
    directory.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        if keep_if_same and path.is_file() and filecmp.cmp(tmp, path, shallow=False):
            tmp.unlink()
            return
        if path.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(path, tmp)  # keep the original's permissions
            if backup:
                shutil.copy2(path, backup_path(path, backup))
        else:
            # mkstemp creates 0600 files; give a new file the usual umask-based mode instead.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(directory)


def atomic_write(path: Path, data: str, *, backup: str | None = None) -> None:
    """Atomically replace ``path`` with ``data`` (UTF-8)."""
    with atomic_output(path, backup=backup) as fh:
        fh.write(data.encode("utf-8"))


def write_stdout(data: str) -> None:
    """Write UTF-8 to standard output whatever the locale, keeping order with earlier text writes."""
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(data)
    else:
        buffer.write(data.encode("utf-8"))
        buffer.flush()
