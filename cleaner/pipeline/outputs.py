"""What ``clean``, ``check`` and ``explain`` make of one cleaned document, computed where it is cleaned.

A command needs little of a :class:`~cleaner.pipeline.documents.Located`: ``clean`` the bytes it writes (the file
text, the JSONL line, the diff) or the record it writes (a Parquet row, a WARC page), ``check`` and
``explain`` the lines they print (or the JSON they collect), and all three a few counts for the
summary and ``--stats`` (:class:`~cleaner.pipeline.stats.DocStats`). The functions here turn a document into
exactly that, and nothing more. They are the ONE path from a document to its output: the sequential
run calls them in the main process, ``--jobs N`` (:mod:`cleaner.pipeline.pool`) in the workers — so the
output is the same bytes whatever the number of jobs, and the workers send back the output instead of
the text, the Result and its removals (which cost about twice the input size to pickle).

The finishers are frozen dataclasses (picklable, for worker processes started by ``spawn``) holding
the command's options; the outcomes are small NamedTuples (cheap to pickle). Messages that depend on
``--on-error``, the counters and the writing stay in the CLI, in input order.
"""

from __future__ import annotations

import difflib
from collections import Counter
from dataclasses import dataclass
from typing import Any, NamedTuple

from cleaner.io.writing import jsonl_line, output_text
from cleaner.pipeline.documents import Located
from cleaner.pipeline.feedsink import feed_piece
from cleaner.pipeline.findings import at_or_above, check_lines, document_json, explain_lines, github_lines
from cleaner.pipeline.records_dedup import Signature, Signer
from cleaner.pipeline.reports import json_lines
from cleaner.pipeline.stats import DocStats, doc_stats
from cleaner.render import render, to_markdown, to_record
from cleaner.result import Level, Result

__all__ = [
    "CleanOutput",
    "Cleaned",
    "CheckOutput",
    "Checked",
    "ExplainOutput",
    "Explained",
    "as_lines",
    "unified",
    "metadata_fields",
    "untouched",
]


def as_lines(text: str) -> str:
    """A record's text as a file's lines (what ``--diff`` compares): a final newline unless empty."""
    return text + "\n" if text else ""


def unified(before: str, after: str, name: str) -> str:
    """A unified diff of the input and what would be written; empty when nothing would change."""
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"a/{name}",
            f"b/{name}",
        )
    )


def metadata_fields(result: Result) -> dict[str, Any]:
    """``--format json`` on a record: what the page states (title, author, date, language), not the text."""
    return {k: v for k, v in to_record(result).items() if k not in ("text", "url")}


def untouched(doc: Located, fmt: str) -> bool:
    """A text document or record with nothing removed is written back as it was, not re-folded
    (its single newlines would otherwise become paragraph breaks). A page is always rendered."""
    return not doc.result.removals and doc.result.source is None and fmt == "text"


class Cleaned(NamedTuple):
    """What ``clean`` writes for one document.

    ``data``: bytes (a file's text, a JSONL line with its newline, or a diff) or a record (dict) for a
    Parquet row or a WARC page; ``warning``: why the output is empty (e.g. a page without text), or
    None; ``record``: the document is a dataset record (it has a line number).
    """

    data: Any  # bytes | dict[str, Any], or a feed item's FeedPiece
    stats: DocStats
    warning: str | None
    record: bool
    verbatim: bool = False  # a text file with nothing removed: ``data`` is its text as read (untouched)
    sig: Signature | None = None  # for --drop-duplicate-records (records_dedup)


