"""Shingles of a comparison form and the sparse index of them that duplicate removal looks near-copies up in.

A block's shingles are a content-defined sample of its word 3-grams (character 8-grams for unspaced scripts),
hashed: two copies of a text sample the same grams, so a near-copy shares most of its sample with its original,
and the index (:class:`Postings`) finds the kept blocks that share a new block's shingles without comparing it
with every block (:mod:`cleaner.text.dedup`).
"""

from __future__ import annotations

import zlib
from collections import Counter
from collections.abc import Iterator
from itertools import chain
from operator import methodcaller

__all__ = ["Postings", "shingles"]

_SHINGLE_WORDS = 3  # words per shingle of the comparison form (written out in shingles' zip)
_SHINGLE_CHARS = 8  # characters per shingle for text written without spaces (CJK)
_SAMPLE_MOD = 2  # keep shingles whose hash % _SAMPLE_MOD == 0 (content-defined, so copies agree)
_SAMPLE_MASK = _SAMPLE_MOD - 1  # (a power of two: ``h & mask`` is ``h % mod``, one cheaper operation per gram)
assert _SAMPLE_MOD & _SAMPLE_MASK == 0
_MAX_POSTINGS = 64  # ignore shingles shared by more blocks than this (boilerplate-ish, cost bound)
_ENCODE_SURROGATES = methodcaller("encode", "utf-8", "surrogatepass")
_SHINGLE_CHUNK = 1 << 20


def shingles(form: str) -> set[int]:
    """A content-defined sample of word 3-gram hashes (character 8-grams for unspaced scripts).

    crc32, not ``hash()``: Python's string hash changes between processes, and the sample must not.
    The grams are made and hashed by ``map`` over C functions; a comparison form's words are separated
    by single spaces, so joining its UTF-8 words gives the UTF-8 of the joined words.
    """
    if len(form) > 2 * _SHINGLE_CHUNK:  # a huge block (a one-line file): in overlapping chunks, so that
        out: set[int] = set()  # its words or grams never all exist at once (memory stays ~ the text)
        step = _SHINGLE_CHUNK
        at = 0
        while at < len(form):
            end = form.find(" ", at + step)
            if end < 0 or end > at + step + 4096:  # no space near: unspaced script, cut between characters
                end = min(len(form), at + step)
            back = at
            for _ in range(_SHINGLE_WORDS):  # start the chunk a few words (or grams) early: no gram lost
                back = max(0, form.rfind(" ", 0, back - 1)) if back > 0 else 0
            start = max(0, at - 4096, min(back, at - _SHINGLE_CHARS))  # (< 2 chunks: no deeper recursion)
            out |= shingles(form[start:end].strip())
            at = end + 1
        return out
    n_words = form.count(" ") + 1
    grams: Iterator[bytes]
    if n_words * 12 >= len(form):
        words = form.encode("utf-8", "surrogatepass").split(b" ")  # lone surrogates are text too
        if len(words) >= _SHINGLE_WORDS:
            grams = map(b" ".join, zip(words, words[1:], words[2:], strict=False))  # (_SHINGLE_WORDS)
        else:
            grams = iter([b" ".join(words)])
    else:
        starts = range(max(1, len(form) - _SHINGLE_CHARS + 1))
        sliced = map(form.__getitem__, map(slice, starts, range(_SHINGLE_CHARS, len(starts) + _SHINGLE_CHARS)))
        grams = map(_ENCODE_SURROGATES, sliced)
    mask = _SAMPLE_MASK
    return {h for h in map(zlib.crc32, grams) if not h & mask}


class Postings:
    """The sparse shingle index: shingle -> the kept units (their positions) that hold it, at most
    ``_MAX_POSTINGS`` of them.

    Most shingles of a page are held by one unit only, so the first holder is a plain int in one map
    (filled by ``dict.fromkeys``, a C loop) and only the shingles shared by more get a list: one list
    per new shingle cost more than the rest of the indexing.
    """

    def __init__(self) -> None:
        self.first: dict[int, int] = {}
        self.more: dict[int, list[int]] = {}

    def keys(self):  # the shingles held by some kept unit (a set view: ``keys() & sh``)
        return self.first.keys()

    def add(self, k: int, sh: set[int], shared: set[int]) -> None:
        """Index kept unit ``k`` under its shingles ``sh``, of which ``shared`` are already indexed."""
        more = self.more
        for h in shared:
            lst = more.get(h)
            if lst is None:
                more[h] = [k]
            elif len(lst) < _MAX_POSTINGS - 1:  # (the first holder is the list's other entry)
                lst.append(k)
        self.first.update(dict.fromkeys(sh - shared if shared else sh, k))

    def counts(self, shared: set[int]) -> Counter:
        """How many of ``shared`` (indexed shingles) each kept unit holds (one Counter of all holders:
        its construction and each update cost a Python-level call)."""
        more = self.more
        held = list(map(self.first.__getitem__, shared))
        held.extend(chain.from_iterable(map(more.__getitem__, more.keys() & shared)))
        return Counter(held)
