"""Load rule packs: find the YAML files, validate them strictly, compile them into a RuleSet.

Loading is strict, in the manner of yamllint and sqlfluff: every mapping at every depth declares the
keys it allows, every value is checked, every regex is compiled, and each problem is reported as
``file:line:col: message`` (with a did-you-mean for misspelt keys). A pack with any problem is not
loaded at all: a rule is never silently ignored. The schema is docs/rules.md; what a compiled rule
is lives in :mod:`cleaner.rules.model`, how its anchors are read off in :mod:`cleaner.rules.anchors`.

- :func:`bundled_rules_dir`, :func:`rule_files`: where the packs are;
- :func:`load_rules`, :func:`default_rules`: files to a :class:`~cleaner.rules.model.RuleSet`;
- :func:`load_rule_text`, :func:`is_domain`: one pack given as text, and the host-name check
  (for drafted rules, ``cleaner mine --emit-rules``);
- ``_FileLoader``: the validator of one file's YAML node tree, with its tables of allowed keys.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from importlib import resources
from pathlib import Path

import yaml

from cleaner.result import LEVELS
from cleaner.rules.anchors import fuzzy_anchors, literal_anchors, required_anchors
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
from cleaner.rules.regex import compile_rule_regex
from cleaner.text.normalize import comparison_form

# libyaml's loader composes the bundled packs ~10x faster, with the same line/column marks (tested in
# tests/test_ci_gate.py); the pure-Python one when PyYAML was built without libyaml
YAML_LOADER: type = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

__all__ = ["bundled_rules_dir", "rule_files", "load_rules", "default_rules", "load_rule_text", "is_domain"]

_ID_RE = re.compile(r"^[a-z0-9][a-z0-9_-]*(\.[a-z0-9][a-z0-9_-]*)+$")
_PACK_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_LANG_RE = re.compile(r"^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$")
_DOMAIN_RE = re.compile(r"^~?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


def bundled_rules_dir() -> Path:
    """Directory of the bundled packs: ``cleaner/_rules`` in a wheel, ``rules/`` in a checkout."""
    packaged = resources.files("cleaner") / "_rules"
    if packaged.is_dir():
        return Path(str(packaged))
    # this file is <checkout>/cleaner/rules/loader.py: parents[0] is cleaner/rules, [2] the checkout
    return Path(__file__).resolve().parents[2] / "rules"


def rule_files(paths: Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (``*.yaml``/``*.yml``, sorted) into a list of rule files."""
    out: list[Path] = []
    for p in paths:
        path = Path(p)
        if path.is_dir():
            out.extend(sorted(q for q in path.rglob("*") if q.suffix in (".yaml", ".yml") and q.is_file()))
        elif path.is_file():
            out.append(path)
        else:
            raise RuleLoadError([Problem(str(path), 1, 1, "no such rule file or folder")])
    return out


def load_rules(paths: Iterable[str | Path] | None = None, *, defaults: bool = True) -> RuleSet:
    """Load and compile rule packs.

    ``defaults`` adds the bundled packs; ``paths`` (files or folders) adds user packs. All files are
    validated before any is used; every problem of every file is collected into one
    :class:`RuleLoadError`. Rule ids must be unique across everything loaded.
    """
    files: list[Path] = []
    if defaults:
        files.extend(rule_files([bundled_rules_dir()]))
    if paths:
        files.extend(rule_files(paths))
    from cleaner.rules import cache  # compiled packs kept on disk, keyed by their bytes

    if (hit := cache.lookup(files)) is not None:
        return hit
    problems: list[Problem] = []
    rules: list[Rule] = []
    packs: list[str] = []
    seen: dict[str, Rule] = {}
    for f in files:
        try:
            text = f.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            problems.append(Problem(str(f), 1, 1, f"cannot read rule file: {exc}"))
            continue
        pack, file_rules, file_problems = load_rule_text(text, str(f))
        problems.extend(file_problems)
        if file_problems:
            continue
        packs.append(pack)
        for r in file_rules:
            if r.id in seen:
                first = seen[r.id]
                problems.append(
                    Problem(
                        r.file, r.line, 1, f"duplicate rule id {r.id!r} (first defined at {first.file}:{first.line})"
                    )
                )
            else:
                seen[r.id] = r
                rules.append(r)
    if problems:
        raise RuleLoadError(problems)
    text_rules = tuple(r for r in rules if r.matcher.kind != "selector")
    html_rules = tuple(r for r in rules if r.matcher.kind == "selector")
    ruleset = RuleSet(text_rules, tuple(packs), tuple(str(f) for f in files), html_rules)
    cache.store(files, ruleset)
    return ruleset


