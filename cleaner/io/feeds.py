"""Feeds: RSS 0.9x/1.0 (RDF)/2.0, Atom 0.3/1.0 and JSON Feed 1.x, read into items and written back.

Why lxml and not only feedparser: ``clean`` must write *the same feed* back — every channel element,
every item with its guid, link, dates, categories, enclosures and unknown namespaced elements — with
only the content elements replaced. That needs the original tree, which feedparser does not keep.
lxml parses with the safe settings the HTML side uses: no network, no DTD loading, no entity
expansion at all (an external entity such as ``<!ENTITY x SYSTEM "file:///etc/passwd">`` is never
read: its reference stays an unexpanded node and the item holding it is reported), no huge trees.
feedparser, the reference reader of the world's broken feeds, reads a feed lxml refuses as
ill-formed, so ``check``/``explain`` still see its items before the error is reported; such a feed is
never rewritten (there is no tree to rewrite).

What an item's content is: ``content:encoded`` and ``description`` (RSS), ``content`` and ``summary``
(Atom; ``type="html"``, ``"xhtml"`` or text), ``content_html`` and ``content_text`` (JSON Feed). Each
present field is one :class:`FeedEntry`; the item's first field (``content:encoded``/``content``/
``content_html``, else the other) is its *primary* one, the one duplicate-record detection compares.
A field is HTML when it holds markup (any tag), else text; it is written back in the form it came in:
escaped HTML stays escaped, CDATA stays CDATA, XHTML stays XHTML, text stays text.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from lxml import etree
from lxml import html as lxml_html

from cleaner.html.encoding import UndecodableError, decode_text
from cleaner.io.feedsniff import FEED_SUFFIXES, SNIFF_SUFFIXES, is_feed_file, sniff
from cleaner.io.reading import InputError, Source, read_bytes

__all__ = [
    "FEED_SUFFIXES",
    "SNIFF_SUFFIXES",
    "FeedEntry",
    "Feed",
    "sniff",
    "is_feed_file",
    "load",
    "parse",
    "fallback_entries",
]


CONTENT = "http://purl.org/rss/1.0/modules/content/"
ATOM10 = "http://www.w3.org/2005/Atom"
ATOM03 = "http://purl.org/atom/ns#"
RSS10 = "http://purl.org/rss/1.0/"
RSS090 = "http://my.netscape.com/rdf/simple/0.9/"
RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
DC = "http://purl.org/dc/elements/1.1/"
XHTML = "http://www.w3.org/1999/xhtml"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
JSONFEED = "https://jsonfeed.org/version/"

_TAG = re.compile(r"<\s*[A-Za-z!/]")


@dataclass(frozen=True)
class FeedEntry:
    """One content field of one feed item, read but not cleaned yet.

    ``index`` is the item's 1-based number in the feed, ``line`` the line of the field (XML) or of the
    item (JSON) in the file; ``field`` names the element or key (``content:encoded``, ``description``,
    ``content``, ``summary``, ``content_html``, ``content_text``). ``is_html``: the content holds markup
    and is cleaned as a page fragment (else as text). ``problem``: why this item cannot be used.
    """

    index: int
    line: int | None
    field: str
    content: str = ""
    is_html: bool = False
    primary: bool = True
    guid: str | None = None
    link: str | None = None
    title: str | None = None
    lang: str | None = None
    problem: str | None = None

    @property
    def ident(self) -> str | None:
        """What names the item in a report: its guid/id, else its link."""
        return self.guid or self.link

    @property
    def label(self) -> str:
        """``item 3 (guid) description``: the item number, what names it, and the field."""
        ident = f" ({self.ident})" if self.ident else ""
        return f"item {self.index}{ident} {self.field}"


@dataclass
class Feed:
    """A parsed feed: its entries and what :meth:`rewrite` needs to write it back."""

    kind: str  # rss, rdf, atom, json
    data: bytes
    entries: list[FeedEntry]
    spliceable: bool = True  # the tree was parsed from ``data`` itself, in an ASCII-compatible encoding
    _tree: Any = field(default=None, repr=False)
    _elements: dict[tuple[int, str], Any] = field(default_factory=dict, repr=False)
    _items: list[Any] = field(default_factory=list, repr=False)  # item elements / JSON item objects
    _json: Any = field(default=None, repr=False)
    _text: str = field(default="", repr=False)  # a JSON Feed's text and each item's span in it
    _spans: list[tuple[int, int]] = field(default_factory=list, repr=False)

    def rewrite(self, contents: dict[tuple[int, str], str], drop: set[int]) -> bytes:
        """The feed with each ``(item, field)`` of ``contents`` replaced (same form as it came in) and
        the items numbered in ``drop`` left out; the input bytes themselves when nothing changes.

        XML is rewritten by splicing: only the bytes inside the changed content elements (and the
        dropped items) are replaced, every other byte of the file stays as it was. A feed whose bytes
        cannot be mapped back to its tree (UTF-16, re-decoded from a wrong encoding) is serialised from
        the tree instead (the same elements, with lxml's spelling of the declaration and attributes).
        """
        if not contents and not drop:
            return self.data
        if self.kind == "json":
            return self._rewrite_json(contents, drop)
        if self.spliceable:
            try:
                return self._splice(contents, drop)
            except _NoSplice:
                pass
        for (index, name), text in contents.items():
            _replace(self._elements[(index, name)], text)
        for index in drop:
            _remove_keeping_tail(self._items[index - 1])
        docinfo = self._tree.docinfo
        declared = self.data.lstrip().startswith(b"<?xml")
        encoding = (docinfo.encoding or "utf-8") if declared and self.spliceable else "utf-8"
        # the document type declaration goes with the tree: an entity it declares ("&x;" in a title, kept
        # unexpanded) would make the written feed ill-formed without it
        doctype = _DOCTYPE.search(self.data, 0, 1 << 16)
        out = etree.tostring(
            self._tree,
            encoding=encoding,
            xml_declaration=declared,
            doctype=doctype.group().decode("utf-8", "replace") if doctype else None,
        )
        return out + (b"\n" if self.data.endswith(b"\n") and not out.endswith(b"\n") else b"")

    def _splice(self, contents: dict[tuple[int, str], str], drop: set[int]) -> bytes:
        data = self.data
        where = _locate(self._tree.getroot(), data)
        encoding = self._tree.docinfo.encoding or "utf-8"
        edits: list[tuple[int, int, bytes]] = []
        for (index, name), text in contents.items():
            if index in drop:
                continue
            el = self._elements[(index, name)]
            _, inner_start, inner_end, _ = where[el]
            edits.append((inner_start, inner_end, _inner_bytes(el, data[inner_start:inner_end], text, encoding)))
        for index in drop:
            start, _, _, end = where[self._items[index - 1]]
            while start > 0 and data[start - 1 : start] in (b" ", b"\t", b"\n", b"\r"):
                start -= 1
            edits.append((start, end, b""))
        out = bytearray()
        pos = 0
        for start, end, new in sorted(edits):
            out += data[pos:start] + new
            pos = end
        out += data[pos:]
        return bytes(out)

    def _rewrite_json(self, contents: dict[tuple[int, str], str], drop: set[int]) -> bytes:
        """Splice the new strings (and the dropped items) into the text; re-serialise only when the
        text cannot be mapped back to the items."""
        text, spans = self._text, self._spans
        edits: list[tuple[int, int, str]] = []
        if len(spans) == len(self._items):
            for (index, name), value in contents.items():
                if index in drop:
                    continue
                span = _value_span(text, *spans[index - 1], name)
                if span is None:
                    break
                edits.append((*span, json.dumps(value, ensure_ascii=_has_surrogate(value))))
            else:
                for index in drop:
                    start, end = spans[index - 1]
                    # the item with the comma and whitespace before it (after it, for the first item)
                    before = re.compile(r",\s*$").search(text, 0, start)
                    after = re.compile(r"\s*,\s*").match(text, end)
                    if index > 1 and before is not None:
                        edits.append((before.start(), end, ""))
                    elif after is not None:
                        edits.append((start, after.end(), ""))
                    else:
                        edits.append((start, end, ""))
                out, pos = [], 0
                for start, end, new in sorted(edits):
                    out += [text[pos:start], new]
                    pos = end
                out.append(text[pos:])
                bom = "\ufeff" if self.data.startswith(b"\xef\xbb\xbf") else ""
                return (bom + "".join(out)).encode("utf-8")
        obj = self._json
        for (index, name), text in contents.items():
            self._items[index - 1][name] = text
        if drop:
            obj["items"] = [it for n, it in enumerate(obj["items"], start=1) if n not in drop]
        m = re.search(rb"\n([ \t]+)\"", self.data)
        indent: str | None = m.group(1).decode() if m else None
        text = json.dumps(obj, ensure_ascii=_has_surrogate(json.dumps(obj)), indent=indent)
        return (text + ("\n" if self.data.endswith(b"\n") else "")).encode("utf-8")


def load(source: Source) -> Feed:
    """Read and parse the feed in ``source`` (raises :class:`InputError` naming the file and line)."""
    return parse(read_bytes(source), source.name)


# ------------------------------------------------------------------------------------------- XML
_DOCTYPE = re.compile(rb"<!DOCTYPE\s[^\[>]*(?:\[[^\]]*\])?\s*>")

def _parser() -> etree.XMLParser:
    # the same safety as the HTML side: nothing fetched, no DTD, no entity expanded, no huge tree
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        huge_tree=False,
        strip_cdata=False,
        remove_comments=False,
    )


def parse(data: bytes, name: str) -> Feed:
    """Parse a feed's bytes: XML (RSS, RDF, Atom) or a JSON Feed."""
    kind = sniff(data)
    if kind == "json":
        return _parse_json(data, name)
    redecoded = None
    try:
        root = etree.fromstring(data, _parser())
    except etree.XMLSyntaxError as exc:
        if "encoding" in str(exc).lower() or "utf-8" in str(exc).lower():
            root = redecoded = _parse_redecoded(data, name, exc)
        else:
            raise InputError(f"{name}:{exc.lineno or 1}: ill-formed XML: {_xml_message(exc)}") from None
    if root is None:
        raise InputError(f"{name}: empty document")
    tree = root.getroottree()
    spliceable = redecoded is None and not data.startswith((b"\xff\xfe", b"\xfe\xff")) and b"\x00" not in data[:4]
    feed = Feed(_kind(root, name), data, [], spliceable, tree)
    _read_xml(feed, root)
    return feed


def _xml_message(exc: etree.XMLSyntaxError) -> str:
    msg = str(exc.msg if hasattr(exc, "msg") else exc)
    return re.sub(r", line \d+, column \d+\s*(\(.*\))?$", "", msg).strip()


def _parse_redecoded(data: bytes, name: str, first: etree.XMLSyntaxError) -> Any:
    """A feed whose bytes do not match its declared (or the default) encoding: decode as a browser
    would (charset-normalizer), drop the declaration's encoding and parse the text."""
    try:
        text = decode_text(data)
    except UndecodableError as exc:
        raise InputError(f"{name}:{first.lineno or 1}: {exc}") from None
    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text.lstrip("\ufeff"), count=1)
    try:
        return etree.fromstring(text.encode("utf-8"), _parser())
    except etree.XMLSyntaxError as exc:
        raise InputError(f"{name}:{exc.lineno or 1}: ill-formed XML: {_xml_message(exc)}") from None