@dataclass(frozen=True)
class CleanOutput:
    """``clean``'s options that shape a document's output (``fmt``: text, markdown or json)."""

    text_field: str
    output_field: str | None = None
    fmt: str = "text"
    diff: bool = False
    signer: Signer | None = None

    def __call__(self, doc: Located) -> Cleaned:
        result = doc.result
        warning = f"{doc.where}: {'; '.join(result.notes)}" if not result.text and result.notes else None
        sig = self.signer(doc) if self.signer is not None else None
        data: Any
        if doc.feed is not None:  # the feed is rewritten as a whole by the sink (feedsink)
            return Cleaned(feed_piece(doc), doc_stats(doc), warning, True, sig=sig)
        if self.diff:
            before = doc.text if doc.line is None else as_lines(doc.text)
            after = before if untouched(doc, "text") else output_text(result)
            data = unified(before, after, doc.where).encode("utf-8")
        elif doc.fields is None:
            if untouched(doc, self.fmt):
                data = doc.text.encode("utf-8", "surrogatepass")
            else:
                text = render(result, self.fmt)
                data = (text + "\n" if text else "").encode("utf-8")
        else:
            # a record keeps its own fields: --format json adds the page's metadata next to the text
            text = to_markdown(result) if self.fmt == "markdown" else result.text
            if untouched(doc, self.fmt):  # nothing removed: the text as it was (the line is copied)
                text = doc.fields.get(self.text_field, text)
            extra = metadata_fields(result) if self.fmt == "json" else None
            if doc.raw is None:  # a Parquet row or WARC page: written as a record
                data = {**(extra or {}), **doc.fields, (self.output_field or self.text_field): text}
            else:
                data = jsonl_line(
                    doc.raw, doc.fields, text, text_field=self.text_field, output_field=self.output_field, extra=extra
                )
        verbatim = doc.fields is None and doc.feed is None and not self.diff and untouched(doc, self.fmt)
        return Cleaned(data, doc_stats(doc), warning, doc.line is not None, verbatim, sig)


class Explained(NamedTuple):
    """What ``explain`` shows of one document: its text block, its JSON entry, or nothing (None)."""

    shown: str | dict[str, Any] | None
    stats: DocStats
    sig: Signature | None = None  # duplicate-record detection (records_dedup), in the main process


@dataclass(frozen=True)
class ExplainOutput:
    """``explain``: a file always, a record only when something was removed from it."""

    fmt: str = "text"
    signer: Signer | None = None

    def __call__(self, doc: Located) -> Explained:
        shown: str | dict[str, Any] | None = None
        if doc.line is None or doc.result.removals:
            shown = document_json(doc) if self.fmt == "json" else "\n".join(explain_lines(doc))
        sig = self.signer(doc) if self.signer is not None else None
        return Explained(shown, doc_stats(doc), sig)


GATHERED = ("json", "sarif", "junit")  # check formats that print one document at the end of the run


class Checked(NamedTuple):
    """What ``check`` reports of one document.

    ``levels``: removals per level (in order of appearance); ``hits``: removals at or above
    ``--fail-on``; ``lines``: the text/GitHub lines to print (None: none, or JSON format); ``json``:
    :func:`~cleaner.pipeline.findings.document_json` (JSON format: a file always, a record only with removals);
    ``counts``: removals per rule id (JSON format).
    """

    path: str
    record: bool
    found: bool
    levels: tuple[tuple[str, int], ...]
    hits: int
    lines: str | None
    json: dict[str, Any] | None
    counts: dict[str, int] | None
    stats: DocStats
    sig: Signature | None = None  # duplicate-record detection (records_dedup), in the main process


@dataclass(frozen=True)
class CheckOutput:
    """``check``'s format (text, json, github) and ``--fail-on`` threshold."""

    fmt: str
    threshold: Level
    verbose: bool = False  # text: the rule's whole description instead of its gist
    signer: Signer | None = None

    def __call__(self, doc: Located) -> Checked:
        removals = doc.result.removals
        levels = tuple(Counter(r.level for r in removals).items())
        hits = sum(at_or_above(r.level, self.threshold) for r in removals)
        lines = json = counts = None
        if self.fmt in GATHERED:  # one report at the end, built from every document's JSON view
            if doc.line is None or removals or self.fmt == "junit":  # junit: a testcase per record
                json = document_json(doc)
            counts = doc.result.counts()
        elif self.fmt == "json-lines":
            lines = "\n".join(json_lines(document_json(doc))) if removals else None
        elif removals and self.fmt == "text":
            lines = "\n".join(check_lines(doc, self.verbose))
        elif removals:
            lines = "\n".join(github_lines(doc))
        record = doc.line is not None
        sig = self.signer(doc) if self.signer is not None else None
        return Checked(doc.path, record, bool(removals), levels, hits, lines, json, counts, doc_stats(doc), sig)
