"""The pure core: ``clean(text) -> Result``. No I/O, no global state beyond cached compiled rules.

Pipeline (the order of the labelling policy): split into blocks → boilerplate rules (B) → duplicate
removal on what is left (C) → assemble the kept pieces (E): each kept block becomes one paragraph with
whitespace folded, paragraphs joined by one blank line. Only characters of the input are written:
removed spans become a single space before whitespace is folded, nothing is rewritten or added.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable
from itertools import accumulate
from operator import attrgetter
from typing import Any

from cleaner.result import Options, Paragraph, Removal, Result
from cleaner.rules import Rule, RuleSet, default_rules
from cleaner.rules.matching import Document, find_boilerplate, host_of
from cleaner.rules.regex import folded_text, mark_folded
from cleaner.text.dedup import Move, find_duplicates
from cleaner.text.lang import guess_language, lazy_language
from cleaner.text.segment import Unit, units_of

__all__ = ["clean", "DEFAULT_OPTIONS"]

DEFAULT_OPTIONS = Options()
_EDGE_RECHECK = 12  # the widest edge window of a shape that has no scope position (cleaner/rules: 10, 8, 4)
_MAX_PASSES = 4  # passes beyond the blocks' count: a safety net, since every pass that goes on cuts something
_TEXT = attrgetter("text")
_SELECTOR_ACTIONS = {"remove_element": "strip", "select_content": "root"}  # YAML action -> extractor action


def clean(
    raw: str | bytes,
    *,
    url: str | None = None,
    language: str | None = None,
    rules: RuleSet | None = None,
    options: Options | None = None,
    html: bool | None = None,
    encoding: str | None = None,
) -> Result:
    """Clean one document: text, or an HTML page (str or bytes).

    ``rules`` are compiled packs from :func:`cleaner.load_rules` (default: the bundled packs, loaded
    once per process). ``url`` and ``language`` scope rules; the language is guessed when not given.
    ``html`` says whether ``raw`` is an HTML page (``None``: sniffed from the content). For a page the
    main content is extracted first (selector rules apply there), then its blocks go through the same
    text rules and de-duplication; ``encoding`` is a hint for bytes (an HTTP ``Content-Type`` value or
    a charset name). The returned :class:`Result` holds the clean text and every removal with its span
    in ``raw`` (for a page: in the extracted text, ``Result.source``).
    """
    if not isinstance(raw, (str, bytes)):
        raise TypeError(f"clean() takes text (str) or a page (bytes), not {type(raw).__name__}")
    opt = options or DEFAULT_OPTIONS
    if opt.time_budget:  # a slow document becomes its own error (TimeBudgetExceeded), see cleaner.budget
        from cleaner.budget import budget_for, time_budget

        prepare(default_rules() if rules is None else rules)
        with time_budget(budget_for(opt.time_budget, len(raw))):
            return _clean(raw, url, language, rules, opt, html, encoding)
    return _clean(raw, url, language, rules, opt, html, encoding)


def _clean(
    raw: str | bytes,
    url: str | None,
    language: str | None,
    rules: RuleSet | None,
    opt: Options,
    html: bool | None,
    encoding: str | None,
) -> Result:
    ruleset = default_rules() if rules is None else rules
    if opt.selection:
        ruleset = selected_rules(ruleset, opt.selection)
    if html is None:
        from cleaner.html.sniff import looks_like_html

        html = looks_like_html(raw)
    if html:
        return _clean_page(raw, url=url, language=language, ruleset=ruleset, opt=opt, encoding=encoding)
    if isinstance(raw, bytes):
        from cleaner.html.encoding import decode_text

        raw = decode_text(raw, hint=encoding)
    lang: Any = language or (guess_language(raw) if needs_language(ruleset) else lazy_language(raw))
    units, removals = _clean_units(raw, url=url, lang=_known(lang), ruleset=ruleset, opt=opt)
    paragraphs = map(" ".join, map(str.split, map(_TEXT, units)))  # whitespace folded, by C maps
    return Result(
        text="\n\n".join(filter(None, paragraphs)),
        removals=tuple(sorted(removals, key=lambda r: (r.start, r.end, r.rule))),
        input_chars=len(raw),
        language=lang,
        url=url,
    )


def _per_ruleset(table: dict[Any, tuple[RuleSet, Any]], key: Any, ruleset: RuleSet, build: Callable[[], Any]) -> Any:
    """``build()`` once per live rule set (and ``key``). The table keeps the set beside its value, so a
    new set that reuses a dead one's id is not mistaken for it; rule sets made per call are let go by
    emptying the table past 64 entries."""
    got = table.get(key)
    if got is not None and got[0] is ruleset:
        return got[1]
    value = build()
    if len(table) > 64:
        table.clear()
    table[key] = (ruleset, value)
    return value


_SELECTED: dict[Any, tuple[RuleSet, Any]] = {}
_NEEDS_LANGUAGE: dict[Any, tuple[RuleSet, Any]] = {}
_PREPARED: dict[Any, tuple[RuleSet, Any]] = {}


def selected_rules(ruleset: RuleSet, selection: Any) -> RuleSet:
    """``ruleset``'s text rules that ``selection`` (``--select``/``--ignore``) allows, as a set of its own.

    An ignored rule must not run at all: rules that would take the same line compete for it, so a rule
    that matched and was filtered out afterwards would still keep the others off that line (the output
    with ``--ignore learned.*`` would then hold lines the structure rules remove when the learned rule
    is not in the pack). Built once per (rule set, selection); selector rules are chosen per page.
    """

    def build() -> RuleSet:
        kept = tuple(r for r in ruleset.rules if selection.allows(r.id))
        return ruleset if len(kept) == len(ruleset.rules) else RuleSet(kept, ruleset.packs, ruleset.files, ruleset.html)

    return _per_ruleset(_SELECTED, (id(ruleset), selection), ruleset, build)


def needs_language(ruleset: RuleSet) -> bool:
    """Whether a rule of ``ruleset`` is scoped by language (then the language is identified up front)."""
    return _per_ruleset(
        _NEEDS_LANGUAGE, id(ruleset), ruleset, lambda: any(r.scope.languages for r in ruleset.rules)
    )


def prepare(ruleset: RuleSet) -> None:
    """Load once what ``ruleset``'s rules otherwise load on their first document — learned models and
    their stoplists, the language identifier — so that a per-document time budget measures the
    document, not the process's start-up (the first record of every worker would pay it)."""
    _per_ruleset(_PREPARED, id(ruleset), ruleset, lambda: _load_lazy_parts(ruleset))


