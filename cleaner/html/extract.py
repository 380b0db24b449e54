"""Main-content extraction from HTML: page bytes or text → a :class:`Page` of structured blocks.

Pure (no I/O, no network) and built on lxml only. The pipeline, and why each step is there:

1. **Decode and parse safely** (:mod:`cleaner.html.encoding`; lxml's HTML parser with no network access,
   no huge-tree mode — libxml2's depth limit stays on, with a note when a page hits it —, comments and
   processing instructions dropped; pages over :data:`MAX_BYTES` are cut with a note). HTML parsing
   never expands external entities.
2. **Metadata** (title, author, date, language, canonical URL) from JSON-LD, ``<meta>`` and the
   markup, before scripts are dropped (JSON-LD lives in ``<script>``).
3. **Drop what is never content**: scripts, styles, forms' controls, embedded media, then selector
   rules (``strip`` / ``root``), then hidden elements and page furniture recognised by tag, ARIA role
   and a class/id vocabulary (:mod:`cleaner.html.vocab`: strong words such as comments, share bars,
   ads and galleries; weak ones such as menu, sidebar, header, meta). The vocabulary is a hint: an
   element naming itself the article body (``itemprop=articleBody``, ``entry-content``, ``<main>``)
   protects its ancestors, and a weak-named element holding most of the page's text is a wrapper,
   not furniture. When too little text is left, the page is tried again without the weak words.
4. **One walk** over the page turns the tree into blocks (headings, paragraphs, list items, quotes,
   table rows, captions, code) and records, for every block-level element, how much text, link text
   and prose it holds.
5. **Pick the content** (unless a ``root`` rule did): paragraphs vote for their parent and
   grandparent (more for long text with commas, nothing for link-heavy text); elements start with a
   bonus or malus from their tag, ``<article>``/``<main>``/``itemprop=articleBody`` and their class/id;
   the best element is widened to a common ancestor when several strong candidates share one or when
   an ancestor holds much more prose than other text, and its siblings that look like more of the
   same (scored, same class, or plain prose paragraphs) are added — that is how a body split into two
   containers comes out whole.
6. **Tidy the blocks**: link lists and "read more" lines (high link density), widget labels
   ("Advertisement", "Close"), every copy of the title (article bodies do not repeat it), headings left
   without content, captions unless asked for, and exact repeats of the body (runs of repeated
   paragraphs, or a repeated paragraph-long block; single repeated lines stay: menus and lists repeat
   them on purpose).

Every block's text is made of the page's own text nodes: whitespace is folded, table cells are
joined by a tab (whitespace, so nothing is invented), nothing else is added or rewritten.
"""

from __future__ import annotations

import json
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import urljoin

from lxml import etree

from cleaner.html import vocab as vocab
from cleaner.html.encoding import decode_html
from cleaner.text.normalize import comparison_form
from cleaner.result import PageInfo

__all__ = [
    "Block",
    "SelectorRule",
    "Stripped",
    "Page",
    "extract",
    "looks_like_html",
    "compile_css",
    "MAX_BYTES",
]

MAX_BYTES = 20_000_000  # larger pages are cut (with a note): bounded memory and time per page


@dataclass(frozen=True)
class Block:
    """One unit of content in document order.

    ``kind`` is ``heading``, ``paragraph``, ``list_item``, ``quote``, ``table_row``, ``caption`` or
    ``code``. ``text`` is whitespace-folded and never empty (table cells are separated by a tab).
    ``level`` is the heading level (1-6), the list nesting depth for list items (1 = top), for table
    rows the number of their table in the page (1 = first: two tables in a row stay two), else 0.
    """

    kind: str
    text: str
    level: int = 0


@dataclass(frozen=True)
class SelectorRule:
    """A CSS selector rule: ``root`` (first match is the content) or ``strip`` (remove all matches).

    ``has_text`` limits the rule to elements whose text contains it (case-insensitive), so a rule can
    target "the box that says 'This page may contain third-party content'" and nothing else.
    """

    id: str
    action: str
    css: str
    has_text: str | None = None


@dataclass(frozen=True)
class Stripped:
    """An element a selector rule removed (for ``cleaner explain``)."""

    rule: str
    text: str


@dataclass(frozen=True)
class Page:
    """What :func:`extract` found in one page: its blocks, what the page states about itself
    (:class:`~cleaner.result.PageInfo`, the object results carry) and ``chars``, the length of the
    decoded page."""

    blocks: tuple[Block, ...]
    info: PageInfo = field(default_factory=PageInfo)
    notes: tuple[str, ...] = ()
    stripped: tuple[Stripped, ...] = ()
    chars: int = 0


