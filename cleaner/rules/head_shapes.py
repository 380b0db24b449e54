"""Head shapes: page furniture above the article's title, told apart by shape and position.

- ``section-label`` (B2, POLICY A.2 "the site's section headers"): one to three lines of one or two
  words each ("Nogomet", "Sukan", "BITCOIN", "NTB utenriks") as the page's first lines, directly above a
  headline-shaped title (four words or more, no closing full stop) that is itself followed by more text.
  When the line names a newsroom section (a closed class of words in ~60 languages, ``SECTION_STEMS`` in
  cleaner.rules.shape_vocab: "Cidades", "Bedrijfsnieuws", "Hírek"), the title may be three words and its
  lede may come past a byline, a dateline or a counter ("Publicado / em", "Martine Smeets") or be a dek
  without a full stop: a label and a short title look alike, a section's name does not look like a title.

- ``date-header`` (B2): the header's date widget as the first line, when it shows itself as one: a
  second calendar on the line ("সোমবার, ০১ সেপ্টেম্বর ২০২৫ ।। ১৬ ভাদ্র ১৪৩২ ।।"), a name-day set off by
  marks ("// 2026. február 27., péntek // Ákos, Bátor"), or a weather chip under it ("25.8 C", "Bangkok");
  and the weather chip as the first line ("Երևան` +13 °C"), with the date under it. Digits of any script
  count. A bare date over the title is the article's dateline and stays (D1).

The section label's guards keep what it is not: a short title over its text (the line under the label
must be headline-shaped, not prose, and a sentence of eight words or more must follow it: a subhead over
list items stays), a title over its byline or dateline, a label line ending in ':' (the article's own
list head), numbers and dates, and a label that is a word of the title (a kicker naming the subject).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.rules.shape_vocab import (
    MONTHS,
    SECTION_COMPOUND_HEADS,
    SECTION_INFIXES,
    SECTION_STEMS,
    SENTENCE_END,
    SPACELESS,
    TODAY_WORDS,
    WEEKDAYS,
    ends_sentence,
)
from cleaner.text.normalize import comparison_form

__all__ = ["date_header", "date_part", "date_segment", "dated", "section_label", "section_word", "widget_value"]

Evidence = tuple[float, str]

_MAX_LABELS = 3
_HEADLINE_END = re.compile(r"[!?！？؟]")
_FIELD_COLON = re.compile(r"[:：](?!\d)")  # a field's colon, not a clock's ("04:05 pm")
_LEDE_WORDS = 8  # the title is followed by its lede (a sentence), not by a byline, a chip or a list item
_BYLINE_WORDS = 6  # a byline or dateline under the title's copy, passed on the way to the lede


def _label(line: str) -> bool:
    s = line.strip().strip("|•·-–— ")
    if not s or len(s) > 32 or any(c.isdigit() for c in s) or s.endswith((":", "：")):
        return False
    return len(s.split()) <= 2 and not ends_sentence(s) and any(c.isalpha() for c in s)


def _title(line: str) -> bool:
    s = line.strip()
    n = len(s.split())
    if "|" in s or " • " in s or sum(c.isdigit() for c in s) >= 0.2 * len(s) or len(_FIELD_COLON.findall(s)) >= 2:
        # a dateline or a meta line ("Tuesday, March 4, 2014 at 9:15AM", "Date:… | Category:…", "Jane
        # Roe • 29 minutes ago"), a list of fields ("Prep time: 15 min Cook time: 45 min Serves: 8" under a
        # recipe's short title)
        return False
    # a headline may close on "!" or "?" ("Dolar fırladı, gram altında tarihi zirve!"), never on a full stop
    end = SENTENCE_END.search(s)
    if end and not _HEADLINE_END.match(end.group()):
        return False
    return 4 <= n <= 30 and len(s) <= 200 and not s.endswith((":", "："))


def _lede(blocks: Sequence[str], k: int) -> str:
    """The first line under the title at ``k`` past a copy of the title (a scraped h1 and og:title) and,
    under that copy, a byline or dateline ("كتبت: سودة هنو", six words at most). Without the copy a short
    line under the title is no lede: "Instagramming Portugal" over its dek and byline is a title."""
    title = comparison_form(blocks[k])
    copied = False
    for line in blocks[k + 1 : k + 5]:
        if comparison_form(line) == title:
            copied = True
        elif not (copied and len(line.split()) <= _BYLINE_WORDS):
            return line.strip()
    return ""


_STEMS = frozenset(SECTION_STEMS)
_INFLECTION = 3  # "sports" over "sport": a stem and a short ending, for stems of _INFLECTED letters or more
_INFLECTED = 6  # "salud" + "os" is a greeting, "sukan" + "ya" a name, "свет" + "а" a name: short stems match whole
_SPACELESS_CHARS = 4  # a section label in a spaceless script is the word alone ("财经", "国际新闻")
_DEK_WORDS = 15  # a dek of this many words is text under the title, full stop or not
_BYLINE_LINES = 3  # bylines, datelines and counters passed between a section's title and its lede


def section_word(line: str, *, exact: bool = False) -> str | None:
    """The newsroom section a short label line names ("Cidades", "Bedrijfsnieuws", "Hírek"), or None.

    The vocabulary is a closed class of section names (:data:`cleaner.rules.shape_vocab.SECTION_STEMS`),
    not one site's wording; a line of more than two words, digits or a sentence end is never a label.
    ``exact``: the words themselves only, no inflection or compound (a tail cue: "Saludos", "Sukanya" and
    "Underworld" sign or close an article)."""
    s = line.strip().strip("|•·-–—»›/ ").casefold()
    if not _label(s):
        return None
    if SPACELESS.search(s):
        if len(s) > _SPACELESS_CHARS or (exact and s not in SECTION_INFIXES):
            return None  # "祝大家身体健康" (a closing wish), "사회부 김민수" (a desk's byline)
        return next((w for w in SECTION_INFIXES if w in s), None)
    if s in _STEMS:
        return s
    # every word names a section ("Economia & Finanza"): a brand before one ("Bitcoin News" over "By
    # DroomDroom Team", f3-17) is the page's title as well as it is a label
    found = [_section_stem(w.strip("&,"), exact) for w in s.split() if w.strip("&,")]
    return found[0] if found and all(found) else None


def _section_stem(w: str, exact: bool) -> str | None:
    if w in _STEMS or exact:
        return w if w in _STEMS else None
    for k in range(len(w) - 1, max(_INFLECTED - 1, len(w) - _INFLECTION - 1), -1):
        if w[:k] in _STEMS:
            return w[:k]
    return next((h for h in SECTION_COMPOUND_HEADS if w.endswith(h) and len(w) > len(h)), None)


def _lede_past_bylines(blocks: Sequence[str], k: int) -> str:
    """The first line of eight words or more under ``k``, past at most three short lines (a byline, a
    dateline, a view counter: "Publicado / em", "Martine Smeets", "Објавено пред") and copies of ``k``."""
    title = comparison_form(blocks[k])
    passed = 0
    for line in blocks[k + 1 : k + 2 + 2 * _BYLINE_LINES]:
        if comparison_form(line) == title:
            continue
        if len(line.split()) >= _LEDE_WORDS:
            return line.strip()
        passed += 1
        if passed > _BYLINE_LINES or len(line.split()) > _BYLINE_WORDS:
            return ""
    return ""


def section_label(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is one of the short section lines that open the page right above its title."""
    if i >= _MAX_LABELS or not all(_label(b) for b in blocks[: i + 1]) or date_part(blocks[i]):
        return None  # ("Monday" over a post's title is its date, POLICY D1)
    k = i + 1
    while k < len(blocks) and k < _MAX_LABELS and _label(blocks[k]):
        k += 1
    if k + 1 >= len(blocks):
        return None
    title = {w.casefold() for w in blocks[k].split()}
    if any(w.casefold() in title for w in blocks[i].split()):
        return None
    lede = _lede(blocks, k)
    if _title(blocks[k]) and len(lede.split()) >= _LEDE_WORDS and ends_sentence(lede):
        return 80.0, f"section label: {k} short line(s) open the page above its title"
    # a short title over its byline is not told from a label over the title by shape ("Bitcoin News / By
    # DroomDroom Team", f3-17; "Winter Walks" over its dek and byline): only a section's name is taken then,
    # above a title of three words or more whose lede follows past a byline or two
    word = section_word(blocks[i])
    if word is None:
        return None
    if len(blocks[k].split()) >= 3 and _title_shaped(blocks[k]):
        lede = _lede_past_bylines(blocks, k)
        if ends_sentence(lede) or len(lede.split()) >= _DEK_WORDS:  # a dek may close without a stop
            return 75.0, f"section label: the section name {word!r} above the title, its lede past the byline"
    return None


