"""Prefilters only skip work: with or without them, every document cleans the same.

The rule index (cleaner/prefilter.py) puts every anchor of every rule into automata and runs a rule
only on the blocks where one of its anchors occurs. A rule set whose anchors are all "" has no usable
anchor: every rule then runs on every block — the reference the indexed run must equal.
"""

from __future__ import annotations

import dataclasses
import random
import re

import pytest
from casedata import case_names, load_case
from hypothesis import given, settings
from hypothesis import strategies as st
from synthetic_rules import site_url, write_synthetic_pack

from cleaner import RuleSet, clean, load_rules
from cleaner.rules.anchors import required_anchors
from cleaner.rules.model import Matcher
from cleaner.rules.prefilter import rule_index
from cleaner.text.segment import units_of

BUNDLED = load_rules()


def _no_anchors(m: Matcher) -> Matcher:
    # "" is in every string; the fuzzy test counts its anchors, so give it plenty of them
    anchors = ("",) * 1000 if m.kind in ("literal", "fuzzy") else ()
    return dataclasses.replace(m, anchors=anchors, members=tuple(_no_anchors(x) for x in m.members))


def _unfiltered(rules: RuleSet) -> RuleSet:
    return RuleSet(tuple(dataclasses.replace(r, matcher=_no_anchors(r.matcher)) for r in rules.rules), rules.packs)


def _examples(rules: RuleSet) -> list[str]:
    tests = [t for r in rules.rules for t in r.tests]
    return sorted({t.input for t in tests} | {t.output or "" for t in tests})


UNFILTERED = _unfiltered(BUNDLED)
EXAMPLES = _examples(BUNDLED)
# lines of the labelled real cases: ordinary article text around the boilerplate
CASE_LINES = sorted({line for name in case_names() for line in load_case(name)[0].splitlines() if line.strip()})


def _same(a, b) -> bool:
    return a.text == b.text and a.removals == b.removals


def test_required_anchors_of_common_shapes():
    assert required_anchors(re.compile(r"\s*\bContinued\s*$", re.I)) == ("continued",)
    assert required_anchors(re.compile(r"(?:Discover|Explore)\s+\d+")) == ("discover", "explore")
    assert required_anchors(re.compile(r"(?:Read )?More from (\w+)")) == ("more from ",)
    assert required_anchors(re.compile(r"(?:abc)+xy")) == ("abc",)
    assert required_anchors(re.compile(r"\d+|[A-Z]+")) == ()  # no literal every match must hold


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=6), st.sampled_from(["\n", " ", "\n\n"]))
def test_prefilters_never_change_the_result(parts, sep):
    doc = sep.join(parts)
    assert _same(clean(doc, rules=BUNDLED), clean(doc, rules=UNFILTERED))


@settings(max_examples=150, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(EXAMPLES), st.sampled_from(CASE_LINES), st.text(max_size=80)), max_size=10),
    st.sampled_from([None, "https://www.gate.com/news/1", "https://www.okx.com/learn/x", "https://benzinga.com/a"]),
)
def test_automaton_prefilter_equals_running_every_rule(parts, url):
    """Rule examples among real article lines and random text: the same removals, spans and scores."""
    doc = "\n".join(parts)
    assert _same(clean(doc, url=url, rules=BUNDLED), clean(doc, url=url, rules=UNFILTERED))


@pytest.fixture(scope="module")
def many(tmp_path_factory) -> tuple[RuleSet, RuleSet]:
    """The bundled rules plus 1,000 generated site rules, and the same without usable anchors."""
    rules = load_rules([write_synthetic_pack(tmp_path_factory.mktemp("pack"), 1000)])
    return rules, _unfiltered(rules)


def test_thousand_rules_prefilter_equals_running_every_rule(many):
    rules, unfiltered = many
    examples = _examples(RuleSet(rules.rules[len(BUNDLED.rules) :]))
    rnd = random.Random(5)
    for k in range(60):
        parts = rnd.sample(CASE_LINES, 4) + rnd.sample(examples, 3) + rnd.sample(EXAMPLES, 2)
        rnd.shuffle(parts)
        doc, url = "\n".join(parts), site_url(k % 150)
        assert _same(clean(doc, url=url, rules=rules), clean(doc, url=url, rules=unfiltered)), (doc, url)