# ----------------------------------------------------------------------------------------------
# Sniffing and parsing

_SNIFF_RE = re.compile(
    r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]|<meta[\s>]|<title[\s>]", re.IGNORECASE
)
_TAG_RE = re.compile(r"</?(?:p|div|span|a|br|li|ul|h[1-6]|table|td|tr|img|section|article|script|link)[\s>/]",
                     re.IGNORECASE)


def looks_like_html(data: str | bytes) -> bool:
    """Cheap content sniff on the first 2 KB: a doctype, ``<html>``/``<head>``/``<body>``, or many tags.

    JSON and plain text say False even when they quote a tag or two: HTML is the markup *around*
    the text, so it starts with ``<`` (after whitespace) or holds many tags near the start.
    """
    head = data[:2048]
    if isinstance(head, (bytes, bytearray)):
        head = bytes(head).decode("latin-1").replace("\xef\xbb\xbf", "", 1)  # a UTF-8 BOM read as latin-1
    stripped = head.lstrip("\ufeff \t\r\n")
    if not stripped or stripped[0] in "{[":
        return False
    if stripped[0] == "<" and _SNIFF_RE.search(head):
        return True
    return len(_TAG_RE.findall(head)) >= 8 and stripped[0] == "<"


def _parser(encoding: str | None = None) -> etree.HTMLParser:
    # no_network: never fetch a DTD or anything else; huge_tree off: libxml2's depth/size limits stay on.
    return etree.HTMLParser(
        remove_comments=True, remove_pis=True, no_network=True, huge_tree=False, recover=True,
        remove_blank_text=False, collect_ids=False, default_doctype=False, encoding=encoding,
    )


_PARSER = _parser()
_UTF8_PARSER = _parser("utf-8")  # UTF-8 bytes go to libxml2 as they are: no str → UTF-8 round trip


def _parse(text: str, utf8: bytes | None = None) -> etree._Element | None:
    try:
        if utf8 is not None:
            return etree.fromstring(utf8, _UTF8_PARSER)
        return etree.fromstring(text, _PARSER)
    except (etree.ParserError, ValueError):
        # ValueError: str input with an XML encoding declaration; parse its UTF-8 bytes instead.
        try:
            return etree.fromstring(text.encode("utf-8"), etree.HTMLParser(
                encoding="utf-8", remove_comments=True, remove_pis=True, no_network=True))
        except (etree.ParserError, ValueError):
            return None


def _hit_resource_limit(parser: etree.HTMLParser) -> bool:
    """Did the parser's last parse stop at libxml2's depth limit? (kept on: huge_tree is off on purpose)"""
    return any(entry.type_name == "ERR_RESOURCE_LIMIT" for entry in parser.error_log)


@lru_cache(maxsize=512)
def compile_css(css: str):
    """Compile a CSS selector to an lxml XPath callable; raises ValueError for an invalid selector."""
    from cssselect import SelectorError
    from lxml.cssselect import CSSSelector

    try:
        return CSSSelector(css, translator="html")
    except SelectorError as err:
        raise ValueError(f"invalid CSS selector {css!r}: {err}") from None


# ----------------------------------------------------------------------------------------------
# Text helpers


def _fold(text: str) -> str:
    return " ".join(text.split())


def _text_len(el: etree._Element) -> int:
    """Characters of text in an element, whitespace included (a cheap size for thresholds)."""
    return len(etree.tostring(el, method="text", encoding=str, with_tail=False))


def _text_of(el: etree._Element) -> str:
    """Folded text of an element (without its tail), computed in C."""
    return _fold(etree.tostring(el, method="text", encoding=str, with_tail=False))


# ----------------------------------------------------------------------------------------------
# Metadata


def _lang_subtag(value: str | None) -> str | None:
    if not value:
        return None
    m = re.match(r"\s*([A-Za-z]{2,3})(?:[-_]|\s*$)", value)
    return m.group(1).lower() if m else None


def _iter_ld(obj, depth: int = 0):
    """Every dict in a JSON-LD document (lists and @graph flattened), outermost first."""
    if depth > 6:
        return
    if isinstance(obj, list):
        for item in obj:
            yield from _iter_ld(item, depth + 1)
    elif isinstance(obj, dict):
        yield obj
        for key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement"):
            sub = obj.get(key)
            if isinstance(sub, (list, dict)):
                yield from _iter_ld(sub, depth + 1)


def _ld_name(value) -> str | None:
    """A person/organisation name from a JSON-LD author value (string, object or list)."""
    if isinstance(value, str):
        return _fold(value) or None
    if isinstance(value, dict):
        name = value.get("name")
        return _fold(name) or None if isinstance(name, str) else None
    if isinstance(value, list):
        names = [n for n in (_ld_name(v) for v in value) if n]
        return ", ".join(dict.fromkeys(names)) or None
    return None


