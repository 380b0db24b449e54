"""Cut a document into blocks (policy A1) and sentences, keeping raw character offsets.

A block is one line of the input; a line holding only whitespace is a separator, not a block.
Sentences are used inside blocks, where flattened one-line articles hide their structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from itertools import compress, repeat
from operator import and_, not_

from cleaner.text.normalize import unfolded_forms

__all__ = [
    "Block", "Unit", "DATA_KINDS", "split_blocks", "units_of", "unit_forms", "unit_sentence_forms", "sentence_starts",
]

# Kinds of page blocks that hold data when they carry no link: a table row (its cells joined by tabs).
# Text has no kinds (every unit's kind is ""), so this only ever concerns a page's extracted blocks.
# A list item is not one: its kind is not in the output text, so cleaning that text again would take
# what the page's markup kept (a run of short lines is a menu, a repeated line a copy), and cleaning is
# idempotent (benchmarks/fuzz.py checks pages too). A table row's cells keep their tabs in the output.
DATA_KINDS = frozenset({"table_row"})
_MATCH_END = re.Match.end
_CJK_STOPS = "。！？"  # the CJK full stops of _SENT_END_IN_LINE, which may end a sentence without a space
_ENDS_SENTENCE = re.compile(r"[.!?…。！？]['\"”’»)\]]*\s*$")


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
# whitespace (or, for CJK stops, anything). Written to start with one character class, which lets the
# regex engine skip ahead to candidate characters instead of trying each position.
_SENT_END = re.compile(
    r"""[.!?…。！？](?:(?<=[.!?…])[.!?…]*["'”’»)\]]*\s+|(?<=[。！？])[。！？]*["'”’」』)]*\s*)"""
)
# The same over lines joined by newlines: no match reaches past its line, so each line's matches are
# those of the line alone.
_SENT_END_IN_LINE = re.compile(
    r"""[.!?…。！？](?:(?<=[.!?…])[.!?…]*["'”’»)\]]*[^\S\n]+|(?<=[。！？])[。！？]*["'”’」』)]*[^\S\n]*)"""
)


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
    # (text, its comparison form, its sentences' forms), see unit_forms
    _cform: tuple[str, str, tuple[str, ...]] | None = field(default=None, repr=False, compare=False)
    # (text, rule groups, ids of the leaf matchers whose anchors it holds), see cleaner.rules.prefilter
    _anchor_hits: tuple[str, tuple, list[int]] | None = field(default=None, repr=False, compare=False)
    # (text, its whitespace fold and offset map), see cleaner.rules.regex.unit_fold
    _fold: tuple[str, str, list[int] | None] | None = field(default=None, repr=False, compare=False)
    # (form, its shingle sample), see cleaner.text.dedup: a pure function of the form, kept across passes
    _shingled: tuple[str, set[int]] | None = field(default=None, repr=False, compare=False)
    # What the page said about the block (set by cleaner.core for an extracted page, "" / False for
    # text): its kind (heading, paragraph, list_item, table_row …) and whether any of it is link text.
    kind: str = ""
    linked: bool = False

    @property
    def data(self) -> bool:
        """A link-free table row of a page that is not a sentence (:data:`DATA_KINDS`): a row of the
        content's data (a spec table, an event table), which the shape rules and duplicate removal leave
        alone: a menu, a breadcrumb, a cross-link list is made of links; a value repeated in a table is
        the table's, not a copy. A finished sentence is prose, and its copy is a copy."""
        return not self.linked and self.kind in DATA_KINDS and _ENDS_SENTENCE.search(self.text) is None

    def build(self, doc_text: str) -> None:
        parts: list[str] = []
        offsets: list[tuple[int, int, int]] = []
        pos = 0
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


def unit_forms(units: list[Unit]) -> list[str]:
    """Comparison forms of the units' current texts (see :func:`unit_sentence_forms`)."""
    _fill_forms(units)
    return [u._cform[1] for u in units]  # type: ignore[index]


def unit_sentence_forms(u: Unit) -> tuple[str, ...]:
    """Comparison forms of the sentences of ``u``'s current text: its form alone when it has one
    sentence, else the non-empty forms of its sentences."""
    _fill_forms([u])
    return u._cform[2]  # type: ignore[index]


def _fill_forms(units: list[Unit]) -> None:
    """Compute the forms of units whose text changed since their forms were computed.

    Rules and duplicate removal both need every block's form, and duplicate removal its sentences'
    forms, pass after pass. Each unit keeps the forms of the text they were computed for (checked by
    identity: a cut rebuilds the text). The stale units are cut into sentences and all pieces are
    normalised in one :func:`unfolded_forms` call; a block's form is the fold of its pieces' unfolded
    forms joined (pieces are cut after whitespace, or after CJK full stops where the join has none).
    """
    stale = [u for u in units if u._cform is None or u._cform[0] is not u.text]
    if not stale:
        return
    texts = [u.text for u in stale]
    joined = "\n".join(texts)
    # sentence ends of all units in one scan; a unit's text holds no newline
    ends = list(map(_MATCH_END, _SENT_END_IN_LINE.finditer(joined)))
    # a cut not after whitespace can only follow a CJK full stop (the other ends take whitespace with
    # them), so a document without one glues no sentences and skips the per-cut test
    cjk_stops = any(map(joined.__contains__, _CJK_STOPS))
    if not ends:  # no unit has two sentences
        for u, form in zip(stale, _folded(unfolded_forms(texts)), strict=True):
            u._cform = (u.text, form, (form,))
        return
    pieces: list[str] = []
    counts: list[int] = []
    glued: list[bool] = []  # a CJK full stop starts the next sentence without a space
    k = 0
    offset = 0
    n_ends = len(ends)
    for text in texts:
        limit = offset + len(text)
        if k == n_ends or ends[k] >= limit:  # no sentence end inside this text
            if k < n_ends and ends[k] == limit:
                k += 1
            pieces.append(text)
            glued.append(False)
            counts.append(1)
            offset = limit + 1
            continue
        cuts = []
        while k < n_ends and ends[k] <= limit:
            if ends[k] < limit:
                cuts.append(ends[k] - offset)
            k += 1
        bounds = [0, *cuts, len(text)]
        pieces.extend(map(text.__getitem__, map(slice, bounds, bounds[1:])))
        glued.append(cjk_stops and not all(text[c - 1].isspace() for c in cuts))
        counts.append(len(cuts) + 1)
        offset = limit + 1
    unfolded = unfolded_forms(pieces)
    folded = _folded(unfolded)
    k = 0
    for u, n, glue in zip(stale, counts, glued, strict=True):
        if n == 1:
            form = folded[k]
            u._cform = (u.text, form, (form,))
        else:
            sentences = tuple(filter(None, folded[k : k + n]))
            # sentences cut after whitespace: the block's form is theirs joined by one space
            form = " ".join("".join(unfolded[k : k + n]).split()) if glue else " ".join(sentences)
            u._cform = (u.text, form, sentences)
        k += n


def _folded(texts: list[str]) -> list[str]:
    """``[" ".join(t.split()) for t in texts]`` (whitespace folded and trimmed), by C maps.

    Most pieces only need their ends trimmed: a trimmed piece that holds no two spaces in a row and
    no other whitespace (every whitespace character but the space is unprintable) is its own fold, so
    only the others are split into words and joined again, which costs an object per word.
    """
    out = list(map(str.strip, texts))
    plain = map(and_, map(str.isprintable, out), map(not_, map(str.__contains__, out, repeat("  "))))
    for k in compress(range(len(out)), list(map(not_, plain))):
        out[k] = " ".join(out[k].split())
    return out


def units_of(text: str) -> list[Unit]:
    """One view per non-blank line of ``text`` (the blocks of :func:`split_blocks`, made directly)."""
    units: list[Unit] = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        if line.endswith("\r"):
            line = line[:-1]  # a "\r\n" line end: the "\r" is not part of the block
        if line and not line.isspace():
            units.append(Unit(len(units), [(pos, pos + len(line))], line, "", [(0, pos, len(line))]))
        pos = end + 1
    return units
