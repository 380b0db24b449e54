"""How two blocks that begin alike relate, when duplicate removal finds one's comparison form opening the other's.

A later block that starts with an earlier one is a teaser's fuller version (the teaser goes, policy C3), a copy with
the site's hashtag appended (C5), or a copy cut off (C2) — or neither, when the two are items of two lists that
open alike. These tests read the blocks' own text (their bullets, closing stops and tags), which the comparison
forms drop; :func:`cleaner.text.dedup._prefix_relation` asks them.
"""

from __future__ import annotations

import re

from cleaner.text.normalize import comparison_form

__all__ = ["own_sentence_end", "tagged_copy", "two_items"]

_ITEM = re.compile(r"\s*[•·\-–—*▪►▶■●◦○‣⁃]\s*\w")  # a bullet, then the item's text (not "* * *", a separator)
_FULL_STOP = re.compile(r"(?<![.…])[.!?。！？]\s*$")
_TRAILING_TAG = re.compile(r"\s+#[^\s#]+\s*$")


def two_items(a: str, b: str) -> bool:
    """Both blocks are bulleted list items: two sections' lists may open items alike ("• Відстежуйте статус … «Нова
    пошта»." under the courier and again, going on, under the pick-up point), which no teaser is."""
    return _ITEM.match(a) is not None and _ITEM.match(b) is not None


def own_sentence_end(text: str, earlier: str) -> bool:
    """``text`` ends a sentence where ``earlier``, whose comparison form starts with its own, goes on: two items
    of one list that begin alike ("- БЕЗКОШТОВНА доставка … від 2500 грн." under Укрпошта after "- БЕЗКОШТОВНА
    доставка … від 2500 грн (у відділення або поштомат)." under Нова пошта, f32-19), not a copy cut off (a cut
    ends mid-sentence, at an ellipsis, or at a sentence end the earlier block also has there)."""
    if _FULL_STOP.search(text) is None:
        return False
    return " ".join(text.split()[-3:]) not in " ".join(earlier.split())


def tagged_copy(text: str, form: str) -> bool:
    """``text`` is the block of comparison form ``form`` with one hashtag after it, and nothing else: the site's
    signature ("#SubahSamachar", f30-09 and stop 20's second review). A post that repeats its line with several
    tags ("… #SanIsidro #BibliotecaSanIsidro #Valladolid") keeps them (POLICY D1): the tagged line is then the
    fuller version, as before."""
    m = _TRAILING_TAG.search(text)
    return m is not None and comparison_form(text[: m.start()]) == form
