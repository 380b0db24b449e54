"""Turn the CLI's sources into cleaned documents, one at a time, for ``clean``, ``explain`` and ``check``.

This is the only place where the shells call the core: :class:`Settings` holds what every document of
a run shares (compiled rules, :class:`Options`, default URL and language) and :func:`iter_source`
yields a :class:`~cleaner.pipeline.documents.Located` per text file or JSONL record — or an :class:`Unreadable`
for an input that cannot be used, so one bad file or line is reported with its location while the rest
of the run goes on. A JSONL record's :class:`Located` (and a bad line's :class:`Unreadable`) carries
the line as read, so ``clean`` can copy untouched records and ``--on-error keep`` lines byte for byte.

Reading and cleaning are two halves, :func:`read_items` (cheap: bytes off the disk, in the main
process) and :func:`to_document` (the expensive part: parsing and the core), so that ``--jobs``
(:mod:`cleaner.pipeline.pool`) can run the second half in worker processes while every command, sequential
or parallel, goes through these same two functions. Parquet rows and WARC records come from
:mod:`cleaner.io.parquet` and :mod:`cleaner.io.warc` as :class:`~cleaner.io.reading.RecordItem` objects.

A command that needs less than the whole :class:`Located` passes a ``finish`` function (see
:mod:`cleaner.pipeline.outputs`): every cleaned document is handed to it right after :func:`to_document`, and
its outcome is what the command receives — in the same process sequentially, in the worker with
``--jobs``, so that only the outcome crosses between processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from cleaner import core
from cleaner.html.sniff import looks_like_html
from cleaner.io import feeds
from cleaner.io.feeds import FeedEntry
from cleaner.io.reading import (
    HTML_SUFFIXES,
    InputError,
    RecordFields,
    RecordItem,
    Source,
    decode,
    iter_lines,
    parse_line,
    read_bytes,
)
from cleaner.result import Options, Result, TimeBudgetExceeded
from cleaner.rules import RuleSet
from cleaner.rules.matching import host_of
from cleaner.rules.selection import SiteSelection

__all__ = [
    "Settings",
    "Unreadable",
    "LineItem",
    "PageItem",
    "TextItem",
    "Item",
    "read_document",
    "read_items",
    "to_document",
    "Finish",
    "finished",
    "process",
    "iter_source",
    "Located",
]


@dataclass(frozen=True)
class Settings:
    """What every document of one run shares; per-record URL/language override the defaults."""

    rules: RuleSet
    options: Options
    url: str | None = None
    language: str | None = None
    sites: SiteSelection | None = None  # per-site/path ignores of the configuration file
    path: str | None = None  # the source being cleaned, when ``sites`` has path keys to match

    def for_path(self, path: str) -> Settings:
        """These settings for documents of the source ``path`` (only per-site ignores need it)."""
        return self if self.sites is None else replace(self, path=path)

    def clean(
        self,
        text: str | bytes,
        *,
        url: str | None = None,
        language: str | None = None,
        html: bool | None = None,
        encoding: str | None = None,
    ) -> Result:
        options = self.options
        if self.sites is not None:
            url_ = url or self.url
            chosen = self.sites.for_document(host_of(url_) if url_ else None, self.path)
            options = options if chosen is None else replace(options, selection=chosen)
        return core.clean(
            text,
            url=url or self.url,
            language=language or self.language,
            rules=self.rules,
            options=options,
            html=html,
            encoding=encoding,
        )


@dataclass(frozen=True)
class Located:
    """One cleaned document as reports see it: where it came from, its input and its Result.

    ``line``/``record`` are set for a JSONL record (its line in the file and its 1-based ordinal), and
    so are ``raw`` (the line as read, without its newline) and ``fields`` (the parsed record), which
    ``clean`` needs to write the record back.
    """

    path: str
    text: str
    result: Result
    line: int | None = None
    record: int | None = None
    raw: bytes | None = field(default=None, repr=False)
    fields: dict[str, Any] | None = field(default=None, repr=False)
    feed: FeedEntry | None = field(default=None, repr=False)  # a feed item's content field

    @property
    def where(self) -> str:
        """``path`` for a file, ``path:LINE`` for a JSONL record."""
        return self.path if self.line is None else f"{self.path}:{self.line}"

    @property
    def title(self) -> str:
        if self.feed is not None:
            return f"{self.path}:{self.line} ({self.feed.label})"
        return self.path if self.line is None else f"{self.path}:{self.line} (record {self.record})"


@dataclass(frozen=True)
class Unreadable:
    """An input (``line`` None) or JSONL line that cannot be cleaned, and why.

    ``raw`` is the bad JSONL line as read (without its newline), and ``record`` a bad Parquet row as
    read, for ``--on-error keep``.
    """

    path: str
    problem: str
    line: int | None = None
    raw: bytes | None = field(default=None, repr=False)
    record: dict[str, Any] | None = field(default=None, repr=False)
    feed: FeedEntry | None = field(default=None, repr=False)  # a feed item that cannot be used

    def __str__(self) -> str:
        return self.problem if self.line is None else f"{self.path}:{self.line}: {self.problem}"


@dataclass(frozen=True)
class TextItem:
    """A whole text document, read and decoded."""

    text: str


@dataclass(frozen=True)
class PageItem:
    """A whole HTML page, as bytes: the extractor decodes it (its <meta charset> says how)."""

    data: bytes


@dataclass(frozen=True)
class LineItem:
    """A JSONL line as read (``record``: its ordinal among the file's records), not parsed yet."""

    line: int
    raw: bytes
    complete: bool
    record: int


Item = TextItem | PageItem | LineItem | RecordItem | FeedEntry


def read_document(source: Source) -> TextItem | PageItem:
    """A whole document: an HTML page (by suffix or content) as bytes, anything else decoded as text."""
    data = read_bytes(source)
    is_page = source.path is not None and source.path.suffix.lower() in HTML_SUFFIXES
    return PageItem(data) if is_page or looks_like_html(data) else TextItem(decode(data, source.name))


def read_items(source: Source, fields: RecordFields, *, jsonl: bool = False) -> Iterator[Item]:
    """The reading half: what one source holds, one document or record at a time, without cleaning it.

    Raises :class:`~cleaner.io.reading.InputError` when the source cannot be read (possibly after items).
    """
    fmt = "jsonl" if jsonl else source.format
    if fmt == "jsonl":
        for n, (lineno, raw, complete) in enumerate(iter_lines(source), start=1):
            yield LineItem(lineno, raw, complete, n)
    elif fmt == "parquet":
        from cleaner.io.parquet import iter_rows

        yield from iter_rows(source, fields)
    elif fmt == "warc":
        from cleaner.io.warc import iter_pages

        yield from iter_pages(source, fields)
    else:
        data = read_bytes(source)
        suffix = source.path.suffix.lower() if source.path is not None else ""
        kind = feeds.sniff(data)
        if kind is not None or suffix in feeds.FEED_SUFFIXES:
            yield from _feed_entries(source, data, kind)
        else:
            is_page = suffix in HTML_SUFFIXES
            yield PageItem(data) if is_page or looks_like_html(data) else TextItem(decode(data, source.name))


def _feed_entries(source: Source, data: bytes, kind: str | None) -> Iterator[FeedEntry]:
    """A feed's content fields; for ill-formed XML the items feedparser can still read, then the error."""
    try:
        feed = feeds.parse(data, source.name)
    except InputError as exc:
        if kind == "xml" and "ill-formed XML" in str(exc):
            yield from feeds.fallback_entries(data)
        raise
    yield from feed.entries


def to_document(name: str, item: Item, settings: Settings, fields: RecordFields) -> Located | Unreadable:
    """The cleaning half: one item of the source called ``name`` → its :class:`Located` (or why not)."""
    settings = settings.for_path(name)
    if isinstance(item, TextItem):
        return Located(name, item.text, settings.clean(item.text, html=False))
    if isinstance(item, PageItem):
        result = settings.clean(item.data, html=True)
        return Located(name, result.source or "", result)
    if isinstance(item, LineItem):
        parsed = parse_line(item.line, item.raw, fields, complete=item.complete)
        if parsed.problem is not None:
            return Unreadable(name, parsed.problem, parsed.line, parsed.raw)
        # --html-field: the field holds a page; otherwise a text field holding HTML is sniffed
        result = settings.clean(parsed.text, url=parsed.url, language=parsed.lang, html=True if fields.html else None)
        shown = parsed.text if result.source is None else result.source  # what the removal spans index
        return Located(name, shown, result, parsed.line, item.record, parsed.raw, parsed.record)
    if isinstance(item, FeedEntry):
        line = item.line or 0
        if item.problem is not None:
            return Unreadable(name, f"{item.label}: {item.problem}", line, feed=item)
        result = settings.clean(item.content, url=item.link, language=item.lang, html=item.is_html)
        shown = item.content if result.source is None else result.source
        return Located(name, shown, result, line, item.index, feed=item)
    if item.problem is not None:
        return Unreadable(name, item.problem, item.line, None, item.fields or None)
    if item.html is not None:  # a WARC page: the core extracts the article from the HTML
        result = settings.clean(item.html, url=item.url, language=item.lang, html=True, encoding=item.encoding)
        return Located(name, result.source or "", result, item.line, item.record, None, item.fields)
    result = settings.clean(item.text, url=item.url, language=item.lang)
    return Located(name, item.text, result, item.line, item.record, None, item.fields)


Finish = Callable[[Located], Any]


def finished(doc: Located | Unreadable, finish: Finish | None) -> Any:
    """``doc`` as the command wants it: ``finish(doc)`` for a cleaned document (an :class:`Unreadable`
    is the command's to handle as it is)."""
    return doc if finish is None or isinstance(doc, Unreadable) else finish(doc)


def process(name: str, item: Item, settings: Settings, fields: RecordFields, finish: Finish | None) -> Any:
    """The per-record boundary: :func:`to_document` then ``finish``, where *any* exception becomes this
    record's :class:`Unreadable` (its line, its raw line or row for ``--on-error keep``, and the
    exception's message), so one hostile record never ends a run that ``--on-error`` says to continue.

    Sequential runs and the ``--jobs`` workers both call this, so they report the same errors.
    """
    try:
        return finished(to_document(name, item, settings, fields), finish)
    except Exception as exc:  # noqa: BLE001 - the boundary: every failure is this record's error
        problem = f"cannot clean this {'record' if isinstance(item, LineItem | RecordItem) else 'document'}: " + (
            str(exc) if isinstance(exc, TimeBudgetExceeded) else f"{type(exc).__name__}: {exc}"
        )
        if isinstance(item, LineItem):
            return Unreadable(name, problem, item.line, item.raw)
        if isinstance(item, RecordItem):
            return Unreadable(name, problem, item.line, None, item.fields or None)
        return Unreadable(name, f"{name}: {problem}")


def iter_source(
    source: Source, settings: Settings, fields: RecordFields, *, jsonl: bool = False, finish: Finish | None = None
) -> Iterator[Any]:
    """Clean one source: a text file as one document, a dataset per record (JSONL — by suffix, or when
    ``jsonl`` —, Parquet, WARC).

    A source that cannot be read at all yields an :class:`Unreadable` with ``line`` None (after the
    records read before the failure, for a dataset whose reading breaks off). With ``finish``, each
    cleaned document is yielded as ``finish(doc)``.
    """
    try:
        for item in read_items(source, fields, jsonl=jsonl):
            yield process(source.name, item, settings, fields, finish)
    except InputError as exc:
        yield Unreadable(source.name, str(exc))
