"""``--jobs N``: clean documents in a pool of worker processes, in input order, with flat memory.

The main process does the cheap half, :func:`~cleaner.pipeline.documents.read_items` (bytes off the disk,
decompression, splitting into lines, rows or pages); the workers do the expensive half,
:func:`~cleaner.pipeline.documents.to_document` (JSON parsing and the core). Both halves are the functions the
sequential path runs, so ``--jobs N`` gives the same documents, and the same output bytes, as
``--jobs 1``. A command's ``finish`` function (:mod:`cleaner.pipeline.outputs`: the output bytes or printed
lines plus a few counts) runs in the worker too, so only what the command needs comes back — not the
text, the Result and its removals, whose pickling cost as much as a tenth of the cleaning.

Design choices:

* **Rules are compiled once per worker**, not per task: the :class:`~cleaner.pipeline.documents.Settings`
  (compiled rules included) go to the pool's initializer. With the ``fork`` start method (Linux) the
  workers inherit them at no cost; elsewhere they are pickled once per worker (~150 KB for the
  bundled packs, cheaper to unpickle than to compile).
* **Tasks are batches** of about :data:`BATCH_BYTES` of input (many records, or several small files),
  so the per-task overhead of inter-process communication stays small against the cleaning.
* **Order and memory**: at most :data:`WINDOW_PER_JOB` × jobs batches are in flight; results are
  consumed in submission order, so memory stays flat however large the input, and output order is
  input order. A batch that finishes early waits for the ones before it.
* **Errors stay in place**: a bad line is an :class:`~cleaner.pipeline.documents.Unreadable` produced by the
  worker at that line's position, and a source that breaks off mid-way ends with its
  :class:`~cleaner.pipeline.documents.Unreadable` after the records read before — exactly as sequentially, so
  ``--on-error`` and the line numbers it reports do not depend on ``--jobs``. An exception in a
  worker (a bug) is raised again in the main process when its batch's turn comes.
* **Stopping early** (``--on-error fail``, ``| head``, an error): batches not started are cancelled and
  the few already running are waited for, their results dropped. Workers are never killed: killing
  them breaks the executor, whose management thread then fails on the cancelled futures (a thread
  traceback on stderr). Ctrl-C and SIGTERM do not wait: a worker dies with its parent
  (:func:`die_with_parent`: ``PR_SET_PDEATHSIG`` on Linux, a watchdog elsewhere), kill -9 included.

``cleaner mine --jobs N`` runs its counting pass in :mod:`cleaner.mining.pool`, with the start method
chosen here (:func:`start_context`).
"""

from __future__ import annotations

import multiprocessing
import os
import signal
import sys
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, replace
from typing import Any

from cleaner.io.reading import InputError, Source
from cleaner.io.records import RecordFields
from cleaner.pipeline.documents import (
    Finish,
    Item,
    LineItem,
    Located,
    Settings,
    Unreadable,
    process,
    read_items,
)

__all__ = ["BATCH_BYTES", "BATCH_ITEMS", "WINDOW_PER_JOB", "available_cores", "parallel_sources", "start_context"]

BATCH_BYTES = 1 << 19  # ~0.5 MB of input per task: IPC overhead ~1% of cleaning, small enough to balance the tail
BATCH_ITEMS = 4096  # and a cap on records per task, so tiny records still make bounded tasks
WINDOW_PER_JOB = 3  # batches in flight per worker: enough to keep workers busy while one result waits

Doc = Any  # an Unreadable, or a cleaned document as its command's ``finish`` made it (else a Located)
_Task = list[tuple[int, str, Item]]

_worker_state: tuple[Settings, RecordFields, Finish | None] | None = None


