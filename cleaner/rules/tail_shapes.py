"""Tail shapes: page furniture after the article's last paragraph, told apart by shape and position.

- ``tail-stories`` (B5): an unlabelled "other stories" widget at the page's tail — after the article's
  last prose paragraph, nothing but headline-shaped lines (a capital first, 5–25 words, no closing full
  stop) or cut teasers ("… у якому…", "…Читати далі") until the end, optionally led by a short label
  ("el més vist"), sharing few words with the article above. Round 4–5 pages in ca, uk, sr, tl … end so.

The guards say what the shape is not: a list the article introduces (the prose above ends with ':'), a
subhead (followed by prose: the run must reach the end), the article cut off (the run needs three story
lines, and a line that shares most of its words with the article is the article's). Kept apart from
:mod:`cleaner.rules.shapes` (which imports this module) so that neither passes 800 lines.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Sequence
from functools import lru_cache

from cleaner.rules.edge_shapes import label_cue, label_shaped
from cleaner.rules.head_shapes import date_segment
from cleaner.rules.line_shapes import per_page
from cleaner.rules.shape_vocab import BULLET, LINK_MARK, NUMBERED_ENTRY, ends_sentence

__all__ = ["TAIL_PAGE_CANDIDATES", "tail_cards", "tail_stories"]

Evidence = tuple[float, str]

# a sentence break inside a line: a stop after a word of three letters or more ("св. Андрій" is an abbreviation)
_BREAK_AFTER_WORD = re.compile(r"[^\W\d_]{3}[.!?。！？]\s+\S")
_CUT = re.compile(r"(?:…|\.\.\.)\s*\S{0,20}$")  # a teaser cut off, perhaps with its "read on" glued
_WORD = re.compile(r"[^\W\d_]{4,}")
_CREDIT = re.compile(r"\s*\([^()]*\)$")  # a photo caption's "(Name/Agency)" after its full stop
_MIN_MEAN_WORDS = 6  # a widget's headlines are whole titles; "England (Group A): 10th" is the article's table
_MIN_ARTICLE_WORDS = 30
_MAX_SCAN = 40  # the widget sits in the page's last lines: a block further up is never scanned down


def _asks(line: str) -> bool:
    """The line closes on a question or an exclamation mark (before a closing quote or bracket)."""
    return line.rstrip(" '\"”’»)]").endswith(("?", "!", "？", "！"))


@lru_cache(maxsize=4096)
def _story(line: str) -> str | None:
    """``"headline"`` or ``"teaser"`` for a line of a stories widget, ``"label"`` for a short label.

    Memoised: :func:`tail_stories` reads the kind of every line below each candidate of the page's
    last lines (up to 40 × 40 reads a page, one line at a time), and the kind depends on the line alone."""
    s = BULLET.sub("", line.strip())
    if not s or len(s) > 240 or LINK_MARK.search(s):
        return None
    n = len(s.split())
    if _CUT.search(s) and 6 <= n <= 45 and s[0].isalpha() and not s[0].islower():
        return "teaser"  # a capital, or a letter of a script without case; not a quotation cut short („…“)
    if s.endswith((":", "：")):
        return None
    if n <= 3 and len(s) <= 30 and not ends_sentence(s):
        return "label"
    first = s[0]
    # a headline opens on a capital; in a script without case only a cut teaser (above) shows a widget: its
    # whole lines are a lyric's, a list's or a FAQ's as often (stop 18's review: hi, ko, ar, fa, he, th)
    capital = first.isupper() or first in "\"“«„'"
    closed = ends_sentence(s) or ends_sentence(_CREDIT.sub("", s))
    if closed and _asks(s) and not _BREAK_AFTER_WORD.search(s):
        closed = False  # one question is a headline ("Чи жив св. Андрій в Україні, …?", fresh f28-09)
    return "headline" if capital and 5 <= n <= 25 and len(s) <= 180 and not closed else None


def _prose(line: str) -> bool:
    s = line.strip()
    return len(s.split()) >= 8 and ends_sentence(s)


def _signature(line: str) -> bool:
    """The author's name closing the article ("Екатерина ГОРШКОВА"): two or three capitalised words that
    are no widget word. It stays, and the run of stories starts under it (f6-31)."""
    words = line.strip().split()
    return 2 <= len(words) <= 3 and all(w[0].isupper() and w.isalpha() for w in words) and not label_cue(line)


def _words(s: str) -> set[str]:
    return {w.casefold() for w in _WORD.findall(s)}


def _above(blocks: Sequence[str], a: int) -> tuple[int, set[str]]:
    """The word count and the word set of the lines above ``a``, the same for every line of the run
    starting at ``a``, which is judged once per line: kept for the page's pass (``per_page``)."""
    memo: dict[int, tuple[int, set[str]]] = per_page("tail-above", blocks, lambda _: {})
    got = memo.get(a)
    if got is None:
        got = memo[a] = (sum(len(b.split()) for b in blocks[:a]), set().union(*(_words(b) for b in blocks[:a])))
    return got