def _title_shaped(line: str) -> bool:
    """A headline of three words or more (the title check, with short titles let in)."""
    s = line.strip()
    return _title(s) or (len(s.split()) == 3 and not ends_sentence(s) and not s.endswith((":", "：")))


# ------------------------------------------------------------------------------------ date header
_SEGMENT = re.compile(r"\s*(?://+|।।|\|\|?)\s*")
_DIGITS = re.compile(r"\d+")  # any script's digits: "২০২৫" is 2025
_TEMPERATURE = re.compile(r"^[-+]?\d{1,2}(?:[.,]\d)?\s*(?:°\s*[CF]?|[CF])$")  # "25.8 C", "-3°", "71°F"
_LEADING_MARK = ("//", "|", "।")


def date_segment(s: str) -> bool:
    """A date in any script and order: a four-digit year, a day or month number, at most four words."""
    runs = _DIGITS.findall(s)
    return len(s) <= 48 and any(len(r) == 4 for r in runs) and len(runs) >= 2 and len(s.split()) <= 5


def _date_header(line: str) -> str | None:
    s = line.strip()
    if not 8 <= len(s) <= 90:
        return None
    years = _years(s)
    if len(years) >= 2 and max(years) - min(years) >= 300 and len(_DIGITS.findall(s)) >= 4 and len(s.split()) <= 12:
        # "الجمعة 20 يونيو 2025 07:45 مـ 23 ذو الحجة 1446 هـ": a day and a year in each of two calendars, which
        # stand centuries apart (a title's "2021 vs 2022" does not)
        return "two calendars"
    segments = [p for p in _SEGMENT.split(s) if p.strip()]
    if not segments or not date_segment(segments[0]):
        return None
    if sum(date_segment(p) for p in segments) >= 2:
        return "two calendars"  # "সোমবার, ০১ সেপ্টেম্বর ২০২৫ ।। ১৬ ভাদ্র ১৪৩২ ।।"
    if s.startswith(_LEADING_MARK) and len(segments) >= 2:
        return "a date between marks with a name-day"  # "// 2026. február 27., péntek // Ákos, Bátor"
    return "date" if len(segments) == 1 else None


