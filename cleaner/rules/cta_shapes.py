"""Calls to action told by what they point at (a platform) or by their verb (share), in any language.

- ``platform-prompt`` (B3): a short line that ends with a platform's name (and the word for its channel or
  group): "dobivaj vesti na viber", "Cek Berita dan Artikel yang lain di Google News", "Folge uns auf
  Facebook", "Comentează pe Facebook...". The verbs of such prompts differ in every language and site
  (wordings in rules/generic.yaml cover a few); the platforms are the same brands everywhere, and the
  prompt's shape is the same: a few words, a short preposition, the platform last.
- ``share-prompt`` (B3): a share button in the site's own words, told by a button's shape around its
  language's share verb (``SHARE_STEMS``): the verb alone ("Paylaş", "SDÍLEJ:", "Поширити:"; in a spaceless
  script a line of four characters opening or closing on it: "分享至"), the verb opening or closing a line
  that names the page ("Bu Yazıyı Paylaş", "Deel dit artikel via:", "이 기사를 공유합니다") or a platform
  ("카카오톡 공유하기"), or the verb and a preposition ("Dela med"). The words are everyday words too
  (custody shared, divide and rule, the stock market, cooperation): a title or subhead with the word in it
  ("Teilen statt besitzen", "Custodia compartida", "Podeli i vladaj", "शेयर बाजार", "专家分享养生秘诀"), the
  page's first line, a sentence, a line with a digit ("Deel 2") or a link stays.

What stays of the platform prompts: a sentence of the article that ends on a platform (a full stop
closes it: "The video was posted on YouTube."), a caption's credit in brackets ("(screenshot video
YouTube)"), a line of more than fourteen words, a headline that only names a platform ("Telegram's TON
surges") or is set in title case ("Top Global Topics on Facebook": two words of four letters or more and
every one capitalised, which leaves German prompts of two nouns to the wordings), and a line with no
short word before the platform (a list of the platform's names is a share bar: ``generic.share.labels``).

On Dragnet's 1,318 reference bodies platform-prompt takes 9 tokens (0.001%, a subhead at a page's foot
naming the platform it posts to), share-prompt none, both none of AEB's
(``python benchmarks/eval_shapes_clean.py --prefix structure.platform --list``).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

import ahocorasick_rs

from cleaner.rules.edge_shapes import label_cue
from cleaner.rules.shape_vocab import PLATFORM_PLACES, PLATFORMS, SHARE_INFIXES, SHARE_STEMS, SPACELESS, ends_sentence

__all__ = ["CTA_CANDIDATES", "CTA_SHAPES", "follow_list", "platform_prompt", "share_prompt"]

Evidence = tuple[float, str]

_MAX_WORDS = 14
_MAX_CHARS = 140
_PREPOSITION_CHARS = 3  # "on", "di", "na", "pe", "auf", "sur", "в", "на": a short word before the platform
_INFLECTED = 5  # a brand this long takes a case ending in the languages that inflect it ("na Facebooku")
_PLATFORM = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(p) for p in sorted(PLATFORMS, key=len, reverse=True)) + r")"
    # a case ending glued on, or after an apostrophe: "na Facebooku", "na Instagramie", "в Телеграме",
    # "Facebookon", "Facebook'ta", "na Telegramu" (on the longer brands only: "lines" is no Line; a brand that is
    # a word too must be capitalised, below)
    r"(?:(?<=[\w]{" + str(_INFLECTED) + r"})['’]?[^\W\d_]{1,4})?"
    r"(?:[-\s]+(\w+))?[\s!…:.]*$",
)
# the site as the reader's "us" in a prompt (object forms, and the imperatives that glue it on)
_US = frozenset(
    (
        "us", "uns", "nous", "moi", "nos", "nosotros", "noi", "ci", "ons", "oss", "os", "nas", "nás", "нас",
        "nám", "bizi", "biz", "kami", "kita", "amin", "meitä", "minket", "bennünket", "síguenos", "siguenos",
        "seguici", "seguiteci",
    )
)  # fmt: skip
# someone else's channel ("Его канал в Telegram", "her channel on YouTube"): a caption, not the site's prompt
_THEIRS = frozenset(
    (
        "his", "her", "their", "его", "её", "ее", "их", "його", "її", "sein", "seine", "seinen", "ihr", "ihre",
        "ihren", "son", "sa", "ses", "leur", "su", "sus", "seu", "sua", "suo", "jego", "jej", "ich", "jeho",
        "její", "onun", "nya", "zijn", "haar", "hans", "hennes", "deras", "hänen",
    )
)  # fmt: skip
_WORD_BRANDS = frozenset(("threads", "discord", "telegram", "line", "signal"))  # brands that are words too
_DIGIT = re.compile(r"\d")
_CREDIT_LEAD = re.compile(
    r"^\W*(?:photos?|foto|fotos|images?|bild|фото|kuva|zdjęcie|source|fuente|fonte|quelle|kaynak)\b", re.IGNORECASE
)
_TAIL_LINES = 3
_PARAGRAPH_WORDS = 12
_TITLE_WORD = 4  # the words a headline's title case shows on (not "on", "of", "the")
_OPEN_STOP = re.compile(r"(?<![.…])\.\s*$")  # one full stop: a sentence ("… posted on YouTube.")


# every platform name at once: one automaton pass over a line instead of one ``in`` test per platform (40)
_ANY_PLATFORM = ahocorasick_rs.AhoCorasick(PLATFORMS, implementation=ahocorasick_rs.Implementation.DFA)


def _may_prompt(line: str) -> bool:
    """The candidate test, run on every line of every page: short enough, and a platform named in it (the
    line folded once, not once a platform; the names looked for all at once: 0.7 against 3.8 µs a line)."""
    s = line.strip()
    if not 0 < len(s) <= _MAX_CHARS:
        return False
    low = s.casefold()
    try:
        return bool(_ANY_PLATFORM.find_matches_as_indexes(low))  # (some name occurs: a match is reported)
    except UnicodeEncodeError:  # a lone surrogate, which the automaton does not take
        return any(p in low for p in PLATFORMS)


def platform_prompt(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is a prompt to follow or read the site on a platform, the platform's name closing it."""
    s = " ".join(blocks[i].split())
    words = s.split()
    if not 2 <= len(words) <= _MAX_WORDS or len(s) > _MAX_CHARS or _OPEN_STOP.search(s):
        return None
    if s[0] in "([" or s.endswith((")", "]")):
        return None  # a credit or a caption's source in brackets
    m = _PLATFORM.search(s.casefold())
    if m is None or (m.group(2) and m.group(2) not in PLATFORM_PLACES):
        return None
    before = s[: m.start()].split()
    if not before or len(before[-1].strip(",")) > _PREPOSITION_CHARS or not before[-1].isalpha():
        return None  # no "on" / "di" / "na" before it: a headline or a list of names
    if len(before) < 2:
        return None  # "on Telegram" alone is a fragment, not a prompt
    long_words = [
        w for w in before if len(w) >= _TITLE_WORD and w[0].isalpha() and not _PLATFORM.match(w.casefold())
    ]
    if len(long_words) >= 2 and all(w[0].isupper() for w in long_words):
        return None  # set in title case: a headline or a subhead ("Your Peers are on Facebook")
    if m.group(1) in _WORD_BRANDS and not s[m.start() : m.end()][:1].isupper():
        return None  # "hang by threads", "the seeds of discord": the words, not the brands
    if i == 0 or _DIGIT.search(s) or _CREDIT_LEAD.match(s):
        return None  # the page's title, a survey's figure ("- 95% use YouTube"), a credit ("Photo via …")
    # the prompt points at the site: its news or channel ("vesti", "Berita", "channel"), or the site itself as
    # "us" ("Folge uns auf", "Rejoignez-moi sur"); or it stands under the article's last paragraph. A headline
    # or subhead naming a platform ("Senate votes to ban TikTok", "Life on Instagram") does neither.
    tokens = {t for w in s.casefold().split() for t in w.strip(",.:;!…").split("-") if t}
    if tokens & _THEIRS:
        return None  # someone else's channel ("Его канал в Telegram"): a caption or the story's, not the site's
    channel = (m.group(2) or "") in PLATFORM_PLACES and m.group(2)
    pointer = label_cue(s) or channel or next(iter(tokens & _US), None)
    after = s.casefold()[m.end(1) : m.end(1) + 1]  # (m was found on the folded line)
    inflected = after.isalpha() or after in ("'", "’")
    if inflected and not (channel or tokens & _US):
        return None  # an inflected brand is how a sentence names it ("stanowisko na Facebooku"): "us" must point
    if not pointer and not _under_the_article(blocks, i):
        return None
    return 80.0, f"platform prompt: a short line closing on the platform {m.group(1)!r}"


