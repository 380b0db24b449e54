"""Find duplicated blocks and keep one copy (policy C).

Runs on what is left of each block after boilerplate removal. Per block, in order:

1. **Repetition inside a block** (C4): a block that is a text X followed by a copy of X (glued with or
   without a separator, possibly cut off, possibly a fuller version of a teaser X) keeps one copy.
2. **Exact** copies of an earlier block's comparison form are removed (C2/C3, C5 titles).
3. **Teasers** (C3 exception): an earlier block whose comparison form is a prefix (≥ 40 chars) of a
   later one gets the later, fuller text at its position; a later block that is a prefix of an earlier
   one is a cut-off copy and is removed.
4. **Near-duplicates** (C2): similarity ≥ 0.90 between blocks of ≥ 40 comparison characters, with
   few differing words for their length.
5. **Short lines of a copied run**: blocks shorter than ``min_dup_chars`` comparison characters are
   not duplicates on their own ("Yes.", "Q:", list bullets repeat legitimately), but they go with a
   copy when the blocks beside them are copies of blocks with the same neighbours (an article twice).
6. **Sentence level and flattened copies** (C2, C7): a block made of earlier text goes: all its
   sentences stood earlier, or it is a run of earlier blocks and sentences (a flattened copy whose
   title, byline or list items are glued to the lead, cut off or not), or, long, at least 90% of it
   is (a copy with small differences). A copy with a new head (a title only it has) loses the copy
   and keeps the head. A one-sentence block that is a sentence of a paragraph elsewhere (a summary
   bullet, a pull quote) goes while the paragraph stays, unless that paragraph is itself a copy.

Candidates come from hash maps (exact form, first 40 characters), a sparse shingle index and, for
runs of pieces, lookups by length under the first two words, so the cost grows with the number of
blocks, not its square (``benchmarks/bench_worst_case.py`` checks blocks that all start alike).
"""

from __future__ import annotations

import sys
from bisect import bisect_left, insort
from collections import Counter
from dataclasses import dataclass
from itertools import chain, repeat
from operator import attrgetter
from typing import NamedTuple

from rapidfuzz import fuzz

from cleaner.result import Options, Removal
from cleaner.text.normalize import comparison_map
from cleaner.text.prefix_copies import own_sentence_end, tagged_copy, two_items
from cleaner.text.segment import Unit, unit_forms, unit_sentence_forms
from cleaner.text.shingles import Postings, shingles

__all__ = ["Move", "find_duplicates"]

_MAX_CANDIDATES = 16
_FORM = attrgetter("form")
# A page's link-free table row up to this many comparison characters is a data value (Unit.data): repeating
# another data row, it is no duplicate on its own (a spec table's "Farbe\tSchwarz" per model, an exam table's
# "Leistungsrichter:\tKlaus Bartnik"), only in a copied run; a data row repeating a paragraph is a copy as any.
_DATA_VALUE_MAX = 80


@dataclass(frozen=True)
class Move:
    """Write unit ``source``'s text at the position of unit ``target`` (teaser → fuller version)."""

    target: int
    source: int


_LONG_PAIR_WORDS = 40  # words in both blocks together from which a pair counts as long (_similar)


