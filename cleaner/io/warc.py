"""WARC archives (optional extra ``feed-cleaner[warc]``, warcio): HTML responses → cleaned JSONL records.

A Common Crawl style ``.warc`` / ``.warc.gz`` file is read record by record (warcio decompresses each
gzip member and undoes HTTP chunking and content encodings). Only ``response`` records with a 2xx
status whose HTTP ``Content-Type`` is HTML are pages; requests, metadata, robots.txt, images, PDFs,
redirects and error pages are not documents and are passed over. Each page becomes a
:class:`~cleaner.io.reading.RecordItem` carrying the raw HTML bytes and the HTTP content type as an
encoding hint; the core extracts and cleans the article, and the
output record is ``{"url", "date", "text"}`` (text under ``--text-field``/``--output-field``).

Messages locate a page by its WARC record number (1-based, counting every record) and byte offset. A
page whose HTTP part cannot be parsed is a bad record and follows ``--on-error`` (``keep`` has nothing
to keep, so it warns and drops it). A 2xx page with an empty body is no damage (crawls hold many): it
is a page with no text, like an empty HTML file, and gives a record with empty text. Damage that breaks the
record framing itself (a truncated or corrupt gzip member, garbage between records) stops the file
with the last good record number, like a damaged compressed JSONL file.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from typing import Any

from cleaner.io.reading import InputError, RecordItem, Source, open_binary
from cleaner.io.records import RecordFields

__all__ = ["iter_pages"]


class _Damaged(Exception):
    """The archive's framing is broken (raised inside the reading loop, reported with the record number)."""


def _warcio(name: str) -> Any:
    try:
        from warcio import archiveiterator
    except ImportError:
        raise InputError(f"{name}: reading WARC needs warcio: pip install 'feed-cleaner[warc]'") from None
    return archiveiterator


def _framing_errors() -> tuple[type[BaseException], ...]:
    """What warcio and the gzip layer raise on a damaged archive. Anything else is a bug (exit 3), not
    bad input: catching every exception here would report a crash as a damaged file."""
    from warcio.exceptions import ArchiveLoadFailed
    from warcio.statusandheaders import StatusAndHeadersParserException

    return (ArchiveLoadFailed, StatusAndHeadersParserException, zlib.error, EOFError, OSError, ValueError)


def iter_pages(source: Source, fields: RecordFields) -> Iterator[RecordItem]:
    """The HTML pages of a WARC archive, in order, as :class:`RecordItem` objects (``html`` set)."""
    archiveiterator = _warcio(source.name)
    stream = open_binary(source)
    number = 0
    pages = 0
    try:
        records = archiveiterator.ArchiveIterator(stream)
        for record in records:
            number += 1
            if record.format != "warc":  # warcio reads anything else as a (legacy) ARC record
                raise _Damaged(f"record {number} (at byte {records.offset}) is not a WARC record")
            if record.rec_type != "response":
                continue
            url = record.rec_headers.get_header("WARC-Target-URI")
            date = record.rec_headers.get_header("WARC-Date")
            meta: dict[str, Any] = {"url": url, "date": date}
            content_type = record.http_headers.get_header("Content-Type") or "" if record.http_headers else None
            if content_type is not None and "html" not in content_type.lower():
                continue
            status = record.http_headers.get_statuscode() if record.http_headers else None
            if status and not status.startswith("2"):  # redirects, 404 pages, errors: no article to keep
                continue
            pages += 1
            body, problem = b"", None
            if content_type is None:
                problem = "response without HTTP headers"
            else:
                try:
                    body = record.content_stream().read()
                except (OSError, ValueError, EOFError, zlib.error) as exc:  # a bad chunked/gzip HTTP body
                    problem = f"unreadable HTTP body ({exc})"
            missing = getattr(record.raw_stream, "limit", 0)
            # (the offset is known once the record was read: asking earlier would skip its content)
            offset = records.get_record_offset()
            if missing:  # the file ends inside this record: its Content-Length was not reached
                raise _Damaged(f"record {number} (at byte {offset}) is truncated: {missing} bytes missing")
            if problem is not None:
                # (no fields: a bad page has no text to keep, so --on-error keep drops it with a warning)
                yield RecordItem(number, pages, {}, problem=f"WARC record at byte {offset}: {problem}")
                continue
            yield RecordItem(number, pages, meta, url=url, html=body, encoding=content_type)
        # warcio stops quietly at a gzip member cut off before its first record ends: bytes left over
        # after the last record it could read mean the archive is damaged there.
        size = source.path.stat().st_size if source.path is not None else None
        if size is not None and records.offset < size:
            raise _Damaged(f"{size - records.offset} unreadable bytes after record {number} (a truncated record?)")
    except InputError:
        raise
    except _Damaged as exc:
        raise InputError(f"{source.name}: damaged WARC: {exc}") from None
    except _framing_errors() as exc:  # framing damage: ArchiveLoadFailed, zlib/EOF errors from a gzip member
        where = f"after record {number}; the rest of the file is unreadable" if number else "from its start"
        raise InputError(f"{source.name}: damaged WARC {where} ({type(exc).__name__}: {exc})") from None
    finally:
        if source.path is not None:
            stream.close()
