"""Render a :class:`~cleaner.result.Result` as plain text, Markdown or a JSON-ready mapping.

Pure functions of the result object, so ``clean --format`` (files, stdin and JSONL alike) and the API
give the same output. Markdown only adds markup (``#``, ``-``, ``>``, table pipes, code fences) around
the clean paragraphs; the words are the clean text's words, never anything else.
"""

from __future__ import annotations

import re
from typing import Any

from cleaner.result import Paragraph, Result

__all__ = ["FORMATS", "render", "to_html", "to_markdown", "to_record"]

FORMATS = ("text", "markdown", "json")

# A paragraph that starts like Markdown syntax would change meaning once rendered ("1. " becomes a
# list, "# " a heading): such a start is escaped with a backslash, which Markdown readers drop.
_MD_START = re.compile(r"^(#{1,6}\s|[-+*]\s|\d{1,9}[.)]\s|>|={3,}|-{3,}|`{3,}|~{3,})")


def _escape(text: str) -> str:
    return "\\" + text if _MD_START.match(text) else text


def _markdown_block(p: Paragraph) -> str:
    if p.kind == "heading":
        return "#" * min(max(p.level, 1), 6) + " " + p.text
    if p.kind == "list_item":
        return "  " * max(p.level - 1, 0) + "- " + p.text
    if p.kind == "quote":
        return "> " + p.text
    if p.kind == "table_row":
        return "| " + " | ".join(c.replace("|", "\\|") for c in p.text.split("\t")) + " |"
    if p.kind == "code":
        # the fence must be longer than any run of backticks inside the code, or the code ends it
        fence = "`" * max(3, 1 + max((len(r) for r in re.findall(r"`+", p.text)), default=0))
        return fence + "\n" + p.text + "\n" + fence
    if p.kind == "caption":
        return "*" + p.text + "*"
    return _escape(p.text)


def _title_words(text: str) -> str:
    return " ".join("".join(c if c.isalnum() else " " for c in text).casefold().split())


def _opens_with_title(paragraphs: tuple[Paragraph, ...], title: str) -> bool:
    """Does the text open with the page's title as a heading? Then Markdown needs no ``# title``."""
    first = paragraphs[0]
    if first.kind != "heading":
        return False
    key, full = _title_words(first.text), _title_words(title)
    # the extractor's test of a title copy: the same words, or 16+ characters of them ("Title | Site")
    return bool(key) and (key == full or (len(key) > 15 and key in full))


def to_markdown(result: Result) -> str:
    """The clean text as Markdown: headings, lists, quotes and table rows keep their structure.

    Text input has no structure, so its paragraphs come out as Markdown paragraphs. Consecutive list
    items and rows of one table are kept together (one newline); other blocks, and two tables in a
    row (their rows' ``level`` tells them apart), are separated by a blank line.
    A page's stated title heads the document as ``# title`` when the text does not open with it
    (the extractor keeps the title heading that opens the content, and drops every other copy of it;
    the title is written once), unless nothing else is left.
    """
    paragraphs = result.paragraphs
    if paragraphs is None:
        paragraphs = tuple(Paragraph(p) for p in result.text.split("\n\n") if p)
    out: list[str] = []
    title = result.page.title if result.page is not None else None
    if paragraphs and title and not _opens_with_title(paragraphs, title):
        out.append("# " + " ".join(title.split()))
    prev: Paragraph | None = None
    for p in paragraphs:
        block = _markdown_block(p)
        if (
            prev is not None
            and p.kind == prev.kind
            and (p.kind == "list_item" or (p.kind == "table_row" and p.level == prev.level))
        ):
            out[-1] += "\n" + block
        elif p.kind == "table_row":
            # a table's first row is its header row: Markdown needs the separator line under it
            out.append(block + "\n|" + " --- |" * (p.text.count("\t") + 1))
        else:
            out.append(block)
        prev = p
    return "\n\n".join(out)


def to_html(result: Result) -> str:
    """The clean text as an HTML fragment, for a feed item's cleaned content: ``<p>``, ``<h1>``-``<h6>``,
    ``<ul><li>``, ``<blockquote>``, ``<pre>``; the words escaped, never anything added but markup.

    A feed reader then still shows paragraphs. Links and images of the input are not carried over:
    the result holds text. The feed writer uses this only when the item's own markup cannot be kept
    (:func:`cleaner.html.rewrite.keep_markup`); an item with nothing removed is written back as it was.
    """
    from html import escape

    paragraphs = result.paragraphs
    if paragraphs is None:
        paragraphs = tuple(Paragraph(p) for p in result.text.split("\n\n") if p)
    out: list[str] = []
    in_list = False
    for p in paragraphs:
        text = escape(p.text, quote=False)
        if p.kind == "list_item":
            if not in_list:
                out.append("<ul>")
                in_list = True
            out.append(f"<li>{text}</li>")
            continue
        if in_list:
            out.append("</ul>")
            in_list = False
        if p.kind == "heading":
            n = min(max(p.level, 1), 6)
            out.append(f"<h{n}>{text}</h{n}>")
        elif p.kind == "quote":
            out.append(f"<blockquote><p>{text}</p></blockquote>")
        elif p.kind == "code":
            out.append(f"<pre><code>{text}</code></pre>")
        else:
            out.append(f"<p>{text}</p>")
    if in_list:
        out.append("</ul>")
    return "\n".join(out)


def to_record(result: Result) -> dict[str, Any]:
    """The clean text plus what the page states about itself (title, author, date, language, URL).

    Keys whose value is unknown are left out, so a consumer can tell "not stated" from "empty".
    """
    record: dict[str, Any] = {"text": result.text}
    page = result.page.to_dict() if result.page is not None else {}
    for key in ("title", "author", "date"):
        if page.get(key):
            record[key] = page[key]
    language = result.language or page.get("language")
    if language:
        record["language"] = language
    url = result.url or page.get("url")
    if url:
        record["url"] = url
    return record


def render(result: Result, fmt: str = "text") -> str:
    """The output of ``clean --format fmt`` for one document (JSON without a trailing newline)."""
    if fmt == "text":
        return result.text
    if fmt == "markdown":
        return to_markdown(result)
    if fmt == "json":
        import json

        return json.dumps(to_record(result), ensure_ascii=False)
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
