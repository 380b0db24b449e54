"""The walk: one pass over the pruned tree turns it into proto-blocks and per-element statistics.

The fourth stage of :mod:`cleaner.html`. :class:`Walker` visits the tree once, in document order.
Inline content is buffered and every block-level element flushes the buffer, so each heading,
paragraph, list item, quote, table row, caption and code block becomes a :class:`Proto` whose text is
the page's own text nodes, whitespace folded (``<br><br>`` separates paragraphs inside one element,
a single ``<br>`` is a space). A data row becomes one block with its cells joined by a tab; a layout
row (a table used for page layout) is walked like any container. For every block-level element the
walk records its preorder span and how much text, link text and prose (:func:`_is_prose`) it holds:
that is all content selection needs, so it never has to walk the tree again.
"""

from __future__ import annotations

import re
from functools import lru_cache

from lxml import etree

from cleaner.html import vocab as vocab
from cleaner.html.page import text_len, text_of

__all__ = ["Proto", "Walker", "SENTENCE_END"]


_BR = object()
_INLINE_TAGS = vocab.INLINE_TAGS
_BLOCK_KIND = vocab.BLOCK_KIND
_NEVER_FURNITURE = vocab.NEVER_FURNITURE
_LIST_TAGS = vocab.LIST_TAGS


class Proto:
    """A block before selection: its text plus what the scoring needs."""

    __slots__ = ("kind", "text", "level", "link", "owner", "pos", "commas")

    def __init__(self, kind, text, level, link, owner, pos):
        self.kind = kind
        self.text = text
        self.level = level
        self.link = link
        self.owner = owner
        self.pos = pos
        self.commas = 0


SENTENCE_END = re.compile(r"[.!?。！？:;…\"”»)]\s*$")


def _is_prose(text: str, link: int) -> bool:
    """Text that reads like body prose: long enough or a finished sentence, and mostly not links."""
    n = len(text)
    if link > 0.3 * n or n < vocab.MIN_PARAGRAPH:
        return False
    return n >= 80 or SENTENCE_END.search(text) is not None


@lru_cache(maxsize=1 << 16)
def _caption_class(cls: str) -> bool:
    """Does a class string name a caption? (Pages repeat their classes: one search per class, not per element.)"""
    return vocab.CAPTION_CLASS_RE.search(cls.lower()) is not None


def _holds_paragraph(el) -> bool:
    """Does a caption-named element hold a prose paragraph of its own (80+ characters, not itself
    caption-named)? Then it is a container: a photo blog's text sits in ``caption-image`` boxes."""
    for p in el.iter("p"):
        if p is el:
            continue
        cls = p.get("class")
        if (not cls or not _caption_class(cls)) and text_len(p) >= 80:
            return True
    return False


def _cell_text(cell) -> str:
    """A table cell's text. A ``<br>`` or a block element inside the cell separates words ("Frank
    Nagel<br>Rudolf-Breitscheid-Straße 18" is two lines, not "NagelRudolf"); a plain cell is one C call."""
    if not any(d.tag == "br" or d.tag not in vocab.INLINE_TAGS for d in cell.iterdescendants(tag=etree.Element)):
        return text_of(cell)
    parts: list[str] = []

    def visit(el) -> None:
        if el.text:
            parts.append(el.text)
        for child in el:
            if isinstance(child.tag, str):
                gap = child.tag == "br" or child.tag not in vocab.INLINE_TAGS
                if gap:
                    parts.append(" ")
                visit(child)
                if gap:
                    parts.append(" ")
            if child.tail:
                parts.append(child.tail)

    visit(cell)
    return " ".join("".join(parts).split())