def story_lines(blocks: Sequence[str], indices: Sequence[int]) -> list[int]:
    """The lines among ``indices`` that :func:`tail_stories` may take: those in the run of story lines that
    ends the page (it asks every line from its own down to the end to be one), found once from the end
    instead of once for each line of the page's tail."""
    top = len(blocks)
    while top > 0 and _story(blocks[top - 1]) is not None:
        top -= 1
    return [i for i in indices if i >= top]


def tail_stories(blocks: Sequence[str], i: int, min_items: int) -> Evidence | None:
    """Block ``i`` is in the run of story lines that ends the page, under the article's last paragraph."""
    n = len(blocks)
    if n - i > _MAX_SCAN or _story(blocks[i]) is None or _signature(blocks[i]):
        return None
    kinds = [_story(b) for b in blocks[i:]]
    if None in kinds:
        return None  # prose, or something else, follows: a subhead or the article's own list
    a = i
    while a > 0 and i - a < _MAX_SCAN and _story(blocks[a - 1]) is not None and not _signature(blocks[a - 1]):
        a -= 1
    kinds = [_story(b) for b in blocks[a:]]
    items = sum(k != "label" for k in kinds)
    if items < min_items or kinds[-1] == "label" and items < min_items + 1:
        return None
    lines = [b for b, k in zip(blocks[a:], kinds, strict=True) if k != "label"]
    if sum(len(b.split()) for b in lines) < _MIN_MEAN_WORDS * len(lines):
        return None  # short entries: a table or list of the article's ("England (Group A): 10th appearance")
    if all(map(_asks, lines)):
        return None  # questions only: the article's closing questions, an FAQ, a lyric (stop 18's review 18c)
    last = a - 1 if a == 0 or not _signature(blocks[a - 1]) else a - 2
    if last < 0 or not _prose(blocks[last]):
        return None  # no article paragraph above the run (a page of headlines, or a list it introduces)
    words_above, article = _above(blocks, a)
    if words_above < _MIN_ARTICLE_WORDS:
        return None  # a short page (a team page: names and job titles under a quote) has no widget
    shared = [len(w & article) / len(w) for w in map(_words, lines) if w]
    if not shared or sum(shared) / len(shared) >= 0.5:
        return None  # the lines repeat the article's words: its own summary or list
    own = _words(blocks[i])
    if kinds[i - a] != "label" and own and len(own & article) / len(own) >= 0.75:
        return None  # this line repeats the article (its last sentence cut off, a quote of its title)
    share = sum(shared) / len(shared)
    return 85.0, f"{items} headline/teaser line(s) end the page under its last paragraph ({share:.0%} words shared)"


# ------------------------------------------------------------------------------------ tail cards
_INNER_STOP = re.compile(r"[.!?。！？]\s+\S")  # a sentence break inside the line
_FIELD = re.compile(r"^[^\W\d_][\w'’-]*\s?[:：]\s")
_MEASURE = re.compile(r"\d\s*%")
_RANK = re.compile(r"^\d{1,2}\.?$")
# A card's metadata line: a count or a duration with its unit or its label ("Odsłon: 602", "60 min", "1.2K
# views", "12 comments"; fresh f24-12's recipe cards): a card's line, but no companion (see _cards_after)
_CARD_META = re.compile(r"^(?:[^\W\d_][\w'’-]{0,15}\s?[:：]\s?)?\d[\d.,]*\s?[KkMm万]?(?:\s?[^\W\d_]{1,10}\.?)?$")
_MAX_LABELS = 3
_MAX_TEASER_WORDS = 60
_MIN_COMPANIONS = 2  # teasers, date stamps or ranks (and one for every two headlines): what makes cards
_MIN_CARDS = 2  # headlines of four words or more under the label


