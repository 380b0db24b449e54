"""Write the CLI's outputs so that a crash, a full disk or a bad JSONL line never leaves a half-file.

Every file is written to a temporary file in the *same* directory (so the final rename stays on one
filesystem), flushed and fsync'ed, then moved over the target with :func:`os.replace`, which is atomic
on POSIX and Windows: readers see either the old file or the new one, never a mixture. The temporary
file has no name until it is complete where the platform allows it (:mod:`cleaner.io.tempfiles`), so a
killed run leaves nothing behind. ``--backup SUFFIX`` first copies the original next to it, once: an
existing backup is never replaced. Output is always UTF-8 without a byte-order mark.
"""

from __future__ import annotations

import contextlib
import filecmp
import json
import os
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path
from typing import IO, Any

from cleaner.io.tempfiles import TempFile, open_temp, sweep
from cleaner.result import Result

__all__ = [
    "output_text",
    "AtomicOutput",
    "atomic_write",
    "atomic_output",
    "backup_path",
    "keep_first_backup",
    "write_stdout",
    "silence_stdout",
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
        self._temp: TempFile | None = None
        self._fh: IO[bytes] | None = None

    def __enter__(self) -> IO[bytes]:
        self._directory.mkdir(parents=True, exist_ok=True)
        sweep(self.path, self._directory)  # leftovers of a writer that was killed (see cleaner.io.tempfiles)
        self._temp = open_temp(self.path, self._directory)
        self._fh = os.fdopen(self._temp.fd, "wb")
        return self._fh

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: object) -> None:
        assert self._temp is not None and self._fh is not None
        try:
            if exc_type is None:
                self._commit(self._temp, self._fh)
        except BaseException:
            self._discard(self._temp, self._fh)
            raise
        if exc_type is not None:
            self._discard(self._temp, self._fh)

    def _commit(self, temp: TempFile, fh: IO[bytes]) -> None:
        fh.flush()
        os.fsync(fh.fileno())
        path = self.path
        if self.keep_if_same and path.is_file() and filecmp.cmp(temp.readable_path, path, shallow=False):
            self._discard(temp, fh)
            return
        if path.exists():
            with contextlib.suppress(OSError):
                os.chmod(fh.fileno(), os.stat(path).st_mode & 0o7777)  # keep the original's permissions
            if self.backup:
                keep_first_backup(path, backup_path(path, self.backup))
        else:
            # temporary files are created 0600; give a new file the usual umask-based mode instead.
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(fh.fileno(), 0o666 & ~umask)
        tmp = temp.name_it()
        fh.close()
        os.replace(tmp, path)
        self.replaced = True
        _fsync_dir(self._directory)

    @staticmethod
    def _discard(temp: TempFile, fh: IO[bytes]) -> None:
        with contextlib.suppress(OSError):
            fh.close()
        temp.discard()


def keep_first_backup(path: Path, backup: Path) -> bool:
    """Copy ``path`` to ``backup`` unless a backup is already there; return whether one was made.

    A backup is the *first* original: a second ``--in-place --backup`` run must not replace it with
    already-cleaned text. The copy is made under a temporary name and linked into place, which fails
    (and keeps the existing backup) if another run made one meanwhile.
    """
    if backup.exists() or backup.is_symlink():
        return False
    directory = backup.parent
    temp = open_temp(backup, directory)
    try:
        with os.fdopen(temp.fd, "wb", closefd=False) as out, path.open("rb") as src:
            shutil.copyfileobj(src, out)
            out.flush()
            os.fsync(out.fileno())
        with contextlib.suppress(OSError):
            shutil.copystat(path, temp.readable_path)
        tmp = temp.name_it()
        try:
            os.link(tmp, backup)
        except FileExistsError:
            return False
        except OSError:  # a filesystem without hard links: the check above is the guard
            if backup.exists():
                return False
            shutil.copy2(tmp, backup)
        return True
    finally:
        os.close(temp.fd)
        temp.discard()


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


def silence_stdout() -> None:
    """Point standard output at /dev/null (its reader closed the pipe), so that the final flush of
    what is still buffered raises nothing."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
