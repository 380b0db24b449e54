"""Run the inline tests of rules: each case through the real engine with its rule alone.

Used by ``cleaner rules test`` and by pytest (tests/test_rule_packs.py), so a rule's examples are
checked the same way everywhere.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from cleaner.core import clean
from cleaner.result import Options
from cleaner.rules.model import Rule, RuleSet, RuleTest

__all__ = ["TestOutcome", "run_rule_tests", "expected_text"]

_RULE_ONLY = Options(dedup=False)


@dataclass(frozen=True)
class TestOutcome:
    """The outcome of one inline test case."""

    __test__ = False  # not a pytest test class, despite the name

    rule: Rule
    case: RuleTest
    expected: str
    actual: str

    @property
    def passed(self) -> bool:
        return self.expected == self.actual

    @property
    def where(self) -> str:
        return f"{self.rule.file}:{self.case.line}"

    def diff(self) -> str:
        """A unified diff of expected vs actual output (paragraph per line)."""
        return "\n".join(
            difflib.unified_diff(
                self.expected.split("\n"), self.actual.split("\n"), "expected", "actual", lineterm="", n=2
            )
        )


def expected_text(case: RuleTest, rule: Rule | None = None) -> str:
    """The text a case expects: its ``output``, or its input unchanged — both in output format.

    A selector rule's input is an HTML page, so "unchanged" means: the text the page gives when no
    rule at all is applied.
    """
    if case.output is None and rule is not None and rule.matcher.kind == "selector":
        bare = clean(case.input, url=case.url, language=case.language, rules=RuleSet(), options=_RULE_ONLY, html=True)
        return bare.text
    text = case.input if case.output is None else case.output
    lines = (" ".join(line.split()) for line in text.split("\n"))
    return "\n\n".join(line for line in lines if line)


def run_rule_tests(ruleset: RuleSet, select: str | None = None) -> list[TestOutcome]:
    """Run every inline test of the rules whose id contains ``select`` (all when None)."""
    outcomes = []
    for rule in ruleset.select(select).all_rules:
        alone = ruleset.only(rule)
        html = True if rule.matcher.kind == "selector" else None  # text rules: sniffed, as in `clean`
        for case in rule.tests:
            result = clean(
                case.input, url=case.url, language=case.language, rules=alone, options=_RULE_ONLY, html=html
            )
            outcomes.append(TestOutcome(rule, case, expected_text(case, rule), result.text))
    return outcomes
