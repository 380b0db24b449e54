"""One mining run over a corpus: read its records, count them (in this process or a pool), with the
``--on-error`` policy applied to bad records.

``cleaner mine`` calls :func:`mine_corpus`; a problem that stops the run (an unreadable input, or a bad
record under ``fail``) is a :class:`CorpusError`, a skipped record a warning through the
:class:`~cleaner.pipeline.messages.Messages` protocol. The counting is the same for every number of
jobs (:func:`cleaner.mining.pool.mine_parallel` merges mergeable states).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from cleaner.io.reading import InputError
from cleaner.io.records import RecordFields
from cleaner.mining.corpus import CorpusProblem, iter_corpus
from cleaner.mining.pool import Record, mine_parallel
from cleaner.mining.state import MiningOptions, MiningState
from cleaner.pipeline.messages import Messages
from cleaner.rules import RuleSet

__all__ = ["CorpusError", "mine_corpus", "usable_records"]


class CorpusError(Exception):
    """A problem that stops a mining run; the message is the one-line error."""


def usable_records(
    paths: Iterable[str],
    fields: RecordFields,
    messages: Messages,
    *,
    id_field: str | None,
    site_field: str | None,
    jsonl: bool,
    on_error: str,
) -> Iterator[Record]:
    """The corpus's records as ``(text, doc id, url, site, language)``; bad ones skipped (``skip``) or fatal."""
    for rec in iter_corpus(paths, fields, id_field=id_field, site_field=site_field, jsonl=jsonl):
        if isinstance(rec, CorpusProblem):
            if rec.line is None or on_error == "fail":
                raise CorpusError(str(rec))
            messages.warning(f"{rec} (record skipped)")
            continue
        yield rec.text, rec.doc_id, rec.url, rec.site, rec.language


def mine_corpus(
    records: Iterable[Record], *, options: MiningOptions, rules: RuleSet | None, jobs: int
) -> MiningState:
    """Pass 1 over ``records`` with ``jobs`` processes; an input that breaks off is a :class:`CorpusError`."""
    try:
        if jobs > 1:
            return mine_parallel(records, options=options, rules=rules, jobs=jobs)
        state = MiningState(options)
        for text, doc_id, url, site, language in records:
            state.add(text, doc_id=doc_id, url=url, site=site, language=language, rules=rules)
        return state
    except InputError as exc:
        raise CorpusError(str(exc)) from None