def available_cores() -> int:
    """Cores this process may run on (the affinity mask where the platform has one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # macOS, Windows
        return max(1, os.cpu_count() or 1)


def _init_worker(settings: Settings, fields: RecordFields, finish: Finish | None) -> None:
    global _worker_state
    _worker_state = (settings, fields, finish)
    # Ctrl-C is the main process's to handle (it stops the workers); without this every worker would
    # print its own KeyboardInterrupt traceback. SIGTERM kills a worker plainly (the CLI's handler,
    # inherited by fork, is for the main process), and a worker dies with its parent (kill -9 included).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    for name in ("SIGTERM", "SIGHUP"):
        if hasattr(signal, name):
            signal.signal(getattr(signal, name), signal.SIG_DFL)
    die_with_parent()


def die_with_parent() -> None:
    """Have the kernel kill this process when its parent dies (Linux ``PR_SET_PDEATHSIG``), so that no
    worker outlives a main process killed by ``kill -9``; elsewhere a thread watches the parent."""
    parent = os.getppid()
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        armed = libc.prctl(1, signal.SIGKILL, 0, 0, 0) == 0  # 1 = PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        armed = False
    if os.getppid() != parent:  # the parent died before the signal was armed
        os._exit(1)
    if not armed:
        import threading
        import time

        def watch() -> None:
            while os.getppid() == parent:
                time.sleep(1.0)
            os._exit(1)

        threading.Thread(target=watch, name="parent-watchdog", daemon=True).start()


def _clean_batch(task: _Task) -> list[tuple[int, Doc]]:
    """Clean and finish one batch in a worker. The raw bytes of a JSONL line (a bad line's, or any
    line's when there is no ``finish``) are not sent back: the main process still has them
    (:func:`_with_raw`)."""
    assert _worker_state is not None, "worker used before its initializer ran"
    settings, fields, finish = _worker_state
    out = []
    for index, name, item in task:
        doc = process(name, item, settings, fields, finish)
        out.append((index, replace(doc, raw=None) if _has_raw(doc) and doc.raw is not None else doc))
    return out


def _with_raw(task: _Task, results: list[tuple[int, Doc]]) -> list[tuple[int, Doc]]:
    """Give the documents of a batch back the raw JSONL lines :func:`_clean_batch` left out."""
    return [
        (index, replace(doc, raw=item.raw) if isinstance(item, LineItem) and _has_raw(doc) else doc)
        for (_, _, item), (index, doc) in zip(task, results, strict=True)
    ]


def _has_raw(doc: Doc) -> bool:
    """A bad line, or a document not made smaller by a ``finish``: they carry the line as read."""
    return isinstance(doc, Unreadable | Located)


def _size(item: Item) -> int:
    """Roughly how much input an item holds (what batches are cut by)."""
    if isinstance(item, LineItem):
        return len(item.raw) + 1
    return sum(len(getattr(item, name, None) or "") for name in ("text", "data", "html"))


@dataclass
class _Progress:
    """Shared between the reader and the consumer: sources the consumer dropped need no more reading."""

    dropped: int = -1


def _batches(sources: list[Source], fields: RecordFields, jsonl: bool, state: _Progress) -> Iterator[Any]:
    """Work for the pool (a list of items) or, for a source that broke off, its ready :class:`Unreadable`.

    A batch may hold items of several sources (many small files make one task); it is cut before a
    source's read error so that the error comes after exactly the records read before it.
    """
    batch: _Task = []
    size = 0
    for index, source in enumerate(sources):
        if index <= state.dropped:
            continue
        try:
            for item in read_items(source, fields, jsonl=jsonl):
                batch.append((index, source.name, item))
                size += _size(item)
                if size >= BATCH_BYTES or len(batch) >= BATCH_ITEMS:
                    yield batch
                    batch, size = [], 0
                    if index <= state.dropped:
                        break  # the consumer stopped this source (e.g. --on-error fail): read no further
        except InputError as exc:
            if batch:
                yield batch
                batch, size = [], 0
            yield Unreadable(source.name, str(exc)), index
    if batch:
        yield batch


def start_context() -> multiprocessing.context.BaseContext:
    """``fork`` where it is the safe default (Linux, Python < 3.12: settings inherited for free), else
    ``forkserver``/``spawn`` (settings pickled once per worker)."""
    methods = multiprocessing.get_all_start_methods()
    if sys.platform == "linux" and sys.version_info < (3, 12) and "fork" in methods:
        return multiprocessing.get_context("fork")
    return multiprocessing.get_context("forkserver" if "forkserver" in methods else "spawn")


def _ordered(
    sources: list[Source],
    settings: Settings,
    fields: RecordFields,
    jsonl: bool,
    jobs: int,
    state: _Progress,
    finish: Finish | None,
) -> Iterator[tuple[int, Doc]]:
    """Every ``(source index, document)`` in input order, cleaned by ``jobs`` worker processes."""
    window: deque[tuple[Future[list[tuple[int, Doc]]], _Task] | list[tuple[int, Doc]]] = deque()
    limit = max(2, jobs * WINDOW_PER_JOB)
    tasks = _batches(sources, fields, jsonl, state)
    pool = ProcessPoolExecutor(
        max_workers=jobs, mp_context=start_context(), initializer=_init_worker, initargs=(settings, fields, finish)
    )
    try:
        exhausted = False
        while True:
            while not exhausted and len(window) < limit:
                task = next(tasks, None)
                if task is None:
                    exhausted = True
                elif isinstance(task, tuple):
                    window.append([(task[1], task[0])])  # a read error: ready, keeps its place
                else:
                    window.append((pool.submit(_clean_batch, task), task))
            if not window:
                return
            head = window.popleft()
            yield from head if isinstance(head, list) else _with_raw(head[1], head[0].result())
    finally:
        # All consumed: wait for the workers to exit. Stopped early (--on-error fail, a closed stdout,
        # an error): cancel what has not started and wait for the few batches already running (their
        # results are dropped). Waiting for them (bounded by the time budget) keeps the executor's management
        # thread from failing on dropped futures at exit (a thread traceback); an interrupted run does
        # not wait: its workers die with it (die_with_parent).
        interrupted = isinstance(sys.exc_info()[1], KeyboardInterrupt)
        pool.shutdown(wait=not interrupted, cancel_futures=True)


def parallel_sources(
    sources: list[Source],
    settings: Settings,
    fields: RecordFields,
    *,
    jsonl: bool,
    jobs: int,
    finish: Finish | None = None,
) -> Iterator[tuple[Source, Iterator[Doc]]]:
    """Like the sequential :func:`~cleaner.pipeline.documents.iter_sources`: each source with its documents
    (each cleaned one as ``finish`` made it, in the worker)."""
    state = _Progress()
    stream = _ordered(sources, settings, fields, jsonl, jobs, state, finish)
    pending: list[tuple[int, Doc]] = []  # one look-ahead item, taken from the stream but not yet used

    def documents(index: int) -> Iterator[Doc]:
        finished = False
        try:
            while True:
                item = pending.pop() if pending else next(stream, None)
                if item is None:
                    finished = True
                    return
                if item[0] < index:
                    continue  # left over from a source the consumer dropped
                if item[0] > index:
                    pending.append(item)
                    finished = True
                    return
                yield item[1]
        finally:
            if not finished:
                state.dropped = max(state.dropped, index)

    try:
        for index, source in enumerate(sources):
            yield source, documents(index)
    finally:
        stream.close()
