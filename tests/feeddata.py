"""Feed fixtures built from the labelled real cases (tests/data/cases): each case's raw text, as the
aggregator delivered it, becomes an RSS/Atom/JSON Feed item with the case's URL as its link.

The RSS wrapper has the shape of a real FeedBurner-served news feed (CNN's edition feed, as saved in
jmanuelbr/chrome-extension src/js/mocks/cnn.mocks.js): ``xml-stylesheet`` processing instructions,
CDATA titles on their own lines, ``atom10:link`` and ``feedburner:info`` elements in other
namespaces, ``media:`` elements, categories and enclosures — all of which a cleaned feed must keep.
"""

from __future__ import annotations

import json
import re
from html import escape

from casedata import load_case

# CryptoCompare/Bitcoinist teasers and other feed items among the cases (RSS footers, "Read More",
# "[…]", "Continue Reading:", a text scraped twice)
FEED_CASES = ("003", "005", "012", "014", "019")


def case_items() -> list[dict[str, str]]:
    items = []
    for n, name in enumerate(FEED_CASES, start=1):
        raw, label, record = load_case(name)
        items.append(
            {
                "guid": f"cc-{name}",
                "link": record.get("url") or f"https://example.com/item/{name}",
                "title": f"Case {name}: {record.get('site', '')}",
                "text": raw.strip(),
                "label": label.strip(),
                "n": str(n),
            }
        )
    return items


def _html(text: str) -> str:
    """Text as HTML the way a feed's CMS writes it: markup characters escaped, the entities the scraped
    text still holds (``&#8217;``, ``[&#8230;]``) left as the entities they were."""
    return re.sub(r"&(?!#\d+;|#x[0-9a-fA-F]+;|[a-zA-Z]+;)", "&amp;", text).replace("<", "&lt;").replace(">", "&gt;")


def _xml(text: str) -> str:
    return escape(text, quote=False)


def rss(items: list[dict[str, str]], *, cdata: bool = True) -> str:
    """An RSS 2.0 feed: odd items' text as CDATA ``description``, even ones as escaped HTML
    ``content:encoded`` (one <p> per line of the case)."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        '<?xml-stylesheet type="text/xsl" media="screen" href="/~d/styles/rss2full.xsl"?>',
        '<rss xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:content="http://purl.org/rss/1.0/modules/content/" '
        'xmlns:atom="http://www.w3.org/2005/Atom" xmlns:media="http://search.yahoo.com/mrss/" '
        'xmlns:feedburner="http://rssnamespace.org/feedburner/ext/1.0" version="2.0">',
        "    <channel>",
        "        <title>",
        "            <![CDATA[CryptoCompare - News]]>",
        "        </title>",
        "        <link>https://www.cryptocompare.com/news/</link>",
        "        <language>en</language>",
        '        <atom10:link xmlns:atom10="http://www.w3.org/2005/Atom" rel="self" type="application/rss+xml" '
        'href="http://feeds.example.com/cc" />',
        '        <feedburner:info uri="cc" />',
    ]
    for n, it in enumerate(items, start=1):
        out += [
            "        <item>",
            f"            <title><![CDATA[{it['title']}]]></title>",
            f"            <link>{_xml(it['link'])}</link>",
            f'            <guid isPermaLink="false">{_xml(it["guid"])}</guid>',
            "            <pubDate>Wed, 25 Dec 2019 02:20:31 GMT</pubDate>",
            "            <category>Sponsored</category>",
            f'            <media:content url="https://img.example.com/{n}.jpg" medium="image" />',
        ]
        if cdata and n % 2:
            out.append(f"            <description><![CDATA[{it['text']}]]></description>")
        else:
            html = "".join(f"<p>{_html(p)}</p>" for p in it["text"].split("\n") if p.strip())
            out.append(f"            <content:encoded>{_xml(html)}</content:encoded>")
        out += [
            f'            <enclosure url="https://cdn.example.com/{n}.mp3" length="0" type="audio/mpeg"/>',
            "            <feedburner:origLink>" + _xml(it["link"]) + "</feedburner:origLink>",
            "        </item>",
        ]
    out += ["    </channel>", "</rss>", ""]
    return "\n".join(out)


def atom(items: list[dict[str, str]]) -> str:
    """An Atom 1.0 feed: escaped HTML ``content``, XHTML ``content`` and text ``summary`` in turn."""
    out = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en">',
        "  <title>Teasers</title>",
        "  <id>urn:feed:teasers</id>",
        "  <updated>2024-01-01T00:00:00Z</updated>",
    ]
    for n, it in enumerate(items, start=1):
        paras = [p for p in it["text"].split("\n") if p.strip()]
        out += [
            "  <entry>",
            f"    <id>{_xml(it['guid'])}</id>",
            f"    <title>{_xml(it['title'])}</title>",
            f'    <link rel="alternate" href="{escape(it["link"])}"/>',
            "    <updated>2024-01-01T00:00:00Z</updated>",
        ]
        if n % 3 == 1:
            html = "".join(f"<p>{_html(p)}</p>" for p in paras)
            out.append(f'    <content type="html">{_xml(html)}</content>')
        elif n % 3 == 2:
            body = "".join(f"<p>{_html(p)}</p>" for p in paras)
            out.append(f'    <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">{body}</div></content>')
        else:
            out.append(f'    <summary type="text">{_xml(it["text"])}</summary>')
        out.append("  </entry>")
    out += ["</feed>", ""]
    return "\n".join(out)


def json_feed(items: list[dict[str, str]]) -> str:
    """A JSON Feed 1.1: ``content_html`` for odd items, ``content_text`` for even ones."""
    out = []
    for n, it in enumerate(items, start=1):
        entry = {"id": it["guid"], "url": it["link"], "title": it["title"]}
        if n % 2:
            entry["content_html"] = "".join(f"<p>{_html(p)}</p>" for p in it["text"].split("\n") if p)
        else:
            entry["content_text"] = it["text"]
        out.append(entry)
    feed = {"version": "https://jsonfeed.org/version/1.1", "title": "Teasers", "language": "en", "items": out}
    return json.dumps(feed, ensure_ascii=False, indent=2) + "\n"