def _kind(root: Any, name: str) -> str:
    tag = etree.QName(root).localname if isinstance(root.tag, str) else ""
    ns = etree.QName(root).namespace if isinstance(root.tag, str) else None
    if tag == "rss":
        return "rss"
    if tag == "RDF":
        return "rdf"
    if tag == "feed" and ns in (ATOM10, ATOM03, None):
        return "atom"
    raise InputError(f"{name}:{root.sourceline or 1}: not a feed (root element <{root.tag}>)")


def _text(el: Any) -> str | None:
    if el is None:
        return None
    value = "".join(el.itertext()).strip()
    return value or None


def _child(el: Any, *names: str) -> Any:
    for n in names:
        found = el.find(n)
        if found is not None:
            return found
    return None


def _lang(el: Any, default: str | None) -> str | None:
    node = el
    while node is not None:
        lang = node.get(XML_LANG)
        if lang:
            return lang
        node = node.getparent()
    return default


def _read_xml(feed: Feed, root: Any) -> None:
    if feed.kind == "rss":
        channel = root.find("channel")
        items = channel.findall("item") if channel is not None else []
        if channel is not None and not items:
            items = root.findall("item")
        feed_lang = _text(_child(channel, "language", f"{{{DC}}}language")) if channel is not None else None
        fields = ((f"{{{CONTENT}}}encoded", "content:encoded"), ("description", "description"))
    elif feed.kind == "rdf":
        items = root.findall(f"{{{RSS10}}}item") + root.findall(f"{{{RSS090}}}item")
        channel = _child(root, f"{{{RSS10}}}channel", f"{{{RSS090}}}channel")
        feed_lang = _text(_child(channel, f"{{{DC}}}language")) if channel is not None else None
        ns = etree.QName(items[0]).namespace if items else RSS10
        fields = ((f"{{{CONTENT}}}encoded", "content:encoded"), (f"{{{ns}}}description", "description"))
    else:
        ns = etree.QName(root).namespace
        p = f"{{{ns}}}" if ns else ""
        items = root.findall(f"{p}entry")
        feed_lang = None
        fields = ((f"{p}content", "content"), (f"{p}summary", "summary"))
    feed._items = items
    for index, item in enumerate(items, start=1):
        guid, link, title = _identity(feed.kind, item)
        lang = _lang(item, feed_lang) or _text(item.find(f"{{{DC}}}language"))
        primary = True
        for tag, name in fields:
            el = item.find(tag)
            if el is None or (feed.kind == "atom" and el.get("src")):
                continue
            content, html, problem = _content(feed.kind, el)
            entry = FeedEntry(
                index, el.sourceline, name, content, html, primary, guid, link, title, _lang(el, lang), problem
            )
            feed.entries.append(entry)
            feed._elements[(index, name)] = el
            primary = False


