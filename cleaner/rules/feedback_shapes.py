"""The page-feedback widget of help centres, documentation and shops, in any language (issue 10, stop 18).

- ``feedback-widget`` (B2): "Was this page helpful?" over its answer buttons ("Yes No", "有帮助没帮助"), the
  widget's thanks ("Thank you for your feedback!") and the count of readers it helped ("1 out of 12 found
  this helpful"), and under the question at the page's foot every state it prints ("Great!", "Sorry we could not
  help", "Feedback sent"). Help pages and docs are a large share of the pages that are not news (rounds 24–27:
  f24-21, f25-24, f27-24), and the widget's words are few: the word for *helpful* (``HELPFUL_CUES``), for
  *feedback* and for *thanks* (:mod:`cleaner.rules.edge_vocab`). What tells the widget from the text is its
  shape: a short question holding the helpful word with buttons or a thanks line under it, or at the page's
  foot with no paragraph under it; a thanks line that names the feedback within a few lines of such a
  question or at the foot; a count line with the helpful word within two lines under the question. A subhead
  asking whether a thing is useful ("Is Bitcoin useful?") over the text's answer, or a list's "5 Useful
  Tools", has none of these and stays (on Dragnet's bodies a count without its question took two numbered
  subheads: "8. Be overly helpful").
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from cleaner.rules.edge_vocab import FEEDBACK_CUES, HELPFUL_CUES, THANKS_CUES
from cleaner.rules.shape_vocab import ends_sentence

__all__ = ["FEEDBACK_PAGE_CANDIDATES", "FEEDBACK_SHAPES", "feedback_widget"]

Evidence = tuple[float, str]

_QUESTION = re.compile(r"[?？؟]\s*$")
_DIGIT = re.compile(r"\d")
_MAX_WORDS = 14  # a widget's question or thanks line; a paragraph asking the reader is longer
_MAX_CHARS = 90
_BUTTON_WORDS = 3  # "Yes No", "Ja | Nein", "👍 👎"
_BUTTON_CHARS = 24
_ANSWER_CHARS = 12
_THANKS_REACH = 4  # lines under the question in which the widget's thanks stands
_FOOT_LINES = 8  # the widget's states under its question when they end the page
_FOOT_THANKS = 2  # thanks lines among them: the widget thanks the reader under each answer


# The line tests below are asked again of the same line by each of its neighbours (a question by the lines under
# it, a line under a question by the question): memoised on the line alone, like tail_shapes' ``_story``.


def _cue(pattern: re.Pattern[str], line: str) -> bool:
    return bool(pattern.search(line.casefold()))


def _short(line: str) -> bool:
    s = line.strip()
    return 0 < len(s) <= _MAX_CHARS and len(s.split()) <= _MAX_WORDS


@lru_cache(maxsize=4096)
def _question(line: str) -> bool:
    """The widget's question: short, closed by a question mark, holding the word for helpful."""
    return _short(line) and bool(_QUESTION.search(line)) and _cue(HELPFUL_CUES, line)


@lru_cache(maxsize=4096)
def _buttons(line: str) -> bool:
    """The answer buttons under the question, on one line: two or three short words ("Yes No", "Ja | Nein"), or
    the answers glued, holding the helpful word ("有帮助没帮助"); no digit, no sentence. One word alone is an FAQ's
    answer as often ("No", "Да": stop 18's review)."""
    s = line.strip()
    if not 0 < len(s) <= _BUTTON_CHARS or _DIGIT.search(s) or ends_sentence(s.rstrip("!！")) or "," in s:
        return False
    words = [w for w in s.split() if any(c.isalnum() for c in w)]
    return 2 <= len(words) <= _BUTTON_WORDS or (len(words) == 1 and _cue(HELPFUL_CUES, s))


@lru_cache(maxsize=4096)
def _thanks(line: str) -> bool:
    """The widget's thanks: a short line that thanks and names the feedback ("Thank you for your feedback!");
    one that thanks someone by name or crowd after a comma is a post's ("Thanks for the feedback, everyone!")."""
    s = line.strip().rstrip("!！.。")
    return _short(s) and "," not in s and _cue(THANKS_CUES, s) and _cue(FEEDBACK_CUES, s)


@lru_cache(maxsize=4096)
def _count(line: str) -> bool:
    """A helpfulness count: a short line with a figure and the word for helpful, no sentence, no comma (a
    review's "5 stars, very helpful on trips" is the review's)."""
    s = line.strip()
    return _short(s) and len(s.split()) <= 10 and bool(_DIGIT.search(s)) and _cue(HELPFUL_CUES, s) and (
        not ends_sentence(s) and "," not in s
    )