def _under_the_article(blocks: Sequence[str], i: int) -> bool:
    """Block ``i`` is among the page's last three lines with no paragraph under it."""
    n = len(blocks)
    return i >= n - _TAIL_LINES and not any(len(b.split()) >= _PARAGRAPH_WORDS for b in blocks[i + 1 :])


# ----------------------------------------------------------------------------------------- share prompt
_SHARE_WORDS = 5
_SHARE_CHARS = 50
_VERB_FIRST_WORDS = 3  # the verb and a short object ("Dela med", "Condividi l'articolo")
_SPACELESS_BUTTON = 4  # characters of a share button in a spaceless script ("分享至", "复制分享")
# the page a share button points at: its language's word for the article or post ("Deel dit artikel via:",
# "Bu Yazıyı Paylaş", "이 기사를 공유합니다")
_PAGE_WORDS = frozenset(
    (
        "article", "artikel", "artikeln", "artikkel", "artikkelen", "artiklen", "artículo", "artigo", "articolo",
        "l'articolo", "articol", "articolul", "artykuł", "wpis", "post", "článek", "článok", "članak", "cikket",
        "cikk", "yazıyı", "yazı", "haberi", "haber", "bài", "статью", "статтю", "новость", "новину", "άρθρο",
        "기사를", "기사", "글", "記事", "記事を", "文章", "berita", "المقال", "הכתבה", "لمقال",
    )
)  # fmt: skip
_PLATFORM_NAMES = frozenset(p.replace(" ", "") for p in PLATFORMS) | {"카카오톡", "페이스북", "트위터", "라인"}
_BUTTON_PREPOSITIONS = frozenset(("med", "via", "på", "auf", "sur", "su", "en", "on", "na", "в", "ile", "dengan"))
_STEMS_LONGEST_FIRST = sorted(SHARE_STEMS, key=len, reverse=True)
_SHARE_STEM = re.compile(
    r"(?<![^\W\d_])(?:"
    + "|".join(re.escape(s).replace(r"\ ", r"\s+") for s in _STEMS_LONGEST_FIRST)
    + r")|"
    + "|".join(map(re.escape, SHARE_INFIXES))
)
_SHARE_CLOSED = re.compile(r"[.?？。!！]\s*$|\d|://")