def _ld_types(obj: dict) -> set[str]:
    t = obj.get("@type")
    if isinstance(t, str):
        return {t}
    if isinstance(t, list):
        return {x for x in t if isinstance(x, str)}
    return set()


def _json_ld(root: etree._Element) -> dict:
    """headline / author / date / language / body of the page's article object in JSON-LD, if any."""
    found: dict = {}
    for script in root.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json" or not script.text:
            continue
        try:
            data = json.loads(script.text)
        except ValueError:
            continue
        for obj in _iter_ld(data):
            if not (_ld_types(obj) & vocab.LD_ARTICLE_TYPES):
                continue
            for key, out in (("headline", "title"), ("datePublished", "date"), ("inLanguage", "language"),
                             ("articleBody", "body")):
                val = obj.get(key)
                if isinstance(val, str) and val.strip() and out not in found:
                    found[out] = val.strip()
            author = _ld_name(obj.get("author"))
            if author and "author" not in found:
                found["author"] = author
    return found


def _metadata(root: etree._Element, url: str | None) -> dict:
    """Title, author, date, language and canonical URL as the page states them."""
    meta: dict[str, str] = {}
    for m in root.iter("meta"):
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").strip().lower()
        content = m.get("content")
        if key and content and content.strip() and key not in meta:
            meta[key] = content.strip()
    ld = _json_ld(root)
    out: dict[str, str | None] = {}

    t = root.find(".//title")
    page_title = _text_of(t) if t is not None else None
    title = meta.get("og:title") or meta.get("twitter:title") or ld.get("title") or page_title
    out["title"] = _fold(title) if title else None
    # Every way the page states its title: the body's own copy of it is dropped whichever it matches.
    out["titles"] = [_fold(x) for x in (title, meta.get("twitter:title"), ld.get("title"), page_title) if x]

    author = ld.get("author") or next((meta[k] for k in vocab.META_AUTHOR if meta.get(k)), None)
    if author and re.match(r"https?://", author):
        author = None
    out["author"] = author

    date = ld.get("date") or next((meta[k] for k in vocab.META_DATE if meta.get(k)), None)
    if not date:
        for t in root.iter("time"):
            if t.get("datetime"):
                date = t.get("datetime").strip()
                break
    out["date"] = date

    html_el = root if root.tag == "html" else root.find(".//html")
    lang = html_el.get("lang") or html_el.get("xml:lang") if html_el is not None else None
    out["language"] = (_lang_subtag(lang) or _lang_subtag(meta.get("og:locale"))
                       or _lang_subtag(meta.get("content-language")) or _lang_subtag(ld.get("language")))

    canonical = None
    for link in root.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and link.get("href"):
            canonical = link.get("href").strip()
            break
    canonical = canonical or meta.get("og:url")
    if canonical:
        canonical = urljoin(url, canonical) if url else canonical
        if not re.match(r"https?://", canonical):
            canonical = None
    out["url"] = canonical or url
    out["ld_body"] = ld.get("body")
    return out


def _byline(root: etree._Element) -> str | None:
    """A short byline's text, for pages that state the author only in the markup."""
    for el in root.iter(etree.Element):
        keys = el.keys()
        if not keys:
            continue
        attrs = el.get("class") or ""
        low = attrs.lower()
        if (
            ("rel" in keys and el.get("rel") == "author")
            or ("itemprop" in keys and el.get("itemprop") == "author")
            or (("author" in low or "byline" in low or "writer" in low) and vocab.BYLINE_RE.search(attrs))
        ):
            text = _text_of(el)
            text = re.sub(r"^(?:by|von|par|por|di|door|av)\s+", "", text, flags=re.IGNORECASE)
            if 2 < len(text) <= 80:
                return text
    return None


# ----------------------------------------------------------------------------------------------
# Dropping non-content


def _is_hidden(el: etree._Element) -> bool:
    if el.get("hidden") is not None or (el.get("aria-hidden") or "").strip().lower() == "true":
        return True
    style = el.get("style")
    if not style:
        return False
    low = style.lower()
    return ("none" in low or "hidden" in low) and vocab.HIDDEN_STYLE_RE.search(low) is not None


# class + id string → verdict. Pages repeat their class names endlessly and sites share frameworks,
# so a process-wide cache turns four regex searches per element into one dict lookup.
_NAME_CACHE: dict[str, str | None] = {}
_NAME_CACHE_MAX = 100_000