_WEATHER = re.compile(r"^(?:[^\W\d_][^\d:\n]{0,30}?[`’':,\s]\s*)?[-+]?\d{1,2}(?:[.,]\d)?\s*°\s*[CF]?$")


def _weather(line: str) -> bool:
    """A weather chip: a temperature with its degree sign, after a place name or alone ("Երևան` +13 °C")."""
    s = line.strip()
    words = s.split()
    if len(words) > 5 or any(len(w) >= 3 and w[0].islower() for w in words):
        return False  # "Temperature rose to 30°": a sentence's words
    return bool(_WEATHER.match(s))


_ECHO_LINES = 6
_TERM = re.compile(r"[^\W_]{3,}|\d+")


def _spoken_of(chip: str, below: Sequence[str]) -> bool:
    """Whether a word (three letters or more) or the number of the chip occurs in the lines below."""
    terms = {t.casefold() for t in _TERM.findall(chip)}
    text = {t.casefold() for line in below for t in _TERM.findall(line)}
    return bool(terms & text)


def _today(line: str) -> bool:
    """A current-date widget: a short dated line that names the weekday or says "today"."""
    if not dated(line):
        return False
    words = {w.strip("`’',.:;|").casefold() for w in line.split()}
    return bool(words & WEEKDAYS or words & TODAY_WORDS)


def dated(line: str) -> bool:
    """A short line that holds a date: a four-digit year and another number, eight words at most."""
    s = line.strip()
    return len(s) <= 60 and len(s.split()) <= 8 and bool(_years(s)) and len(_DIGITS.findall(s)) >= 2


_TIME = re.compile(r"^\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?(?:,?\s*[A-Z]{2,4})?$", re.IGNORECASE)  # "9:49am, EDT"


