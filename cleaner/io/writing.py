"""Write the CLI's outputs so that a crash, a full disk or a bad JSONL line never leaves a half-file.

Every file is written to a temporary file in the *same* directory (so the final rename stays on one
filesystem), flushed and fsync'ed, then moved over the target with :func:`os.replace`, which is atomic
on POSIX and Windows: readers see either the old file or the new one, never a mixture. ``--backup
SUFFIX`` first copies the original next to it. Output is always UTF-8 without a byte-order mark.
"""

from __future__ import annotations

import contextlib
import filecmp
import json
import os
import shutil
import sys
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from cleaner.result import Result

__all__ = [
    "output_text",
    "AtomicOutput",
    "atomic_write",
    "atomic_output",
    "backup_path",
    "write_stdout",
    "jsonl_line",
    "record_line",
]


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


class AtomicOutput:
    """A binary file that replaces ``path`` only if the ``with`` block completes (see :func:`atomic_output`).

    After the block, :attr:`replaced` says whether ``path`` was actually replaced (False when the block
    failed, or when ``keep_if_same`` found the new content identical to the existing file).
    """

    def __init__(self, path: Path, *, backup: str | None = None, keep_if_same: bool = False) -> None:
        self.path = Path(path)
        self.backup = backup
        self.keep_if_same = keep_if_same
        self.replaced = False
        self._directory = self.path.parent if str(self.path.parent) else Path(".")
        self._tmp: Path | None = None
        self._fh: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        self._directory.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{self.path.name}.", suffix=".tmp", dir=self._directory)
        self._tmp = Path(tmp_name)
        self._fh = os.fdopen(fd, "wb")
        return self._fh

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        assert self._tmp is not None and self._fh is not None
        try:
            if exc_type is None:
                self._commit(self._tmp, self._fh)
        except BaseException:
            self._discard(self._tmp, self._fh)
            raise
        if exc_type is not None:
            self._discard(self._tmp, self._fh)

    def _commit(self, tmp: Path, fh: IO[bytes]) -> None:
        fh.flush()
        os.fsync(fh.fileno())
        fh.close()
        path = self.path
        if self.keep_if_same and path.is_file() and filecmp.cmp(tmp, path, shallow=False):
            tmp.unlink()
            return
        if path.exists():
            with contextlib.suppress(OSError):
                shutil.copymode(path, tmp)  # keep the original's permissions
            if self.backup:
                shutil.copy2(path, backup_path(path, self.backup))
        else:
            # mkstemp creates 0600 files; give a new file the usual umask-based mode instead.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
        self.replaced = True
        _fsync_dir(self._directory)

    @staticmethod
    def _discard(tmp: Path, fh: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            fh.close()
        with contextlib.suppress(OSError):
            tmp.unlink()


def atomic_output(path: Path, *, backup: str | None = None, keep_if_same: bool = False) -> AtomicOutput:
    """``with atomic_output(path) as fh:`` — a binary file that replaces ``path`` only if the block completes.

    On any exception the temporary file is deleted and ``path`` is left exactly as it was (or absent),
    which is what lets a JSONL run that stops on a bad line promise that nothing was half-written.
    ``keep_if_same``: when the new content equals the existing file, leave that file (its mtime and any
    earlier backup) alone; the returned object's ``replaced`` tells the caller which happened.
    """
    return AtomicOutput(path, backup=backup, keep_if_same=keep_if_same)


def atomic_write(path: Path, data: str, *, backup: str | None = None, keep_if_same: bool = False) -> bool:
    """Atomically replace ``path`` with ``data`` (UTF-8); return whether the file was written."""
    output = atomic_output(path, backup=backup, keep_if_same=keep_if_same)
    with output as fh:
        fh.write(data.encode("utf-8"))
    return output.replaced


def write_stdout(data: str | Iterable[bytes]) -> None:
    """Write to standard output in UTF-8 whatever the locale, keeping order with earlier text writes.

    ``data`` is a string, or chunks of UTF-8 bytes (a dataset's lines) written as they come and flushed
    once at the end, not per chunk — also when the chunks stop with an exception, so what came before
    (the records before a bad JSONL line) stays written.
    """
    chunks = [data.encode("utf-8")] if isinstance(data, str) else data
    sys.stdout.flush()
    buffer = getattr(sys.stdout, "buffer", None)
    try:
        for chunk in chunks:
            if buffer is None:
                sys.stdout.write(chunk.decode("utf-8"))
            else:
                buffer.write(chunk)
    finally:
        (buffer or sys.stdout).flush()


def jsonl_line(
    raw: bytes,
    record: dict[str, Any],
    clean_text: str,
    *,
    text_field: str,
    output_field: str | None,
    extra: dict[str, Any] | None = None,
) -> bytes:
    """The output line (newline included) of a JSONL record whose text cleans to ``clean_text``.

    A record is re-serialised only when its text changes (or a field is added), so an untouched record
    is its input line ``raw`` byte for byte (number spelling, escapes, spacing). A lone surrogate escape
    in another field cannot be written as UTF-8: that record is written with ASCII escapes instead,
    which is lossless. ``extra`` fields (page metadata for ``--format json``) are added where the
    record does not already have them: a record's own fields are never overwritten.
    """
    if output_field is None and not extra and clean_text == record.get(text_field):
        return raw + b"\n"
    out = dict(record)
    out[output_field or text_field] = clean_text
    for key, value in (extra or {}).items():
        out.setdefault(key, value)
    try:
        return (json.dumps(out, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(out) + "\n").encode("ascii")


def record_line(record: dict[str, Any]) -> bytes:
    """A record built by the cleaner (from a Parquet row or a WARC page) as one JSON line.

    Values JSON has no type for (timestamps, decimals, binary columns) are written as their string form.
    """
    try:
        return (json.dumps(record, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record, default=str) + "\n").encode("ascii")