def _name_verdict(attrs: str) -> str | None:
    """What a class/id string says: "anchor" (names the article body), "strong"/"weak"/"small"
    (furniture words, see :func:`_furniture_reason`) or None."""
    verdict = _NAME_CACHE.get(attrs, "?")
    if verdict != "?":
        return verdict
    low = attrs.lower().replace("_", "-")  # ad_body, article_body: snake case names the same words
    if vocab.CONTENT_STRONG_RE.search(low):
        verdict = "anchor"
    elif vocab.FURNITURE_STRONG_RE.search(low):
        verdict = "strong"
    elif vocab.FURNITURE_WEAK_RE.search(low):
        verdict = "small" if vocab.CONTENT_WORD_RE.search(low) else "weak"
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


def _drop_non_content(body: etree._Element, protect: etree._Element | None, by_class: bool = True) -> None:
    """Remove hidden elements and page furniture.

    Kept despite the vocabulary: the content root a rule chose with its ancestors and descendants
    (the rule's author knows the page better than the vocabulary), ancestors of an element
    that names itself the article body (``itemprop=articleBody``, ``class=entry-content``…) and holds
    real text, and any element holding most of the page's text (a wrapper, whatever its name).
    """
    total = _text_len(body) or 1
    if protect is None:
        _drop_furniture_tags(body, total)
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
        cls = el.get("class")
        ident = el.get("id")
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
            key = f"{cls or ''} {ident or ''}"
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
    protected: set = set()
    hidden_set = set(hidden)
    for anchor in anchors:
        if anchor is not protect and hidden_set and (
            anchor in hidden_set or any(a in hidden_set for a in anchor.iterancestors())
        ):
            continue  # hidden microdata copies of the article body protect nothing
        # (raw length first: it is cheap and never below the folded length)
        if anchor is protect or (
            _text_len(anchor) >= vocab.ANCHOR_MIN_TEXT and len(_text_of(anchor)) >= vocab.ANCHOR_MIN_TEXT
        ):
            protected.add(anchor)
            protected.update(anchor.iterancestors())
    # Empty elements (icons, ad slots waiting for a script) hold no text: leave them, it is cheaper.
    hidden = [el for el in hidden if len(el) or el.text]
    furniture = [el for el in furniture if len(el) or el.text]
    strong = [el for el in strong if len(el) or el.text]
    for el in strong:
        # Comment threads, related-story lists and the like may outweigh the article: no size guard
        # on the first try. If they wrapped the article after all (too little text came out), the
        # retry keeps a strong-named element that holds nearly all of the page's text.
        if el not in protected and _attached(el, body):
            if not by_class and _text_len(el) > vocab.STRONG_WRAPPER_SHARE * total:
                continue
            _remove(el)
    for el in small:
        if el not in protected and _attached(el, body) and len(_text_of(el)) < vocab.SMALL_FURNITURE:
            _remove(el)
    for el in hidden + furniture:
        if el in protected or not _attached(el, body):
            continue
        # The vocabulary is a hint: an element holding most of the page's text is a wrapper, not furniture.
        if (len(el) or el.text) and _text_len(el) > vocab.WRAPPER_SHARE * total:
            continue
        _remove(el)


def _drop_furniture_tags(body: etree._Element, total: int) -> None:
    """Remove <nav>, <header>, <footer>, <aside>, <form>… first, found by C-level tag iteration.

    Half of a page's elements sit in these, and the class/id pass then need not look at them. The
    same guards as for any furniture: kept when holding most of the page's text or something that
    names the article body.
    """
    for el in list(body.iter(*vocab.FURNITURE_TAGS)):
        if not _attached(el, body) or el.tag in vocab.NEVER_FURNITURE:
            continue
        size = _text_len(el) if (len(el) or el.text) else 0
        if size > vocab.WRAPPER_SHARE * total:
            continue
        # An anchor protects only with ANCHOR_MIN_TEXT characters of text: smaller elements cannot hold one.
        if size >= vocab.ANCHOR_MIN_TEXT and _holds_anchor(el):
            continue
        _remove(el)


def _holds_anchor(el: etree._Element) -> bool:
    """Does anything inside name itself the article body (``<main>``, ``itemprop``, class/id)?"""
    for d in el.iter(etree.Element):
        if d.tag in vocab.ANCHOR_TAGS:
            return True
        keys = d.keys()
        if not keys:
            continue
        if "itemprop" in keys and d.get("itemprop") == "articleBody":
            return True
        cls, ident = d.get("class"), d.get("id")
        if (cls or ident) and _name_verdict(f"{cls or ''} {ident or ''}") == "anchor":
            return True
    return False


