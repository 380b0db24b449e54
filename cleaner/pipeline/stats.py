"""Run statistics and the progress bar of ``clean``/``check``/``explain`` on large datasets.

One source of truth: :class:`RunStats` is fed one :class:`DocStats` per document that the command
writes or reports, made by :func:`doc_stats` from its :class:`~cleaner.pipeline.documents.Located` (its
:class:`~cleaner.result.Result` gives removals per rule id and kind, and the clean text), plus the bad
records and the bytes actually written. :class:`DocStats` is small on purpose: with ``--jobs`` it is
computed in the worker and sent back instead of the Result. The end-of-run summary on stderr,
``--stats FILE.json`` and the progress bar all read from :class:`RunStats`, so they cannot disagree
with each other or with the output.

The progress bar is rich's, on stderr, shown only when stderr is a terminal (or with ``--progress``):
records, MB read, records/s and, when the total input size is known (uncompressed files), a bar with
an ETA. It is refreshed a few times a second, not per record, so it costs nothing measurable.
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from cleaner.io.writing import atomic_write
from cleaner.pipeline.documents import Located, Unreadable
from cleaner.pipeline.messages import Messages

__all__ = ["DocStats", "doc_stats", "RunStats", "ProgressBar", "Tally"]


class DocStats(NamedTuple):
    """The counts of one cleaned document that the run statistics need.

    ``removals``: ``((rule id, kind), count)`` pairs in order of first appearance (so totals per kind
    come out in the same order as when counted removal by removal).
    """

    size: int
    chars_in: int
    chars_out: int
    changed: bool
    removals: tuple[tuple[tuple[str, str], int], ...]


def doc_stats(doc: Located) -> DocStats:
    """The counts of one document: input bytes (the JSONL line with its newline, else the text as
    UTF-8), characters in and out, whether it changed, removals by rule id and kind."""
    result = doc.result
    size = len(doc.raw) + 1 if doc.raw is not None else len(doc.text.encode("utf-8", "surrogatepass"))
    removals = tuple(Counter((r.rule, r.kind) for r in result.removals).items()) if result.removals else ()
    # a text or record with nothing removed is written as it was (pipeline.outputs.untouched)
    chars_out = result.input_chars if not result.removals and result.source is None else len(result.text)
    return DocStats(size, result.input_chars, chars_out, result.changed, removals)


@dataclass
class RunStats:
    """Counts of one run, derived from the documents as they are written or reported."""

    records_in: int = 0
    records_out: int = 0
    cleaned: int = 0
    changed: int = 0
    empty: int = 0
    errors: int = 0
    duplicates: int = 0  # later copies left out by --drop-duplicate-records
    bytes_in: int = 0
    bytes_out: int = 0
    chars_in: int = 0
    chars_out: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    by_kind: Counter[str] = field(default_factory=Counter)
    started: float = field(default_factory=time.perf_counter)
    finished: float | None = None

    def add(self, doc: DocStats) -> int:
        """Count a cleaned document; return its input size in bytes (for the progress bar)."""
        self.records_in += 1
        self.cleaned += 1
        self.changed += doc.changed
        self.empty += not doc.chars_out
        self.bytes_in += doc.size
        self.chars_in += doc.chars_in
        self.chars_out += doc.chars_out
        for (rule, kind), n in doc.removals:
            self.by_rule[rule] += n
            self.by_kind[kind] += n
        return doc.size

    def add_error(self, raw: bytes | None) -> int:
        """Count a record that could not be cleaned (a bad line or row)."""
        size = len(raw) + 1 if raw is not None else 0
        self.records_in += 1
        self.errors += 1
        self.bytes_in += size
        return size

    def stop(self) -> None:
        self.finished = time.perf_counter()

    @property
    def seconds(self) -> float:
        return (self.finished or time.perf_counter()) - self.started

    def to_dict(self) -> dict[str, Any]:
        """The ``--stats`` JSON: counts, removals by rule id and by kind, sizes and throughput."""
        secs = self.seconds
        return {
            "records_in": self.records_in,
            "records_out": self.records_out,
            "cleaned": self.cleaned,
            "changed": self.changed,
            "empty_after_cleaning": self.empty,
            "errors": self.errors,
            "duplicate_records_dropped": self.duplicates,
            "removals": sum(self.by_kind.values()),
            "removals_by_kind": dict(sorted(self.by_kind.items())),
            "removals_by_rule": dict(sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0]))),
            "bytes_in": self.bytes_in,
            "bytes_out": self.bytes_out,
            "chars_in": self.chars_in,
            "chars_out": self.chars_out,
            "seconds": round(secs, 3),
            "records_per_second": round(self.records_in / secs, 1) if secs else None,
            "mb_per_second": round(self.bytes_in / 1e6 / secs, 2) if secs else None,
        }

    def summary_lines(self, *, top: int = 10) -> list[str]:
        """The end-of-run summary: a few lines of counts, then the most frequent rules."""
        d = self.to_dict()
        kinds = ", ".join(f"{n} {kind}" for kind, n in d["removals_by_kind"].items()) or "none"
        lines = [
            f"records: {d['records_in']} in, {d['records_out']} out, {d['changed']} changed, "
            f"{d['empty_after_cleaning']} empty after cleaning, {d['errors']} bad"
            + (f", {d['duplicate_records_dropped']} duplicates dropped" if d["duplicate_records_dropped"] else ""),
            f"removals: {d['removals']} ({kinds})",
            f"bytes: {_mb(d['bytes_in'])} in, {_mb(d['bytes_out'])} out; {d['seconds']:.1f} s, "
            f"{d['records_per_second'] or 0:,.0f} records/s, {d['mb_per_second'] or 0:.2f} MB/s",
        ]
        for rule, n in list(d["removals_by_rule"].items())[:top]:
            lines.append(f"  {n:8d}  {rule}")
        if len(d["removals_by_rule"]) > top:
            lines.append(f"  ... and {len(d['removals_by_rule']) - top} more rules (see --stats)")
        return lines


def _mb(n: int) -> str:
    return f"{n / 1e6:.1f} MB" if n >= 100_000 else f"{n} B"


class ProgressBar:
    """rich's progress display on stderr; a no-op object when ``enabled`` is False.

    ``total_bytes`` (None: unknown, e.g. compressed input) gives the bar and the ETA.
    """

    _EVERY = 0.2  # seconds between refreshes of the counters

    def __init__(self, enabled: bool, total_bytes: int | None) -> None:
        self.enabled = enabled
        self._records = 0
        self._bytes = 0
        self._last = 0.0
        self._progress: Any = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            DownloadColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
            TransferSpeedColumn,
        )

        columns: list[Any] = [SpinnerColumn(), TextColumn("{task.fields[records]:>10,} records")]
        if total_bytes:
            columns += [BarColumn(), DownloadColumn(), TransferSpeedColumn(), TimeRemainingColumn()]
        else:
            columns += [DownloadColumn(), TransferSpeedColumn(), TimeElapsedColumn()]
        columns.append(TextColumn("{task.fields[rate]:>8,.0f} rec/s"))
        self._progress = Progress(*columns, console=Console(file=sys.stderr), transient=True)
        self._task = self._progress.add_task("clean", total=total_bytes or None, records=0, rate=0.0)
        self._started = time.perf_counter()
        self._progress.start()

    def advance(self, nbytes: int) -> None:
        if not self.enabled:
            return
        self._records += 1
        self._bytes += nbytes
        now = time.perf_counter()
        if now - self._last >= self._EVERY:
            self._last = now
            self._refresh(now)

    def _refresh(self, now: float) -> None:
        rate = self._records / max(now - self._started, 1e-9)
        self._progress.update(self._task, completed=self._bytes, records=self._records, rate=rate)

    def close(self) -> None:
        if self._progress is not None:
            self._refresh(time.perf_counter())
            self._progress.stop()
            self._progress = None


class Tally:
    """The run-wide side of a command over documents: the progress bar, the summary, ``--stats``.

    Every document the command writes or reports goes through :meth:`add`, so the progress bar, the
    summary and the JSON statistics are all computed from the same documents (their
    :class:`DocStats`, made by :mod:`cleaner.pipeline.outputs` wherever the document was cleaned).
    ``with tally:`` shows the bar while the body runs, then notes the summary (when ``shown``) and
    writes ``stats_path``. ``jobs`` is recorded in the statistics.
    """

    def __init__(
        self,
        messages: Messages,
        *,
        jobs: int,
        shown: bool,
        total: int | None,
        stats_path: Path | None = None,
    ) -> None:
        self.messages = messages
        self.jobs = jobs
        self.shown = shown
        self.total = total
        self.stats_path = stats_path
        self.stats = RunStats()
        self.bar = ProgressBar(False, None)

    def __enter__(self) -> Tally:
        self.stats = RunStats()
        self.bar = ProgressBar(self.shown, self.total)
        return self

    def add(self, doc: Any) -> None:
        """Count one document (a finished one, carrying ``stats``, or an :class:`Unreadable`)."""
        size = self.stats.add_error(doc.raw) if isinstance(doc, Unreadable) else self.stats.add(doc.stats)
        self.bar.advance(size)

    def __exit__(self, *exc: object) -> None:
        self.bar.close()
        self.stats.stop()
        if self.shown and not exc[0]:
            for line in self.stats.summary_lines():
                self.messages.note(line)
        if self.stats_path is not None:
            try:
                data = json.dumps({**self.stats.to_dict(), "jobs": self.jobs}, indent=2)
                atomic_write(self.stats_path, data + "\n")
            except OSError as err:
                self.messages.error(f"--stats {self.stats_path}: cannot write: {err.strerror or err}")