@lru_cache(maxsize=4096)
def _card_line(line: str) -> str | None:
    """The part a line plays in a card of a stories widget: ``"H"`` a headline (no sentence end, at most
    25 words), ``"T"`` a teaser (one paragraph of at most 60 words), ``"S"`` a date stamp, ``"M"`` a count with its
    unit or label (``_CARD_META``), ``"R"`` a rank
    number; None for anything else (a longer paragraph, a link, a list entry)."""
    s = BULLET.sub("", line.strip())
    if not s or len(s) > 420 or LINK_MARK.search(s):
        return None
    if _RANK.match(s):
        return "R"
    if date_segment(s):
        return "S"  # before the entry test: "07. 04. 2021. u 16:09" opens like "07. …"
    if len(s) <= 24 and _CARD_META.match(s):
        return "M"
    n = len(s.split())
    if n > _MAX_TEASER_WORDS or NUMBERED_ENTRY.match(s) or _FIELD.match(s) or _MEASURE.search(s):
        return None  # a list entry, a field ("Role: Meskada"), a poll figure ("30 15%")
    if s.endswith((":", "：")):
        return None  # a line introducing what follows: the article's own list
    closed = ends_sentence(s) or bool(_CUT.search(s))
    if closed and _asks(s) and not _INNER_STOP.search(s):
        closed = False  # one question or exclamation is a headline ("Månadens fråga: … vad lockar mest?")
    if not closed and n <= 25 and len(s) <= 180 and _opens_headline(s[0]):
        return "H"
    return "T" if n >= 6 else None


def _opens_headline(first: str) -> bool:
    """A headline's first character: a capital or a letter of a script without case, or a quote. Not a
    digit: a line opening on a number is an ingredient or an address as often as a headline."""
    return first.isalpha() and not first.islower() or first in "\"“”«»„'‘’「『"


def _card_label(line: str) -> bool:
    """A widget's label over its cards: a short label-shaped line; a closing "…" is allowed
    ("Možda ste propustili...")."""
    s = line.strip()
    s = s[:-3] if s.endswith("...") else s.rstrip("…")
    # (label_shaped takes no line over 80 characters: a paragraph is not split into words first)
    return bool(s) and len(s) <= 80 and len(s.split()) <= 5 and not s.endswith((":", "：")) and label_shaped(s)


def card_candidate(line: str) -> bool:
    """A line that may be in a widget of cards (its label or a card's line): the shape runs on these only."""
    return _card_line(line) is not None or _card_label(line)


def card_lines(blocks: Sequence[str], indices: Sequence[int]) -> list[int]:
    """The lines among ``indices`` that :func:`tail_cards` takes (the card candidates of the widget that
    ends the page, from its label down): the widget is judged once for the page, and a page without one
    (most) leaves no line to look at, instead of every line of its tail asking."""
    n = len(blocks)
    tail = [i for i in indices if n - i <= _MAX_SCAN]
    widget = _card_widget(blocks) if tail else None
    if widget is None:
        return []
    return [i for i in tail if i >= widget[0] and card_candidate(blocks[i])]


def _cards_from(blocks: Sequence[str], start: int) -> tuple[int, int] | None:
    """The label lines and the headline count of a widget of cards from ``start`` to the page's end, or None."""
    n = len(blocks)
    k = start
    while k < n and k - start < _MAX_LABELS and _card_label(blocks[k]):
        k += 1
    # the label lines end where the first card's headline begins: a headline is label-shaped too ("Dania
    # główne Gołąbki tradycyjne" under "Ostatnio komentowane przepisy", fresh f24-12), so fewer are tried
    # when the lines after the longest run of them do not open on one
    for end in range(k, start, -1):
        got = _cards_after(blocks, start, end)
        if got is not None:
            return got
    return None


