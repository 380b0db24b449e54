"""Is this input an HTML page? A cheap content sniff, apart from the parser so that deciding costs no
lxml import (a run over text files never loads it)."""

from __future__ import annotations

import re

__all__ = ["looks_like_html"]

_SNIFF_RE = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]", re.IGNORECASE
)
_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|li|ul|h[1-6]|table|td|tr|img|section|article|script|link)[\s>/]",
                     re.IGNORECASE)


_STRONG_RE = re.compile(r"<!doctype\s+html|<\?xml[^>]*>\s*<(?:!doctype|html)", re.IGNORECASE)
_CLOSING_RE = re.compile(r"</[a-zA-Z][a-zA-Z0-9]*\s*>")
_ANY_TAG_RE = re.compile(r"</?[a-zA-Z][a-zA-Z0-9]*(?:\s[^<>]*)?/?>")
_OPEN_PAGE_TAG_RE = re.compile(r"<(?:html|head|body)\s+[\w:.-]+\s*=", re.IGNORECASE)
_SNIFF_BYTES = 2048
_LONG_TAG_BYTES = 65536  # an opening <html> whose attributes fill the first window (MSN: 20 KB of data-*)


def looks_like_html(data: str | bytes, window: int = _SNIFF_BYTES) -> bool:
    """Cheap content sniff on the first 2 KB: a doctype; ``<html>``/``<head>``/``<body>``/``<meta>``/
    ``<title>`` with a closing tag or another tag; or many tags. A page whose ``<html>``, ``<head>``
    or ``<body>`` tag is still open at the end of that window is sniffed on 64 KB.

    JSON and plain text say False even when they quote a tag or two: HTML is the markup *around*
    the text, so it starts with ``<`` (after whitespace) or holds many tags near the start.
    """
    head = data[:window]
    if isinstance(head, (bytes, bytearray)):
        head = bytes(head).decode("latin-1").replace("\xef\xbb\xbf", "", 1)  # a UTF-8 BOM read as latin-1
    stripped = head.lstrip().lstrip("\ufeff").lstrip()  # all whitespace, as cleaning folds it: same answer after
    if not stripped or stripped[0] != "<":
        return False
    if _STRONG_RE.match(stripped):
        return True
    # "<head> is where metadata goes." is prose about markup (and what cleaning such a page gives back):
    # a page element must come with more markup — a closing tag, or another tag.
    if _SNIFF_RE.search(head) and (_CLOSING_RE.search(head) or len(_ANY_TAG_RE.findall(head)) >= 2):
        return True
    if len(_TAG_RE.findall(head)) >= 8:
        return True
    # A page tag is still open at the end of the window (an <html> or <head> carrying kilobytes of
    # attributes): look at a wider window rather than read the page as text.
    last = stripped.rfind("<")
    if window < _LONG_TAG_BYTES and ">" not in stripped[last:] and _OPEN_PAGE_TAG_RE.match(stripped, last):
        return looks_like_html(data, _LONG_TAG_BYTES)
    return False
