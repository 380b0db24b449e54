"""Cross-link lists (policy B5): how far a "Related:" label's headline runs, and which lines under a
label-only line ("You may also like") are its list; and which lines under a tag label on a line of its
own ("Temas:", "Tags") are its tags (:func:`tag_block`).

Headlines are recognised by their shape: Title-Case runs that stop where a sentence resumes, short
lines without a closing full stop. The list under a label stops before an article's title and byline.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from itertools import islice

from cleaner.rules.line_shapes import bulleted, unbulleted
from cleaner.text.normalize import is_cjk
from cleaner.text.segment import Unit

__all__ = ["headline_end", "list_length", "tag_block"]

_TOKEN = re.compile(r"\S+")
_SENTENCE_BREAK = re.compile(r"""[.!?…]["'”’»)\]]*\s+\S""")
_CJK_BREAK = re.compile(r"[。！？!?]\S")
_EDGE_PUNCT = re.compile(r"^\W+|\W+$")
# Words a Title-Case headline leaves in lower case (English and a few other languages).
_MINOR_WORDS = """a an the and or but nor for of on in at to by as vs vs. via with from into onto per than if so
yet up de la le les du des et en y el los las da do dos das e o di del della van der den und von zu im"""
_MINOR = frozenset(_MINOR_WORDS.split())
_HEADLINE_MAX_WORDS = 25
_HEADLINE_SCAN_MAX = 300  # tokens looked at for the sentence that resumes after a headline run
_LIST_ITEM_MAX_CHARS = 200
_LIST_MAX_ITEMS = 15
_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
    "oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# A byline or a dateline opening a line: where an article starts, so where a list of links ends.
BYLINE_OR_DATE = re.compile(
    rf"""^\W*(?:(?:by|par|por|von|di|door|автор|yazar)\s+\S
    |(?:updated|published|posted)\b
    |(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}
    |\d{{1,2}}\.?\s+(?:{_MONTHS})\.?\s+\d{{4}}
    |\d{{4}}[-/.]\d{{1,2}}[-/.]\d{{1,2}}
    |\d{{1,2}}[-/.]\d{{1,2}}[-/.]\d{{4}})""",
    re.IGNORECASE | re.VERBOSE,
)


def headline_end(u: Unit, end: int) -> int:
    """Raw end of the headline that follows a cross-link label ending at raw ``end`` in ``u``.

    The whole rest of the line when it is one short headline; else the end of the Title-Case run,
    just before the capitalised word that opens the next sentence; ``end`` itself (the label only)
    when no headline words can be told apart.
    """
    view = u.text
    # view offset of the raw end: first view index whose raw offset is at or after ``end`` (raw
    # offsets grow with view offsets, so a binary search: a long line with many labels stays linear)
    v = bisect_left(range(len(view)), end, key=u.to_raw)
    rest = view[v:]
    first = list(islice(_TOKEN.finditer(rest), _HEADLINE_MAX_WORDS + 1))
    if not first:
        return u.span[1]
    if any(is_cjk(c) for c in rest[:200]):
        # Unspaced scripts: no word-case cues. Take the rest only when it has no sentence end.
        return u.span[1] if not _CJK_BREAK.search(rest.strip()) else end
    if len(first) <= _HEADLINE_MAX_WORDS and not _SENTENCE_BREAK.search(rest.strip()):
        return u.span[1]  # the rest of the line is one headline
    tokens: list[re.Match[str]] = []  # the tokens read so far (the loop stops at the first sentence)
    for n, tok in enumerate(_TOKEN.finditer(rest)):
        if n == _HEADLINE_SCAN_MAX:
            return end  # no sentence in sight after hundreds of capitalised words: the label only
        tokens.append(tok)
        word = _EDGE_PUNCT.sub("", tok.group())
        # Neutral: numbers ("401(k)s", "$1.33"), symbols, uncased scripts; capitalised: any capital
        # ("iPhone", "XRP"); a minor word may stay lower case inside a Title-Case headline.
        if not word or not word[0].isalpha() or not word.islower() or word in _MINOR:
            continue
        # A lower-case content word: a sentence has begun at the last capitalised token before it.
        j = n - 1
        while j >= 0 and _EDGE_PUNCT.sub("", tokens[j].group()).lower() in _MINOR:
            j -= 1
        if j <= 0:
            return end  # no headline words before the sentence: remove the label only
        return u.to_raw_end(v + tokens[j - 1].end())
    return u.span[1]


def list_length(lines: list[str]) -> int:
    """How many of ``lines`` (those after a label-only line) are the label's list of headlines."""
    n = 0
    for line in lines[:_LIST_MAX_ITEMS]:
        if not _headline_like(line):
            break
        if BYLINE_OR_DATE.match(line):
            # "title / By X / date" is the start of an article, not a list of links: the line
            # before the byline is that article's title and stays with it.
            return max(0, n - 1)
        n += 1
    return n


_TAG_MAX_ITEMS = 20
_TAG_MAX_WORDS = 4
_TAG_MAX_CHARS = 40
_FOOT_MAX_LINES = 12  # the page's foot under a tag list: a few short lines (share buttons, a copyright)
_FOOT_MAX_WORDS = 12


def tag_block(label: str, lines: list[str]) -> int | None:
    """The tags under a tag label alone on its line ("Temas:" over "- Bolsa", "- Ibex 35"), counted in ``lines``
    (every line under the label to the page's end), or None when the label is no tag list's.

    Tags are bulleted or hashed items of at most four words and no sentence mark. The label is a tag list's
    only in the page's foot: under the tags, nothing but a few short lines to the end. Anywhere else the line
    is a subhead ("Categories" over a paragraph), and so it is over plain short lines ("Topics" / "Trade" /
    "Climate", "Temas:" over a course's subjects): a list of the article's terms, which stays with its label
    (stop 22's review, tests/data/review/stop22)."""
    n = 0
    for line in lines[:_TAG_MAX_ITEMS]:
        hashed = line.lstrip().startswith("#")
        if not (bulleted(line) or hashed):
            break
        s = line.strip()[1:].strip() if hashed else unbulleted(line)
        if not s or len(s) > _TAG_MAX_CHARS or len(s.split()) > _TAG_MAX_WORDS or s[-1] in ".!?:;,。！？：；":
            break
        n += 1
    rest = [line for line in lines[n:] if line.strip()]
    if len(rest) > _FOOT_MAX_LINES or any(len(line.split()) > _FOOT_MAX_WORDS for line in rest):
        return None
    if n == 0 and rest and len(rest[0].split()) <= _TAG_MAX_WORDS and not rest[0].rstrip().endswith((".", "!", "?")):
        return None  # plain short lines under the label: its list, not tags
    return n


_CJK_HEADLINE_MAX_CHARS = 60  # a headline in an unspaced script: words cannot be counted, characters can
_CJK_END = ("。", "！", "？", "：", "；", "，", "、")


def _headline_like(line: str) -> bool:
    s = line.strip()
    if not (0 < len(s) <= _LIST_ITEM_MAX_CHARS and len(s.split()) <= 30) or s.endswith((".", ":", ";", ",")):
        return False
    if any(is_cjk(c) for c in s[:200]):
        # Chinese/Japanese prose has no spaces to count: a sentence end (inside or at the end) or a
        # paragraph's length says the list is over.
        return len(s) <= _CJK_HEADLINE_MAX_CHARS and not s.endswith(_CJK_END) and not _CJK_BREAK.search(s)
    return True
