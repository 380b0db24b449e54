"""Inline shapes: another story's headline dropped between the article's paragraphs (issue 10, stop 10).

- ``shouted-headline`` (B5): tabloid sites (alo.rs, f5-22) insert their other stories' headlines between
  the paragraphs of an article, written the tabloid way: an all-caps lead ("KAKVA PRIČA!", "MNOGO BI NAM
  ZNAČILO DA SE PLASIRANO NA EURO") then mixed case, closing with '!' or a media tag ("(VIDEO)",
  "(FOTO)"). The article's own paragraphs above and below are prose; the headline is neither the title
  (the page's first lines) nor a quotation, and it shouts: several '!' or a media tag, or a long caps lead.
  A dateline lead ("NEW YORK (Reuters) - …") ends in a full stop and stays.

- ``recurring-crosslink`` (B5): a line that is a short label, a colon and another story's headline
  ("関連記事:【墨汁速報】米コインベース…", "Read more: What is a spot bitcoin ETF and why it has been so
  hotly anticipated"), when the same label leads another such line of the page with another headline.
  The label is told by its recurrence, not its wording, in any language. One "Update: …" line, a photo
  credit ("Photo: Reuters", a name, not a headline), a numbered step ("Step 1: …", a digit in the label)
  and a sentence after a label (closing on a full stop: an interview's "Q:"/"A:") stay.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["recurring_crosslink", "shouted_headline"]

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
        return None  # a rant in the article's own words ("SUB SHOP??!! You just WANT MY FREAKIN' MONEY!!!")
    lead = _caps_lead(words)
    if lead < 2 or lead == len(words) or not (s.endswith("!") or _MEDIA_TAG.search(s)):
        return None  # no caps lead, all caps (a subhead), or no tabloid close
    if not (s.count("!") >= 2 or _MEDIA_TAG.search(s) or lead >= 4):
        return None
    if not (_prose(blocks[i - 1]) and _prose(blocks[i + 1])):
        return None  # between two of the article's paragraphs
    return 80.0, f"shouted headline: {lead} capital word(s) lead a line closed by '!' or a media tag, between prose"


# ----------------------------------------------------------------------------- recurring cross-link
_LABELLED = re.compile(r"^\s*(?P<label>[^\W\d_][^\W\d]*(?:[ \-][^\W\d]+){0,2})\s?[:：]\s*(?P<rest>\S.*)$")
_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af]")
_FULL_STOP = re.compile(r"[.。;؛۔।]['\"”’»)\]】]*$")
_CLOSED = re.compile(r"[.。;؛۔।?？!！]['\"”’»)\]】]*$")
_MAX_LABEL_CHARS = 24


def _labelled(line: str) -> tuple[str, str] | None:
    """``(label, headline)`` when the line is a short label, a colon and a headline-shaped rest."""
    if len(line) > 240:
        return None
    m = _LABELLED.match(line)
    if m is None or len(m.group("label")) > _MAX_LABEL_CHARS:
        return None
    label, rest = m.group("label"), m.group("rest").strip()
    if _CLOSED.search(rest) or "http" in rest or ":" in rest or "：" in rest:
        return None  # a sentence or a question after the label (an interview's), a link, a field list
    if len(label) < 2 or (not _CJK.search(label) and len(label.split()) < 2):
        return None  # a one-word label is a field or a speaker ("Q:", "Recipe:", "Time:", "TRUMP:")
    long_enough = len(rest) >= 10 if _CJK.search(rest) else len(rest.split()) >= 4
    return (label.casefold(), rest) if long_enough else None


_HEADING_SHARE = 0.4
_TERM = re.compile(r"[^\W\d_]{4,}")


def _terms(s: str) -> set[str]:
    """Words of four letters or more, casefolded; in an unspaced script its character trigrams."""
    if _CJK.search(s):
        runs = re.findall("[\u3040-\u9fff\uac00-\ud7af]+", s)
        return {r[k : k + 3] for r in runs for k in range(len(r) - 2)}
    return {w.casefold() for w in _TERM.findall(s)}


def _shared(headline: str, paragraph: str) -> float:
    """The share of the headline's terms that the paragraph repeats."""
    mine = _terms(headline)
    return len(mine & _terms(paragraph)) / len(mine) if mine else 0.0


def _paragraph(line: str) -> bool:
    """A paragraph of the article: it closes as a sentence, with six words or more (or in an unspaced script)."""
    s = line.strip()
    return bool(_CLOSED.search(s)) and (len(s.split()) >= 6 or bool(_CJK.search(s)))


def _text_line(line: str) -> bool:
    """Not a list item or a field: four words or more, or ten characters of an unspaced script."""
    s = line.strip()
    return len(s) >= 10 if _CJK.search(s) else len(s.split()) >= 4


def recurring_crosslink(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is "label: headline" between two of the article's paragraphs (or under the last), and the
    same label leads another such line with another headline."""
    mine = _labelled(blocks[i])
    if mine is None or i == 0 or not _paragraph(blocks[i - 1]):
        return None  # a title ("Bundesligarückschau: …") or a heading, not a link after a paragraph
    if i + 1 < len(blocks) and (not _text_line(blocks[i + 1]) or _labelled(blocks[i + 1])):
        return None  # a heading over a list or a run of fields of the article's ("Recipe: …", "Prep Time: …")
    label, headline = mine
    if i + 1 < len(blocks) and _shared(headline, blocks[i + 1]) >= _HEADING_SHARE:
        return None  # the paragraph under it speaks of it: a heading ("New Release: …" on a deals page)
    for k, other in enumerate(blocks):
        if k == i or label not in other[: _MAX_LABEL_CHARS + 2].casefold():
            continue
        theirs = _labelled(other)
        if theirs is not None and theirs[0] == label and theirs[1] != headline:
            return 85.0, f"recurring cross-link: the label {label!r} leads another headline (line {k + 1})"
    return None
