"""What an item of a list or a row of a table is, for the shapes that take runs of short lines as furniture.

A menu, a breadcrumb or a header's bar is a run of short items; so are a timetable, an ingredient list and a table
written as text, which are the page's. These tests tell the second kind by what its items hold: figures that are
no widget's reading, cells that line up with the next row's.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

__all__ = ["list_value", "table_row"]

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
