"""The comparison form: what two pieces of text look like when we ask "is this the same text?".

Scraped copies of one sentence differ in quotes, apostrophes, dashes, case, HTML entities and
non-breaking spaces. Matching therefore runs on a *comparison form* (policy C1): ``html.unescape`` →
NFKC → casefold → delete every Unicode punctuation character (category P*) → fold whitespace → trim.

The comparison form is used to compare only; output characters are never rewritten. To cut a match
found in the comparison form out of the original text, :func:`comparison_map` also returns, for every
comparison character, the index of the raw character it came from.

Every character is normalised on its own (with a cache), so the plain and the mapped forms are always
identical — a match found in one is found in the other.
"""

from __future__ import annotations

import codecs
import html
import re
import threading
import unicodedata
from collections.abc import Iterable, Sequence
from functools import lru_cache
from itertools import compress

__all__ = [
    "comparison_form", "comparison_forms", "unfolded_forms", "comparison_map", "is_cjk", "unescape_entities", "WORD_RE",
]

_ENTITY_RE = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});?")
# ``\w`` in Python's re is Unicode-aware: letters, digits and underscore of every script.
WORD_RE = re.compile(r"\w+")


class _PunctTable(dict):
    """``str.translate`` table deleting Unicode punctuation (category P*), filled on demand.

    Scanning all 1.1 million code points up front costs ~0.3 s at start-up; each distinct character
    is looked up once instead.
    """

    def __missing__(self, cp: int) -> int | None:
        value = None if unicodedata.category(chr(cp))[0] == "P" else cp
        self[cp] = value
        return value


_PUNCT = _PunctTable()


def _punct_table() -> _PunctTable:
    return _PUNCT


_char_cache: dict[str, str] = {}


def _norm_char(ch: str) -> str:
    """Comparison form of one character: '' for punctuation, ' ' for whitespace."""
    # The same steps as comparison_form, one character at a time.
    out = _char_cache.get(ch)
    if out is None:
        if ch.isspace():
            out = " "
        else:
            folded = unicodedata.normalize("NFKC", ch).casefold()
            out = "".join(" " if c.isspace() else c for c in folded.translate(_punct_table()))
        _char_cache[ch] = out
    return out


def _pieces(text: str):
    """Yield (raw_index, piece) with HTML entities decoded; a piece is one char or one entity."""
    if "&" not in text:
        yield from enumerate(text)
        return
    pos = 0
    for m in _ENTITY_RE.finditer(text):
        for i in range(pos, m.start()):
            yield i, text[i]
        decoded = html.unescape(m.group(0))
        if decoded == m.group(0):  # not an entity html knows: keep the characters
            for i in range(m.start(), m.end()):
                yield i, text[i]
        else:
            for ch in decoded:
                yield m.start(), ch
        pos = m.end()
    for i in range(pos, len(text)):
        yield i, text[i]


_ASCII_PUNCT = {ord(c): None for c in "!\"#%&'()*,-./:;?@[\\]_{}"}
_LATIN1_PUNCT = bytes(c for c in range(256) if unicodedata.category(chr(c))[0] == "P")


def comparison_form(text: str) -> str:
    """Return the comparison form of ``text`` (see module docstring).

    Whole-string operations, so it is fast; it equals the first element of :func:`comparison_map`
    except where NFKC composes a character with a following combining mark. Callers that need
    offsets take them from :func:`comparison_map` and search its form again.
    """
    if text.isascii():
        if "&" not in text:
            # ASCII needs no NFKC; its punctuation (P*) is exactly _ASCII_PUNCT.
            return " ".join(text.translate(_ASCII_PUNCT).lower().split())
        text = unescape_entities(text)
    elif "&" in text:
        text = unescape_entities(text)
    folded = _drop_punct(unicodedata.normalize("NFKC", text).casefold())
    return " ".join(folded.split())


