"""The configuration file: ``[tool.cleaner]`` in ``pyproject.toml``, or ``cleaner.toml`` / ``.cleaner.toml``.

Found as black and ruff find theirs: from the working directory upward, the first folder holding a
``.cleaner.toml``, a ``cleaner.toml`` or a ``pyproject.toml`` with a ``[tool.cleaner]`` table (in that
order of preference) wins; the search stops at the folder holding ``.git``. ``--config PATH`` names one,
``--no-config`` ignores them. The keys mirror the command-line options (:data:`KEYS`); an option given on
the command line overrides the file (click says where each value came from).

Strict like the rule loader: an unknown key or a bad value is a :class:`ConfigError` naming
``file:line``, the key and a did-you-mean. ``tomllib`` keeps no positions, so :func:`key_lines` finds
each key's line by scanning the file's table headers and ``key =`` lines (comments and strings that
merely look like keys cannot start a line inside a table, so the scan is exact for ordinary files).
"""

from __future__ import annotations

import difflib
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import Any

__all__ = ["KEYS", "Config", "ConfigError", "Key", "discover", "key_lines", "load_config", "merge", "show"]

NAMES = (".cleaner.toml", "cleaner.toml", "pyproject.toml")
GUESSED_NOTE = {"url-field": "'url' when a record has one", "lang-field": "'lang' or 'language' when a record has one"}
CHECK_FORMATS = ("text", "json", "github", "sarif", "junit", "json-lines")


class ConfigError(Exception):
    """A configuration file that cannot be used: ``file:line: message`` lines."""

    def __init__(self, problems: list[str]) -> None:
        super().__init__("\n".join(problems))
        self.problems = problems


@dataclass(frozen=True)
class Key:
    """One configuration key: the option it stands for, how its value is checked, its help."""

    param: str  # the command's parameter (DocumentArgs field or the command's own option)
    kind: str  # a short name of the expected value, for messages
    check: Callable[[Any], Any]  # the value as the option takes it; raises ValueError with why not
    commands: tuple[str, ...] = ()  # only these commands have the option (empty: clean/check/explain)
    negate: bool = False  # the option is the opposite flag (default-rules = true -> --no-default-rules off)


def _string(value: Any) -> str:
    if not isinstance(value, str) or not value:
        raise ValueError("expected a non-empty string")
    return value


def _strings(value: Any) -> list[str]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError("expected a list of strings")
    return list(value)


def _bool(value: Any) -> bool:
    if not isinstance(value, bool):
        raise ValueError("expected true or false")
    return value


