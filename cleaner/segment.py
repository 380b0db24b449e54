"""Cut a document into blocks (policy A1) and sentences, keeping raw character offsets.

A block is one line of the input; a line holding only whitespace is a separator, not a block.
Sentences are used inside blocks, where flattened one-line articles hide their structure.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["Block", "split_blocks", "sentence_starts"]


@dataclass(frozen=True)
class Block:
    """One non-blank line: its index among blocks and its raw span (without the newline)."""

    index: int
    start: int
    end: int


def split_blocks(text: str) -> list[Block]:
    """Return the non-blank lines of ``text`` as blocks, in order."""
    blocks: list[Block] = []
    pos = 0
    n = len(text)
    while pos <= n:
        nl = text.find("\n", pos)
        end = n if nl < 0 else nl
        if not text[pos:end].isspace() and end > pos:
            blocks.append(Block(len(blocks), pos, end))
        if nl < 0:
            break
        pos = nl + 1
    return blocks


# A sentence ends with . ! ? … or CJK full stops, optionally followed by closing quotes/brackets, then
# whitespace (or, for CJK stops, anything).
_SENT_END = re.compile(r"""(?:[.!?…]+["'”’»)\]]*\s+|[。！？]+["'”’」』)]*\s*)""")


def sentence_starts(text: str, start: int = 0, end: int | None = None) -> list[int]:
    """Raw offsets where sentences start inside ``text[start:end]`` (the first is ``start``)."""
    end = len(text) if end is None else end
    starts = [start]
    for m in _SENT_END.finditer(text, start, end):
        if m.end() < end:
            starts.append(m.end())
    return starts
