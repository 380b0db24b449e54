"""Reading a page: sniffing, decoding, safe parsing, and the data types every later stage shares.

This is the first stage of :mod:`cleaner.html`, and the only one that sees bytes. A page is decoded
(:mod:`cleaner.html.encoding`) and cut at :data:`MAX_BYTES` with a note, so that memory and time per
page stay bounded. It is parsed with lxml's HTML parser set up for untrusted input: no network access
(no DTD or anything else is ever fetched, and HTML parsing never expands external entities), no
huge-tree mode (libxml2's depth limit stays on, with a note when a page hits it), comments and
processing instructions dropped. Clean UTF-8 goes to libxml2 as it is, without a str round trip.

The value types live here too — :class:`Block`, :class:`Page`, :class:`Stripped`,
:class:`SelectorRule` and the CSS compiler for its selectors — with the small text helpers
(:func:`fold`, :func:`text_len`, :func:`text_of`): this is the base module every later stage
imports, and it imports none of them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache

from lxml import etree

from cleaner.html.encoding import decode_html
from cleaner.html.sniff import looks_like_html as looks_like_html
from cleaner.result import PageInfo

__all__ = [
    "MAX_BYTES",
    "Block",
    "SelectorRule",
    "Stripped",
    "Page",
    "looks_like_html",
    "read_page",
    "parse",
    "compile_css",
    "fold",
    "text_len",
    "text_of",
]

MAX_BYTES = 20_000_000  # larger pages are cut (with a note): bounded memory and time per page


@dataclass(frozen=True)
class Block:
    """One unit of content in document order.

    ``kind`` is ``heading``, ``paragraph``, ``list_item``, ``quote``, ``table_row``, ``caption`` or
    ``code``. ``text`` is whitespace-folded and never empty (table cells are separated by a tab).
    ``level`` is the heading level (1-6), the list nesting depth for list items (1 = top), for table
    rows the number of their table in the page (1 = first: two tables in a row stay two), else 0.
    ``link`` counts the characters of the text that sit inside links (0: a link-free block); it is
    not compared, so blocks equal by kind, text and level are equal.
    """

    kind: str
    text: str
    level: int = 0
    link: int = field(default=0, compare=False)


@dataclass(frozen=True)
class SelectorRule:
    """A CSS selector rule: ``root`` (first match is the content) or ``strip`` (remove all matches).

    ``has_text`` limits the rule to elements whose text contains it (case-insensitive), so a rule can
    target "the box that says 'This page may contain third-party content'" and nothing else.
    """

    id: str
    action: str
    css: str
    has_text: str | None = None


@dataclass(frozen=True)
class Stripped:
    """An element a selector rule removed (for ``cleaner explain``)."""

    rule: str
    text: str


@dataclass(frozen=True)
class Page:
    """What :func:`~cleaner.html.extract.extract` found in one page: its blocks, what the page states about itself
    (:class:`~cleaner.result.PageInfo`, the object results carry) and ``chars``, the length of the
    decoded page."""

    blocks: tuple[Block, ...]
    info: PageInfo = field(default_factory=PageInfo)
    notes: tuple[str, ...] = ()
    stripped: tuple[Stripped, ...] = ()
    chars: int = 0


# ----------------------------------------------------------------------------------------------
# Sniffing and parsing

# looks_like_html lives in cleaner.html.sniff (no lxml: a text-only run never loads the parser)


# Characters XML 1.0 forbids (C0 controls but tab/newline/return, lone surrogates, U+FFFE/U+FFFF): libxml2's
# HTML parser keeps them, and lxml then refuses every string holding one ("All strings must be XML
# compatible") when the extractor edits the tree. A form feed is HTML whitespace and becomes a space.
_XML_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_C0_BYTES = bytes(c for c in range(32) if c not in (9, 10, 13))  # the C0 controls above, and the form feed
_C0_SINGLES = tuple(bytes([c]) for c in _C0_BYTES)


def _utf8_is_xml_safe(utf8: bytes, text: str) -> bool:
    """No C0 control (but tab, newline, return), form feed, U+FFFE or U+FFFF in UTF-8 bytes and the
    ``text`` decoded from them: the controls by one ``memchr`` search of the bytes for each of the 29
    (vectorised: together ~1.7 times faster than a delete-translate of the bytes, which is ~8 times
    faster than the regex on the text); the two noncharacters by two searches of the text (a str search for a
    character above the text's widest one returns at once, and either is in the bytes exactly when it
    is in their decoded text: no decoding error can swallow the valid sequence EF BF BE/BF).
    Lone surrogates cannot be in text decoded from UTF-8 (the decoder refuses or replaces them)."""
    for c in _C0_SINGLES:
        if c in utf8:
            return False
    return "\ufffe" not in text and "\uffff" not in text


def xml_safe(text: str, utf8: bytes | None = None) -> tuple[str, bool]:
    """``text`` without the characters XML forbids (a form feed becomes a space); True if any was there.

    ``utf8``: the bytes ``text`` was decoded from as UTF-8, when it was (the check then runs on them).
    Nothing else changes, so every word of the result is a word of the input.
    """
    if utf8 is not None:
        if _utf8_is_xml_safe(utf8, text):
            return text, False
    elif not _XML_FORBIDDEN_RE.search(text) and "\x0c" not in text:
        return text, False
    return _XML_FORBIDDEN_RE.sub("", text.replace("\x0c", " ")), True


def _parser(encoding: str | None = None) -> etree.HTMLParser:
    # no_network: never fetch a DTD or anything else; huge_tree off: libxml2's depth/size limits stay on.
    return etree.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=False, recover=True,
        remove_blank_text=False, collect_ids=False, default_doctype=False, encoding=encoding,
    )


_PARSER = _parser()
_UTF8_PARSER = _parser("utf-8")  # UTF-8 bytes go to libxml2 as they are: no str → UTF-8 round trip


def parse(text: str, utf8: bytes | None = None) -> etree._Element | None:
    """Parse decoded text (or, given, its clean UTF-8 bytes) with the safe parser; None if lxml gives up."""
    try:
        root = etree.fromstring(utf8, _UTF8_PARSER) if utf8 is not None else etree.fromstring(text, _PARSER)
        # A self-closed <html ... /> (XHTML written as HTML) leaves libxml2 with an empty root and the
        # whole page in a second top-level <html>: move what follows the root into it.
        if root is not None and root.getnext() is not None:
            for sibling in list(root.itersiblings()):
                if isinstance(sibling.tag, str):
                    root.append(sibling)
        return root
    except (etree.ParserError, ValueError):
        # ValueError: str input with an XML encoding declaration; parse its UTF-8 bytes instead.
        try:
            return etree.fromstring(text.encode("utf-8"), etree.HTMLParser(
                encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True))
        except (etree.ParserError, ValueError):
            return None


def _hit_resource_limit(parser: etree.HTMLParser) -> bool:
    """Did the parser's last parse stop at libxml2's depth limit? (kept on: huge_tree is off on purpose)"""
    return any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log)


def read_page(
    html: str | bytes, encoding: str | None = None
) -> tuple[str, str | None, etree._Element | None, list[str]]:
    """Decode (bytes, with ``encoding`` as a hint), cut at :data:`MAX_BYTES` and parse one page.

    Returns the decoded text, the encoding used (None for str input), the parsed root (None when
    there is nothing to parse) and the notes so far (page cut, parser depth limit hit).
    :data:`MAX_BYTES` is read at call time, so a test can lower it on this module.
    """
    notes: list[str] = []
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if len(data) > MAX_BYTES:
            notes.append(f"page cut at {MAX_BYTES} bytes (was {len(data)})")
            data = data[:MAX_BYTES]
        text, used = decode_html(data, hint=encoding)
    else:
        text, used = html, None
        if len(text) > MAX_BYTES:
            notes.append(f"page cut at {MAX_BYTES} characters (was {len(text)})")
            text = text[:MAX_BYTES]
    text, cleaned = xml_safe(text, data if used == "utf-8" else None)
    utf8 = None
    if used == "utf-8" and not cleaned and "\ufffd" not in text:
        # Clean UTF-8 bytes go to the parser as they are (damaged ones: the decoded text, as for
        # every other encoding, so that libxml2 sees exactly the text we decoded).
        utf8 = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    root = parse(text, utf8) if text.strip() else None
    if root is not None and _hit_resource_limit(_PARSER if utf8 is None else _UTF8_PARSER):
        from cleaner.html.depth import MAX_DEPTH, flatten

        root = parse(flatten(text))  # the deep tags go, their text stays (cleaner.html.depth)
        notes.append(f"page nested deeper than the parser's safety limit (256 levels): flattened below {MAX_DEPTH}")
    return text, used, root, notes


@lru_cache(maxsize=512)
def compile_css(css: str):
    """Compile a CSS selector to an lxml XPath callable; raises ValueError for an invalid selector."""
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    try:
        return CSSSelector(css, translator="html")
    except SelectorError as err:
        raise ValueError(f"invalid CSS selector {css!r}: {err}") from None


# ----------------------------------------------------------------------------------------------
# Text helpers


def fold(text: str) -> str:
    return " ".join(text.split())


def text_len(el: etree._Element) -> int:
    """Characters of text in an element, whitespace included (a cheap size for thresholds)."""
    return len(etree.tostring(el, method="text", encoding=str, with_tail=False))


def text_of(el: etree._Element) -> str:
    """Folded text of an element (without its tail), computed in C."""
    return fold(etree.tostring(el, method="text", encoding=str, with_tail=False))
