"""Edge shapes: widget labels, copyright lines and paywall offers at the page's edges (issue 10, stop 10).

- ``tail-labels`` (B5): the labels of recommendation widgets whose entries the page lost ("Ştiri video
  recomandate", "Τυχαία Θέματα", "이 시각 주요뉴스 / 실시간 랭킹 뉴스 / 노컷영상", "Must See / More in"): the
  page ends in a run of short label-shaped lines under the article; from the first line of the run that
  carries a widget word (news, videos, topics, keywords, recommended, popular, related … — a vocabulary
  per language in :mod:`cleaner.rules.edge_vocab`) to the end of the page. The run's lines above the
  first cue stay (a source line "Antena3.ro", a signature).

- ``copyright-line`` (B1): a short line that carries a copyright sign or word together with a rights /
  no-reproduction cue ("©'…' 아주경제. 무단전재·재배포 금지", "- Copyrights ⓒ 조선일보 & chosun.com, 무단 전재
  및 재배포 금지 -") or the site's domain ("Testi ed immagini Copyright Repubblica.it"), and a bare
  no-reposting notice near an edge ("不提供二次转载"). A sign with a name alone is a photo credit and stays
  ("© Reuters", POLICY D1), and so does prose about copyright (a sentence of many words).

- ``paywall-offer`` (B3): the subscription offer that replaces a paywalled article's rest: from a short
  line with a price per period written as a price tag, with a slash ("Läs webbnyheterna för endast
  13,90 € /månad", "$4.99/mo"), among the page's last lines to the end, when every line down there is
  short. A price in the article's words ("Sign up for a Hulu ad-free account for $11.99 a month", a
  deals post on AEB) has no slash and stays.

- ``url-residue`` (B2): the page's address or its slug printed alone on a line near the page's edge (a
  link's text, a share widget's residue): a path with a hyphenated slug ("/artikel/crypto-weekly-99") or a
  bare slug of four words or more ("cach-mang-satoshi-bai-7"). A file path or a hyphenated word
  ("/usr/local/bin", "x-ray") has fewer hyphens and stays.

- ``site-name`` (B2): the site's name (its logo's alt text, its tagline) on a line of its own among the
  page's first or last lines, when it spells the page's host (:func:`site_name`; the matcher passes the host).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from itertools import islice

from cleaner.rules.edge_vocab import (
    COPYRIGHT_SIGN,
    COPYRIGHT_WORD,
    LABEL_INFIXES,
    LABEL_STEMS,
    RIGHTS_CUES,
    RIGHTS_KEYS,
)
from cleaner.rules.feedback_shapes import FEEDBACK_PAGE_CANDIDATES, FEEDBACK_SHAPES
from cleaner.rules.head_shapes import section_word
from cleaner.rules.headlines import BYLINE_OR_DATE
from cleaner.rules.inline_shapes import shouted_headline
from cleaner.rules.line_shapes import words_of
from cleaner.rules.shape_vocab import BULLET, LINK_MARK, LOGO_WORDS, SITE_KIND_WORDS, SPACELESS, ends_sentence

__all__ = [
    "EDGE_CANDIDATES",
    "EDGE_PAGE_CANDIDATES",
    "EDGE_SHAPES",
    "closing_lines",
    "copyright_line",
    "doubled_labels",
    "label_cue",
    "label_shaped",
    "letters_folded",
    "lone_separator",
    "paywall_offer",
    "site_name",
    "tail_labels",
    "url_residue",
]

Evidence = tuple[float, str]

# The word-start test stands once before the alternation, not before each of the ~640 stems: ``re`` then
# tries the stems only where a word starts, instead of trying every stem (and its lookbehind) at every
# position, which cost ~0.5 ms a short line. The same matches: the test is the same zero-width assertion
# at the same position for every alternative, and the alternatives are tried in the same order.
_STEM = re.compile(
    r"(?<![^\W_])(?:"
    + "|".join(
        re.escape(s[:-1]) + r"(?![^\W\d_])" if s.endswith("$") else re.escape(s)
        for s in sorted(LABEL_STEMS, key=len, reverse=True)
    )
    + ")"
)
# a Korean cue closes its word ("관련 기사", "노컷영상"; "관련해" is a verb of a sentence)
_INFIX = re.compile(
    "|".join(
        re.escape(s) + (r"(?!\w)" if "\uac00" <= s[-1] <= "\ud7af" else "")
        for s in sorted(LABEL_INFIXES, key=len, reverse=True)
    )
)
_MAX_BARE_LABELS = 2
_MAX_RUN = 8  # a widget's labels: a longer run of short lines is a list of the article's
_MIN_ARTICLE_CHARS = 200


def label_shaped(line: str) -> bool:
    """A widget label: a short line (six words, 48 characters), no sentence end, no credit or URL."""
    if len(line) > 80:
        return False
    s = line.strip().strip("•·|-–— ")
    if not s or len(s) > 48 or LINK_MARK.search(s) or ends_sentence(s):
        return False
    if any(c in s for c in ":=()/") and not s.endswith((":", "：")):
        return False  # "Photo: Reuters", "사진=연합뉴스", "(фото автора)": credits and captions stay
    if not any(c.isalpha() for c in s) or sum(s.count(q) for q in "'\"‘’“”") % 2:
        return False  # an open quote: a sentence cut off ("이와 관련해 금융감독원은 '가", f5-14)
    words = s.split()
    if len(words) >= 3 and len(words[-1]) == 1 and words[-1].isalpha():
        return False  # a cut tail ends in a word's first letter ("Đặc điểm nổi bật c", f2-08): POLICY keeps it
    if SPACELESS.search(s) and any(c in s for c in "、，,"):
        return False  # a clause break: a sentence cut off ("そして、ここのランキングの中で…", f8-40), not a label
    return len(words) <= 6 and (len(s) <= 32 or not SPACELESS.search(s) or len(s.split()) > 1)


def label_cue(line: str) -> str | None:
    """The widget word of a label line ("recomand" in "Ştiri video recomandate"), or None."""
    s = line.strip().casefold()
    m = _STEM.search(s) or _INFIX.search(s)
    return m.group(0) if m else None


def tail_labels(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is a widget label in the run of short lines that ends the page, under the article."""
    n = len(blocks)
    if n - i > _MAX_RUN or not label_shaped(blocks[i]):
        return None
    if not all(label_shaped(b) for b in blocks[i + 1 :]):
        return None
    a = i
    while a > 0 and label_shaped(blocks[a - 1]):
        a -= 1
    if n - a > _MAX_RUN or a == 0:
        return None
    above_end = blocks[a - 1].rstrip()
    if above_end.endswith((":", "：")) and not _ARMENIAN.search(above_end):
        return None  # the article introduces the run: its own list ("The plan names five sectors:"); an
        # Armenian full stop is often scraped as ':' ("… օրերի վրա:")
    first = next((k for k in range(a, n) if _tail_cue(blocks[k])), None)
    if first is None or first > i:
        return None  # the lines above the first widget word stay (a source line, a signature)
    if any(blocks[k].rstrip().endswith((":", "：")) for k in range(a, first - 1)):
        return None  # a list head, items under it, then the first widget word: the article's list ("… five
        # priority sectors: / Agriculture / Transport / Health"); a label right under a pointer to a video
        # ("Daha ətralı “Baku” TV-nin süjetində: / Oxşar xəbərlər") is a widget's
    if sum(not _tail_cue(b) for b in blocks[first + 1 :]) >= _MAX_BARE_LABELS:
        return None  # under the first widget word, lines without one: a list ("Most popular names / Jón /
        # Guðrún / Anna"); lost widgets leave their labels, one bare line among them at most (f6-32)
    if any(_continues(b) for b in blocks[first:]):
        return None  # a line opening in lower case goes on from the one above: verse, a list, a sentence
    above = blocks[:a]
    size = sum(len(b) * (2 if SPACELESS.search(b) else 1) for b in above)  # CJK and Thai are dense
    if size < _MIN_ARTICLE_CHARS or max(len(b) for b in above) < 60:
        return None  # no article above the run: a short page of labels is not told from its text
    cue = _tail_cue(blocks[first])
    return 80.0, f"tail labels: {n - first} short line(s) end the page from the widget word {cue!r}"


