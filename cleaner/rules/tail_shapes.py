"""Tail shapes: page furniture after the article's last paragraph, told apart by shape and position.

- ``tail-stories`` (B5): an unlabelled "other stories" widget at the page's tail — after the article's
  last prose paragraph, nothing but headline-shaped lines (a capital first, 5–25 words, no closing full
  stop) or cut teasers ("… у якому…", "…Читати далі") until the end, optionally led by a short label
  ("el més vist"), sharing few words with the article above. Round 4–5 pages in ca, uk, sr, tl … end so.

The guards say what the shape is not: a list the article introduces (the prose above ends with ':'), a
subhead (followed by prose: the run must reach the end), the article cut off (the run needs three story
lines, and a line that shares most of its words with the article is the article's). Kept apart from
:mod:`cleaner.rules.shapes` (which imports this module) so that neither passes 800 lines.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache

from cleaner.rules.edge_shapes import label_cue
from cleaner.rules.shape_vocab import BULLET, LINK_MARK, SENTENCE_END

__all__ = ["tail_stories"]

Evidence = tuple[float, str]

_CUT = re.compile(r"(?:…|\.\.\.)\s*\S{0,20}$")  # a teaser cut off, perhaps with its "read on" glued
_WORD = re.compile(r"[^\W\d_]{4,}")
_CREDIT = re.compile(r"\s*\([^()]*\)$")  # a photo caption's "(Name/Agency)" after its full stop
_MIN_MEAN_WORDS = 6  # a widget's headlines are whole titles; "England (Group A): 10th" is the article's table
_MIN_ARTICLE_WORDS = 30
_MAX_SCAN = 40  # the widget sits in the page's last lines: a block further up is never scanned down


@lru_cache(maxsize=4096)
def _story(line: str) -> str | None:
    """``"headline"`` or ``"teaser"`` for a line of a stories widget, ``"label"`` for a short label.

    Memoised: :func:`tail_stories` reads the kind of every line below each candidate of the page's
    last lines (up to 40 × 40 reads a page, one line at a time), and the kind depends on the line alone."""
    s = BULLET.sub("", line.strip())
    if not s or len(s) > 240 or LINK_MARK.search(s):
        return None
    n = len(s.split())
    if _CUT.search(s) and 6 <= n <= 45 and s[0].isupper():  # not a quotation cut short („…“)
        return "teaser"
    if s.endswith((":", "：")):
        return None
    if n <= 3 and len(s) <= 30 and not SENTENCE_END.search(s):
        return "label"
    first = s[0]
    capital = first.isalpha() and first.isupper() or first in "\"“«„'"
    closed = bool(SENTENCE_END.search(s) or SENTENCE_END.search(_CREDIT.sub("", s)))
    return "headline" if capital and 5 <= n <= 25 and len(s) <= 180 and not closed else None


def _prose(line: str) -> bool:
    s = line.strip()
    return len(s.split()) >= 8 and bool(SENTENCE_END.search(s))


def _signature(line: str) -> bool:
    """The author's name closing the article ("Екатерина ГОРШКОВА"): two or three capitalised words that
    are no widget word. It stays, and the run of stories starts under it (f6-31)."""
    words = line.strip().split()
    return 2 <= len(words) <= 3 and all(w[0].isupper() and w.isalpha() for w in words) and not label_cue(line)


def _words(s: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(s)}


_MEMO = threading.local()


def _above(blocks: Sequence[str], a: int) -> tuple[int, set[str]]:
    """The word count and the word set of the lines above ``a``, the same for every line of the run
    starting at ``a``, which is judged once per line: kept for the last ``blocks`` seen (held, so
    compared by identity; the matcher's blocks are a new list on every pass and never changed)."""
    memo = getattr(_MEMO, "value", None)
    if memo is None or memo[0] is not blocks or memo[1] != len(blocks):
        memo = _MEMO.value = (blocks, len(blocks), {})
    got = memo[2].get(a)
    if got is None:
        got = memo[2][a] = (sum(len(b.split()) for b in blocks[:a]), set().union(*(_words(b) for b in blocks[:a])))
    return got


def tail_stories(blocks: Sequence[str], i: int, min_items: int) -> Evidence | None:
    """Block ``i`` is in the run of story lines that ends the page, under the article's last paragraph."""
    n = len(blocks)
    if n - i > _MAX_SCAN or _story(blocks[i]) is None or _signature(blocks[i]):
        return None
    kinds = [_story(b) for b in blocks[i:]]
    if None in kinds:
        return None  # prose, or something else, follows: a subhead or the article's own list
    a = i
    while a > 0 and i - a < _MAX_SCAN and _story(blocks[a - 1]) is not None and not _signature(blocks[a - 1]):
        a -= 1
    kinds = [_story(b) for b in blocks[a:]]
    items = sum(k != "label" for k in kinds)
    if items < min_items or kinds[-1] == "label" and items < min_items + 1:
        return None
    lines = [b for b, k in zip(blocks[a:], kinds, strict=True) if k != "label"]
    if sum(len(b.split()) for b in lines) < _MIN_MEAN_WORDS * len(lines):
        return None  # short entries: a table or list of the article's ("England (Group A): 10th appearance")
    last = a - 1 if a == 0 or not _signature(blocks[a - 1]) else a - 2
    if last < 0 or not _prose(blocks[last]):
        return None  # no article paragraph above the run (a page of headlines, or a list it introduces)
    words_above, article = _above(blocks, a)
    if words_above < _MIN_ARTICLE_WORDS:
        return None  # a short page (a team page: names and job titles under a quote) has no widget
    shared = [len(w & article) / len(w) for w in map(_words, lines) if w]
    if not shared or sum(shared) / len(shared) >= 0.5:
        return None  # the lines repeat the article's words: its own summary or list
    own = _words(blocks[i])
    if kinds[i - a] != "label" and own and len(own & article) / len(own) >= 0.75:
        return None  # this line repeats the article (its last sentence cut off, a quote of its title)
    share = sum(shared) / len(shared)
    return 85.0, f"{items} headline/teaser line(s) end the page under its last paragraph ({share:.0%} words shared)"