def _attached(el: etree._Element, root: etree._Element) -> bool:
    """Still in the tree (not inside an element removed before)?"""
    return el.getparent() is not None and el.getroottree().getroot() is root


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


# Characters NFKC turns into ASCII letters (ligatures, full-width, letterlike, super/subscripts, enclosed
# and mathematical letters), and entity strings the comparison form decodes: pages with any of them
# skip the one-word shortcut.
_COMPAT_OR_ENTITY = re.compile(
    "[\ufb00-\ufb4f\uff00-\uffef\u2100-\u214f\u2070-\u209f\u2460-\u24ff\U0001d400-\U0001d7ff\u1d2c-\u1d6a]"
    r"|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+\d*);"
)


def _guarded(elements: list, guard: str | None) -> list:
    """The matched elements that hold ``guard`` — innermost only.

    Text is compared in the comparison form (case, accents and punctuation variants match). Nested
    matches are reduced to the innermost: ``div`` + "may contain third-party content" must pick the
    disclaimer's own box, never the page container that also holds that text.
    """
    if not guard:
        return elements
    want = _guard_form(guard)
    hits = [el for el in elements if want in comparison_form(_text_of(el))]
    outer: set = set()
    for el in hits:
        outer.update(el.iterancestors())
    return [el for el in hits if el not in outer]


def _apply_selectors(root: etree._Element, selectors: Sequence[SelectorRule]):
    """Apply strip rules (recording what they removed), then find the first matching root rule.

    A ``has_text`` guard is first looked up in the whole page's text: every comparison step works
    character by character, so an element's form is a substring of the page's form, and a guard
    absent from the page rules out every element without evaluating the selector (most rules, on
    most pages — evaluating ``div`` + text for every div of every page cost more than the extraction).
    Before even that, the guard's plain words are looked for in the case-folded page text.
    """
    stripped: list[Stripped] = []
    content_root = None
    root_rule = None
    page: dict[str, str] = {}

    def may_match(rule: SelectorRule) -> bool:
        if not rule.has_text:
            return True
        if "text" not in page:
            page["text"] = text = etree.tostring(root, method="text", encoding=str)
            page["folded"] = text.casefold()
            page["exact_only"] = "1" if _COMPAT_OR_ENTITY.search(text) else ""
        if not page["exact_only"]:
            folded = page["folded"]
            if not all(w in folded for w in _guard_key_words(rule.has_text)):
                return False  # a word of the guard is missing: so is the guard (cheap, and the usual case)
        if "form" not in page:
            page["form"] = comparison_form(page["text"])
        return _guard_form(rule.has_text) in page["form"]

    for rule in selectors:
        if rule.action != "strip" or not may_match(rule):
            continue
        for el in _guarded(compile_css(rule.css)(root), rule.has_text):
            if el is root or el.getroottree().getroot() is not root.getroottree().getroot():
                continue  # the body itself, or inside an element an earlier match removed
            stripped.append(Stripped(rule.id, _text_of(el)))
            _remove(el)
    for rule in selectors:
        if rule.action != "root" or content_root is not None or not may_match(rule):
            continue
        found = _guarded(compile_css(rule.css)(root), rule.has_text)
        if found:
            content_root, root_rule = found[0], rule.id
    return stripped, content_root, root_rule


# ----------------------------------------------------------------------------------------------
# The walk: tree → proto-blocks + per-element text statistics

_BR = object()


class _Proto:
    """A block before selection: its text plus what the scoring needs."""

    __slots__ = ("kind", "text", "level", "link", "owner", "pos", "commas")

    def __init__(self, kind, text, level, link, owner, pos):
        self.kind = kind
        self.text = text
        self.level = level
        self.link = link
        self.owner = owner
        self.pos = pos
        self.commas = 0


_SENTENCE_END = re.compile(r"[.!?。！？:;…\"”»)]\s*$")


def _is_prose(text: str, link: int) -> bool:
    """Text that reads like body prose: long enough or a finished sentence, and mostly not links."""
    n = len(text)
    if link > 0.3 * n or n < vocab.MIN_PARAGRAPH:
        return False
    return n >= 80 or _SENTENCE_END.search(text) is not None