_ARMENIAN = re.compile("[\u0530-\u058f]")
_CASED_SCRIPTS = ("LATIN", "CYRILLIC", "GREEK", "ARMENIAN")  # Georgian's letters are lower case only in use


def _tail_cue(line: str) -> str | None:
    """A widget word, or a section's name as it stands: the post's category links ("Gündəm", "Kultur") end
    a page as its widgets' labels do."""
    return label_cue(line) or section_word(line, exact=True)


def _continues(line: str) -> bool:
    """A line of a cased script that opens on a lower-case letter: widget labels are capitalised or set in
    capitals ("MË TË LEXUARAT", "Oxşar xəbərlər"), while a poem's lines, a list's items and a sentence
    wrapped over lines run on in lower case ("a ja ne čekam više", "joo iga päev piisavalt vett")."""
    s = line.strip().lstrip("•·-–—*▪►▶■●◦○‣⁃→»›([\"'“„«")
    return bool(s) and s[0].islower() and unicodedata.name(s[0], "").startswith(_CASED_SCRIPTS)


# ------------------------------------------------------------------------------- copyright line
# a domain, with a second level before the country's code: "Repubblica.it", "NEWSru.co.il"
_DOMAIN = re.compile(r"(?<![\w.])[\w-]{2,}(?:\.[a-z]{2,3})?\.(?:[a-z]{2,3}|info|news|online)(?![\w.])", re.IGNORECASE)
_CREDIT = re.compile(
    r"^\W*(?:photos?|foto|fotos|images?|img|pictures?|bild|фото|изображение|사진|写真|图片|圖片|credits?)\b[^:：\n]{0,24}[:：]",
    re.IGNORECASE,
)
# the sign (or the word) with its year: "Copyright(©) 2022", "© 2025"; the holder may stand either side
_SIGN_YEAR = re.compile(r"(?:[©ⓒⒸ]|\([cC©]\)|(?<![^\W\d_])copyright)\W{0,3}(?:19|20)\d\d(?!\d)", re.IGNORECASE)
# or the holder's name between them, the year closing the line, the sign opening it (after the word, perhaps):
# "Copyright © ANTARA 2020", "© Tvzap.it 2021". At most three words of a name, no sentence mark; a credit
# word before the sign ("Photo © Getty Images 2019") makes it a picture's credit, and the bare word a law's
# name ("Copyright Act 1976"): both stay (stop 22's review)
_SIGN_NAME_YEAR = re.compile(
    r"^(?:copyright[^\S\n]*)?(?:[©ⓒⒸ]|\([cC]\))[^\S\n]*(?:[^\s.!?,;:]+[^\S\n]+){1,3}"
    r"(?:19|20)\d\d(?:[^\S\n]*[-–][^\S\n]*(?:19|20)\d\d)?[.]?$",
    re.IGNORECASE,
)
# a company's legal form closing the holder's name ("© Rakuten Group, Inc."): a site's notice, where a
# photo credit names an agency or a person ("© Reuters", "© Jane Doe")
_LEGAL_FORM = re.compile(
    r"[\s,](?:inc|ltd|llc|plc|corp|co|gmbh|ag|kg|s\.?a|s\.?r\.?l\.?s?|s\.?p\.?a|s\.?a\.?s|sarl|b\.?v|n\.?v|oy|ab|a/s|"
    r"k\.?k|kft|zrt|s\.r\.o|a\.s|d\.o\.o|ooo|ltda|株式会社)\.?$",
    re.IGNORECASE,
)
_ENUMERATION = re.compile(r"\([aA]\)|\([bB]\)")  # "(a) 2017, (b) 2018 i (c) 2019": "(c)" is an item, not the sign
_FOOT_LINES = 4
_FOOT_WORDS = 6
_SENTENCE_WORD = re.compile(r"(?<![^\W\d_])[^\W\d_A-Z][^\W\d_]{3,}")  # a lower-case word: "… sued the distributor"


