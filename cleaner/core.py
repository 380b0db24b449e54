"""The pure core: ``clean(text) -> Result``. No I/O, no global state beyond cached compiled rules.

Pipeline (the order of the labelling policy): split into blocks → boilerplate rules (B) → duplicate
removal on what is left (C) → assemble the kept pieces (E): each kept block becomes one paragraph with
whitespace folded, paragraphs joined by one blank line. Only characters of the input are written:
removed spans become a single space before whitespace is folded, nothing is rewritten or added.
"""

from __future__ import annotations

from .dedup import Unit, find_duplicates
from .lang import guess_language
from .matching import Document, find_boilerplate
from .result import Options, Removal, Result
from .rules import RuleSet, default_rules
from .segment import split_blocks

__all__ = ["clean", "DEFAULT_OPTIONS"]

DEFAULT_OPTIONS = Options()


def clean(
    raw: str,
    *,
    url: str | None = None,
    language: str | None = None,
    rules: RuleSet | None = None,
    options: Options | None = None,
) -> Result:
    """Clean one document.

    ``rules`` are compiled packs from :func:`cleaner.load_rules` (default: the bundled packs, loaded
    once per process). ``url`` and ``language`` scope rules; the language is guessed when not given.
    The returned :class:`Result` holds the clean text and every removal with its span in ``raw``.
    """
    if not isinstance(raw, str):
        raise TypeError(f"clean() takes text (str), not {type(raw).__name__}; decode bytes first")
    opt = options or DEFAULT_OPTIONS
    ruleset = default_rules() if rules is None else rules
    lang = language or guess_language(raw)
    doc = Document(raw, split_blocks(raw))

    boiler = find_boilerplate(doc, ruleset, url=url, language=lang)
    units = _units_after(doc, boiler)

    dups: list[Removal] = []
    moves = []
    if opt.dedup:
        dups, moves = find_duplicates(units, raw, opt)
        for r in dups:
            for u in units:
                if u.pieces and u.pieces[0][0] <= r.start and r.end <= u.pieces[-1][1]:
                    u.subtract(r.start, r.end, raw)
                    break

    by_block = {u.block: u for u in units}
    for mv in moves:
        by_block[mv.target] = by_block.pop(mv.source)
    paragraphs = []
    for b in range(len(doc.blocks)):
        u = by_block.get(b)
        if u is None or not u.pieces:
            continue
        para = " ".join(" ".join(raw[s:e] for s, e in u.pieces).split())
        if para:
            paragraphs.append(para)
    removals = tuple(sorted(boiler + dups, key=lambda r: (r.start, r.end)))
    return Result(
        text="\n\n".join(paragraphs),
        removals=removals,
        input_chars=len(raw),
        language=lang,
        url=url,
    )


def _units_after(doc: Document, removals: list[Removal]) -> list[Unit]:
    """What is left of every block once the boilerplate spans are cut out."""
    units: list[Unit] = []
    spans = sorted((r.start, r.end) for r in removals)
    k = 0
    for i, b in enumerate(doc.blocks):
        u = Unit(i, [(b.start, b.end)])
        while k < len(spans) and spans[k][1] <= b.start:
            k += 1
        j = k
        touched = False
        while j < len(spans) and spans[j][0] < b.end:
            u.subtract(spans[j][0], spans[j][1], doc.text, rebuild=False)
            touched = True
            j += 1
        if touched and not any(ch.isalnum() for s, e in u.pieces for ch in doc.text[s:e]):
            u.pieces = []  # only punctuation or symbols were left around the removed text
        if u.pieces:
            u.build(doc.text)
            units.append(u)
    return units
