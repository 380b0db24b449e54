"""The contents list (B2): a page's table of contents, told apart by what it points to, not by its label.

A contents box ("Sommaire", "목차", "Table of contents", "Spis treści:", or no label at all) is a run of short
list items that the page prints again, one by one and in the same order, as the headings of its sections, each
heading over prose. No vocabulary says so in every language; the recurrence does: a navigation menu's items do
not come back as headings over paragraphs, a list of the article's own points is not repeated line by line, and
a widget printed twice comes back as a run of items again, not as headings spread through the text.

Two ways a run qualifies:

- *whole*: the longest stretch of its items that each stand later as a whole block, in the run's order — three
  or more, and most of the run (``_MIN_SHARE``) — spread through the text, most of them with prose under them. An
  item with no heading ends the stretch and stays: a summary box's own point, a timestamp under the list;
- *cut off*: the page (a scrape's excerpt) stops inside the article, mid-sentence, so only the first items'
  headings made it: the first two or more items (after the list's own label line, when the run has no marking),
  in order, with prose under each (the last one's is the paragraph the excerpt stops in), and too few blocks after
  them for the rest of the list to have come (``_BLOCKS_PER_ITEM`` per missing item).

The short line directly above the list (its label) goes with it, unless it is the page's first line (the page's
title over its contents). Each item is compared without its bullet, section number, case, closing marks and a
wiki's edit link ("- 1 Le meilleur aspirateur robot en 2022" and the heading "Le meilleur aspirateur robot en
2022", fresh f32-22); items may be questions. What stays besides: a run whose lines also stand above it (a template
printed per section), a list numbered from past 1 or introduced by a sentence ending in ':' (the article's own).
Found once a page (:func:`contents_lines`), kept for the page's other lines (``per_page``); stop 21's review
(tests/data/review/stop21) shaped the guards.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence

from cleaner.rules.line_shapes import bulleted, per_page, unbulleted, words_of
from cleaner.rules.shape_vocab import NUMBERED_ENTRY, ends_sentence

__all__ = ["CONTENTS_PAGE_CANDIDATES", "CONTENTS_SHAPES", "contents_runs"]

Evidence = tuple[float, str]

_EDIT_LINK = re.compile(r"\s*\[[^\[\]\d]{1,20}(?:\|[^\[\]]{1,20})?\]$")  # "[編集]", "[edit | edit source]"
_SECTION_NUMBER = re.compile(r"^(\d{1,2}|[IVXivx]{1,4})(?:\.\d{1,2})*[.)]?\s+")  # "2.1. ", "IV. ": its first number
_MAX_ITEM_CHARS = 120
_TRAIL = " \t?？!！.:："  # the closing marks an item's key drops
_LEAD = _TRAIL + "•·-–—*▪►▶■●◦○‣⁃→»›✓✔☞※0123456789)"  # and what may lead an item: a bullet, a number
_END_CHARS = 24
_MAX_ITEM_WORDS = 16
_MIN_WHOLE = 3  # items whose headings follow, for a whole list
_MIN_SHARE = 0.6  # of the run's items
_MIN_CUT = 2  # first items whose headings follow, for a list of a page cut off
_BLOCKS_PER_ITEM = 2  # a section is at least its heading and a paragraph
_MAX_LABEL_WORDS = 4
_MIN_PROSE_WORDS = 12
_MIN_CUT_WORDS = 6  # the paragraph an excerpt stops in
_MIN_INTRO_WORDS = 6  # a sentence introducing the article's list


def _style(line: str) -> str | None:
    """How a line is marked as a list item (``"bullet"``, ``"number"``, ``"plain"``), None when it is no item:
    too long, or a sentence (a question is a heading: "Pourquoi acheter un aspirateur robot ?")."""
    if len(line) > 2 * _MAX_ITEM_CHARS:
        return None  # (most of a page's lines: no need to strip them)
    s = unbulleted(line)
    if not s or len(s) > _MAX_ITEM_CHARS:
        return None
    if ends_sentence(s) and not s.rstrip(" \"'”’»)]").endswith(("?", "？")) or s.endswith((":", "：")):
        return None
    if words_of(s) > _MAX_ITEM_WORDS:
        return None
    if bulleted(line):
        return "bullet"
    return "number" if NUMBERED_ENTRY.match(s) or _SECTION_NUMBER.match(s) and s[0].isdigit() else "plain"


def _key(line: str) -> str:
    """An item's or a heading's text without its bullet, section number, case, closing marks and a wiki's edit
    link ("1. 개요[편집]" is the item "개요"): a page prints both from one string, so nothing finer (a comparison
    form) is needed."""
    s = _EDIT_LINK.sub("", _SECTION_NUMBER.sub("", unbulleted(line)))
    return " ".join(s.casefold().split()).rstrip(_TRAIL)


def _prose(line: str) -> bool:
    return words_of(line) >= _MIN_PROSE_WORDS


def _label(line: str) -> bool:
    s = unbulleted(line)
    return 0 < len(s) <= 40 and words_of(s) <= _MAX_LABEL_WORDS and (not ends_sentence(s) or s.endswith(":"))


def _headings(places: dict[str, list[int]], keys: list[str], a: int, b: int) -> list[int | None]:
    """For each item of the run [a, b), where its heading stands: the first later whole block with its key
    after the previous item's heading (the order kept), None when there is none. ``places``: the positions of
    each key's blocks that are no bulleted items, in order."""
    out: list[int | None] = []
    at = b
    for x in range(a, b):
        where = places.get(keys[x], ())
        k = bisect_left(where, at)
        j = where[k] if k < len(where) else None
        out.append(j)
        if j is not None:
            at = j + 1
    return out


