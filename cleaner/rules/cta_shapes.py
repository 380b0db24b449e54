"""Calls to action told by what they point at: the site's channel on a social or messaging platform.

- ``platform-prompt`` (B3): a short line that ends with a platform's name (and the word for its channel or
  group): "dobivaj vesti na viber", "Cek Berita dan Artikel yang lain di Google News", "Folge uns auf
  Facebook", "Comentează pe Facebook...". The verbs of such prompts differ in every language and site
  (wordings in rules/generic.yaml cover a few); the platforms are the same brands everywhere, and the
  prompt's shape is the same: a few words, a short preposition, the platform last.

What stays: a sentence of the article that ends on a platform (a full stop closes it: "The video was
posted on YouTube."), a caption's credit in brackets ("(screenshot video YouTube)"), a line of more than
fourteen words, a headline that only names a platform ("Telegram's TON surges") or is set in title case
("Top Global Topics on Facebook": two words of four letters or more and every one capitalised, which leaves
German prompts of two nouns to the wordings), and a line with no short word before the platform (a list
of the platform's names is a share bar: ``generic.share.labels``).

On Dragnet's 1,318 reference bodies it takes 0.013–0.015% of the tokens: two follow prompts the references
keep ("Follow @universetoday on Twitter", "Get the DIYP greatness via RSS, newsletter and Twitter") and two
sentence-case subheads ("Highlighting journalists on Google News").
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.rules.shape_vocab import PLATFORM_PLACES, PLATFORMS

__all__ = ["CTA_CANDIDATES", "CTA_SHAPES", "platform_prompt"]

Evidence = tuple[float, str]

_MAX_WORDS = 14
_MAX_CHARS = 140
_PREPOSITION_CHARS = 3  # "on", "di", "na", "pe", "auf", "sur", "в", "на": a short word before the platform
_PLATFORM = re.compile(
    r"(?<![\w.])(" + "|".join(re.escape(p) for p in sorted(PLATFORMS, key=len, reverse=True)) + r")"
    r"(?:[-\s]+(\w+))?[\s!…:.]*$",
)
_TITLE_WORD = 4  # the words a headline's title case shows on (not "on", "of", "the")
_OPEN_STOP = re.compile(r"(?<![.…])\.\s*$")  # one full stop: a sentence ("… posted on YouTube.")


def _may_prompt(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= _MAX_CHARS and any(p in s.casefold() for p in PLATFORMS)


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
    return 80.0, f"platform prompt: a short line closing on the platform {m.group(1)!r}"


CTA_SHAPES = {"platform-prompt": platform_prompt}
CTA_CANDIDATES = {"platform-prompt": _may_prompt}
