"""What an item of a list or a row of a table is, for the shapes that take runs of short lines as furniture, and
what a bare count is when it is no step of a numbered list.

A menu, a breadcrumb or a header's bar is a run of short items; so are a timetable, an ingredient list and a table
written as text, which are the page's. These tests tell the second kind by what its items hold: figures that are
no widget's reading, cells that line up with the next row's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.rules.shape_vocab import ends_sentence

__all__ = ["bare_count", "field_line", "field_record", "list_value", "listed_under_label", "may_count", "table_row"]

Evidence = tuple[float, str]

_WIDGET_UNIT = re.compile(r"\d\s*(?:°|℃|℉|%|[$€£¥₩₹₽])|[$€£¥₩₹₽]\s*\d")


def list_value(line: str) -> bool:
    """An item holding a figure that is not a widget's reading: a time ("- 04:20"), an amount ("- 75g",
    "- 1/4袋"), a count; a temperature, a price or a change ("• 서울 6℃", "$3,521.91", "5.73%") is a weather or
    ticker cell, which a header's bar holds."""
    return any(map(str.isdigit, line)) and not _WIDGET_UNIT.search(line)


def table_row(blocks: Sequence[str], i: int) -> bool:
    """A row of a table written as text ("Datum | Höchststand | Ereignis |" over dated rows): a line next
    to one with as many of its separator, or whose cells carry figures. A menu stands alone and holds
    words, not numbers; a table's rows are the article's."""
    line = blocks[i]
    for sep in ("|", "•", "·"):
        n = line.count(sep)
        if n < 2:
            continue
        if any(0 <= k < len(blocks) and blocks[k].count(sep) == n for k in (i - 1, i + 1)):
            return True
        cells = [c for c in line.split(sep) if c.strip()]
        if sum(any(ch.isdigit() for ch in c) for c in cells) >= 2:
            return True
    return False


# A field of a record: a label of at most four words, its colon, and its value or nothing ("出版者:机械工业出版社",
# "料理: 小田真規子", "Prep time: 20 min", "装帧:"); not a clock ("12:57": a label opens on a letter), not a link
_FIELD_LINE = re.compile(r"^(?:[•·*▪-]\s*)?([^\W\d_][^:：]{0,29}?)\s?[:：](?!//)\s*(.{0,80})$")
_FIELD_BULLET = re.compile(r"^\s*[•·*▪◦-]\s*\S")
_RECORD_REACH = 2  # lines either side of a field in which its record's other fields stand
_RECORD_FIELDS = 2  # fields of a record: a label and its value in a row of two ("料理: … / 撮影: …") is one


def field_line(line: str) -> bool:
    """A line that is one field of a record: a short label with its colon, then a short value or none."""
    return _field(line) is not None


def _field(line: str) -> str | None:
    """The value of a field line ("" for a label alone), or None for a line that is no field."""
    m = _FIELD_LINE.match(line.strip())
    return m.group(2) if m and len(m.group(1).split()) <= 4 else None


def field_record(blocks: Sequence[str], i: int) -> bool:
    """Block ``i`` belongs to a record of fields: it is a field with another within two lines ("出版者:…",
    "作者:…", "页数:856" under a book's title; "料理: …", "撮影: …" under a recipe's), or an item of the list a
    field of a record holds ("图书标签:" over its tags). A book's, a product's, a recipe's or an event's
    details are the page's; a header's menu and a ticker bar are no label-and-value pairs."""
    if field_line(blocks[i]):
        near = range(max(0, i - _RECORD_REACH), min(len(blocks), i + _RECORD_REACH + 1))
        values = [v for k in near if (v := _field(blocks[k])) is not None]
        # ... and one of them holds a value: labels alone ("Kontrast:", "Rozmiar czcionki:", "Odstępy:") are an
        # accessibility toolbar's (fresh f26-08), a book's empty fields stand among filled ones
        return len(values) >= _RECORD_FIELDS and any(v.strip() for v in values)
    if not _FIELD_BULLET.match(blocks[i]):
        return False
    k = i
    while k > 0 and _FIELD_BULLET.match(blocks[k - 1]):
        k -= 1
    head = blocks[k - 1].strip() if k else ""
    return head.endswith((":", "：")) and field_record(blocks, k - 1)


_LIST_REACH = 30  # items a label's list runs to (a recipe's ingredients)
_LABEL_CHARS = 60
_ITEM_CHARS = 80