def _judge(
    blocks: Sequence[str], places: dict[str, list[int]], keys: list[str], styles: list[str | None], a: int, b: int
) -> tuple[str, int, int] | None:
    """Why the run [a, b) holds a contents list, and the list's part of it [lo, hi), or None."""
    heads = _headings(places, keys, a, b)
    if any(places.get(keys[x], (b,))[0] < a for x, j in zip(range(a, b), heads, strict=True) if j is not None):
        return None  # the lines stood above the run too: a template printed per section (a meal plan's days)
    n = b - a
    # whole: the longest stretch of items that each come back, in order, spread through the text with prose
    # under most (an item that does not come back ends it: a summary's own point, a timestamp under the list)
    lo, hi = _longest_stretch(heads)
    found = [j for j in heads[lo:hi] if j is not None]
    if hi - lo >= _MIN_WHOLE and hi - lo >= _MIN_SHARE * n:
        under = [any(map(_prose, blocks[j + 1 : j + 3])) for j in found]
        spread = sum(y - x > 1 for x, y in zip(found, found[1:], strict=False))
        if 2 * spread >= len(found) - 1 and 2 * sum(under) >= len(found):
            why = f"{len(found)} of its {n} items stand later as the page's headings over text, in order"
            return why, a + lo, a + hi
    # cut off: the first items come back (after the list's own label, when it is a line without marking, "Kurssin
    # sisältö"), the rest not, and the page stops in the middle of a sentence before they could
    first = 1 if heads[0] is None and styles[a] == "plain" and _label(blocks[a]) else 0
    k = next((x for x in range(first, n) if heads[x] is None), n)
    found = [j for j in heads[first:k] if j is not None]
    if len(found) < _MIN_CUT:
        return None
    under = [any(map(_prose, blocks[j + 1 : j + 3])) for j in found]
    last = blocks[-1].strip()
    cut = found[-1] < len(blocks) - 1 and words_of(last) >= _MIN_CUT_WORDS and not ends_sentence(last)
    if cut and all(under[:-1]) and not any(heads[k:]) and len(blocks) - found[-1] - 1 < _BLOCKS_PER_ITEM * (n - k):
        why = f"its first {len(found)} of {n - first} items stand later as headings over text, in order; the page stops"
        return why, a + first, b
    return None


def _longest_stretch(heads: list[int | None]) -> tuple[int, int]:
    """[lo, hi): the longest run of consecutive items that have a heading."""
    best, lo = (0, 0), None
    for x, j in enumerate([*heads, None]):
        if j is not None and lo is None:
            lo = x
        elif j is None and lo is not None:
            if x - lo > best[1] - best[0]:
                best = (lo, x)
            lo = None
    return best


def _inside(blocks: Sequence[str], a: int) -> bool:
    """The run at ``a`` is a piece of the article's own list: numbered from past 1 (its first items too long to be
    items: a post's questions, answered one by one below), or introduced by a sentence ending in ':' ("These are
    the five things readers ask us about:")."""
    first = _SECTION_NUMBER.match(unbulleted(blocks[a]))
    if first is not None and first.group(1) not in ("1", "I", "i"):
        return True
    above = blocks[a - 1].strip() if a > 0 else ""
    return above.endswith((":", "：")) and words_of(above) >= _MIN_INTRO_WORDS


def contents_runs(blocks: Sequence[str]) -> dict[int, str]:
    """The blocks of the page's contents lists (items and their label) with the reason."""
    # the ends of the short lines, stripped (where an item and its heading agree whatever leads them)
    ends = [b.strip(_LEAD)[-_END_CHARS:] for b in blocks if len(b) <= 2 * _MAX_ITEM_CHARS]
    if len(set(ends)) == len(ends):
        return {}  # no short line ends like another (most pages): no list points to headings
    styles = [_style(b) for b in blocks]
    keys = [_key(b) if style is not None else "" for b, style in zip(blocks, styles, strict=True)]
    if len(set(keys) - {""}) == sum(map(bool, keys)):
        return {}  # no item's text stands twice on the page (most pages): no list can point to headings
    places: dict[str, list[int]] = {}
    for j, (key, style) in enumerate(zip(keys, styles, strict=True)):
        if key and style != "bullet":
            places.setdefault(key, []).append(j)
    found: dict[int, str] = {}
    i = 0
    while i < len(blocks):
        style = styles[i]
        if style is None or not keys[i]:
            i += 1
            continue
        a, seen = i, set()
        while i < len(blocks) and styles[i] == style and keys[i] and keys[i] not in seen:
            seen.add(keys[i])  # an item again: the headings begin (a list without bullets) or another list
            i += 1
        b = i
        got = _judge(blocks, places, keys, styles, a, b) if b - a >= _MIN_CUT and not _inside(blocks, a) else None
        if got is None:
            i = max(i, a + 1)
            continue
        why, lo, hi = got
        # its label: the short line above it, not the page's first line (a page's title over its contents)
        if lo > 1 and _label(blocks[lo - 1]) and styles[lo - 1] != "bullet":
            found[lo - 1] = "the label of a contents list: " + why
        found.update(dict.fromkeys(range(lo, hi), "a contents list: " + why))
    return found


def contents_lines(blocks: Sequence[str], indices: Sequence[int]) -> list[int]:
    """The lines among ``indices`` that belong to a contents list (its items and label)."""
    runs = per_page("contents-list", blocks, contents_runs)
    return [i for i in indices if i in runs]


def contents_list(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is an item (or the label) of the page's contents list."""
    why = per_page("contents-list", blocks, contents_runs).get(i)
    return None if why is None else (85.0, why)


CONTENTS_SHAPES = {"contents-list": contents_list}
# shapes whose precondition is one of the page (see cleaner.rules.shapes._PAGE_CANDIDATES)
CONTENTS_PAGE_CANDIDATES = {"contents-list": contents_lines}
