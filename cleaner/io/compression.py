"""Compressed datasets: read gzip/zstd streams by their magic bytes, write them by the output's suffix.

Reading sniffs the first bytes rather than trusting the name, so ``zcat``-style pipes into stdin and a
mis-named file both work. Writing follows the output file name (``.gz`` / ``.zst``), which is what a
user asking for ``-o out.jsonl.gz`` expects. gzip output is written with mtime 0 so that the same
input gives the same bytes (``--in-place`` leaves an unchanged file alone, and ``--jobs`` is
byte-identical). zstd needs the optional ``zstandard`` package (``pip install 'feed-cleaner[zstd]'``);
without it a ``.zst`` input or output is refused with that install line.

Corruption (a bad header, a truncated stream, a CRC error) surfaces while the stream is read, possibly
after many good lines; :data:`CORRUPT` lists the exceptions the readers raise for it so that the line
reader can turn them into one clear message with the last good line number.
"""

from __future__ import annotations

import gzip
import io
import zlib
from pathlib import Path
from typing import IO, Any

__all__ = ["GZIP_MAGIC", "ZSTD_MAGIC", "CORRUPT", "MissingExtra", "sniff", "open_decompressed", "compressor_for"]

GZIP_MAGIC = b"\x1f\x8b"
ZSTD_MAGIC = b"\x28\xb5\x2f\xfd"


class MissingExtra(Exception):
    """An optional dependency is needed for this input or output; the message says which extra to install."""


def _zstd_errors() -> tuple[type[BaseException], ...]:
    try:
        import zstandard
    except ImportError:
        return ()
    return (zstandard.ZstdError,)


#: What a damaged compressed stream raises while it is read (gzip: BadGzipFile is an OSError;
#: a truncated stream raises EOFError; a damaged deflate block zlib.error).
CORRUPT: tuple[type[BaseException], ...] = (gzip.BadGzipFile, EOFError, zlib.error, *_zstd_errors())


def _zstandard() -> Any:
    try:
        import zstandard
    except ImportError:
        raise MissingExtra(
            "zstd-compressed data needs the zstandard package: pip install 'feed-cleaner[zstd]'"
        ) from None
    return zstandard


def sniff(stream: IO[bytes]) -> str | None:
    """``"gzip"``, ``"zstd"`` or None, from the first bytes of a buffered binary stream (not consumed)."""
    head = stream.peek(4)[:4] if hasattr(stream, "peek") else b""
    if head.startswith(GZIP_MAGIC):
        return "gzip"
    if head.startswith(ZSTD_MAGIC):
        return "zstd"
    return None


def open_decompressed(stream: IO[bytes]) -> IO[bytes]:
    """A buffered binary stream of the decompressed bytes of ``stream`` (itself when not compressed)."""
    if not hasattr(stream, "peek"):
        stream = io.BufferedReader(stream)  # type: ignore[arg-type]
    kind = sniff(stream)
    if kind == "gzip":
        return gzip.GzipFile(fileobj=stream, mode="rb")  # type: ignore[return-value]
    if kind == "zstd":
        reader = _zstandard().ZstdDecompressor().stream_reader(stream, read_across_frames=True)
        return io.BufferedReader(reader, buffer_size=1 << 20)  # type: ignore[arg-type]
    return stream


def compressor_for(path: Path | None, fh: IO[bytes]) -> IO[bytes] | None:
    """A writer that compresses into ``fh`` when ``path`` ends in ``.gz`` or ``.zst`` (None: write plain).

    The caller must close the returned writer (which flushes the stream's trailer) before ``fh``.
    """
    if path is None:
        return None
    name = path.name.lower()
    if name.endswith(".gz"):
        # level 6, gzip's own default: level 9 (Python's) is ~2x slower for a few % smaller files
        return gzip.GzipFile(fileobj=fh, mode="wb", compresslevel=6, mtime=0, filename="")  # type: ignore[return-value]
    if name.endswith(".zst"):
        return _zstandard().ZstdCompressor(level=3).stream_writer(fh, closefd=False)  # type: ignore[no-any-return]
    return None