def _identity(kind: str, item: Any) -> tuple[str | None, str | None, str | None]:
    if kind == "atom":
        ns = etree.QName(item).namespace
        p = f"{{{ns}}}" if ns else ""
        link = None
        for el in item.findall(f"{p}link"):
            if el.get("rel", "alternate") == "alternate" and el.get("href"):
                link = el.get("href").strip()
                break
        return _text(item.find(f"{p}id")), link, _text(item.find(f"{p}title"))
    if kind == "rdf":
        ns = etree.QName(item).namespace
        return item.get(f"{{{RDF}}}about"), _text(item.find(f"{{{ns}}}link")), _text(item.find(f"{{{ns}}}title"))
    return _text(item.find("guid")), _text(item.find("link")), _text(item.find("title"))


def _content(kind: str, el: Any) -> tuple[str, bool, str | None]:
    """The field's content as a string, whether it is HTML, and what makes it unusable."""
    entity = next((n for n in el.iter() if isinstance(n, etree._Entity)), None)
    if entity is not None:
        return "", False, f"entity {entity.text} is not expanded (entities are never read from a DTD)"
    kind_attr = (el.get("type") or "").lower() if kind == "atom" else ""
    if kind_attr == "xhtml" or (len(el) and kind == "atom"):
        inner = "".join(etree.tostring(child, encoding="unicode", with_tail=True) for child in el)
        inner = re.sub(r"\sxmlns(:\w+)?=\"[^\"]*\"", "", (el.text or "") + inner)
        return inner, True, None
    if len(el):  # unescaped markup in an RSS field (a common mistake): read as inline HTML
        inner = "".join(etree.tostring(child, encoding="unicode", with_tail=True) for child in el)
        return (el.text or "") + inner, True, None
    text = el.text or ""
    if kind_attr in ("text", "text/plain"):
        return text, False, None
    return text, bool(_TAG.search(text)), None


