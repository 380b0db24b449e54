"""The one record adapter: which fields of a record hold its text, URL, language, id and site.

Every reader of records goes through :func:`select_fields`: JSONL lines and Parquet rows for ``clean``,
``check`` and ``explain`` (strictly: a record whose fields cannot be used is a problem reported with its
line), the mining corpus (also the id and site fields), and the Dask and library entry points
(leniently: a record without a string text is passed through, a non-string URL or language is
ignored). So a field mapping means the same everywhere, and its checks are written once.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

__all__ = ["RecordFields", "Selected", "json_kind", "lone_surrogate", "select_fields", "url_problem"]


@dataclass(frozen=True)
class RecordFields:
    """Which fields of a record hold the text, URL, language, id and site (``None``: not read).

    ``html`` names a field holding an HTML page instead: it is read in place of ``text``, the page's
    main content is extracted, and the clean text is written to ``text`` (or the output field).
    ``id`` and ``site`` are read by the miner (a stable document id; the site a record belongs to).
    """

    text: str = "text"
    url: str | None = None
    lang: str | None = None
    html: str | None = None
    id: str | None = None
    site: str | None = None
    # clean/check/explain: an unnamed URL/language/id field is read from a record's usual field
    # (GUESSED) when it has one, leniently (a value that is not a usable string is passed over)
    guess: bool = False

    @property
    def source(self) -> str:
        """The field the document is read from."""
        return self.html or self.text



GUESSED: dict[str, tuple[str, ...]] = {"url": ("url",), "lang": ("lang", "language"), "id": ("id",)}


def _guessed(record: dict[str, Any], key: str) -> str | None:
    return next((name for name in GUESSED[key] if name in record), None)


@dataclass(frozen=True)
class Selected:
    """A record's usable fields: its text (newlines normalised), URL, language, id and site."""

    text: str
    url: str | None = None
    lang: str | None = None
    doc_id: str | None = None
    site: str | None = None


def json_kind(value: Any) -> str:
    """How a JSON value is named in messages: ``an object``, ``a number``, ``null``…"""
    return {dict: "an object", list: "a list", str: "a string", bool: "a boolean", type(None): "null"}.get(
        type(value), "a number"
    )


def lone_surrogate(value: str) -> str | None:
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


def _text(value: str) -> str:
    return value.replace("\r\n", "\n").replace("\r", "\n")


def select_fields(
    record: dict[str, Any],
    fields: RecordFields,
    *,
    strict: bool = True,
    noun: str = "field",
    kind: Callable[[Any], str] = json_kind,
) -> Selected | str:
    """The usable fields of ``record``, or (a string) the problem that makes it unusable.

    ``strict`` (the CLI's readers): a missing or non-string text, a non-string URL, language, a lone
    surrogate, a URL that does not parse, an id or site that is not a string or number, a missing id
    are problems. Not strict (Dask, the library): only a missing or non-string text is one; the other
    fields are dropped when they cannot be used. ``noun``/``kind`` name fields and values in messages
    (``column``, Arrow types for Parquet).
    """
    source = fields.source
    if source not in record:
        return f"no {source!r} {noun}"
    text = record[source]
    if not isinstance(text, str):
        return f"{noun} {source!r} is {kind(text)}, not a string"
    values: dict[str, str | None] = {}
    for key, name in (("text", source), ("url", fields.url), ("lang", fields.lang)):
        guessed = name is None and fields.guess and (name := _guessed(record, key)) is not None
        value = record.get(name) if name else None
        if guessed and (not isinstance(value, str) or lone_surrogate(value) or (key == "url" and url_problem(value))):
            value = None  # a guessed field that holds no usable value is not the record's fault
        if value is not None and not isinstance(value, str):
            if strict:
                return f"{noun} {name!r} is {kind(value)}, not a string"
            value = None
        bad_char = lone_surrogate(value) if value and strict else None
        if bad_char:
            return f"{noun} {name!r} holds a lone surrogate {bad_char}, not text"
        if key == "url" and value and strict and (why := url_problem(value)):
            return f"{noun} {name!r}: {why}"
        values[key] = value or None
    ids: dict[str, str | None] = {}
    for key, name in (("id", fields.id), ("site", fields.site)):
        if key == "id" and name is None and fields.guess:
            name = _guessed(record, "id")
            if not isinstance(record.get(name or ""), (str, int)) or isinstance(record.get(name or ""), bool):
                name = None
        value = record.get(name) if name else None
        if value is not None and not isinstance(value, (str, int)):
            if strict:
                return f"{noun} {name!r} is not a string or number"
            value = None
        ids[key] = str(value) if value is not None else None
    if strict and fields.id and ids["id"] is None:
        return f"no {fields.id!r} {noun}"
    return Selected(_text(text), values["url"], values["lang"], ids["id"], ids["site"])
