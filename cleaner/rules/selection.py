"""Which rule ids are in force: ``--select`` / ``--ignore`` glob patterns, in layers (ruff's model).

A selection is a sequence of layers, lowest first: the configuration file, a per-site entry of it,
then the command line. Each layer may *select* (the enabled set becomes exactly the ids matching its
patterns) and may *ignore* (ids matching are turned off). A later layer overrides an earlier one, so
``--select gate.*`` on the command line turns ``gate.*`` back on although the configuration file
ignores it. Patterns are :func:`fnmatch.fnmatchcase` globs over rule ids (``generic.ads.*``,
``dedup.*``, ``gate.disclaimer.third-party-en``); duplicate removals have ids ``dedup.<how>``.

The core applies a selection to what it removes (:class:`~cleaner.result.Options` ``selection``), so
the clean text, ``explain`` and ``check`` agree on what an ignored rule leaves in place.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from fnmatch import fnmatchcase

__all__ = ["Layer", "RuleSelection", "SiteSelection", "split_patterns"]


def split_patterns(values: Iterable[str] | None) -> tuple[str, ...]:
    """``["a.*,b.*", "c"]`` → ``("a.*", "b.*", "c")``: repeatable, comma-separated options flattened."""
    out: list[str] = []
    for value in values or ():
        out.extend(p.strip() for p in value.split(",") if p.strip())
    return tuple(out)


def _matches(rule_id: str, patterns: tuple[str, ...]) -> bool:
    return any(fnmatchcase(rule_id, p) for p in patterns)


@dataclass(frozen=True)
class Layer:
    """One source of selection: ``select`` None leaves the enabled set as the layers below made it."""

    select: tuple[str, ...] | None = None
    ignore: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return self.select is not None or bool(self.ignore)


@dataclass(frozen=True)
class RuleSelection:
    """Layers of select/ignore patterns, lowest first (hashable: it lives in the frozen ``Options``)."""

    layers: tuple[Layer, ...] = ()
    _cache: dict[str, bool] = field(default_factory=dict, compare=False, hash=False, repr=False)

    def __bool__(self) -> bool:
        return any(self.layers)

    def allows(self, rule_id: str) -> bool:
        """Whether removals by ``rule_id`` are made (memoised: a run sees few distinct ids)."""
        known = self._cache.get(rule_id)
        if known is not None:
            return known
        on = True
        for layer in self.layers:
            if layer.select is not None:
                on = _matches(rule_id, layer.select)
            if layer.ignore and _matches(rule_id, layer.ignore):
                on = False
        self._cache[rule_id] = on
        return on

    def then(self, *layers: Layer) -> RuleSelection:
        """This selection with ``layers`` on top (empty layers dropped)."""
        return RuleSelection(self.layers + tuple(x for x in layers if x))


def _host_matches(pattern: str, host: str) -> bool:
    """``example.com`` matches the host and its subdomains; a glob (``*.example.*``) matches the host."""
    pattern = pattern.lower()
    return host == pattern or host.endswith("." + pattern) or fnmatchcase(host, pattern)


def _path_matches(pattern: str, path: str) -> bool:
    return fnmatchcase(path, pattern) or fnmatchcase(path.rsplit("/", 1)[-1], pattern)


@dataclass(frozen=True)
class SiteSelection:
    """A run's selection with per-site (or per-path) ignores: ``below`` (the configuration file's
    select/ignore), then the ignores of every ``sites`` key matching the document's host or path, then
    ``top`` (the command line)."""

    below: Layer = Layer()
    top: Layer = Layer()
    sites: tuple[tuple[str, tuple[str, ...]], ...] = ()
    root: str | None = None  # path keys are relative to this folder (the configuration file's)
    _made: dict[tuple[str, ...], RuleSelection] = field(default_factory=dict, compare=False, hash=False, repr=False)

    @property
    def base(self) -> RuleSelection:
        return RuleSelection().then(self.below, self.top)

    def for_document(self, host: str | None, path: str | None) -> RuleSelection | None:
        """The selection for a document of ``host`` at ``path``; None when no site key matches it."""
        ignores: list[str] = []
        if path and self.root:
            path = os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        for pattern, patterns in self.sites:
            if (host and _host_matches(pattern, host)) or (path and _path_matches(pattern, path)):
                ignores.extend(patterns)
        if not ignores:
            return None
        key = tuple(ignores)
        made = self._made.get(key)
        if made is None:
            made = self._made[key] = RuleSelection().then(self.below, Layer(None, key), self.top)
        return made