def _may_share(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= _SHARE_CHARS and bool(_SHARE_STEM.search(s.casefold()))


def share_prompt(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is a share button or prompt: the share verb alone, or with what a button adds to it."""
    s = " ".join(blocks[i].split()).strip("•·|-–— ")
    words = s.split()
    if not s or len(words) > _SHARE_WORDS or len(s) > _SHARE_CHARS or _SHARE_CLOSED.search(s):
        return None
    low = s.casefold()
    m = _SHARE_STEM.search(low)
    if m is None:
        return None
    bare = low.rstrip(":：").strip()
    if " " not in bare:
        # the verb alone ("Paylaş", "SDÍLEJ:", "Поширити:"); in a spaceless script a short line that opens or
        # closes on it ("分享至", "复制分享"), not a headline with the word inside ("专家分享养生秘诀")
        word = m.group(0)
        spaceless = bare != word and SPACELESS.search(bare)
        if not spaceless or (len(bare) <= _SPACELESS_BUTTON and (bare.startswith(word) or bare.endswith(word))):
            return 80.0, f"share prompt: the share word {word!r} alone"
        return None
    if i == 0:
        return None  # the page's title ("Teilen statt besitzen", "Custodia compartida")
    tokens = [w.strip(":：,") for w in low.split()]
    verb_first = m.start() < len(words[0])
    verb_last = m.start() >= len(low) - len(words[-1])
    pointer = next((t for t in tokens if t in _PAGE_WORDS), None)
    if pointer and (verb_first or verb_last):
        return 80.0, f"share prompt: the share word {m.group(0)!r} with {pointer!r}"  # "Bu Yazıyı Paylaş"
    platform = next((t for t in tokens if t in _PLATFORM_NAMES), None)
    if platform and (verb_first or verb_last) and len(words) <= _VERB_FIRST_WORDS:
        return 80.0, f"share prompt: the share word {m.group(0)!r} and {platform!r}"  # "카카오톡 공유하기"
    if verb_first and len(words) == 2 and tokens[1] in _BUTTON_PREPOSITIONS:
        return 80.0, f"share prompt: the share word {m.group(0)!r} and {tokens[1]!r}"  # "Dela med"
    return None  # a title or subhead with the word in it ("Teilen und herrschen", "Kennis delen")


# "Instagram: @malaysiagazette", "Youtube MG : MalaysiaGazette TV", "TIK TOK: @VTVCanal.8", "X : @…": a platform
# (a word or two after it: the channel's name), a colon, the handle or the account's name
_HANDLE_LINE = re.compile(
    r"^\W{0,3}((?i:" + "|".join(re.escape(p) for p in sorted((*PLATFORMS, "tik tok"), key=len, reverse=True))
    + r")|X)(?:[ -][^\W\d_][\w-]{0,15}){0,2}[ \t]*[:：][ \t]*(\S[^\n]{0,60})$"
)
_FOLLOW_REACH = 2  # lines between two handles of the same list
_ACCOUNT = re.compile(r"^@[\w.]+|[\w-]+\.[a-z]{2,}(?:/\S*)?$|^[\w.-]*[A-Z_][\w.-]*$")  # @handle, a domain, VTV_Canal8
_LABEL_WORDS = 6
_TAIL_AFTER = 3  # lines that may follow the site's list at the page's end


@lru_cache(maxsize=4096)
def _handle(line: str) -> tuple[str, str] | None:
    """(the platform, the account) of a "Platform : account" line, the account an @handle, a domain or an
    account's name (a word or few, each capitalised: "Malaysia Gazette", "MG Podcast"); not a phrase or a
    figure ("Facebook outage: millions locked out", "Facebook: 3.07 billion")."""
    s = line.strip()
    if len(s) > 90 or ends_sentence(s) or not (m := _HANDLE_LINE.match(s)):
        return None
    value = m.group(2).strip()
    words = value.split()
    if _ACCOUNT.search(value) or (len(words) <= 4 and all(w[:1].isupper() or w[:1] == "@" for w in words)):
        return m.group(1).casefold(), value
    return None


def follow_list(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is an entry of the site's list of its accounts: "Facebook : Malaysia Gazette" /
    "Instagram : @malaysiagazette" / "TikTok : …" (round 32 f32-12, under "IKUTI KAMI DI MEDIA SOSIAL"; stop 20's
    review in-13, "THREADS: @vtv_canal8" / "TELEGRAM: VTV_Canal8" under "Síguenos:"), one platform and its account
    a line, two platforms or more, under the site's "follow us" or closing the page. Accounts the article lists
    (people's under their names; a ministry's new accounts under "The new official accounts are:" with the text
    going on) and a headline or a figure after a platform's name stay (stop 23's second review)."""
    if _handle(blocks[i]) is None:
        return None
    lo, hi = _run_end(blocks, i, -1), _run_end(blocks, i, 1)
    if len({h[0] for k in range(lo, hi + 1) if (h := _handle(blocks[k]))}) < 2:
        return None  # one account (or one platform's several): someone's, as the article names it
    under_label = any(_follow_label(blocks[k]) for k in range(max(0, lo - 2), lo))
    after = blocks[hi + 1 :]
    closing = len(after) <= _TAIL_AFTER and all(len(a.split()) <= _LABEL_WORDS for a in after)  # a last menu
    if not (under_label or closing):
        return None  # neither under the site's "follow us" nor closing the page: accounts the article lists
    return 85.0, "follow list: a platform and the site's account, in a list of them"


def _run_end(blocks: Sequence[str], i: int, step: int) -> int:
    """The last handle line of the list through line ``i``, going ``step`` (-1 up, 1 down): a handle line
    within two lines of the previous one still belongs to the list."""
    end = i
    while True:
        near = range(end + step, end + step * (_FOLLOW_REACH + 1), step)
        k = next((k for k in near if 0 <= k < len(blocks) and _handle(blocks[k])), None)
        if k is None:
            return end
        end = k


def _follow_label(line: str) -> bool:
    """The site's "follow us" over its list: a few words, no sentence, the site as the reader's "us" ("IKUTI
    KAMI DI MEDIA SOSIAL", "Síguenos:"); a name over someone's accounts ("Alexandria Ocasio-Cortez") or a lead
    that introduces them ("The new official accounts are:") is the article's."""
    s = line.strip()
    words = [w.strip(":：!.,").casefold() for w in s.split()]
    return 0 < len(words) <= _LABEL_WORDS and not ends_sentence(s) and any(w in _US for w in words)


def _may_follow(line: str) -> bool:
    return _may_prompt(line) or line.lstrip(" •·-*").startswith("X") or "tik tok" in line[:12].casefold()


CTA_SHAPES = {"platform-prompt": platform_prompt, "share-prompt": share_prompt, "follow-list": follow_list}
CTA_CANDIDATES = {"platform-prompt": _may_prompt, "share-prompt": _may_share, "follow-list": _may_follow}
