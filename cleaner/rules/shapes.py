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

Every function takes the document's block texts and an index and returns ``(score, why)`` or None; the
score (0–100) grows with the evidence (how many items, how much of the line is URLs …). They are pure
and cheap: a block is rejected on its length before any neighbour is looked at.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Sequence
from functools import lru_cache

__all__ = ["SHAPES", "match_shape"]

Evidence = tuple[float, str]

_BULLET = re.compile(r"^[\s•·\-–—*▪►▶■●◦○‣⁃→»›✓✔☞※]+")
_SENTENCE_END = re.compile(r"[.!?。！？;؛۔।]['\"”’»)\]]*$")
_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+\.[\w.]+\b|\[email[^\]]*protected\]", re.IGNORECASE)
_SEPARATORS = ("›", "»", ">", "→", "|", "/", "\\", "·")
_VALUE = re.compile(
    r"[+\-−]?\s?[$€£¥₩₹]?\s?\d[\d\s,.]*(?:\s?(?:%|°\s?[CF]|[$€£¥₩₹]|[kKmMbB]\b|万|億|亿|美元))?"
    r"|\b\d{1,2}[-/.:]\d{1,2}(?:[-/.:]\d{2,4})?\b"
)
_TICKER = re.compile(r"\(?\b[A-Z]{2,6}\b\)?(?:-USD|/USDT?)?")
_HAS_VALUE_SIGN = re.compile(r"%|°\s?[CF]|[$€£¥₩₹]|万美元|美元")
_ARTICLE_LINE = re.compile(r"\d|[:：]")
_CJK = re.compile("[\u3040-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_DIGIT = re.compile(r"\d")
_LABEL_END = ("：", ":", "..", "…", "»", "›", ">")


def _strip(line: str) -> str:
    return line.strip()


def _unbulleted(line: str) -> str:
    return _BULLET.sub("", line.strip())


def _cjk_share(s: str) -> float:
    if not s or s.isascii():
        return 0.0
    return len(_CJK.findall(s)) / len(s)


def _words(s: str) -> int:
    """Words of ``s``; in unspaced scripts (CJK, kana, hangul runs) every 4 characters count as one."""
    n = len(s.split())
    share = _cjk_share(s)
    if share > 0.3:
        return max(n, round(len(s) * share / 4))
    return n


@lru_cache(maxsize=8192)
def _short_item(line: str, max_words: int = 4, max_chars: int = 32) -> bool:
    s = _unbulleted(line)
    return 0 < len(s) <= max_chars and _words(s) <= max_words and not _SENTENCE_END.search(s) and not s.endswith(":")


def _bulleted(line: str) -> bool:
    s = line.lstrip()
    return bool(s) and s[0] in "•·-–—*▪►▶■●◦○‣⁃" and len(s) > 1


def _is_emoji(c: str) -> bool:
    return unicodedata.category(c) == "So" and ord(c) >= 0x2190


def _run(blocks: Sequence[str], i: int, pred: Callable[[str], bool], limit: int = 60) -> tuple[int, int]:
    """Bounds [a, b) of the run of consecutive blocks around ``i`` for which ``pred`` holds."""
    a = i
    while a > 0 and i - a < limit and pred(blocks[a - 1]):
        a -= 1
    b = i + 1
    while b < len(blocks) and b - i < limit and pred(blocks[b]):
        b += 1
    return a, b


# ------------------------------------------------------------------------------------------- menu
def _menu(blocks: Sequence[str], i: int, min_items: int) -> Evidence | None:
    line = blocks[i]
    if len(line) > 240:
        return None
    horizontal = _horizontal_menu(line, min_items)
    if horizontal:
        return horizontal
    if not _menu_item(line):
        return None
    a, b = _run(blocks, i, _menu_item)
    n = b - a
    bullets = sum(_bulleted(blocks[k]) for k in range(a, b))
    at_edge = a == 0 or b == len(blocks)
    # Unbulleted short lines at an edge are a menu only when none looks like a byline, a date or a
    # numbered heading ("作者:…", "2024/10/30", "1. …"): those open an article.
    plain = at_edge and n >= min_items + 1 and not any(_ARTICLE_LINE.search(blocks[k]) for k in range(a, b))
    if n >= min_items and (2 * bullets >= n or plain):
        where = "at the page's edge" if at_edge else "inside the page"
        return min(100.0, 50.0 + 5 * n), f"menu: a run of {n} short items ({bullets} bulleted) {where}"
    return None


def _menu_item(line: str) -> bool:
    """A menu entry: up to three words, or four behind a bullet ("• Tin tức theo CoinPedia")."""
    return _short_item(line, 4, 36) if _bulleted(line) else _short_item(line, 3, 30)


def _horizontal_menu(line: str, min_items: int) -> Evidence | None:
    for sep in ("•", "|", "·"):
        if line.count(sep) >= min_items - 2:
            items = [p.strip() for p in line.split(sep)]
            items = [p for p in items if p]
            if len(items) >= min_items - 1 and all(_short_item(p, 3, 30) for p in items):
                return min(100.0, 50.0 + 5 * len(items)), f"menu: {len(items)} short items joined by {sep!r}"
    return None


# ------------------------------------------------------------------------------------- breadcrumb
def _crumb(line: str) -> bool:
    """One item of a breadcrumb written one a line ("Home", "/ Research"): short, no date, no colon."""
    s = line.strip().lstrip("/›»>|→ ")
    return _short_item(s, 3, 30) and not _ARTICLE_LINE.search(s)


def _vertical_breadcrumb(blocks: Sequence[str], i: int) -> Evidence | None:
    """Short lines at the head of the page directly above a title that the page repeats."""
    if i >= 8 or not _crumb(blocks[i]):
        return None
    a, b = _run(blocks, i, _crumb, limit=6)
    if b - a < 2 or b >= len(blocks):
        return None
    title = blocks[b].strip()
    if len(title) < 12 or _crumb(title):
        return None
    if any(blocks[k].strip() == title for k in range(min(len(blocks), b + 6)) if k != b):
        return 90.0, f"breadcrumb: {b - a} short lines at the head above the repeated title"
    return None


def _breadcrumb(blocks: Sequence[str], i: int, min_items: int) -> Evidence | None:
    line = blocks[i].strip()
    if len(line) < 40:
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
        if not min_items <= len(items) <= 6 or any(not p for p in items[:-1]):
            continue
        head = items[:-1]
        if any(_ARTICLE_LINE.search(p) for p in head):
            continue  # "Date:November 2, 2012 | Category:…", "Monday, 11.05.2012 / 12:34 AM": a dateline
        if all(_short_item(p, 4, 32) for p in head) and _words(items[-1]) <= 20:
            last = items[-1]
            repeats = any(last and last in blocks[k] for k in range(i + 1, min(len(blocks), i + 4)))
            why = f"breadcrumb: {len(items)} items joined by {sep!r}" + (", its last one the title" if repeats else "")
            return (100.0 if repeats else 80.0), why
    return None


# ----------------------------------------------------------------------------------------- ticker
@lru_cache(maxsize=8192)
def _value_chip(line: str) -> bool:
    s = line.strip()
    if not s or len(s) > 60 or not _DIGIT.search(s):
        return False
    rest = _TICKER.sub(" ", _VALUE.sub(" ", s))
    return len(rest.split()) <= 1 and len(rest.strip()) <= 12


def _name_chip(line: str) -> bool:
    return _short_item(line, 3, 28)


def _ticker(blocks: Sequence[str], i: int, min_items: int) -> Evidence | None:
    line = blocks[i]
    if len(line) > 60:
        return None
    chip = _value_chip(line)
    if not chip and not _name_chip(line):
        return None
    if chip and _HAS_VALUE_SIGN.search(line) and re.search(r"[A-Z]{2,6}\s?[+\-−]\s?\d", line):
        return 100.0, "ticker: a symbol with a signed change"
    a, b = _run(blocks, i, lambda s: _value_chip(s) or _name_chip(s))
    chips = [k for k in range(a, b) if _value_chip(blocks[k])]
    signed = sum(bool(_HAS_VALUE_SIGN.search(blocks[k])) for k in chips)
    n = b - a
    # a table of figures in an article has the same cells: a widget sits at the page's edge or names
    # its assets by their symbols ("Bitcoin (BTC)")
    symbols = any(re.search(r"\b[A-Z]{2,6}\b", blocks[k]) for k in range(a, b))
    placed = a == 0 or b == len(blocks) or symbols
    if placed and len(chips) >= max(2, min_items // 2) and 3 * len(chips) >= n and n >= min_items and signed >= 2:
        return min(100.0, 50.0 + 5 * len(chips)), f"ticker: {len(chips)} price/value chips in a run of {n} short lines"
    return None


# -------------------------------------------------------------------------------------- crosslink
def _label(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 32 and not _bulleted(s) and _words(s) <= 3 and s.endswith(_LABEL_END) and not _URL.search(s)


@lru_cache(maxsize=8192)
def _headline(line: str) -> bool:
    s = _unbulleted(line)
    if not s or len(s) > 180 or s.endswith(_LABEL_END):
        return False
    if s.count("|") >= 1 and all(_short_item(p, 5, 40) for p in s.split("|") if p.strip()):
        return True  # "Cara Beli TRX | Cara Beli SOL |"
    first = s[0]
    if not first.isalpha() or first.islower() or ":" in s or "：" in s:
        return False  # a headline opens with a capital (or an uncased letter) and has no "label:" inside
    w = _words(s)
    return 4 <= w <= 25 and not _SENTENCE_END.search(s) and not _URL.search(s)


def _prose(line: str) -> bool:
    s = line.strip()
    return _words(s) >= 12 or bool(_SENTENCE_END.search(s)) and _words(s) >= 6


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
    rest = _URL.sub(" ", s)
    share = 1 - len(rest.strip()) / len(s)
    bullet = (_is_emoji(s[0]) or s[0] in "▶▣►■●※☞→") and any(c.isalpha() for c in rest)
    placeholder = "protected]" in s.lower()
    if placeholder and _words(rest) <= 3:
        return 100.0, "contact: an e-mail placeholder line"
    if bullet and _words(rest) <= 8:
        return round(60 + 40 * share, 1), f"contact: a symbol-led line, {share:.0%} of it URLs or e-mail"
    if len(urls) >= 2 and share >= 0.5:
        return round(60 + 40 * share, 1), f"contact: {len(urls)} URLs or e-mails make {share:.0%} of the line"
    return None


# ----------------------------------------------------------------------------------------- banner
def _emoji_led(line: str) -> bool:
    s = line.strip()
    return bool(s) and _is_emoji(s[0])


def _banner(blocks: Sequence[str], i: int, window: int) -> Evidence | None:
    if not blocks or not _emoji_led(blocks[0]) or i >= window:
        return None
    heads = [k for k in range(min(window, len(blocks))) if _emoji_led(blocks[k])]
    if len(heads) < 3:
        return None
    # after the last section head, its lines: short of a title or a paragraph
    end = heads[-1] + 1
    while end < len(blocks) and end - heads[-1] <= 6:
        s = blocks[end].strip()
        if _words(s) > 40 or s.endswith(("?", "？")) or (_words(s) < 12 and not s.endswith(_LABEL_END) and ">" in s):
            break
        end += 1
    if i < end:
        why = f"banner: {len(heads)} emoji-led lines open the post (line {i + 1} of {end})"
        return min(100.0, 40.0 + 10 * len(heads)), why
    return None


SHAPES: dict[str, Callable[[Sequence[str], int, int], Evidence | None]] = {
    "menu": _menu,
    "breadcrumb": _breadcrumb,
    "ticker": _ticker,
    "crosslink": _crosslink,
    "contact": _contact,
    "banner": _banner,
}
DEFAULT_PARAM = {"menu": 5, "breadcrumb": 3, "ticker": 4, "crosslink": 6, "contact": 0, "banner": 12}


def match_shape(name: str, blocks: Sequence[str], i: int, param: int | None = None) -> Evidence | None:
    """``(score, why)`` when block ``i`` of ``blocks`` has shape ``name``, else None."""
    return SHAPES[name](blocks, i, DEFAULT_PARAM[name] if param is None else param)
