"""Pruning: remove what is never content before the walk sees the page.

The third stage of :mod:`cleaner.html`; it works on the tree in place. Scripts, styles, form
controls and embedded media go first (the cascade strips :data:`~cleaner.html.vocab.JUNK_TAGS`), then
the selector rules: ``strip`` rules remove their matches (recorded as :class:`Stripped`, for
``cleaner explain``) and the first ``root`` rule match becomes the content. A ``has_text`` guard
limits a rule to the innermost elements holding that text, compared in the comparison form; a guard
absent from the whole page rules the selector out before it is evaluated, which is the usual case.

Then hidden elements and page furniture, recognised by tag (``<nav>``, ``<footer>``…, removed first by
C-level iteration), ARIA role and the class/id vocabulary of :mod:`cleaner.html.vocab`: strong words
(comments, share bars, ads, galleries) count whatever else the name says, weak ones (menu, sidebar,
header, meta) only when ``by_class`` is on. The vocabulary is a hint, so guards keep content: an
element naming itself the article body (``itemprop=articleBody``, ``entry-content``, ``<main>``)
protects its ancestors, the root a rule chose is left to the rule's author, and a furniture-named
element holding most of the page's text is a wrapper, not furniture. Removal keeps tail text,
which belongs to the parent.
"""

from __future__ import annotations

import re
import unicodedata
from collections import deque
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from lxml import etree

from cleaner.html import vocab as vocab
from cleaner.html.page import SelectorRule, Stripped, compile_css, text_len, text_of
from cleaner.text.normalize import comparison_form, unescape_entities

__all__ = ["apply_selectors", "drop_non_content"]


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = el.get("style")
    if not style:
        return False
    return _hides(style)


@lru_cache(maxsize=1 << 14)
def _hides(style: str) -> bool:
    """Does a ``style`` attribute hide its element? (Pages and sites repeat their inline styles: one
    lowering and search per style string, not per element.)"""
    low = style.lower()
    return ("none" in low or "hidden" in low) and vocab.HIDDEN_STYLE_RE.search(low) is not None


# class + id string → verdict. Pages repeat their class names endlessly and sites share frameworks,
# so a process-wide cache turns four regex searches per element into one dict lookup.
_NAME_CACHE: dict[str, str | None] = {}
_NAME_CACHE_MAX = 100_000
# One class/id token → which vocabularies it holds (bits: content-strong, furniture-strong, furniture-weak,
# content word). A string missing from _NAME_CACHE is mostly new combinations of tokens seen before (a
# page's unique ids, "col-md-8 post-4711"): its verdict is the OR of its tokens' bits. No word of the
# vocabulary holds whitespace and every boundary test treats a space as the end of a name, so the regexes
# find in the whole string exactly what they find in its tokens (tests/test_fast_paths.py).
_TOKEN_CACHE: dict[str, int] = {}
# class string of an element without an id → the verdict of its name (``_NAME_CACHE[cls + " "]``), so that
# the pruning pass, which meets these most, need not build the name first.
_CLASS_CACHE: dict[str, str | None] = {}
_CONTENT_STRONG, _STRONG, _WEAK, _CONTENT_WORD = 1, 2, 4, 8


def _token_bits(token: str) -> int:
    bits = _TOKEN_CACHE.get(token)
    if bits is None:
        bits = (
            (_CONTENT_STRONG if vocab.CONTENT_STRONG_RE.search(token) else 0)
            | (_STRONG if vocab.FURNITURE_STRONG_RE.search(token) else 0)
            | (_WEAK if vocab.FURNITURE_WEAK_RE.search(token) else 0)
            | (_CONTENT_WORD if vocab.CONTENT_WORD_RE.search(token) else 0)
        )
        if len(_TOKEN_CACHE) >= _NAME_CACHE_MAX:
            _TOKEN_CACHE.clear()
        _TOKEN_CACHE[token] = bits
    return bits