def comparison_forms(texts: Sequence[str]) -> list[str]:
    """``[comparison_form(t) for t in texts]``, computed over the texts joined by newlines."""
    return [" ".join(p.split()) for p in unfolded_forms(texts)]


def unfolded_forms(texts: Sequence[str]) -> list[str]:
    """The comparison forms of ``texts`` before whitespace is folded and trimmed.

    A document's blocks are normalised together: one NFKC check, one casefold and one punctuation
    pass instead of one call per block. Every step works character by character and none makes or
    removes a newline, so splitting the result at the newlines gives each text's share. Texts that
    hold a newline themselves (or whose HTML entities decode to one) are done one by one.
    ``" ".join(u.split())`` of an unfolded form is the comparison form; so is that of the
    concatenation of the unfolded forms of consecutive pieces of a text cut after whitespace.
    """
    if len(texts) < 2:
        return [_unfolded(t) for t in texts]
    prepared = [unescape_entities(t) if "&" in t else t for t in texts]
    joined = "\n".join(prepared)
    if joined.count("\n") != len(texts) - 1:
        return [_unfolded(t) for t in texts]
    if joined.isascii():
        return joined.translate(_ASCII_PUNCT).lower().split("\n")
    if not unicodedata.is_normalized("NFKC", joined):
        joined = "\n".join(unicodedata.normalize("NFKC", t) for t in prepared)  # most are NFKC already
    return _drop_punct(joined.casefold()).split("\n")


def _unfolded(text: str) -> str:
    if "&" in text:
        text = unescape_entities(text)
    if text.isascii():
        return text.translate(_ASCII_PUNCT).lower()
    return _drop_punct(unicodedata.normalize("NFKC", text).casefold())


def _drop_punct(text: str) -> str:
    """``text`` without its Unicode punctuation (P*), through C fast paths where possible.

    ``str.translate`` with a dict costs a lookup per character once a string is not ASCII. Text in a
    Latin script holds few characters beyond Latin-1 (curly quotes, dashes, an arrow or an emoji):
    encoding to Latin-1 with an error handler drops those that are punctuation and stands a NUL in for
    each other one (set aside in order); the rest is a C table lookup on bytes, and the set-aside
    characters go back in place of the NULs. Text in another script, or holding a NUL, takes the table.
    """
    if text.isascii():
        return text.translate(_ASCII_PUNCT)
    if "\x00" in text:
        return text.translate(_PUNCT)
    for c in _COMMON_PUNCT:  # the usual ones go by replace, sparing the handler a call per quote
        if c in text:
            text = text.replace(c, "")
    state = _kept_state
    state.kept = []
    state.budget = len(text) // 256 + 8  # runs of other characters before the table is cheaper
    try:
        data = text.encode("latin-1", _DROP_PUNCT_ERRORS)
    except _TooMany:
        return text.translate(_PUNCT)
    finally:
        kept, state.kept = state.kept, []
    out = data.translate(None, _LATIN1_PUNCT).decode("latin-1")
    if not kept:
        return out
    parts = out.split("\x00")
    pieces = [parts[0]]
    for c, part in zip(kept, parts[1:], strict=True):
        pieces.append(c)
        pieces.append(part)
    return "".join(pieces)


class _TooMany(Exception):
    """Too many characters beyond Latin-1 that are not punctuation: the general table is cheaper."""


_kept_state = threading.local()
# punctuation beyond Latin-1 that scraped Latin-script text is full of: quotes, dashes, bullets
_COMMON_PUNCT = [c for c in "’‘“”–—‐‑‒―•′″‹›„‚" if unicodedata.category(c)[0] == "P"]