def _is_cdata(el: Any) -> bool:
    head = etree.tostring(el, encoding="unicode", with_tail=False)
    return "<![CDATA[" in head


def _replace(el: Any, text: str) -> None:
    """Put ``text`` into a content element in the form it came in."""
    xhtml = (el.get("type") or "").lower() == "xhtml"
    if xhtml or len(el):
        for child in list(el):
            el.remove(child)
        el.text = None
        if xhtml:
            el.append(_xhtml_div(text))
        else:
            holder = etree.fromstring(f"<x>{text}</x>")
            el.text = holder.text
            el.extend(list(holder))
        return
    if _is_cdata(el) and "]]>" not in text:
        el.text = etree.CDATA(text)
    else:
        el.text = text


def _to_xhtml(el: Any) -> Any:
    """An lxml.html element copied into the XHTML namespace (Atom ``type="xhtml"`` content)."""
    out = etree.Element(f"{{{XHTML}}}{el.tag}")
    out.text, out.tail = el.text, el.tail
    for child in el:
        out.append(_to_xhtml(child))
    return out


class _NoSplice(Exception):
    """The file's bytes do not match the tree where expected: serialise the tree instead."""


_ATTRS = rb"""(?:\s+[^\s=/>]+\s*=\s*(?:"[^"]*"|'[^']*'))*\s*(/?)>"""


