"""What every command does around its body: load rules, resolve inputs, choose jobs, map errors to exits.

Each command module parses its options and hands a ``body`` to :func:`run`; the helpers here turn the
typed errors of the layers below (:class:`~cleaner.rules.RuleLoadError`,
:class:`~cleaner.io.reading.InputError`, :class:`~cleaner.io.planning.PlanError`) into one
``cleaner: error: ...`` line and exit code 2, and anything else into an internal error (exit 3).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from enum import Enum
from fnmatch import fnmatchcase
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer

from cleaner.cli import signals
from cleaner.cli.options import DocumentArgs
from cleaner.cli.report import Report
from cleaner.io.planning import PlanError
from cleaner.io.reading import InputError, Source, expand_inputs
from cleaner.io.records import url_problem
from cleaner.pipeline.documents import Settings
from cleaner.pipeline.messages import plural
from cleaner.pipeline.runner import choose_jobs, input_size
from cleaner.pipeline.stats import Tally
from cleaner.result import Options
from cleaner.rules import RuleLoadError, RuleSet, load_rules, rule_files

E = TypeVar("E", bound=Enum)

__all__ = [
    "Stop", "choice", "isatty", "load", "run", "settings", "sources", "stop_on_plan_error", "tally", "write_pack",
]


class Stop(Exception):
    """Stop the command now with ``code`` (after the report has printed why)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


def choice(report: Report, option: str, value: str, choices: type[E]) -> E:
    """An option's value as its Enum, checked here rather than by typer so that a wrong value gets the
    documented ``cleaner: error:`` line (with a did-you-mean) and exit code 2."""
    try:
        return choices(value)
    except ValueError:
        import difflib

        names = [c.value for c in choices]
        near = difflib.get_close_matches(value, names, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        report.error(f"{option} {value!r} is not one of {', '.join(names)}{hint}")
        raise typer.Exit(2) from None


def finish(report: Report) -> NoReturn:
    raise typer.Exit(report.exit_code)


def load(report: Report, paths: list[Path] | None, *, defaults: bool) -> RuleSet:
    """Load the rule packs; on problems print each ``file:line:col: message`` and stop with 2.

    A folder given explicitly that holds no rule file is an error too: it is a typo or a wrong folder,
    and running with fewer rules than meant (or none at all) would pass silently.
    """
    empty = [p for p in paths or [] if p.is_dir() and not rule_files([p])]
    for folder in empty:
        report.error(f"no rule files in {str(folder).rstrip(os.sep)}{os.sep} (looked for *.yaml, *.yml)")
    if empty:
        raise Stop(2)
    try:
        return load_rules(paths or [], defaults=defaults)
    except RuleLoadError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        report.error(f"rule files have {plural(len(exc.problems), 'problem')}")
        raise Stop(2) from None


def settings(report: Report, args: DocumentArgs) -> Settings:
    if args.url and (why := url_problem(args.url)):
        report.error(f"--url {args.url}: {why}")
        raise Stop(2)
    if args.no_default_rules and not args.rules:
        report.error("--no-default-rules needs at least one --rules PATH")
        raise Stop(2)
    from cleaner.cli.selecting import selections  # --select/--ignore, the file's and per-site layers
    from cleaner.rules.selection import split_patterns

    chosen = selections(args)
    options = Options(
        dedup=not args.no_dedup,
        near_threshold=args.near_threshold,
        min_dup_chars=args.min_dup_chars,
        selection=chosen.base or None,
        time_budget=args.time_budget or None,
    )
    rules = load(report, args.rules, defaults=not args.no_default_rules)
    for pattern in split_patterns(args.select) + split_patterns(args.ignore):
        # a command-line pattern that names no rule is a typo, not a silent no-op (ruff does the same)
        if not pattern.startswith("dedup.") and not any(fnmatchcase(r.id, pattern) for r in rules.all_rules):
            report.error(f"--select/--ignore {pattern}: no loaded rule id matches (see `cleaner rules list`)")
            raise Stop(2)
    return Settings(rules, options, args.url, args.lang, sites=chosen if chosen.sites else None)


def sources(report: Report, paths: list[str] | None, exclude: list[str] | None = None) -> tuple[list[Source], bool]:
    try:
        return expand_inputs(paths or [], exclude=exclude or ())
    except InputError as exc:
        report.error(str(exc))
        raise Stop(2) from None


def stop_on_plan_error(report: Report, plan: Callable[[], Any]) -> Any:
    """Run an output-planning step; a :class:`PlanError` is reported and stops the command with 2."""
    try:
        return plan()
    except PlanError as exc:
        report.error(str(exc))
        raise Stop(2) from None


def tally(report: Report, args: DocumentArgs, sources: list[Source], *, quiet: bool, to_stdout: bool) -> Tally:
    """The run's :class:`~cleaner.pipeline.stats.Tally`: ``--jobs`` resolved, the progress bar shown
    when asked, or by default only when stderr is a terminal and not over output to that same terminal."""
    size, exact = input_size(sources)
    shown = args.progress
    if shown is None:
        shown = not quiet and isatty(sys.stderr) and not (to_stdout and isatty(sys.stdout))
    return Tally(
        report, jobs=choose_jobs(sources, args.jobs), shown=shown, total=size if exact else None, stats_path=args.stats
    )


def isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def run(body: Callable[[], None], report: Report) -> NoReturn:
    """Run a command body; turn :class:`Stop` into its exit code, else exit with the report's.

    The last resort: any other exception is a bug. It must not end with Python's exit code 1, which
    ``check`` uses for "found removals" (CI would read a crash as findings), so it is reported as
    ``cleaner: internal error: ...`` with its traceback and ends with exit code 3. A closed stdout
    (``| head``) is not a bug: it ends quietly with 141; Ctrl-C and SIGTERM end with 130/143.
    """
    try:
        body()
    except Stop as stop:
        raise typer.Exit(max(stop.code, report.exit_code)) from None
    except BrokenPipeError:  # stdout closed by its reader (`| head`): quietly, 141 (cleaner.cli.signals)
        signals.stdout_closed()
        raise typer.Exit(signals.BROKEN_PIPE_EXIT) from None
    except KeyboardInterrupt as exc:  # Ctrl-C, and SIGTERM/SIGHUP raised as Terminated: outputs discarded
        report.error(f"interrupted ({exc}): outputs being written were discarded" if str(exc) else "interrupted")
        raise typer.Exit(signals.exit_code(exc)) from None
    except Exception as exc:
        report.internal_error(exc)
    finish(report)


def write_pack(report: Report, path: Path, text: str) -> None:
    """Write a drafted or learned rule pack atomically; a failure is one error line and exit 2."""
    from cleaner.io.writing import atomic_output

    try:
        with atomic_output(path) as fh:
            fh.write(text.encode("utf-8"))
    except OSError as exc:
        report.error(f"{path}: cannot write: {exc.strerror or exc}")
        raise Stop(2) from None