def _name_verdict(attrs: str) -> str | None:
    """What a class/id string says: "anchor" (names the article body), "strong"/"weak"/"small"
    (furniture words, see :func:`_furniture_reason`) or None."""
    verdict = _NAME_CACHE.get(attrs, "?")
    if verdict != "?":
        return verdict
    low = attrs.lower().replace("_", "-")  # ad_body, article_body: snake case names the same words
    classes, _, ident = low.rpartition(" ")
    if ident.count("-") >= vocab.SLUG_MIN_PARTS - 1:
        # An id of many words is a heading's anchor ("sharing-with-a-single-developer"), not the
        # name of a box: the vocabulary reads only whole names, never the words of a sentence.
        low = classes
    bits = 0
    for token in low.split():
        bits |= _token_bits(token)
    if bits & _CONTENT_STRONG:
        verdict = "anchor"
    elif bits & _STRONG:
        verdict = "strong"
    elif bits & _WEAK:
        verdict = "small" if bits & _CONTENT_WORD else "weak"
    else:
        verdict = None
    if len(_NAME_CACHE) >= _NAME_CACHE_MAX:
        _NAME_CACHE.clear()
    _NAME_CACHE[attrs] = verdict
    return verdict


def _furniture_reason(el: etree._Element, tag: str, by_class: bool = True) -> str | None:
    """Why an element looks like page furniture (tag, role, class/id vocabulary), or None.

    Strong words (comments, share bars, cookie banners, ads…) count whatever else the class says;
    weak ones (menu, sidebar, widget, header…) only mark small elements when the class also names
    content (``content-with-sidebar`` is a layout wrapper, named after what it lays out), and none
    at all when ``by_class`` is off (the retry for pages where they took the article with them).
    """
    if tag in vocab.FURNITURE_TAGS:
        return tag
    role = el.get("role")
    if role and role.strip().lower() in vocab.FURNITURE_ROLES:
        return "role"
    cls, ident = el.get("class"), el.get("id")
    if cls or ident:
        verdict = _name_verdict(f"{cls or ''} {ident or ''}")
        if verdict == "strong":
            return "strong"
        if by_class and verdict == "small":
            return "small"
        if by_class and verdict == "weak":
            return "class"
    return None