def date_part(line: str) -> bool:
    """A date or a piece of one on a line of its own: a dated line (:func:`dated`), a number of up to four
    digits, a time ("9:49am, EDT"), a month or a weekday ("24" / "Jul" / "2012" over a title)."""
    s = line.strip().strip(",.|·")
    return dated(s) or (s.isdigit() and len(s) <= 4) or bool(_TIME.match(s)) or s.casefold() in MONTHS or (
        s.casefold() in WEEKDAYS
    )


def _years(s: str) -> set[int]:
    """The distinct four-digit years on a line, in any calendar a header prints (Gregorian, Hijri 1446,
    Persian 1404, Buddhist 2568), digits of any script."""
    return {int(run) for run in _DIGITS.findall(s) if len(run) == 4 and 1300 <= int(run) <= 2700}


def _weather_first(blocks: Sequence[str], i: int) -> Evidence | None:
    """The chip as the first line: over the current date (a weekday or "today" in it), or over a place name
    (one or two capitalised words, no digit) with a date under it. A chip over a word and no date is a title's
    as often ("36.6 C" / "Normal", "21 °C" / "Summer Salad": stop 18's review)."""
    if _spoken_of(blocks[0], blocks[1 : 1 + _ECHO_LINES]):
        return None  # the date under a weather story's title is its dateline ("Sevilla 46 °C / 14 de julio")
    place = _place(blocks[1]) and dated(blocks[2])
    if not (_today(blocks[1]) or place):
        return None
    under = "its place" if place else "the date"
    if i == 0:
        return 85.0, f"date header: the page's first line is a weather chip over {under}"
    if i == 1:
        return 85.0, f"date header: {under} under the weather chip"
    if place:
        return 85.0, "date header: the current date under the weather chip and its place"
    return None


def _place(line: str) -> bool:
    """A place name as a header prints it beside the weather: one or two capitalised words, no digit."""
    words = line.split()
    return 1 <= len(words) <= 2 and all(w[:1].isupper() and w.isalpha() for w in words)


def date_header(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """The site header's date widget as the page's first line, or its weather chip and place under it.

    A bare date above the title stays (the article's dateline, POLICY D1); the widget shows itself by a
    second calendar or a name-day set off by marks on the same line, or a temperature chip under it.
    """
    if i > 2 or len(blocks) < 3:
        return None
    if _weather(blocks[0]) or _TEMPERATURE.match(blocks[0].strip()):
        # the header's weather chip as the page's first line ("Երևան`   +13 °C"), and its date under it, or its
        # place and maybe the date under that ("18.6 C" / "London" / "August 13, 2025"); a chip whose place or
        # figure the text goes on about is the text's title ("Death Valley 54 °C", "Sous Vide 56°C" over a recipe)
        return _weather_first(blocks, i)
    kind = _date_header(blocks[0])
    if kind is None:
        # under the site's name (a short first line): the widget when it shows two calendars
        if i == 1 and _label(blocks[0]) and _date_header(blocks[1]) == "two calendars":
            return 85.0, "date header: the line under the site's name is a date widget (two calendars)"
        return None
    weather = bool(_TEMPERATURE.match(blocks[1].strip()))
    if kind == "date" and not weather:
        return None
    if i == 0:
        why = "a weather chip under it" if kind == "date" else kind
        return 85.0, f"date header: the page's first line is a date widget ({why})"
    if not weather:
        return None
    if i == 1:
        return 85.0, "date header: the weather chip under the date widget"
    place = blocks[2].strip()
    if _label(place) and len(blocks) > 3:
        return 80.0, "date header: the weather chip's place name"
    return None


# ------------------------------------------------------------------------------ header widget values
_WIDGET_VALUE = re.compile(
    r"^[+\-−]?\d{1,3}(?:[.,\s]\d{2,3})*\s?(?:°[CF]?|[CF]|%|Ft|zł|Kč|kr|lei|₽|[$€£¥₩₹])?$"  # "+23°", "355,71 Ft"
    r"|^[^\W\d_]{3,20},?\s\d{1,2}$"  # a place and its temperature, a weekday and its day ("Budapest 21")
)


def widget_value(line: str) -> bool:
    """A value cell of the header's weather or exchange-rate widget ("+16", "+23°", "355,71 Ft", "66,818 $",
    "Budapest 21", "Вторник, 20"): it lets the head bar (``edge-bar``) run through the widget's figures."""
    s = line.strip()
    return 0 < len(s) <= 16 and bool(_WIDGET_VALUE.match(s))