def _load_lazy_parts(ruleset: RuleSet) -> bool:
    models: set[str] = set()
    todo = [r.matcher for r in ruleset.rules]
    while todo:
        m = todo.pop()
        if m.model:
            models.add(m.model)
        todo += m.members
    if models:
        from cleaner.text.furniture import prepare as prepare_model

        for name in sorted(models):
            prepare_model(name)
    if needs_language(ruleset):
        guess_language("Language identification is loaded before the first document is timed.")
    return True


def _known(lang: Any) -> str | None:
    """The language as the rules see it: a code, or None while it is still a pending function."""
    return None if callable(lang) else lang


def _clean_page(
    raw: str | bytes, *, url: str | None, language: str | None, ruleset: RuleSet, opt: Options, encoding: str | None
) -> Result:
    """An HTML page: extract its main content as blocks, then clean those blocks as text.

    The extracted text has one block per line, so the text pipeline (and its removal spans) works on
    it unchanged; each kept unit still knows its block, which gives the output paragraphs their kind
    (heading, list item…) for Markdown. Elements removed by selector rules are reported as removals
    with an empty span, since they never reach the extracted text.
    """
    from cleaner.html.extract import extract

    chosen = page_rules(ruleset, url)
    if opt.selection:
        chosen = [r for r in chosen if opt.selection.allows(r.id)]
    selectors = [_selector(r) for r in chosen]
    # the text pipeline's duplicate removal takes the copies, so that `explain` lists them
    page = extract(raw, url=url, selectors=selectors, encoding=encoding, drop_repeats=False)
    blocks = page_blocks(page)
    source = "\n".join(text for text, _ in blocks)
    lang: Any = language or page.info.language
    if not lang:
        lang = guess_language(source) if needs_language(ruleset) else lazy_language(source)
    kinds = [(block.kind, block.link > 0) for _, block in blocks]
    units, removals = _clean_units(
        source, url=url or page.info.url, lang=_known(lang), ruleset=ruleset, opt=opt, kinds=kinds
    )
    paragraphs = []
    for u in units:
        _, block = blocks[u.block]
        # (a unit's fold is mostly known already: a page's lines are folded, see _clean_units)
        text = _fold(u.text, block.kind) if block.kind == "table_row" else folded_text(u)
        if text:
            paragraphs.append(Paragraph(text, block.kind, block.level))
    by_id = {r.id: r for r in chosen}
    for s in page.stripped:
        rule = by_id.get(s.rule)
        removals.append(
            Removal(
                kind="boilerplate",
                rule=s.rule,
                start=0,
                end=0,
                text=s.text,
                level=rule.level if rule else "warning",
                reason=f"HTML element removed before extraction: {rule.description if rule else s.rule}",
                element=rule.matcher.css if rule else None,
            )
        )
    return Result(
        text="\n\n".join(p.text for p in paragraphs),
        removals=tuple(sorted(removals, key=lambda r: (r.start, r.end, r.rule))),
        # characters, not bytes, so that a page gives the same count as str or as bytes (--stats chars_in)
        input_chars=page.chars,
        language=lang,
        url=url or page.info.url,
        notes=tuple(page.notes),
        source=source,
        paragraphs=tuple(paragraphs),
        page=page.info,
    )