def _cards_after(blocks: Sequence[str], start: int, k: int) -> tuple[int, int] | None:
    """:func:`_cards_from` with the label lines ``start`` to ``k``."""
    labels = k - start
    kinds = [_card_line(b) for b in blocks[k:]]
    if not kinds or None in kinds:
        return None
    first = next((x for x in kinds if x != "R"), None)
    if first != "H":
        return None  # a card opens on its headline
    previous = ""
    for kind in kinds:
        if kind == "T" and previous not in ("H", "S"):
            return None  # two paragraphs in a row, or a paragraph under a rank: the article's text
        previous = kind
    headlines = [b for b, x in zip(blocks[k:], kinds, strict=True) if x == "H" and len(b.split()) >= 4]
    single = _one_cut_card(blocks[k:], kinds)
    if not single and sum(x not in "HM" for x in kinds) < max(_MIN_COMPANIONS, len(headlines) / 2):
        return None  # headlines alone, or with a note or two, are a list (the article's features under
        # their subheads, a recipe round-up): an unlabelled run of headlines is tail-stories' case. A count
        # is a card's line but no companion: names over their lengths or years ("Dolina Kościeliska to Hala
        # Ornak" / "12 km", "… Winter" / "2023") are the article's list (stop 17's review)
    if not any(label_cue(b) for b in blocks[start:k]):
        return None  # a label with no widget word may head the article's own FAQ, dates, timeline or poem
    if len(headlines) < _MIN_CARDS and not single:
        return None
    return labels, len(headlines)


def _one_cut_card(lines: Sequence[str], kinds: list[str | None]) -> bool:
    """One card alone under its label: a headline and a teaser cut off with an ellipsis, which only a widget
    prints ("Najnovije vesti" / "POSLE DEBIJA …: Vanja Dragojević otkrio …" / "Nedavno je … Dragojević...",
    fresh f32-08); a headline over a whole paragraph is the article's last section."""
    return kinds == ["H", "T"] and len(lines[0].split()) >= 4 and bool(_CUT.search(lines[1].rstrip()))


_MEMO = threading.local()


def _card_widget(blocks: Sequence[str]) -> tuple[int, int, int] | None:
    """The widget of cards that ends the page: (first line, label lines, headlines), or None. Judged once
    a page (every line of the tail asks): the lowest label under a prose paragraph from which cards alone
    run to the end. The lowest, so that the run never climbs through the widget's label into the article's
    last subhead and its paragraph (what stop 13's review found of a wider try)."""
    key = (id(blocks), len(blocks), tuple(blocks[-_MAX_SCAN:]))  # content too: a list edited in place
    memo = getattr(_MEMO, "cards", None)
    if memo is not None and memo[0] == key:
        return memo[1]
    found = None
    n = len(blocks)
    # The cards run to the page's end, and a widget's label lines (three at most) stand right above
    # them: no label starts above the run of card lines that ends the page, less three. Judged from the
    # end, line by line (each line's part is memoised), it leaves most pages few labels to try, or none.
    lowest = max(1, n - _MAX_SCAN)
    top = n
    while top > lowest and _card_line(blocks[top - 1]) is not None:
        top -= 1
    for start in range(n - 2, max(lowest, top - _MAX_LABELS) - 1, -1):
        # (the label first: a short line, a test far cheaper and rarer than the prose above it)
        if not _card_label(blocks[start]):
            continue
        if not _prose(blocks[start - 1]) and not _signature(blocks[start - 1]):
            continue
        got = _cards_from(blocks, start)
        if got is None:
            continue
        # the lowest label heading enough cards decides, once: the article is everything above it
        words_above, article = _above(blocks, start)
        cards = [w for b in blocks[start + got[0]:] if (w := _words(b))]
        shared = [len(w & article) / len(w) for w in cards]
        if words_above >= _MIN_ARTICLE_WORDS and shared and sum(shared) / len(shared) < 0.4:
            found = (start, *got)  # (otherwise the cards repeat the article's words: its own summary)
        break
    _MEMO.cards = (key, found)
    return found


def tail_cards(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is in a labelled widget of story cards that ends the page: under the article's last
    paragraph, a short label ("Preporučujemo", "Aktuellt", "Related Posts") and then nothing but cards,
    each a headline with at most one teaser paragraph, a date stamp or a rank number, two cards or more
    sharing few words with the article. The label must hold a widget word (``label_cue``): a bare label
    ("FAQs", "Tour dates", "Timeline") heads the article's own questions, dates or steps as often."""
    if len(blocks) - i > _MAX_SCAN:
        return None
    widget = _card_widget(blocks)
    if widget is None or i < widget[0]:
        return None
    start, labels, headlines = widget
    return 80.0, f"a labelled widget of {headlines} story card(s) ends the page ({blocks[start].strip()!r})"


# shapes whose precondition is one of the page (see cleaner.rules.shapes._PAGE_CANDIDATES)
TAIL_PAGE_CANDIDATES = {"tail-stories": story_lines, "tail-cards": card_lines}
