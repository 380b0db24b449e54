"""Read the CLI's inputs: text files, folders, standard input and JSONL datasets.

Decisions, in one place so that every command reads the same way:

* **Which files a folder yields.** Folders are walked recursively and yield the *text documents* in
  them: ``*.txt``, ``*.text``, ``*.md`` and ``*.markdown`` (:data:`TEXT_SUFFIXES`), sorted, skipping
  hidden files and folders (names starting with ``.``). ``*.json``/``*.jsonl`` are *not* picked up
  from folders: they are structured data, and cleaning their raw bytes as prose would corrupt them; a
  JSONL dataset is cleaned record by record when it is named explicitly. A file named explicitly is
  always read, whatever its suffix.
* **Decoding.** Bytes are decoded as UTF-8; a byte-order mark (UTF-8, UTF-16 or UTF-32) is honoured
  and dropped. Other encodings are detected with ``charset-normalizer`` when it is installed (optional
  import); otherwise the input is refused with a clear message instead of being guessed at.
* **Newlines.** ``\\r\\n`` and lone ``\\r`` become ``\\n`` (as Python's text mode does), so spans, line
  numbers and the written output agree whatever the platform of the scraper.
* **JSONL** is streamed line by line from the binary stream (constant memory, whatever the size of the
  dataset). Each line becomes a :class:`JsonlItem` carrying its 1-based line number and either the
  record's fields or the *problem* that makes it unusable, so the caller applies its ``--on-error``
  policy with an exact location.
"""

from __future__ import annotations

import codecs
import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any
from urllib.parse import urlsplit

__all__ = [
    "TEXT_SUFFIXES",
    "STDIN",
    "InputError",
    "Source",
    "JsonlFields",
    "JsonlItem",
    "expand_inputs",
    "decode",
    "read_text",
    "iter_jsonl",
    "url_problem",
]

TEXT_SUFFIXES: tuple[str, ...] = (".txt", ".text", ".md", ".markdown")
STDIN = "-"

_BOMS: tuple[tuple[bytes, str], ...] = (
    # UTF-32 first: its little-endian BOM starts with the UTF-16 one.
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)


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
    def is_jsonl(self) -> bool:
        return self.path is not None and self.path.suffix.lower() == ".jsonl"


def _stdin_source() -> Source:
    return Source("<stdin>", None, Path("stdin"))


def _hidden(rel: Path) -> bool:
    return any(part.startswith(".") for part in rel.parts)


def expand_inputs(paths: Iterable[str]) -> tuple[list[Source], bool]:
    """Turn command-line paths into sources; also say whether any folder was given.

    No path (or ``-``) means standard input. A missing path raises :class:`InputError` before anything
    is read or written, so a typo never leaves a half-done batch.
    """
    sources: list[Source] = []
    any_folder = False
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
            found = sorted(
                q
                for q in path.rglob("*")
                if q.suffix.lower() in TEXT_SUFFIXES and q.is_file() and not _hidden(q.relative_to(path))
            )
            if not found:
                raise InputError(f"{p}: folder holds no text files ({', '.join('*' + s for s in TEXT_SUFFIXES)})")
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
    text: str | None = None
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data[len(bom) :].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    f"{name}: starts with a {encoding} byte-order mark but does not decode: {exc.reason}"
                ) from None
            break
    if text is None:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            text = _detect(data, name, exc)
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _detect(data: bytes, name: str, exc: UnicodeDecodeError) -> str:
    """Fallback for non-UTF-8 bytes: charset-normalizer when installed, else a clear refusal."""
    where = f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})"
    try:
        from charset_normalizer import from_bytes
    except ImportError:
        raise InputError(f"{name}: {where}; convert it to UTF-8 or install charset-normalizer") from None
    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{name}: {where} and no other text encoding fits (binary file?)")
    return str(best)


def _open_binary(source: Source) -> IO[bytes]:
    if source.path is None:
        return sys.stdin.buffer
    try:
        return source.path.open("rb")
    except OSError as exc:
        raise InputError(f"{source.name}: cannot read: {exc.strerror or exc}") from None


def read_text(source: Source) -> str:
    """Read and decode a whole text document."""
    stream = _open_binary(source)
    try:
        data = stream.read()
    except OSError as exc:
        raise InputError(f"{source.name}: cannot read: {exc.strerror or exc}") from None
    finally:
        if source.path is not None:
            stream.close()
    return decode(data, source.name)


# ------------------------------------------------------------------------------------------ JSONL
@dataclass(frozen=True)
class JsonlFields:
    """Which fields of a record hold the text, URL and language (``None``: not read)."""

    text: str = "text"
    url: str | None = None
    lang: str | None = None


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


def _kind(value: Any) -> str:
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


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


def _lone_surrogate(value: str) -> str | None:
    """Where a string holds an unpaired UTF-16 surrogate (a ``\\ud800`` escape), which is not text."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError as exc:
        return f"\\u{ord(value[exc.start]):04x} at character {exc.start + 1}"
    return None


def url_problem(url: str) -> str | None:
    """Why ``url`` cannot be used to scope rules (None: usable)."""
    try:
        urlsplit(url if "//" in url else "//" + url).hostname  # noqa: B018 - parses the host part
    except ValueError as exc:
        return f"not a URL ({exc})"
    return None


def _parse_line(lineno: int, raw: bytes, fields: JsonlFields) -> JsonlItem:
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
    if not isinstance(obj, dict):
        return JsonlItem(lineno, raw, problem=f"not a JSON object (got {_kind(obj)})")
    if fields.text not in obj:
        return JsonlItem(lineno, raw, problem=f"no {fields.text!r} field")
    text = obj[fields.text]
    if not isinstance(text, str):
        return JsonlItem(lineno, raw, problem=f"field {fields.text!r} is {_kind(text)}, not a string")
    extra: dict[str, str | None] = {}
    for key, field in (("text", fields.text), ("url", fields.url), ("lang", fields.lang)):
        value = obj.get(field) if field else None
        if value is not None and not isinstance(value, str):
            return JsonlItem(lineno, raw, problem=f"field {field!r} is {_kind(value)}, not a string")
        bad_char = _lone_surrogate(value) if value else None
        if bad_char:
            return JsonlItem(lineno, raw, problem=f"field {field!r} holds a lone surrogate {bad_char}, not text")
        if key == "url" and value and (why := url_problem(value)):
            return JsonlItem(lineno, raw, problem=f"field {field!r}: {why}")
        extra[key] = value or None
    return JsonlItem(lineno, raw, obj, text.replace("\r\n", "\n").replace("\r", "\n"), extra["url"], extra["lang"])


def iter_jsonl(source: Source, fields: JsonlFields) -> Iterator[JsonlItem]:
    """Yield every non-blank line of a JSONL source as a :class:`JsonlItem`, one at a time.

    Blank lines are not records and are skipped; a UTF-8 BOM on the first line is dropped.
    """
    stream = _open_binary(source)
    try:
        for lineno, raw in enumerate(stream, start=1):
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
            raw = raw.rstrip(b"\r\n")
            if not raw.strip():
                continue
            yield _parse_line(lineno, raw, fields)
    except OSError as exc:
        raise InputError(f"{source.name}: cannot read: {exc.strerror or exc}") from None
    finally:
        if source.path is not None:
            stream.close()