def drop_non_content(
    body: etree._Element,
    protect: etree._Element | None,
    by_class: bool = True,
    relaxed: bool = False,
    total: int | None = None,
) -> None:
    """Remove hidden elements and page furniture.

    ``relaxed`` is the recall safety net's pass (weak words off as well): of the class vocabulary
    only comment-thread names count, and a furniture tag (``<aside>``, ``<header>``…) that is
    prose-rich (:func:`_prose_rich`) stays — a post inside ``<aside class="blogPost">``.

    Kept despite the vocabulary: the content root a rule chose with its ancestors and descendants
    (the rule's author knows the page better than the vocabulary), ancestors of an element
    that names itself the article body (``itemprop=articleBody``, ``class=entry-content``…) and holds
    real text, and any element holding most of the page's text (a wrapper, whatever its name).

    ``total`` is ``text_len(body)`` when the caller already knows it (:func:`apply_selectors` serialised
    the page's text for its guards): one serialisation of the whole page less.
    """
    total = (text_len(body) if total is None else total) or 1
    if relaxed:
        by_class = False
    if protect is None:
        _drop_furniture_tags(body, total, relaxed)
    never = vocab.NEVER_FURNITURE
    furniture_tags = vocab.FURNITURE_TAGS
    anchor_tags = vocab.ANCHOR_TAGS
    hidden: list[etree._Element] = []
    furniture: list[etree._Element] = []
    strong: list[etree._Element] = []
    small: list[etree._Element] = []  # weak word + content word: furniture only when it holds little text
    anchors: list[etree._Element] = [] if protect is None else [protect]
    # Inside a root a rule chose, the rule's author decides: only hidden elements go (and strip rules).
    inside = set(protect.iter()) if protect is not None else ()
    cache = _NAME_CACHE
    by_cls = _CLASS_CACHE
    # One pass in Python: cheaper than several XPath queries (most elements have no attribute we need,
    # and most of the others only a class or an id).
    for el in body.iter(etree.Element):
        keys = el.keys()
        tag = el.tag
        if not keys:
            if tag in anchor_tags:
                anchors.append(el)
            elif tag in furniture_tags and not (inside and el in inside):
                furniture.append(el)
            continue
        cls = el.get("class") if "class" in keys else None
        ident = el.get("id") if "id" in keys else None
        if tag in never:
            if tag in anchor_tags or el.get("itemprop") == "articleBody" or (
                (cls or ident) and _name_verdict(f"{cls or ''} {ident or ''}") == "anchor"
            ):
                anchors.append(el)
            continue
        if len(keys) > (cls is not None) + (ident is not None):  # more than a class/id: the rare checks
            if ("hidden" in keys or "aria-hidden" in keys or "style" in keys) and _is_hidden(el):
                hidden.append(el)
                continue
            if inside and el in inside:
                continue
            if "itemprop" in keys and el.get("itemprop") == "articleBody":
                anchors.append(el)
                continue
            if "role" in keys:
                role = el.get("role")
                if role and role.strip().lower() in vocab.FURNITURE_ROLES and tag not in anchor_tags:
                    furniture.append(el)
                    continue
        elif inside and el in inside:
            continue
        if tag in anchor_tags:
            anchors.append(el)
            continue
        if tag in furniture_tags:
            furniture.append(el)
            continue
        if cls or ident:
            if ident is None:  # (most names: a class alone, looked up without building the key)
                verdict = by_cls.get(cls, "?")
                if verdict == "?":
                    verdict = by_cls[cls] = _name_verdict(f"{cls} ")
                    if len(by_cls) >= _NAME_CACHE_MAX:
                        by_cls.clear()
            else:
                key = f"{cls or ''} {ident}"
                verdict = cache.get(key, "?")
                if verdict == "?":
                    verdict = _name_verdict(key)
            if verdict is None:
                continue
            if verdict == "anchor":
                anchors.append(el)
            elif verdict == "strong":
                strong.append(el)
            elif by_class:
                (small if verdict == "small" else furniture).append(el)
    if not hidden and not furniture and not strong and not small:
        return
    protected = _protected(anchors, protect, hidden)
    # Empty elements (icons, ad slots waiting for a script) hold no text: leave them, it is cheaper.
    hidden = [el for el in hidden if len(el) or el.text]
    furniture = [el for el in furniture if len(el) or el.text]
    strong = [el for el in strong if len(el) or el.text]
    for el in strong:
        # Comment threads, related-story lists and the like may outweigh the article: no size guard
        # on the first try. If they wrapped the article after all (too little text came out), the
        # retry keeps a strong-named element that holds nearly all of the page's text.
        if el not in protected and _attached(el, body):
            if not by_class and text_len(el) > vocab.STRONG_WRAPPER_SHARE * total:
                continue
            thread = _names_thread(f"{el.get('class') or ''} {el.get('id') or ''}")
            if relaxed and not thread:
                continue
            if thread and len(el) < 8:
                # A "Comments" heading (Movable Type's <h2 id="comments">, alone in its box or not)
                # with the thread as its following siblings: they go with it.
                label = el
                while (up := label.getparent()) is not None and up is not body and len(up) < 8 \
                        and text_len(up) <= vocab.THREAD_LABEL_MAX:
                    label = up
                if _thread_heading(label):
                    for sib in list(label.itersiblings()):
                        if isinstance(sib.tag, str):
                            _remove(sib)
            _remove(el)
    for el in small:
        if el not in protected and _attached(el, body) and not _holds_text(el, vocab.SMALL_FURNITURE):
            _remove(el)
    for el in hidden + furniture:
        if el in protected or not _attached(el, body):
            continue
        if relaxed and el.tag in vocab.FURNITURE_TAGS and el.tag != "nav" and _prose_rich(el):
            continue
        # The vocabulary is a hint: an element holding most of the page's text is a wrapper, not furniture.
        if (len(el) or el.text) and text_len(el) > vocab.WRAPPER_SHARE * total:
            continue
        _remove(el)


