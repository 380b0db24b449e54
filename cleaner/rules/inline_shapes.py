"""Inline shapes: another story's headline dropped between the article's paragraphs (issue 10, stop 10).

- ``shouted-headline`` (B5): tabloid sites (alo.rs, f5-22) insert their other stories' headlines between
  the paragraphs of an article, written the tabloid way: an all-caps lead ("KAKVA PRIČA!", "MNOGO BI NAM
  ZNAČILO DA SE PLASIRANO NA EURO") then mixed case, closing with '!' or a media tag ("(VIDEO)",
  "(FOTO)"). The article's own paragraphs above and below are prose; the headline is neither the title
  (the page's first lines) nor a quotation, and it shouts: several '!' or a media tag, or a long caps lead.
  A dateline lead ("NEW YORK (Reuters) - …") ends in a full stop and stays.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["shouted_headline"]

Evidence = tuple[float, str]

_MEDIA_TAG = re.compile(r"\((?:VIDEO|FOTO|FOTO/VIDEO|VIDEO/FOTO|PHOTO|PHOTOS|GALERIJA|ВИДЕО|ФОТО)\)\s*$")
_SENTENCE_END = re.compile(r"[.!?]['\"”’»)\]]*$")
_MIN_PROSE_WORDS = 12


def _caps_lead(words: list[str]) -> int:
    """How many words at the line's start are written in capitals ("KAKVA", "PRIČA!")."""
    n = 0
    for w in words:
        letters = [c for c in w if c.isalpha()]
        if len(letters) < 2 or not all(c.isupper() for c in letters):
            break
        n += 1
    return n


def _prose(line: str) -> bool:
    s = line.strip()
    return len(s.split()) >= _MIN_PROSE_WORDS and bool(_SENTENCE_END.search(s))


def shouted_headline(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is another story's shouted headline between two of the article's paragraphs."""
    s = blocks[i].strip()
    if i < 2 or i + 1 >= len(blocks) or not 5 <= len(s) <= 240 or s[0] in "\"“„«'‘—–-":
        return None
    words = s.split()
    if len(words) > 30 or "!!" in s or "?!" in s or "!?" in s:
        return None  # a rant in the article's own words ("CORNER BAKERY??!! You just WANT ALL MY SAVINGS!!!")
    lead = _caps_lead(words)
    if lead < 2 or lead == len(words) or not (s.endswith("!") or _MEDIA_TAG.search(s)):
        return None  # no caps lead, all caps (a subhead), or no tabloid close
    if not (s.count("!") >= 2 or _MEDIA_TAG.search(s) or lead >= 4):
        return None
    if not (_prose(blocks[i - 1]) and _prose(blocks[i + 1])):
        return None  # between two of the article's paragraphs
    return 80.0, f"shouted headline: {lead} capital word(s) lead a line closed by '!' or a media tag, between prose"
