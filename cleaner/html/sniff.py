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


def looks_like_html(data: str | bytes) -> bool:
    """Cheap content sniff on the first 2 KB: a doctype, ``<html>``/``<head>``/``<body>``, or many tags.

    JSON and plain text say False even when they quote a tag or two: HTML is the markup *around*
    the text, so it starts with ``<`` (after whitespace) or holds many tags near the start.
    """
    head = data[:2048]
    if isinstance(head, (bytes, bytearray)):
        head = bytes(head).decode("latin-1").replace("\xef\xbb\xbf", "", 1)  # a UTF-8 BOM read as latin-1
    stripped = head.lstrip("\ufeff \t\r\n")
    if not stripped or stripped[0] in "{[":
        return False
    if stripped[0] == "<" and _SNIFF_RE.search(head):
        return True
    return len(_TAG_RE.findall(head)) >= 8 and stripped[0] == "<"
