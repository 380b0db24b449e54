"""Read a corpus for ``cleaner mine``: JSONL datasets and folders with one subfolder per site.

Mining needs, per document, its text, a stable id, and the site it belongs to. JSONL records are read
with the same reader as ``cleaner clean`` (:func:`cleaner.io.reading.iter_jsonl`: gzip/zstd, exact line
numbers for bad lines); the site is the ``--site-field`` when given, else the URL's site. A folder is a
corpus of text files in which the first subfolder names the site (``corpus/example.com/page1.txt``);
files directly inside the folder belong to a site named after the folder itself.

Ids are stable under reordering when they come from the data: the ``--id-field``, else the URL, else
(only then) ``FILE:LINE``. A folder's documents are named by their relative path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from pathlib import Path

from cleaner.html.encoding import decode_html
from cleaner.io.reading import InputError, Source, expand_inputs, iter_jsonl
from cleaner.io.records import RecordFields
from cleaner.pipeline.documents import PageItem, read_document

__all__ = ["CorpusRecord", "CorpusProblem", "iter_corpus"]


@dataclass(frozen=True)
class CorpusRecord:
    """One document to mine."""

    text: str
    doc_id: str
    url: str | None = None
    site: str | None = None
    language: str | None = None


@dataclass(frozen=True)
class CorpusProblem:
    """A record or input that cannot be mined; ``line`` None: the whole input."""

    where: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        return self.problem if self.line is None else f"{self.where}:{self.line}: {self.problem}"


def iter_corpus(
    paths: Iterable[str],
    fields: RecordFields,
    *,
    id_field: str | None = None,
    site_field: str | None = None,
    jsonl: bool = False,
) -> Iterator[CorpusRecord | CorpusProblem]:
    """Yield every document of the given inputs (see the module docstring), problems in place.

    A missing path raises :class:`~cleaner.io.reading.InputError` before anything is read.
    """
    expanded: list[tuple[str, list[Source], bool]] = []
    for p in paths:
        sources, is_folder = expand_inputs([p])
        expanded.append((p, sources, is_folder))
    for given, sources, is_folder in expanded:
        folder_site = Path(given.rstrip("/\\")).resolve().name if is_folder else None
        for source in sources:
            if jsonl or source.is_jsonl:
                yield from _jsonl_records(source, fields, id_field, site_field)
                continue
            try:
                text = _read_document(source)
            except InputError as exc:
                yield CorpusProblem(source.name, str(exc))
                continue
            if is_folder:
                site = source.rel.parts[0] if len(source.rel.parts) > 1 else folder_site
                yield CorpusRecord(text, source.rel.as_posix(), site=site)
            else:
                yield CorpusRecord(text, source.name)


def _read_document(source: Source) -> str:
    """A text file's text, or an HTML page decoded as a browser would (its <meta charset>); the miner
    extracts a page's article text itself."""
    item = read_document(source)
    return decode_html(item.data)[0] if isinstance(item, PageItem) else item.text


def _jsonl_records(
    source: Source, fields: RecordFields, id_field: str | None, site_field: str | None
) -> Iterator[CorpusRecord | CorpusProblem]:
    fields = replace(fields, id=id_field, site=site_field)
    try:
        for item in iter_jsonl(source, fields):
            if item.problem is not None or item.record is None:
                yield CorpusProblem(source.name, item.problem or "unusable record", item.line)
                continue
            yield CorpusRecord(
                item.text,
                item.doc_id if item.doc_id is not None else item.url or f"{source.name}:{item.line}",
                url=item.url,
                site=item.site,
                language=item.lang,
            )
    except InputError as exc:
        yield CorpusProblem(source.name, str(exc))
