"""The compiled rule model: what a loaded rule pack is, once its YAML has been checked.

Rules are compiled once into immutable (frozen) objects that every document then reuses, in any
thread or worker process. This module holds only those objects and the vocabularies of the schema
(docs/rules.md), so that code which runs rules (matching, prefilter, the HTML stage, mining) depends
on what a rule *is*, not on how YAML becomes one (:mod:`cleaner.rules.loader`).

- :class:`Problem`, :class:`RuleLoadError`: what is wrong in a rule file, at ``file:line:col``;
- :class:`Scope`: where a rule applies (domains, URLs, languages, head or tail window);
- :class:`Matcher`: literal, regex, fuzzy, shape, model, any, all, or selector, with its anchors
  (:mod:`cleaner.rules.anchors`);
- :class:`RuleTest`, :class:`Rule`, :class:`RuleSet`.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from cleaner.result import Level

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
]

ACTIONS = ("remove_span", "remove_block", "truncate_after", "truncate_before")
HTML_ACTIONS = ("remove_element", "select_content")  # for selector matchers only
EXTENDS = ("none", "headline", "headline_list", "tag_list", "box", "foot")
POSITIONS = ("anywhere", "head", "tail")
SCORERS = ("ratio", "partial_ratio", "token_set_ratio", "token_sort_ratio")


# --------------------------------------------------------------------------------------- problems
@dataclass(frozen=True)
class Problem:
    """One thing wrong in a rule file, at a 1-based line and column."""

    file: str
    line: int
    col: int
    message: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}:{self.col}: {self.message}"


class RuleLoadError(Exception):
    """Raised when any rule file has problems; ``problems`` lists them all."""

    def __init__(self, problems: Sequence[Problem]):
        self.problems = list(problems)
        super().__init__("\n".join(str(p) for p in self.problems))


# --------------------------------------------------------------------------------- compiled model
@dataclass(frozen=True)
class Scope:
    """Where a rule applies. Empty tuples mean "no restriction"."""

    domains: tuple[str, ...] = ()
    excluded_domains: tuple[str, ...] = ()
    urls: tuple[re.Pattern[str], ...] = ()
    languages: tuple[str, ...] = ()
    position: str = "anywhere"
    window: int = 5

    def allows_document(self, host: str | None, url: str | None, language: str | None) -> bool:
        """Whether the rule may run on a document with this host, URL and language."""
        if self.domains or self.excluded_domains:
            if host is None:
                return False
            if self.domains and not any(_host_in(host, d) for d in self.domains):
                return False
            if any(_host_in(host, d) for d in self.excluded_domains):
                return False
        if self.urls and (url is None or not any(p.search(url) for p in self.urls)):
            return False
        if self.languages:
            if language is None:
                return False
            lang = language.lower()
            if not any(lang == code or lang.startswith(code + "-") for code in self.languages):
                return False
        return True

    def window_of(self, count: int) -> range | None:
        """Indices of the blocks a head/tail rule looks at among ``count`` blocks; None for anywhere."""
        if self.position == "head":
            return range(min(self.window, count))
        if self.position == "tail":
            return range(max(0, count - self.window), count)
        return None


def _host_in(host: str, domain: str) -> bool:
    return host == domain or host.endswith("." + domain)


@dataclass(frozen=True)
class Matcher:
    """A compiled matcher. ``kind`` is literal, regex, fuzzy, shape, model, any, all — or selector (HTML elements)."""

    kind: str
    # literal
    literals: tuple[str, ...] = ()  # comparison forms
    literal_re: re.Pattern[str] | None = None
    whole_block: bool = False
    truncated: int = 0
    # regex
    regex: re.Pattern[str] | None = None
    # Strings of which every match holds one: comparison-form strings for literal and fuzzy matchers,
    # lower-cased raw strings for regexes. A document without any skips the matcher (empty: no test).
    anchors: tuple[str, ...] = ()
    # fuzzy
    pattern: str = ""  # comparison form
    scorer: str = "partial_ratio"
    threshold: float = 90.0
    min_length: int = 40
    # shape (cleaner.rules.shapes): its name and its size parameter (None: the shape's default)
    shape: str = ""
    shape_param: int | None = None
    # any / all
    members: tuple[Matcher, ...] = ()
    # selector (HTML): a CSS selector, optionally guarded by text the element must contain
    css: str = ""
    has_text: str | None = None
    # model: a learned block scorer shipped as data (cleaner.text.furniture), hit at score >= min_score
    model: str = ""
    min_score: float = 0.9
    model_run: str = "any"  # which edge run of the document the model may take lines from: head, tail, any


@dataclass(frozen=True)
class RuleTest:
    """One inline test case of a rule: ``output`` None means "must stay unchanged"."""

    input: str
    output: str | None
    url: str | None = None
    language: str | None = None
    line: int = 0


@dataclass(frozen=True)
class Rule:
    """A compiled rule; ``file``/``line`` say where it was defined."""

    id: str
    description: str
    level: Level
    matcher: Matcher
    scope: Scope = field(default_factory=Scope)
    action: str = "remove_span"
    extend: str = "none"
    policy: str | None = None
    tests: tuple[RuleTest, ...] = ()
    pack: str = ""
    file: str = ""
    line: int = 0


@dataclass(frozen=True)
class RuleSet:
    """Compiled rules of one or more packs, ready to be reused for every document.

    ``rules`` are the text rules (matched on the text); ``html`` the selector rules, applied to an HTML
    page's elements before its text is extracted. They are kept apart because they run at different
    stages; :attr:`all_rules` lists both, in load order within each.
    """

    rules: tuple[Rule, ...] = ()
    packs: tuple[str, ...] = ()
    files: tuple[str, ...] = ()
    html: tuple[Rule, ...] = ()

    def __len__(self) -> int:
        return len(self.rules) + len(self.html)

    @property
    def all_rules(self) -> tuple[Rule, ...]:
        return self.rules + self.html

    def select(self, pattern: str | None) -> RuleSet:
        """Rules whose id contains ``pattern`` (all when None), as a new set."""
        if not pattern:
            return self
        return RuleSet(
            tuple(r for r in self.rules if pattern in r.id),
            self.packs,
            self.files,
            tuple(r for r in self.html if pattern in r.id),
        )

    def only(self, rule: Rule) -> RuleSet:
        """A set holding just ``rule`` (how inline tests run a rule alone)."""
        if rule.matcher.kind == "selector":
            return RuleSet((), self.packs, self.files, (rule,))
        return RuleSet((rule,), self.packs, self.files)

    def get(self, rule_id: str) -> Rule | None:
        return next((r for r in self.all_rules if r.id == rule_id), None)
