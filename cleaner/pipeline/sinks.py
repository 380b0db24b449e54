"""Writing what ``clean`` made of a source: one file, stdout, a JSONL/Parquet dataset, or a diff.

:func:`clean_source` takes the documents of one source (already cleaned and finished by
:class:`~cleaner.pipeline.outputs.CleanOutput`, sequentially or in workers) and writes them to their
planned target (:mod:`cleaner.io.planning`), applying ``--on-error`` to bad records as they come:

* ``fail`` — the source is abandoned: its output is discarded (atomic write), the error names the line;
* ``skip`` — the record is dropped with a warning;
* ``keep`` — the line (or row) is copied through unchanged with a warning.

A source whose reading breaks off in the middle (a damaged compressed stream) keeps what was read
before under skip/keep, and nothing under fail. Files are written atomically, so no failure leaves a
half-file; in place, a file whose content would not change is left alone. Messages go through the
:class:`~cleaner.pipeline.messages.Messages` protocol and counts into the run's
:class:`~cleaner.pipeline.stats.Tally`, so all of this is testable without the CLI.
"""

from __future__ import annotations

import itertools
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

from cleaner.io.compression import MissingExtra, compressor_for
from cleaner.io.reading import InputError, Source, dataset_format, read_bytes
from cleaner.io.writing import AtomicOutput, atomic_output, record_line, write_stdout
from cleaner.pipeline.documents import Unreadable
from cleaner.pipeline.feedsink import clean_feed, is_feed_doc
from cleaner.pipeline.messages import Messages, plural
from cleaner.pipeline.outputs import Cleaned
from cleaner.pipeline.stats import Tally

__all__ = ["ON_ERROR", "Abandon", "clean_source"]

ON_ERROR = ("fail", "skip", "keep")  # what clean does with a record it cannot use


class Abandon(Exception):
    """Stop writing a source (its output is discarded); the message is the one-line error.

    ``bad_line``: a JSONL line under ``--on-error fail`` (rather than a file whose reading broke off).
    """

    def __init__(self, message: str, *, bad_line: bool = False) -> None:
        super().__init__(message)
        self.bad_line = bad_line


def clean_source(
    messages: Messages,
    docs: Iterator[Cleaned | Unreadable],
    source: Source,
    target: Path | None,
    *,
    per_record: bool,
    text_field: str,
    output_field: str | None,
    on_error: str,
    backup: str | None,
    diff: bool,
    totals: Counter[str],
    tally: Tally,
    duplicates: Any = None,
) -> None:
    """Write one source's documents to ``target`` (None: stdout, where ``diff`` goes too).

    ``per_record``: the source is a dataset (JSONL, Parquet, WARC), reported per source with its
    record counts; otherwise a file, counted into ``totals`` for the run's one-line summary. A feed is
    written by :func:`~cleaner.pipeline.feedsink.clean_feed`. ``duplicates``: the run's
    :class:`~cleaner.pipeline.records_dedup.RecordIndex` when later copies are left out.
    """
    first = next(docs, None)
    if isinstance(first, Unreadable) and first.line is None:
        messages.error(str(first))  # cannot be read at all: do not even create the output
        return
    if first is None and not per_record and _empty_feed(source):
        # a feed without items has nothing to clean: it is written back as it is, never as an empty file
        _write(messages, [read_bytes(source)], _output(source, target, backup), tally, source=source,
               output_field=output_field, text_field=text_field)  # fmt: skip
        return
    if first is not None and is_feed_doc(first):
        rest = itertools.chain([first], docs)
        clean_feed(
            messages, rest, source, target, on_error=on_error, backup=backup, diff=diff, tally=tally,
            duplicates=duplicates,
        )
        return
    if duplicates is not None and not per_record and _dropped(messages, first, duplicates, tally, "file not written"):
        tally.add(first)
        return
    if getattr(first, "verbatim", False) and source.path is not None:
        first = _as_read(first, source)  # nothing removed: the file's own bytes (line endings, BOM) go out
    counts: Counter[str] = Counter()
    chunks = _output_chunks(
        messages,
        itertools.chain([] if first is None else [first], docs),
        counts,
        on_error=on_error,
        diff=diff,
        tally=tally,
        duplicates=duplicates if per_record else None,
    )
    out = None if target is None else atomic_output(target, backup=backup, keep_if_same=target == source.path)
    before = (tally.stats.records_out, tally.stats.bytes_out)
    written = _write(messages, chunks, out, tally, source=source, output_field=output_field, text_field=text_field)
    if not written and out is not None:
        # the file was discarded (atomic write): --stats and the summary must not count it as written
        tally.stats.records_out, tally.stats.bytes_out = before
    if not per_record:
        totals["files"] += counts["cleaned"]
        totals["changed"] += counts["changed"]
        totals["removals"] += counts["removals"]
        totals["written"] += out is not None and out.replaced
    elif written:
        errors = counts["errors"]
        policy = {"skip": "skipped", "keep": "kept unchanged"}.get(on_error, "")
        messages.note(
            f"{source.name}: {plural(counts['records'], 'record')}, {counts['cleaned']} cleaned "
            f"({counts['changed']} changed, {plural(counts['removals'], 'removal')}), "
            f"{plural(errors, 'error')}" + (f" ({policy})" if errors and policy else "")
            + (f", {plural(counts['duplicates'], 'duplicate')} dropped" if counts["duplicates"] else "")
        )


