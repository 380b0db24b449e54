"""The line tests every shape of :mod:`cleaner.rules.shapes` is made of: a line without its bullet, its length in
words (unspaced scripts counted by characters), a short menu-like item, a bullet, an emoji, a run of lines.

They look at one line (or, for :func:`run_of`, at a line's neighbours through a test) and know nothing of a shape.
"""

from __future__ import annotations

import re
import threading
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import TypeVar

from cleaner.rules.shape_vocab import BULLET, ends_sentence

__all__ = [
    "CJK", "bulleted", "cjk_share", "dated_rest", "is_emoji", "per_page", "run_of", "short_item", "unbulleted",
    "words_of",
]

T = TypeVar("T")
CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def unbulleted(line: str) -> str:
    return BULLET.sub("", line.strip())


def cjk_share(s: str) -> float:
    if not s or s.isascii():
        return 0.0
    return len(CJK.findall(s)) / len(s)


def words_of(s: str) -> int:
    """Words of ``s``; in unspaced scripts (CJK, kana, hangul runs) every 4 characters count as one."""
    n = len(s.split())
    share = cjk_share(s)
    if share > 0.3:
        return max(n, round(len(s) * share / 4))
    return n


@lru_cache(maxsize=8192)
def short_item(line: str, max_words: int = 4, max_chars: int = 32) -> bool:
    s = unbulleted(line)
    return 0 < len(s) <= max_chars and words_of(s) <= max_words and not ends_sentence(s) and not s.endswith(":")


def bulleted(line: str) -> bool:
    s = line.lstrip()
    return bool(s) and s[0] in "•·-–—*▪►▶■●◦○‣⁃" and len(s) > 1


def is_emoji(c: str) -> bool:
    return unicodedata.category(c) == "So" and ord(c) >= 0x2190


def run_of(blocks: Sequence[str], i: int, pred: Callable[[str], bool], limit: int = 60) -> tuple[int, int]:
    """Bounds [a, b) of the run of consecutive blocks around ``i`` for which ``pred`` holds."""
    a = i
    while a > 0 and i - a < limit and pred(blocks[a - 1]):
        a -= 1
    b = i + 1
    while b < len(blocks) and b - i < limit and pred(blocks[b]):
        b += 1
    return a, b


_PAGES = threading.local()


def per_page(name: str, blocks: Sequence[str], make: Callable[[Sequence[str]], T]) -> T:
    """``make(blocks)``, computed once for the page's pass and kept, under ``name``, for the last ``blocks`` seen:
    a shape that judges every line of a page from one look at the whole page asks it again for each line. The
    blocks are held, so compared by identity (the matcher's blocks are a new list on every pass and never
    changed); per thread, as the rules may run in threads."""
    memo = getattr(_PAGES, name, None)
    if memo is None or memo[0] is not blocks or memo[1] != len(blocks):
        memo = (blocks, len(blocks), make(blocks))
        setattr(_PAGES, name, memo)
    return memo[2]


# a numeric date (2021-03, 2020-03-30, 30.03.2020, 3/30/2020) with its clock time, perhaps
_NUMERIC_DATE = (
    r"(?:\d{4}[-/.]\d{1,2}(?:[-/.]\d{1,2})?|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4})(?:,?\s+\d{1,2}:\d{2}(?::\d{2})?)?"
)
# the date opening a line, after one label word ("date 2021-03 innenriks", "Datum 04.07.2025 Sport")
_LEADING_DATE = re.compile(rf"^\s*(?:[^\W\d_]{{2,14}}:?\s+)?{_NUMERIC_DATE}\s+(?=\S)")
# the date closing a line, glued on or not ("Ekonomi, näringsliv & finans2020-03-30 09:10")
_TRAILING_DATE = re.compile(rf"(?<=[^\d\s-])\s*{_NUMERIC_DATE}\s*$")
_MAX_DATED_REST = 60


def dated_rest(line: str) -> tuple[int, int] | None:
    """The span of ``line`` beside a numeric date that opens or closes it (the post's dateline, which stays), when
    the rest is short: a section's name, a reading time or a breadcrumb glued to the date on one line. None
    when the line has no such date, or nothing short beside it."""
    if len(line) > _MAX_DATED_REST + 40 or not any(c.isdigit() for c in line):
        return None
    m = _LEADING_DATE.match(line)
    if m is not None:
        start, end = m.end(), len(line.rstrip())
    else:
        m = _TRAILING_DATE.search(line)
        if m is None:
            return None
        start, end = len(line) - len(line.lstrip()), m.start()
    if not 0 < end - start <= _MAX_DATED_REST:
        return None
    return start, end
