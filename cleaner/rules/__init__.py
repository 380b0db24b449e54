"""Rule packs: YAML rules loaded, checked and compiled once, then matched against every document.

The subpackage, module by module:

- :mod:`~cleaner.rules.model`: the compiled, immutable objects (Rule, Matcher, Scope, RuleSet, ...);
- :mod:`~cleaner.rules.loader`: finding the packs and the strict YAML loader (schema: docs/rules.md);
- :mod:`~cleaner.rules.anchors`: the strings every match of a matcher holds, read off its pattern;
- :mod:`~cleaner.rules.prefilter`: those anchors in automata, so a rule runs only where it can match;
- :mod:`~cleaner.rules.matching`: running the rules over a document's blocks into removals;
- :mod:`~cleaner.rules.headlines`: how far a "Related:" headline or the list under a label runs;
- :mod:`~cleaner.rules.testing`: the inline tests of rules (``cleaner rules test``).

What the rest of the package imports from ``cleaner.rules`` is re-exported here: the model and the
loader's functions, and :func:`required_anchors`. The matching side is imported from its own
modules, so loading rules does not pull it in.
"""

from __future__ import annotations

from cleaner.rules.anchors import required_anchors
from cleaner.rules.loader import bundled_rules_dir, default_rules, is_domain, load_rule_text, load_rules, rule_files
from cleaner.rules.model import (
    ACTIONS,
    EXTENDS,
    HTML_ACTIONS,
    POSITIONS,
    SCORERS,
    Matcher,
    Problem,
    Rule,
    RuleLoadError,
    RuleSet,
    RuleTest,
    Scope,
)

__all__ = [
    "ACTIONS",
    "HTML_ACTIONS",
    "EXTENDS",
    "POSITIONS",
    "SCORERS",
    "Problem",
    "RuleLoadError",
    "Scope",
    "Matcher",
    "RuleTest",
    "Rule",
    "RuleSet",
    "load_rules",
    "load_rule_text",
    "is_domain",
    "default_rules",
    "bundled_rules_dir",
    "rule_files",
    "required_anchors",
]