def test_site_rules_are_looked_at_only_on_their_site(many):
    rules, _ = many
    index = rule_index(rules)
    site0 = [r for r in rules.rules if r.scope.domains == ("site0.example",)]
    units = units_of("\n".join(r.tests[0].input for r in site0))  # text every site-0 rule matches
    chosen = {r.id for r, _ in index.candidates(units, "site0.example", site_url(0), "en")[0]}
    elsewhere = {r.id for r, _ in index.candidates(units, "site1.example", site_url(1), "en")[0]}
    assert {r.id for r in site0} <= chosen and not elsewhere & {r.id for r in site0}
    assert all(r.scope.domains in ((), ("site0.example",)) for r in rules.rules if r.id in chosen)


def test_a_document_without_any_anchor_runs_only_rules_without_one():
    units = units_of("zzz qqq\nxxyyzz wwvvuu")
    chosen = [r for r, _ in rule_index(BUNDLED).candidates(units, None, None, "en")[0]]
    open_rules = [
        r
        for r in BUNDLED.rules
        if (r.matcher.kind == "regex" and not r.matcher.anchors) or r.matcher.kind in ("shape", "model")
    ]
    assert chosen == [r for r in open_rules if r in chosen] and len(chosen) <= len(open_rules)


def test_the_index_is_built_once_per_rule_set():
    assert rule_index(BUNDLED) is rule_index(BUNDLED)
    assert rule_index(UNFILTERED) is not rule_index(BUNDLED)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=6), st.sampled_from(["\n", " ", "\n\n"]))
def test_idempotent_on_pages_made_of_rule_examples(parts, sep):
    """Pages full of boilerplate (every bundled rule's examples, glued or on lines): cleaning the
    output again changes nothing."""
    once = clean(sep.join(parts)).text
    assert clean(once).text == once


def test_a_regex_is_looked_up_by_its_rarest_requirement():
    """A Korean notice whose pattern requires one of (기계|자동|AI) and 번역 is looked up by 번역: the
    English paragraphs that hold "ai" (said, again, certain) are no candidates of it, the notice is."""
    from cleaner.rules.prefilter import _regex_groups

    pattern = re.compile(r"^(?:이|본)\s*(?:기사|글)(?:는|은)\s*(?:기계|자동|AI)(?:로|으로)?\s*"
                         r"번역(?:되었습니다|됨)\.?$")
    leaf = Matcher(kind="regex", regex=pattern, anchors=required_anchors(pattern))
    assert leaf.anchors == ("ai", "기계", "자동")  # the longest-shortest-alternative choice
    assert _regex_groups(leaf)[0] == ("번역",)
    rule = dataclasses.replace(BUNDLED.rules[0], id="t.ko-notice", matcher=leaf, scope=dataclasses.replace(
        BUNDLED.rules[0].scope, domains=(), urls=(), languages=(), position="anywhere"))
    index = rule_index(RuleSet((rule,), BUNDLED.packs))
    units = units_of("The minister said again that certain rules remain.\n이 기사는 AI로 번역되었습니다.")
    chosen, _ = index.candidates(units, None, None, None)
    assert [(r.id, sorted(c)) for r, c in chosen] == [("t.ko-notice", [1])]


def test_a_regex_made_of_lookaheads_is_looked_up_by_what_they_require():
    """The cookie banner's regex holds its words only in lookaheads: no match-level anchor (the match
    need not hold them), but the block it runs on must, so the index looks for them there."""
    from cleaner.rules.anchors import regex_requirements

    pattern = re.compile(r"(?i)^(?=[^\n]*(?:cookie|çerez))(?=[^\n]*(?:site|page))[^\n]+$")
    assert required_anchors(pattern) == ()
    assert ["cookie", "çerez"] in regex_requirements(pattern, fold=True, around=True)
    rule = next(r for r in BUNDLED.rules if r.id == "generic.cookie.banner-head")
    units = units_of("The minister said again that certain rules remain.\nWe use cookies on this site. Accept?")
    chosen = dict(rule_index(BUNDLED).candidates(units, None, None, "en")[0])
    assert chosen[rule] == {1}


def test_every_regex_match_is_in_a_block_holding_its_lookup_groups():
    """A unit holding a match of a bundled regex holds one string of each group it is looked up by, in
    its folded, lower-cased text (what the index scans), lookahead requirements included."""
    from cleaner.rules.prefilter import _leaves, _regex_groups
    from cleaner.rules.regex import fold_map

    checked = 0
    for rule in BUNDLED.rules:
        lines = {line for t in rule.tests for line in t.input.splitlines()} | set(CASE_LINES)
        for leaf in _leaves(rule.matcher):
            if leaf.kind != "regex":
                continue
            groups = _regex_groups(leaf)
            for line in lines:
                folded = fold_map(line)[0]
                if any(m.end() > m.start() for m in leaf.regex.finditer(folded)):
                    low = folded.lower()
                    assert all(any(a in low for a in g) for g in groups), (rule.id, line, groups)
                    checked += 1
    assert checked > 50


