"""A compiled-rules cache on disk, so that a short run (a pre-commit hook, ``cleaner check small.txt``)
does not pay for validating the packs, analysing their anchors and compiling every regex.

The cache holds the :class:`~cleaner.rules.model.RuleSet` that :func:`cleaner.rules.loader.load_rules`
built, keyed by the Python version, the rule code's files (size and mtime) and the exact bytes of every
pack file, so a changed pack (or cleaner) is never served stale. Its regexes are stored as :class:`LazyPattern`s: each
is compiled the first time a document needs it (the prefilter skips most rules for most documents), so
loading from the cache costs an unpickle. Only valid packs are cached (a pack with problems raises
before it is stored), so strict loading and its ``file:line:col`` messages are unchanged.

Where: ``$CLEANER_CACHE_DIR``, else ``$XDG_CACHE_HOME/feed-cleaner``, else ``~/.cache/feed-cleaner``;
``CLEANER_NO_CACHE=1`` turns it off. The cache is best effort: an unreadable or unwritable one is the
same as none.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import os
import pickle
import re
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from cleaner.rules import anchors
from cleaner.rules.model import Matcher, Rule, RuleSet
from cleaner.rules.prefilter import rule_index

__all__ = ["LazyPattern", "cache_dir", "lookup", "store"]

_FORMAT = 3
_HERE = Path(__file__).parent


class LazyPattern:
    """A regex compiled on first use; otherwise it behaves as the ``re.Pattern`` it stands for."""

    def __init__(self, pattern: str, flags: int) -> None:
        self.pattern = pattern
        self.flags = flags

    def __getattr__(self, name: str) -> Any:
        compiled = re.compile(self.pattern, self.flags)
        self.__dict__["_compiled"] = compiled
        value = getattr(compiled, name)
        self.__dict__[name] = value  # next time found directly, without this hook
        return value

    def __reduce__(self) -> tuple[Any, tuple[str, int]]:
        return LazyPattern, (self.pattern, self.flags)

    def __repr__(self) -> str:
        return f"LazyPattern({self.pattern!r}, {self.flags})"


def _regexes(m: Matcher) -> list[Any]:
    """Every regex of a matcher tree."""
    return ([m.regex] if m.regex is not None else []) + [p for x in m.members for p in _regexes(x)]


def _lazy(p: Any) -> Any:
    return LazyPattern(p.pattern, p.flags) if isinstance(p, re.Pattern) else p


def _lazy_matcher(m: Matcher) -> Matcher:
    return dataclasses.replace(
        m,
        literal_re=_lazy(m.literal_re),
        regex=_lazy(m.regex),
        members=tuple(_lazy_matcher(x) for x in m.members),
    )


def _lazy_rule(r: Rule) -> Rule:
    scope = dataclasses.replace(r.scope, urls=tuple(_lazy(u) for u in r.scope.urls))
    return dataclasses.replace(r, matcher=_lazy_matcher(r.matcher), scope=scope)


def cache_dir() -> Path | None:
    if os.environ.get("CLEANER_NO_CACHE"):
        return None
    if os.environ.get("CLEANER_CACHE_DIR"):
        return Path(os.environ["CLEANER_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "feed-cleaner"


def _key(files: Sequence[Path]) -> tuple[str, str] | None:
    """(entry name, content digest): the name from the file list, the digest from every file's bytes."""
    # the code that builds and reads compiled rules: a new version (or an edited checkout) never reads
    # an older build's cache
    code = "|".join(f"{p.name}:{p.stat().st_size}:{p.stat().st_mtime_ns}" for p in sorted(_HERE.glob("*.py")))
    names = hashlib.sha256(f"{_FORMAT}|{sys.version}|{code}".encode())
    content = hashlib.sha256()
    try:
        for f in files:
            names.update(str(Path(f).resolve()).encode("utf-8", "surrogatepass") + b"\0")
            content.update(Path(f).read_bytes() + b"\0")
    except OSError:
        return None
    return names.hexdigest()[:32], content.hexdigest()


def lookup(files: Sequence[Path]) -> RuleSet | None:
    """The cached rule set of exactly these files (same bytes), or None."""
    folder = cache_dir()
    key = _key(files) if folder is not None and files else None
    if folder is None or key is None:
        return None
    try:
        with open(folder / f"rules-{key[0]}.pickle", "rb") as fh:
            digest, ruleset, requirements, starts = pickle.load(fh)
    except Exception:  # absent, truncated, from another version: rebuild
        return None
    if digest != key[1] or not isinstance(ruleset, RuleSet):
        return None
    anchors.REQUIREMENTS.update(requirements)  # the prefilter's regex analysis, done by the run that stored it
    anchors.STARTS.update(starts)  # and the matcher's (which regexes can only match at a line's start)
    return ruleset


def store(files: Sequence[Path], ruleset: RuleSet) -> None:
    """Keep ``ruleset`` (with lazy regexes) for the next run over these files; errors are ignored."""
    folder = cache_dir()
    key = _key(files) if folder is not None and files else None
    if folder is None or key is None:
        return
    lazy = dataclasses.replace(
        ruleset, rules=tuple(map(_lazy_rule, ruleset.rules)), html=tuple(map(_lazy_rule, ruleset.html))
    )
    rule_index(lazy)  # the prefilter's index: fills anchors.REQUIREMENTS, kept with the rules
    for rule in lazy.rules:  # the matcher reads anchors.starts_anchored of each regex it runs: kept too
        for pattern in _regexes(rule.matcher):
            anchors.starts_anchored(pattern)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".rules-", suffix=".tmp")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(
                (key[1], lazy, dict(anchors.REQUIREMENTS), dict(anchors.STARTS)), fh, protocol=pickle.HIGHEST_PROTOCOL
            )
        os.replace(tmp, folder / f"rules-{key[0]}.pickle")
    except Exception:
        with contextlib.suppress(Exception):
            os.unlink(tmp)
