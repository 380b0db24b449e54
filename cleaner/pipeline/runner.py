"""The batch runner: every source of a run, cleaned in order, in this process or in a pool.

This is the one place that chooses between the sequential path
(:func:`cleaner.pipeline.documents.iter_source`) and the process pool
(:func:`cleaner.pipeline.pool.parallel_sources`), and the run policy behind ``--jobs 0`` (how many
workers a run is worth, from the size of its input). Both paths give the same documents in the same
order, so the choice never shows in the output. The sequential module does not know the pool exists,
and the pool is built from the sequential module's parts: the imports run one way.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable, Iterator
from typing import Any

from cleaner.io.reading import Source
from cleaner.io.records import RecordFields
from cleaner.pipeline.documents import Finish, Settings, iter_source

__all__ = ["AUTO_JOBS_BYTES", "AUTO_JOBS_FILES", "choose_jobs", "input_size", "iter_documents", "iter_sources"]

AUTO_JOBS_BYTES = 8_000_000  # --jobs 0: below this much input, starting workers costs more than it gains
AUTO_JOBS_FILES = 1000
_COMPRESSION_GUESS = 4  # a .gz/.zst/.parquet file holds about this many times its size in text


def input_size(sources: list[Source]) -> tuple[int, bool]:
    """Estimated bytes of text in ``sources`` and whether that is exact (plain files only, no stdin)."""
    total, exact = 0, True
    for source in sources:
        if source.path is None:
            exact = False
            continue
        with contextlib.suppress(OSError):
            size = source.path.stat().st_size
            packed = source.format in ("parquet", "warc") or source.path.name.lower().endswith((".gz", ".zst"))
            total += size * _COMPRESSION_GUESS if packed else size
            exact = exact and not packed
    return total, exact


def choose_jobs(sources: list[Source], jobs: int) -> int:
    """Worker processes for a run: ``jobs`` when given, else all cores for a big input, else 1."""
    if jobs:
        return jobs
    size, _ = input_size(sources)
    big = size > AUTO_JOBS_BYTES or len(sources) > AUTO_JOBS_FILES
    if not big:
        return 1
    from cleaner.pipeline.pool import available_cores  # lazy: multiprocessing only for runs that need it

    return available_cores()


def iter_sources(
    sources: Iterable[Source],
    settings: Settings,
    fields: RecordFields,
    *,
    jsonl: bool = False,
    jobs: int = 1,
    finish: Finish | None = None,
) -> Iterator[tuple[Source, Iterator[Any]]]:
    """Each source with its documents, in order; with ``jobs`` > 1 cleaned by a pool of processes.

    Each source's iterator must be consumed (or dropped) before the next pair is taken; dropping it
    early stops reading that source. Both paths give the same documents in the same order.
    """
    if jobs > 1:
        from cleaner.pipeline.pool import parallel_sources

        yield from parallel_sources(list(sources), settings, fields, jsonl=jsonl, jobs=jobs, finish=finish)
        return
    for source in sources:
        yield source, iter_source(source, settings, fields, jsonl=jsonl, finish=finish)


def iter_documents(
    sources: Iterable[Source],
    settings: Settings,
    fields: RecordFields,
    *,
    jsonl: bool = False,
    jobs: int = 1,
    finish: Finish | None = None,
) -> Iterator[Any]:
    """Clean every source in turn (see :func:`iter_source`)."""
    for _, docs in iter_sources(sources, settings, fields, jsonl=jsonl, jobs=jobs, finish=finish):
        yield from docs
