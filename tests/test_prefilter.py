"""Prefilters only skip work: with or without them, every document cleans the same."""

from __future__ import annotations

import dataclasses
import re

from hypothesis import given, settings
from hypothesis import strategies as st

from cleaner import RuleSet, clean, load_rules
from cleaner.rules import Matcher, required_anchors

BUNDLED = load_rules()


def _no_anchors(m: Matcher) -> Matcher:
    # "" is in every string; the fuzzy test counts its anchors, so give it plenty of them
    anchors = ("",) * 1000 if m.kind in ("literal", "fuzzy") else ()
    return dataclasses.replace(m, anchors=anchors, members=tuple(_no_anchors(x) for x in m.members))


UNFILTERED = RuleSet(
    tuple(dataclasses.replace(r, matcher=_no_anchors(r.matcher)) for r in BUNDLED.rules), BUNDLED.packs
)
EXAMPLES = sorted(
    {t.input for r in BUNDLED.rules for t in r.tests} | {t.output or "" for r in BUNDLED.rules for t in r.tests}
)


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
    assert clean(doc, rules=BUNDLED).text == clean(doc, rules=UNFILTERED).text


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(EXAMPLES), min_size=1, max_size=6), st.sampled_from(["\n", " ", "\n\n"]))
def test_idempotent_on_pages_made_of_rule_examples(parts, sep):
    """Pages full of boilerplate (every bundled rule's examples, glued or on lines): cleaning the
    output again changes nothing."""
    once = clean(sep.join(parts)).text
    assert clean(once).text == once