@lru_cache(maxsize=1)
def default_rules() -> RuleSet:
    """The bundled packs, loaded once per process."""
    return load_rules(defaults=True)


# ------------------------------------------------------------------------------------- validation
_PACK_KEYS = {"pack": True, "description": False, "rules": True}
_RULE_KEYS = {
    "id": True,
    "description": True,
    "level": False,
    "policy": False,
    "scope": False,
    "match": True,
    "action": False,
    "extend": False,
    "tests": True,
}
_SCOPE_KEYS = {"domains": False, "urls": False, "languages": False, "position": False, "window": False}
_MATCHER_OPTIONS = {
    "literal": {"literal", "whole_block", "truncated"},
    "regex": {"regex", "case_sensitive"},
    "fuzzy": {"fuzzy", "scorer", "threshold", "min_length"},
    "shape": {"shape", "min_items"},
    "any": {"any"},
    "all": {"all"},
    "selector": {"selector", "has_text"},
    "model": {"model", "min_score", "run"},
}
_TEST_KEYS = {"input": True, "output": False, "url": False, "language": False}


def load_rule_text(text: str, source: str) -> tuple[str, list[Rule], list[Problem]]:
    """Validate and compile one rule pack given as YAML text: ``(pack name, rules, problems)``.

    What :func:`load_rules` does for each file, for packs that are not files yet (``cleaner mine
    --emit-rules`` checks each drafted rule this way before writing it). ``source`` names the text in
    the problems' ``file:line:col``. With problems, the rules are not to be used.
    """
    loader = _FileLoader(source)
    pack, rules = loader.load(text)
    return pack, rules, loader.problems


def is_domain(name: str) -> bool:
    """Whether ``name`` is a host name that ``scope.domains`` takes (``gate.com``, ``~blog.gate.com``)."""
    return bool(_DOMAIN_RE.match(name.replace("~.", "~")))


