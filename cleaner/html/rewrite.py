"""Cleaning an HTML fragment in place: the input's own markup minus the blocks that were removed.

A feed item's HTML content is cleaned as a page fragment (:func:`cleaner.clean`), which gives text
paragraphs. Writing those back as fresh ``<p>`` elements would lose the item's links, images and
emphasis, so :func:`keep_markup` works the other way round: it walks the original fragment's text
blocks (the elements that hold text but no block-level element), lines them up in order with the
paragraphs that were kept, keeps each matching block exactly as it was, drops each block that is not
among them, and, for a block from which a span was cut, keeps the element but replaces its content by
the kept text (that block alone loses its inline markup). Containers left empty go too; images,
media and embedded content outside dropped blocks stay.

It only ever deletes: every word of the result was in the fragment. When the fragment does not line up
with the paragraphs (text outside any block, a block split by ``<br><br>``, content the extractor did
not choose) it returns None, and the caller renders the paragraphs instead
(:func:`cleaner.render.to_html`); the check that decides is the result's own text compared with the
paragraphs, word for word.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence

from lxml import etree
from lxml import html as lxml_html

from cleaner.html import vocab

__all__ = ["keep_markup"]

# Elements that are one text block even though they hold block elements (a row's cells, a code block).
_WHOLE = frozenset({"tr", "pre"})
# Elements whose text is never article text: left as they are, not lined up.
_INERT = frozenset({"script", "style", "noscript", "template"})
# Elements that are content without text: a container holding one of them is not empty.
_MEDIA = frozenset({"img", "picture", "video", "audio", "iframe", "embed", "object", "svg", "source", "hr", "br"})


def _words(text: str) -> list[str]:
    return text.split()


def _is_block(el: etree._Element) -> bool:
    return isinstance(el.tag, str) and el.tag not in vocab.INLINE_TAGS and el.tag not in _INERT


def _is_unit(el: etree._Element) -> bool:
    """A text block: a whole-row element, or an element without block-level descendants."""
    if el.tag in _WHOLE:
        return True
    return not any(_is_block(d) for d in el.iterdescendants())


def _units(root: etree._Element) -> Iterator[etree._Element]:
    """The text blocks under ``root``, in document order (none inside another)."""
    for child in root:
        if not _is_block(child):
            continue
        if _is_unit(child):
            yield child
        else:
            yield from _units(child)


def _unit_words(el: etree._Element) -> list[str]:
    """A block's words: its text nodes, a cell or ``<br>`` a word break, inert elements left out."""
    parts: list[str] = []

    def visit(node: etree._Element) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if isinstance(child.tag, str) and child.tag not in _INERT:
                visit(child)
                if child.tag in ("br", "td", "th") or child.tag not in vocab.INLINE_TAGS:
                    parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    visit(el)
    return _words("".join(parts))


def _text_words(root: etree._Element) -> list[str]:
    """Every word of the fragment, block by block, with inert elements left out (for the final check)."""
    out: list[str] = _words(root.text or "")
    for child in root:
        if isinstance(child.tag, str) and child.tag in _INERT:
            pass
        elif _is_block(child) and _is_unit(child):
            out += _unit_words(child)
        elif _is_block(child):
            out += _text_words(child)
        else:
            out += _unit_words(child)
        out += _words(child.tail or "")
    return out


def _in_order(small: Sequence[str], big: Sequence[str]) -> bool:
    """Whether ``small``'s words occur in ``big`` in order (a block with a span cut out of it)."""
    it = iter(big)
    return bool(small) and all(any(w == b for b in it) for w in small)


def _drop(el: etree._Element) -> None:
    """Remove ``el`` but keep its tail text (which belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    if el.tail:
        prev = el.getprevious()
        before = (prev.tail if prev is not None else parent.text) or ""
        tail = el.tail
        if not tail.strip() and (not before or before[-1:].isspace()):
            tail = ""  # the element's line break: the one before it is enough
        if prev is not None:
            prev.tail = before + tail
        else:
            parent.text = before + tail
    parent.remove(el)


def _empty(el: etree._Element) -> bool:
    if any(isinstance(d.tag, str) and d.tag in _MEDIA for d in el.iter()):
        return False
    return not "".join(el.itertext()).strip()


def keep_markup(fragment: str, paragraphs: Iterable[str]) -> str | None:
    """``fragment`` with only the blocks whose text is in ``paragraphs`` (in order), or None when the
    two do not line up (then render the paragraphs instead)."""
    kept = [_words(p) for p in paragraphs]
    try:
        root = lxml_html.fragment_fromstring(fragment, create_parent="div")
    except (etree.ParserError, ValueError):
        return None
    units = [(u, _unit_words(u)) for u in _units(root)]
    j = 0
    emptied: list[etree._Element] = []
    for i, (unit, words) in enumerate(units):
        if not words:
            continue  # an image-only block or a spacer: not text, kept
        if j < len(kept) and words == kept[j]:
            j += 1
            continue
        following = units[i + 1][1] if i + 1 < len(units) else None
        if j < len(kept) and following != kept[j] and _in_order(kept[j], words):
            tail = unit.tail  # a span was cut from this block: its kept text, without its inline markup
            for child in list(unit):
                unit.remove(child)
            unit.text = " ".join(kept[j])
            unit.tail = tail
            j += 1
            continue
        parent = unit.getparent()
        _drop(unit)
        if parent is not None and parent is not root:
            emptied.append(parent)
    if j != len(kept):
        return None
    for el in emptied:  # containers left without text or media (a list whose items all went)
        while el is not None and el is not root and el.getparent() is not None and _empty(el):
            parent = el.getparent()
            _drop(el)
            el = parent
    if _text_words(root) != [w for p in kept for w in p]:
        return None
    body = (root.text or "") + "".join(etree.tostring(c, encoding=str, method="html") for c in root)
    return body.strip()