def _protected(anchors: list, protect: etree._Element | None, hidden: list) -> set:
    """The elements the anchors keep: each anchor holding real text (:data:`~cleaner.html.vocab.ANCHOR_MIN_TEXT`),
    or the rule's chosen root ``protect``, with its ancestors — but none that is hidden or inside a hidden
    element (hidden microdata copies of the article body protect nothing).

    Innermost first (``anchors`` come in document order: read backwards): an anchor that protects itself
    protects its ancestors, so an anchor around it (``hentry`` around ``entry-content``) is protected already
    and its text need not be counted again (the same article body serialised once more); what it would add
    is there (tests/test_fast_paths.py)."""
    protected: set = set()
    hidden_set = set(hidden)
    for anchor in reversed(anchors):
        if anchor in protected:
            continue
        if anchor is not protect and hidden_set and (
            anchor in hidden_set or any(a in hidden_set for a in anchor.iterancestors())
        ):
            continue
        if anchor is protect or _holds_text(anchor, vocab.ANCHOR_MIN_TEXT):
            protected.add(anchor)
            protected.update(anchor.iterancestors())
    return protected


@lru_cache(maxsize=1 << 16)
def _names_thread(attrs: str) -> bool:
    """Does a class + id string name a comment thread? (Pages repeat their names: one search per name.)"""
    return vocab.COMMENT_RE.search(attrs.lower().replace("_", "-")) is not None


def _holds_text(el: etree._Element, n: int) -> bool:
    """``len(text_of(el)) >= n``, without folding the whole of a long text: the fold of a prefix is a
    prefix of the fold, so a prefix of ``4 n`` characters that folds to ``n`` decides (an article body
    of 50,000 characters is one of the elements asked), and a raw text under ``n`` cannot fold to more."""
    raw = etree.tostring(el, method="text", encoding=str, with_tail=False)
    if len(raw) < n:
        return False
    if len(" ".join(raw[: 4 * n].split())) >= n:
        return True
    return len(raw) > 4 * n and len(" ".join(raw.split())) >= n


def _thread_heading(el: etree._Element) -> bool:
    """Is a comment-named element only the heading of a thread that follows it? Its own text is a
    label (under :data:`~cleaner.html.vocab.THREAD_LABEL_MAX` characters: "Comments", "25 Comments")
    and what comes before it in its parent holds an article's worth of text, so the siblings after
    it are the thread, not the article."""
    if text_len(el) > vocab.THREAD_LABEL_MAX or not text_of(el):
        return False
    before = 0
    for sib in el.itersiblings(preceding=True):
        if isinstance(sib.tag, str):
            before += text_len(sib)
            if before >= vocab.THREAD_ARTICLE_MIN:
                return True
    return False


def _prose_rich(el: etree._Element) -> bool:
    """Does most of the element's text sit in prose paragraphs (80+ characters, few links), 300+ in all?"""
    total = text_len(el)
    if total < 300:
        return False
    prose = 0
    for p in el.iter("p"):
        n = text_len(p)
        if n >= 80 and sum(text_len(a) for a in p.iter("a")) < 0.3 * n:
            prose += n
    return prose >= 300 and prose >= 0.5 * total


def _drop_furniture_tags(body: etree._Element, total: int, relaxed: bool = False) -> None:
    """Remove <nav>, <header>, <footer>, <aside>, <form>… first, found by C-level tag iteration.

    Half of a page's elements sit in these, and the class/id pass then need not look at them. The
    same guards as for any furniture: kept when holding most of the page's text or something that
    names the article body.

    A furniture tag inside one removed before it (a <nav> in a <header>) is not looked at: whatever
    happened to it, it is out of the page (the tags come in document order, so they follow their
    removed ancestor directly).
    """
    gone: set[etree._Element] = set()  # the furniture tags inside the last element removed
    furniture_tags = vocab.FURNITURE_TAGS
    for el in list(body.iter(*furniture_tags)):
        if gone and el in gone:
            continue
        if not _attached(el, body) or el.tag in vocab.NEVER_FURNITURE:
            continue
        size = text_len(el) if (len(el) or el.text) else 0
        if size > vocab.WRAPPER_SHARE * total:
            continue
        # An anchor protects only with ANCHOR_MIN_TEXT characters of text: smaller elements cannot hold one.
        if size >= vocab.ANCHOR_MIN_TEXT and _holds_anchor(el):
            continue
        if relaxed and el.tag != "nav" and _prose_rich(el):
            continue
        gone = set(el.iterdescendants(*furniture_tags)) if len(el) else set()
        _remove(el)