def listed_under_label(blocks: Sequence[str], i: int) -> bool:
    """Block ``i`` is an item of a list a short label opens ("Zutaten für 4 Portionen:" over "250 g Karotten" …
    "Salz", "Pfeffer"): every line between the label and it is short and none ends as a sentence. A recipe's
    ingredients, a product's features, an event's programme are the page's text, however like a menu's entries
    their lines look (stop 19's review: the learned head rule took "Salz" at 0.99)."""
    for k in range(i - 1, max(-1, i - 1 - _LIST_REACH), -1):
        line = blocks[k].strip()
        if not line:
            continue
        if line.endswith((":", "：")):
            return len(line) <= _LABEL_CHARS
        if len(line) > _ITEM_CHARS or ends_sentence(line):
            return False
    return False


_COUNT = re.compile(r"^\d{1,3}(?:[.,]\d{3})*(?:[.,]\d{1,2})?\s*[KkMm万]?$")  # "462", "1.2K", "4,512", "3万"
_STEP_REACH = 4  # lines between a step's number and the next: the step's text, a tip under it


def bare_count(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """A like, comment or share count on a line of its own ("462", "1.2K"), and no step of a numbered run: not
    the "2" whose "1" or "3" stands as bare a few lines away (a recipe's or a how-to's steps)."""
    s = blocks[i].strip()
    if not _COUNT.match(s) or numbered_step(blocks, i):
        return None
    return 80.0, "a bare count"


def numbered_step(blocks: Sequence[str], i: int) -> bool:
    """Whether the bare number on line ``i`` is a step of a numbered run: its "1" or "3" stands bare a few
    lines away (a recipe's or a how-to's steps, a ranking's places)."""
    s = blocks[i].strip()
    if not s.isdigit():
        return False
    steps = (str(int(s) - 1), str(int(s) + 1))
    near = range(max(0, i - _STEP_REACH), min(len(blocks), i + _STEP_REACH + 1))
    return any(k != i and blocks[k].strip() in steps for k in near)


def may_count(line: str) -> bool:
    """The candidate test of ``bare-count``: a short line that is a count."""
    return len(line) <= 24 and bool(_COUNT.match(line.strip()))


_ZERO = frozenset({"0", "(0)", "0 0", "0 0 0"})
_TABLE_RUN = 4  # bare figures in a row from which the lines are a table's column
_EDGE_ZEROS = 10  # "0 0" and "(0)" only among the page's first or last ten lines


def zero_count(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """A count of nothing alone on its line ("0", "0 0", "(0)"): a like, reaction, comment or share counter
    the page printed before anyone used it, anywhere on the page (under the post, beside each reaction's
    label). On the labelled sets no such line is the article's (18 removed, none kept, stop 23). A column of
    a table (a run of four bare figures or more), a label's value beside other values, a value a colon
    announces, "0 0 0" inside the text and the "0" of a numbered run ("1" bare a few lines away) stay (stop
    23's second review: a score, a stats box, a nutrition box, a program's output, a chorus)."""
    s = " ".join(blocks[i].split())
    if s not in _ZERO or numbered_step(blocks, i):
        return None
    rows = [blocks[k] for k in (i - 1, i + 1) if 0 <= k < len(blocks)]
    if any(_figure(r) and not _zeros(r) and (" " in s or len(r.split()) > 1) for r in rows):
        return None  # a row of figures beside a row of other figures: a table's ("0 0" over "1 1", a truth table)
    if s != "0" and (
        _EDGE_ZEROS <= i < len(blocks) - _EDGE_ZEROS
        or any(" ".join(blocks[k].split()) == s for k in (i - 2, i + 2, i - 3, i + 3) if 0 <= k < len(blocks))
    ):
        return None  # "0 0 0" inside the text, or again two lines on, is a line of it (a chorus's refrain)
    if i and blocks[i - 1].rstrip().endswith((":", "：")):
        return None  # a value announced ("The output is:" / "0")
    lo, hi = i, i
    while lo > 0 and _figure(blocks[lo - 1]):
        lo -= 1
    while hi + 1 < len(blocks) and _figure(blocks[hi + 1]):
        hi += 1
    if hi - lo + 1 >= _TABLE_RUN:
        return None
    # a label's value in a flattened table ("Rangers" / "0" / "Devils" / "2", "Goals" / "0" / "Assists" / "4"):
    # another figure, not a zero, one label away; a reaction bar's counts are all zero ("0" / "Beğendim" / "0")
    for k in (i - 2, i + 2):
        if 0 <= k < len(blocks) and _figure(blocks[k]) and not _zeros(blocks[k]):
            return None
    return 80.0, "a count of nothing alone on its line"


def may_be_zero(line: str) -> bool:
    """The candidate test of ``zero-count``."""
    return len(line) <= 16 and " ".join(line.split()) in _ZERO


def _figure(line: str) -> bool:
    """A line of figures only: a count, or a row of a flattened table ("0  1  0")."""
    words = line.split()
    return bool(words) and len(words) <= 8 and all(_COUNT.match(w) or w == "(0)" for w in words)


def _zeros(line: str) -> bool:
    return " ".join(line.split()) in _ZERO