def page_rules(ruleset: RuleSet, url: str | None) -> list[Rule]:
    """The selector rules that apply to a page at ``url`` (scoped by domain/URL only)."""
    host = host_of(url) if url else None
    return [r for r in ruleset.html if r.scope.allows_document(host, url, None)]


def page_blocks(page: Any) -> list[tuple[str, Any]]:
    """The one page-to-text step: each extracted block's text with its block. Cleaning and mining both
    see a page as these texts, one per line. The extraction gives every block its text whitespace-folded
    (a table row's cells each folded, between tabs) and never empty (:class:`cleaner.html.page.Block`),
    which is what the text pass needs: the texts are taken as they are, not folded again."""
    return [(b.text, b) for b in page.blocks]


def page_selectors(ruleset: RuleSet, url: str | None) -> list:
    """:func:`page_rules` in the form :func:`cleaner.html.extract.extract` takes."""
    return [_selector(r) for r in page_rules(ruleset, url)]


def _selector(rule: Rule):
    from cleaner.html.extract import SelectorRule

    return SelectorRule(rule.id, _SELECTOR_ACTIONS[rule.action], rule.matcher.css, rule.matcher.has_text)


def _fold(text: str, kind: str) -> str:
    """Whitespace folded to single spaces — except the tabs between a table row's cells, which Markdown
    and TSV-minded readers need to tell the cells apart."""
    if kind == "table_row" and "\t" in text:
        cells = [" ".join(c.split()) for c in text.split("\t")]
        return "\t".join(cells) if any(cells) else ""
    return " ".join(text.split())


