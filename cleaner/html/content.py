"""Content selection: which elements of the walked page hold the main content, found by scoring.

The fifth stage of :mod:`cleaner.html`, skipped when a ``root`` selector rule chose the content.
It reads only the walk's blocks and statistics. Paragraphs vote for their parent and grandparent
(more for long text with commas, nothing for link-heavy text); elements start with a bonus or malus
from their tag (:data:`~cleaner.html.vocab.TAG_SCORE`: ``<article>``, ``<main>``…), from
``itemprop=articleBody`` and from their class/id (:func:`_class_weight`), and scores are discounted
by link density. The best element is widened to a common ancestor when several strong candidates
share one, or when an ancestor holds much more prose than other text; then its siblings that look
like more of the same (scored, same class, or plain prose paragraphs) are added — that is how a
body split into two containers comes out whole.
"""

from __future__ import annotations

import re
from functools import lru_cache

from cleaner.html import vocab as vocab
from cleaner.html.page import text_of
from cleaner.html.walk import Walker

__all__ = ["select"]


@lru_cache(maxsize=1 << 16)
def _name_hints(attrs: str) -> tuple[bool, bool]:
    """Does a lowered class + id string hold a negative and a positive scoring hint? (Pages repeat their
    names, and sites share them: two regex searches per name, not per scored element.)"""
    return vocab.NEGATIVE_RE.search(attrs) is not None, vocab.POSITIVE_RE.search(attrs) is not None


def _class_weight(el, text_chars: int) -> int:
    """Bonus/malus from the element's own name. A content-sounding name earns nothing on an element
    with little text (``content-wrapper title`` around a headline must not beat the article)."""
    attrs = ((el.get("class") or "") + " " + (el.get("id") or "")).lower()
    weight = 0
    if len(attrs) > 1:
        negative, positive = _name_hints(attrs)
        if negative:
            weight -= 25
        if text_chars >= vocab.MIN_NAMED_TEXT and positive:
            weight += 25
    if el.get("itemprop") == "articleBody":
        weight += 40
    return weight


def select(walker: Walker, body) -> list:
    """The elements holding the main content (usually one; more when the body is split in siblings)."""
    scores: dict = {}
    chars = walker.chars

    def init(el) -> float:
        s = scores.get(el)
        if s is None:
            s = scores[el] = vocab.TAG_SCORE.get(el.tag, 0) + _class_weight(el, chars.get(el, (0, 0))[0])
        return s

    for b in walker.blocks:
        n = len(b.text)
        if n < vocab.MIN_PARAGRAPH or b.kind == "heading":
            continue
        if b.link > n * 0.5:
            continue
        owner = b.owner
        score = 1 + b.text.count(",") + b.text.count("，") + b.text.count("、") + min(n / 100, 3)
        target = owner if owner.tag not in vocab.PARAGRAPH_TAGS else owner.getparent()
        for div in (1, 2, 6):
            if target is None or target is body.getparent():
                break
            init(target)
            scores[target] += score / div
            target = target.getparent()

    if not scores:
        return [body]

    def final(el) -> float:
        text, link, _ = chars.get(el, (0, 0, 0))
        ld = link / text if text else 0
        # Softer than Readability's (1 - ld): news bodies link every name, navigation is nearly all links.
        return scores[el] * (1 - ld**1.5)

    ranked = sorted(scores, key=final, reverse=True)
    top = ranked[0]
    top_score = final(top)
    # Several strong candidates under one ancestor: the ancestor is the article (Readability's rule).
    strong = [c for c in ranked[1:5] if final(c) >= 0.75 * top_score]
    if len(strong) >= 2:
        lists = [set(c.iterancestors()) for c in strong]
        for anc in top.iterancestors():
            if anc is body.getparent():
                break
            if sum(anc in s for s in lists) >= 2:
                top = anc
                break
    # Walk up while the parent scores better (the paragraphs' container is split over levels).
    last = scores.get(top, 0)
    parent = top.getparent()
    while parent is not None and parent is not body and parent is not body.getparent():
        if parent not in scores:
            parent = parent.getparent()
            continue
        ps = scores[parent]
        if ps < last / 3:
            break
        if ps > last:
            top = parent
            break
        last = ps
        parent = parent.getparent()
    # Widen to an ancestor when it adds more prose than it adds other text (weighted): paragraphs
    # wrapped one per "card" spread their votes too thin for any one container to win.
    def gain(el) -> float:
        text, _, good = chars.get(el, (0, 0, 0))
        return good - vocab.NON_PROSE_WEIGHT * (text - good)

    scope = _entity_scope(top, body, chars)
    if scope is not None:
        return [scope]
    best, best_gain = top, gain(top)
    top_good = chars.get(top, (0, 0, 0))[2]
    for anc in top.iterancestors():
        if anc is body.getparent():
            break
        g = gain(anc)
        if g > best_gain and chars.get(anc, (0, 0, 0))[2] >= vocab.WIDEN_MIN_GROWTH * top_good:
            best, best_gain = anc, g
    if best is not top:
        return [best]
    # An only child says nothing about its siblings: look at the level where there are some.
    while top is not body and top.getparent() is not None and len(top.getparent()) == 1:
        top = top.getparent()

    # A definition or list item is half of its list: the term goes with its definition.
    member = top if top.tag in _MEMBER_TAGS else top.getparent()
    if member is not None and member.tag in _MEMBER_TAGS:
        lst = member.getparent()
        if lst is not None and lst.tag in vocab.LIST_TAGS and lst is not body:
            top = lst
    parent = top.getparent()
    if parent is None or top is body:
        return [top]
    chosen = []
    threshold = max(10.0, final(top) * 0.2) if top in scores else 10.0
    top_class = top.get("class")
    top_stem = _class_stem(top_class)
    for sib in parent:
        if sib is top:
            chosen.append(sib)
            continue
        if not isinstance(sib.tag, str) or sib not in walker.spans:
            continue
        # Same role: the same class, or the same class stem ("story-body-1" / "story-body-2").
        same = top_class and (sib.get("class") == top_class or (top_stem and _class_stem(sib.get("class")) == top_stem))
        bonus = final(top) * 0.2 if same and top in scores else 0
        if sib in scores and final(sib) + bonus >= threshold:
            chosen.append(sib)
            continue
        text, link, _ = chars.get(sib, (0, 0, 0))
        if sib.tag in vocab.PARAGRAPH_TAGS or sib.tag in vocab.LIST_TAGS:
            ld = link / text if text else 1
            if (text > 80 and ld < 0.25) or (0 < text <= 80 and ld == 0 and _ends_sentence(sib)):
                chosen.append(sib)
    return chosen


