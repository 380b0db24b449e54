"""``cleaner mine --jobs N``: pass 1 of mining (the counting) in a pool of worker processes.

Batches of records are counted apart, each into its own :class:`~cleaner.mining.state.MiningState`,
and the states merged in the main process. Merging is commutative, so the result does not depend on the
number of jobs or on which worker counted what. The start method is the clean pool's
(:func:`cleaner.pipeline.pool.start_context`), so that choice exists once.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait

from cleaner.mining.state import MiningOptions, MiningState
from cleaner.pipeline.pool import start_context
from cleaner.rules import RuleSet

__all__ = ["Record", "mine_parallel"]

Record = tuple[str, str, str | None, str | None, str | None]  # text, doc id, url, site, language

_mine_worker: tuple[MiningOptions, RuleSet | None] | None = None


def _init_mine_worker(options: MiningOptions, rules: RuleSet | None) -> None:
    global _mine_worker
    _mine_worker = (options, rules)


def _mine_batch(batch: list[Record]) -> MiningState:
    assert _mine_worker is not None
    options, rules = _mine_worker
    state = MiningState(options)
    for text, doc_id, url, site, language in batch:
        state.add(text, doc_id=doc_id, url=url, site=site, language=language, rules=rules)
    return state


def _record_batches(records: Iterable[Record], chars: int) -> Iterator[list[Record]]:
    batch: list[Record] = []
    size = 0
    for rec in records:
        batch.append(rec)
        size += len(rec[0])
        if size >= chars:
            yield batch
            batch, size = [], 0
    if batch:
        yield batch


def mine_parallel(
    records: Iterable[Record],
    *,
    options: MiningOptions | None = None,
    rules: RuleSet | None = None,
    jobs: int = 2,
    batch_chars: int = 1 << 20,
) -> MiningState:
    """Pass 1 in ``jobs`` worker processes: batches of records are counted apart and merged here.

    The same state as one :class:`MiningState` fed every record (merging is commutative), so the same
    result; rules are sent once per worker. ``records`` is consumed lazily, with at most ``2 × jobs``
    batches in flight, so memory does not grow with the input beyond the state itself.
    """
    options = options or MiningOptions()
    total = MiningState(options)
    with ProcessPoolExecutor(
        jobs, mp_context=start_context(), initializer=_init_mine_worker, initargs=(options, rules)
    ) as pool:
        pending: set[Future[MiningState]] = set()
        for batch in _record_batches(records, batch_chars):
            pending.add(pool.submit(_mine_batch, batch))
            if len(pending) >= 2 * jobs:
                done, pending = wait(pending, return_when=FIRST_COMPLETED)
                for f in done:
                    total.merge(f.result())
        for f in pending:
            total.merge(f.result())
    return total