def _as_read(doc: Any, source: Source) -> Any:
    """An untouched text file written back byte for byte, as it is on disk (not as decoded)."""
    try:
        return doc._replace(data=source.path.read_bytes())
    except OSError:
        return doc  # unreadable now: the decoded text, as before


def _dropped(messages: Messages, doc: Any, duplicates: Any, tally: Tally, what: str) -> bool:
    """Whether ``doc`` is a later copy of an earlier record (then counted and reported as dropped)."""
    sig = getattr(doc, "sig", None)
    if sig is None or (dup := duplicates.see(sig)) is None:
        return False
    tally.stats.duplicates += 1
    messages.warning(f"{dup.check_line()} ({what})")
    return True


def _empty_feed(source: Source) -> bool:
    """Whether a source that gave no document is a feed (by suffix or content), to be copied through."""
    from cleaner.io import feeds

    if source.path is not None and source.path.suffix.lower() in feeds.FEED_SUFFIXES:
        return True
    try:
        return feeds.sniff(read_bytes(source)) is not None
    except InputError:
        return False


def _output(source: Source, target: Path | None, backup: str | None) -> AtomicOutput | None:
    return None if target is None else atomic_output(target, backup=backup, keep_if_same=target == source.path)


def _output_chunks(
    messages: Messages,
    docs: Iterable[Cleaned | Unreadable],
    counts: Counter[str],
    *,
    on_error: str,
    diff: bool,
    tally: Tally,
    duplicates: Any = None,
) -> Iterable[bytes | dict[str, Any]]:
    """What ``clean`` writes for a source's documents, lazily: a file's clean text, a JSONL line per
    record (``on_error`` applied to bad lines), a record (dict) per Parquet row or WARC page, or with
    ``diff`` the unified diffs — each made by :class:`~cleaner.pipeline.outputs.CleanOutput`."""
    for doc in docs:
        if isinstance(doc, Unreadable):
            if doc.line is None:  # reading broke off in the middle of the file (damaged or truncated)
                if on_error == "fail" or diff:
                    raise Abandon(str(doc))
                # skip/keep: what was read before the damage is kept (and written); the run still fails
                messages.error(f"{doc} ({plural(counts['records'], 'record')} before it kept)")
                return
            tally.add(doc)
            counts["records"] += 1
            counts["errors"] += 1
            if on_error == "fail":
                raise Abandon(str(doc), bad_line=True)
            if on_error == "skip":
                messages.warning(f"{doc} (record skipped)")
                continue
            if not diff and (doc.raw is not None or doc.record is not None):
                messages.warning(f"{doc} ({'line' if doc.raw is not None else 'row'} kept unchanged)")
                tally.stats.records_out += 1
                yield doc.raw + b"\n" if doc.raw is not None else doc.record  # type: ignore[misc]
            else:
                messages.warning(f"{doc} (nothing to keep: record skipped)")
            continue
        tally.add(doc)
        if duplicates is not None and _dropped(messages, doc, duplicates, tally, "record dropped"):
            counts["records"] += 1
            counts["duplicates"] += 1
            continue
        if doc.warning is not None:  # e.g. an HTML page with no text: say why the output is empty
            messages.warning(doc.warning)
        counts["records"] += doc.record
        counts["cleaned"] += 1
        counts["changed"] += doc.stats.changed
        counts["removals"] += sum(n for _, n in doc.stats.removals)
        tally.stats.records_out += not diff
        yield doc.data


def _write(
    messages: Messages,
    chunks: Iterable[bytes | dict[str, Any]],
    out: AtomicOutput | None,
    tally: Tally,
    *,
    source: Source,
    text_field: str,
    output_field: str | None,
) -> bool:
    """Write ``chunks`` to ``out`` (None: stdout); report what stops it. Return whether all was written.

    Records (dicts, from Parquet or WARC) become JSON lines, or Parquet rows when ``out`` is a
    ``.parquet`` file; a ``.gz``/``.zst`` output is compressed.
    """
    target = out.path if out is not None else None

    def encoded() -> Iterator[bytes]:
        for chunk in chunks:
            data = chunk if isinstance(chunk, bytes) else record_line(chunk)
            tally.stats.bytes_out += len(data)
            yield data

    try:
        if out is None:
            write_stdout(encoded())
        elif dataset_format(out.path.name) == "parquet":
            from cleaner.io.parquet import write_rows

            with out as fh:
                write_rows(fh, source, chunks, text_field=output_field or text_field)
                tally.stats.bytes_out += fh.tell()
        else:
            with out as fh:
                packed = compressor_for(out.path, fh)
                for data in encoded():
                    (packed or fh).write(data)
                if packed is not None:
                    packed.close()
    except Abandon as exc:
        messages.error(str(exc) + (f" (nothing written to {target})" if exc.bad_line and target is not None else ""))
        return False
    except BrokenPipeError:
        if target is not None:
            messages.error(f"{target}: cannot write: broken pipe")
            return False
        raise  # stdout closed by the reader (`| head`): end quietly, as every other command does
    except MissingExtra as exc:
        messages.error(f"{target}: {exc}")
        return False
    except InputError as exc:
        messages.error(str(exc))
        return False
    except OSError as exc:
        messages.error(f"{target or '<stdout>'}: cannot write: {exc.strerror or exc}")
        return False
    return True