_MEMBER_TAGS = frozenset({"dd", "dt", "li"})
# schema.org types of a page about one thing made of data as much as prose: an element carrying
# one (microdata ``itemscope itemtype=...``) is that thing's container, ingredient lists and data
# tables included. Article types are left out: their prose already wins the scoring, and their scope
# also holds the standfirst, dateline and "latest stories" strips (AEB: 9 pages lost precision).
_ENTITY_TYPES = frozenset({"recipe", "howto", "product", "event", "jobposting", "course"})
_SCOPE_MAX_LINKS = 0.3  # link share above which a scope is a listing or a whole page, not one item


def _entity_scope(top, body, chars: dict):
    """The microdata item (``itemscope`` of a main-entity type, :data:`_ENTITY_TYPES`) around the
    chosen element, when the page has exactly one item of that type and its text is mostly not links.

    Why: the scoring votes with prose, so a recipe's ingredient list or an event's data table (short
    lines, no prose) in a sibling column loses to the method steps; the page's own markup says they
    are one item. A listing (several items of the type), the whole page, or a link-heavy scope is not
    trusted.
    """
    for anc in top.iterancestors():
        if anc is body or anc is body.getparent():
            return None
        itemtype = anc.get("itemtype")
        if not itemtype or anc.get("itemscope") is None:
            continue
        kind = itemtype.rstrip("/").rsplit("/", 1)[-1].lower()
        if kind not in _ENTITY_TYPES:
            continue
        text, link, _ = chars.get(anc, (0, 0, 0))
        if not text or link > _SCOPE_MAX_LINKS * text:
            return None
        if int(body.xpath("count(.//*[@itemscope][@itemtype=$t])", t=itemtype)) != 1:
            return None
        return anc
    return None
_NUMBERED = re.compile(r"[-_]?\d+$")


def _class_stem(cls: str | None) -> str:
    """A class string without its numbering ("story-body-2" → "story-body"; "" when not numbered),
    so that consecutive parts of one split body are recognised as one role."""
    if not cls:
        return ""
    tokens = cls.split()
    stems = [_NUMBERED.sub("", t) for t in tokens]
    return " ".join(stems) if stems != tokens and all(stems) else ""


def _ends_sentence(el) -> bool:
    return bool(re.search(r"[.!?。！？]\s*$", text_of(el)))