class _Walker:
    """Walk a subtree once, in document order, producing proto-blocks and element statistics."""

    def __init__(self) -> None:
        self.blocks: list[_Proto] = []
        self.pieces: list = []  # str, (str, linked) or _BR
        self.counter = 0
        self.spans: dict = {}  # block element → (first, last) preorder positions of its subtree
        self.chars: dict = {}  # block element → [text chars, link chars]
        self.tables: dict = {}  # table element → its number in the page, the level of its rows

    def run(self, el: etree._Element) -> None:
        self._block(el, "paragraph", 0, 0, False)

    # Inline content is buffered; every block-level element flushes the buffer before and after itself.
    def _flush(self, owner, kind: str, level: int) -> None:
        pieces = self.pieces
        if not pieces:
            return
        self.pieces = []
        segments: list[list] = [pieces]
        if _BR in pieces:  # <br><br> separates paragraphs inside one element; a single <br> is a space
            segments = [[]]
            brs = 0
            for p in pieces:
                if p is _BR:
                    brs += 1
                    continue
                if brs:
                    if brs >= 2 and segments[-1]:
                        segments.append([])
                    else:
                        segments[-1].append((" ", False))
                    brs = 0
                segments[-1].append(p)
        stats = self.chars.get(owner)
        for seg in segments:
            text = " ".join("".join([t for t, _ in seg]).split())
            if not text:
                continue
            link = sum(len(t) for t, linked in seg if linked and t.strip())
            self.blocks.append(_Proto(kind, text, level, link, owner, self.counter))
            if stats is not None:
                stats[0] += len(text)
                stats[1] += link
                if kind != "heading" and _is_prose(text, link):
                    stats[2] += len(text)

    def _block(self, el, kind: str, level: int, lists: int, quoted: bool) -> None:
        tag = el.tag
        own = vocab.BLOCK_KIND.get(tag)
        if own is None and kind != "caption" and tag not in vocab.NEVER_FURNITURE:
            cls = el.get("class")
            if cls and vocab.CAPTION_CLASS_RE.search(cls.lower()) and _text_len(el) <= vocab.CAPTION_MAX:
                own = "caption"  # <div class="caption">, <p class="photo-credit">: captions by name
        if own is not None:
            if own == "heading":
                kind, level = own, int(tag[1])
            elif own == "list_item":
                kind, level = own, max(lists, 1)
            elif own == "caption" or kind not in ("heading", "list_item", "code", "caption"):
                kind, level = own, 0
        if tag in vocab.LIST_TAGS:
            lists += 1
        elif tag == "blockquote":
            quoted = True
        if quoted and kind == "paragraph":
            kind = "quote"
        self.counter += 1
        start = self.counter
        stats = self.chars[el] = [0, 0, 0]
        if tag == "tr" and self._table_row(el):
            self.spans[el] = (start, self.counter)
            self.counter += 1
            self._add_to_parent(el, stats)
            return
        if el.text:
            self.pieces.append((el.text, False))
        for child in el:
            self._child(child, el, kind, level, lists, quoted, False)
        self._flush(el, kind, level)
        self.spans[el] = (start, self.counter)
        self.counter += 1
        self._add_to_parent(el, stats)

    def _add_to_parent(self, el, stats) -> None:
        parent_stats = None
        parent = el.getparent()
        while parent is not None and parent_stats is None:
            parent_stats = self.chars.get(parent)
            parent = parent.getparent()
        if parent_stats is not None:
            parent_stats[0] += stats[0]
            parent_stats[1] += stats[1]
            parent_stats[2] += stats[2]

    def _child(self, child, owner, kind, level, lists, quoted, linked) -> None:
        tag = child.tag
        if not isinstance(tag, str):  # entity or other node
            if child.tail:
                self.pieces.append((child.tail, linked))
            return
        if tag not in vocab.INLINE_TAGS:
            self._flush(owner, kind, level)
            self._block(child, kind, level, lists, quoted)
        elif tag == "br":
            self.pieces.append(_BR)
            self.counter += 1
        else:
            self.counter += 1
            is_link = linked or tag == "a"
            if child.text:
                self.pieces.append((child.text, is_link))
            for sub in child:
                self._child(sub, owner, kind, level, lists, quoted, is_link)
        if child.tail:
            self.pieces.append((child.tail, linked))

    def _table_row(self, tr) -> bool:
        """Emit a data row as one block (cells joined by a tab); False for a layout row."""
        cells = []
        for cell in tr:
            if cell.tag not in ("td", "th"):
                continue
            for d in cell.iter():
                if d.tag in vocab.LAYOUT_TAGS:
                    return False
            cells.append(cell)
        texts = []
        link = 0
        for cell in cells:
            text = _text_of(cell)
            if text:
                texts.append(text)
                for a in cell.iter("a"):
                    link += len(_text_of(a))
        self.counter += 1
        if texts:
            kind = "table_row" if len(texts) > 1 else "paragraph"
            text = "\t".join(texts)
            level = 0
            if kind == "table_row":
                table = next(tr.iterancestors("table"), None)
                level = self.tables.setdefault(table, len(self.tables) + 1)
            self.blocks.append(_Proto(kind, text, level, min(link, len(text)), tr, self.counter))
            stats = self.chars[tr]
            stats[0] += len(text)
            stats[1] += min(link, len(text))
            if _is_prose(text, link):
                stats[2] += len(text)
        return True


