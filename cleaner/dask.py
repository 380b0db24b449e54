"""Clean and mine datasets on a Dask cluster (optional extra: ``pip install 'feed-cleaner[dask]'``).

The engine stays pure and engine-free; this module only maps it over partitions:

* :func:`clean_bag` / :func:`clean_dataframe`: rules are loaded and compiled **once per partition**
  (``map_partitions``), never per record, and every record goes through :func:`cleaner.clean` exactly
  as in ``cleaner clean`` — the same text, the same result, whatever the partitioning.
* :func:`mine_bag`: each partition counts into a :class:`~cleaner.mining.state.MiningState`; the states are
  folded with :meth:`~cleaner.mining.state.MiningState.merge` (commutative, associative) and
  :meth:`~cleaner.mining.state.MiningState.finish` runs once on the client: the same candidates as
  ``cleaner mine`` on the same records.

Rules travel as *paths* (plus ``defaults``), not as compiled objects, so each worker compiles them from
the files it can see: give paths that every worker can read (a shared filesystem, or files shipped
with ``client.upload_file``) — or ``rules=None`` for the bundled packs, which ship inside the package.
Point it at a real cluster with ``distributed.Client("tcp://scheduler:8786")`` before calling these
functions; they build lazy collections, ``.compute()`` (or ``to_textfiles``) runs them.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

from cleaner.core import clean
from cleaner.io.records import RecordFields, select_fields
from cleaner.mining.state import MiningOptions, MiningResult, MiningState
from cleaner.result import Options
from cleaner.rules import RuleSet, default_rules, load_rules

__all__ = ["clean_bag", "clean_dataframe", "mine_bag", "clean_records", "mine_partition"]

RulePaths = Sequence[str | Path] | None


@lru_cache(maxsize=8)
def _rules_cached(paths: tuple[str, ...], defaults: bool) -> RuleSet:
    if not paths:
        return default_rules() if defaults else RuleSet()
    return load_rules(list(paths), defaults=defaults)


def _ruleset(rules: RulePaths, defaults: bool) -> RuleSet:
    """Compile the packs once per worker process (cached: partitions on one worker share them)."""
    return _rules_cached(tuple(str(p) for p in rules or ()), defaults)


def _written(result: Any, text: str) -> str:
    """What the CLI writes for a record: its clean text, or the text as it was when nothing was removed."""
    return result.text if result.removals or result.source is not None else text


def clean_records(
    records: Iterable[dict[str, Any]],
    *,
    rules: RulePaths = None,
    defaults: bool = True,
    options: Options | None = None,
    text_field: str = "text",
    url_field: str | None = "url",
    lang_field: str | None = None,
    output_field: str | None = None,
) -> list[dict[str, Any]]:
    """Clean one partition of records (dicts): the text field replaced (or ``output_field`` added).

    Every other field is kept. Records without a string text field are returned unchanged, as
    ``cleaner clean --on-error keep`` would.
    """
    ruleset = _ruleset(rules, defaults)
    fields = RecordFields(text_field, url_field, lang_field)
    out = []
    for rec in records:
        chosen = select_fields(rec, fields, strict=False)
        if isinstance(chosen, str):
            out.append(rec)
            continue
        result = clean(rec[text_field], url=chosen.url, language=chosen.lang, rules=ruleset, options=options)
        new = dict(rec)
        new[output_field or text_field] = _written(result, rec[text_field])
        out.append(new)
    return out


def clean_bag(bag: Any, **kwargs: Any) -> Any:
    """A Dask bag of records (dicts) → a bag of cleaned records (see :func:`clean_records` for options)."""
    return bag.map_partitions(_clean_partition, **kwargs)


def _clean_partition(records: Iterable[dict[str, Any]], **kwargs: Any) -> list[dict[str, Any]]:
    return clean_records(records, **kwargs)


def clean_dataframe(
    ddf: Any,
    *,
    rules: RulePaths = None,
    defaults: bool = True,
    options: Options | None = None,
    text_column: str = "text",
    url_column: str | None = "url",
    lang_column: str | None = None,
    output_column: str | None = None,
) -> Any:
    """A Dask dataframe → the same with ``text_column`` cleaned (or ``output_column`` added).

    Needs ``dask[dataframe]`` (pandas). Rules are compiled once per partition.
    """
    target = output_column or text_column
    meta = ddf._meta.copy()
    meta[target] = meta[text_column].astype(object)
    return ddf.map_partitions(
        _clean_frame,
        rules=tuple(str(p) for p in rules or ()),
        defaults=defaults,
        options=options,
        columns=(text_column, url_column, lang_column, target),
        meta=meta,
    )


def _clean_frame(frame: Any, *, rules: tuple[str, ...], defaults: bool, options: Options | None, columns: tuple) -> Any:
    text_col, url_col, lang_col, target = columns
    ruleset = _ruleset(rules, defaults)
    fields = RecordFields(text_col, url_col if url_col in frame else None, lang_col if lang_col in frame else None)
    names = [c for c in (fields.text, fields.url, fields.lang) if c]
    cleaned = []
    for values in zip(*(frame[c] for c in names), strict=True):
        row = dict(zip(names, values, strict=True))
        chosen = select_fields(row, fields, strict=False)
        text = row[text_col]
        cleaned.append(
            text
            if isinstance(chosen, str)
            else _written(clean(text, url=chosen.url, language=chosen.lang, rules=ruleset, options=options), text)
        )
    out = frame.copy()
    out[target] = cleaned
    return out


def mine_partition(
    records: Iterable[dict[str, Any]],
    *,
    options: MiningOptions | None = None,
    rules: RulePaths = None,
    defaults: bool = True,
    filter_rules: bool = True,
    text_field: str = "text",
    url_field: str | None = "url",
    id_field: str | None = None,
    site_field: str | None = None,
    lang_field: str | None = None,
) -> MiningState:
    """Pass 1 of mining over one partition: a :class:`MiningState` ready to be merged.

    Document ids come from ``id_field``, else the URL (as ``cleaner mine``); a record with neither
    cannot be given a stable id and is refused with ``ValueError`` (ids must not depend on partitioning).
    """
    state = MiningState(options or MiningOptions())
    ruleset = _ruleset(rules, defaults) if filter_rules else None
    fields = RecordFields(text_field, url_field, lang_field, id=id_field, site=site_field)
    for rec in records:
        chosen = select_fields(rec, fields, strict=False)
        if isinstance(chosen, str):
            continue
        doc_id = chosen.doc_id if id_field else chosen.url
        if doc_id is None:
            raise ValueError(f"record without {id_field or url_field!r}: give id_field= for stable document ids")
        state.add(
            rec[text_field], doc_id=doc_id, url=chosen.url, site=chosen.site, language=chosen.lang, rules=ruleset
        )
    return state


def _mine_partition(records: Iterable[dict[str, Any]], **kwargs: Any) -> Iterator[MiningState]:
    yield mine_partition(records, **kwargs)


def mine_bag(bag: Any, *, options: MiningOptions | None = None, **kwargs: Any) -> MiningResult:
    """Mine a bag of records on the cluster; returns the :class:`MiningResult` (this computes).

    Each partition yields one state (``map_partitions``); ``Bag.reduction`` folds them tree-wise on
    the workers; the client groups and filters (``finish``). Keyword options as :func:`mine_partition`.
    """
    options = options or MiningOptions()
    states = bag.map_partitions(_mine_partition, options=options, **kwargs)
    total = states.reduction(_fold, _fold, split_every=8)
    return total.compute().finish()


def _fold(states: Iterable[MiningState]) -> MiningState:
    it = iter(states)
    first = next(it)
    for s in it:
        first.merge(s)
    return first