def _int(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ValueError("expected a whole number >= 0")
    return value


def _fraction(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
        raise ValueError("expected a number from 0 to 1")
    return float(value)


def _choice(*choices: str) -> Callable[[Any], str]:
    def check(value: Any) -> str:
        if value not in choices:
            near = difflib.get_close_matches(str(value), choices, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise ValueError(f"expected one of {', '.join(choices)}{hint}")
        return value

    return check


def _site_ignores(value: Any) -> dict[str, list[str]]:
    if not isinstance(value, dict):
        raise ValueError("expected a table of 'site or path glob' = [rule-id globs]")
    return {str(k): _strings(v) for k, v in value.items()}


KEYS: dict[str, Key] = {
    "rules": Key("rules", "list of paths", _strings),
    "default-rules": Key("no_default_rules", "boolean", _bool, negate=True),
    "select": Key("select", "list of rule-id globs", _strings),
    "ignore": Key("ignore", "list of rule-id globs", _strings),
    "per-site-ignores": Key("per_site_ignores", "table", _site_ignores),
    "exclude": Key("exclude", "list of globs", _strings),
    "fail-on": Key("fail_on", "level", _choice("error", "warning", "info"), commands=("check",)),
    "format": Key("fmt", "check format", _choice(*CHECK_FORMATS), commands=("check",)),
    "on-error": Key("on_error", "policy", _choice("fail", "skip", "keep"), commands=("clean",)),
    "text-field": Key("text_field", "field name", _string),
    "url-field": Key("url_field", "field name", _string),
    "lang-field": Key("lang_field", "field name", _string),
    "html-field": Key("html_field", "field name", _string),
    "jobs": Key("jobs", "number", _int),
    "dedup": Key("no_dedup", "boolean", _bool, negate=True),
    "near-threshold": Key("near_threshold", "number", _fraction),
    "min-dup-chars": Key("min_dup_chars", "number", _int),
}


@dataclass(frozen=True)
class Config:
    """A loaded configuration file: its checked values by key and where each stands (``file:line``)."""

    path: Path
    values: dict[str, Any] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)

    def where(self, key: str) -> str:
        return f"{self.path}:{self.lines.get(key, 1)}"


# ------------------------------------------------------------------------------------------ reading
_HEADER = re.compile(r"^\s*\[\[?\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
_KEY = re.compile(r"""^\s*((?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+)(?:\s*\.\s*(?:"[^"]*"|'[^']*'|[A-Za-z0-9_-]+))*)\s*=""")
_PART = re.compile(r""""([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+)""")


def _dotted(text: str) -> list[str]:
    return [a or b or c for a, b, c in _PART.findall(text)]


def key_lines(text: str, table: tuple[str, ...]) -> dict[str, int]:
    """The 1-based line of each key of ``table`` (``()`` = top level) and of its sub-tables' keys
    (``per-site-ignores.example.com``); the table's own header line under the key ``""``."""
    lines: dict[str, int] = {}
    current: list[str] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if m := _HEADER.match(line):
            current = _dotted(m.group(1))
            if tuple(current) == table:
                lines.setdefault("", n)
            elif tuple(current[: len(table)]) == table and len(current) > len(table):
                lines.setdefault(current[len(table)], n)
            continue
        if m := _KEY.match(line):
            full = current + _dotted(m.group(1))
            if tuple(full[: len(table)]) == table and len(full) > len(table):
                rest = full[len(table) :]
                lines.setdefault(rest[0], n)
                if len(rest) > 1:
                    lines.setdefault(".".join(rest[:2]), n)
    return lines


def _toml() -> Any:
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover - Python 3.10
        import tomli as tomllib
    return tomllib


def _parse(path: Path) -> tuple[dict[str, Any], str]:
    toml = _toml()
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError([f"{path}: cannot read: {getattr(exc, 'strerror', None) or exc}"]) from None
    try:
        return toml.loads(text), text
    except toml.TOMLDecodeError as exc:
        m = re.search(r"\(at line (\d+)", str(exc))
        where = f"{path}:{m.group(1)}" if m else str(path)
        raise ConfigError([f"{where}: invalid TOML: {re.sub(r' [(]at line .*[)]$', '', str(exc))}"]) from None


def _table(path: Path, data: dict[str, Any]) -> tuple[dict[str, Any] | None, tuple[str, ...]]:
    """The settings table of a parsed file: ``[tool.cleaner]`` of a pyproject.toml, else the top level."""
    if path.name == "pyproject.toml":
        table = data.get("tool", {}).get("cleaner") if isinstance(data.get("tool"), dict) else None
        return (table if isinstance(table, dict) else None), ("tool", "cleaner")
    return data, ()


def load_config(path: Path) -> Config:
    """Load and check one configuration file (a pyproject.toml without ``[tool.cleaner]`` is empty)."""
    data, text = _parse(path)
    table, prefix = _table(path, data)
    lines = key_lines(text, prefix)
    if table is None:
        return Config(path, {}, lines)
    problems = []
    values: dict[str, Any] = {}
    for key, value in table.items():
        where = f"{path}:{lines.get(key, lines.get('', 1))}"
        spec = KEYS.get(key)
        if spec is None:
            near = difflib.get_close_matches(key.replace("_", "-"), KEYS, n=1, cutoff=0.6)
            hint = f"; did you mean {near[0]!r}?" if near else f" (known keys: {', '.join(KEYS)})"
            problems.append(f"{where}: unknown key {key!r}{hint}")
            continue
        try:
            values[key] = spec.check(value)
        except ValueError as exc:
            problems.append(f"{where}: {key}: {exc}, not {value!r}")
    if problems:
        raise ConfigError(problems)
    if "rules" in values:  # paths in the file are relative to the file's folder, not the working directory
        values["rules"] = [str((path.parent / p) if not Path(p).is_absolute() else Path(p)) for p in values["rules"]]
    return Config(path, values, lines)


def discover(start: Path | None = None) -> Path | None:
    """The configuration file in force for ``start`` (default: the working directory), or None."""
    try:
        here = (start or Path.cwd()).resolve()
    except OSError:  # the working directory was removed under us: no file to find
        return None
    for folder in (here, *here.parents):
        try:
            for name in NAMES:
                candidate = folder / name
                if not candidate.is_file():
                    continue
                if name != "pyproject.toml" or _has_tool_table(candidate):
                    return candidate
            if (folder / ".git").exists():
                return None
        except OSError:  # a folder we may not look into: as if it held nothing
            continue
    return None


def _has_tool_table(path: Path) -> bool:
    """Whether a pyproject.toml has ``[tool.cleaner]`` (an unparsable one counts: its error is shown)."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return False
    if "cleaner" not in text:
        return False
    try:
        data = _toml().loads(text)
    except Exception:
        return bool(re.search(r"^\s*\[\s*tool\s*\.\s*cleaner\b", text, re.M))
    return _table(path, data)[0] is not None


# ------------------------------------------------------------------------------------------ merging
def _config_for(values: dict[str, Any]) -> Config | None:
    """The file a command runs with: ``--config PATH``, none with ``--no-config``, else the one found."""
    if values.get("no_config"):
        return None
    named = values.get("config")
    if named is not None:
        if not Path(named).is_file():
            raise ConfigError([f"--config {named}: no such file"])
        return load_config(Path(named))
    found = discover()
    return load_config(found) if found is not None else None


def merge(
    command: str, shared: dict[str, Any], own: dict[str, Any], source_of: Callable[[str], str | None]
) -> tuple[dict[str, Any], dict[str, Any], dict[str, str]]:
    """Fill the options not given on the command line from the configuration file.

    ``shared``/``own``: the command's parameter values (``DocumentArgs`` fields / its own options);
    ``source_of(name)``: click's ParameterSource name of a parameter (``COMMANDLINE``, ``DEFAULT``…).
    ``select``/``ignore`` are not overridden but layered (the file below the command line, see
    :mod:`cleaner.rules.selection`). Returns both dicts and, per key, where its value comes from.
    """
    cfg = _config_for(shared)
    shared = {**shared, "file_config": cfg}
    origins: dict[str, str] = {}
    for key, spec in KEYS.items():
        known = spec.param in shared or spec.param == "per_site_ignores"
        target = shared if known else own if spec.param in own else None
        if target is None or (spec.commands and command not in (*spec.commands, "config")):
            continue
        given = source_of(spec.param) not in (None, "DEFAULT", "DEFAULT_MAP")
        in_file = cfg is not None and key in cfg.values
        if spec.param in ("select", "ignore", "per_site_ignores"):
            parts = ([cfg.where(key)] if in_file else []) + (["command line"] if given else [])
            origins[key] = " + ".join(parts) or "default"
            continue
        if given or not in_file:
            origins[key] = "command line" if given else "default"
            continue
        assert cfg is not None
        value = cfg.values[key]
        if spec.negate:
            value = not value
        current = target[spec.param]
        if key == "rules":
            value = [Path(v) for v in value]
        elif isinstance(current, Enum):
            value = type(current)(value)  # an Enum option: the file's value was checked against its choices
        target[spec.param] = value
        origins[key] = cfg.where(key)
    return shared, own, origins


def _shown(value: Any) -> str:
    if isinstance(value, Enum):
        value = value.value
    if isinstance(value, Path):
        value = str(value)
    if isinstance(value, list):
        return "[" + ", ".join(_shown(v) for v in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k!r} = {_shown(v)}" for k, v in value.items()) + "}"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "(unset)"
    return repr(value) if isinstance(value, str) else str(value)


def show(cfg: Config | None, values: dict[str, Any], origins: dict[str, str]) -> str:
    """The settings in force, one ``key = value  # origin`` line each (``cleaner config``, --show-config)."""
    head = f"# configuration file: {cfg.path}" if cfg is not None else "# configuration file: none"
    out = [head]
    for key, spec in KEYS.items():
        if key not in origins:
            continue
        if spec.param in ("select", "ignore", "per_site_ignores"):
            file_value = cfg.values.get(key) if cfg is not None else None
            cli_value = values.get(spec.param)
            value: Any = [*(file_value or []), *(cli_value or [])] if spec.param != "per_site_ignores" else file_value
            value = value or ([] if spec.param != "per_site_ignores" else {})
        else:
            value = values.get(spec.param)
            if spec.negate:
                value = not value
        if value is None and key in GUESSED_NOTE:
            out.append(f"{key} = (unset: {GUESSED_NOTE[key]})  # {origins[key]}")
            continue
        out.append(f"{key} = {_shown(value)}  # {origins[key]}")
    return "\n".join(out)


def with_config(ctx: Any, shared: dict[str, Any], own: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
    """:func:`merge` for the running command (``ctx``: its click context); a bad file is
    ``cleaner: error: file:line: …``, exit 2; ``--show-config`` prints the settings in force and exits 0."""
    import typer

    def source_of(name: str) -> str | None:
        found = ctx.get_parameter_source(name)
        return found.name if found is not None else None

    try:
        shared, own, origins = merge(ctx.info_name or "", shared, own, source_of)
    except ConfigError as exc:
        for problem in exc.problems:
            print(f"cleaner: error: {problem}", file=sys.stderr)
        raise typer.Exit(2) from None
    cfg = shared["file_config"]
    shared["per_site_ignores"] = cfg.values.get("per-site-ignores") if cfg is not None else None
    if shared.get("show_config"):
        print(show(cfg, {**shared, **own}, origins))
        raise typer.Exit(0)
    return shared, own
