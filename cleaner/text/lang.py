"""A small language guess, only good enough to scope rules by language.

Rules with a ``languages`` scope need the document language. When the caller does not give it, we guess
from the script (Cyrillic, Greek, CJK, Hangul, Kana, Arabic, Thai …) and, for Latin text, from the most
frequent function words. The guess abstains (returns None) when the evidence is thin, and a rule scoped
by language then does not run: missing some boilerplate is better than removing article text.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from functools import lru_cache
from itertools import islice, repeat

__all__ = ["guess_language"]

# Function words that are frequent in each language and rare as words of the others.
_STOPWORDS: dict[str, frozenset[str]] = {
    lang: frozenset(words.split())
    for lang, words in {
        "en": "the and of to is in that for with was are this on be have from which not but they their has",
        "fr": "le la les des est et une dans pour qui que sur pas du au aux avec sont ce cette par il elle",
        "de": "der die das und ist nicht mit den dem ein eine zu auf für von sich auch des im wird sind",
        "es": "el la los las de que y en un una es por con para del se al lo como más pero sus está",
        "pt": "o a os as de que e em um uma é para com não do da dos das no na se por ao mais como",
        "it": "il la di che e un una è per con non del della dei le gli sono nel alla anche come",
        "nl": "de het een en van is dat op te in niet met voor zijn er aan ook als bij door",
        "tr": "ve bir bu da de için ile çok olarak daha gibi ama olan kadar sonra değil ancak",
        "id": "yang dan di ini itu dengan untuk dari dalam tidak akan pada juga ada adalah kami",
        "pl": "i w nie na się z do jest że to o jak ale po co tak przez dla są",
        "cs": "a v se na je že s z do to i o jako ale by pro jsou tak nebo",
        "vi": "và của là có các cho được trong này những với một không người đã",
    }.items()
}
_WORD = re.compile(r"[^\W\d_]+")
_NON_LATIN = re.compile("[\u0250-\U0010ffff]")  # letters from here on are voted by script name
# ASCII letters lower-cased, other ASCII bytes blanked, bytes of multi-byte characters kept
_ASCII_WORD_BYTES = bytes(b if b >= 0x80 else (b | 0x20) if chr(b).isalpha() else 0x20 for b in range(256))
# quotes, dashes and bullets: never part of a word, so a space in their place splits words as _WORD does
_SEPARATORS = "’‘“”–—…«»•‹›„‚′″·"
_STOP_BYTES = {lang: tuple(w.encode() for w in sorted(stop)) for lang, stop in _STOPWORDS.items()}
_SCRIPTS = (
    ("HANGUL", "ko"),
    ("HIRAGANA", "ja"),
    ("KATAKANA", "ja"),
    ("CJK", "zh"),
    ("CYRILLIC", "ru"),
    ("GREEK", "el"),
    ("ARABIC", "ar"),
    ("HEBREW", "he"),
    ("THAI", "th"),
    ("DEVANAGARI", "hi"),
)


def guess_language(text: str, sample: int = 4000) -> str | None:
    """Return an ISO 639-1 code for ``text``, or None when unsure.

    Runs once per document, so the common case is kept cheap: when no letter of the sample lies
    outside the Latin range, the script count is known without looking at every character, and the
    function words are counted in C (``Counter``) instead of one Python test per word and language.
    The answer is the same as the plain per-character reading.
    """
    head = text[:sample]
    if not any(c.isalpha() for c in _NON_LATIN.findall(head)):
        # Only Latin letters: the script vote is "LATIN"; all that matters is having 20 letters.
        if sum(1 for _ in islice(filter(str.isalpha, head), 20)) < 20:
            return None
    else:
        letters = [c for c in head if c.isalpha()]
        if len(letters) < 20:
            return None
        scripts: Counter[str] = Counter()
        for c in letters[:2000]:
            scripts["LATIN" if ord(c) < 0x250 else _script(c)] += 1
        total = sum(scripts.values())
        top, count = scripts.most_common(1)[0]
        if top == "other":
            return None  # a script we have no code for: abstain
        if top != "LATIN" and count / total > 0.3:
            # Kana anywhere means Japanese even when Han characters dominate.
            if top == "zh" and scripts.get("ja", 0) / total > 0.05:
                return "ja"
            return top
    counts, n_words = _word_counts(head)
    if n_words < 8:
        return None
    scores = {lang: sum(map(counts.get, stop, repeat(0))) for lang, stop in _STOP_BYTES.items()}
    best = max(scores, key=lambda k: scores[k])
    ranked = sorted(scores.values(), reverse=True)
    if ranked[0] < 3 or ranked[0] < 0.08 * n_words or ranked[0] < 1.3 * ranked[1]:
        return None
    return best


def _word_counts(head: str) -> tuple[Counter[bytes], int]:
    """Counts of ``w.lower()`` for ``w in _WORD.findall(head)`` (UTF-8 encoded), and their number.

    Avoids a regex scan of every character: on the UTF-8 bytes one ``translate`` lower-cases ASCII
    letters and blanks every other ASCII character (none is part of a word), ``split`` cuts the words,
    and only the few pieces holding non-ASCII characters (accented words, words glued to curly quotes)
    go through the regex.
    """
    if not head.isascii():
        for c in _SEPARATORS:  # common non-word characters beyond ASCII: the regex is spared their pieces
            if c in head:
                head = head.replace(c, " ")
    pieces = head.encode("utf-8", "surrogatepass").translate(_ASCII_WORD_BYTES).split()
    counts = Counter(pieces)
    n = len(pieces)
    if not head.isascii():
        for piece in [p for p in counts if not p.isascii()]:
            k = counts.pop(piece)
            words = _WORD.findall(piece.decode("utf-8", "surrogatepass"))
            n += (len(words) - 1) * k
            for w in words:
                counts[w.lower().encode("utf-8", "surrogatepass")] += k
    return counts, n


@lru_cache(maxsize=8192)
def _script(c: str) -> str:
    """Language code of a non-Latin letter's script ("other" when we have none)."""
    name = unicodedata.name(c, "")
    return next((code for prefix, code in _SCRIPTS if name.startswith(prefix)), "other")
