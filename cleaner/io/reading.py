"""Read the CLI's inputs: text files, folders, standard input and JSONL datasets.

Decisions, in one place so that every command reads the same way:

* **Which files a folder yields.** Folders are walked recursively and yield the *text documents* in
  them: ``*.txt``, ``*.text``, ``*.md`` and ``*.markdown`` (:data:`TEXT_SUFFIXES`) and the HTML pages
  ``*.html``, ``*.htm``, ``*.xhtml`` (:data:`HTML_SUFFIXES`), sorted, skipping
  hidden files and folders (names starting with ``.``), and the datasets (``*.jsonl``,
  ``*.jsonl.gz``, ``*.jsonl.zst``, ``*.parquet``, ``*.warc``, ``*.warc.gz``), cleaned record by
  record. ``*.json`` is not picked up: a JSON document is not prose, and cleaning its raw bytes would
  corrupt it. ``exclude`` globs (the configuration's ``exclude``) leave files out by their path inside
  the folder or their name. A file named explicitly is always read, whatever its suffix.
* **Decoding.** Bytes are decoded as UTF-8; a byte-order mark (UTF-8, UTF-16 or UTF-32) is honoured
  and dropped. Other encodings are detected with ``charset-normalizer`` when it is installed (optional
  import); otherwise the input is refused with a clear message instead of being guessed at.
* **Newlines.** ``\\r\\n`` and lone ``\\r`` become ``\\n`` (as Python's text mode does), so spans, line
  numbers and the written output agree whatever the platform of the scraper.
* **JSONL** is streamed line by line from the binary stream (constant memory, whatever the size of the
  dataset). Each line becomes a :class:`JsonlItem` carrying its 1-based line number and either the
  record's fields or the *problem* that makes it unusable, so the caller applies its ``--on-error``
  policy with an exact location. gzip and zstd streams are decompressed on the fly (recognised by their
  first bytes, :mod:`cleaner.io.compression`); a damaged stream stops the file with the last good line
  number, and a last line cut off without its newline says so.
* **Dataset formats** are told apart by the file name (:attr:`Source.format`): ``.jsonl`` (also
  ``.jsonl.gz``/``.jsonl.zst``), ``.parquet`` (:mod:`cleaner.io.parquet`) and ``.warc``/``.warc.gz``
  (:mod:`cleaner.io.warc`); anything else is a text document.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from fnmatch import fnmatch
from pathlib import Path
from typing import IO, Any

from cleaner.html.encoding import UndecodableError, decode_text
from cleaner.io.compression import CORRUPT, MissingExtra, open_decompressed
from cleaner.io.feedsniff import FEED_SUFFIXES, SNIFF_SUFFIXES, is_feed_file
from cleaner.io.records import RecordFields, json_kind, select_fields

__all__ = [
    "TEXT_SUFFIXES",
    "STDIN",
    "InputError",
    "Source",
    "JsonlItem",
    "expand_inputs",
    "decode",
    "read_text",
    "read_bytes",
    "HTML_SUFFIXES",
    "iter_jsonl",
    "iter_lines",
    "RecordItem",
    "parse_line",
    "open_binary",
    "dataset_format",
]

TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".text", ".md", ".markdown")
HTML_SUFFIXES: tuple[str, ...] = (".html", ".htm", ".xhtml")  # pages: their main content is extracted
STDIN = "-"


class InputError(Exception):
    """A user-facing problem with an input (missing file, undecodable bytes…): one line, no traceback."""


@dataclass(frozen=True)
class Source:
    """One input document or dataset.

    ``name`` is what messages show (the path as given, or ``<stdin>``); ``path`` is None for standard
    input; ``rel`` is the path relative to the folder it was found in (or its file name), which
    ``-o DIR`` mirrors.
    """

    name: str
    path: Path | None
    rel: Path

    @property
    def is_stdin(self) -> bool:
        return self.path is None

    @property
    def format(self) -> str:
        """``jsonl``, ``parquet``, ``warc`` or ``text``, from the file name (stdin: ``text``)."""
        return "text" if self.path is None else dataset_format(self.path.name)

    @property
    def is_jsonl(self) -> bool:
        return self.format == "jsonl"


_DATASET_SUFFIXES: tuple[tuple[str, str], ...] = (
    (".jsonl", "jsonl"),
    (".jsonl.gz", "jsonl"),
    (".jsonl.zst", "jsonl"),
    (".parquet", "parquet"),
    (".warc", "warc"),
    (".warc.gz", "warc"),
)


_FOLDER_DATASETS = tuple(suffix for suffix, _ in _DATASET_SUFFIXES)


def dataset_format(name: str) -> str:
    """The format a file name says: ``jsonl``, ``parquet``, ``warc``, or ``text`` for anything else."""
    lower = name.lower()
    return next((fmt for suffix, fmt in _DATASET_SUFFIXES if lower.endswith(suffix)), "text")


def _stdin_source() -> Source:
    return Source("<stdin>", None, Path("stdin"))


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def _in_folder(q: Path, rel: Path, exclude: tuple[str, ...]) -> bool:
    """Whether a folder yields ``q`` (``rel``: its path inside the folder): a document or a dataset,
    not hidden, not excluded."""
    suffix = q.suffix.lower()
    wanted = suffix in TEXT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES or dataset_format(q.name) != "text"
    if _hidden(rel) or not q.is_file():
        return False
    if not wanted and not (suffix in SNIFF_SUFFIXES and is_feed_file(q)):  # a .xml/.json file that is a feed
        return False
    return not any(fnmatch(rel.as_posix(), g) or fnmatch(q.name, g) for g in exclude)


def expand_inputs(paths: Iterable[str], *, exclude: Iterable[str] = ()) -> tuple[list[Source], bool]:
    """Turn command-line paths into sources; also say whether any folder was given.

    No path (or ``-``) means standard input. A missing path raises :class:`InputError` before anything
    is read or written, so a typo never leaves a half-done batch.
    """
    sources: list[Source] = []
    any_folder = False
    globs = tuple(exclude)
    given = list(paths) or [STDIN]
    if given.count(STDIN) > 1:
        raise InputError("standard input ('-') can be given only once")
    for p in given:
        if p == STDIN:
            sources.append(_stdin_source())
            continue
        path = Path(p)
        if path.is_dir():
            any_folder = True
            found = sorted(q for q in path.rglob("*") if _in_folder(q, q.relative_to(path), globs))
            if not found:
                kinds = ", ".join("*" + s for s in TEXT_SUFFIXES + HTML_SUFFIXES + FEED_SUFFIXES + _FOLDER_DATASETS)
                raise InputError(f"{p}: folder holds no text, HTML, feed or dataset files ({kinds}, feed *.xml/*.json)")
            sources.extend(Source(str(q), q, q.relative_to(path)) for q in found)
        elif path.is_file():
            sources.append(Source(p, path, Path(path.name)))
        elif path.exists():
            raise InputError(f"{p}: not a regular file or folder")
        else:
            raise InputError(f"{p}: no such file or folder")
    return sources, any_folder


def decode(data: bytes, name: str) -> str:
    """Decode ``data`` to text (see the module docstring), with newlines normalised to ``\\n``."""
    try:
        return decode_text(data)
    except UndecodableError as exc:
        raise InputError(f"{name}: {exc}") from None


def open_binary(source: Source) -> IO[bytes]:
    """The source's bytes as a binary stream (stdin's buffer for ``-``)."""
    if source.path is None:
        return sys.stdin.buffer
    try:
        return source.path.open("rb")
    except OSError as exc:
        raise InputError(f"{source.name}: cannot read: {exc.strerror or exc}") from None


def read_text(source: Source) -> str:
    """Read and decode a whole text document."""
    return decode(read_bytes(source), source.name)


_stdin_data: list[tuple[Any, bytes]] = []  # (stdin stream, its bytes): a feed on stdin is read twice


def read_bytes(source: Source) -> bytes:
    """Read a whole document's bytes (an HTML page is decoded by the extractor, which reads its <meta>).

    Standard input's bytes are kept once read, so that a feed on stdin can be parsed again to be
    written back.
    """
    stream = open_binary(source)
    if source.path is None and _stdin_data and _stdin_data[0][0] is stream:
        return _stdin_data[0][1]
    try:
        data = stream.read()
    except OSError as exc:
        raise InputError(f"{source.name}: cannot read: {exc.strerror or exc}") from None
    finally:
        if source.path is not None:
            stream.close()
    if source.path is None:
        _stdin_data[:] = [(stream, data)]
    return data


# ------------------------------------------------------------------------------------------ JSONL
@dataclass(frozen=True)
class JsonlItem:
    """One non-blank line of a JSONL file.

    ``record`` is the parsed object when the line is usable (then ``text`` holds its text field and
    ``problem`` is None); otherwise ``problem`` says what is wrong. ``raw`` is the line as read (without
    its newline), so ``--on-error keep`` can copy it through byte for byte.
    """

    line: int
    raw: bytes
    record: dict[str, Any] | None = None
    text: str = ""
    url: str | None = None
    lang: str | None = None
    problem: str | None = None
    doc_id: str | None = None
    site: str | None = None


@dataclass(frozen=True)
class RecordItem:
    """One record of a Parquet or WARC dataset, read but not cleaned yet.

    ``line`` is what messages show after the file name (a Parquet row number, a WARC record number;
    1-based) and ``record`` its ordinal among the records used. ``fields`` is the record as it will be
    written back (the Parquet row; a WARC page's url and date). The document is ``text``, or for a
    WARC page ``html`` (bytes, with the HTTP ``encoding`` hint). ``problem`` says why it is unusable.
    """

    line: int
    record: int
    fields: dict[str, Any]
    text: str = ""
    url: str | None = None
    lang: str | None = None
    html: bytes | None = None
    encoding: str | None = None
    problem: str | None = None


class _RecordProblem(ValueError):
    """Raised while parsing a line for what json accepts but would corrupt or crash the output."""


def _no_duplicate_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    obj: dict[str, Any] = {}
    for key, value in pairs:
        if key in obj:
            # json.loads would keep the last value and silently drop the others
            raise _RecordProblem(f"key {key!r} given twice")
        obj[key] = value
    return obj


def _finite_float(literal: str) -> float:
    value = float(literal)
    if value in (float("inf"), float("-inf")):
        # it would be written back as Infinity, which is not JSON
        raise _RecordProblem(f"number {literal} is out of range")
    return value


def parse_line(lineno: int, raw: bytes, fields: RecordFields, *, complete: bool = True) -> JsonlItem:
    """Parse one JSONL line into a :class:`JsonlItem` (``complete``: the line ended with a newline).

    A line that does not parse and had no newline is the last line of a file cut off in the middle
    (an interrupted download or copy): the problem says so.
    """
    item = _parse_line(lineno, raw, fields)
    if not complete and item.problem is not None and item.problem.startswith("invalid JSON"):
        return JsonlItem(lineno, raw, problem=item.problem + "; last line has no newline: truncated file?")
    return item


def _parse_line(lineno: int, raw: bytes, fields: RecordFields) -> JsonlItem:
    try:
        line = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        bad = f"byte 0x{raw[exc.start]:02x} at column {exc.start + 1}"
        return JsonlItem(lineno, raw, problem=f"not valid UTF-8 ({bad})")
    try:
        obj = json.loads(line, object_pairs_hook=_no_duplicate_keys, parse_float=_finite_float)
    except json.JSONDecodeError as exc:
        return JsonlItem(lineno, raw, problem=f"invalid JSON: {exc.msg} (column {exc.colno})")
    except _RecordProblem as exc:
        return JsonlItem(lineno, raw, problem=f"invalid JSON: {exc}")
    except RecursionError:
        return JsonlItem(lineno, raw, problem="invalid JSON: nested too deeply")
    except ValueError as exc:  # an integer over Python's 4,300-digit conversion limit
        return JsonlItem(lineno, raw, problem=f"invalid JSON: {exc}")
    if not isinstance(obj, dict):
        return JsonlItem(lineno, raw, problem=f"not a JSON object (got {json_kind(obj)})")
    chosen = select_fields(obj, fields)
    if isinstance(chosen, str):
        return JsonlItem(lineno, raw, problem=chosen)
    return JsonlItem(lineno, raw, obj, chosen.text, chosen.url, chosen.lang, None, chosen.doc_id, chosen.site)


def iter_jsonl(source: Source, fields: RecordFields) -> Iterator[JsonlItem]:
    """Yield every non-blank line of a JSONL source as a :class:`JsonlItem`, one at a time."""
    for lineno, raw, complete in iter_lines(source):
        yield parse_line(lineno, raw, fields, complete=complete)


def iter_lines(source: Source) -> Iterator[tuple[int, bytes, bool]]:
    """Yield ``(line number, line without its newline, whether it had one)`` for every non-blank line.

    The raw half of :func:`iter_jsonl`, split off so that ``--jobs`` can read in one process and parse
    in others. Blank lines are not records and are skipped; a UTF-8 BOM on the first line is dropped;
    gzip/zstd input is decompressed. A stream that breaks off (damaged or truncated compressed data, a
    read error) raises :class:`InputError` naming the last line read in full.
    """
    raw_stream = open_binary(source)
    lineno = 0
    try:
        stream = open_decompressed(raw_stream)
        for lineno, raw in enumerate(stream, start=1):  # noqa: B007 - lineno is used after the loop
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            complete = raw.endswith(b"\n")
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            yield lineno, raw, complete
    except MissingExtra as exc:
        raise InputError(f"{source.name}: {exc}") from None
    except CORRUPT as exc:
        where = f"after line {lineno}; the rest of the file is unreadable" if lineno else "from its start"
        raise InputError(f"{source.name}: {_damage(exc)} {where}") from None
    except OSError as exc:
        where = f" after line {lineno}" if lineno else ""
        raise InputError(f"{source.name}: cannot read{where}: {exc.strerror or exc}") from None
    finally:
        if source.path is not None:
            raw_stream.close()


def _damage(exc: BaseException) -> str:
    """What is wrong with a compressed stream, in words (the libraries' messages are terse)."""
    if isinstance(exc, EOFError):
        return "compressed stream is truncated"
    return f"compressed stream is damaged ({exc})"