def _widget_question(blocks: Sequence[str], k: int) -> bool:
    """Block ``k`` is the widget's question: its buttons or its count right under it, or its thanks within a few
    lines. A question at the page's foot alone is an FAQ's or a guide's as often ("Is the app useful offline?")."""
    if not _question(blocks[k]):
        return False
    below = blocks[k + 1 : k + 1 + _THANKS_REACH]
    return bool(below) and (
        _buttons(below[0]) or _button_pair(below) or _count(below[0]) or any(_thanks(b) for b in below)
    )


@lru_cache(maxsize=4096)
def _answer(line: str) -> bool:
    """One answer button on a line of its own ("Sí", "아니요"): a word, no digit, no sentence, no comma."""
    s = line.strip().strip("|·•")
    return 0 < len(s) <= _ANSWER_CHARS and len(s.split()) == 1 and not _DIGIT.search(s) and not ends_sentence(s)


def _button_pair(below: Sequence[str]) -> bool:
    """The two answers on lines of their own ("예" / "아니요"); one word over a sentence is an FAQ's answer."""
    return len(below) >= 2 and _answer(below[0]) and _answer(below[1])


def _inline(line: str) -> bool:
    """The question and its buttons on one line ("Hjälpte informationen dig? Ja Nej", fresh f28-21)."""
    q, mark, answers = line.strip().rpartition("?")
    return bool(mark) and _question(q + mark) and _buttons(answers)


def feedback_widget(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is a line of a page-feedback widget: its question, its buttons, its thanks or a count."""
    line = blocks[i]
    if _inline(line):
        return 85.0, "feedback widget: a question asking whether the page helped, its buttons on the line"
    if _widget_question(blocks, i):
        return 85.0, "feedback widget: a short question asking whether the page helped"
    if i > 0 and _buttons(line) and _widget_question(blocks, i - 1):
        return 85.0, "feedback widget: the answer buttons under its question"
    above = range(max(0, i - 2), i)  # the question one or two lines up
    if _answer(line) and any(_question(blocks[k]) and _button_pair(blocks[k + 1 : k + 3]) for k in above):
        return 85.0, "feedback widget: an answer button under its question"
    if _thanks(line) and any(_widget_question(blocks, k) for k in range(max(0, i - _THANKS_REACH), i)):
        return 85.0, "feedback widget: its thanks for the reader's feedback"
    if _count(line) and any(_widget_question(blocks, k) for k in range(max(0, i - _THANKS_REACH + 1), i)):
        return 80.0, "feedback widget: a count of readers who found the page helpful, under its question"
    if _short(line) and _widget_foot(blocks, i):
        return 80.0, "feedback widget: one of its states (answered, sorry, sent) under its question, at the page's foot"
    return None


def _widget_foot(blocks: Sequence[str], i: int) -> bool:
    """Block ``i`` stands under the widget's question in the page's last lines, all short, none a sentence, two of
    them its thanks: a help centre prints every state of the widget ("Bagus!" / "Terima kasih atas umpan balik
    Anda" / "Maaf! Kami tidak dapat membantu" / "Umpan balik terkirim", a Freshdesk page, f31-19), and nothing of
    the article follows it."""
    n = len(blocks)
    if n - i > _FOOT_LINES:
        return False
    for k in range(max(0, n - _FOOT_LINES - 1), i):
        if _widget_question(blocks, k):
            below = blocks[k + 1 :]
            thanks = sum(map(_thanks, below))
            # one thanks per state the widget prints: a single thanks over short lines is a reader's comment
            # thread or the article's steps under it (stop 20's second review, tests/data/review/stop20b)
            told = all(_thanks(b) or not ends_sentence(b.rstrip("!！")) for b in below)
            return thanks >= _FOOT_THANKS and told and all(map(_short, below))
    return False


def _may_be_feedback(line: str) -> bool:
    """The candidate test on the line alone: short, and a helpful, thanks, button or answer shape in it."""
    return len(line) <= _MAX_CHARS and (
        _answer(line) or _buttons(line) or _cue(HELPFUL_CUES, line) or _cue(THANKS_CUES, line)
    )


def _feedback_lines(blocks: Sequence[str], indices: Sequence[int]) -> list[int]:
    """The page's candidates: the lines that pass :func:`_may_be_feedback`, and every short line of the page's
    foot, where the widget's other states stand (:func:`_widget_foot`)."""
    foot = len(blocks) - _FOOT_LINES
    return [i for i in indices if (i >= foot and len(blocks[i]) <= _MAX_CHARS) or _may_be_feedback(blocks[i])]


FEEDBACK_SHAPES = {"feedback-widget": feedback_widget}
FEEDBACK_PAGE_CANDIDATES = {"feedback-widget": _feedback_lines}
