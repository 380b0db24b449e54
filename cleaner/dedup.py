"""Find duplicated blocks and keep one copy (policy C).

Runs on what is left of each block after boilerplate removal. Per block, in order:

1. **Repetition inside a block** (C4): a block that is a text X followed by a copy of X (glued with or
   without a separator, possibly cut off, possibly a fuller version of a teaser X) keeps one copy.
2. **Exact** copies of an earlier block's comparison form are removed (C2/C3, C5 titles).
3. **Teasers** (C3 exception): an earlier block whose comparison form is a prefix (≥ 40 chars) of a
   later one gets the later, fuller text at its position; a later block that is a prefix of an earlier
   one is a cut-off copy and is removed.
4. **Near-duplicates** (C2): similarity ≥ 0.90 between blocks of ≥ 40 comparison characters.

Candidates come from hash maps (exact form, first 40 characters) and a sparse shingle index, so the
cost grows with the number of blocks, not its square. Blocks shorter than ``min_dup_chars`` comparison
characters are never removed as duplicates ("Yes.", "Q:", list bullets repeat legitimately).
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from rapidfuzz import fuzz

from .normalize import comparison_map
from .result import Options, Removal
from .segment import Unit

__all__ = ["Move", "find_duplicates"]

_SHINGLE = 12  # characters per shingle of the comparison form
_SAMPLE_MOD = 4  # keep shingles whose hash % _SAMPLE_MOD == 0 (content-defined, so copies agree)
_MAX_POSTINGS = 64  # ignore shingles shared by more blocks than this (boilerplate-ish, cost bound)
_MAX_CANDIDATES = 16


@dataclass(frozen=True)
class Move:
    """Write unit ``source``'s text at the position of unit ``target`` (teaser → fuller version)."""

    target: int
    source: int


def _shingles(form: str) -> set[int]:
    out = set()
    for k in range(0, max(1, len(form) - _SHINGLE + 1)):
        h = zlib.crc32(form[k : k + _SHINGLE].encode())
        if h % _SAMPLE_MOD == 0:
            out.add(h)
    return out


def _similar(a: str, b: str, threshold: float) -> float:
    """Similarity 0–100 of two comparison forms (Indel ratio, close to difflib's ratio)."""
    return fuzz.ratio(a, b, score_cutoff=threshold * 100) or 0.0


def _dup(u: Unit, start: int, end: int, rule: str, reason: str, score: float, of: tuple[int, int]) -> Removal:
    return Removal("duplicate", rule, start, end, "", score, "warning", reason, of)


def _inner_repetition(u: Unit, doc_text: str, opt: Options) -> Removal | None:
    """C4: the unit is X followed by a (near-)copy of X; return the removal of the redundant copy."""
    form, index = comparison_map(u.text)
    n = len(form)
    if n < 2 * opt.min_dup_chars:
        return None
    needle = form[: min(40, n // 2)]
    p = form.find(needle, max(len(needle), opt.min_dup_chars))
    while p > 0:
        first, second = form[:p].strip(), form[p:].strip()
        if len(first) >= opt.min_dup_chars:
            score = _similar(first, second, opt.near_threshold) if len(second) >= opt.near_min_chars else 0
            if first == second or score:
                vs = index[p]
                s = u.to_raw(vs)
                return _dup(u, s, u.pieces[-1][1], "dedup.repeat", "the block repeats itself", score or 100.0,
                            (u.pieces[0][0], s))
            if len(second) >= opt.teaser_min_chars and first.startswith(second):
                s = u.to_raw(index[p])
                return _dup(u, s, u.pieces[-1][1], "dedup.repeat",
                            "the block repeats itself (second copy cut off)", 100.0, (u.pieces[0][0], s))
            if len(first) >= opt.teaser_min_chars and second.startswith(first):
                e = u.to_raw(index[p])
                return _dup(u, u.pieces[0][0], e, "dedup.repeat",
                            "a teaser glued to its fuller version", 100.0, (e, u.pieces[-1][1]))
        p = form.find(needle, p + 1)
    return None


def find_duplicates(units: list[Unit], doc_text: str, opt: Options) -> tuple[list[Removal], list[Move]]:
    """Return duplicate removals (with their text filled in) and teaser moves for ``units``."""
    removals: list[Removal] = []
    moves: list[Move] = []
    alive: list[Unit] = []
    for u in units:
        rep = _inner_repetition(u, doc_text, opt)
        if rep is not None:
            removals.append(rep)
            u.subtract(rep.start, rep.end, doc_text)
        u.form = " ".join(comparison_map(u.text)[0].split()) if u.pieces else ""
        if u.form:
            alive.append(u)

    exact: dict[str, Unit] = {}
    by_prefix: dict[str, list[Unit]] = {}
    postings: dict[int, list[int]] = {}
    kept: list[Unit] = []
    moved_into: dict[int, Unit] = {}  # target block → fuller unit now standing there

    for u in alive:
        f = u.form
        if len(f) < opt.min_dup_chars:
            continue
        first = exact.get(f)
        if first is not None:
            removals.append(_dup(u, *u.span, "dedup.exact", "exact copy of an earlier block", 100.0, first.span))
            continue
        if len(f) >= opt.teaser_min_chars:
            key = f[: opt.teaser_min_chars]
            handled = False
            for earlier in by_prefix.get(key, ()):
                if earlier.block in moved_into:
                    continue
                if f.startswith(earlier.form):
                    # earlier is a teaser of u: u's fuller text goes to the teaser's place
                    removals.append(_dup(earlier, *earlier.span, "dedup.teaser",
                                         "teaser of a fuller later block, which is moved here", 100.0, u.span))
                    moves.append(Move(earlier.block, u.block))
                    moved_into[earlier.block] = u
                    exact[f] = u
                    handled = True
                    break
                if earlier.form.startswith(f):
                    removals.append(_dup(u, *u.span, "dedup.truncated-copy",
                                         "cut-off copy of an earlier block", 100.0, earlier.span))
                    handled = True
                    break
            if handled:
                continue
        if len(f) >= opt.near_min_chars:
            sh = _shingles(f)
            counts: dict[int, int] = {}
            for h in sh:
                for k in postings.get(h, ()):
                    counts[k] = counts.get(k, 0) + 1
            best: tuple[float, Unit] | None = None
            for k, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:_MAX_CANDIDATES]:
                other = kept[k]
                score = _similar(other.form, f, opt.near_threshold)
                if score and (best is None or score > best[0]):
                    best = (score, other)
            if best is not None:
                removals.append(_dup(u, *u.span, "dedup.near", "near-copy of an earlier block", round(best[0], 1),
                                     best[1].span))
                continue
            for h in sh:
                lst = postings.setdefault(h, [])
                if len(lst) < _MAX_POSTINGS:
                    lst.append(len(kept))
        if len(f) >= opt.teaser_min_chars:
            by_prefix.setdefault(f[: opt.teaser_min_chars], []).append(u)
        exact[f] = u
        kept.append(u)
    filled = [
        Removal(r.kind, r.rule, r.start, r.end, doc_text[r.start : r.end], r.score, r.level, r.reason, r.duplicate_of)
        for r in removals
    ]
    return filled, moves