def test_a_line_brought_near_the_edge_by_a_removal_is_judged_again():
    """Rule examples glued into one page (the idempotence property above found it): the cross-link lines
    and the app prompt go in the first pass, which brings "不提供二次转载" (a no-reposting notice, decided by a
    shape near the page's edge, with no scope position) into the page's last blocks; the next pass must
    look at it, or cleaning the output again would remove it."""
    doc = ("Der Kurs fiel am Montag um vier Prozent\n\nThe exchange listed two tokens. Read More\n\n"
           "Sehingga membedakannya dari mata uang fiat konvensional yang diatur oleh pemerintah dan lembaga "
           "keuangan tradisional.\nBaca juga:\nCara Beli TRX | Cara Beli SOL |\nCara Beli BTC | Cara Beli USDT |\n"
           "Cryptocurrency pertama yang diciptakan adalah Bitcoin, yang diperkenalkan pada tahun 2009 oleh "
           "seseorang.\n\n手机基带芯片往事\nL晨光 | 作者\n不提供二次转载\n"
           "2019年4月16日,高通和苹果因专利折腾了近两年的“世纪官司”突然和解。\n\nTexte.\n"
           "Télécharger l'application\n\nDéclaration : le ministre a confirmé que cet article de loi sera repris.")
    once = clean(doc)
    assert "不提供二次转载" not in once.text
    assert clean(once.text).text == once.text


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_examples(BUNDLED)), min_size=1, max_size=6), st.sampled_from(
    [(None, None, None), ("www.investing.com", "https://www.investing.com/news/x", "en"),
     ("gate.com", "https://www.gate.com/learn/a", "zh"), ("example.org", "https://example.org/", "de")]))
def test_planned_candidates_equal_the_matcher_tree_walk(parts, where):
    """candidates() takes a one-leaf rule's units and an unscoped rule's scope from a plan made once;
    the answer is the one the scope check and the tree walk give for every rule it touches."""
    host, url, language = where
    index = rule_index(BUNDLED)
    units = units_of("\n".join(parts))
    chosen, known = index.candidates(units, host, url, language)
    leaf_units = {lid: set(v) for lid, v in known.items() if v}
    expected = []
    for rule in index.rules:
        if not rule.scope.allows_document(host, url, language):
            continue
        cand = index._tree(rule.matcher, dict(leaf_units))
        touched = cand is None or cand or any(
            id(leaf) in leaf_units for leaf in _all_leaves(rule.matcher))
        if touched and (cand is None or cand):
            expected.append((rule.id, None if cand is None else sorted(cand)))
    walked = [(r.id, None if c is None else sorted(c)) for r, c in chosen]
    assert walked == expected


def _all_leaves(m: Matcher):
    from cleaner.rules.prefilter import _leaves

    return list(_leaves(m))


@settings(max_examples=60, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(_examples(BUNDLED)), st.text(max_size=40)), min_size=1, max_size=6))
def test_a_line_start_regex_leaf_keeps_exactly_the_units_it_matches_at_their_start(parts):
    """The index narrows a regex leaf that can only match at a line's start to the units it matches
    there: the units it keeps are the scanned candidates on which the regex finds a match at all."""
    from cleaner.rules.prefilter import _leaves, line_start_pattern
    from cleaner.rules.regex import unit_fold

    index = rule_index(BUNDLED)
    units = units_of("\n".join(p.replace("\n", " ") for p in parts))
    unrefined = index._refine
    try:
        index._refine = lambda leaf_units, units: None  # type: ignore[method-assign]
        _, before = index.candidates(units, None, None, "en")
    finally:
        del index._refine
    _, after = index.candidates(units, None, None, "en")
    assert index._refine == unrefined
    for rule in BUNDLED.rules:
        for leaf in _leaves(rule.matcher):
            if leaf.kind != "regex" or id(leaf) not in before or not line_start_pattern(leaf.regex):
                continue
            matched = {i for i in before[id(leaf)] if leaf.regex.search(unit_fold(units[i])[0])}
            assert set(after.get(id(leaf), ())) == matched or (not matched and not after.get(id(leaf)))
