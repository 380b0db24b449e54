"""``cleaner rules validate|test|list``: check, run the inline tests of, and list rule packs."""

from __future__ import annotations

from typing import Annotated

import typer

from cleaner.cli import common
from cleaner.cli.app import rules_app
from cleaner.cli.options import RulePathsArg
from cleaner.cli.report import Report
from cleaner.pipeline.messages import plural
from cleaner.rules import Scope
from cleaner.rules.regex import slow_regex_warnings
from cleaner.rules.testing import run_rule_tests


@rules_app.command(
    "validate",
    help="""Load rule packs strictly and report every problem as FILE:LINE:COL: MESSAGE.

\b
Prints 'OK: N rules in M packs' (exit 0), or each problem on stderr (exit 2).
A regex with nested quantifiers such as (a+)+$ is a warning (it can backtrack
for minutes where RE2 cannot take it; the per-document time budget bounds it).
Without PATH the bundled packs are validated; with PATHs only those. A folder
without any *.yaml/*.yml file is an error (exit 2).

\b
Examples:
  cleaner rules validate
  cleaner rules validate my-rules/ extra.yaml
""",
)
def rules_validate(paths: RulePathsArg = None) -> None:
    report = Report()

    def body() -> None:
        ruleset = common.load(report, paths, defaults=not paths)
        for message in slow_regex_warnings(ruleset):
            report.warning(message)
        print(f"OK: {plural(len(ruleset), 'rule')} in {plural(len(ruleset.packs), 'pack')}")

    common.run(body, report)


@rules_app.command(
    "test",
    help="""Run the inline tests of rules and show a diff for each failure.

\b
Each test case runs its rule alone (no other rule, no de-duplication) through
the same engine as `cleaner clean`. Failures are printed with rule id,
FILE:LINE and an expected/actual diff; the last line is 'N passed, M failed'.
Exit 0 when all pass, 1 on any failure, 2 when rule files do not load.

\b
Examples:
  cleaner rules test
  cleaner rules test my-rules/ -k gate.disclaimer
""",
)
def rules_test(
    paths: RulePathsArg = None,
    select: Annotated[
        str | None, typer.Option("-k", "--select", metavar="ID", help="Only rules whose id contains ID.")
    ] = None,
) -> None:
    report = Report()

    def body() -> None:
        ruleset = common.load(report, paths, defaults=not paths)
        if select and not len(ruleset.select(select)):
            report.error(f"-k {select}: no rule id contains {select!r}")
            raise common.Stop(2)
        outcomes = run_rule_tests(ruleset, select)
        failed = [o for o in outcomes if not o.passed]
        for o in failed:
            print(f"FAIL {o.rule.id} ({o.where})")
            print(o.diff())
            print()
        report.tests_failed(len(failed))
        print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")

    common.run(body, report)


def _scope_summary(scope: Scope) -> str:
    """A compact one-word-per-restriction view of a rule's scope; ``anywhere`` when unrestricted."""
    parts = []
    if scope.domains or scope.excluded_domains:
        parts.append("domains=" + ",".join([*scope.domains, *("~" + d for d in scope.excluded_domains)]))
    if scope.urls:
        parts.append("urls=" + ",".join(p.pattern for p in scope.urls))
    if scope.languages:
        parts.append("lang=" + ",".join(scope.languages))
    if scope.position != "anywhere":
        parts.append(f"{scope.position}:{scope.window}")
    return " ".join(parts) or "anywhere"


@rules_app.command(
    "list",
    help="""List rules, one per line: id, level, pack, scope, description.

\b
The scope column shows domains=..., urls=..., lang=..., head:N / tail:N, or
'anywhere' for an unscoped rule.

\b
Examples:
  cleaner rules list
  cleaner rules list my-rules/
""",
)
def rules_list(paths: RulePathsArg = None) -> None:
    report = Report()

    def body() -> None:
        ruleset = common.load(report, paths, defaults=not paths)
        rows = [(r.id, r.level, r.pack, _scope_summary(r.scope), r.description) for r in ruleset.all_rules]
        if not rows:
            report.note("no rules loaded")
            return
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            print("  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True)) + "  " + row[4])

    common.run(body, report)