def _similar(a: str, b: str, threshold: float) -> float:
    """Similarity 0–100 of two comparison forms when they are near-copies, else 0.

    The Indel ratio (close to difflib's, policy C2) must reach the threshold, and the words that
    differ must be few for the length: a long paragraph with one word edited is a copy, but two
    short lines that differ in a name or a number ("Vote for Anna on the last page!" / "Vote for
    Olga …", "1 Green, 1 Red" / "1 Green, 2 Red") are different content, however similar.
    """
    score = fuzz.ratio(a, b, score_cutoff=threshold * 100)
    if not score:
        return 0.0
    if a != b:
        wa, wb = Counter(a.split()), Counter(b.split())
        diff = (wa - wb) + (wb - wa)
        differing = sum(diff.values())
        words = sum(wa.values()) + sum(wb.values())
        # a number changed under 200 words (two lines of a list, two price reports): no copy; else one word in
        # 20 may differ, one in 10 in a long pair (≥ 40 words) reworded ("nilai"/"valuasi"): the copy C2 means
        numbers = any(ch.isdigit() for w in diff for ch in w)
        if numbers and words < 5 * _LONG_PAIR_WORDS:
            return 0.0
        long_reworded = words >= _LONG_PAIR_WORDS and not numbers
        if differing > max(1, words // (10 if long_reworded else 20)):
            return 0.0
    return score


class _Dup(NamedTuple):
    """A duplicate found, made into a :class:`Removal` (text filled in) once the search is over."""

    start: int
    end: int
    rule: str
    reason: str
    score: float
    of: tuple[int, int]


def _dup(u: Unit, start: int, end: int, rule: str, reason: str, score: float, of: tuple[int, int]) -> _Dup:
    return _Dup(start, end, rule, reason, score, of)


def _split_point(form: str, opt: Options) -> tuple[int, str, float] | None:
    """Where a comparison form repeats itself: (offset of the second part, how, score) or None.

    ``how`` is ``copy`` (X then copies of X, the last possibly cut off: keep the first X), ``near``
    (X then a near-copy of X) or ``teaser`` (a short X then a fuller text starting with X: keep the
    fuller text).
    """
    n = len(form)
    if n < 2 * opt.min_dup_chars:
        return None
    needle = form[: min(40, n // 2)]
    p = form.find(needle, max(len(needle), opt.min_dup_chars))
    while p > 0:
        first, rest = form[:p].strip(), form[p:].strip()
        if form[p:] == form[: n - p] or first == rest:
            return p, "copy", 100.0  # the form has period p: X X X… (a cut-off last copy included)
        if len(first) >= opt.teaser_min_chars and rest.startswith(first):
            return p, "teaser", 100.0  # (before "near": a cut-off teaser is also near its fuller text)
        if len(rest) >= opt.near_min_chars and len(first) >= opt.near_min_chars:
            score = _similar(first, rest, opt.near_threshold)
            if score:
                return p, "near", score
        p = form.find(needle, p + 1)
    return _short_lead_repeat(form)


_SHORT_REPEAT_MIN = 20  # comparison characters (and 3 words) of a short repeated opening
_SHORT_REPEAT_MAX = 60  # (the 40-character search of _split_point finds the longer ones)


def _short_lead_repeat(form: str) -> tuple[int, str, float] | None:
    """A short opening X (under the 40 characters the search above starts from) said again at once
    and continued: "X X and the rest", a meta description glued to the lead it repeats (policy C4).
    X must be at least ``_SHORT_REPEAT_MIN`` characters and three words, so that a phrase repeated
    for effect ("Time and again, time and again") stays."""
    words = form.split(" ", 3)
    if len(words) < 4:
        return None
    needle = " ".join(words[:3]) + " "
    p = form.find(needle, _SHORT_REPEAT_MIN)
    while 0 < p <= min(len(form) // 2, _SHORT_REPEAT_MAX):  # longer openings: the search above
        first, rest = form[:p].strip(), form[p:]
        if form[p - 1] == " " and first.count(" ") >= 2 and rest.startswith(first + " "):
            return p, "teaser", 100.0
        p = form.find(needle, p + 1)
    return None


def _inner_repetition(u: Unit, form: str, opt: Options) -> _Dup | None:
    """C4: the unit is X followed by a (near-)copy of X; return the removal of the redundant copy."""
    if _split_point(form, opt) is None:
        return None
    form, index = comparison_map(u.text)  # offsets are only needed once a repetition is found
    found = _split_point(form, opt)
    if found is None:
        return None
    p, how, score = found
    cut = u.to_raw(index[p])
    start, end = u.pieces[0][0], u.pieces[-1][1]
    if how == "teaser":
        return _dup(u, start, cut, "dedup.repeat", "a teaser glued to its fuller version", score, (cut, end))
    return _dup(u, cut, end, "dedup.repeat", "the block repeats itself", score, (start, cut))


_TITLE_MIN_CHARS = 20  # comparison characters of a title that may be glued again before the text
_TITLE_MAX_CHARS = 200
_SENTENCE_STOP = tuple(".!?。！？…:;,-–—")  # a block ending so is no title
_TITLE_REST_MIN_CHARS = 60  # the text after a glued title: a lead, not a product variant ("- Matte Black")
_OPENERS = "“‘«„\"'(["  # may open the text after a glued title


def _title_like(u: Unit) -> bool:
    """A heading-shaped block: a few words, not ending like a sentence (a title, a section head)."""
    return (  # (the text is trimmed last: most blocks are ruled out by their length first)
        _TITLE_MIN_CHARS <= len(u.form) <= _TITLE_MAX_CHARS
        and u.form.count(" ") >= 2
        and not u.text.rstrip().endswith(_SENTENCE_STOP)
    )


def _glued_title(u: Unit, form: str, titles: dict[str, list[Unit]]) -> _Dup | None:
    """C5: a title repeated at the start of a later block, glued to its text ("Title The lead …"):
    the repeated title goes, the text stays. The text after it must open like a sentence (a capital
    letter) and be a lead's length, so a paragraph that merely starts with a heading's words ("Bitcoin
    price today is …" after a "Bitcoin price today" heading) and a product line under a product heading
    ("Apple Watch Series 4 - Space Gray") are left alone."""
    for title in titles.get(_key(form, 0), ()):
        n = len(title.form)
        if (
            title is u
            or len(form) - n - 1 < _TITLE_REST_MIN_CHARS
            or form.count(" ", n) < 8
            or form[n] != " "
            or not form.startswith(title.form)
        ):
            continue
        index = _view_index(u, form)
        if index is None:
            return None
        v = index[n + 1]
        if not (u.text[v].isalpha() and not u.text[v].islower()):
            continue  # the text after it must open like a sentence (a capital, or an uncased script)
        while v > 0 and u.text[v - 1] in _OPENERS:
            v -= 1  # an opening quote or bracket belongs to the text
        if u.text[index[n - 1] + 1 : v].strip():
            continue  # "Title - Variant", "Title: subtitle": not the title glued again
        reason = "a title repeated at the start of a later block, glued to its text"
        return _dup(u, u.pieces[0][0], u.to_raw(v), "dedup.exact", reason, 100.0, title.span)
    return None


def find_duplicates(units: list[Unit], doc_text: str, opt: Options) -> tuple[list[Removal], list[Move]]:
    """Return duplicate removals (with their text filled in) and teaser moves for ``units``."""
    removals: list[_Dup] = []
    moves: list[Move] = []
    alive: list[Unit] = []
    titles: dict[str, list[Unit]] = {}  # title-like blocks so far, by their first two words
    for u, form in zip(units, unit_forms(units), strict=True):
        # C4 to its fixpoint within the block: "X X X …" glued in ways that are not one period (copies
        # glued without a space, a teaser then copies) lose one copy per step, all in this pass, so that
        # cleaning the output again finds nothing more (idempotence does not hang on the pass bound).
        rep = _inner_repetition(u, form, opt)
        inner = rep is not None
        while rep is not None and rep.end > rep.start:
            removals.append(rep)
            u.subtract(rep.start, rep.end, doc_text)
            form = unit_forms([u])[0] if u.pieces else ""
            rep = _inner_repetition(u, form, opt) if form else None
        if not inner and titles and (rep := _glued_title(u, form, titles)) is not None:
            removals.append(rep)
            u.subtract(rep.start, rep.end, doc_text)
            form = unit_forms([u])[0] if u.pieces else ""
        u.form = form if u.pieces else ""
        if u.form:
            alive.append(u)
            if _title_like(u):
                titles.setdefault(_key(u.form, 0), []).append(u)

    exact: dict[str, Unit] = {}
    by_prefix: dict[str, list[Unit]] = {}
    postings = Postings()
    kept: list[Unit] = []
    moved_into: set[int] = set()  # blocks whose teaser was replaced by a fuller unit
    survivors: list[Unit] = []  # units kept so far, short ones included, in document order
    sentences = _Sentences(survivors)

    for u in alive:
        f = u.form
        if len(f) < opt.min_dup_chars:
            survivors.append(u)
            continue
        first = exact.get(f)
        if u.data and len(f) <= _DATA_VALUE_MAX and (first is None or first.data):
            # a value repeating a value of the page's data (or a new one): kept, and known, so that a
            # later paragraph copying it is still a copy; a data line copying a paragraph is a copy
            exact.setdefault(f, u)
            survivors.append(u)
            continue
        if first is not None:
            removals.append(_dup(u, *u.span, "dedup.exact", "exact copy of an earlier block", 100.0, first.span))
            continue
        relation = None
        if len(f) >= opt.teaser_min_chars:
            relation = _prefix_relation(u, by_prefix, moved_into, exact, removals, moves, opt, sentences)
            if relation == "copy":
                continue
        if len(f) >= opt.near_min_chars:
            c = u._shingled  # (a later pass of the core loop meets the units it kept unchanged)
            sh = c[1] if c is not None and c[0] == f else shingles(f)
            u._shingled = (f, sh)
            shared = postings.keys() & sh
            best = None if relation or not shared else _best_near(f, sh, shared, postings, kept, opt)
            if best is not None:
                score, other = best
                removals.append(
                    _dup(u, *u.span, "dedup.near", "near-copy of an earlier block", round(score, 1), other.span)
                )
                continue
            postings.add(len(kept), sh, shared)
        if len(f) >= opt.teaser_min_chars:
            by_prefix.setdefault(f[: opt.teaser_min_chars], []).append(u)
        exact[f] = u
        kept.append(u)
        if relation is None:  # (a fuller version stands in its teaser's place, already a survivor)
            survivors.append(u)
    short = _short_copies([u for u in units if u.pieces], removals, opt)
    if short:
        removals.extend(short)
        gone = {r.start for r in short}
        survivors = [u for u in survivors if u.span[0] not in gone]
    # a teaser's place is taken by its fuller version
    fuller = {mv.target: mv.source for mv in moves}
    by_block = {u.block: u for u in alive}
    order = [by_block[fuller[u.block]] if u.block in fuller else u for u in survivors]
    removals.extend(_sentence_copies(order, opt, sentences))
    filled = [
        Removal("duplicate", r.rule, r.start, r.end, doc_text[r.start : r.end], r.score, "warning", r.reason, r.of)
        for r in removals
    ]
    return filled, moves


_WHOLE_COPIES = ("dedup.exact", "dedup.near", "dedup.truncated-copy")


def _short_copies(alive: list[Unit], removals: list[_Dup], opt: Options) -> list[_Dup]:
    """Short lines ("Yes.", "US FALLS", a one-word caption, a "___" separator) that repeat as part of
    a copied run.

    Lines under ``min_dup_chars`` are not removed on their own, as they repeat legitimately; but when
    the whole article is there twice, the copy's short lines are copies too. A short line is taken
    when the block next to it is a copy of an earlier block whose neighbour on the same side has the
    same text: the run of blocks repeats around it. Found forwards and backwards, so a run of short
    lines next to a copied block goes with it. ``alive`` is every block left, in order, punctuation-only
    ones included (compared by their text).
    """
    whole = [r for r in removals if r.rule in _WHOLE_COPIES]
    if not whole:  # no block went as a whole copy (most pages): nothing to index
        return []
    index = {u.span[0]: k for k, u in enumerate(alive)}
    copy_of: dict[int, int] = {}  # position in ``alive`` -> position of the block it copies
    for r in whole:
        k, j = index.get(r.start), index.get(r.of[0])
        if k is not None and j is not None and r.end == alive[k].span[1]:
            copy_of[k] = j
    if not copy_of:
        return []
    same = [u.form or " ".join(u.text.split()) for u in alive]
    out: list[_Dup] = []

    def take(k: int, j: int) -> None:
        copy_of[k] = j
        reason = "a short line repeated as part of a copied run of blocks"
        out.append(_dup(alive[k], *alive[k].span, "dedup.exact", reason, 100.0, alive[j].span))

    n = len(alive)
    short = [len(u.form) < opt.min_dup_chars or (u.data and len(u.form) <= _DATA_VALUE_MAX) for u in alive]
    for k in range(1, n):  # after a copied block
        if short[k] and k not in copy_of and k - 1 in copy_of:
            j = copy_of[k - 1] + 1
            if j < k and same[j] == same[k]:
                take(k, j)
    for k in range(n - 2, -1, -1):  # before a copied block
        if short[k] and k not in copy_of and k + 1 in copy_of:
            j = copy_of[k + 1] - 1
            if 0 <= j < k and same[j] == same[k]:
                take(k, j)
    return out


class _Sentences:
    """Comparison forms of units' sentences, computed once per unit, and of the survivors so far."""

    def __init__(self, survivors: list[Unit]):
        self._survivors = survivors
        self._cache: dict[int, tuple[str, ...]] = {}
        self._seen = _Pieces()
        self._upto = 0

    def of(self, u: Unit) -> tuple[str, ...]:
        got = self._cache.get(id(u))
        if got is None:
            forms = u._cform  # fresh when computed for the unit's current text (see unit_sentence_forms)
            got = forms[2] if forms is not None and forms[0] is u.text else unit_sentence_forms(u)
            self._cache[id(u)] = got
        return got

    def _catch_up(self) -> None:
        while self._upto < len(self._survivors):
            earlier = self._survivors[self._upto]
            self._seen.add(earlier, self.of(earlier))
            self._upto += 1

    def holds(self, form: str) -> bool:
        """Whether ``form`` is a whole earlier surviving block or sentence."""
        self._catch_up()
        return self._seen.has(form)

    def all_seen(self, u: Unit) -> bool:
        """Whether all of ``u``'s text stands in earlier surviving units: each of its sentences (two or
        more), or the whole block tiled by earlier blocks and sentences (a title glued to the lead of a
        flattened copy, list items run together; see :class:`_Pieces`)."""
        self._catch_up()
        ss = self.of(u)
        return self._seen.covers(u.form, ss, several=len(ss) >= 2) or self._seen.mostly_covers(u.form) == 0


_CUT_OFF_LOOK = 16  # earlier pieces that start with a cut-off tail looked at for their order
_ORDERED_MAX_CHARS = 240  # a run of pieces up to this long follows the page's order (see _Pieces.covers)


class _Pieces:
    """Comparison forms of earlier blocks and of their sentences, to tell whether a later block is made
    of them: a flattened copy of the article whose first "sentence" is the title glued to the lead
    (the title has no full stop), or whose paragraphs were regrouped, holds sentences that never stood
    alone, yet every word of it stands earlier, in order, piece by piece.

    A piece that may start at a position is found from the lengths of the pieces that share its first
    two words (one hash lookup per length), and a cut-off tail by binary search in the sorted pieces, so
    a check costs little however many blocks start with the same words.
    """

    def __init__(self) -> None:
        self._sentences: set[str] = set()
        self._owner: dict[str, Unit] = {}  # piece -> the first unit that holds it
        self._holders: dict[str, list[int]] = {}  # piece -> the blocks that hold it, in order (a run's order: covers)
        self._lengths: dict[str, set[int]] = {}  # first two words (or the only word) -> piece lengths
        self._sorted: list[str] = []  # every piece, sorted
        self._pending: list[tuple[Unit, tuple[str, ...]]] = []  # added, indexed at the first question

    def add(self, unit: Unit, sentences: tuple[str, ...]) -> None:
        """Add a kept block and its sentences (indexed only once a question needs them: most documents
        never ask)."""
        self._pending.append((unit, sentences))

    def _index(self) -> None:
        for unit, sentences in self._pending:
            self._sentences.update(sentences)
            for piece in (unit.form, *sentences):
                if piece:
                    self._holders.setdefault(piece, []).append(unit.block)
                if piece and piece not in self._owner:
                    self._owner[piece] = unit
                    self._lengths.setdefault(_key(piece, 0), set()).add(len(piece))
                    insort(self._sorted, piece)
        self._pending.clear()

    def _holder_from(self, piece: str, after: int) -> int | None:
        """The first block from ``after`` on that holds ``piece`` (pieces are indexed), or None."""
        blocks = self._holders[piece]
        k = bisect_left(blocks, after)
        return blocks[k] if k < len(blocks) else None

    def has(self, piece: str) -> bool:
        """Whether ``piece`` is a whole earlier block or sentence."""
        if self._pending:
            self._index()
        return piece in self._owner

    def starting(self, form: str, pos: int) -> list[str]:
        """The earlier pieces that stand in ``form`` at ``pos`` (whole pieces; a word boundary after
        them is the caller's to check)."""
        if self._pending:
            self._index()
        end = form.find(" ", pos)
        keys = (_key(form, pos), form[pos:end]) if end >= 0 else (form[pos:],)
        found = []
        for key in keys:
            for n in self._lengths.get(key, ()):
                piece = form[pos : pos + n]
                if len(piece) == n and piece in self._owner:
                    found.append(piece)
        return found

    def first_of(self, form: str) -> Unit | None:
        """The unit holding the longest earlier piece that ``form`` starts with."""
        found = self.starting(form, 0)
        return self._owner[max(found, key=len)] if found else None

    def _cut_off(self, rest: str, after: int = -1) -> bool:
        """Whether ``rest`` is the beginning of an earlier piece (a copy cut off inside it) of a block from
        ``after`` on."""
        if self._pending:
            self._index()
        k = bisect_left(self._sorted, rest)
        for piece in self._sorted[k : k + _CUT_OFF_LOOK]:
            if not piece.startswith(rest):
                return False
            if self._holder_from(piece, after) is not None:
                return True
        # many pieces start so (a common word): as before the order was checked, a cut-off copy
        return k + _CUT_OFF_LOOK < len(self._sorted) and self._sorted[k + _CUT_OFF_LOOK].startswith(rest)

    def mostly_covers(self, form: str) -> int | None:
        """Where the earlier text starts in a long block (``_MOSTLY_MIN_CHARS``) that is at least
        ``_MOSTLY_SHARE`` earlier pieces, matched greedily left to right (longest first, a word skipped
        where none starts), else None: a flattened copy of an article whose first copy lost a few lines
        to the rules or kept near-variants of them, which exact tiling cannot cross. (A start past 0
        is a head of new words, a title, before the copy.)"""
        n = len(form)
        if n < _MOSTLY_MIN_CHARS:
            return None
        covered = 0
        first: int | None = None
        pos = 0
        while pos < n:
            best = 0
            for piece in self.starting(form, pos):
                stop = pos + len(piece)
                if len(piece) > best and (stop == n or form[stop] == " "):
                    best = len(piece)
            if best:
                if first is None:
                    first = pos
                covered += best
                pos += best + 1
            else:
                nxt = form.find(" ", pos)
                if nxt < 0:
                    break
                pos = nxt + 1
        return first if first is not None and covered >= _MOSTLY_SHARE * n else None

    def covers(self, form: str, sentences: tuple[str, ...], *, several: bool = True, runs_only: bool = True) -> bool:
        """Whether ``form`` is made of earlier text: its sentences (``several``: when it has two or more)
        all stood earlier, or it is a run of two or more earlier pieces (whole blocks or sentences,
        joined by spaces), the last possibly cut off (a truncated copy); with ``runs_only=False`` one
        whole piece is enough. Checked over word positions, so a shorter choice is tried where a longer
        one leads nowhere."""
        if self._pending:
            self._index()
        if several and all(x in self._sentences for x in sentences):
            return True
        n = len(form)
        # position -> the earliest block whose piece ends there. A short run follows the page's order: a later
        # heading joined to an earlier one ("Gerencia Central … Discapacidad - Red Asistencial Arequipa", a
        # signature over the page's own title, f32-23) is not made of them. A long one (a flattened copy of the
        # article) is not held to it: a line the article prints twice may stand in it where the second copy
        # stood, which duplicate removal has taken away (AEB 0dd135704572's quoted tweet)
        ordered = n <= _ORDERED_MAX_CHARS
        reached = {0: -1}
        todo = [(0, -1)]
        while todo:
            pos, last = todo.pop()
            for piece in self.starting(form, pos):
                block = self._holder_from(piece, last) if ordered else 0  # (a piece held twice: either place)
                if block is None:
                    continue
                stop = pos + len(piece)
                if stop == n:
                    if pos > 0 or not runs_only:  # one piece alone is an exact copy, not a run
                        return True
                elif form[stop] == " " and block < reached.get(stop + 1, sys.maxsize):
                    reached[stop + 1] = block
                    todo.append((stop + 1, block))
            if pos > 0 and self._cut_off(form[pos:], last if ordered else -1):
                return True  # the copy was cut off inside an earlier piece
        return False


def _key(form: str, pos: int) -> str:
    """The first two words of ``form`` from ``pos`` (all of it when it has fewer)."""
    first = form.find(" ", pos)
    if first < 0:
        return form[pos:]
    second = form.find(" ", first + 1)
    return form[pos:] if second < 0 else form[pos:second]


def _sentence_copies(order: list[Unit], opt: Options, sentences: _Sentences) -> list[_Dup]:
    """Copies hidden at sentence level, where block comparison cannot see them (policy C2, C7).

    - a block whose text all stood earlier: all its sentences, or a run of earlier blocks and sentences
      (an article repeated as one flattened line after its paragraphs, its title or list items glued
      to the lead included, or paragraphs repeated after a flattened copy);
    - a copy with a new head glued before it (a title only the copy has): the copy goes, the head stays;
    - a long block that is nearly all earlier text (a flattened copy with small differences);
    - a one-sentence block (a summary bullet, a pull quote, a stray caption) that is one sentence of
      a paragraph elsewhere: the standalone copy goes, the paragraph stays (unless it is a copy).
    """
    lists = list(map(sentences.of, order))  # (per unit, in order: the loops below zip them)
    # A block can be made of earlier pieces without repeating a sentence only when it starts with a
    # whole earlier block (a title or list item glued to what follows): only then are runs of pieces
    # looked for; otherwise comparing sentences is enough (and cheaper).
    glued = _glued_to_earlier(order)
    if len(set(chain.from_iterable(lists))) == sum(map(len, lists)) and not glued:
        return []  # no sentence stands twice, no block starts with an earlier one: no copy can be there
    # Paragraphs that hold a standalone sentence. A paragraph that repeats two or more sentences of
    # earlier blocks, one of them from an earlier paragraph or together a third of its text, is a copy
    # (a flattened article), not the original of anything: the standalone sentences it repeats are not
    # removed in its favour. (A summary bullet or pull quote repeats one sentence of a paragraph that
    # says more: the paragraph stays theirs.)
    in_paragraphs: dict[str, Unit] = {}
    in_multi: set[str] = set()  # sentences of earlier paragraphs
    in_any: set[str] = set()  # sentences of earlier blocks
    for u, ss in zip(order, lists, strict=True):
        if len(ss) >= 2:
            repeated = [s for s in ss if s in in_any]
            a_copy = len(repeated) >= 2 and (
                any(s in in_multi for s in repeated) or 3 * sum(map(len, repeated)) >= sum(map(len, ss))
            )
            if not a_copy:
                for s in ss:
                    in_paragraphs.setdefault(s, u)
            in_multi.update(ss)
        in_any.update(ss)
    seen: dict[str, Unit] = {}
    pieces = _Pieces()
    out: list[_Dup] = []
    for u, ss in zip(order, lists, strict=True):
        if len(u.form) >= opt.contained_min_chars and (
            (len(ss) >= 2 and all(s in seen for s in ss)) or (glued and pieces.covers(u.form, ss, several=False))
        ):
            reason = "every sentence of it stands earlier in the text"
            first = next((seen[s] for s in ss if s in seen), None) or pieces.first_of(u.form)
            out.append(_dup(u, *u.span, "dedup.contained", reason, 100.0, (first or u).span))
            continue
        # (a cheap test first: most of the later sentences stood earlier; lines without a full stop,
        # such as a byline or a photo credit, glue themselves to the sentence after them)
        if (
            len(ss) >= 2
            and ss[0] not in seen
            and 2 * sum(s in seen for s in ss[1:]) >= len(ss) - 1
            and sum(len(s) for s in ss[1:] if s in seen) >= opt.contained_min_chars
        ):
            copy = _copy_after_head(u, pieces, opt)
            if copy is not None:
                out.append(copy)
                continue
        # a long block that is nearly all earlier text: a flattened copy with small gaps (cheap test
        # first: half of its text stood earlier as sentences)
        start = (
            pieces.mostly_covers(u.form)
            if len(u.form) >= _MOSTLY_MIN_CHARS
            and len(ss) >= 3
            and 2 * sum(len(s) for s in ss if s in seen) >= len(u.form)
            else None
        )
        if start is not None and start <= _MAX_HEAD:
            reason = "nearly all of it stands earlier in the text (a copy with small differences)"
            first = next((seen[s] for s in ss if s in seen), None)
            cut = _raw_start(u, start) if start else u.span[0]  # a new head (a title) stays
            if cut is not None:
                out.append(_dup(u, cut, u.span[1], "dedup.contained", reason, 100.0, (first or u).span))
                continue
        if len(ss) == 1 and len(u.form) >= opt.near_min_chars:
            host = in_paragraphs.get(ss[0])
            if host is not None and host is not u:
                reason = "a sentence that also stands inside a paragraph"
                out.append(_dup(u, *u.span, "dedup.sentence", reason, 100.0, host.span))
                continue
        for s in ss:
            seen.setdefault(s, u)
        pieces.add(u, ss)
    return out


_MAX_HEAD = 200  # comparison characters of a new head (a title) glued before a copy
_OPENING = "([{«‹“‘„‚\"'¿¡—–-"  # marks that open the copy's first word, cut with it
_MOSTLY_MIN_CHARS = 400  # a block this long (comparison characters) may be a copy with small gaps...
_MOSTLY_SHARE = 0.9  # ...when this share of it is earlier blocks and sentences


def _copy_after_head(u: Unit, pieces: _Pieces, opt: Options) -> _Dup | None:
    """A copy of earlier text with a new head glued before it (a title only the second copy has, glued
    to the lead by a scraper that lost the line breaks): from some word within the first
    ``_MAX_HEAD`` comparison characters to its end, the block is made of earlier blocks and sentences.
    The copy goes from where it starts; the head stays, as it stands nowhere else."""
    f = u.form
    k = f.find(" ")
    while 0 <= k <= _MAX_HEAD and len(f) - k - 1 >= opt.contained_min_chars:
        rest = f[k + 1 :]
        if pieces.starting(f, k + 1) and pieces.covers(rest, (), several=False, runs_only=False):
            cut = _raw_start(u, k + 1)
            if cut is None:
                return None
            reason = "the block repeats earlier text after a new head (a title glued to a copy)"
            source = pieces.first_of(rest)
            return _dup(u, cut, u.span[1], "dedup.contained", reason, 100.0, (source or u).span)
        k = f.find(" ", k + 1)
    return None


def _view_index(u: Unit, form: str) -> list[int] | None:
    """View offset of each character of ``form``, the comparison form of ``u``'s text (computed only
    once a cut is found), or None in the rare case where the mapped form differs from it (a
    composition): the caller then keeps the block."""
    mapped, index = comparison_map(u.text)
    return index if mapped == form else None


def _raw_start(u: Unit, p: int) -> int | None:
    """Raw offset where a copy starting at comparison-form offset ``p`` of ``u`` begins, with the
    opening marks before its first word ("(Reuters)", "“Quote”"); None if unsure or inside a bracket."""
    index = _view_index(u, u.form)
    if index is None:
        return None
    v = index[p]
    if (h := u.text[:v]).count("[") > h.count("]") or h.count("(") > h.count(")"):
        return None
    while v > 0 and u.text[v - 1] in _OPENING:
        v -= 1
    return u.to_raw(v)


def _glued_to_earlier(order: list[Unit]) -> bool:
    """Whether some block starts with the whole text of another block and goes on (a title glued to
    the lead of a copy, two paragraphs run together): the only way a block can be made of earlier
    pieces while none of its sentences stands twice. A cheap test that may say yes too often (the
    pieces' order is checked later): in sorted order, every form starting with ``g + " "`` follows
    ``g`` directly or after other such forms (a space sorts before every character of a form but
    control characters), so comparing neighbours finds one if there is one."""
    forms = sorted(set(map(_FORM, order)))
    return any(map(str.startswith, forms[1:], map(str.__add__, forms, repeat(" "))))  # C maps: runs per document


def _prefix_relation(
    u: Unit,
    by_prefix: dict[str, list[Unit]],
    moved_into: set[int],
    exact: dict[str, Unit],
    removals: list[_Dup],
    moves: list[Move],
    opt: Options,
    sentences: _Sentences,
) -> str | None:
    """Teasers (C3 exception) and cut-off copies: ``"copy"`` when ``u`` was removed as a copy,
    ``"fuller"`` when it is the fuller version of an earlier teaser (it takes the teaser's place and is
    then kept like any block, so later copies of it are found), None when neither."""
    f = u.form
    for earlier in by_prefix.get(f[: opt.teaser_min_chars], ()):
        if earlier.block in moved_into:
            continue
        if f.startswith(earlier.form) and sentences.all_seen(u):
            # not a fuller version but a flattened copy of text already there: keep the paragraphs
            reason = "every sentence of it stands earlier in the text"
            removals.append(_dup(u, *u.span, "dedup.contained", reason, 100.0, earlier.span))
            return "copy"
        if f.startswith(earlier.form) and tagged_copy(u.text, earlier.form):
            # the title again with the site's hashtag ("… पार्षदों का जमकर हंगामा #SubahSamachar", f30-09): a copy
            # (C5), not a fuller version: the first stays where it is
            reason = "copy of an earlier block with a hashtag appended"
            score = round(fuzz.ratio(f, earlier.form), 1)
            removals.append(_dup(u, *u.span, "dedup.near", reason, score, earlier.span))
            return "copy"
        if f.startswith(earlier.form) and sentences.holds(f[len(earlier.form) + 1 :]):
            # two earlier blocks joined ("Gerencia Central … Discapacidad - Red Asistencial Arequipa": a heading and
            # the page's title as a signature, f32-23): neither a copy nor a fuller version of either; both stay
            return None
        if f.startswith(earlier.form) and not two_items(earlier.text, u.text):
            # earlier is a teaser of u: u's fuller text goes to the teaser's place (not two bulleted list items: two
            # lists' items that begin alike, stop 21's review in-32; a pull quote that closes its sentence where the
            # paragraph goes on, "… as a whole." before "“… as a whole,” says …", is a teaser all the same)
            reason = "teaser of a fuller later block, which is moved here"
            removals.append(_dup(earlier, *earlier.span, "dedup.teaser", reason, 100.0, u.span))
            moves.append(Move(earlier.block, u.block))
            moved_into.add(earlier.block)
            return "fuller"
        if earlier.form.startswith(f) and not own_sentence_end(u.text, earlier.text):
            removals.append(
                _dup(u, *u.span, "dedup.truncated-copy", "cut-off copy of an earlier block", 100.0, earlier.span)
            )
            return "copy"
    return None


def _best_near(
    f: str, sh: set[int], shared: set[int], postings: Postings, kept: list[Unit], opt: Options
) -> tuple[float, Unit] | None:
    """The most similar earlier kept unit at or above the threshold, from shingle candidates
    (``shared``: the shingles of ``sh`` that earlier kept units hold, not empty)."""
    counts = postings.counts(shared)
    # Near-copies share most sampled shingles; a third is a generous floor that prunes chance overlaps.
    floor = max(1, len(sh) // 3)
    candidates = sorted((k for k, c in counts.items() if c >= floor), key=lambda k: (-counts[k], k))
    best: tuple[float, Unit] | None = None
    for k in candidates[:_MAX_CANDIDATES]:
        other = kept[k]
        lo, hi = sorted((len(other.form), len(f)))
        if 2 * lo < opt.near_threshold * (lo + hi):
            continue  # the Indel ratio is at most 2·lo/(lo+hi): lengths alone rule it out
        score = _similar(other.form, f, opt.near_threshold)
        if score and (best is None or score > best[0]):
            best = (score, other)
    return best