# ----------------------------------------------------------------------------------------------
# Scoring and selection


def _class_weight(el, text_chars: int) -> int:
    """Bonus/malus from the element's own name. A content-sounding name earns nothing on an element
    with little text (``content-wrapper title`` around a headline must not beat the article)."""
    attrs = ((el.get("class") or "") + " " + (el.get("id") or "")).lower()
    weight = 0
    if len(attrs) > 1:
        if vocab.NEGATIVE_RE.search(attrs):
            weight -= 25
        if text_chars >= vocab.MIN_NAMED_TEXT and vocab.POSITIVE_RE.search(attrs):
            weight += 25
    if el.get("itemprop") == "articleBody":
        weight += 40
    return weight


def _select(walker: _Walker, body) -> list:
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

    parent = top.getparent()
    if parent is None or top is body:
        return [top]
    chosen = []
    threshold = max(10.0, final(top) * 0.2) if top in scores else 10.0
    top_class = top.get("class")
    for sib in parent:
        if sib is top:
            chosen.append(sib)
            continue
        if not isinstance(sib.tag, str) or sib not in walker.spans:
            continue
        bonus = final(top) * 0.2 if top_class and sib.get("class") == top_class and top in scores else 0
        if sib in scores and final(sib) + bonus >= threshold:
            chosen.append(sib)
            continue
        text, link, _ = chars.get(sib, (0, 0, 0))
        if sib.tag in vocab.PARAGRAPH_TAGS or sib.tag in vocab.LIST_TAGS:
            ld = link / text if text else 1
            if (text > 80 and ld < 0.25) or (0 < text <= 80 and ld == 0 and _ends_sentence(sib)):
                chosen.append(sib)
    return chosen


def _ends_sentence(el) -> bool:
    return bool(re.search(r"[.!?。！？]\s*$", _text_of(el)))


# ----------------------------------------------------------------------------------------------
# Tidying


def _norm_key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _tidy(blocks: list[_Proto], titles: Sequence[str], drop_repeats: bool = True) -> list[Block]:
    kept: list[_Proto] = []
    title_keys = [k for k in (_norm_key(t) for t in titles) if k]
    labels = vocab.UI_LABELS
    for b in blocks:
        n = len(b.text)
        if b.link and b.link >= n * vocab.MAX_LINK_DENSITY and b.kind != "table_row" and not (
            b.link < n * vocab.MAX_LINK_DENSITY_SENTENCE and n >= 50 and _SENTENCE_END.search(b.text)
        ):
            continue  # link lists, "read more" lines, tag clouds (a finished sentence may link more)
        if n <= vocab.UI_LABEL_MAX and _norm_key(b.text) in labels:
            continue  # "Advertisement", "Close", "Caption": the page's widgets talking, not the article
        if b.kind == "heading" and title_keys:  # every copy of the title: a re-hosted body often repeats it
            key = _norm_key(b.text)
            if key and any(key == t or (len(key) > 15 and key in t) for t in title_keys):
                continue
        kept.append(b)
    # Headings that head nothing (the section under them was furniture) go too.
    out: list[_Proto] = []
    for i, b in enumerate(kept):
        if b.kind == "heading":
            nxt = next((k for k in kept[i + 1 :]), None)
            if nxt is None or (nxt.kind == "heading" and nxt.level <= b.level):
                continue
        out.append(b)
    return [Block(b.kind, b.text, b.level) for b in (_drop_repeated_runs(out) if drop_repeats else out)]


def _drop_repeated_runs(blocks: list[_Proto]) -> list[_Proto]:
    """Drop second copies of long paragraphs when they come as a run, or are long on their own.

    A page that holds its body twice (a mobile and a desktop copy, an SEO copy under the article)
    repeats paragraphs in runs; a meal plan or a deal list repeats single lines between different
    neighbours on purpose. So a repeated block goes when it is long (a whole paragraph, not a line),
    or when the block before or after it is a repeat too. The fuzzy duplicate removal of the text
    pipeline handles near-copies; this is the exact, cheap part that extraction alone can do.
    """
    first: dict[str, int] = {}
    repeat = [False] * len(blocks)
    for i, b in enumerate(blocks):
        if len(b.text) >= vocab.REPEAT_MIN:
            if b.text in first:
                repeat[i] = True
            else:
                first[b.text] = i
    if not any(repeat):
        return blocks
    keep = []
    for i, b in enumerate(blocks):
        if repeat[i] and (
            len(b.text) >= vocab.REPEAT_ALONE
            or (i > 0 and repeat[i - 1])
            or (i + 1 < len(blocks) and repeat[i + 1])
        ):
            continue
        keep.append(b)
    return keep