def _clean_units(
    raw: str,
    *,
    url: str | None,
    lang: str | None,
    ruleset: RuleSet,
    opt: Options,
    kinds: list[tuple[str, bool]] | None = None,
) -> tuple[list[Unit], list[Removal]]:
    """The text pipeline: the views of ``raw`` left after boilerplate and duplicates, and the removals.

    ``kinds`` gives, for a page, each line's block kind and whether it holds link text (the rules and
    duplicate removal read them from the units: see :attr:`cleaner.text.segment.Unit.data`)."""
    units = units_of(raw)
    if kinds is not None:
        # a page's lines are its blocks' texts, whitespace-folded already (see page_blocks): each unit's
        # fold is its text, known without folding it again (cleaner.rules.regex.unit_fold) — except a
        # table row's, whose cells are joined by tabs, which the fold turns into spaces
        for u in units:
            u.kind, u.linked = kinds[u.block]
            if "\t" not in u.text:
                mark_folded(u)
    removals: list[Removal] = []
    # Boilerplate then duplicates (policy order B → C), repeated on what is left until nothing more
    # goes: cutting a glued copy can expose a furniture line, and removing blocks moves the head/tail
    # windows. Without the repetition clean(clean(x)) could differ from clean(x). Later passes only
    # look at units whose text changed, plus the head/tail windows.
    dirty: set[int] | None = None  # ids of changed units; None = all (first pass)
    shrunk = False  # whether the last pass removed blocks
    had_dups = False  # whether the last pass removed duplicates
    # Each further pass runs only because the previous one cut something, so the loop ends; a tail
    # rule can peel one line per pass as its window moves up (counters under a repeated post), which
    # is why the bound grows with the number of blocks instead of being a small constant.
    for n_pass in range(len(units) + _MAX_PASSES):
        if not units:
            break
        before = {id(u): u.text for u in units}
        doc = Document(raw, units, pristine=n_pass == 0)
        only = None if dirty is None else {k for k, u in enumerate(units) if id(u) in dirty} | {len(units) - 1}
        if only is not None and shrunk:
            # blocks went: an unchanged line may now stand near the page's edge, where the shapes that look
            # at the edge themselves (a bare no-reposting notice in the last four blocks, a meta line in the
            # last ten) would take it, and cleaning the output again would (idempotence)
            n = len(units)
            only |= set(range(min(n, _EDGE_RECHECK))) | set(range(max(0, n - _EDGE_RECHECK), n))
        found = find_boilerplate(doc, ruleset, url=url, language=lang, only=only)
        if opt.selection:
            found = [r for r in found if opt.selection.allows(r.rule)]
        units = _cut(units, found, raw)
        cut_by_rules = any(before[id(u)] != u.text for u in units)
        dups: list[Removal] = []
        # duplicates again when text changed, or when the last pass's own duplicates went: removing a copy can
        # leave a sentence that stood in two blocks standing in one paragraph only (dedup.sentence then takes
        # the shorter), and cleaning the output again would find it (idempotence)
        if opt.dedup and (dirty is None or dirty or cut_by_rules or had_dups):
            dups, moves = find_duplicates(units, raw, opt)
            if opt.selection:
                dups, moves = _selected_duplicates(dups, moves, opt.selection)
            units = _cut(_apply_moves(units, moves), dups, raw)
        removals.extend(found)
        removals.extend(dups)
        if not found and not dups:
            break
        dirty = {id(u) for u in units if before.get(id(u)) != u.text}
        shrunk = len(units) < len(before)
        had_dups = bool(dups)
        if not dirty and len(units) == len(before):
            break  # removals that cut nothing new (already-removed text): nothing can change any more
    return units, removals


def _selected_duplicates(dups: list[Removal], moves: list[Move], selection: Any) -> tuple[list[Removal], list[Move]]:
    """The duplicate removals the selection allows; an ignored ``dedup.teaser`` also keeps its teaser
    where it stands (the fuller copy is not moved into its place)."""
    kept = [d for d in dups if selection.allows(d.rule)]
    return kept, moves if selection.allows("dedup.teaser") else []


def _cut(units: list[Unit], removals: list[Removal], text: str) -> list[Unit]:
    """Cut removal spans out of the views; drop views left empty or holding only punctuation."""
    if not removals:
        return units
    spans = sorted((r.start, r.end) for r in removals)
    starts = [s for s, _ in spans]
    reach = list(accumulate((e for _, e in spans), max))  # reach[k]: furthest end of spans[0..k]
    out: list[Unit] = []
    for u in units:
        lo, hi = u.pieces[0][0], u.pieces[-1][1]  # u.span
        # the spans that overlap [lo, hi): they start before hi, and none before the first that
        # reaches past lo does (binary searches, so a page of 10,000 blocks is not blocks × spans)
        first, stop = bisect_right(reach, lo), bisect_left(starts, hi)
        if first >= stop:  # most units: no span near them
            out.append(u)
            continue
        touched = False
        for k in range(first, stop):
            s, e = spans[k]
            if e > lo:
                u.subtract(s, e, text, rebuild=False)
                touched = True
        if touched:
            if not any(ch.isalnum() for s, e in u.pieces for ch in text[s:e]):
                continue  # only punctuation or symbols were left around the removed text
            u.build(text)
        if u.pieces:
            out.append(u)
    return out


def _apply_moves(units: list[Unit], moves: list[Move]) -> list[Unit]:
    """Put each moved unit in place of its target (a teaser replaced by its fuller later version)."""
    if not moves:
        return units
    source_for = {mv.target: mv.source for mv in moves}
    sources = set(source_for.values())
    by_block = {u.block: u for u in units}
    out = []
    for u in units:
        if u.block in sources:
            continue
        out.append(by_block[source_for[u.block]] if u.block in source_for else u)
    return out
