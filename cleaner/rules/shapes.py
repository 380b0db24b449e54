"""Shape matchers: boilerplate told apart by its structure, position and neighbours, not by its words.

A vocabulary of wordings ("Read more:", "Baca juga", "اقرأ أيضاً") misses the next site's variant; the
families of POLICY.md B have shapes that hold in every language. Each shape here decides whether one
block (a line) belongs to such a structure, looking at its neighbours, and says why:

- ``menu`` (B2): a run of many short items (navigation, a share/action bar "- ツイート / - シェア / - 保存",
  a footer link list), vertical (one item a line, mostly bulleted or at the page's head or tail) or
  horizontal (items joined by bullets or pipes on one line);
- ``breadcrumb`` (B2): "Home › Section › Title": short items joined by the same separator;
- ``ticker`` (B2): price/ticker and weather widgets: runs of value chips ("$ 26,612.13 1.38%",
  "BTC-1,39%", "24°C") with their name lines ("Bitcoin (BTC)", "Az Bulutlu");
- ``crosslink`` (B5): a short label line ending in ':' (or '..', '»') followed by headline-shaped lines
  (several words, no closing full stop) until prose resumes; the label and each headline match;
- ``contact`` (B3): a tip/contact/subscribe line made mostly of URLs, e-mail addresses or the
  "[email protected]" placeholder, led by a symbol bullet ("▶ 제보 안내 : http://…");
- ``banner`` (B2): an emoji-bulleted campaign banner at the head of a post ("📢 … / 🎨 Event Period /
  📌 How to Participate / …") down to the last line of its last section.

The edge shapes (issue 10, stop 9) find furniture at the page's head and tail:

- ``edge-bar`` (B2): a run of very short lines (labels, ticker cells, language names) before the first
  prose line or after the last; ``switcher`` (B2): language names, each in its own language;
- ``date-widget`` (B2): a bare weekday date as the first line, above the navigation (a date above the
  text is the article's dateline and stays); ``glued-breadcrumb`` (B2): section names glued before a copy
  of a nearby line; ``site-name`` (B2): a line that spells the page's host;
- ``tail-marker`` (B6): a feed's cut marker at the very end (a span); ``reading-time`` (B2): a number of
  minutes on a short line; ``counter`` (B2): a bare number under the title or the date, over the text.

Every function takes the document's block texts and an index and returns ``(score, why)`` — or
``(score, why, (start, end))`` for a span of the block — or None; the score (0–100) grows with the
evidence (how many items, how much of the line is URLs …). They are pure and cheap: a block is rejected
on its length before any neighbour is looked at, and :func:`shape_candidates` drops, with a test on the
block alone, the blocks a shape cannot match before it runs. The closed vocabularies some of them use
(language names, weekdays, months, the minute) are data in :mod:`cleaner.rules.shape_vocab`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from cleaner.rules.contents_shapes import CONTENTS_PAGE_CANDIDATES, CONTENTS_SHAPES
from cleaner.rules.cta_shapes import CTA_CANDIDATES, CTA_SHAPES
from cleaner.rules.edge_shapes import EDGE_CANDIDATES, EDGE_PAGE_CANDIDATES, EDGE_SHAPES, site_name
from cleaner.rules.head_shapes import date_header, dated, section_label, widget_value
from cleaner.rules.line_shapes import CJK, bulleted, is_emoji, run_of, short_item, unbulleted, words_of
from cleaner.rules.list_items import (
    bare_count,
    list_value,
    may_be_zero,
    may_count,
    numbered_step,
    table_row,
    zero_count,
)
from cleaner.rules.meta_shapes import META_CANDIDATES, META_SHAPES
from cleaner.rules.shape_vocab import (
    AGO_WORDS,
    ENDONYMS,
    MINUTE_UNITS,
    MONTHS,
    NUMBERED_ENTRY,
    SWITCHER_MARKS,
    WEEKDAYS,
    YEAR,
    ends_sentence,
    spaceless_long,
)
from cleaner.rules.tail_shapes import TAIL_PAGE_CANDIDATES, tail_cards, tail_stories
from cleaner.rules.url_shapes import url_section

__all__ = ["SHAPES", "match_shape", "shape_candidates"]

# (score, why), or (score, why, (start, end)) for a span of the block (a marker glued to the text), or a
# list of such spans (the counters of a meta line)
Evidence = tuple[float, str] | tuple[float, str, tuple[int, int]] | tuple[float, str, list[tuple[int, int]]]

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\[email[^\]]*protected\]", re.IGNORECASE)
_SEPARATORS = ("›", "»", ">", "→", "|", "/", "\\", "·")
_VALUE = re.compile(
    r"[+\-−]?\s?[$€£¥₩₹]?\s?\d[\d\s,.]*(?:\s?(?:%|°\s?[CF]|[$€£¥₩₹]|[kKmMbB]\b|万|億|亿|美元))?"
    r"|\b\d{1,2}[-/.:]\d{1,2}(?:[-/.:]\d{2,4})?\b"
)
_TICKER = re.compile(r"\(?\b[A-Z]{2,6}\b\)?(?:-USD|/USDT?)?")
_HAS_VALUE_SIGN = re.compile(r"%|°\s?[CF]|[$€£¥₩₹]|万美元|美元")
_ARTICLE_LINE = re.compile(r"\d|[:：]")
_DIGIT = re.compile(r"\d")
_LABEL_END = ("：", ":", "..", "…", "»", "›", ">")
_MASKED = re.compile(r"(?<=[\d.])\{\d{1,2}\}(?=\d)")
_SYMBOL = re.compile(r"^[A-Z][A-Z0-9]{1,5}$")
# an icon font's ligature left as text beside a price's change ("8.416,60 arrow_drop_up +0,34%")
_ICON = re.compile(r"\b(?:arrow_drop_(?:up|down)|arrow_(?:upward|downward)|trending_(?:up|down|flat))\b")
_SYMBOL_IN = re.compile(r"\b[A-Z][A-Z0-9]{1,5}\b")
_TICK_GROUP = re.compile(
    r"\b[A-Z][A-Z0-9]{1,5}\b(?:\s*[:\-]?\s*[+\-−]?\s?[$€£¥₩₹]?\s?\d[\d,.]*\s?(?:%|[$€£¥₩₹])?){1,3}"
)


# ------------------------------------------------------------------------------------------- menu
_LONG_MENU = 8  # items on a line from which one in five may be long (see _horizontal_menu)


def _menu(blocks: Sequence[str], i: int, min_items: int) -> Evidence | None:
    line = blocks[i]
    if len(line) > 240:
        return None
    horizontal = _horizontal_menu(line, min_items, long_item=i in (0, len(blocks) - 1))
    if horizontal and not table_row(blocks, i):
        return horizontal
    if not _menu_item(line):
        return None
    a, b = run_of(blocks, i, _menu_item)
    n = b - a
    bullets = sum(bulleted(blocks[k]) for k in range(a, b))
    at_edge = a == 0 or b == len(blocks)
    # Unbulleted short lines at an edge are a menu only when none looks like a byline, a date or a
    # numbered heading ("作者:…", "2024/10/30", "1. …"): those open an article.
    plain = at_edge and n >= min_items + 1 and not any(_ARTICLE_LINE.search(blocks[k]) for k in range(a, b))
    # ... and when their items average at most 2.5 words (a space-separated Korean label has three):
    # lines of three and more are a poem's or a list's
    plain = plain and sum(words_of(unbulleted(blocks[k])) for k in range(a, b)) <= 2.5 * n
    if not at_edge and (_headed(blocks, a) or bulleted(blocks[a - 1]) or bulleted(blocks[b])):
        return None  # inside the page, a list under a label ("Supported chains:") or in a longer list is the article's
    if n < min_items or not (2 * bullets >= n or plain):
        return None
    if 3 * sum(list_value(blocks[k]) for k in range(a, b)) >= n:
        return None  # a list of values, not of places to go: departure times, an ingredient list's amounts
    if 2 * sum(", " in blocks[k] for k in range(a, b)) >= n:
        return None  # items with a comma in them ("• Anchorage, AK", "• Boise, ID"): a list of places or names
    where = "at the page's edge" if at_edge else "inside the page"
    return min(100.0, 50.0 + 5 * n), f"menu: a run of {n} short items ({bullets} bulleted) {where}"


@lru_cache(maxsize=8192)
def _menu_item(line: str) -> bool:
    """A menu entry: up to three words, or four behind a bullet ("• Tin tức theo CoinPedia")."""
    return short_item(line, 4, 36) if bulleted(line) else short_item(line, 3, 30)


def _horizontal_menu(line: str, min_items: int, *, long_item: bool = False) -> Evidence | None:
    """Items joined by one separator on a line, each of up to three words. With ``long_item`` (the page's
    first or last line, or a line of eight items or more) one in five may have up to six: a menu names a
    section at length now and then ("كافي شاپهاي زنجیره ای صدف" among "کتابها | رزومه"), where a line of the
    text joins a few terms or interests by a bar (stop 22's review)."""
    for sep in ("•", "|", "·"):
        if line.count(sep) >= min_items - 2:
            items = [p.strip() for p in line.split(sep)]
            items = [p for p in items if p]
            if len(items) < min_items - 1:
                continue
            short = sum(short_item(p, 3, 30) for p in items)
            loose = long_item or len(items) >= _LONG_MENU
            if short == len(items) or (
                loose and 5 * short >= 4 * len(items) and all(short_item(p, 6, 60) for p in items)
            ):
                return min(100.0, 50.0 + 5 * len(items)), f"menu: {len(items)} short items joined by {sep!r}"
    return None


# ------------------------------------------------------------------------------------- breadcrumb
@lru_cache(maxsize=8192)
def _crumb(line: str) -> bool:
    """One item of a breadcrumb written one a line ("Home", "/ Research"): short, no date, no colon."""
    s = line.strip().lstrip("/›»>|→ ")
    return short_item(s, 3, 30) and (not _ARTICLE_LINE.search(s) or widget_value(s))


def _crumb_link(line: str) -> bool:
    """A breadcrumb item on its own line led by its separator ("/ Nghiên cứu", "› Tìm hiểu về Bitcoin")."""
    s = line.strip()
    return len(s) > 2 and s[0] in "/›»>→|" and s[1] == " " and short_item(s[2:], 6, 60) and not _ARTICLE_LINE.search(s)


def _crumb_chain(blocks: Sequence[str], i: int) -> Evidence | None:
    """"Trang chủ / "/ Nghiên cứu" / "/ Tìm hiểu về Bitcoin": a short line, then items each led by a separator."""
    a = i if _crumb_link(blocks[i]) else i + 1
    if a >= len(blocks) or not _crumb_link(blocks[a]):
        return None
    while a > 0 and _crumb_link(blocks[a - 1]):
        a -= 1
    b = a
    while b < len(blocks) and _crumb_link(blocks[b]):
        b += 1
    if a == 0 or not _crumb(blocks[a - 1]) or b - a < 2 or not a - 1 <= i < b:
        return None
    return 90.0, f"breadcrumb: {b - a + 1} items one a line, each after the first led by its separator"


def _vertical_breadcrumb(blocks: Sequence[str], i: int) -> Evidence | None:
    """Short lines at the head of the page directly above a title that the page repeats."""
    if i >= 8:
        return None
    chain = _crumb_chain(blocks, i)
    if chain or not _crumb(blocks[i]):
        return chain
    a, b = run_of(blocks, i, _crumb, limit=6)
    if b - a < 2 or b >= len(blocks):
        return None
    crumbs = [blocks[k].strip() for k in range(a, b)]
    if len(set(crumbs)) < len(crumbs):
        return None  # a path names each place once: a line printed twice ("Editor" / "Editor" over the author's
        # name, fresh f26-26) is a byline's or a widget's, not a trail's
    title = blocks[b].strip()
    if not 12 <= len(title) <= 200 or _crumb(title):
        return None  # the repeated line is a title, not a paragraph of a body printed twice
    if any(len(blocks[k]) > 200 for k in range(a)):
        return None  # an article paragraph above: not the page's head (credits between two copies, f5-10)
    if any(blocks[k].strip() == title for k in range(min(len(blocks), b + 6)) if k != b):
        return 90.0, f"breadcrumb: {b - a} short lines at the head above the repeated title"
    return None


def _breadcrumb(blocks: Sequence[str], i: int, min_items: int) -> Evidence | None:
    line = blocks[i].strip()
    if table_row(blocks, i):
        return None  # a row of a table written as text ("國家 | 美国 |" over "州份 | 印第安納州 |"; an infobox's
        # "|---|---|" over "| Pays | |", fresh f24-05: no chain of crumbs) is the page's
    if len(line) < 64:
        found = _vertical_breadcrumb(blocks, i)
        if found:
            return found
    if len(line) > 200 or len(line) < 5:
        return None
    for sep in _SEPARATORS:
        if line.count(sep) < max(1, min_items - 1):
            continue
        if sep in "/\\>" and f" {sep} " not in line:
            continue  # "BTC/USD", "a>b": a separator is set off by spaces
        items = [p.strip() for p in line.split(sep)]
        if not min_items <= len(items) <= 6 or any(not p for p in items[1:-1]):
            continue  # an empty first item is a leading separator ("/ Section / Title": a home icon before it)
        head = [p for p in items[:-1] if p]
        if any(_ARTICLE_LINE.search(p) for p in head):
            continue  # "Date:May 8, 2014 | Category:…", "Monday, 11.05.2012 / 12:34 AM": a dateline
        if all(short_item(p, 4, 32) for p in head) and words_of(items[-1]) <= 20:
            last = items[-1]
            repeats = any(last and last in blocks[k] for k in range(i + 1, min(len(blocks), i + 4)))
            why = f"breadcrumb: {len(items)} items joined by {sep!r}" + (", its last one the title" if repeats else "")
            return (100.0 if repeats else 80.0), why
    return None


# ----------------------------------------------------------------------------------------- ticker
@lru_cache(maxsize=8192)
def _value_chip(line: str) -> bool:
    s = _MASKED.sub("0", line.strip())  # "$0.{5}2273": a price with its run of zeros written as a count
    if not s or len(s) > 60 or not _DIGIT.search(s):
        return False
    rest = _TICKER.sub(" ", _VALUE.sub(" ", _ICON.sub(" ", s)))
    return len(rest.split()) <= 1 and len(rest.strip()) <= 12


def _name_chip(line: str) -> bool:
    return short_item(line, 3, 28)


@lru_cache(maxsize=8192)
def _tick_line(line: str) -> bool:
    """One cell of a ticker written one item a line: a symbol ("BTC") or a price/change with its sign."""
    s = line.strip()
    return bool(_SYMBOL.match(s)) or (_value_chip(s) and bool(_HAS_VALUE_SIGN.search(s)))


def _headed(blocks: Sequence[str], a: int) -> bool:
    """Whether the run starting at ``a`` is introduced by a label line ("Supported languages:", "Top movers:"):
    a headed list or table is the article's."""
    return a > 0 and blocks[a - 1].rstrip().endswith((":", "："))


def _ticker_column(blocks: Sequence[str], i: int) -> Evidence | None:
    """ "BTC / $96,000 / 5.73% / ETH / …": symbols each followed by their price and change lines."""
    a, b = run_of(blocks, i, _tick_line)
    symbols = [k for k in range(a, b) if _SYMBOL.match(blocks[k].strip())]
    if len(symbols) < 2 or b - a < 2 * len(symbols) or _headed(blocks, a):
        return None
    # every symbol is followed by 1-2 value lines, and the run opens with a symbol or a value of one
    bounds = symbols + [b]
    if any(not 1 <= bounds[n + 1] - bounds[n] - 1 <= 2 for n in range(len(symbols))) or symbols[0] - a > 2:
        return None
    return min(100.0, 60.0 + 10 * len(symbols)), f"ticker: {len(symbols)} symbols with their prices, one item a line"


def _ticker_row(line: str) -> Evidence | None:
    """ "BTC $96,000 5.73% ETH $3,521.91 3.97%": symbol groups run together on one line, nothing else."""
    if not _HAS_VALUE_SIGN.search(line) or not _SYMBOL_IN.search(line):
        return None
    groups = _TICK_GROUP.findall(_MASKED.sub("0", line))
    if len(groups) < 2 or not all(_HAS_VALUE_SIGN.search(g) for g in groups):
        return None
    if _TICK_GROUP.sub("", _MASKED.sub("0", line)).strip(" |·•,;/-–—"):
        return None
    return min(100.0, 60.0 + 10 * len(groups)), f"ticker: {len(groups)} symbols with their prices on one line"


def _ticker(blocks: Sequence[str], i: int, min_items: int) -> Evidence | None:
    line = blocks[i]
    if len(line) > 60:
        return _ticker_row(line) if len(line) <= 240 else None
    if _tick_line(line):
        found = _ticker_column(blocks, i) or _ticker_row(line)
        if found:
            return found
    chip = _value_chip(line)
    if not chip and not _name_chip(line):
        return None
    if chip and _HAS_VALUE_SIGN.search(line) and re.search(r"[A-Z]{2,6}\s?[+\-−]\s?\d", line):
        return 100.0, "ticker: a symbol with a signed change"
    a, b = run_of(blocks, i, lambda s: _value_chip(s) or _name_chip(s))
    chips = [k for k in range(a, b) if _value_chip(blocks[k])]
    signed = sum(bool(_HAS_VALUE_SIGN.search(blocks[k])) for k in chips)
    n = b - a
    # a table of figures in an article has the same cells: a widget sits at the page's edge or names
    # its assets by their symbols ("Bitcoin (BTC)")
    symbols = any(re.search(r"\b[A-Z]{2,6}\b", blocks[k]) for k in range(a, b))
    placed = (a == 0 or b == len(blocks) or symbols) and not _headed(blocks, a)
    if placed and len(chips) >= max(2, min_items // 2) and 3 * len(chips) >= n and n >= min_items and signed >= 2:
        return min(100.0, 50.0 + 5 * len(chips)), f"ticker: {len(chips)} price/value chips in a run of {n} short lines"
    return None


# -------------------------------------------------------------------------------------- crosslink
def _label(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 32 and not bulleted(s) and words_of(s) <= 3 and s.endswith(_LABEL_END) and not _URL.search(s)


@lru_cache(maxsize=8192)
def _headline(line: str) -> bool:
    s = unbulleted(line)
    if not s or len(s) > 180 or s.endswith(_LABEL_END):
        return False
    if s.count("|") >= 1 and all(short_item(p, 5, 40) for p in s.split("|") if p.strip()):
        return True  # "Cara Beli TRX | Cara Beli SOL |"
    first = s[0]
    if not first.isalpha() or first.islower() or ":" in s or "：" in s:
        return False  # a headline opens with a capital (or an uncased letter) and has no "label:" inside
    w = words_of(s)
    return 4 <= w <= 25 and not ends_sentence(s) and not _URL.search(s)


def _prose(line: str) -> bool:
    s = line.strip()
    return words_of(s) >= 12 or ends_sentence(s) and words_of(s) >= 6


def _crosslink(blocks: Sequence[str], i: int, max_items: int) -> Evidence | None:
    line = blocks[i]
    if len(line) > 200:
        return None
    if _label(line):
        n = _list_under(blocks, i, max_items)
        return (90.0, f"cross-link label over {n} headline line(s)") if n else None
    if not _headline(line):
        return None
    for k in range(i - 1, max(-1, i - 1 - max_items), -1):
        if _label(blocks[k]):
            n = _list_under(blocks, k, max_items)
            return (90.0, f"headline {i - k} of {n} under the label {blocks[k].strip()!r}") if k + n >= i else None
        if not _headline(blocks[k]):
            return None
    return None


def _list_under(blocks: Sequence[str], k: int, max_items: int) -> int:
    """How many headline lines follow the label at ``k``, when prose (or the end) resumes after them."""
    n = 0
    j = k + 1
    while j < len(blocks) and n < max_items and _headline(blocks[j]) and not _label(blocks[j]):
        n += 1
        j += 1
    # the last "headline" heads a bulleted list of prose under it: the article resumes there ("Lista documentelor
    # care se eliberează la cerere" over its items, under a form's fields, f30-22); over short items the list is
    # the article's ("Opening hours:" … "Closed on these public holidays" / "• Christmas Day": stop 20's review)
    if n >= 2 and j < len(blocks) and bulleted(blocks[j]) and _prose(blocks[j]) and not bulleted(blocks[j - 1]):
        n -= 1
    if n == 0 or (n == 1 and "|" not in blocks[k + 1]):
        return 0  # one line under a label: a subhead or a definition as often as a link
    if j < len(blocks) and not _prose(blocks[j]) and not _label(blocks[j]):
        return 0  # the list runs into more short lines: a list in the article, or not a list at all
    return n


# ---------------------------------------------------------------------------------------- contact
def _contact(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    s = blocks[i].strip()
    if not s or len(s) > 200:
        return None
    urls = _URL.findall(s)
    if not urls:
        return None
    s = " ".join(s.split())  # the share of URLs is measured as the output prints the line (cleaning twice agrees)
    rest = " ".join(_URL.sub(" ", s).split())
    share = 1 - len(rest) / len(s)
    bullet = (is_emoji(s[0]) or s[0] in "▶▣►■●※☞→") and any(c.isalpha() for c in rest)
    placeholder = "protected]" in s.lower()
    if placeholder and words_of(rest) <= 3:
        return 100.0, "contact: an e-mail placeholder line"
    if bullet and words_of(rest) <= 8:
        return round(60 + 40 * share, 1), f"contact: a symbol-led line, {share:.0%} of it URLs or e-mail"
    if len(urls) >= 2 and share >= 0.5 and not (words_of(rest) >= 6 and _SENTENCE_INSIDE.search(rest)):
        return round(60 + 40 * share, 1), f"contact: {len(urls)} URLs or e-mails make {share:.0%} of the line"
    return None


# a sentence among the URLs is the article's (a fuller copy of a teaser put in its place), not a contact line
_SENTENCE_INSIDE = re.compile(r"[^\W\d_]{2,}[.!?](?:\s|$)")


# ----------------------------------------------------------------------------------------- banner
def _emoji_led(line: str) -> bool:
    s = line.strip()
    return bool(s) and is_emoji(s[0])


_NUMBERED_ITEM = re.compile(r"^\s*\d{1,2}[.)]\s")


def _banner(blocks: Sequence[str], i: int, window: int) -> Evidence | None:
    if not blocks or not _emoji_led(blocks[0]) or i >= window:
        return None
    heads = [k for k in range(min(window, len(blocks))) if _emoji_led(blocks[k])]
    if len(heads) < 3:
        return None
    # after the last section head, its lines: short of a title or a paragraph
    end = heads[-1] + 1
    numbered = end < len(blocks) and bool(_NUMBERED_ITEM.match(blocks[end]))
    while end < len(blocks) and end - heads[-1] <= 6:
        s = blocks[end].strip()
        n = words_of(s)
        if n > 40 or s.endswith(("?", "？")) or (n < 12 and not s.endswith(_LABEL_END) and ">" in s):
            break
        if numbered and not _NUMBERED_ITEM.match(s):
            break  # a section of numbered steps ends at the first line that is not one (the post's title, f5-26)
        end += 1
    if i < end:
        why = f"banner: {len(heads)} emoji-led lines open the post (line {i + 1} of {end})"
        return min(100.0, 40.0 + 10 * len(heads)), why
    return None


# ------------------------------------------------------------------------------- language switcher
_SWITCH_SPLIT = re.compile(r"\s*[|·•/,]\s*|\s{2,}")


def _lang_name(line: str) -> bool:
    return unbulleted(line).casefold() in ENDONYMS


@lru_cache(maxsize=8192)
def _switcher_line(line: str) -> bool:
    s = unbulleted(line).casefold()
    return s in ENDONYMS or s in SWITCHER_MARKS


def _switcher(blocks: Sequence[str], i: int, min_items: int) -> Evidence | None:
    """A language switcher: languages each named in its own language ("English", "Türkçe", "日本語"), one
    a line (with a "lang"/globe line beside them) or joined on one line by separators or spaces."""
    line = blocks[i]
    if len(line) > 200:
        return None
    if not _switcher_line(line):
        n = _languages_on_line(line)
        if n < min_items:
            return None
        return min(100.0, 60.0 + 5 * n), f"language switcher: {n} language names on one line"
    a, b = run_of(blocks, i, _switcher_line, limit=40)
    names = sum(_lang_name(blocks[k]) for k in range(a, b))
    if names >= min_items and not _headed(blocks, a):
        return min(100.0, 60.0 + 5 * names), f"language switcher: {names} language names in a run of {b - a} lines"
    return None


@lru_cache(maxsize=8192)
def _languages_on_line(line: str) -> int:
    """How many language names make up the whole line ("English | Español | 日本語"), else 0."""
    head = _SWITCH_SPLIT.split(line.strip(), maxsplit=1)[0]
    if head.casefold() not in ENDONYMS and head.split(" ", 1)[0].casefold() not in ENDONYMS:
        return 0  # a line listing languages opens with one
    parts = [p for p in _SWITCH_SPLIT.split(line.strip()) if p]
    if len(parts) < 2:
        parts = line.split()
    return len(parts) if all(p.casefold() in ENDONYMS for p in parts) else 0


# ------------------------------------------------------------------------------- head/tail furniture
@lru_cache(maxsize=8192)
def _edge_cell(line: str) -> bool:
    """A line a page's head or tail bar is made of: a short label (no digit, no colon, no word in a script without
    spaces longer than a label's: ``spaceless_long``), a ticker cell, a language name, or a mark."""
    s = unbulleted(line)
    if not s:
        return False
    if _tick_line(s) or _switcher_line(s):
        return True
    return short_item(s, 3, 30) and not spaceless_long(s) and (not _ARTICLE_LINE.search(s) or widget_value(s))


def _edge_run(blocks: Sequence[str], i: int, min_items: int) -> Evidence | None:
    """A bar of furniture before the first prose line or after the last: ``min_items`` or more very short lines."""
    if len(blocks[i]) > 40 or not _edge_cell(blocks[i]):
        return None
    a, b = run_of(blocks, i, _edge_cell)
    n = b - a
    if n < min_items:
        return None
    # only blocks with no prose (a title, a site name) may stand between the bar and the page's edge
    head = a <= 2 and not any(_prose(blocks[k]) for k in range(a))
    tail = len(blocks) - b <= 1 and not any(_prose(blocks[k]) for k in range(b, len(blocks)))
    if not (head or tail) or (head and b == len(blocks)):
        return None  # a page that is nothing but short lines is a list, not a bar around an article
    if head and n > 1 and blocks[b - 1].split() == blocks[b - 2].split():
        b, n = b - 1, n - 1  # the head bar's last line restating the item above it is the title under its menu entry
        if i == b or n < min_items:
            return None
    if sum(words_of(unbulleted(blocks[k])) for k in range(a, b)) > 2.5 * n:
        return None  # bar items average at most 2.5 words; a poem's or a list's lines average more
    if _menu(blocks, i, 5):
        return None  # a bulleted or plain menu: structure.menu says it (and is turned off on its own)
    kinds = sum(_tick_line(blocks[k]) for k in range(a, b)), sum(_lang_name(blocks[k]) for k in range(a, b))
    where = "head" if head else "tail"
    why = f"{where} bar: {n} very short lines ({kinds[0]} ticker cells, {kinds[1]} language names)"
    return min(100.0, 50.0 + 4 * n), why


# ------------------------------------------------------------------------------------ date widget
_DATE_TOKEN = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)?|\d{1,4}")


def _date_widget(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """The site header's current-date widget ("Понедельник, 21 апреля, 2025") as the page's first line,
    above the title: a weekday, a day and a month or year, nothing else. A date under the title is the
    article's dateline and is not looked at (POLICY D1)."""
    if i != 0 or len(blocks) < 3:
        return None
    s = blocks[0].strip()
    if not 6 <= len(s) <= 60:
        return None
    tokens = _DATE_TOKEN.findall(s)
    if _DATE_TOKEN.sub("", s).strip(" ,./-–|"):
        return None  # anything but words, numbers and date punctuation: not a bare date
    words = [t.casefold() for t in tokens if not t.isdigit()]
    numbers = [t for t in tokens if t.isdigit()]
    two_words = any(" ".join(words[k : k + 2]) in WEEKDAYS for k in range(len(words) - 1))  # "Thứ Hai"
    if not (two_words or any(w in WEEKDAYS for w in words)) or not numbers or len(tokens) > 7:
        return None
    if not two_words and any(w not in WEEKDAYS and w not in MONTHS and len(w) > 3 for w in words):
        return None
    # a widget sits in the header, above its navigation; a date above the text is the article's (D1)
    menu = _edge_cell(blocks[1]) and run_of(blocks, 1, _edge_cell)[1] >= 4
    if not (_glued_breadcrumb(blocks, 1, 0) or _breadcrumb(blocks, 1, 3) or menu):
        return None
    return 90.0, "date widget: a bare weekday date as the page's first line, above the navigation"


# ------------------------------------------------------------------------------- glued breadcrumb
def _glued_breadcrumb(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """ "ДомойBitcoinРоссийские СМИ, …": short section names glued, without a space (or two to four
    capitalised ones spaced, before a headline), before the text of a line the page prints on its own
    nearby (the title): the block is navigation plus a copy."""
    if not 24 <= len(blocks[i]) <= 600 or i > 8:
        return None
    line = blocks[i].strip()
    body = line.rstrip(" .…")
    for k in range(max(0, i - 3), min(len(blocks), i + 4)):
        if k == i:
            continue
        other = blocks[k].strip()
        if len(other) < 20 or len(other) >= len(line) + 40:
            continue
        p = line.find(other[:20], 2, 60)
        if not 2 <= p <= 40 or not other.startswith(body[p:]):
            continue
        prefix = line[:p]
        if line[p - 1].isspace() and not _GLUE.search(line, 1, p):
            # spaced: "Home News Deutschland Bundesligarückschau: …" over the title itself; capitalised
            # section names (or an unspaced script's), two to four of them, before a copy of a headline
            crumbs = prefix.split()
            named = all(_CRUMB_WORD.fullmatch(c) and (c[0].isupper() or CJK.match(c)) for c in crumbs)
            # the site with its suffix opens a trail of three crumbs or more; "Sursa Agerpres.ro" is a credit
            sited = all("." not in c for c in crumbs[1:]) and ("." not in crumbs[0] or len(crumbs) >= 3)
            if not (2 <= len(crumbs) <= 4 and named and sited):
                continue
            if ends_sentence(other) or words_of(other) > 25:
                continue
        elif line[p - 1].isspace() or not _GLUE.search(line, 1, p + 1):
            continue  # no case change or separator inside a word before the copy: nothing is glued
        else:
            crumbs = [c for c in _GLUE.split(prefix) if c.strip()]
        if len(crumbs) >= 2 and short_item(prefix, 5, 40) and not _ARTICLE_LINE.search(prefix):
            return 95.0, f"glued breadcrumb: {len(crumbs)} section names glued before a copy of line {k + 1}"
    return None


# a section's name, or the site's with its suffix opening the trail ("Jurnalul.ro Cultură Arte Vizuale …", f31-11)
_CRUMB_WORD = re.compile(r"[^\W\d_]+(?:\.[a-z]{2,6})?")
_GLUE = re.compile(r"(?<=[^\W\d_])(?=[A-ZА-ЯЁ])(?<![A-ZА-ЯЁ])|\s*[›»>/|]\s*")


# ----------------------------------------------------------------------------------- feed markers
_EMBED_MORE = re.compile(r"(?<=[.!?。！？”\"])(?P<mark>\s+(?:…|\.{3})\s+(?P<title>[^\n.!?。！？…]{1,80}))$")
# the cut set off from the cut word and glued to a read-on link in lower case ("… pentru ...citește toată
# știrea"): an author's ellipsis is glued to the word before it ("It rose… and then")
_READ_ON = re.compile(r"(?<=\S)(?P<mark>\s(?:…|\.{3})(?P<link>[^\W\d_][^\W\d]*(?:\s[^\W\d]+){0,3}))\s*$")
_TAIL_MARK = re.compile(
    r"(?:(?<=\w)|^|\s)(?P<mark>\s*(?:…\.?|\.{3,4}|\[\s*(?:…|\.{3})\s*\]"
    r"|\(\s*[^\W\d_]{2,14}(?:\s[^\W\d_]{2,14}){0,2}\s?(?:…|\.{3})\s*\))"  # WordPress's "(more…)", "(mehr…)"
    r"(?:\s*(?P<label>[^\W\d_][^\s»›→]*(?:\s[^\W\d_][^\s»›→]*){0,2})\s*[»›→]\s*(?P<title>[^\n.!?。！？]{1,80}))?)\s*$"
)


def _tail_marker(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """The cut marker a feed leaves at the end of a teaser: a trailing "…", "….", "...", "[…]", alone on
    the last line or glued to its cut word, and "… Read More »Title" (an ellipsis, a link label of up to
    three words, a chevron and the post's title) or ". … Title Continue reading" (a lone ellipsis after the last
    sentence, then a short run to the end: an embed's title and its read-on link) — in any language.
    Removed as a span."""
    last = i == len(blocks) - 1
    if not last and not (i >= len(blocks) - 3 and all(words_of(b) <= 3 for b in blocks[i + 1 :])):
        return None
    line = blocks[i]
    end = line[-140:]
    if "…" not in end and ".." not in end:
        return None
    readon = _READ_ON.search(end)
    if readon and not readon.group("link")[0].islower():
        readon = None  # a capitalised run after the cut is a title or a sentence, not a link
    # under a short line or two (a source name) only a read-on link marks the cut
    m = (_TAIL_MARK.search(end) or _EMBED_MORE.search(end) or readon) if last else readon
    if not m:
        return None
    start = len(line) - len(line[-140:]) + m.start("mark")
    title = m.groupdict().get("title")
    if title and words_of(title) > 10:
        return None
    mark = m.group("mark").strip()
    cut = re.match(r"…\.?|\.{3,4}|\[[^\]]*\]", mark)
    cut_text = cut.group(0) if cut else mark[:1]
    if title or m.groupdict().get("link"):
        link = mark[len(cut_text) :].strip() if cut else mark
        why = f"feed marker: the cut {cut_text!r}, then the link {link[:60]!r}, end the text"
    else:
        why = f"feed marker: the cut {cut_text!r} ends the text"
    return 95.0, why, (start, len(line))


# ------------------------------------------------------------------------------ chips and residue
_NUMBER_UNIT = re.compile(r"(\d{1,3})\s?([^\W\d_]+\.?|[分분])")


def _reading_time(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """A reading-time chip in any wording: a short line with a number of minutes ("Bu makaleyi okumak
    için 83 Dakika", "5 мин", "阅读 3 分钟") and no sentence end; "5 min ago" is a timestamp and stays."""
    if len(blocks[i]) > 80:
        return None
    s = blocks[i].strip()
    if not s or len(s) > 60 or words_of(s) > 7 or ends_sentence(s):
        return None
    counts = list(_NUMBER_UNIT.finditer(s))  # more than one: hours and minutes ("1h 45min"), a recipe's time
    hits = [m for m in counts if m.group(2).casefold() in MINUTE_UNITS]
    words = {w.casefold().strip(".,:") for w in re.findall(r"\w+", s)}
    if len(counts) != 1 or not hits or len(_DIGIT.findall(s)) > 3 or words & AGO_WORDS or s.endswith(("前", "전")):
        return None
    # the count closes the line ("… için 83 Dakika") or opens it with at most two words after ("5 min read")
    if s[hits[0].end() :].strip(" .") and (hits[0].start() > 2 or words_of(s[hits[0].end() :]) > 2):
        return None
    near = range(max(0, i - 3), min(len(blocks), i + 4))
    if any(k != i and len(blocks[k]) <= 120 and _minutes(blocks[k]) for k in near):
        return None  # several durations together are a recipe's or a schedule's, not the page's chip
    return 90.0, f"reading time: {hits[0].group(0)!r} on a short line"


def _minutes(line: str) -> bool:
    return any(m.group(2).casefold() in MINUTE_UNITS for m in _NUMBER_UNIT.finditer(line))


def _counter(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """A bare view/comment counter ("22") alone under the title or a date line, among the page's first lines."""
    s = blocks[i].strip() if len(blocks[i]) <= 16 else ""
    if not _BARE_NUMBER.match(s) or YEAR.match(s) or not 0 < i < len(blocks) - 1 or numbered_step(blocks, i):
        return None  # a year is a date; a step's number is the list's; on the first line, the page's title ("23")
    before, after = blocks[i - 1].strip(), blocks[i + 1].strip()
    if _BARE_NUMBER.match(before) or _BARE_NUMBER.match(after) or _LABEL_COLON.search(before) and not dated(before):
        return None  # a column of figures is a table; under a label ("Views:" / "22", "Jump to: …") a value
    # under the title or a date, over the body, a meta line or a credit; under a short label ("Servings" / "8"), over a
    # heading ("1" / "The Boy Who Lived") or a unit ("8" / "servings") a record's value or a number (stop 23's review)
    if words_of(before) < 4 and not dated(before) or after[:1].islower():
        return None
    if not (_prose(after) or len(after) >= 60 or _DIGIT.search(after) or ":" in after[:24]):
        return None
    if s.isdigit() and any(b.strip() in (str(int(s) + 1), str(int(s) - 1)) for b in blocks[i + 2 : i + _RANK_REACH]):
        return None  # a ranking's first place ("1" / "242ポイント" / the entry, "2" further down) or a countdown's
    return 80.0, "counter: a bare number under the title or the date, over the page's text"


_BARE_NUMBER = re.compile(r"^\d{1,6}(?:[.,]\d)?[KkMm]?$")
_RANK_REACH = 40  # lines a ranking's entry may take before the next place's number
_LABEL_COLON = re.compile(r"(?<!\d)[:：]|[:：](?!\d)")  # a label's colon, not a time's ("08:50")


def _lone_label(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """A label line with no list under it: of the next three lines, fewer than two are bulleted or
    numbered entries. A table-of-contents label over its entries is the article's own contents (dev
    cases 113 and 120 keep "Indice" / "Mục lục" with their entries); alone, it is a collapsed widget's
    toggle (fresh f3-08 "Daftar Isi", f4-07 "Table of Contents" above the first heading)."""
    following = blocks[i + 1 : i + 4]
    if sum(bulleted(b) or bool(NUMBERED_ENTRY.match(b)) for b in following) >= 2:
        return None
    return 90.0, "a label with no list under it"


SHAPES: dict[str, Callable[[Sequence[str], int, int], Evidence | None]] = {
    "menu": _menu,
    "breadcrumb": _breadcrumb,
    "ticker": _ticker,
    "crosslink": _crosslink,
    "contact": _contact,
    "banner": _banner,
    "switcher": _switcher,
    "edge-bar": _edge_run,
    "date-widget": _date_widget,
    "glued-breadcrumb": _glued_breadcrumb,
    "tail-marker": _tail_marker,
    "reading-time": _reading_time,
    "counter": _counter,
    "bare-count": bare_count,
    "zero-count": zero_count,
    "site-name": lambda blocks, i, _: None,  # needs the page's host: match_shape calls site_name itself
    "url-section": lambda blocks, i, _: None,  # needs the page's URL: match_shape calls url_section itself
    "lone-label": _lone_label,
    "tail-stories": tail_stories,
    "tail-cards": tail_cards,
    "section-label": section_label,
    "date-header": date_header,
    **EDGE_SHAPES,
    **META_SHAPES,
    **CTA_SHAPES,
    **CONTENTS_SHAPES,
}
# The parameter of a shape that takes one (a run's least length, a window); 0 for the others.
DEFAULT_PARAM = dict.fromkeys(SHAPES, 0) | {
    "menu": 5, "breadcrumb": 3, "ticker": 4, "crosslink": 6, "banner": 12, "switcher": 3, "edge-bar": 8,
    "tail-stories": 3,
}  # fmt: skip


def _may_contact(line: str) -> bool:
    s = line.lower()
    return "@" in s or "//" in s or "www." in s or "protected]" in s


# A test per block that every block a shape matches passes (its first precondition, on the block alone)
_CANDIDATE: dict[str, Callable[[str], bool]] = {
    "menu": lambda line: _menu_item(line) or "•" in line or "|" in line or "·" in line,
    "crosslink": lambda line: len(line) <= 200 and (_label(line) or _headline(line)),
    "ticker": lambda line: (
        (_value_chip(line) or _name_chip(line)) if len(line) <= 60 else bool(_HAS_VALUE_SIGN.search(line))
    ),
    "contact": _may_contact,
    "switcher": lambda line: len(line) <= 200 and (_switcher_line(line) or _languages_on_line(line) > 0),
    "edge-bar": lambda line: len(line) <= 40 and _edge_cell(line),
    "glued-breadcrumb": lambda line: 24 <= len(line) <= 600,
    "reading-time": lambda line: len(line) <= 80 and bool(_DIGIT.search(line)),
    "counter": lambda line: len(line) <= 16 and bool(_BARE_NUMBER.match(line.strip())),
    "bare-count": may_count,
    "url-section": lambda line: len(line) <= 48,
    "zero-count": may_be_zero,
    "tail-marker": lambda line: "…" in line[-140:] or ".." in line[-140:],  # the cut mark, first of all
    **EDGE_CANDIDATES,
    **META_CANDIDATES,
    **CTA_CANDIDATES,
}
# Shapes whose precondition is one of the page (a run of lines that ends it, its first line), found once a page.
_PAGE_CANDIDATES: dict[str, Callable[[Sequence[str], Sequence[int]], Sequence[int]]] = {
    "site-name": lambda blocks, indices: [i for i in indices if i < 3 or i >= len(blocks) - 2],
    "banner": lambda blocks, indices: indices if blocks and _emoji_led(blocks[0]) else [],  # (as _banner asks)
    **TAIL_PAGE_CANDIDATES, **EDGE_PAGE_CANDIDATES, **CONTENTS_PAGE_CANDIDATES,
}


def shape_candidates(name: str, blocks: Sequence[str], indices: Sequence[int]) -> Sequence[int]:
    """The blocks among ``indices`` that may hold shape ``name`` (all of them for most shapes)."""
    if name in _PAGE_CANDIDATES:
        return _PAGE_CANDIDATES[name](blocks, indices)
    test = _CANDIDATE.get(name)
    return indices if test is None else [i for i in indices if test(blocks[i])]


def match_shape(
    name: str, blocks: Sequence[str], i: int, param: int | None = None, *, host: str | None = None,
    url: str | None = None,
) -> Evidence | None:
    """``(score, why)`` when block ``i`` of ``blocks`` has shape ``name``, else None (``host``, ``url``: the page's)."""
    if name == "site-name":
        return site_name(blocks, i, host)
    if name == "url-section":
        return url_section(blocks, i, url)
    return SHAPES[name](blocks, i, DEFAULT_PARAM[name] if param is None else param)