def _drop_beyond_latin1(exc: UnicodeError) -> tuple[str, int]:
    """Encoding error handler: drop punctuation, stand a NUL in for any other character (kept aside)."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    state = _kept_state
    state.budget -= 1
    if state.budget < 0:
        raise _TooMany
    out = []
    for c in exc.object[exc.start : exc.end]:
        if _PUNCT[ord(c)] is not None:
            state.kept.append(c)
            out.append("\x00")
    return "".join(out), exc.end


_DROP_PUNCT_ERRORS = "cleaner.drop-punctuation"
codecs.register_error(_DROP_PUNCT_ERRORS, _drop_beyond_latin1)


def unescape_entities(text: str) -> str:
    """The comparison form's first step: every HTML entity decoded (the page's skeleton in cleaner.html.prune
    starts from it too)."""
    return _ENTITY_RE.sub(lambda m: html.unescape(m.group(0)), text)


def comparison_map(text: str) -> tuple[str, list[int]]:
    """Return the comparison form and, per comparison char, the raw index it came from.

    Map a span of the form back to the raw text with :func:`raw_span` rather than by hand: it keeps
    entities and expanded characters whole.
    """
    if "&" not in text and text.isascii():
        return _ascii_map(text)
    chars: list[str] = []
    index: list[int] = []
    last_space = True  # trims leading whitespace
    for i, piece in _pieces(text):
        for c in _norm_char(piece):
            if c == " ":
                if last_space:
                    continue
                last_space = True
            else:
                last_space = False
            chars.append(c)
            index.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        index.pop()
    return "".join(chars), index


# each ASCII character as its class: "k" kept, "p" punctuation (deleted), "s" whitespace
_ASCII_CLASS = {c: "s" if chr(c).isspace() else "p" if c in _ASCII_PUNCT else "k" for c in range(128)}
_NOT_PUNCT = bytes.maketrans(b"kps", b"\x01\x00\x01")
_EMITS = bytes.maketrans(b"kSs", b"\x01\x01\x00")


def _ascii_map(text: str) -> tuple[str, list[int]]:
    """:func:`comparison_map` of ASCII text without entities, by whole-string operations.

    The per-character loop costs a Python step per character. Here each character is classed by
    one ``translate``; punctuation is dropped from the classes (and its positions with it, by
    ``compress``); a whitespace character directly after a kept one ("ks") is the one that becomes
    the space (the loop skips the rest of a run, and punctuation in between does not count), and
    none after the last kept character does. The positions of the kept characters and of those
    spaces are the index; the form is :func:`comparison_form`'s.
    """
    classes = text.translate(_ASCII_CLASS)
    if "p" in classes:
        positions: Iterable[int] = compress(range(len(text)), classes.encode().translate(_NOT_PUNCT))
        classes = classes.replace("p", "")
    else:
        positions = range(len(text))
    classes = classes[: classes.rfind("k") + 1].replace("ks", "kS")
    index = list(compress(positions, classes.encode().translate(_EMITS)))
    return " ".join(text.translate(_ASCII_PUNCT).lower().split()), index


def raw_span(text: str, index: list[int], start: int, end: int) -> tuple[int, int]:
    """Map a comparison-form span ``[start, end)`` back to a raw span of ``text``.

    The raw end is extended over the whole source piece of the last character (an entity such as
    ``&#8217;`` or a character that NFKC expanded), so a cut never splits one.
    """
    if start >= end:  # an empty span: a point before comparison char ``start`` (or at the end)
        point = index[start] if start < len(index) else len(text)
        return point, point
    raw_start = index[start]
    last = index[end - 1]
    raw_end = last + 1
    if text[last] == "&":
        m = _ENTITY_RE.match(text, last)
        if m:
            raw_end = m.end()
    return raw_start, raw_end


@lru_cache(maxsize=4096)
def is_cjk(ch: str) -> bool:
    """True for characters of scripts written without spaces between words (CJK, Thai, Kana …)."""
    if not ch:
        return False
    name = unicodedata.name(ch, "")
    return name.startswith(("CJK", "HIRAGANA", "KATAKANA", "HANGUL", "THAI", "LAO", "KHMER", "MYANMAR"))
