"""Notice boxes (policy B1): how far the box that a removed notice heading or lead opens runs.

A disclaimer is often not one paragraph but a small box: a heading ("📚 Disclaimer Edukasi",
"Disclaimer", "免责声明"), a lead sentence, a few bullet points (✅/❌/•/-) and a closing sentence
("Always do your own research …"). A rule that recognises the heading or the lead by its family
vocabulary removes that line; ``extend: box`` takes the rest of the box with it, decided by structure,
never by the box's wording:

- after a *heading* (a short line without a sentence end), one lead paragraph of any length, or the
  bullets directly;
- after a *lead* that announces a list (it ends with ':'), the bullets only;
- the bullets: short lines opened by a bullet mark or an emoji, in a row;
- after the bullets, at most one short closing line (one sentence of at most 200 characters),
  whether a blank line separates it or not (f3-08's DYOR sentence does, after a tight list).

The box stops at the first line that is none of these: the next heading, a bullet-less paragraph after
the lead, a longer paragraph of the article. So the article's own text after a box stays; what it may
take wrongly is an article paragraph of one short sentence right after a box's bullets.
"""

from __future__ import annotations

import re
import unicodedata

__all__ = ["box_length", "is_bullet", "is_heading_line", "opener_kind"]

_HEADING_MAX_CHARS = 60
_HEADING_MAX_WORDS = 8
_BULLET_MAX_CHARS = 200
_BULLETS_MAX = 12
_CLOSER_MAX_CHARS = 200
_LEAD_MAX_CHARS = 2500  # a platform's disclaimer paragraph after its heading can be long (OKX: ~1,900)
_SENTENCE_END = re.compile(r"[.!?。！？…]['\"”’»)\]]*$")
_SENTENCE_BREAK = re.compile(r"[.!?。！？](?:['\"”’»)\]]*\s+|(?<=[。！？]))\S")
_BULLET_MARKS = frozenset("•·▪▫◦‣⁃∙●○■□◆◇►▶▸▹➤➢→-–—*+✓✔✗✘☐☑☒")
_NUMBERED = re.compile(r"^(?:\d{1,2}|[a-zA-Z])[.)]\s")


def _ends_sentence(s: str) -> bool:
    return bool(_SENTENCE_END.search(s))


def _heading_shaped(s: str) -> bool:
    return 0 < len(s) <= _HEADING_MAX_CHARS and len(s.split()) <= _HEADING_MAX_WORDS and not _ends_sentence(s)


def is_heading_line(text: str) -> bool:
    """A heading-shaped line that is not a list item: short, few words, no sentence end."""
    s = text.strip()
    return _heading_shaped(s) and not is_bullet(s)


def opener_kind(text: str) -> str | None:
    """What a removed line can open: ``"heading"`` (short, no sentence end; an emoji may lead it),
    ``"lead"`` (a sentence announcing a list: it ends with ':'), or None (it opens no box)."""
    s = text.strip()
    if _heading_shaped(s):
        return "heading"
    if s.endswith((":", "：")):
        return "lead"
    return None


def is_bullet(text: str) -> bool:
    """A list item: opened by a bullet mark, a check/cross mark, an emoji or "1." / "a)"."""
    s = text.strip()
    if not s:
        return False
    c = s[0]
    if c in _BULLET_MARKS:
        return len(s) == 1 or not s[1].isalnum() or c in "•·▪◦‣⁃∙●■◆►▶▸➤✓✔✗✘☑☒"
    if unicodedata.category(c) == "So":  # ✅ ❌ ⚠ 📌 … (an emoji bullet)
        return True
    return bool(_NUMBERED.match(s))


def _sentences(s: str) -> int:
    return 1 + len(_SENTENCE_BREAK.findall(s))


def _closer(s: str) -> bool:
    """A box's closing line: one short sentence ("Always do your own research …"); an article's
    paragraph after a box is longer or holds more sentences."""
    return len(s) <= _CLOSER_MAX_CHARS and _ends_sentence(s) and _sentences(s) == 1 and not is_bullet(s)


def box_length(lines: list[str], *, heading: bool) -> int:
    """How many of ``lines`` (the lines after a removed notice heading or lead) belong to its box.

    ``heading`` is True when the removed line is the box's heading (a lead
    paragraph may follow), False when it is the lead itself (only its list follows, and only when the lead
    announces one: the caller checks that it ends with ':').
    """
    n = 0
    stripped = [x.strip() for x in lines]
    if heading:
        if not stripped or (is_heading_line(stripped[0]) and not stripped[0].endswith((":", "："))):
            return 0  # a heading right after the heading: another section, or nothing to take
        if not is_bullet(stripped[0]):
            if len(stripped[0]) > _LEAD_MAX_CHARS:
                return 0
            n = 1  # the lead paragraph
            if not (stripped[0].endswith((":", "：")) or (n < len(stripped) and is_bullet(stripped[n]))):
                return n  # a notice of one paragraph: the box is heading + lead
    first_bullet = n
    while n < len(stripped) and n - first_bullet < _BULLETS_MAX and is_bullet(stripped[n]):
        if len(stripped[n]) > _BULLET_MAX_CHARS:
            break
        n += 1
    bullets = n - first_bullet
    if not bullets:
        return n
    if n < len(stripped) and _closer(stripped[n]):
        n += 1
    return n