def _qname(el: Any) -> bytes:
    local = etree.QName(el).localname
    return (f"{el.prefix}:{local}" if el.prefix else local).encode("ascii", "replace")


def _locate(root: Any, data: bytes) -> dict[Any, tuple[int, int, int, int]]:
    """Where every element is in ``data``: (start tag, content start, content end, after end tag),
    found by walking the tree and the bytes together, in document order."""
    where: dict[Any, tuple[int, int, int, int]] = {}
    cursor = 0

    def skip(opener: bytes, closer: bytes) -> None:
        nonlocal cursor
        start = data.find(opener, cursor)
        end = data.find(closer, start + len(opener)) if start >= 0 else -1
        if end < 0:
            raise _NoSplice
        cursor = end + len(closer)

    def walk(el: Any) -> None:
        nonlocal cursor
        if isinstance(el, etree._Comment):
            skip(b"<!--", b"-->")
            return
        if isinstance(el, etree._ProcessingInstruction):
            skip(b"<?", b"?>")
            return
        if not isinstance(el.tag, str):  # an entity reference: its bytes stay where they are
            return
        qname = _qname(el)
        m = re.compile(b"<" + re.escape(qname) + _ATTRS).search(data, cursor)
        if m is None:
            raise _NoSplice
        if m.group(1):  # <empty/>
            where[el] = (m.start(), m.end(), m.end(), m.end())
            cursor = m.end()
            return
        cursor = m.end()
        if len(el):
            for child in el:
                walk(child)
            end = data.find(b"</" + qname, cursor)
        else:  # a leaf: its text (CDATA included) runs to its end tag
            end = data.find(b"</" + qname, cursor)
        close = data.find(b">", end) if end >= 0 else -1
        if close < 0:
            raise _NoSplice
        where[el] = (m.start(), m.end(), end, close + 1)
        cursor = close + 1

    walk(root)
    return where


def _inner_bytes(el: Any, old: bytes, text: str, encoding: str) -> bytes:
    """New content for a content element, in the form its old content had (CDATA, XHTML, escaped)."""
    if (el.get("type") or "").lower() == "xhtml":
        markup = etree.tostring(_xhtml_div(text), encoding="unicode")
        return markup.encode(encoding, "xmlcharrefreplace")
    if len(el):  # inline markup stays inline markup (to_html's output is well-formed XML)
        return text.encode(encoding, "xmlcharrefreplace")
    if old.lstrip().startswith(b"<![CDATA["):
        try:
            return b"<![CDATA[" + text.replace("]]>", "]]]]><![CDATA[>").encode(encoding) + b"]]>"
        except UnicodeEncodeError:
            pass  # not writable in the file's encoding inside CDATA: escaped below, with character references
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return escaped.encode(encoding, "xmlcharrefreplace")


def _xhtml_div(text: str) -> Any:
    div = etree.Element(f"{{{XHTML}}}div", nsmap={None: XHTML})
    for frag in lxml_html.fragments_fromstring(text) if text else []:
        if isinstance(frag, str):
            div.text = (div.text or "") + frag
        else:
            div.append(_to_xhtml(frag))
    return div


def _remove_keeping_tail(el: Any) -> None:
    parent = el.getparent()
    prev = el.getprevious()
    # the whitespace before the item goes with it, so the indentation of the next one stays
    if prev is not None:
        prev.tail = el.tail if prev.tail is not None and not prev.tail.strip() else prev.tail
    else:
        parent.text = el.tail if parent.text is not None and not parent.text.strip() else parent.text
    parent.remove(el)