class _FileLoader:
    """Validates one file's YAML node tree against the schema and compiles its rules."""

    def __init__(self, file: str):
        self.file = file
        self.problems: list[Problem] = []

    # -- helpers
    def problem(self, node: yaml.Node | None, message: str) -> None:
        line, col = (node.start_mark.line + 1, node.start_mark.column + 1) if node is not None else (1, 1)
        self.problems.append(Problem(self.file, line, col, message))

    def mapping(self, node: yaml.Node, allowed: dict[str, bool], what: str) -> dict[str, yaml.Node] | None:
        """Check a mapping node: known keys only, required keys present, no key twice."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, f"{what} must be a mapping, got {_node_kind(node)}")
            return None
        out: dict[str, yaml.Node] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.problem(key_node, f"{what}: keys must be plain strings")
                continue
            if key not in allowed:
                hint = difflib.get_close_matches(key, list(allowed), n=1)
                extra = f"; did you mean {hint[0]!r}?" if hint else f"; allowed: {', '.join(sorted(allowed))}"
                self.problem(key_node, f"{what}: unknown key {key!r}{extra}")
                continue
            if key in out:
                self.problem(key_node, f"{what}: key {key!r} given twice")
                continue
            out[key] = value_node
        for key, required in allowed.items():
            if required and key not in out:
                self.problem(node, f"{what}: missing required key {key!r}")
        return out

    def string(self, node: yaml.Node, what: str, *, allow_empty: bool = False) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:str":
            self.problem(node, f"{what} must be a string, got {_node_kind(node)}")
            return None
        if not allow_empty and not node.value.strip():
            self.problem(node, f"{what} must not be empty")
            return None
        return node.value

    def choice(self, node: yaml.Node, what: str, choices: Sequence[str]) -> str | None:
        value = self.string(node, what)
        if value is None:
            return None
        if value not in choices:
            hint = difflib.get_close_matches(value, list(choices), n=1)
            extra = f"; did you mean {hint[0]!r}?" if hint else ""
            self.problem(node, f"{what} must be one of {', '.join(choices)}, got {value!r}{extra}")
            return None
        return value

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        if not isinstance(node, yaml.ScalarNode) or node.tag != "tag:yaml.org,2002:bool":
            self.problem(node, f"{what} must be true or false, got {_node_kind(node)}")
            return None
        return node.value.lower() in ("true", "yes", "on")

    def number(self, node: yaml.Node, what: str, lo: float, hi: float, *, integer: bool = False) -> float | None:
        tags = ("tag:yaml.org,2002:int",) if integer else ("tag:yaml.org,2002:int", "tag:yaml.org,2002:float")
        if not isinstance(node, yaml.ScalarNode) or node.tag not in tags:
            kind = "an integer" if integer else "a number"
            self.problem(node, f"{what} must be {kind}, got {_node_kind(node)}")
            return None
        value = float(yaml.safe_load(node.value))
        if not lo <= value <= hi:
            self.problem(node, f"{what} must be between {lo:g} and {hi:g}, got {node.value}")
            return None
        return value

    def string_list(self, node: yaml.Node, what: str) -> list[tuple[str, yaml.Node]]:
        """A string or a non-empty list of strings, with the node of each (for error positions)."""
        if isinstance(node, yaml.ScalarNode):
            s = self.string(node, what)
            return [(s, node)] if s is not None else []
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(node, f"{what} must be a string or a non-empty list of strings")
            return []
        out = []
        for item in node.value:
            s = self.string(item, f"{what} item")
            if s is not None:
                out.append((s, item))
        return out

    def regex(self, node: yaml.Node, pattern: str, what: str, flags: int) -> re.Pattern[str] | None:
        try:
            # user packs: RE2 where it matches exactly (linear time); the bundled packs stay on `re`,
            # vetted by benchmarks/bench_worst_case.py and cheaper per call on short blocks
            linear = Path(self.file).resolve().parent != bundled_rules_dir().resolve()
            return compile_rule_regex(pattern, flags, linear=linear)  # type: ignore[return-value]
        except re.error as exc:
            self.problem(node, f"{what}: regex does not compile: {exc}")
            return None

    # -- the document
    def load(self, text: str) -> tuple[str, list[Rule]]:
        try:
            root = yaml.compose(text, Loader=YAML_LOADER)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            self.problems.append(Problem(self.file, line, col, f"invalid YAML: {exc.problem or exc}"))
            return "", []
        except yaml.YAMLError as exc:
            self.problems.append(Problem(self.file, 1, 1, f"invalid YAML: {exc}"))
            return "", []
        except (ValueError, OverflowError, RecursionError) as exc:  # e.g. "\U00110000": PyYAML's chr() fails
            self.problems.append(Problem(self.file, 1, 1, f"invalid YAML: {exc}"))
            return "", []
        if root is None:
            self.problems.append(Problem(self.file, 1, 1, "empty rule file: expected 'pack:' and 'rules:'"))
            return "", []
        top = self.mapping(root, _PACK_KEYS, "pack")
        if top is None:
            return "", []
        pack = ""
        if "pack" in top:
            pack = self.string(top["pack"], "pack") or ""
            if pack and not _PACK_RE.match(pack):
                self.problem(top["pack"], f"pack name {pack!r} may hold only letters, digits, '-', '_' and '.'")
        if "description" in top:
            self.string(top["description"], "description", allow_empty=True)
        rules: list[Rule] = []
        if "rules" in top:
            node = top["rules"]
            if not isinstance(node, yaml.SequenceNode) or not node.value:
                self.problem(node, "rules must be a non-empty list of rules")
            else:
                for item in node.value:
                    rule = self.rule(item, pack)
                    if rule is not None:
                        rules.append(rule)
        return pack, rules

    def rule(self, node: yaml.Node, pack: str) -> Rule | None:
        n_before = len(self.problems)
        keys = self.mapping(node, _RULE_KEYS, "rule")
        if keys is None:
            return None
        rid = self.string(keys["id"], "id") if "id" in keys else None
        where = f"rule {rid!r}" if rid else "rule"
        if rid is not None and not _ID_RE.match(rid):
            self.problem(
                keys["id"],
                f"{where}: id must be lowercase dotted parts like 'site.what' ([a-z0-9_-] parts joined by '.')",
            )
        description = self.string(keys["description"], f"{where}: description") if "description" in keys else None
        description = " ".join(description.split()) if description else description  # folded YAML keeps a "\n"
        level = self.choice(keys["level"], f"{where}: level", LEVELS) if "level" in keys else "warning"
        policy = self.string(keys["policy"], f"{where}: policy") if "policy" in keys else None
        scope = self.scope(keys["scope"], where) if "scope" in keys else Scope()
        matcher = self.matcher(keys["match"], f"{where}: match") if "match" in keys else None
        html = matcher is not None and matcher.kind == "selector"
        if "action" not in keys:
            action: str | None = "remove_element" if html else "remove_span"
        else:
            action = self.choice(keys["action"], f"{where}: action", ACTIONS + HTML_ACTIONS)
            if action is not None and matcher is not None and html != (action in HTML_ACTIONS):
                need = HTML_ACTIONS if html else ACTIONS
                self.problem(
                    keys["action"],
                    f"{where}: action {action!r} does not fit a {'selector' if html else 'text'} matcher; "
                    f"use one of {', '.join(need)}",
                )
        extend = self.choice(keys["extend"], f"{where}: extend", EXTENDS) if "extend" in keys else "none"
        if html and scope is not None:
            self._html_scope(keys.get("scope"), scope, where)
        if html and extend not in (None, "none"):
            self.problem(keys["extend"], f"{where}: extend applies to text matchers, not to a selector")
        tests = self.tests(keys["tests"], where, html=html) if "tests" in keys else ()
        if len(self.problems) > n_before or None in (rid, description, level, matcher, action, extend):
            return None
        return Rule(
            id=rid,  # type: ignore[arg-type]
            description=description,  # type: ignore[arg-type]
            level=level,  # type: ignore[arg-type]
            matcher=matcher,  # type: ignore[arg-type]
            scope=scope or Scope(),
            action=action,  # type: ignore[arg-type]
            extend=extend,  # type: ignore[arg-type]
            policy=policy,
            tests=tuple(tests),
            pack=pack,
            file=self.file,
            line=node.start_mark.line + 1,
        )

    def _html_scope(self, node: yaml.Node | None, scope: Scope, where: str) -> None:
        """A selector rule runs before the text exists: it can be scoped by address only."""
        if scope.position != "anywhere":
            self.problem(node, f"{where}: scope.position applies to text rules; a selector rule has no head or tail")
        if scope.languages:
            self.problem(
                node, f"{where}: scope.languages applies to text rules; scope a selector rule with domains or urls"
            )

    def scope(self, node: yaml.Node, where: str) -> Scope | None:
        keys = self.mapping(node, _SCOPE_KEYS, f"{where}: scope")
        if keys is None:
            return None
        domains: list[str] = []
        excluded: list[str] = []
        for value, item in self.string_list(keys["domains"], f"{where}: scope.domains") if "domains" in keys else []:
            d = value.strip().lower().lstrip(".")
            if "*" in d:
                hint = d.replace("*.", "").replace("*", "")
                self.problem(
                    item, f"{where}: scope.domains: no wildcards ({value!r}); {hint!r} already covers its subdomains"
                )
                continue
            if not is_domain(d):
                self.problem(
                    item, f"{where}: scope.domains: {value!r} is not a host name (e.g. gate.com, ~blog.gate.com)"
                )
                continue
            if d.startswith("~"):
                excluded.append(d[1:].lstrip("."))
            else:
                domains.append(d)
        urls = []
        for value, item in self.string_list(keys["urls"], f"{where}: scope.urls") if "urls" in keys else []:
            pat = self.regex(item, value, f"{where}: scope.urls", re.IGNORECASE)
            if pat is not None:
                urls.append(pat)
        languages = []
        for value, item in (
            self.string_list(keys["languages"], f"{where}: scope.languages") if "languages" in keys else []
        ):
            if not _LANG_RE.match(value.strip()):
                self.problem(item, f"{where}: scope.languages: {value!r} is not a language code such as en or pt-BR")
                continue
            languages.append(value.strip().lower())
        position = (
            self.choice(keys["position"], f"{where}: scope.position", POSITIONS) if "position" in keys else "anywhere"
        )
        window = self.number(keys["window"], f"{where}: scope.window", 1, 1000, integer=True) if "window" in keys else 5
        if "window" in keys and position == "anywhere":
            self.problem(keys["window"], f"{where}: scope.window needs position head or tail")
        return Scope(
            domains=tuple(domains),
            excluded_domains=tuple(excluded),
            urls=tuple(urls),
            languages=tuple(languages),
            position=position or "anywhere",
            window=int(window or 5),
        )

    def matcher(self, node: yaml.Node, where: str, *, nested: bool = False) -> Matcher | None:
        if not isinstance(node, yaml.MappingNode):
            kinds = "literal, regex, fuzzy, shape, model, selector, any, all"
            self.problem(node, f"{where} must be a mapping with one of {kinds}")
            return None
        names = [k.value for k, _ in node.value if isinstance(k, yaml.ScalarNode)]
        kinds = [k for k in names if k in _MATCHER_OPTIONS]
        if len(kinds) != 1:
            if not kinds:
                allowed = {o for opts in _MATCHER_OPTIONS.values() for o in opts}
                bad = [k for k in names if k not in allowed]
                hint = difflib.get_close_matches(bad[0], list(_MATCHER_OPTIONS), n=1) if bad else []
                extra = f"; did you mean {hint[0]!r}?" if hint else ""
                self.problem(node, f"{where}: needs one of literal, regex, fuzzy, shape, selector, any, all{extra}")
            else:
                self.problem(
                    node, f"{where}: give exactly one of {', '.join(kinds)} per matcher (combine with any/all)"
                )
            return None
        kind = kinds[0]
        allowed = {k: k == kind for k in _MATCHER_OPTIONS[kind]}
        keys = self.mapping(node, allowed, f"{where} ({kind})")
        if keys is None:
            return None
        if kind in ("any", "all"):
            seq = keys[kind]
            if not isinstance(seq, yaml.SequenceNode) or not seq.value:
                self.problem(seq, f"{where}: {kind} must be a non-empty list of matchers")
                return None
            members = [
                self.matcher(item, f"{where}.{kind}[{i}]", nested=True) for i, item in enumerate(seq.value)
            ]
            if any(m is None for m in members):
                return None
            return Matcher(kind=kind, members=tuple(members))  # type: ignore[arg-type]
        if kind == "selector":
            if nested:
                self.problem(node, f"{where}: a selector matches HTML elements and cannot be combined with any/all")
                return None
            return self.selector(keys, where)
        if kind == "shape":
            return self.shape(keys, where)
        if kind == "literal":
            values = self.string_list(keys["literal"], f"{where}: literal")
            forms = []
            for value, item in values:
                form = comparison_form(value)
                if not form:
                    self.problem(item, f"{where}: literal {value!r} has no letters or digits to match")
                    continue
                forms.append(form)
            whole = self.boolean(keys["whole_block"], f"{where}: whole_block") if "whole_block" in keys else False
            truncated = (
                self.number(keys["truncated"], f"{where}: truncated", 20, 100000, integer=True)
                if "truncated" in keys
                else 0
            )
            if not forms or whole is None or truncated is None:
                return None
            if truncated and whole:
                self.problem(keys["truncated"], f"{where}: truncated cannot be combined with whole_block")
                return None
            ordered = sorted(set(forms), key=lambda f: (-len(f), f))
            literal_re = re.compile("|".join(re.escape(f) for f in ordered))
            return Matcher(
                kind="literal",
                literals=tuple(ordered),
                literal_re=literal_re,
                anchors=literal_anchors(ordered, int(truncated)),
                whole_block=bool(whole),
                truncated=int(truncated),
            )
        if kind == "model":
            return self.model(keys, where)
        if kind == "regex":
            pattern = self.string(keys["regex"], f"{where}: regex")
            case = (
                self.boolean(keys["case_sensitive"], f"{where}: case_sensitive") if "case_sensitive" in keys else False
            )
            if pattern is None or case is None:
                return None
            compiled = self.regex(keys["regex"], pattern, where, re.MULTILINE | (0 if case else re.IGNORECASE))
            if compiled is None:
                return None
            if compiled.search("") is not None:
                self.problem(keys["regex"], f"{where}: regex matches the empty string; it would match every block")
                return None
            return Matcher(kind="regex", regex=compiled, anchors=required_anchors(compiled))
        # fuzzy
        text = self.string(keys["fuzzy"], f"{where}: fuzzy")
        scorer = self.choice(keys["scorer"], f"{where}: scorer", SCORERS) if "scorer" in keys else "partial_ratio"
        threshold = self.number(keys["threshold"], f"{where}: threshold", 50, 100) if "threshold" in keys else 90.0
        min_length = (
            self.number(keys["min_length"], f"{where}: min_length", 10, 100000, integer=True)
            if "min_length" in keys
            else 40
        )
        if None in (text, scorer, threshold, min_length):
            return None
        form = comparison_form(text)  # type: ignore[arg-type]
        if len(form) < int(min_length):  # type: ignore[arg-type]
            self.problem(keys["fuzzy"], f"{where}: fuzzy text is shorter than min_length ({len(form)} < {min_length})")
            return None
        return Matcher(
            kind="fuzzy",
            pattern=form,
            anchors=fuzzy_anchors(form),
            scorer=scorer,  # type: ignore[arg-type]
            threshold=float(threshold),  # type: ignore[arg-type]
            min_length=int(min_length),  # type: ignore[arg-type]
        )

    def shape(self, keys: dict[str, yaml.Node], where: str) -> Matcher | None:
        """``shape: menu`` (cleaner.rules.shapes), with ``min_items`` its size parameter."""
        from cleaner.rules.shapes import SHAPES

        name = self.choice(keys["shape"], f"{where}: shape", tuple(SHAPES))
        param = None
        if "min_items" in keys:
            param = self.number(keys["min_items"], f"{where}: min_items", 0, 1000, integer=True)
        if name is None or ("min_items" in keys and param is None):
            return None
        return Matcher(kind="shape", shape=name, shape_param=None if param is None else int(param))
    def model(self, keys: dict[str, yaml.Node], where: str) -> Matcher | None:
        """A learned scorer (cleaner.text.furniture): which bundled model, and the score a block needs."""
        from cleaner.text.furniture import MODEL_RUNS, MODELS

        name = self.choice(keys["model"], f"{where}: model", MODELS)
        score = self.number(keys["min_score"], f"{where}: min_score", 0.5, 1.0) if "min_score" in keys else 0.9
        run = self.choice(keys["run"], f"{where}: run", MODEL_RUNS) if "run" in keys else "any"
        if name is None or score is None or run is None:
            return None
        return Matcher(kind="model", model=name, min_score=float(score), model_run=run)

    def selector(self, keys: dict[str, yaml.Node], where: str) -> Matcher | None:
        css = self.string(keys["selector"], f"{where}: selector")
        guard = self.string(keys["has_text"], f"{where}: has_text") if "has_text" in keys else None
        if css is None or ("has_text" in keys and guard is None):
            return None
        try:
            from lxml.cssselect import CSSSelector, SelectorError
        except ImportError:  # pragma: no cover - cssselect is a dependency
            self.problem(keys["selector"], f"{where}: selector rules need the cssselect package")
            return None
        try:
            CSSSelector(css)
        except SelectorError as exc:
            self.problem(keys["selector"], f"{where}: selector {css!r} is not valid CSS: {exc}")
            return None
        if guard is not None and not comparison_form(guard):
            self.problem(keys["has_text"], f"{where}: has_text {guard!r} has no letters or digits to look for")
            return None
        return Matcher(kind="selector", css=css, has_text=guard)

    def tests(self, node: yaml.Node, where: str, *, html: bool = False) -> list[RuleTest]:
        if not isinstance(node, yaml.SequenceNode) or not node.value:
            self.problem(node, f"{where}: tests must be a non-empty list of {{input, output}} cases")
            return []
        out: list[RuleTest] = []
        for item in node.value:
            keys = self.mapping(item, _TEST_KEYS, f"{where}: test")
            if keys is None or "input" not in keys:
                continue
            inp = self.string(keys["input"], f"{where}: test input", allow_empty=True)
            outp = self.string(keys["output"], f"{where}: test output", allow_empty=True) if "output" in keys else None
            url = self.string(keys["url"], f"{where}: test url") if "url" in keys else None
            lang = self.string(keys["language"], f"{where}: test language") if "language" in keys else None
            if inp is None:
                continue
            if html and "<" not in inp:
                self.problem(keys["input"], f"{where}: a selector rule's test input must be an HTML snippet")
                continue
            out.append(RuleTest(inp, outp, url, lang, item.start_mark.line + 1))
        changing = [t for t in out if t.output is not None and " ".join(t.output.split()) != " ".join(t.input.split())]
        unchanged = [t for t in out if t.output is None]
        if out and not changing:
            self.problem(node, f"{where}: tests need at least one case whose output differs from its input")
        if out and not unchanged:
            self.problem(node, f"{where}: tests need at least one case without output (text the rule must keep)")
        return out


def _node_kind(node: yaml.Node | None) -> str:
    if node is None:
        return "nothing"
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    return {"str": "a string", "int": "an integer", "float": "a number", "bool": "a boolean", "null": "nothing"}.get(
        tag, tag
    ) + f" ({node.value!r})"
