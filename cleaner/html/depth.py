"""Pages nested deeper than the parser allows keep their text: the deep tags go, never the text.

libxml2 stops building the tree at 256 levels (its safety limit, kept on: ``huge_tree`` stays off), and
everything below — often the whole article of a page built to be hostile, or a broken template that
never closes its ``<div>`` — would be lost. :func:`flatten` rewrites the markup so that no element is
opened deeper than :data:`MAX_DEPTH`: a start tag that would go deeper is dropped together with its end
tag, so its content joins its ancestor at that depth. Only tags are removed; every character of text
stays where it was. It runs only on a page that hit the limit.
"""

from __future__ import annotations

import re

__all__ = ["MAX_DEPTH", "flatten"]

MAX_DEPTH = 200  # below libxml2's 256, and shallow enough for the extractor's recursive walk

_TAG_RE = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9:-]*)(?:\s[^<>]*)?(/?)>")
_VOID = frozenset({
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
    "basefont", "bgsound", "frame", "keygen",
})  # fmt: skip
_RAW_TEXT = frozenset({"script", "style", "textarea", "title", "xmp", "noscript", "iframe", "noembed", "noframes"})


def flatten(markup: str, max_depth: int = MAX_DEPTH) -> str:
    """``markup`` with start tags (and their end tags) deeper than ``max_depth`` removed."""
    out: list[str] = []
    stack: list[tuple[str, bool]] = []  # (tag name, kept)
    depth = 0  # kept elements open
    pos = 0
    raw_until: str | None = None  # inside <script>…</script>: no tags until its end tag
    for m in _TAG_RE.finditer(markup):
        closing, name, selfclosing = m.group(1), m.group(2).lower(), m.group(3)
        if raw_until is not None and not (closing and name == raw_until):
            continue
        out.append(markup[pos : m.start()])
        pos = m.end()
        if closing:
            raw_until = None
            for k in range(len(stack) - 1, -1, -1):
                if stack[k][0] == name:
                    kept = stack[k][1]
                    depth -= sum(1 for _, was_kept in stack[k:] if was_kept)
                    del stack[k:]
                    if kept:
                        out.append(m.group(0))
                    break
            else:
                out.append(m.group(0))  # a stray end tag: the parser ignores it as before
            continue
        if selfclosing or name in _VOID:
            out.append(m.group(0))
            continue
        kept = depth < max_depth
        stack.append((name, kept))
        if kept:
            depth += 1
            out.append(m.group(0))
        if name in _RAW_TEXT:
            raw_until = name
    out.append(markup[pos:])
    return "".join(out)