# Every class and every id value of a subtree, as plain strings (``smart_strings=False``: no element object is
# made for a value, which is what made an XPath of the values slower than the loop before), and whether one of
# its elements is ``itemprop=articleBody``.
_CLASS_VALUES = etree.XPath("descendant-or-self::*/@class", smart_strings=False)
_ID_VALUES = etree.XPath("descendant-or-self::*/@id", smart_strings=False)
_HOLDS_ARTICLE_BODY = etree.XPath("boolean(descendant-or-self::*[@itemprop='articleBody'])")


def _holds_anchor(el: etree._Element) -> bool:
    """Does anything inside name itself the article body (``<main>``, ``itemprop``, class/id)?

    Asked of the furniture tags before they go, whose elements are then never walked in Python: so the
    subtree's class and id values come from libxml2 as strings (three XPath queries, about 0.6 of the
    cost of a Python loop reading each element's attributes), after a C-level look for the anchor tags.
    An element's name is an anchor when one of its class tokens or id tokens is (:func:`_name_verdict`
    ORs its tokens' bits), the id's last space-separated part left out when it is a slug: so its class
    alone (``_name_verdict(cls + " ")``) or its id alone (``_name_verdict(" " + ident)``) answers for the
    pair (tests/test_fast_paths.py). Measured slower on AEB: the same XPath with smart strings, one of
    the content-strong words in the values, and a first look at the subtree's serialized markup for
    them (2-3 times the loop's cost)."""
    for _ in el.iter(*vocab.ANCHOR_TAGS):
        return True
    by_cls = _CLASS_CACHE
    for cls in _CLASS_VALUES(el):
        verdict = by_cls.get(cls, "?")
        if verdict == "?":
            verdict = by_cls[cls] = _name_verdict(f"{cls} ")
            if len(by_cls) >= _NAME_CACHE_MAX:
                by_cls.clear()
        if verdict == "anchor":
            return True
    cache = _NAME_CACHE
    for ident in _ID_VALUES(el):
        if ident:
            key = f" {ident}"
            verdict = cache.get(key, "?")
            if (verdict if verdict != "?" else _name_verdict(key)) == "anchor":
                return True
    return bool(_HOLDS_ARTICLE_BODY(el))


def _attached(el: etree._Element, root: etree._Element) -> bool:
    """Still in the tree under ``root`` (not inside an element removed before)? Its topmost ancestor is ``root``.

    (Not ``el.getroottree().getroot() is root``: lxml keeps a removed subtree in its document, so that is
    the document's root for every element of a removed subtree too, and the furniture lists went on
    measuring and removing, to no effect on the page, elements inside ones removed before them: 7,400
    of the 11,700 asked on AEB. An element whose parent went is now passed over, which changes no output:
    nothing done inside a removed subtree reaches the tree.)"""
    if el.getparent() is None:
        return False
    return deque(el.iterancestors(), maxlen=1)[0] is root  # (the last ancestor, by C-level iteration)


def _remove(el: etree._Element) -> None:
    """Remove an element but keep its tail text (it belongs to the parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


@lru_cache(maxsize=1024)
def _guard_form(guard: str) -> str:
    return comparison_form(guard)


@lru_cache(maxsize=1024)
def _guard_key_words(guard: str) -> tuple[str, ...]:
    """The plain ASCII words (4+ letters) of a guard that survive comparison-form folding unchanged.

    Any page whose comparison form holds the guard holds each of these words in its case-folded raw
    text too, unless they were spelt with compatibility characters (ligatures, full-width letters) or
    entity strings — pages that have those get the exact check (see ``may_match``).
    """
    form = _guard_form(guard)
    folded = guard.casefold()
    return tuple(w for w in dict.fromkeys(form.split()) if len(w) >= 4 and w.isascii() and w.isalnum() and w in folded)


@lru_cache(maxsize=1024)
def _guard_key_bytes(guard: str) -> tuple[bytes, ...]:
    """:func:`_guard_key_words` as bytes, for a page's lowered UTF-8 (see :func:`_guard_words_view`)."""
    return tuple(w.encode("ascii") for w in _guard_key_words(guard))


