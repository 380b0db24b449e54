"""Cut a document into blocks (policy A1) and sentences, keeping raw character offsets.

A block is one line of the input; a line holding only whitespace is a separator, not a block.
Sentences are used inside blocks, where flattened one-line articles hide their structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

__all__ = ["Block", "Unit", "split_blocks", "units_of", "sentence_starts"]


@dataclass(frozen=True)
class Block:
    """One non-blank line: its index among blocks and its raw span (without the newline)."""

    index: int
    start: int
    end: int


def split_blocks(text: str) -> list[Block]:
    """Return the non-blank lines of ``text`` as blocks, in order (``\n`` and ``\r\n`` line ends)."""
    blocks: list[Block] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if end > pos and text[end - 1] == "\r":
            end -= 1  # a "\r\n" line end: the "\r" is not part of the block ($ anchors before it)
        if not text[pos:end].isspace() and end > pos:
            blocks.append(Block(len(blocks), pos, end))
        if nl < 0:
            break
        pos = nl + 1
    return blocks


# A sentence ends with . ! ? … or CJK full stops, optionally followed by closing quotes/brackets, then
# whitespace (or, for CJK stops, anything).
_SENT_END = re.compile(r"""(?:[.!?…]+["'”’»)\]]*\s+|[。！？]+["'”’」』)]*\s*)""")


def sentence_starts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Raw offsets where sentences start inside ``text[start:end]`` (the first is ``start``)."""
    end = len(text) if end is None else end
    starts = [start]
    for m in _SENT_END.finditer(text, start, end):
        if m.end() < end:
            starts.append(m.end())
    return starts


@dataclass
class Unit:
    """A view of one block: the raw intervals (document offsets) still kept, in order.

    Cleaning only ever cuts intervals out of views, so every character of the output is a character
    of the input, and every match found in a view maps back to input offsets (:meth:`to_raw`).
    """

    block: int
    pieces: list[tuple[int, int]]
    text: str = ""  # the pieces joined by one space
    form: str = ""
    _offsets: list[tuple[int, int, int]] = field(default_factory=list)  # (view_start, raw_start, length)

    def build(self, doc_text: str) -> None:
        parts, offsets, pos = [], [], 0
        for s, e in self.pieces:
            if parts:
                parts.append(" ")
                pos += 1
            offsets.append((pos, s, e - s))
            parts.append(doc_text[s:e])
            pos += e - s
        self.text = "".join(parts)
        self._offsets = offsets

    def to_raw(self, v: int) -> int:
        """Raw document offset of view index ``v``.

        The space joining two pieces maps to the start of the next piece; the end of the view maps
        just past the last piece.
        """
        for vs, rs, length in self._offsets:
            if v < vs + length:
                return rs + max(0, v - vs)
        vs, rs, length = self._offsets[-1]
        return rs + length

    def to_raw_end(self, v: int) -> int:
        """Raw exclusive end of a view span ending at ``v``: just after the raw character of ``v - 1``.

        A span ending on the joining space between two pieces ends where the earlier piece ends, so
        it never reaches into the next piece.
        """
        if v <= 0:
            return self.to_raw(0)
        for vs, rs, length in self._offsets:
            if v - 1 < vs + length:
                return rs + (v - vs) if v - 1 >= vs else rs
            if v - 1 == vs + length:  # the joining space after this piece
                return rs + length
        vs, rs, length = self._offsets[-1]
        return rs + length

    @property
    def span(self) -> tuple[int, int]:
        return (self.pieces[0][0], self.pieces[-1][1])

    def subtract(self, start: int, end: int, doc_text: str, *, rebuild: bool = True) -> None:
        """Cut raw interval [start, end) out of the pieces (whitespace-only leftovers go too)."""
        pieces = []
        for s, e in self.pieces:
            if e <= start or s >= end:
                pieces.append((s, e))
                continue
            if s < start:
                pieces.append((s, start))
            if e > end:
                pieces.append((end, e))
        self.pieces = [(s, e) for s, e in pieces if doc_text[s:e].strip()]
        if not self.pieces:
            self.text = ""
        elif rebuild:
            self.build(doc_text)


def units_of(text: str) -> list[Unit]:
    """One view per non-blank line of ``text``."""
    units = []
    for b in split_blocks(text):
        u = Unit(b.index, [(b.start, b.end)])
        u.build(text)
        units.append(u)
    return units
