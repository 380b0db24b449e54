"""Writing a cleaned feed: the same feed, with only the content of the items that changed replaced.

Each content field of an item is cleaned as its own document (:mod:`cleaner.pipeline.documents`); what
comes back from the cleaning (in a worker with ``--jobs``) is a small :class:`FeedPiece`: the field's
new content — when the field held markup, the field's own HTML minus the removed blocks
(:func:`cleaner.html.rewrite.keep_markup`: links, images and emphasis stay), or, when the markup does
not line up with the result, HTML rendered from its paragraphs (:func:`cleaner.render.to_html`); the
clean text when the field held text — or None when nothing was removed, so that the
item is written back as it was. The main process then re-reads the feed's tree and writes it once,
atomically (:meth:`cleaner.io.feeds.Feed.rewrite`): a feed is never half-written, and a feed that
cannot be read as XML (or an item that cannot be used under ``--on-error fail``) leaves the output
untouched.

``--on-error`` applies per item: ``skip`` leaves the item out of the feed, ``keep`` writes it back
unchanged. ``--drop-duplicate-records`` leaves out an item whose primary content is a copy of an
earlier item's (:mod:`cleaner.pipeline.records_dedup`).
"""

from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from cleaner.html.rewrite import keep_markup
from cleaner.io.feeds import load
from cleaner.io.reading import InputError, Source
from cleaner.io.writing import atomic_output, write_stdout
from cleaner.pipeline.documents import Located, Unreadable
from cleaner.pipeline.messages import Messages, plural
from cleaner.render import to_html

__all__ = ["FeedPiece", "feed_piece", "is_feed_doc", "clean_feed"]


class FeedPiece(NamedTuple):
    """One cleaned content field of a feed item: its new content, or None to keep it as it is."""

    index: int
    field: str
    content: str | None


def feed_piece(doc: Located) -> FeedPiece:
    """What the feed writer needs of one cleaned item field (computed where it was cleaned)."""
    entry = doc.feed
    assert entry is not None
    if not doc.result.removals:
        return FeedPiece(entry.index, entry.field, None)
    if not entry.is_html:
        return FeedPiece(entry.index, entry.field, doc.result.text)
    paragraphs = doc.result.paragraphs
    kept = keep_markup(entry.content, (p.text for p in paragraphs)) if paragraphs is not None else None
    return FeedPiece(entry.index, entry.field, kept if kept is not None else to_html(doc.result))


def is_feed_doc(doc: Any) -> bool:
    """Whether a finished document (or an unreadable one) belongs to a feed."""
    if isinstance(doc, Unreadable):
        return doc.feed is not None
    return isinstance(getattr(doc, "data", None), FeedPiece)


def clean_feed(
    messages: Messages,
    docs: Iterable[Any],
    source: Source,
    target: Path | None,
    *,
    on_error: str,
    backup: str | None,
    diff: bool,
    tally: Any,
    duplicates: Any = None,
) -> None:
    """Write one feed's cleaned items to ``target`` (None: stdout); ``duplicates``: a
    :class:`~cleaner.pipeline.records_dedup.RecordIndex` when later copies are to be dropped."""
    contents: dict[tuple[int, str], str] = {}
    drop: set[int] = set()
    counts: Counter[str] = Counter()
    items: set[int] = set()
    for doc in docs:
        if isinstance(doc, Unreadable) and doc.feed is None:  # the feed broke off: nothing is written
            messages.error(f"{doc}" + (f" (nothing written to {target})" if target is not None else ""))
            return
        if isinstance(doc, Unreadable):
            tally.add(doc)
            items.add(doc.feed.index)
            counts["errors"] += 1
            if on_error == "fail":
                messages.error(str(doc) + (f" (nothing written to {target})" if target is not None else ""))
                return
            if on_error == "skip":
                messages.warning(f"{doc} (item skipped)")
                drop.add(doc.feed.index)
            else:
                messages.warning(f"{doc} (item kept unchanged)")
            continue
        tally.add(doc)
        piece: FeedPiece = doc.data
        items.add(piece.index)
        if duplicates is not None and doc.sig is not None and (dup := duplicates.see(doc.sig)) is not None:
            drop.add(piece.index)
            counts["duplicates"] += 1
            tally.stats.duplicates += 1
            messages.warning(f"{dup.check_line()} (item dropped)")
            continue
        counts["removals"] += sum(n for _, n in doc.stats.removals)
        if piece.content is not None:
            contents[(piece.index, piece.field)] = piece.content
    for index, field in list(contents):
        if index in drop:
            del contents[(index, field)]
    try:
        feed = load(source)
    except InputError as exc:
        messages.error(str(exc))
        return
    data = feed.rewrite(contents, drop)
    written = len(items) - len(drop)
    if diff:
        before = feed.data.decode("utf-8", "replace").splitlines(keepends=True)
        after = data.decode("utf-8", "replace").splitlines(keepends=True)
        write_stdout("".join(difflib.unified_diff(before, after, f"a/{source.name}", f"b/{source.name}")))
    elif target is None:
        write_stdout([data])
    else:
        try:
            out = atomic_output(target, backup=backup, keep_if_same=target == source.path)
            with out as fh:
                fh.write(data)
        except OSError as exc:
            messages.error(f"{target}: cannot write: {exc.strerror or exc}")
            return
    if not diff:
        tally.stats.records_out += written
        tally.stats.bytes_out += len(data)
    changed = len({i for i, _ in contents})
    dropped = f", {plural(counts['duplicates'], 'duplicate')} dropped" if counts["duplicates"] else ""
    messages.note(
        f"{source.name}: {plural(len(items), 'item')}, {changed} changed ({plural(counts['removals'], 'removal')})"
        f"{dropped}, {plural(counts['errors'], 'error')}"
    )