def _in_the_foot(blocks: Sequence[str], i: int) -> bool:
    """Block ``i`` is among the page's last four lines, with no line of more than six words under it."""
    return i >= len(blocks) - _FOOT_LINES and all(len(b.split()) <= _FOOT_WORDS for b in blocks[i + 1 :])


_CLOSING_LINES = 6
_CLOSING_LINE_WORDS = 35
_CLOSING_WORDS = 80


def closing_lines(after: Sequence[str], before: int) -> int:
    """How many of the lines ``after`` a copyright line go with it (``extend: foot``): all of them when they
    are what closes a page under its copyright (a rights notice, a reposting condition, "Made by", "Back to
    top", a last menu), none otherwise. The run must end the page and be short: at most six lines of at most
    35 words, 80 in all, and no plain sentence (:func:`_closing`). A longer paragraph under the line means it
    was a credit inside the article (fresh f15-24: the article goes on under a radio's "© 2025 … Всички
    права са запазени"; f21-09: a summary paragraph follows the company's address), and then nothing goes;
    so does it when the line has fewer lines (``before``) above it than under it: it is not in the page's
    foot."""
    lines = [a for a in after if a.strip()]
    if len(lines) > _CLOSING_LINES or before < len(lines):
        return 0
    sizes = [words_of(a) for a in lines]
    if max(sizes, default=0) > _CLOSING_LINE_WORDS or sum(sizes) > _CLOSING_WORDS:
        return 0
    return len(after) if all(_closing(a, n) for a, n in zip(lines, sizes, strict=True)) else 0