# Characters NFKC turns into ASCII letters (ligatures, full-width, letterlike, super/subscripts, enclosed
# and mathematical letters), and entity strings the comparison form decodes: pages with any of them
# skip the one-word shortcut.
# Two searches, the entity one only when the text has an "&": one alternation tried at every
# character of the page cost three times as much (AEB: 45 ms against 16 ms per 181 pages).
_COMPAT = re.compile(
    "[\ufb00-\ufb4f\uff00-\uffef\u2100-\u214f\u2070-\u209f\u2460-\u24ff\U0001d400-\U0001d7ff\u1d2c-\u1d6a]"
)
_ENTITY = re.compile(r"&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+\d*);")


def _compat_or_entity(text: str) -> bool:
    return _COMPAT.search(text) is not None or ("&" in text and _ENTITY.search(text) is not None)


# Characters outside ASCII whose case folding holds ASCII ("ß" → "ss", "ſ" → "s", "İ" → "i̇", the
# Kelvin sign, the Latin ligatures): the only way a page's case-folded text can hold an ASCII word that
# its ASCII characters, lowered, do not (tests/test_fast_paths.py checks the list against every code point).
_FOLDS_TO_ASCII = "\u00df\u0130\u0149\u017f\u01f0\u1e96\u1e97\u1e98\u1e99\u1e9a\u1e9e\u212a" + "".join(
    map(chr, range(0xFB00, 0xFB07))
)
_COMPAT_RANGES = ((0xFB00, 0xFB4F), (0xFF00, 0xFFEF), (0x2100, 0x214F), (0x2070, 0x209F), (0x2460, 0x24FF),
                  (0x1D400, 0x1D7FF), (0x1D2C, 0x1D6A))  # (the ranges of _COMPAT)


# The other characters outside ASCII whose NFKC form, case-folded, holds an ASCII letter or digit ("ª", "²", "½",
# "ĳ", "ǆ", "ʰ", Roman numerals, "㎏"): with those of _COMPAT_RANGES and _FOLDS_TO_ASCII, every such character
# (tests/test_fast_paths.py checks the list against every code point). See _page_skeleton.
_SPELLS_ASCII_RANGES = (
    (0xAA, 0xAA), (0xB2, 0xB3), (0xB9, 0xBA), (0xBC, 0xBE), (0x132, 0x133), (0x13F, 0x140), (0x1C4, 0x1CC),
    (0x1F1, 0x1F3), (0x2B0, 0x2B0), (0x2B2, 0x2B3), (0x2B7, 0x2B8), (0x2E1, 0x2E3), (0x1D9C, 0x1D9C),
    (0x1DA0, 0x1DA0), (0x1DBB, 0x1DBB), (0x20A8, 0x20A8), (0x2150, 0x217F), (0x2189, 0x2189), (0x2C7C, 0x2C7D),
    (0x3250, 0x325F), (0x32B1, 0x32CF), (0x3358, 0x337A), (0x3380, 0x33FF), (0xA7F2, 0xA7F4), (0x107A5, 0x107A5),
    (0x1F100, 0x1F10A), (0x1F110, 0x1F12E), (0x1F130, 0x1F14F), (0x1F16A, 0x1F16C), (0x1F190, 0x1F190),
    (0x1FBF0, 0x1FBF9),
)  # fmt: skip
_NOT_ASCII_ALNUM = bytes(b for b in range(256) if not (0x30 <= b <= 0x39 or 0x61 <= b <= 0x7A))


@lru_cache(maxsize=1)
def _spells_ascii_utf8() -> Any:
    """RE2 over UTF-8 for a character outside ASCII whose NFKC form, case-folded, may hold an ASCII letter
    or digit (_FOLDS_TO_ASCII, _COMPAT_RANGES, _SPELLS_ASCII_RANGES; as :func:`_unsure_utf8`)."""
    import re2

    ranges = (*_COMPAT_RANGES, *_SPELLS_ASCII_RANGES)
    chars = sorted({*_FOLDS_TO_ASCII, *(chr(c) for lo, hi in ranges for c in range(lo, hi + 1))})
    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1
    return re2.compile(_utf8_alternation(chars), options)


