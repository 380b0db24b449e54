"""Which rules can match a document, and in which blocks: one automaton pass instead of rules × blocks.

Every leaf matcher carries *anchors* (see :mod:`cleaner.rules.anchors`): strings of which every match holds
one — a literal's comparison forms, a fuzzy pattern's 6-character chunks (a match keeps a share of
them), the literals a regex cannot match without (in its block: those its lookaheads require count).
When the rules are first used, all anchors go into Aho–Corasick automata (ahocorasick-rs): one
over the blocks' comparison forms (literal and fuzzy anchors) and one over their lower-cased text
(regex anchors); whole-block literals are a hash lookup of each block's form. Rules scoped to domains
get automata of their own, chosen by the document's host, so a thousand site rules cost a document
only its own site's rules.

Per document each block is scanned once and every hit says which leaf may match in which block; a
rule's candidate blocks follow from its matcher tree (``any``: union, ``all``: intersection). Rules
without any hit are never looked at, and matching runs only on candidate blocks with the unchanged
matcher code, so the result is the same as running every rule on every block
(``tests/test_prefilter.py``).
"""

from __future__ import annotations

import re
import weakref
from bisect import bisect_right
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import partial
from itertools import accumulate

import ahocorasick_rs

from cleaner.rules.anchors import regex_requirements, starts_anchored
from cleaner.rules.model import Matcher, Rule, RuleSet
from cleaner.rules.regex import LinearPattern, unit_fold
from cleaner.text.segment import Unit, unit_forms

__all__ = ["RuleIndex", "rule_index"]

_EMPTY: frozenset[int] = frozenset()
_SURROGATE = re.compile("[" + chr(0xD800) + "-" + chr(0xDFFF) + "]")  # (no surrogate literal: compilers refuse it)
_MAX_HOSTS = 4096  # hosts whose automaton choice is remembered


def _leaves(m: Matcher) -> Iterable[Matcher]:
    if m.kind in ("any", "all"):
        for member in m.members:
            yield from _leaves(member)
    else:
        yield m


