"""The rule selection of a run: the configuration file's select/ignore, its per-site ignores, then the
command line's ``--select``/``--ignore``, as :class:`~cleaner.rules.selection.SiteSelection` layers."""

from __future__ import annotations

from typing import Any

from cleaner.rules.selection import Layer, SiteSelection, split_patterns

__all__ = ["selections"]


def _layer(select: Any, ignore: Any) -> Layer:
    return Layer(split_patterns(select) if select else None, split_patterns(ignore))


def selections(args: Any) -> SiteSelection:
    """The run's selection: the file's layer, a document's per-site ignores, then the command line on top
    (so ``--select`` on the command line wins over the file, per-site entries included)."""
    values = args.file_config.values if args.file_config is not None else {}
    sites = tuple((pattern, split_patterns(v)) for pattern, v in (args.per_site_ignores or {}).items())
    root = str(args.file_config.path.parent.resolve()) if args.file_config is not None else None
    return SiteSelection(
        _layer(values.get("select"), values.get("ignore")), _layer(args.select, args.ignore), sites, root
    )
