"""Anchors: strings of which every match of a matcher holds one, so most rules skip most documents.

A compiled matcher (:class:`cleaner.rules.model.Matcher`) carries its anchors; the rule index
(:mod:`cleaner.rules.prefilter`) puts them into automata and runs a matcher only on the blocks that
hold one of them. This module computes them, apart from the loader that calls it and the index that
uses them, because it is the one place that reads regexes apart with Python's own regex parser (a
private part of :mod:`re`):

- a literal's anchors are its comparison forms (their first ``truncated`` characters for a cut-off
  copy): :func:`literal_anchors`;
- a fuzzy pattern's are its consecutive 6-character chunks: :func:`fuzzy_anchors`;
- a regex's are the literal runs no match can do without, read off its parse tree:
  :func:`regex_requirements` lists them all, :func:`required_anchors` keeps the most selective.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

try:  # the regex parser moved in Python 3.11; sre_parse still works on 3.10
    from re import _constants as _sre_constants
    from re import _parser as _sre_parse
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_constants  # type: ignore[no-redef]
    import sre_parse as _sre_parse  # type: ignore[no-redef]

__all__ = ["required_anchors", "regex_requirements", "literal_anchors", "fuzzy_anchors", "starts_anchored"]


def required_anchors(pattern: re.Pattern[str], min_len: int = 1) -> tuple[str, ...]:
    """Strings (lower-cased) of which every match of ``pattern`` contains at least one.

    Read off the parsed regex: runs of literal characters that every match must pass through,
    alternatives of a branch, the body of a repeat that must run at least once. A document whose
    lower-cased text holds none of them cannot match, so the regex is not run on it at all: a cheap
    ``in`` test instead of a regex scan per rule. Empty when no anchor of ``min_len`` characters exists.
    """
    try:
        req = _best(regex_requirements(pattern))
    except Exception:  # an exotic construct: no prefilter, the regex runs everywhere
        return ()
    if not req or min(len(a) for a in req) < min_len:
        return ()
    return tuple(sorted({a.lower() for a in req}))


def regex_requirements(pattern: re.Pattern[str], *, fold: bool = False, around: bool = False) -> list[list[str]]:
    """Everything a match of ``pattern`` cannot do without: each entry a list of alternative strings,
    one of which every match holds (see :func:`_requirements` for ``fold`` and ``around``).

    Raises whatever the regex parser raises on a construct it does not know; callers then do
    without anchors (the regex runs everywhere).
    """
    key = (pattern.pattern, pattern.flags, fold, around)
    found = REQUIREMENTS.get(key)
    if found is None:
        parsed = _sre_parse.parse(pattern.pattern, pattern.flags)
        found = REQUIREMENTS[key] = _requirements(parsed, fold, around)
    return [list(alts) for alts in found]


# regex_requirements per (pattern, flags, fold, around): parsing a pattern again costs as much as compiling it,
# and the compiled-rules cache (cleaner.rules.cache) keeps this table for the prefilter of the next run
REQUIREMENTS: dict[tuple[str, int, bool, bool], list[list[str]]] = {}


_REPEATS = tuple(
    getattr(_sre_constants, name)
    for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT")
    if hasattr(_sre_constants, name)
)


def _requirements(items, fold: bool = False, around: bool = False) -> list[list[str]]:
    """Requirements of a parsed sequence: each a list of alternative strings, one of which must occur.

    ``fold``: the strings will be looked for in lower-cased text, so a class of one ASCII letter in both
    cases ("[Mm]") reads as that letter — "Read [Mm]ore" then requires "read more", not just "ore"
    (which "more", "before", "score" hold). ASCII only: its lower case never depends on neighbours.

    ``around``: the requirements of positive lookaheads and lookbehinds count too. They hold in the text
    the regex searches, not always in the match (``(?=…)`` may look past its end), so they are for a
    test of the whole searched text, as the rule index makes on a block: a cookie banner's regex made
    of lookaheads ("(?=[^\n]*(?:cookie|…))") is then looked for only in the blocks holding a cookie word.
    """
    c = _sre_constants
    reqs: list[list[str]] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            reqs.append(["".join(run)])
            run.clear()

    for op, av in items:
        if op is c.LITERAL:
            run.append(chr(av))
            continue
        if fold and op is c.IN and all(k is c.LITERAL and chr(v).isascii() and chr(v).isalpha() for k, v in av):
            lowered = {chr(v).lower() for _, v in av}
            if len(lowered) == 1:
                run.append(lowered.pop())
                continue
        if op in (c.AT, c.ASSERT, c.ASSERT_NOT):
            if around and op is c.ASSERT:  # (av: direction, pattern)
                reqs.extend(_requirements(av[1], fold, around))
            continue  # zero-width: the literals around it are still adjacent in the text
        flush()
        if op is c.SUBPATTERN:
            reqs.extend(_requirements(av[-1], fold, around))
        elif op is c.BRANCH:
            alternatives = [_best(_requirements(alt, fold, around)) for alt in av[1]]
            if all(alternatives):
                reqs.append([s for alt in alternatives for s in alt])  # type: ignore[union-attr]
        elif op in _REPEATS and av[0] >= 1:
            reqs.extend(_requirements(av[2], fold, around))
    flush()
    return reqs


_STARTS = None  # the start-of-text and start-of-line assertions (filled on first use)


def starts_anchored(pattern: re.Pattern[str]) -> bool:
    """Whether every match of ``pattern`` starts at the text's start or a line's start (``^``, ``\\A``,
    or an alternation every branch of which begins so), read off the parse tree.

    On a text without a newline such a pattern can match at position 0 only, so ``finditer`` finds at
    most ``match``'s match: the matcher then tries one position instead of every one (a whole-line rule
    on a long paragraph). False for anything the parser does not take (then ``finditer`` is used).
    """
    global _STARTS
    key = (pattern.pattern, pattern.flags)
    found = STARTS.get(key)
    if found is None:
        if _STARTS is None:
            c = _sre_constants
            _STARTS = frozenset((c.AT_BEGINNING, c.AT_BEGINNING_LINE, c.AT_BEGINNING_STRING))
        try:
            found = _starts(_sre_parse.parse(pattern.pattern, pattern.flags), _STARTS)
        except Exception:
            found = False
        STARTS[key] = found
    return found


# starts_anchored per (pattern, flags): a parse costs about what a compile does (38 ms for the bundled
# 221 regexes), so the compiled-rules cache (cleaner.rules.cache) keeps this table too, filled when it is
# stored: a short run never parses a pattern for it
STARTS: dict[tuple[str, int], bool] = {}


def _starts(items, starts: frozenset) -> bool:
    items = list(items)
    if not items:
        return False
    c = _sre_constants
    op, av = items[0]
    if op is c.AT:
        return av in starts
    if op is c.BRANCH:
        return all(_starts(branch, starts) for branch in av[1])
    if op is c.SUBPATTERN:
        return _starts(av[-1], starts)
    return False


def _best(reqs: list[list[str]]) -> list[str] | None:
    """The requirement whose shortest alternative is longest (the most selective test)."""
    return max(reqs, key=lambda alts: min(len(a) for a in alts), default=None)


def literal_anchors(forms: Iterable[str], truncated: int = 0) -> tuple[str, ...]:
    """A literal matcher's anchors: its comparison forms, or their first ``truncated`` characters
    (a cut-off copy holds only those for sure), sorted and without repeats."""
    anchors = {f[:truncated] for f in forms} if truncated else set(forms)
    return tuple(sorted(anchors))


def fuzzy_anchors(form: str, size: int = 6) -> tuple[str, ...]:
    """The pattern's consecutive ``size``-character chunks.

    A block that scores ≥ the threshold against the pattern over ≥ min_length characters nearly
    always keeps at least one chunk intact, so blocks without any chunk skip the costly alignment.
    """
    return tuple(sorted({form[k : k + size] for k in range(0, max(1, len(form) - size + 1), size)}))