def _closing(line: str, words: int) -> bool:
    """A line that may close a page: no sentence of six words or more, unless it names the rights, the
    sign or the site ("При любом использовании материалов сайта, гиперссылка на NEWSru.co.il обязательна.");
    a plain sentence under a notice is the article's (the no-reposting line under a byline). Nor a byline, a
    date or a time, an e-mail address or a phone number (a press release's contact), a field ("Photo: John
    Smith/Reuters", "责任编辑：李明", "Aus: Sabine Gruber, …"), a postscript or an exclamation: under a
    copyright line those are the article's own close (stop 23's review: "Posted by Jane Doe at 8:41 PM",
    "2024/05/21 11:23 송고", "P.S. Write back soon!")."""
    s = line.strip()
    if BYLINE_OR_DATE.match(s) or _CLOCK.search(s) or _FIELD.match(s) or _CONTACT.search(s):
        return False
    if s.endswith(("!", "?", "！", "？")):
        return False
    if s.casefold().startswith(("p.s", "ps:", "ps ")):
        return False
    if not (ends_sentence(s) and words >= 6):
        return True
    return bool(RIGHTS_CUES.search(s) or COPYRIGHT_WORD.search(s) or _DOMAIN.search(s))


_CLOCK = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)|\d{4}[-/.]\d{1,2}[-/.]\d{1,2}")  # "8:41 PM", "2024/05/21"
_FIELD = re.compile(r"^[^:：]{1,24}[:：]\s*\S")  # a label and its value on one line
_CONTACT = re.compile(r"[\w.+-]+@[\w-]+\.\w|\+?\d[\d ()-]{7,}\d")  # an e-mail address or a phone number


_EDGE_HEAD = 8
_EDGE_TAIL = 4