# ----------------------------------------------------------------------------------------------
# Entry point


def extract(
    html: str | bytes,
    *,
    url: str | None = None,
    selectors: Sequence[SelectorRule] = (),
    encoding: str | None = None,
    captions: bool = False,
    drop_repeats: bool = True,
) -> Page:
    """Extract the main content of one HTML page. ``encoding`` is a hint (HTTP header or charset name).

    Figure and table captions are left out unless ``captions`` is true: they are picture credits and
    descriptions, not article text (the benchmark's hand-made article bodies leave out 102 of 104).
    ``drop_repeats`` drops exact second copies of paragraphs (:func:`_drop_repeated_runs`); the full
    pipeline turns it off because its own duplicate removal does that *and reports it*.
    """
    notes: list[str] = []
    if isinstance(html, (bytes, bytearray, memoryview)):
        data = bytes(html)
        if len(data) > MAX_BYTES:
            notes.append(f"page cut at {MAX_BYTES} bytes (was {len(data)})")
            data = data[:MAX_BYTES]
        text, used = decode_html(data, hint=encoding)
    else:
        text, used = html, None
        if len(text) > MAX_BYTES:
            notes.append(f"page cut at {MAX_BYTES} characters (was {len(text)})")
            text = text[:MAX_BYTES]
    text = text.replace("\x00", "")
    utf8 = None
    if used == "utf-8" and b"\x00" not in data and "\ufffd" not in text:
        # Clean UTF-8 bytes go to the parser as they are (damaged ones: the decoded text, as for
        # every other encoding, so that libxml2 sees exactly the text we decoded).
        utf8 = data[3:] if data.startswith(b"\xef\xbb\xbf") else data
    root = _parse(text, utf8) if text.strip() else None
    if root is None:
        empty = PageInfo(url=url, encoding=used)
        return Page(blocks=(), info=empty, notes=(*notes, "no text found in the page"), chars=len(text))
    if _hit_resource_limit(_PARSER if utf8 is None else _UTF8_PARSER):
        notes.append("page nested deeper than the parser's safety limit (256 levels): deeper text is lost")

    meta = _metadata(root, url)
    found = _extract_from(root, meta, selectors, by_class=True, captions=captions, drop_repeats=drop_repeats)
    blocks, stripped = found[0], found[1]
    if sum(len(b.text) for b in blocks) < vocab.RETRY_BELOW:
        # Too little text: the weak class words may have taken the article with it (a Blogger
        # "widget Blog" wraps the post). Retry without them and keep a much longer result.
        again = _extract_from(
            _parse(text), meta, selectors, by_class=False, captions=captions, drop_repeats=drop_repeats
        )
        if sum(len(b.text) for b in again[0]) > 2 * sum(len(b.text) for b in blocks):
            blocks, stripped = again[0], again[1]
            found = again
    notes.extend(found[2])
    if not blocks:
        notes.append("no text found in the page")
    info = PageInfo(meta["title"], meta["author"], meta["date"], meta["language"], meta["url"], used)
    return Page(blocks=tuple(blocks), info=info, notes=tuple(notes), stripped=tuple(stripped), chars=len(text))


def _extract_from(
    root, meta: dict, selectors: Sequence[SelectorRule], by_class: bool, captions: bool, drop_repeats: bool = True
):
    """Blocks, stripped elements and notes from a parsed page (the tree is modified)."""
    notes: list[str] = []
    etree.strip_elements(root, *vocab.JUNK_TAGS, with_tail=False)
    # The walk starts at the root, not <body>: libxml2 puts content after a stray second <head> or
    # <html> into the head, and junk removal has already emptied the real head.
    body = root
    if meta.get("author") is None:
        meta["author"] = _byline(body)  # before furniture removal drops the byline
    stripped, content_root, root_rule = _apply_selectors(body, selectors)
    _drop_non_content(body, content_root, by_class)
    walker = _Walker()
    if content_root is not None:
        walker.run(content_root)
        protos = walker.blocks
        notes.append(f"content root from rule {root_rule}")
    else:
        walker.run(body)
        chosen = _select(walker, body)
        spans = [walker.spans[c] for c in chosen if c in walker.spans]
        protos = [b for b in walker.blocks if any(s <= b.pos <= e for s, e in spans)] if chosen != [body] \
            else walker.blocks
    if not captions:
        protos = [b for b in protos if b.kind != "caption"]
    return _tidy(protos, meta.get("titles", ()), drop_repeats), stripped, notes
