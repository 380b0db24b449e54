"""Draft a rule pack (the YAML of docs/rules.md) from mined candidates, for a person to review.

One rule per candidate: scoped to the site's domain (when the site came from URLs) and to the head or
tail when the candidate always stood there; a ``literal`` matcher for a text that recurs exactly, a
``fuzzy`` one for a group of variants; inline tests built only from real input text — a ``remove``
case (the sample with its real neighbours, expected back without it) and a ``keep`` case (a real
neighbouring sentence of the same site). Every drafted rule is compiled by the project's loader and its
tests run through the real engine before it is written; a rule that fails is left out with a note, so
the pack always passes ``cleaner rules validate`` and ``cleaner rules test``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import yaml
from rapidfuzz import fuzz

from cleaner.mining.state import Candidate, Sample
from cleaner.rules import RuleSet, is_domain, load_rule_text
from cleaner.rules.testing import run_rule_tests
from cleaner.text.normalize import comparison_form

__all__ = ["Draft", "draft_rules"]

_HEADER = """\
# Draft rules mined by `cleaner mine` from recurring text. Review every rule before use:
# recurring text is a boilerplate *suspect* (a recurring byline or a series intro is publisher text).
# Check:  cleaner rules test THIS.yaml  and  cleaner explain PAGE --rules THIS.yaml
"""


@dataclass(frozen=True)
class Draft:
    """The YAML text of the pack, the ids written, and why any candidate got no rule."""

    text: str
    rule_ids: tuple[str, ...]
    skipped: tuple[str, ...]


_NO_FORM = "\"'“”‘’«»„‚‹›([{¿¡ \t"  # characters with an empty comparison form that open a sentence


def _slug(site: str) -> str:
    parts = [re.sub(r"[^a-z0-9_-]+", "-", p.lower()).strip("-_") for p in site.split(".")]
    return ".".join(p for p in parts if p) or "site"


def _fold(text: str) -> str:
    return " ".join(text.split())


def _remove_case(c: Candidate, s: Sample, url: str | None) -> dict[str, Any]:
    """The sample with its real neighbours, and the same text expected back without it."""
    if s.line:
        lines = [x for x in (s.before, s.text, s.after) if x.strip()]
        rest = [x for x in (s.before, s.after) if x.strip()]
        case: dict[str, Any] = {"input": "\n".join(lines), "output": "\n".join(rest)}
    else:
        # matches start at the first letter or digit: an opening quote or bracket before it stays
        lead = s.text[: len(s.text) - len(s.text.lstrip(_NO_FORM))] if not comparison_form(s.text[:1]) else ""
        case = {"input": s.before + s.text + s.after, "output": _fold(s.before + lead + " " + s.after)}
    if url:
        case["url"] = url
    return case


def _keep_case(c: Candidate, url: str | None) -> dict[str, Any] | None:
    """A real neighbouring sentence of the site: text the rule must leave alone."""
    pool = [c.sample, *c.variants]
    texts = [t.strip() for s in pool for t in (s.before, s.after)]
    texts = [t for t in texts if any(ch.isalpha() for ch in t) and comparison_form(t) != comparison_form(c.text)]
    if not texts:
        return None
    best = max(texts, key=lambda t: (min(len(t), 300), t))
    case: dict[str, Any] = {"input": best}
    if url:
        case["url"] = url
    return case


def _rule(c: Candidate, rid: str) -> dict[str, Any] | None:
    form = comparison_form(c.text)
    # A site that came from URLs is the rule's scope: its domain, or (a host name the domain syntax
    # does not take, e.g. an internationalised one) a URL pattern. A folder name scopes nothing.
    scoped = c.site != "-" and c.sample.url is not None
    url = c.sample.url if scoped else None
    scope: dict[str, Any] = {}
    if scoped and is_domain(c.site):
        scope["domains"] = [c.site]
    elif scoped:
        scope["urls"] = [r"^[a-z][a-z0-9+.-]*://([^/@]*@)?([^/]*\.)?" + re.escape(c.site) + r"(:\d+)?(/|$)"]
    if c.position in ("head", "tail"):
        scope["position"] = c.position
        scope["window"] = c.window + 1  # one block of slack for pages with an extra line
    if c.exact:
        match: dict[str, Any] = {"literal": c.text}
        if c.kind == "block":
            match["whole_block"] = True
    else:
        threshold = max(80.0, min(95.0, float(int(c.similarity)) - 2))
        match = {"fuzzy": c.text, "scorer": "ratio" if c.kind == "block" else "partial_ratio", "threshold": threshold}
        if len(form) < 40:
            match["min_length"] = max(10, int(len(form) * 0.8))
    keep = _keep_case(c, url)
    if keep is None:
        return None
    tests = [_remove_case(c, c.sample, url)]
    if c.variants:  # the variant farthest from the text: the fuzzy matcher must reach it too
        far = min(c.variants, key=lambda v: (_ratio(form, v.text), v.key))
        tests.append(_remove_case(c, far, far.url if scoped else None))
    tests.append(keep)
    rule: dict[str, Any] = {
        "id": rid,
        "description": (
            f"Mined draft: recurs in {c.docs} of {c.site_docs} documents of {c.site} ({c.share:.0%}), "
            f"position {c.position}"
            + (f", {len(c.variants) + 1} variants" if c.variants else "")
            + f"; samples: {', '.join(c.samples[:3])}. Review before use."
        ),
        "level": "warning",
        "policy": "B",
    }
    if scope:
        rule["scope"] = scope
    rule["match"] = match
    rule["action"] = "remove_block" if c.kind == "block" else "remove_span"
    rule["tests"] = tests
    return rule


def _ratio(a: str, b: str) -> float:
    return fuzz.ratio(a, comparison_form(b))


def _dump(pack: str, rules: list[dict[str, Any]]) -> str:
    body = {
        "pack": pack,
        "description": "Draft rules mined from recurring text (cleaner mine --emit-rules); review before use.",
        "rules": rules,
    }
    return _HEADER + yaml.safe_dump(body, sort_keys=False, allow_unicode=True, width=100_000)


def draft_rules(candidates: Iterable[Candidate], *, pack: str = "mined", source: str = "<mined>") -> Draft:
    """Draft one rule per candidate; keep only rules that load and pass their own tests."""
    counters: dict[str, int] = {}
    drafted: list[dict[str, Any]] = []
    skipped: list[str] = []
    for c in candidates:
        slug = _slug(c.site)
        counters[slug] = counters.get(slug, 0) + 1
        rid = f"mined.{slug}.{counters[slug]}"
        rule = _rule(c, rid)
        if rule is None:
            skipped.append(f"{rid}: no real neighbouring text to use as a keep example")
            continue
        drafted.append(rule)
    kept: list[dict[str, Any]] = []
    for rule in drafted:
        _, compiled, problems = load_rule_text(_dump(pack, [rule]), source)
        if problems or len(compiled) != 1:
            skipped.append(f"{rule['id']}: does not load: {'; '.join(p.message for p in problems)}")
            continue
        failed = [o for o in run_rule_tests(RuleSet(tuple(compiled), (pack,), (source,))) if not o.passed]
        if failed:
            skipped.append(f"{rule['id']}: its test from the samples fails ({failed[0].case.input[:60]!r}…)")
            continue
        kept.append(rule)
    text = _dump(pack, kept) if kept else ""
    return Draft(text, tuple(r["id"] for r in kept), tuple(skipped))
