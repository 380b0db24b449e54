"""The recall safety net: how much of a page's prose an answer holds, and the wider answers to try.

The first answer of :func:`cleaner.html.extract.extract` is one container chosen after pruning by
vocabulary; both steps can lose the article (a ``js-social-images`` wrapper around the body, a post
inside ``<aside>``, a body split over two containers). This module measures the page's prose before
any pruning (:func:`page_prose`: paragraphs of 80+ characters that are mostly not links, outside
comment threads) so the cascade can tell a short page from a lost article, and provides the last
resort, :func:`prose_baseline`: every prose block of the walked page, with the headings that head
them, when even the relaxed pass found nothing.

The decision itself (:func:`needs_more` and :func:`better`) is stated here so every caller applies
the same criterion.
"""

from __future__ import annotations

from functools import lru_cache

from lxml import etree

from cleaner.html import vocab as vocab
from cleaner.html.walk import SENTENCE_END, Proto, _is_prose

__all__ = ["page_prose", "needs_more", "better", "prose_baseline", "prose_chars"]

PROSE_MIN = 80  # characters: a paragraph this long is prose (shorter ones are labels and lines)
SHARE = 0.3  # an answer holding less than this share of the page's prose is widened
SHORT = 500  # characters: an answer shorter than this is widened whenever the page has more prose
GAIN = 1.5  # a wider answer replaces the first when it holds this many times its prose
HOLD = 0.7  # … and this share of the first answer's text
TRUST_MIN = 200  # characters of prose: a first answer with less need not be held by the wider one
MAX_GROWTH = 4.0  # a trusted first answer is widened at most this many times
CAPTIONS_BELOW = 500  # characters: a chosen content with less other text and more captions is a gallery


def page_prose(body: etree._Element) -> int:
    """Characters of paragraph prose in the whole page (before furniture pruning).

    Counted: ``<p>`` elements of :data:`PROSE_MIN`+ characters whose link text is under 30 %, outside
    elements named as comment threads (their prose is not the article's, and a long thread would make
    every article look lost). Whitespace is counted as the page has it: a cheap, stable size.
    """
    total = 0
    in_thread: dict = {}  # element → inside a comment thread? (paragraphs share their ancestors)
    for p in body.iter("p"):
        # a leaf paragraph's text is its own text node (no serialization: the parser keeps no comment,
        # entity or processing-instruction node, so a <p> without children holds nothing else)
        text = etree.tostring(p, method="text", encoding=str, with_tail=False) if len(p) else (p.text or "")
        if len(text) < PROSE_MIN:
            continue
        n = len(text.strip())
        if n < PROSE_MIN:
            continue
        if len(p) and sum(len(a.text or "") for a in p.iter("a")) >= 0.3 * n:
            continue
        if not _in_thread(p.getparent(), in_thread):
            total += n
    return total


@lru_cache(maxsize=1 << 16)
def _thread_name(attrs: str) -> bool:
    """Does a class + id string name a comment thread? (Pages repeat their names: one search per name.)"""
    return vocab.COMMENT_RE.search(attrs.lower().replace("_", "-")) is not None


def _in_thread(el, memo: dict) -> bool:
    """Is ``el`` (or an ancestor) named as a comment thread? Memoised along the path walked."""
    path = []
    found = False
    while el is not None:
        known = memo.get(el)
        if known is not None:
            found = known
            break
        path.append(el)
        cls, ident = el.get("class"), el.get("id")
        if (cls or ident) and _thread_name(f"{cls or ''} {ident or ''}"):
            found = True
            break
        el = el.getparent()
    for x in path:
        memo[x] = found
    return found


def prose_chars(blocks) -> int:
    """Characters of an answer's blocks (what :func:`needs_more` and :func:`better` compare)."""
    return sum(len(b.text) for b in blocks)


def needs_more(chars: int, prose: int) -> bool:
    """Should the cascade try a wider answer? When the answer holds under :data:`SHARE` of the page's
    prose, or is under :data:`SHORT` characters while the page has :data:`GAIN` times its prose (a
    wider answer must bring that much to win, so with less prose on the page the passes are not run)."""
    if prose <= chars:
        return False
    return chars < SHARE * prose or (chars < SHORT and prose >= GAIN * chars and prose > chars + PROSE_MIN)


def _prose_blocks(blocks) -> list:
    """The blocks of an answer that read like prose (80+ characters or a finished sentence)."""
    return [b for b in blocks if b.kind != "heading" and (len(b.text) >= PROSE_MIN or SENTENCE_END.search(b.text))]


def better(first, wider) -> bool:
    """Keep the wider answer (a list of blocks) over the first? The stated criterion:

    - it holds at least :data:`GAIN` times the first's characters;
    - when the first holds :data:`TRUST_MIN`+ characters of prose, the wider one keeps at least
      :data:`HOLD` of that prose (it widens the first answer instead of swapping it for another
      container) and grows it at most :data:`MAX_GROWTH` times (more is a different region of the
      page: a teaser list, a slideshow, not the missing part of the article).

    A first answer with less prose than that (a date line, a few labels) is not trusted at all.
    """
    a, b = prose_chars(first), prose_chars(wider)
    if b == 0 or (a and b < GAIN * a):
        return False
    prose = _prose_blocks(first)
    pa = sum(len(x.text) for x in prose)
    if pa < TRUST_MIN:
        return True
    if b > MAX_GROWTH * a:
        return False
    texts = {x.text for x in wider}
    return sum(len(x.text) for x in prose if x.text in texts) >= HOLD * pa


def prose_baseline(blocks: list[Proto]) -> list[Proto]:
    """Every prose block of a walked page, with a heading kept when prose follows it: the answer of
    last resort, so a page that has paragraphs never comes out empty."""
    out: list[Proto] = []
    heading = None
    for b in blocks:
        if b.kind == "heading":
            heading = b
            continue
        if _is_prose(b.text, b.link):
            if heading is not None:
                out.append(heading)
                heading = None
            out.append(b)
    return out
