"""Whether bytes or a file are a feed (RSS, RDF, Atom, JSON Feed): by suffix, else by the root element.

Apart from :mod:`cleaner.io.feeds` so that :mod:`cleaner.io.reading` can pick feeds out of folders
without importing the feed reader (which imports it).
"""

from __future__ import annotations

import re
from pathlib import Path

__all__ = ["FEED_SUFFIXES", "SNIFF_SUFFIXES", "sniff", "is_feed_file"]

FEED_SUFFIXES: tuple[str, ...] = (".rss", ".atom", ".rdf")
SNIFF_SUFFIXES: tuple[str, ...] = (".xml", ".json")  # feeds when their content says so

_ROOT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?(rss|RDF|feed)[\s>/]")
_HEAD = 4096
_PROLOG = re.compile(rb"\s*(<\?.*?\?>|<!--.*?-->|<!DOCTYPE[^\[>]*(\[.*?\])?\s*>)", re.S)


def sniff(data: bytes) -> str | None:
    """``xml`` when the document's root element is a feed (rss, rdf:RDF, feed), ``json`` for a JSON
    Feed (its ``version`` key), else None. Looks at the first few KB only."""
    head = data[:_HEAD].lstrip(b"\xef\xbb\xbf \t\r\n")
    if head.startswith(b"{"):
        return "json" if re.search(rb'"version"\s*:\s*"https?://jsonfeed\.org/version/', data[: _HEAD * 4]) else None
    if not head.startswith(b"<"):
        try:  # UTF-16 feeds
            head = data[:_HEAD].decode("utf-16").lstrip("\ufeff \t\r\n").encode("utf-8")
        except UnicodeDecodeError:
            return None
    # skip the declaration, comments, processing instructions and the doctype, then the root's name
    pos = 0
    while m := _PROLOG.match(head, pos):
        pos = m.end()
    root = _ROOT.match(head[pos:].lstrip())
    return "xml" if root else None


def is_feed_file(path: Path) -> bool:
    """A file found in a folder is a feed: ``.rss``/``.atom``/``.rdf``, or ``.xml``/``.json`` whose
    content is one (only its first bytes are read)."""
    suffix = path.suffix.lower()
    if suffix in FEED_SUFFIXES:
        return True
    if suffix not in SNIFF_SUFFIXES:
        return False
    try:
        with path.open("rb") as fh:
            head = fh.read(_HEAD * 4)
    except OSError:
        return False
    return sniff(head) is not None