class Walker:
    """Walk a subtree once, in document order, producing proto-blocks and element statistics."""

    def __init__(self) -> None:
        self.blocks: list[Proto] = []
        self.pieces: list = []  # (str, linked) or _BR
        self._br = False  # a _BR is in self.pieces
        self._linked = False  # a linked piece is in self.pieces
        self.counter = 0
        self.spans: dict = {}  # block element → (first, last) preorder positions of its subtree
        self.chars: dict = {}  # block element → [text chars, link chars]
        self.tables: dict = {}  # table element → its number in the page, the level of its rows

    def run(self, el: etree._Element) -> None:
        self._block(el, "paragraph", 0, 0, False, None)

    # Inline content is buffered; every block-level element flushes the buffer before and after itself.
    # (Callers test ``self.pieces`` first: most flushes find it empty, and a call costs more than the test.)
    def _flush(self, owner, kind: str, level: int) -> None:
        pieces = self.pieces
        if not pieces:
            return
        self.pieces = []
        segments: list[list] = [pieces]
        if self._br:  # <br><br> separates paragraphs inside one element; a single <br> is a space
            self._br = False
            segments = [[]]
            brs = 0
            for p in pieces:
                if p is _BR:
                    brs += 1
                    continue
                if brs:
                    if brs >= 2 and segments[-1]:
                        segments.append([])
                    else:
                        segments[-1].append((" ", False))
                    brs = 0
                segments[-1].append(p)
        any_link = self._linked
        self._linked = False
        stats = self.chars.get(owner)
        for seg in segments:
            text = " ".join("".join([t for t, _ in seg]).split())
            if not text:
                continue
            link = sum(len(t) for t, linked in seg if linked and t.strip()) if any_link else 0
            self.blocks.append(Proto(kind, text, level, link, owner, self.counter))
            if stats is not None:
                stats[0] += len(text)
                stats[1] += link
                if kind != "heading" and _is_prose(text, link):
                    stats[2] += len(text)

    def _block(self, el, kind: str, level: int, lists: int, quoted: bool, up: list | None) -> None:
        """Walk block element ``el``; ``up`` is the statistics of the block element it sits in (its
        nearest ancestor that has any: the walk enters every block element through its enclosing one),
        which receive ``el``'s once it is walked (None for the walk's root)."""
        tag = el.tag
        own = _BLOCK_KIND.get(tag)
        if own is None and kind != "caption" and tag not in _NEVER_FURNITURE:
            cls = el.get("class")
            if cls and _caption_class(cls) and text_len(el) <= vocab.CAPTION_MAX and not _holds_paragraph(el):
                own = "caption"  # <div class="caption">, <p class="photo-credit">: captions by name
        if own is not None:
            if own == "heading":
                kind, level = own, int(tag[1])
            elif own == "list_item":
                kind, level = own, max(lists, 1)
            elif own == "caption" or kind not in ("heading", "list_item", "code", "caption"):
                kind, level = own, 0
        if tag in _LIST_TAGS:
            lists += 1
        elif tag == "blockquote":
            quoted = True
        if quoted and kind == "paragraph":
            kind = "quote"
        self.counter += 1
        start = self.counter
        stats = self.chars[el] = [0, 0, 0]
        if tag == "tr" and self._table_row(el):
            pass  # a table row of data: _table_row wrote its block
        elif not len(el):  # a leaf (most paragraphs and list items without markup): its text is its block
            text = el.text
            text = " ".join(text.split()) if text else ""
            if text:
                self.blocks.append(Proto(kind, text, level, 0, el, self.counter))
                stats[0] += len(text)
                if kind != "heading" and _is_prose(text, 0):
                    stats[2] += len(text)
        else:
            text = el.text
            if text and (self.pieces or not text.isspace()):
                self.pieces.append((text, False))
            for child in el:
                self._child(child, el, kind, level, lists, quoted, False)
            if self.pieces:
                self._flush(el, kind, level)
        self.spans[el] = (start, self.counter)
        self.counter += 1
        if up is not None:
            up[0] += stats[0]
            up[1] += stats[1]
            up[2] += stats[2]

    def _child(self, child, owner, kind, level, lists, quoted, linked) -> None:
        # Every linked piece appended sets self._linked, which the flush reads and clears. Whitespace
        # that would open the buffer is not kept: a flush folds it away, and the indentation between
        # block tags would otherwise make most flushes (measured: 16,000 of 23,000 on AEB) fold nothing.
        tag = child.tag
        tail = child.tail
        if not isinstance(tag, str):  # entity or other node
            if tail and (self.pieces or not tail.isspace()):
                self.pieces.append((tail, linked))
                if linked:
                    self._linked = True
            return
        if tag not in _INLINE_TAGS:
            if self.pieces:
                self._flush(owner, kind, level)
            self._block(child, kind, level, lists, quoted, self.chars[owner])
        elif tag == "br":
            self.pieces.append(_BR)
            self._br = True
            self.counter += 1
        else:
            self.counter += 1
            is_link = linked or tag == "a"
            text = child.text
            if text and (self.pieces or not text.isspace()):
                self.pieces.append((text, is_link))
                if is_link:
                    self._linked = True
            for sub in child:
                self._child(sub, owner, kind, level, lists, quoted, is_link)
        if tail and (self.pieces or not tail.isspace()):
            self.pieces.append((tail, linked))
            if linked:
                self._linked = True

    def _table_row(self, tr) -> bool:
        """Emit a data row as one block (cells joined by a tab); False for a layout row."""
        cells = []
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            for d in cell.iter():
                if d.tag in vocab.LAYOUT_TAGS:
                    return False
            cells.append(cell)
        texts = []
        link = 0
        for cell in cells:
            text = _cell_text(cell)
            if text:
                texts.append(text)
                for a in cell.iter("a"):
                    link += len(text_of(a))
        self.counter += 1
        if texts:
            kind = "table_row" if len(texts) > 1 else "paragraph"
            text = "\t".join(texts)
            level = 0
            if kind == "table_row":
                table = next(tr.iterancestors("table"), None)
                level = self.tables.setdefault(table, len(self.tables) + 1)
            self.blocks.append(Proto(kind, text, level, min(link, len(text)), tr, self.counter))
            stats = self.chars[tr]
            stats[0] += len(text)
            stats[1] += min(link, len(text))
            if _is_prose(text, link):
                stats[2] += len(text)
        return True
