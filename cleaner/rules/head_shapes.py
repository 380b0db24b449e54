"""Head shapes: page furniture above the article's title, told apart by shape and position.

- ``section-label`` (B2, POLICY A.2 "the site's section headers"): one to three lines of one or two
  words each ("Nogomet", "Sukan", "BITCOIN", "NTB utenriks") as the page's first lines, directly above a
  headline-shaped title (four words or more, no closing full stop) that is itself followed by more text.

The guards keep what the shape is not: a short title over its text (the line under the label must be
headline-shaped, not prose, and a paragraph of eight words or more must follow it), a title over its
byline or dateline, a label line ending in ':' (the article's own list head), numbers and dates (other
shapes' business), and a label that is a word of the title (a kicker naming the subject stays).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["section_label"]

Evidence = tuple[float, str]

_SENTENCE_END = re.compile(r"[.!?。！？;؛۔।]['\"”’»)\]]*$")
_MAX_LABELS = 3
_LEDE_WORDS = 8  # the title is followed by its lede or first paragraph, not by a byline or a chip


def _label(line: str) -> bool:
    s = line.strip().strip("|•·-–— ")
    if not s or len(s) > 24 or any(c.isdigit() for c in s) or s.endswith((":", "：")):
        return False
    return len(s.split()) <= 2 and not _SENTENCE_END.search(s) and any(c.isalpha() for c in s)


def _title(line: str) -> bool:
    s = line.strip()
    n = len(s.split())
    if "|" in s or sum(c.isdigit() for c in s) >= 0.2 * len(s):
        return False  # a dateline or a meta line ("Sunday, October 21, 2012 at 8:02AM", "Date:… | Category:…")
    return 4 <= n <= 30 and len(s) <= 200 and not _SENTENCE_END.search(s) and not s.endswith((":", "："))


def section_label(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """Block ``i`` is one of the short section lines that open the page right above its title."""
    if i >= _MAX_LABELS or not all(_label(b) for b in blocks[: i + 1]):
        return None
    k = i + 1
    while k < len(blocks) and k < _MAX_LABELS and _label(blocks[k]):
        k += 1
    if k + 1 >= len(blocks) or not _title(blocks[k]) or len(blocks[k + 1].split()) < _LEDE_WORDS:
        return None  # no title under the labels, or no text under it: the short line is the title
        # (a title of three words is not told from a byline: "Bitcoin News / By DroomDroom Team", f3-17)
    title = {w.casefold() for w in blocks[k].split()}
    if any(w.casefold() in title for w in blocks[i].split()):
        return None
    return 80.0, f"section label: {k} short line(s) open the page above its title"