# ------------------------------------------------------------------------------------------ JSON
def _parse_json(data: bytes, name: str) -> Feed:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{name}: JSON Feed is not valid UTF-8 (byte offset {exc.start})") from None
    try:
        obj = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(f"{name}:{exc.lineno}: invalid JSON: {exc.msg} (column {exc.colno})") from None
    if not isinstance(obj, dict) or not str(obj.get("version", "")).startswith(("https://jsonfeed.org/version/",
                                                                               "http://jsonfeed.org/version/")):
        raise InputError(f"{name}: not a JSON Feed (no jsonfeed.org version)")
    items = obj.get("items", [])
    if not isinstance(items, list):
        raise InputError(f"{name}: \"items\" is not a list")
    feed = Feed("json", data, [], _json=obj)
    feed._items = items
    spans = _item_spans(text, len(items))
    lines = [text.count("\n", 0, start) + 1 for start, _ in spans]
    feed._text, feed._spans = text, spans
    feed_lang = obj.get("language") if isinstance(obj.get("language"), str) else None
    for index, item in enumerate(items, start=1):
        line = lines[index - 1] if index - 1 < len(lines) else None
        if not isinstance(item, dict):
            feed.entries.append(FeedEntry(index, line, "item", problem="item is not a JSON object"))
            continue
        ident = _str(item.get("id"))
        link = _str(item.get("url"))
        lang = _str(item.get("language")) or feed_lang
        primary = True
        for key, html in (("content_html", True), ("content_text", False)):
            if key not in item:
                continue
            value = item[key]
            problem = None if isinstance(value, str) else f"{key} is not a string"
            content = value if isinstance(value, str) else ""
            is_html = html and bool(_TAG.search(content))
            feed.entries.append(
                FeedEntry(index, line, key, content, is_html, primary, ident, link, _str(item.get("title")), lang,
                          problem)
            )
            primary = False
    return feed


def _has_surrogate(value: str) -> bool:
    """A string holding a lone surrogate (a ``\\ud800`` escape in the input) cannot be written as UTF-8:
    it is written back escaped, as it came in."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _str(value: Any) -> str | None:
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return value.strip() or None if isinstance(value, str) else None


def _item_spans(text: str, count: int) -> list[tuple[int, int]]:
    """Where each JSON Feed item is in ``text`` (decoding the ``items`` array element by element)."""
    decoder = json.JSONDecoder()
    m = re.search(r'"items"\s*:\s*\[', text)
    spans: list[tuple[int, int]] = []
    if not m:
        return spans
    pos = m.end()
    ws = re.compile(r"[\s,]*")
    while len(spans) < count:
        pos = ws.match(text, pos).end()  # type: ignore[union-attr]
        if pos >= len(text) or text[pos] == "]":
            break
        try:
            _, end = decoder.raw_decode(text, pos)
        except json.JSONDecodeError:
            break
        spans.append((pos, end))
        pos = end
    return spans


def _value_span(text: str, start: int, end: int, key: str) -> tuple[int, int] | None:
    """Where the string value of ``key`` is inside the JSON object at ``text[start:end]``."""
    m = re.compile(r'"' + re.escape(key) + r'"\s*:\s*"').search(text, start, end)
    if m is None:
        return None
    _, value_end = json.decoder.scanstring(text, m.end())
    return m.end() - 1, value_end


# -------------------------------------------------------------------------------------- fallback
def fallback_entries(data: bytes) -> Iterator[FeedEntry]:
    """The items feedparser still reads from a feed lxml refuses (ill-formed XML): for ``check`` and
    ``explain``, which report them before the feed's error. Never used to write a feed back."""
    import feedparser

    parsed = feedparser.parse(data, sanitize_html=False, resolve_relative_uris=False)
    for index, entry in enumerate(parsed.entries, start=1):
        contents = [(c.get("value", ""), c.get("type", "")) for c in entry.get("content", [])]
        name = "content"
        if not contents and entry.get("summary") is not None:
            contents = [(entry.get("summary", ""), entry.get("summary_detail", {}).get("type", ""))]
            name = "summary"
        for n, (value, ctype) in enumerate(contents[:1]):
            html = "html" in ctype and bool(_TAG.search(value))
            yield FeedEntry(
                index,
                None,
                name,
                value,
                html,
                n == 0,
                entry.get("id"),
                entry.get("link"),
                entry.get("title"),
                entry.get("language"),
            )
