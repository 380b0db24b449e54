"""Main-content extraction from HTML: page bytes or text → a :class:`Page` of structured blocks.

Pure (no I/O, no network) and built on lxml only. This module is the public entry: :func:`extract`
composes the stages, each in its own module, and ends with the last one, tidying:

1. **Read** (:mod:`cleaner.html.page`): decode, cut at :data:`MAX_BYTES`, parse safely.
2. **Metadata** (:mod:`cleaner.html.metadata`): title, author, date, language, canonical URL, read
   before anything is dropped (JSON-LD lives in ``<script>``).
3. **Prune** (:mod:`cleaner.html.prune`): scripts and other junk tags, selector rules (``strip`` /
   ``root``), hidden elements and page furniture by tag, role and class/id vocabulary.
4. **Walk** (:mod:`cleaner.html.walk`): the tree becomes blocks, with text statistics per element.
5. **Select** (:mod:`cleaner.html.content`): the content elements, by scoring (unless a ``root``
   rule chose them).
6. **Tidy** (here): link lists and "read more" lines (high link density), widget labels
   ("Advertisement", "Close"), copies of the title (POLICY.md D1 keeps "the title, once": the heading
   that opens the content stays, every other copy goes; ``headline=False`` drops that one too), headings
   left without content, captions unless asked for, and exact repeats of the body (runs of repeated
   paragraphs, or a repeated paragraph-long block; single repeated lines stay: menus and lists
   repeat them on purpose).

The cascade, or recall safety net (:mod:`cleaner.html.recall`): the page's prose is measured before
any pruning; when the first answer is short or holds under half of it, stages 3-6 run again on a
fresh parse without the weak furniture words, then in the relaxed mode (only comment-thread names
and prose-poor furniture tags go), and a wider answer replaces the first when it holds 1.5 times its
text and keeps most of it (:func:`cleaner.html.recall.better`). A page with prose paragraphs never
comes out empty: the last resort is every prose block.
A good first answer costs one count of the page's ``<p>`` text, nothing more.

Every block's text is made of the page's own text nodes: whitespace is folded, table cells are
joined by a tab (whitespace, so nothing is invented), nothing else is added or rewritten.

The value types and :func:`looks_like_html`, :func:`compile_css` and :data:`MAX_BYTES` live in
:mod:`cleaner.html.page` and are re-exported here, the import path the rest of the package uses.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import NamedTuple

from lxml import etree

from cleaner.html import recall as recall
from cleaner.html import vocab as vocab
from cleaner.html.content import select
from cleaner.html.metadata import byline, metadata
from cleaner.html.page import (
    MAX_BYTES,
    Block,
    Page,
    SelectorRule,
    Stripped,
    compile_css,
    fold,
    looks_like_html,
    parse,
    read_page,
)
from cleaner.html.prune import apply_selectors, drop_non_content
from cleaner.html.walk import SENTENCE_END, Proto, Walker
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


def extract(
    html: str | bytes,
    *,
    url: str | None = None,
    selectors: Sequence[SelectorRule] = (),
    encoding: str | None = None,
    captions: bool = False,
    drop_repeats: bool = True,
    headline: bool = True,
) -> Page:
    """Extract the main content of one HTML page. ``encoding`` is a hint (HTTP header or charset name).

    Figure and table captions are left out unless ``captions`` is true: they are picture credits and
    descriptions, not article text (the benchmark's hand-made article bodies leave out 102 of 104).
    ``drop_repeats`` drops exact second copies of paragraphs (:func:`_drop_repeated_runs`); the full
    pipeline turns it off because its own duplicate removal does that *and reports it*.
    ``headline`` keeps the title heading that opens the content (once), as the labelling policy
    keeps "the title, once" (and Dragnet's references count it); ``headline=False`` leaves the title
    to the metadata (``PageInfo.title``) only, as AEB's references do.
    """
    text, used, root, notes = read_page(html, encoding)
    if root is None:
        empty = PageInfo(url=url, encoding=used)
        return Page(blocks=(), info=empty, notes=(*notes, "no text found in the page"), chars=len(text))

    meta = metadata(root, url)
    kw = {"captions": captions, "drop_repeats": drop_repeats, "headline": headline}
    found = _extract_from(root, meta, selectors, "first", **kw)
    blocks, stripped = found.blocks, found.stripped
    chars = recall.prose_chars(blocks)
    prose = found.prose
    if chars < vocab.RETRY_BELOW or recall.needs_more(chars, prose):
        # The recall safety net. First without the weak class words (a Blogger "widget Blog" wraps
        # the post), then the relaxed pass (only comment-thread names and prose-poor furniture tags
        # go); a wider answer replaces the first by the one criterion of recall.better.
        # A first answer of some length lost text to pruning, not to the weak words alone: straight
        # to the relaxed pass (one pass instead of two).
        for mode in ("no-weak", "relaxed") if chars < vocab.RETRY_BELOW else ("relaxed",):
            again = _extract_from(parse(text), meta, selectors, mode, **kw)
            if recall.better(blocks, again.blocks):
                found, blocks, stripped = again, again.blocks, again.stripped
                chars = recall.prose_chars(blocks)
                notes.append(f"recall safety net: {mode} pass kept ({chars} characters)")
            if not recall.needs_more(chars, prose):
                break
        if not blocks:
            # Never empty for a page with text: the page without furniture pruning (a page that is
            # all comments, a fragment), its chosen content, else every prose block of its walk.
            bare = _extract_from(parse(text), meta, selectors, "bare", **kw)
            blocks = bare.blocks or _tidy(recall.prose_baseline(bare.walked), (), drop_repeats)
            if blocks:
                found, stripped = bare, bare.stripped
                notes.append("recall safety net: page without furniture pruning")
    notes.extend(found.notes)
    if not blocks:
        notes.append("no text found in the page")
    info = PageInfo(meta["title"], meta["author"], meta["date"], meta["language"], meta["url"], used)
    return Page(blocks=tuple(blocks), info=info, notes=tuple(notes), stripped=tuple(stripped), chars=len(text))


class _Found(NamedTuple):
    """One pass of the cascade: its blocks, what selector rules stripped, notes, the page's prose
    before pruning (:func:`cleaner.html.recall.page_prose`) and every block of its walk (for the
    prose baseline, computed only when a page came out empty)."""

    blocks: list[Block]
    stripped: list[Stripped]
    notes: list[str]
    prose: int
    walked: list[Proto]


def _extract_from(
    root,
    meta: dict,
    selectors: Sequence[SelectorRule],
    mode: str,
    captions: bool,
    drop_repeats: bool = True,
    headline: bool = False,
) -> _Found:
    """One pass over a parsed page (the tree is modified). ``mode``: ``first`` (the whole
    vocabulary), ``no-weak`` (strong words only), ``relaxed`` (see :func:`drop_non_content`) or
    ``bare`` (no furniture pruning at all: the last resort for a page that came out empty)."""
    notes: list[str] = []
    _keep_math_text(root)
    etree.strip_elements(root, *vocab.JUNK_TAGS, with_tail=False)
    # The walk starts at the root, not <body>: libxml2 puts content after a stray second <head> or
    # <html> into the head, and junk removal has already emptied the real head.
    body = root
    prose = recall.page_prose(body) if mode == "first" else 0
    if meta.get("author") is None:
        meta["author"] = byline(body)  # before furniture removal drops the byline
    stripped, content_root, root_rule, chars = apply_selectors(body, selectors)
    if mode != "bare":
        drop_non_content(body, content_root, by_class=mode == "first", relaxed=mode == "relaxed", total=chars)
    walker = Walker()
    if content_root is not None:
        walker.run(content_root)
        protos = walker.blocks
        notes.append(f"content root from rule {root_rule}")
    else:
        walker.run(body)
        chosen = select(walker, body)
        spans = [walker.spans[c] for c in chosen if c in walker.spans]
        protos = _in_spans(walker.blocks, spans) if chosen != [body] else walker.blocks
    if not captions:
        # A gallery's text is its captions: when they outweigh the rest of the chosen content, they stay.
        caption = sum(len(b.text) for b in protos if b.kind == "caption")
        rest = sum(len(b.text) for b in protos if b.kind != "caption" and b.kind != "heading")
        if caption <= rest or rest >= recall.CAPTIONS_BELOW:
            protos = [b for b in protos if b.kind != "caption"]
    blocks = _tidy(protos, meta.get("titles", ()), drop_repeats, headline)
    return _Found(blocks, stripped, notes, prose, walker.blocks if content_root is None else [])


def _in_spans(blocks: list[Proto], spans: list[tuple[int, int]]) -> list[Proto]:
    """The blocks whose position lies in one of ``spans`` (inclusive), in order. One span (most pages'
    content is one element) is two comparisons a block, without a generator per block."""
    if len(spans) == 1:
        lo, hi = spans[0]
        return [b for b in blocks if lo <= b.pos <= hi]
    return [b for b in blocks if any(s <= b.pos <= e for s, e in spans)]


def _keep_math_text(root) -> None:
    """MathML keeps its text: a ``<math>`` becomes its ``alttext`` (or its own text) as inline text,
    so a formula leaves no hole in the sentence (the junk pass would drop the element)."""
    for m in list(root.iter("math", "{http://www.w3.org/1998/Math/MathML}math")):
        alt = (m.get("alttext") or "").strip() or fold(etree.tostring(m, method="text", encoding=str, with_tail=False))
        span = etree.Element("span")
        span.text = alt
        span.tail = m.tail
        parent = m.getparent()
        if parent is not None:
            parent.replace(m, span)


# ----------------------------------------------------------------------------------------------
# Tidying


def _norm_key(text: str) -> str:
    return re.sub(r"\W+", " ", text).strip().casefold()


def _tidy(
    blocks: list[Proto], titles: Sequence[str], drop_repeats: bool = True, keep_headline: bool = False
) -> list[Block]:
    kept: list[Proto] = []
    title_keys = [k for k in (_norm_key(t) for t in titles) if k]
    labels = vocab.UI_LABELS
    inner = _enclosed_lists(blocks)
    headline = False
    for i, b in enumerate(blocks):
        n = len(b.text)
        if b.link and b.link >= n * vocab.MAX_LINK_DENSITY and b.kind != "table_row" and not (
            b.link < n * vocab.MAX_LINK_DENSITY_SENTENCE and n >= 50 and SENTENCE_END.search(b.text)
        ) and i not in inner:
            continue  # link lists, "read more" lines, tag clouds (a finished sentence may link more)
        if n <= vocab.UI_LABEL_MAX and _norm_key(b.text) in labels:
            continue  # "Advertisement", "Close", "Caption": the page's widgets talking, not the article
        if b.kind == "heading" and title_keys:
            # Every copy of the title goes: it is metadata (``PageInfo.title``). With ``keep_headline``
            # the first one heading the content stays (later copies still go: a re-hosted body, a
            # sticky header, a "you are reading" bar repeat it).
            key = _norm_key(b.text)
            if key and any(key == t or (len(key) > 15 and key in t) for t in title_keys):
                if not keep_headline or headline or any(k.kind != "heading" for k in kept):
                    continue
                headline = True
        kept.append(b)
    # Headings that head nothing (the section under them was furniture) go too.
    out: list[Proto] = []
    for i, b in enumerate(kept):
        if b.kind == "heading":
            nxt = next((k for k in kept[i + 1 :]), None)
            if nxt is None or (nxt.kind == "heading" and nxt.level <= b.level):
                continue
        out.append(b)
    return [Block(b.kind, b.text, b.level, b.link) for b in (_drop_repeated_runs(out) if drop_repeats else out)]


def _enclosed_lists(blocks: list[Proto]) -> set[int]:
    """Positions of list items in a run that sits between two prose paragraphs of the content.

    A list of references, a changelog's bug links, the sources of a documentation page: inside an
    article body, between its paragraphs, a list of links is part of the text. Navigation and
    related-story lists sit at the edges (before the first paragraph, after the last), so they
    still go as link lists.
    """
    out: set[int] = set()
    i, n = 0, len(blocks)
    while i < n:
        if blocks[i].kind != "list_item":
            i += 1
            continue
        j = i
        while j < n and blocks[j].kind == "list_item":
            j += 1
        if i > 0 and j < n and _prose_paragraph(blocks[i - 1]) and _prose_paragraph(blocks[j]):
            out.update(range(i, j))
        i = j
    return out


def _prose_paragraph(b: Proto) -> bool:
    return b.kind == "paragraph" and len(b.text) >= 80 and b.link < 0.3 * len(b.text)


def _drop_repeated_runs(blocks: list[Proto]) -> list[Proto]:
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
