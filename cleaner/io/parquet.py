"""Parquet datasets (optional extra ``feed-cleaner[parquet]``, pyarrow): read rows, write them back cleaned.

Reading streams record batches (:data:`ROWS_PER_BATCH` rows at a time), so memory does not grow with
the file; each row becomes a :class:`~cleaner.io.reading.RecordItem` whose ``line`` is its 1-based row
number (what messages show: ``data.parquet:ROW: problem``). The text, URL and language columns are
the ``--text-field``/``--url-field``/``--lang-field`` names. A file without the text column is
refused as a whole (there is nothing to clean in any row); a row whose text is null or not a string
is a bad record and follows ``--on-error``.

Writing keeps the input's schema (column order, types, metadata): only the text column's values
change (or ``--output-field`` adds a string column), and rows are written in row groups of about
:data:`ROWS_PER_GROUP` as they come, so the output streams too.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import IO, Any

from cleaner.io.reading import InputError, RecordItem, Source
from cleaner.io.records import RecordFields, select_fields

__all__ = ["ROWS_PER_BATCH", "ROWS_PER_GROUP", "iter_rows", "write_rows"]

ROWS_PER_BATCH = 1024
ROWS_PER_GROUP = 8192
_GROUP_BYTES = 64 << 20  # …or fewer rows when they hold this much text


def _pyarrow(name: str) -> tuple[Any, Any]:
    try:
        import pyarrow
        import pyarrow.parquet
    except ImportError:
        raise InputError(f"{name}: reading Parquet needs pyarrow: pip install 'feed-cleaner[parquet]'") from None
    return pyarrow, pyarrow.parquet


def _kind(value: Any) -> str:
    return "null" if value is None else f"a {type(value).__name__}"


def iter_rows(source: Source, fields: RecordFields) -> Iterator[RecordItem]:
    """Every row of a Parquet file as a :class:`RecordItem`, streamed batch by batch."""
    pa, pq = _pyarrow(source.name)
    assert source.path is not None
    try:
        pf = pq.ParquetFile(source.path)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{source.name}: not a readable Parquet file ({exc})") from None
    names = pf.schema_arrow.names
    for column in (fields.text, fields.url, fields.lang):
        if column is not None and column not in names:
            raise InputError(f"{source.name}: no column {column!r} (columns: {', '.join(names)})")
    row = 0
    try:
        for batch in pf.iter_batches(batch_size=ROWS_PER_BATCH):
            for record in batch.to_pylist():
                row += 1
                yield _item(row, record, fields)
    except (pa.ArrowException, OSError) as exc:
        raise InputError(f"{source.name}: cannot read after row {row}: {exc}") from None


def _item(row: int, record: dict[str, Any], fields: RecordFields) -> RecordItem:
    chosen = select_fields(record, fields, noun="column", kind=_kind)
    if isinstance(chosen, str):
        return RecordItem(row, row, record, problem=chosen)
    return RecordItem(row, row, record, text=chosen.text, url=chosen.url, lang=chosen.lang)


def write_rows(fh: IO[bytes], source: Source, rows: Iterable[bytes | dict[str, Any]], *, text_field: str) -> None:
    """Write ``rows`` (dicts: the input rows with their clean text) to ``fh`` with ``source``'s schema."""
    pa, pq = _pyarrow(source.name)
    assert source.path is not None
    schema = pq.read_schema(source.path)
    if text_field not in schema.names:
        schema = schema.append(pa.field(text_field, pa.string()))
    buffer: list[dict[str, Any]] = []
    size = 0
    with pq.ParquetWriter(fh, schema) as writer:
        for row in rows:
            if not isinstance(row, dict):  # pragma: no cover - the CLI only sends Parquet rows here
                raise TypeError("Parquet output takes records")
            buffer.append(row)
            text = row.get(text_field)
            size += len(text) if isinstance(text, str) else 0
            if len(buffer) >= ROWS_PER_GROUP or size >= _GROUP_BYTES:
                writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
                buffer, size = [], 0
        if buffer:
            writer.write_table(pa.Table.from_pylist(buffer, schema=schema))