def copyright_line(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is a short copyright / no-reproduction line."""
    s = blocks[i].strip().strip("-–—|*· ")
    if not s or len(s) > 200:
        return None
    words = len(s.split())
    near_edge = i < _EDGE_HEAD or i >= len(blocks) - _EDGE_TAIL
    word = COPYRIGHT_WORD.search(s)
    cue = RIGHTS_CUES.search(s)
    if words > 25 or (words >= 14 and not COPYRIGHT_SIGN.match(s) and not (word and word.start() == 0)):
        return None  # a sentence that speaks of copyright is the article's
    if _CREDIT.match(s) or "some rights reserved" in s.casefold():
        return None  # a photo credit with its licence ("Photo credit: Some rights reserved by …"): POLICY D1
    if word and cue:
        return 90.0, f"copyright line: {word.group(0)!r} with the rights cue {cue.group(0)!r}"
    if word and s[0] not in "([" and _in_the_foot(blocks, i) and not _ENUMERATION.search(s):
        # the page's foot only, nothing but short lines under it: the same sign and year in the body is a
        # subhead ("Copyright 1909"), a bibliography's entry or a sentence ("© 2023 Acme Inc. sued …"), and a
        # legal form after the sign a picture's credit ("© Apple Inc." between two paragraphs)
        year = _SIGN_YEAR.search(s) or _SIGN_NAME_YEAR.search(s)
        edge = year is not None and (year.start() == 0 or year.end() == len(s.rstrip(". ")))
        if edge and words <= 12 and ":" not in s and not _SENTENCE_WORD.search(s[year.end() :]):
            return 85.0, f"copyright line: led or closed by the sign and its year {year.group(0)!r}"
        legal = _LEGAL_FORM.search(s)
        sign = COPYRIGHT_SIGN.match(s)
        if legal and sign and words <= 8:  # the sign opens it: "Photo © …" and "Der neue BMW i5 © BMW AG" are credits
            form = legal.group(0).strip(" ,")
            return 80.0, f"copyright line: the sign with a company's legal form {form!r} in the page's foot"
    if word and _DOMAIN.search(s) and words <= 12 and not ends_sentence(s.rstrip(".")):
        return 85.0, f"copyright line: {word.group(0)!r} with the site {_DOMAIN.search(s).group(0)!r}"
    if cue and near_edge and (words <= 8 and len(s) <= 60) and not ends_sentence(s.rstrip(".")):
        return 80.0, f"no-reproduction notice {cue.group(0)!r} on a short line near the page's edge"
    return None


# -------------------------------------------------------------------------------- paywall offer
_PERIODS = (
    "month", "mo", "monthly", "year", "yr", "week", "wk", "månad", "mån", "år", "vecka", "måned", "uke",
    "kuukausi", "kk", "kuussa", "monat", "mtl", "jahr", "mois", "an", "semaine", "mes", "año", "mês", "ano",
    "mese", "anno", "maand", "jaar", "miesiąc", "mies", "rok", "месяц", "мес", "год", "місяць", "ay", "yıl",
    "tháng", "bulan", "tahun", "月", "월", "年", "เดือน", "měsíc", "měs", "mesiac", "hó", "hónap", "lună", "luna",
    "mjesec", "mj", "месец", "mėn", "mėnesį", "mēnesī", "mēn", "kuu", "μήνα", "חודש", "شهر", "ماه", "mwezi",
)
_CURRENCY = (
    r"(?:[$€£¥₩₹₪₴₫฿₱]|kr|SEK|NOK|DKK|EUR|USD|GBP|CHF|zł|PLN|руб|₽|TL|₺|R\$|Kč|CZK|Ft|HUF|lei|RON|лв|BGN|kn|"
    r"грн|UAH|ILS|Rp|IDR|RM|MYR|THB|VND)"
)
_AMOUNT = r"\d{1,4}(?:[.,]\d{1,2})?"
_PRICE_PERIOD = re.compile(
    rf"(?:{_CURRENCY}\s?{_AMOUNT}|{_AMOUNT}\s?{_CURRENCY})\s*/\s*"
    rf"(?:{'|'.join(re.escape(p) for p in sorted(_PERIODS, key=len, reverse=True))})(?![^\W\d_])",
    re.IGNORECASE,
)
_PAYWALL_TAIL = 6
_MAX_OFFER_WORDS = 16


def _price_line(line: str) -> bool:
    s = line.strip()
    return len(s) <= 160 and len(s.split()) <= 14 and not ends_sentence(s) and bool(_PRICE_PERIOD.search(s))


def paywall_offer(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is in the subscription offer that ends the page (from a price-per-period line down)."""
    n = len(blocks)
    if n - i > _PAYWALL_TAIL or i == 0:
        return None
    start = next((k for k in range(max(1, n - _PAYWALL_TAIL), i + 1) if _price_line(blocks[k])), None)
    if start is None or any(len(b.split()) > _MAX_OFFER_WORDS for b in blocks[start:]):
        return None
    price = _PRICE_PERIOD.search(blocks[start])
    assert price is not None
    return 85.0, f"paywall offer: from the price {price.group(0)!r} to the end of the page"


# ------------------------------------------------------------------------------ lone separator
_SEPARATOR = re.compile(r"^\s*[-–—•·|/\\](?:\s*[-–—•·|/\\]){0,2}\s*$")


def _bar_item(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= 40 and len(s.split()) <= 4 and not ends_sentence(s)


_SEPARATOR_RUN = 3  # the same mark alone on this many lines: the separators of a list or a bar, not a break


def lone_separator(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is a lone separator mark ("-", "/", "• |") of a bar: at the page's first or last line, or
    next to a bar item (a short line without a sentence end), or the same mark alone on three lines or more (a
    list flattened one item a line: "Ministère de la défense |" / "|" / …, fresh f27-31). Between two sentences a
    mark that stands once stays: it carries no word, but the learned scorer reads the page's head run through it
    (Dragnet 050fcc82cf)."""
    if not _SEPARATOR.match(blocks[i]):
        return None
    n = len(blocks)
    edge = i == 0 or i == n - 1
    if edge or _bar_item(blocks[i - 1]) or _bar_item(blocks[i + 1]):
        return 75.0, "a lone separator mark " + ("at the page's edge" if edge else "beside a bar item")
    mark = blocks[i].strip()
    same = (k for k, b in enumerate(blocks) if b.strip() == mark)
    if next(islice(same, _SEPARATOR_RUN - 1, None), None) is not None:  # (stops at the third: a page of bars)
        return 75.0, "a lone separator mark, alone on a line again and again (a list or a bar one item a line)"
    return None


# ------------------------------------------------------------------------------------ url residue
_SLUG = r"[a-z0-9]+(?:-[a-z0-9]+){%d,}"
_PATH_RESIDUE = re.compile(r"^/(?:[\w%.~-]+/)*" + _SLUG % 2 + r"(?:\.html?|/)?$")
_SLUG_RESIDUE = re.compile("^" + _SLUG % 3 + r"(?:\.html?)?$")
_RESIDUE_EDGE = 10


def url_residue(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is the page's path or slug alone on a line among the page's first or last lines."""
    if _RESIDUE_EDGE <= i < len(blocks) - _RESIDUE_EDGE:
        return None
    s = blocks[i].strip()
    if not any(c.isalpha() for c in s):
        return None
    if _PATH_RESIDUE.match(s):
        return 85.0, "url residue: an address path with a slug alone on a line"
    if _SLUG_RESIDUE.match(s):
        return 80.0, "url residue: a slug of four words or more alone on a line"
    return None

# ------------------------------------------------------------------------------ doubled labels
_DOUBLED = re.compile(r"([^\W\d_]{2,})\1")  # "FAQFAQ", "SzukajSzukaj": a word and its copy, glued


def _doubled_word(w: str) -> bool:
    """A capitalised word that is two copies of its half ("FAQFAQ"), tested by its halves (no regex search)."""
    h = len(w) // 2
    return h >= 2 and len(w) == 2 * h and w[0].isupper() and w[:h] == w[h:] and bool(_DOUBLED.fullmatch(w))


def doubled_labels(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is a menu whose items each came out twice, glued: a link's icon title and its text ("FAQFAQ
    SzukajSzukaj UżytkownicyUżytkownicy", a phpBB board's header, fresh f25-25). A word is seldom two copies
    of its half ("couscous", "bonbon"), capitalised still less, and never most words of a line."""
    words = blocks[i].split()
    if not 2 <= len(words) <= 12:
        return None
    doubled = sum(map(_doubled_word, words))  # menu items are capitalised
    if doubled < 2 or 3 * doubled < 2 * len(words):
        return None
    return 80.0, f"menu items printed twice, glued ({doubled} of {len(words)} words)"


# -------------------------------------------------------------------------------- glued menu
# a lower-case letter followed by a capital (``str.islower``/``isupper``, so "EĞİTİMİ" has none): where two glued
# menu items meet; the candidate test looks for one with a regex over the usual alphabets first
_GLUE = re.compile(r"[a-zà-ÿа-яёα-ω][A-ZÀ-ÞА-ЯЁΑ-Ω]")
_TABLE_MARK = re.compile(r"[/²³%]")  # a table's glued column heads with their units ("Einw./km²"): the article's
_MIN_GLUES = 4
_SENTENCE_MARK = re.compile(r"[.!?:;,]\s|[.!?]$")


def _glued_items(word: str) -> list[str]:
    """The items of a word cut where a lower-case letter meets a capital ("Redazione|Contatti"), by the same
    ``str.islower``/``isupper`` test the joins are counted with."""
    cuts = [k + 1 for k in range(len(word) - 1) if word[k].islower() and word[k + 1].isupper()]
    return [word[a:b] for a, b in zip([0, *cuts], [*cuts, len(word)], strict=True)]


def _three_items(items: list[str]) -> bool:
    """Three glued items in a row, each of three letters or more ("RedazioneContattiMobile"); a code name's parts
    are shorter ("get|Elements|By|Class|Name"), a brand has two ("PlayStation")."""
    run = 0
    for item in items:
        run = run + 1 if sum(c.isalpha() for c in item) >= 3 else 0
        if run >= 3:
            return True
    return False


def glued_menu(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is a menu whose items came out glued, without their separators: capitalised words run
    together four times or more ("АрхитектураАстрономияБиологияГеография…" under "Категории:", fresh f28-15; "Купити
    криптуРинкиТоргуватиФ'ючерси…", f22-11; "Eventi LiveCalciomercato H24MobileNetworkRedazione", f9-21). A word
    seldom holds a capital after a lower-case letter (a brand's "iPhone", "PoW"), four times still less; a
    sentence's punctuation, a table's unit marks ("Einw./km²", stop 16's review fp-124) or a script without spaces
    (where Latin names glue to the text, "EthereumPoWなど") rules the line out. Like every shape it looks at blocks
    of 240 characters at most (f28-15's list is 243: a shortened copy is the rule's test)."""
    s = blocks[i].strip()
    if not 20 <= len(s) <= 240 or _SENTENCE_MARK.search(s) or SPACELESS.search(s) or _TABLE_MARK.search(s):
        return None
    words = [_glued_items(w) for w in s.split() if w[0] not in "#@"]  # hashtags and handles glue by design
    glues = sum(len(items) - 1 for items in words)
    if glues < _MIN_GLUES or glues < len(words) or not any(map(_three_items, words)):
        return None  # fewer joins than words, or no word of three items: brands and code names ("getElementById")
    if i and (lead := blocks[i - 1].strip()).endswith((":", "：")) and words_of(lead) >= 6:
        return None  # what a sentence introduces ("… слід пам'ятати дану на лекції таблицю:"): a table's glued heads
    return 80.0, f"menu items glued without their separators ({glues + 1} capitalised words run together)"


# the shapes of this module and of feedback_shapes, registered in cleaner.rules.shapes.SHAPES (with the inline one
# of inline_shapes); none takes a parameter
EDGE_SHAPES = {
    **FEEDBACK_SHAPES,
    "doubled-labels": doubled_labels,
    "glued-menu": glued_menu,
    "tail-labels": tail_labels,
    "copyright-line": copyright_line,
    "paywall-offer": paywall_offer,
    "shouted-headline": shouted_headline,
    "lone-separator": lone_separator,
    "url-residue": url_residue,
}


def _has_rights_key(line: str) -> bool:
    low = line.casefold()
    return any(k in low for k in RIGHTS_KEYS)


def _label_lines(blocks: Sequence[str], indices: Sequence[int]) -> list[int]:
    """The lines among ``indices`` that :func:`tail_labels` may take, found once for the page: it asks for a
    run of label-shaped lines that ends the page, under a line that is none, eight lines long at most;
    every line of it then has that same run (so a longer run, or one that is the whole page, leaves none)."""
    n = len(blocks)
    top = n
    while top > 0 and n - top <= _MAX_RUN and label_shaped(blocks[top - 1]):
        top -= 1
    if top == 0 or n - top > _MAX_RUN:
        return []
    return [i for i in indices if i >= top and len(blocks[i]) <= 56]


def _offer_line(line: str) -> bool:
    return len(line) <= 400 and len(line.split()) <= _MAX_OFFER_WORDS


def _offer_lines(blocks: Sequence[str], indices: Sequence[int]) -> list[int]:
    """The lines among ``indices`` that :func:`paywall_offer` may take, found once for the page: those from
    the first price line of the page's last lines down, when no line under it is long (each line of the
    offer would otherwise look for that same price line above it)."""
    n = len(blocks)
    start = next((k for k in range(max(1, n - _PAYWALL_TAIL), n) if _price_line(blocks[k])), None)
    if start is None or any(len(b.split()) > _MAX_OFFER_WORDS for b in blocks[start:]):
        return []
    return [i for i in indices if i >= start and n - i <= _PAYWALL_TAIL and _offer_line(blocks[i])]


# shapes whose precondition is one of the page (see cleaner.rules.shapes._PAGE_CANDIDATES)
EDGE_PAGE_CANDIDATES = {"tail-labels": _label_lines, "paywall-offer": _offer_lines, **FEEDBACK_PAGE_CANDIDATES}
# the test on the block alone that every block a shape matches passes (cleaner.rules.shapes.shape_candidates)
EDGE_CANDIDATES = {
    "glued-menu": lambda line: 20 <= len(line) <= 240 and bool(_GLUE.search(line)),
    "doubled-labels": lambda line: len(line) <= 200 and any(map(_doubled_word, line.split())),
    "copyright-line": lambda line: len(line) <= 240 and _has_rights_key(line),
    "shouted-headline": lambda line: 5 <= len(line) <= 260 and ("!" in line or ")" in line),
    "lone-separator": lambda line: len(line) <= 12 and bool(_SEPARATOR.match(line)),
    "url-residue": lambda line: 8 <= len(line) <= 160 and "-" in line and " " not in line.strip(),
}


# -------------------------------------------------------------------------------------- site name
_NAME_END = re.compile(r"\s+(?:[-–—|·•]|::)\s+")


_UNDECOMPOSED = str.maketrans(
    {"ł": "l", "Ł": "l", "đ": "d", "Đ": "d", "ø": "o", "Ø": "o", "ı": "i", "æ": "ae", "œ": "oe"}
)


def letters_folded(s: str) -> str:
    """Letters and digits only, accents dropped, casefolded: "Tin Tức Bitcoin" -> "tintucbitcoin", "Gmina Łączna"
    -> "gminalaczna" (a host spells "ł", "đ", "ø" as the plain letter, which NFKD does not give)."""
    s = unicodedata.normalize("NFKD", s.translate(_UNDECOMPOSED))
    return "".join(c for c in s if c.isalnum() and not unicodedata.combining(c)).casefold()


# what a site calls itself after its name besides its sections ("… Media", "… Online", "… Daily")
_PUBLISHING = frozenset(
    (
        "news", "media", "online", "daily", "weekly", "times", "post", "press", "magazine", "journal", "portal",
        "network", "channel", "tv", "radio", "blog", "digital", "live", "today", "headlines", "updates",
    )
)  # fmt: skip
_LOOSE_MIN = 6  # a host label this long is a name, not a word a title could open with ("news", "bank")
_LOOSE_ARTICLE = 3  # "Stand News" on thestandnews.com: the host glues a leading article ("the") to the name
_CONNECTOR = 3  # "Comune di Capoliveri", "Ville de Lyon", "City of York": a short lower-case word between
_SITE_KINDS = sorted(SITE_KIND_WORDS, key=lambda w: (-len(w), w))  # longest first, in one order every run


def _loose_name(line: str, labels: Sequence[str], *, head: bool) -> str | None:
    """How ``line`` spells a host label when it is not the label exactly, at the page's head above any sentence
    (``head``): the name of two words or more beside its own transcription in another script ("立場新聞 Stand
    News" on thestandnews.com, its Latin words the label but for a glued leading article), or the name with the
    word for what the site is, a municipality's or a logo's ("Obec Svrčinovec", "obecSvrčinovec" on
    svrcinovec.sk; "Comune di Capoliveri"; "Logo kochenOHNE").

    Stop 20's review found what any other word beside the name is: a title ("Berlin Marathon", "Wikipedia
    Zero", "German Wikipedia", "Mozilla Firefox", "Телевизоры Samsung", "Binance 宣布上线新币"), a byline
    ("DroomDroom Team") or a credit at the tail ("Фото Meduza", "Wartawan SuaraMerdeka")."""
    if not head:
        return None
    words = _WORD_RUN.findall(line)
    latin = [f for f in map(letters_folded, words) if f and f.isascii()]
    if not latin or len(latin) > 4:
        return None
    key = "".join(latin)
    other = len(latin) < len(words)
    for label in {letters_folded(p) for p in labels if len(p) >= _LOOSE_MIN}:
        if other:
            glued_article = label.endswith(key) and len(label) - len(key) <= _LOOSE_ARTICLE
            if len(latin) >= 2 and len(key) >= _LOOSE_MIN and (key == label or glued_article):
                return "beside its name in another script"
            continue
        kind = next((w for w in words if w.casefold() in SITE_KIND_WORDS or w.casefold() in LOGO_WORDS), None)
        if kind is None:
            glued = next((k for k in _SITE_KINDS if key.startswith(k) and key[len(k) :] == label), None)
            if glued and len(words) == 1:
                return f"glued to the word for what it is ({glued!r})"
            continue
        rest = [w for w in words if w is not kind and not (w.islower() and len(w) <= _CONNECTOR)]
        if "".join(letters_folded(w) for w in rest) == label:
            return f"with the word for what it is ({kind!r})"
    return None


_BRAND_WORDS = 2  # a brand glued into one host label from two words or more ("Colombo Today")
_TAGLINE_WORDS = 3
_WORD_RUN = re.compile(r"[^\W_]+")


def _brand_and_tagline(line: str, labels: Sequence[str]) -> str | None:
    """The brand that opens ``line`` when its first words glue into a host label ("Colombo Today" on
    colombotoday.com) and at most three title-case words follow, each a section's name or a publishing
    word ("Local News", "Media", "Online"): a tagline. A title that opens with the brand goes on with
    other words ("Basic Group buys a miner", "Red Bull Culture Clash", "National Geographic Science
    Festival") and stays."""
    words = _WORD_RUN.findall(line)
    targets = {letters_folded(p) for p in labels if len(p) >= 6}
    glued = ""
    for j, w in enumerate(words):
        glued += letters_folded(w)
        if glued in targets and j + 1 >= _BRAND_WORDS:
            rest = words[j + 1 :]
            if (
                1 <= len(rest) <= _TAGLINE_WORDS
                and not any(r[0].islower() for r in rest)  # a tagline is set like a name, a title's verb is not
                and all(section_word(r) or r.casefold() in _PUBLISHING for r in rest)
            ):  # every word says what the site publishes: "Local News"; "Science Festival" names an event
                return " ".join(words[: j + 1])
            return None
        if not any(t.startswith(glued) for t in targets):
            return None
    return None


def site_name(blocks: Sequence[str], i: int, host: str | None) -> Evidence | None:
    """The site's name (its logo's alt text, its tagline) on a line of its own at the page's head or tail:
    the line, up to a " - " / " | " tagline separator and a "Logo" word, spells the host's name
    ("Basic Group" on basicgroup.ua, "Tin Tức Bitcoin - Cập Nhật …" on tintucbitcoin.com)."""
    if not host or not (i < 3 or i >= len(blocks) - 2):
        return None
    line = blocks[i].strip()
    if not 3 <= len(line) <= 90 or ends_sentence(line) or ":" in line:
        return None
    if line[0] in "([" and line[-1] in ")]":
        return None  # "(Indonesiatech)": the article's source credit, as "(Reuters)" is, not the logo
    if BULLET.match(line):
        return None  # "- Egészséghoroszkóp" over "- 2 nappal ezelőtt": an item of the byline list, not the logo
    name = _NAME_END.split(line, maxsplit=1)[0]
    words = name.split()
    if words and words[-1].casefold() in LOGO_WORDS:
        name = " ".join(words[:-1])
    key = letters_folded(name)
    labels = [p for p in host.split(".")[:-1] if len(p) >= 4 and p != "www"]
    if len(key) < 4 or not any(key == letters_folded(p) for p in labels):
        brand = _brand_and_tagline(name, labels)
        if brand is not None:
            return 85.0, f"site name: {brand!r} spells the host {host!r}, under a tagline of its sections"
        head = i < 3 and not any(map(ends_sentence, blocks[:i]))  # under a sentence: a heading of the article's
        loose = None if BYLINE_OR_DATE.match(line) else _loose_name(name, labels, head=head)
        if loose is None:
            return None
        return 80.0, f"site name: the line spells the host {host!r} {loose}"
    tagline = " with its tagline" if name != line and _NAME_END.search(line) else ""
    return 90.0, f"site name: the line spells the host {host!r}{tagline}"
