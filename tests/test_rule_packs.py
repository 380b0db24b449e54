"""The bundled packs' inline examples run under pytest too (one test per case), as in sqlfluff."""

from __future__ import annotations

import pytest

from cleaner import load_rules
from cleaner.rules.testing import run_rule_tests

OUTCOMES = run_rule_tests(load_rules())


@pytest.mark.parametrize("outcome", OUTCOMES, ids=[f"{o.rule.id}@{o.case.line}" for o in OUTCOMES])
def test_bundled_rule_example(outcome):
    assert outcome.passed, f"{outcome.rule.id} ({outcome.where})\n{outcome.diff()}"


def test_every_bundled_rule_has_a_changing_and_a_keeping_case():
    for rule in load_rules().rules:
        assert any(t.output is not None for t in rule.tests), rule.id
        assert any(t.output is None for t in rule.tests), rule.id


def test_a_failing_example_is_reported_with_a_diff(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\nrules:\n  - id: p.ad\n    description: ad label\n    match:\n      literal: Advertisement\n"
        "      whole_block: true\n    tests:\n      - input: \"Text.\\nAdvertisement\"\n"
        "        output: \"Text. Wrong\"\n      - input: \"An advertisement ran.\"\n",
        encoding="utf-8",
    )
    outcomes = run_rule_tests(load_rules([pack], defaults=False))
    failed = [o for o in outcomes if not o.passed]
    assert len(outcomes) == 2 and len(failed) == 1
    assert failed[0].where.endswith("p.yaml:9")
    assert "-Text. Wrong" in failed[0].diff() and "+Text." in failed[0].diff()