@lru_cache(maxsize=4096)
def _ascii_spelt(data: bytes) -> bytes:
    """The ASCII letters and digits of one character's (UTF-8 ``data``) NFKC form, case-folded."""
    folded = unicodedata.normalize("NFKC", data.decode("utf-8")).casefold()
    return "".join(c for c in folded if c.isascii() and c.isalnum()).encode("ascii")


@lru_cache(maxsize=1024)
def _skeletons(guard: str) -> tuple[bytes, ...]:
    """The ASCII letters and digits of each stretch of the guard's comparison form between characters outside
    ASCII, in order (one for an ASCII guard): each is in the page's skeleton when the guard is in its form."""
    pieces = re.split("[^\x00-\x7f]+", _guard_form(guard))
    return tuple(filter(None, (p.encode("ascii").translate(None, _NOT_ASCII_ALNUM) for p in pieces)))


def _page_skeleton(text: str) -> bytes:
    """The ASCII letters and digits that the comparison form of ``text`` is made from, in order: after its
    entities are decoded (the form's first step), each ASCII letter or digit lowered, and each character
    outside ASCII replaced by the ASCII letters and digits of its NFKC form, case-folded (most have none:
    the others are found by one RE2 scan of the UTF-8).

    A stretch of the page's form without a character outside ASCII has its skeleton (its letters and
    digits) in the page's (:func:`_skeletons`): NFKC decomposes
    each character on its own and case folding works character by character; composition only joins a
    character with a following mark into one outside ASCII (no such character holds an ASCII letter but its
    own base's, lowered: tests/test_fast_paths.py), which that stretch of the form cannot hold;
    and the form's other steps only delete punctuation and fold whitespace. So every ASCII letter or digit of
    that stretch is spelt, in order, by characters of the page that spell nothing else, and no other letter
    or digit of the page stands among them."""
    if "&" in text:
        text = unescape_entities(text)
    data = text.encode("utf-8", "surrogatepass")
    parts = []
    at = 0
    for m in _spells_ascii_utf8().finditer(data):
        parts.append(data[at : m.start()].lower())
        parts.append(_ascii_spelt(m.group(0)))
        at = m.end()
    parts.append(data[at:].lower())
    return b"".join(parts).translate(None, _NOT_ASCII_ALNUM)


def _utf8_alternation(chars: Sequence[str]) -> bytes:
    """A byte pattern (RE2, Latin-1 mode) matching the UTF-8 encoding of any of ``chars``: one
    alternative per encoding prefix, with a class of the last bytes."""
    by_prefix: dict[bytes, list[int]] = {}
    for c in chars:
        data = c.encode("utf-8")
        by_prefix.setdefault(data[:-1], []).append(data[-1])
    return b"|".join(
        b"".join(b"\\x%02x" % x for x in prefix) + b"[" + b"".join(b"\\x%02x" % x for x in sorted(last)) + b"]"
        for prefix, last in sorted(by_prefix.items())
    )


@lru_cache(maxsize=1)
def _unsure_utf8() -> Any:
    """RE2 over a page's UTF-8 for what sends a page's guard check the slow way: a character of
    :data:`_COMPAT` or of :data:`_FOLDS_TO_ASCII`. A DFA scan of the bytes, about a nanosecond a byte,
    where ``re`` tries a class at every character (AEB's pages: 5 ms against 13 for :data:`_COMPAT`
    alone). None without RE2 (a declared dependency): every page then takes the slow way."""
    try:
        import re2
    except ImportError:  # pragma: no cover
        return None

    chars = sorted({*_FOLDS_TO_ASCII, *(chr(c) for lo, hi in _COMPAT_RANGES for c in range(lo, hi + 1))})
    options = re2.Options()
    options.encoding = re2.Options.Encoding.LATIN1
    return re2.compile(_utf8_alternation(chars), options)