def _fuzzy_need(m: Matcher) -> int:
    """How many distinct chunks a block must hold for ``m`` to be scored (as ``_enough_anchors``)."""
    return max(1, m.min_length // 6 // 3)


def _char_odds(ch: str) -> float:
    """A rough chance that a character of lower-cased text is ``ch``: a cost model for choosing
    anchors, nothing more (any choice among a regex's requirements gives the same result)."""
    if ch.isascii():
        return 0.06 if ch.isalpha() else 0.15 if ch == " " else 0.02
    if ch.isalpha():  # CJK, kana and Hangul are one of thousands; other scripts' letters of dozens
        return 0.003 if "\u2e80" <= ch <= "\ud7af" or "\uf900" <= ch <= "\ufaff" else 0.02
    return 0.0001  # symbols and emoji


def _group_odds(alternatives: Iterable[str]) -> float:
    """How often a unit holds one of the alternatives, roughly (the sum of their chances per position)."""
    total = 0.0
    for a in alternatives:
        odds = 1.0
        for ch in a:
            odds *= _char_odds(ch)
        total += odds
    return total


def _regex_groups(m: Matcher, min_len: int = 5, most: int = 2) -> list[tuple[str, ...]]:
    """The literal groups a regex leaf is looked up by, each a tuple of alternatives one of which every
    match holds (so a unit is a candidate only when it holds one of each group).

    The first is the rarest requirement by :func:`_group_odds` among the leaf's anchors and the
    requirements read off the parsed pattern with letter classes folded ("[Mm]ore" requires "more"):
    a Korean notice whose pattern holds ``(?:기계|자동|AI)`` and ``번역`` is looked up by ``번역``, not
    by "ai", which most English paragraphs hold. Then up to ``most`` further groups whose shortest
    alternative is longest, of ``min_len`` characters at least (shorter ones, "the", "to ", hit
    everywhere and would cost more than they save). Every group is a requirement, so the choice
    changes which units the regex runs on, never what it finds.
    """
    assert m.regex is not None
    anchors = tuple(m.anchors)
    groups = [anchors] if _lookup_group(anchors) else []
    try:
        reqs = regex_requirements(m.regex, fold=True, around=True)
    except Exception:  # an exotic construct: the anchors alone
        return groups
    for alts in reqs:
        g = tuple(sorted({a.lower() for a in alts}))
        if _lookup_group(g) and g not in groups:
            groups.append(g)
    if not groups:
        return []
    first = min(groups, key=_group_odds)  # (min keeps the anchors on a tie: they come first)
    rest = [g for g in groups if g != first and min(map(len, g)) >= min_len]
    return [first, *sorted(rest, key=lambda g: (-min(map(len, g)), g))[:most]]


def _lookup_group(alternatives: tuple[str, ...]) -> bool:
    """Whether the automaton can look for these alternatives: some, none empty, valid Unicode."""
    return bool(alternatives) and all(alternatives) and not any(_SURROGATE.search(a) for a in alternatives)


@dataclass
class _Group:
    """The rules of one scope (unscoped, or one set of domains) with their automata."""

    form_words: dict[str, list[int]] = field(default_factory=dict)  # anchor -> ids of leaves
    lower_words: dict[str, list[tuple[int, int]]] = field(default_factory=dict)  # -> (leaf id, its group bit)
    blocks: dict[str, list[int]] = field(default_factory=dict)  # whole-block literal form -> leaf ids
    open_rules: list[int] = field(default_factory=list)  # rules with a leaf that has no anchor
    form_automaton: ahocorasick_rs.AhoCorasick | None = None
    lower_automaton: ahocorasick_rs.AhoCorasick | None = None
    form_leaves: list[list[int]] = field(default_factory=list)  # automaton pattern index -> leaf ids
    lower_leaves: list[list[tuple[int, int]]] = field(default_factory=list)
    # regex anchors of one common character ("a"): looked for with ``in`` line by line, not by the
    # automaton, which reports every occurrence (tens of thousands a page) for one hit per line;
    # each is (its pattern index among the lower ones, the character)
    lower_chars: list[tuple[int, str]] = field(default_factory=list)

    # per pattern index: leaves a hit makes candidates at once, and those that need more (fuzzy leaves
    # needing several distinct anchors: (leaf, how many); regex leaves needing every required literal:
    # (leaf, its group bit, all bits))
    form_plain: list[list[int]] = field(default_factory=list)
    form_counted: list[list[tuple[int, int]]] = field(default_factory=list)
    lower_plain: list[list[int]] = field(default_factory=list)
    lower_masked: list[list[tuple[int, int, int]]] = field(default_factory=list)

    def build(self, need: dict[int, int], full: dict[int, int]) -> None:
        self.form_automaton, self.form_leaves = _automaton(self.form_words)
        common = {a for a in self.lower_words if len(a) == 1 and _char_odds(a) >= _COMMON_CHAR}
        scanned = {a: v for a, v in self.lower_words.items() if a not in common}
        self.lower_automaton, self.lower_leaves = _automaton(scanned)
        self.lower_chars = [(len(self.lower_leaves) + k, a) for k, a in enumerate(sorted(common))]
        self.lower_leaves += [self.lower_words[a] for _, a in self.lower_chars]
        self.form_plain = [[lid for lid in v if need.get(lid, 1) <= 1] for v in self.form_leaves]
        self.form_counted = [[(lid, need[lid]) for lid in v if need.get(lid, 1) > 1] for v in self.form_leaves]
        self.lower_plain = [[lid for lid, _ in v if lid not in full] for v in self.lower_leaves]
        self.lower_masked = [[(lid, bit, full[lid]) for lid, bit in v if lid in full] for v in self.lower_leaves]


_COMMON_CHAR = 0.05  # (the odds of an ASCII letter: see _char_odds)


def _automaton(words: dict[str, list]) -> tuple[ahocorasick_rs.AhoCorasick | None, list[list]]:
    if not words:
        return None, []
    patterns = sorted(words)
    # The library's own choice of automaton (for the ~1,700 regex anchors it times as its contiguous NFA
    # does). A forced DFA of them scans at a few ns per character when warm, but its tables (megabytes)
    # are out of the cache again by the next page, after the extraction: in the pipeline it scanned AEB
    # in 52-54 ms against the default's 33-40 (same matches).
    # A small one (the ~100 comparison-form anchors) is a DFA: its tables stay in the cache, and it scans
    # AEB's forms in 3 ms against 8.5 ms.
    small = len(patterns) <= _SMALL_DFA
    kind = ahocorasick_rs.Implementation.DFA if small else None
    automaton = ahocorasick_rs.AhoCorasick(patterns, implementation=kind)
    return automaton, [words[p] for p in patterns]


_SMALL_DFA = 400  # patterns up to which an automaton is a DFA


def _lines(lines: list[str]) -> tuple[str, list[int]]:
    """The lines joined by newlines, and the offset where each starts."""
    return "\n".join(lines), list(accumulate(map((1).__add__, map(len, lines)), initial=0))


def _hits(automaton: ahocorasick_rs.AhoCorasick, text: str, starts: list[int]) -> set[tuple[int, int]]:
    """Distinct (line number, pattern index) of every occurrence in ``text`` (lines joined by newlines,
    each starting at ``starts[k]``), overlapping ones included.

    An occurrence is placed on the line its start offset falls in. Comparison forms hold no newline;
    a regex anchor that did could only come from a regex that must cross a line end, which matches no
    block: placing its hit on one line only makes that line a candidate for nothing.
    """
    if len(text) > 2 * _WINDOW:  # a huge document: scanned in overlapping windows, so that the list
        out: set[tuple[int, int]] = set()  # of matches stays small (memory bounded on one-line files)
        for at in range(0, len(text), _WINDOW):
            window = text[at : at + _WINDOW + _OVERLAP]
            out |= {(bisect_right(starts, at + s) - 1, k) for k, s, _ in _found(automaton, window)}
        return out
    return {(bisect_right(starts, start) - 1, k) for k, start, _ in _found(automaton, text)}


_WINDOW = 1 << 20
_OVERLAP = 1 << 16  # longer than any anchor: a match is whole in the window where it starts


def _found(automaton: ahocorasick_rs.AhoCorasick, text: str) -> list[tuple[int, int, int]]:
    """(pattern index, start, end) of every occurrence, overlapping ones included."""
    try:
        return automaton.find_matches_as_indexes(text, overlapping=True)
    except UnicodeEncodeError:  # lone surrogates (no anchor holds one): stand-ins of the same length
        return automaton.find_matches_as_indexes(_SURROGATE.sub("\ufffd", text), overlapping=True)


_TREE, _OPEN_LEAF, _ANCHORED_LEAF = 0, 1, 2  # how candidates() finds a rule's candidate units


def _plan_kind(m: Matcher, open_leaves: set[int]) -> int:
    """:data:`_OPEN_LEAF` or :data:`_ANCHORED_LEAF` for a rule that is one leaf, :data:`_TREE` for ``any``/``all``."""
    if m.kind in ("any", "all"):
        return _TREE
    return _OPEN_LEAF if id(m) in open_leaves else _ANCHORED_LEAF


def _unscoped(rule: Rule) -> bool:
    """Whether ``rule.scope.allows_document`` is True for every document (nothing in it to check)."""
    s = rule.scope
    return not (s.domains or s.excluded_domains or s.urls or s.languages)


class RuleIndex:
    """The anchors of a rule set's text rules, compiled for one pass per document."""

    def __init__(self, rules: tuple[Rule, ...]):
        self.rules = rules
        self._need: dict[int, int] = {}  # fuzzy leaves: distinct anchors needed per block
        self._full: dict[int, int] = {}  # regex leaves with several required literals: all their bits
        self._leaf_rules: dict[int, list[int]] = {}
        self._open: set[int] = set()
        groups: dict[tuple[str, ...], _Group] = {}
        for k, rule in enumerate(rules):
            group = groups.setdefault(tuple(sorted(rule.scope.domains)), _Group())
            has_open = False
            for leaf in _leaves(rule.matcher):
                lid = id(leaf)
                self._leaf_rules.setdefault(lid, []).append(k)
                anchors = leaf.anchors
                # a regex is looked up by its requirement groups, which may exist without anchors
                # (requirements only lookaheads hold); a leaf without either runs on every block
                groups_of_leaf = _regex_groups(leaf) if leaf.kind == "regex" else []
                if groups_of_leaf:
                    for bit, alternatives in enumerate(groups_of_leaf):
                        for a in alternatives:
                            group.lower_words.setdefault(a, []).append((lid, 1 << bit))
                    if len(groups_of_leaf) > 1:
                        self._full[lid] = (1 << len(groups_of_leaf)) - 1
                elif (
                    leaf.kind not in ("literal", "fuzzy")  # (a regex here has no requirement to look for)
                    or not anchors
                    or "" in anchors
                    or any(_SURROGATE.search(a) for a in anchors)  # the automaton takes valid Unicode only
                ):
                    self._open.add(lid)  # no anchor to look for: every block is a candidate
                    has_open = True
                elif leaf.kind == "literal" and leaf.whole_block:
                    for a in anchors:
                        group.blocks.setdefault(a, []).append(lid)
                else:
                    for a in anchors:
                        group.form_words.setdefault(a, []).append(lid)
                    if leaf.kind == "fuzzy":
                        self._need[lid] = _fuzzy_need(leaf)
            if has_open:
                group.open_rules.append(k)
        for group in groups.values():
            group.build(self._need, self._full)
        # regex leaves by id, and whether each can only match at a line's start (its pattern) or not
        # (None), read on first sight (the verdict parses the pattern unless the rules cache holds it)
        self._regex_leaves: dict[int, Matcher] = {
            id(leaf): leaf for rule in rules for leaf in _leaves(rule.matcher) if leaf.kind == "regex"
        }
        self._anchored: dict[int, object] = {}
        # per rule, what candidates() would otherwise work out again on every pass of every document:
        # whether its scope lets every document in (no domain, URL or language), and for a rule that is
        # one leaf, its candidates without walking the tree (an open leaf: any unit; an anchored one:
        # its hits, which are what made the rule a candidate at all)
        self._plans: list[tuple[Rule, bool, int, int]] = [
            (rule, _unscoped(rule), _plan_kind(rule.matcher, self._open), id(rule.matcher)) for rule in rules
        ]
        self._unscoped = groups.pop((), _Group())
        self._by_domain: dict[str, list[_Group]] = {}
        for domains, group in groups.items():
            for d in domains:
                self._by_domain.setdefault(d, []).append(group)
        self._hosts: dict[str | None, tuple[_Group, ...]] = {}
        # the widest head and tail windows: later passes scan only these and the changed units
        self._head = max((r.scope.window for r in rules if r.scope.position == "head"), default=0)
        self._tail = max((r.scope.window for r in rules if r.scope.position == "tail"), default=0)

    def _groups(self, host: str | None) -> tuple[_Group, ...]:
        """The unscoped rules plus the groups of every domain the host lies in (a.b.com: b.com, com)."""
        got = self._hosts.get(host)
        if got is None:
            chosen = [self._unscoped]
            if host and self._by_domain:
                parts = host.split(".")
                for k in range(len(parts)):
                    for g in self._by_domain.get(".".join(parts[k:]), ()):
                        if g not in chosen:
                            chosen.append(g)
            if len(self._hosts) >= _MAX_HOSTS:
                self._hosts.clear()
            got = self._hosts[host] = tuple(chosen)
        return got

    def candidates(
        self,
        units: list[Unit],
        host: str | None,
        url: str | None,
        language: str | None,
        only: set[int] | None = None,
    ) -> tuple[list[tuple[Rule, frozenset[int] | set[int] | None]], dict[int, frozenset[int] | set[int]]]:
        """The rules that may match, in load order, each with its candidate units (None: any unit),
        and for every anchored leaf of those rules the units where it may match (keyed by ``id``).

        ``only``: the units rules without a position look at (None: all); then only those and the
        head and tail windows are scanned.
        """
        groups = self._groups(host)
        n = len(units)
        if only is None:
            scan = list(range(n))
        else:
            scan = sorted(only.union(range(min(self._head, n)), range(max(0, n - self._tail), n)))
        scanned = units if len(scan) == n else [units[i] for i in scan]
        # A unit's anchor hits depend on its text alone: units whose text did not change since the
        # last pass (the head and tail windows are scanned again) reuse them instead of a new scan.
        fresh = [
            j
            for j, u in enumerate(scanned)
            if (got := u._anchor_hits) is None or got[0] is not u.text or got[1] is not groups
        ]
        if fresh:
            self._scan([scanned[j] for j in fresh] if len(fresh) < len(scanned) else scanned, groups)
        leaf_units: dict[int, set[int]] = {}
        touched: set[int] = set()
        for g in groups:
            touched.update(g.open_rules)
        for i, u in zip(scan, scanned, strict=True):
            for lid in u._anchor_hits[2]:  # type: ignore[index]  # (set by _scan above)
                where = leaf_units.get(lid)
                if where is None:
                    leaf_units[lid] = {i}
                else:
                    where.add(i)
        self._refine(leaf_units, units)
        leaf_rules = self._leaf_rules
        for lid in leaf_units:
            touched.update(leaf_rules[lid])
        out: list[tuple[Rule, frozenset[int] | set[int] | None]] = []
        known: dict[int, frozenset[int] | set[int]] = dict(leaf_units)
        plans = self._plans
        for k in sorted(touched):
            rule, free, how, lid = plans[k]
            if not free and not rule.scope.allows_document(host, url, language):
                continue
            if how == _OPEN_LEAF:
                out.append((rule, None))
            elif how == _ANCHORED_LEAF:
                out.append((rule, known[lid]))  # touched by its leaf's units only: never empty
            else:
                cand = self._tree(rule.matcher, known)
                if cand is None or cand:
                    out.append((rule, cand))
        return out, known

    def _refine(self, leaf_units: dict[int, set[int]], units: list[Unit]) -> None:
        """Narrow the units of every regex leaf that can only match at a line's start to those where it
        does match there, and drop a leaf left with none (its rules are then not touched at all).

        Such a regex matches a unit (one line) at position 0 or nowhere (:func:`line_start_pattern`), so
        one ``match`` per unit answers it exactly; run here in one tight loop it costs a fraction of the
        rule's own per-unit dispatch, which then runs only on the units that match. A whole-line rule
        looked up by a common anchor (``generic.ui.text-size``'s "a": nearly every line) runs on a few.
        """
        anchored = self._anchored
        folds: list[str] | None = None
        for lid in list(leaf_units):
            pattern = anchored.get(lid, _UNKNOWN)
            if pattern is _UNKNOWN:
                leaf = self._regex_leaves.get(lid)
                pattern = anchored[lid] = (
                    leaf.regex if leaf is not None and line_start_pattern(leaf.regex) else None
                )
            if pattern is None:
                continue
            if folds is None:  # every unit's fold read once, not once per leaf it is a candidate of (~3 each)
                folds = [unit_fold(u)[0] for u in units]
            match = pattern.match
            kept = {i for i in leaf_units[lid] if "\n" in (f := folds[i]) or match(f) is not None}
            if kept:
                leaf_units[lid] = kept
            else:
                del leaf_units[lid]

    def _scan(self, units: list[Unit], groups: tuple[_Group, ...]) -> None:
        """Find the anchored leaves that may match in each of ``units`` (one automaton pass per group
        over all of them) and keep them on the unit, with the text and groups they hold for."""
        hits: list[list[int]] = [[] for _ in units]
        forms: list[str] | None = None
        lowered: tuple[str, list[int]] | None = None
        lower_lines: list[str] = []
        form_text: tuple[str, list[int]] | None = None
        counts: dict[tuple[int, int], int] = {}
        masks: dict[tuple[int, int], int] = {}
        for g in groups:
            if g.form_automaton is not None or g.blocks:
                if forms is None:
                    forms = unit_forms(units)
                if g.blocks:
                    blocks = g.blocks
                    for j, f in enumerate(forms):
                        hit = blocks.get(f)
                        if hit is not None:
                            hits[j].extend(hit)
                if g.form_automaton is not None:
                    if form_text is None:
                        form_text = _lines(forms)
                    plain, counted = g.form_plain, g.form_counted
                    for j, v in _hits(g.form_automaton, *form_text):
                        if plain[v]:
                            hits[j].extend(plain[v])
                        for lid, k in counted[v]:
                            key = (lid, j)
                            c = counts[key] = counts.get(key, 0) + 1
                            if c == k:  # a candidate once the k-th distinct anchor is seen
                                hits[j].append(lid)
            if g.lower_automaton is not None or g.lower_chars:
                if lowered is None:
                    # as regexes see it; lowered in one call (a folded unit holds no newline, and lowering
                    # makes none, so the lines split back one per unit)
                    lower_lines = "\n".join([unit_fold(u)[0] for u in units]).lower().split("\n")
                    lowered = _lines(lower_lines)
                lplain, masked = g.lower_plain, g.lower_masked
                found = _hits(g.lower_automaton, *lowered) if g.lower_automaton is not None else set()
                for v, ch in g.lower_chars:
                    found.update((j, v) for j, line in enumerate(lower_lines) if ch in line)
                for j, v in found:
                    if lplain[v]:
                        hits[j].extend(lplain[v])
                    for lid, bit, full in masked[v]:  # every required literal must be in the unit
                        key = (lid, j)
                        old = masks.get(key, 0)
                        mask = masks[key] = old | bit
                        if mask == full and old != full:
                            hits[j].append(lid)
        for u, lids in zip(units, hits, strict=True):
            u._anchor_hits = (u.text, groups, lids)

    def _tree(
        self, m: Matcher, known: dict[int, frozenset[int] | set[int]]
    ) -> frozenset[int] | set[int] | None:
        """Units where ``m`` may match (None: any), from its leaves' units; fills ``known`` with an
        empty set for anchored leaves without a hit, so matching skips them. A leaf's set is ``known``'s
        own, not a copy (read only: ``any`` and ``all`` make new sets of theirs)."""
        if m.kind == "any":
            sets = [self._tree(x, known) for x in m.members]
            return None if any(s is None for s in sets) else set().union(*sets)  # type: ignore[arg-type]
        if m.kind == "all":
            out: set[int] | None = None
            for x in m.members:
                s = self._tree(x, known)
                if s is not None:
                    out = set(s) if out is None else out & s
            return out
        lid = id(m)
        if lid in self._open:
            return None
        got = known.get(lid)
        if got is None:
            got = known[lid] = _EMPTY
        return got


_UNKNOWN = object()


def line_start_pattern(pattern: object) -> bool:
    """Whether ``pattern`` can only match at a line's start (:func:`~cleaner.rules.anchors.starts_anchored`)
    and has ``re``'s ``match`` (RE2's :class:`~cleaner.rules.regex.LinearPattern` does not): then on one
    line it matches at position 0 or nowhere. Kept per pattern object (the table holds each, so an id
    is not reused while listed)."""
    got = _STARTS.get(id(pattern))
    if got is None or got[0] is not pattern:
        if len(_STARTS) >= _MAX_STARTS:
            _STARTS.clear()
        ok = not isinstance(pattern, LinearPattern) and starts_anchored(pattern)  # type: ignore[arg-type]
        got = _STARTS[id(pattern)] = (pattern, ok)
    return got[1]


_STARTS: dict[int, tuple[object, bool]] = {}
_MAX_STARTS = 4096


_INDEXES: dict[int, tuple[weakref.ref[RuleSet], RuleIndex]] = {}


def _forget(key: int, _ref: object) -> None:
    """Drop the index of a rule set that is gone (a weakref callback)."""
    _INDEXES.pop(key, None)


def rule_index(ruleset: RuleSet) -> RuleIndex:
    """The index of ``ruleset``'s text rules, built on first use and kept while the set lives."""
    key = id(ruleset)
    got = _INDEXES.get(key)
    if got is not None and got[0]() is ruleset:
        return got[1]
    index = RuleIndex(ruleset.rules)
    _INDEXES[key] = (weakref.ref(ruleset, partial(_forget, key)), index)
    return index
