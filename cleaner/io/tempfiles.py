"""Temporary files of atomic writes that no death of the process leaves behind.

On Linux a temporary file is opened with ``O_TMPFILE``: it has no name at all until the write is
complete, when it is linked into the directory (``linkat``, see :func:`_link_fd`) under a
temporary name and renamed over the target at once, so a ``kill -9`` at any earlier moment leaves
nothing. Elsewhere (or on a filesystem without ``O_TMPFILE``) the file is a named ``.NAME.XXXX.tmp``
held under an exclusive ``flock`` while it is written: the next write into that directory
(:func:`sweep`) removes every such file whose lock is free, since its writer is dead. The lock is what
tells a dead writer's leftover from a file another run is writing right now.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import time
from dataclasses import dataclass
from pathlib import Path

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows: no flock, no sweeping (the rename is still atomic)
    fcntl = None  # type: ignore[assignment]

__all__ = ["TempFile", "open_temp", "sweep", "temp_prefix"]

_SUFFIX = ".tmp"
_O_TMPFILE = getattr(os, "O_TMPFILE", 0)
_PROC_FD = Path("/proc/self/fd")
_MIN_AGE = 10.0  # seconds: a younger leftover may be a file whose writer has not locked it yet


def temp_prefix(target: Path) -> str:
    return f".{target.name}."


@dataclass
class TempFile:
    """An open temporary file for ``target``: ``fd``; ``path`` None while it has no name (O_TMPFILE)."""

    fd: int
    path: Path | None
    directory: Path
    target: Path

    @property
    def readable_path(self) -> Path:
        """A path that opens this file (its name, or its ``/proc`` entry while it has none)."""
        return self.path if self.path is not None else _PROC_FD / str(self.fd)

    def name_it(self) -> Path:
        """Give the file a name in its directory (a no-op for a named one) and return it."""
        if self.path is None:
            while True:
                name = self.directory / f"{temp_prefix(self.target)}{secrets.token_hex(4)}{_SUFFIX}"
                try:
                    _link_fd(self.fd, name)
                    break
                except FileExistsError:
                    continue
            self.path = name
        return self.path

    def discard(self) -> None:
        """Remove the file's name, if it has one (an unnamed file vanishes with its descriptor)."""
        if self.path is not None:
            with contextlib.suppress(OSError):
                self.path.unlink()


_AT_FDCWD = -100
_AT_EMPTY_PATH = 0x1000


def _link_fd(fd: int, name: Path) -> None:
    """Give the unnamed file ``fd`` the name ``name``: ``linkat(fd, "", AT_EMPTY_PATH)`` (needs
    CAP_DAC_READ_SEARCH), else through its ``/proc/self/fd`` entry (the unprivileged way)."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.linkat(fd, b"", _AT_FDCWD, os.fsencode(name), _AT_EMPTY_PATH) == 0:
            return
        errno = ctypes.get_errno()
        if errno == 17:  # EEXIST
            raise FileExistsError(errno, os.strerror(errno), str(name))
    except (OSError, AttributeError) as exc:
        if isinstance(exc, FileExistsError):
            raise
    os.link(_PROC_FD / str(fd), name, follow_symlinks=True)


_LINKABLE: dict[int, bool] = {}  # st_dev → whether an O_TMPFILE file there can be linked into place


def _unnamed(directory: Path) -> int | None:
    """An ``O_TMPFILE`` descriptor in ``directory``, if that filesystem supports creating *and* linking
    one (overlayfs, for one, creates it but refuses the link with EXDEV); probed once per device."""
    if not _O_TMPFILE or not _PROC_FD.is_dir():
        return None
    try:
        dev = os.stat(directory).st_dev
        fd = os.open(directory, _O_TMPFILE | os.O_WRONLY, 0o600)
    except OSError:  # no O_TMPFILE support (EOPNOTSUPP, EISDIR on old kernels)
        return None
    if dev not in _LINKABLE:
        probe = directory / f".cleaner-probe.{secrets.token_hex(4)}{_SUFFIX}"
        try:
            _link_fd(fd, probe)
            _LINKABLE[dev] = True
            probe.unlink()
        except OSError:
            _LINKABLE[dev] = False
        os.close(fd)  # a file linked once cannot be linked again after its unlink: take a fresh one
        fd = os.open(directory, _O_TMPFILE | os.O_WRONLY, 0o600)
    if not _LINKABLE[dev]:
        os.close(fd)
        return None
    return fd


def open_temp(target: Path, directory: Path) -> TempFile:
    """A new temporary file for ``target`` in ``directory`` (mode 0600, like ``mkstemp``)."""
    fd = _unnamed(directory)
    if fd is not None:
        return TempFile(fd, None, directory, target)
    while True:
        path = directory / f"{temp_prefix(target)}{secrets.token_hex(4)}{_SUFFIX}"
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            continue
        if fcntl is not None:
            fcntl.flock(fd, fcntl.LOCK_EX)
        return TempFile(fd, path, directory, target)


def sweep(target: Path, directory: Path) -> list[Path]:
    """Remove the temporary files of ``target`` that a dead writer left in ``directory``; return them.

    A file is only removed when its ``flock`` can be taken, i.e. no living process is writing it.
    """
    if fcntl is None:
        return []
    removed = []
    prefix = temp_prefix(target)
    with contextlib.suppress(OSError):
        for entry in os.scandir(directory):
            if not (entry.name.startswith(prefix) and entry.name.endswith(_SUFFIX)) or not entry.is_file():
                continue
            with contextlib.suppress(OSError):
                if time.time() - entry.stat().st_mtime < _MIN_AGE:
                    continue  # just created: its writer may not hold the lock yet
            try:
                fd = os.open(entry.path, os.O_RDONLY)
            except OSError:
                continue
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:
                continue  # a living writer holds it
            else:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
            finally:
                os.close(fd)
    return removed
