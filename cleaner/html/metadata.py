"""Page metadata: title, author, date, language and canonical URL, as the page states them.

The second stage of :mod:`cleaner.html`, run on the parsed page before anything is removed: JSON-LD
lives in ``<script>`` (which pruning drops) and a byline often sits in a header or aside (which
pruning drops too). Sources, in order of trust: the page's JSON-LD article object (``@graph`` and
nested entities flattened), ``<meta>`` tags (Open Graph, Twitter, Dublin Core and the like, see
:mod:`cleaner.html.vocab`), then the markup itself — ``<title>``, ``<time datetime>``, ``<html lang>``
(reduced to its primary language subtag), ``<link rel=canonical>`` and, for the author, a short
byline element (:func:`byline`). Every copy of the title is kept, so the cascade can drop the
body's own copy whichever form it matches.
"""

from __future__ import annotations

import json
import re
from urllib.parse import urljoin

from lxml import etree

from cleaner.html import vocab as vocab
from cleaner.html.page import fold, text_of

__all__ = ["metadata", "byline"]


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
        return fold(value) or None
    if isinstance(value, dict):
        name = value.get("name")
        return fold(name) or None if isinstance(name, str) else None
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


def _json_ld(scripts: list) -> dict:
    """headline / author / date / language / body of the page's article object in JSON-LD, if any
    (``scripts``: the page's ``<script>`` elements, in document order)."""
    found: dict = {}
    for script in scripts:
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


_READ_TAGS = ("meta", "script", "title", "time", "html", "link")


def _read_elements(root: etree._Element) -> dict[str, list]:
    """The elements :func:`metadata` reads, by tag (:data:`_READ_TAGS`), each list in document order as
    ``root.iter(tag)`` gives it: one C-level pass over the tree instead of one for each tag (a plain tag
    name matches elements without a namespace only, so each found element's tag is one of the keys)."""
    found: dict[str, list] = {tag: [] for tag in _READ_TAGS}
    for el in root.iter(*_READ_TAGS):
        found[el.tag].append(el)
    return found


def metadata(root: etree._Element, url: str | None) -> dict:
    """Title, author, date, language and canonical URL as the page states them."""
    found = _read_elements(root)
    meta: dict[str, str] = {}
    for m in found["meta"]:
        key = (m.get("property") or m.get("name") or m.get("itemprop") or m.get("http-equiv") or "").strip().lower()
        content = m.get("content")
        if key and content and content.strip() and key not in meta:
            meta[key] = content.strip()
    ld = _json_ld(found["script"])
    out: dict[str, str | None] = {}

    t = next((x for x in found["title"] if x is not root), None)  # (find(".//title") leaves out the root)
    page_title = text_of(t) if t is not None else None
    title = meta.get("og:title") or meta.get("twitter:title") or ld.get("title") or page_title
    out["title"] = fold(title) if title else None
    # Every way the page states its title: the body's own copy of it is dropped whichever it matches.
    out["titles"] = [fold(x) for x in (title, meta.get("twitter:title"), ld.get("title"), page_title) if x]

    author = ld.get("author") or next((meta[k] for k in vocab.META_AUTHOR if meta.get(k)), None)
    if author and re.match(r"https?://", author):
        author = None
    out["author"] = author

    date = ld.get("date") or next((meta[k] for k in vocab.META_DATE if meta.get(k)), None)
    if not date:
        for t in found["time"]:
            if t.get("datetime"):
                date = t.get("datetime").strip()
                break
    out["date"] = date

    html_el = root if root.tag == "html" else next((x for x in found["html"] if x is not root), None)
    lang = html_el.get("lang") or html_el.get("xml:lang") if html_el is not None else None
    out["language"] = (_lang_subtag(lang) or _lang_subtag(meta.get("og:locale"))
                       or _lang_subtag(meta.get("content-language")) or _lang_subtag(ld.get("language")))

    canonical = None
    for link in found["link"]:
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


_BYLINE_CLASSES: dict[str, bool] = {}  # class string → names a byline box (pages repeat their classes)
_BYLINE_CLASSES_MAX = 100_000


def _byline_class(attrs: str) -> bool:
    named = _BYLINE_CLASSES.get(attrs)
    if named is None:
        low = attrs.lower()
        named = ("author" in low or "byline" in low or "writer" in low) and vocab.BYLINE_RE.search(attrs) is not None
        if len(_BYLINE_CLASSES) >= _BYLINE_CLASSES_MAX:
            _BYLINE_CLASSES.clear()
        _BYLINE_CLASSES[attrs] = named
    return named


def byline(root: etree._Element) -> str | None:
    """A short byline's text, for pages that state the author only in the markup."""
    named = _BYLINE_CLASSES
    for el in root.iter(etree.Element):
        keys = el.keys()
        if not keys:
            continue
        attrs = (el.get("class") or "") if "class" in keys else ""
        if (
            ("rel" in keys and el.get("rel") == "author")
            or ("itemprop" in keys and el.get("itemprop") == "author")
            or (attrs and (named.get(attrs) if attrs in named else _byline_class(attrs)))
        ):
            text = text_of(el)
            text = re.sub(r"^(?:by|von|par|por|di|door|av)\s+", "", text, flags=re.IGNORECASE)
            if 2 < len(text) <= 80:
                return text
    return None