def _guard_words_view(text: str) -> tuple[bool, str | bytes]:
    """What the guard check of :func:`apply_selectors` needs of the page's text: whether only the exact
    comparison-form check can tell (compatibility characters or entities: :func:`_compat_or_entity`),
    and the text that a guard's plain words are looked for in.

    That is ``text.casefold()``, which costs a pass over the page's characters in Python's Unicode
    tables; for a page without a character of :data:`_COMPAT` or :data:`_FOLDS_TO_ASCII` (nearly all)
    it is the page's UTF-8 with ASCII letters lowered instead: its ASCII runs are those of the case-folded
    text (every other character folds to characters outside ASCII, and UTF-8 encodes those in bytes
    outside ASCII), so an ASCII word is in one exactly when it is in the other — two C passes over bytes.
    """
    scan = _unsure_utf8()
    if scan is not None:
        data = text.encode("utf-8", "surrogatepass")
        if scan.search(data) is None:
            return "&" in text and _ENTITY.search(text) is not None, data.lower()
    return _compat_or_entity(text), text.casefold()


def _guarded(elements: list, guard: str | None) -> list:
    """The matched elements that hold ``guard`` — innermost only.

    Text is compared in the comparison form (case, accents and punctuation variants match). Nested
    matches are reduced to the innermost: ``div`` + "may contain third-party content" must pick the
    disclaimer's own box, never the page container that also holds that text.
    """
    if not guard:
        return elements
    want = _guard_form(guard)
    hits = [el for el in elements if want in comparison_form(text_of(el))]
    outer: set = set()
    for el in hits:
        outer.update(el.iterancestors())
    return [el for el in hits if el not in outer]


def apply_selectors(root: etree._Element, selectors: Sequence[SelectorRule]):
    """Apply strip rules (recording what they removed), then find the first matching root rule.

    A ``has_text`` guard is first looked up in the whole page's text: every comparison step works
    character by character, so an element's form is a substring of the page's form, and a guard
    absent from the page rules out every element without evaluating the selector (most rules, on
    most pages — evaluating ``div`` + text for every div of every page cost more than the extraction).
    Before even that, the guard's plain words are looked for in the case-folded page text.

    Returns what the strip rules removed, the content root and its rule, and the length of the page's
    text (``text_len(root)``) when it was serialised for a guard and nothing was stripped since (else
    None), which :func:`drop_non_content` needs next.
    """
    stripped: list[Stripped] = []
    content_root = None
    root_rule = None
    page: dict[str, Any] = {}  # the page's text, its view for the guard words (str or bytes), its form

    def may_match(rule: SelectorRule) -> bool:
        if not rule.has_text:
            return True
        if "text" not in page:
            page["text"] = text = etree.tostring(root, method="text", encoding=str)
            exact_only, page["folded"] = _guard_words_view(text)
            page["exact_only"] = "1" if exact_only else ""
        if not page["exact_only"]:
            folded = page["folded"]
            words = _guard_key_words(rule.has_text) if isinstance(folded, str) else _guard_key_bytes(rule.has_text)
            if not all(w in folded for w in words):
                return False  # a word of the guard is missing: so is the guard (cheap, and the usual case)
        if "form" not in page and (skeletons := _skeletons(rule.has_text)):
            if "skeleton" not in page:
                page["skeleton"] = _page_skeleton(page["text"])
            if not all(k in page["skeleton"] for k in skeletons):
                return False  # letters and digits of the guard are not a run of the page's: nor is the guard
        if "form" not in page:
            page["form"] = comparison_form(page["text"])
        return _guard_form(rule.has_text) in page["form"]

    for rule in selectors:
        if rule.action != "strip" or not may_match(rule):
            continue
        for el in _guarded(compile_css(rule.css)(root), rule.has_text):
            if el is root or not any(a is root for a in el.iterancestors()):
                continue  # the body itself, or inside an element an earlier match removed (whose subtree lxml
                # keeps in its document: the document's root is no test, see _attached)
            stripped.append(Stripped(rule.id, text_of(el)))
            _remove(el)
    for rule in selectors:
        if rule.action != "root" or content_root is not None or not may_match(rule):
            continue
        found = _guarded(compile_css(rule.css)(root), rule.has_text)
        if found:
            content_root, root_rule = found[0], rule.id
    # (the page text holds the root's tail, which text_len leaves out: a root has none in practice)
    chars = len(page["text"]) if "text" in page and not stripped and not root.tail else None
    return stripped, content_root, root_rule, chars
