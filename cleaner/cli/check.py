"""``cleaner check``: the CI gate. Clean without writing, report each finding, exit 1 on findings."""

from __future__ import annotations

import contextlib
import json
import sys
from collections import Counter
from typing import Annotated, Any, cast

import typer

from cleaner.cli import common
from cleaner.cli.app import app
from cleaner.cli.options import (
    CheckFormat,
    DocumentArgs,
    DupThresholdOpt,
    FailOn,
    NoDupRecordsOpt,
    QuietOpt,
    document_command,
)
from cleaner.cli.report import Report
from cleaner.pipeline.documents import Unreadable
from cleaner.pipeline.findings import add_check_error, add_check_json, at_or_above, check_payload, check_summary
from cleaner.pipeline.outputs import GATHERED, Checked, CheckOutput
from cleaner.pipeline.records_dedup import (
    DEFAULT_THRESHOLD,
    Duplicate,
    Signer,
    add_duplicate_json,
    index_for,
    with_copies,
)
from cleaner.pipeline.runner import iter_documents
from cleaner.result import Level


def ci_report(fmt: str, files: dict[str, dict[str, Any]], rules: Any, *, exit_code: int) -> str:
    """``--format sarif`` / ``junit``: the run's report, from the same per-file views as ``json``."""
    from cleaner import __version__
    from cleaner.pipeline.reports import junit_xml, sarif_log

    if fmt == "junit":
        return junit_xml(files.values())
    described = {r.id: (r.description, r.level) for r in rules.all_rules}
    log = sarif_log(files.values(), described, version=__version__, exit_code=exit_code)
    return json.dumps(log, ensure_ascii=False, indent=2)


# ------------------------------------------------------------------------------------------ check
CHECK_HELP = """Check documents without writing: exit 1 if anything would be removed.

\b
Runs exactly the cleaning of `cleaner clean`, writes nothing, and reports
one line per finding:
  PATH:LINE:COL: LEVEL RULE-ID MESSAGE [PREVIEW]
(for a JSONL record: PATH:LINE: [text L:C] ... where LINE is the record's
line in the file), then a summary. --format json prints a machine-readable
report instead (per file: path, removals, counts; per JSONL record: line);
--format github prints GitHub Actions annotations (::error file=...,line=...::)
so findings show on the pull request; --format sarif a SARIF 2.1.0 log (code
scanning), --format junit a JUnit XML report (a testsuite per file, a testcase
per document, a failure per finding), --format json-lines one JSON object per
finding. Text findings give the gist of the rule; -v its whole description.

\b
Settings come from [tool.cleaner] in pyproject.toml or a cleaner.toml found
from here upward (see `cleaner config`); options given here win. --select and
--ignore take rule-id globs (gate.*, dedup.*, generic.ads.*).

\b
Feeds are checked per item (PATH:LINE: item N (guid) FIELD: ...). A record,
feed item or file that copies an earlier one (same or near-same clean text,
same guid/id, same link without tracking parameters) is a duplicate-record
warning on the later copy, naming the first (--duplicate-threshold,
--no-duplicate-records).

\b
--fail-on sets the lowest level that fails: info (default: any removal
fails), warning, or error (only rules with level error; duplicates are
warnings). Every finding is listed either way.

\b
Exit codes: 0 nothing found, 1 findings at or above --fail-on,
2 bad input, bad usage or invalid rule files, 3 internal error (a bug).

\b
Examples:
  cleaner check pages/
  cleaner check page.txt --fail-on error --format json
  cleaner check exports/ --format github       # in a GitHub Actions step
  cleaner check exports/ --format sarif > cleaner.sarif
  cleaner check exports/ --ignore 'dedup.near,generic.ads.*'
  cleaner check data.jsonl --text-field body --url-field url
  cleaner check export.rss --format json
"""


@app.command("check", help=CHECK_HELP)
@document_command
def check_cmd(
    args: DocumentArgs,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="Output format: text, json, github (workflow-command annotations), sarif (SARIF 2.1.0 for "
            "code scanning), junit (JUnit XML test report), json-lines (one JSON object per finding).",
        ),
    ] = "text",
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest removal level that fails.")] = FailOn.info,
    verbose: Annotated[
        bool, typer.Option("--verbose", "-v", help="Text findings carry the rule's whole description.")
    ] = False,
    duplicate_threshold: DupThresholdOpt = DEFAULT_THRESHOLD,
    no_duplicate_records: NoDupRecordsOpt = False,
    quiet: QuietOpt = False,
) -> None:
    report = Report(quiet=quiet)
    fmt = common.choice(report, "--format", fmt, CheckFormat)

    def body() -> None:
        settings = common.settings(report, args)
        sources, _ = common.sources(report, args.paths, args.exclude)
        threshold = cast(Level, fail_on.value)
        levels: Counter[str] = Counter()
        docs = docs_found = failing = 0
        files: dict[str, dict[str, Any]] = {}
        run = common.tally(report, args, sources, quiet=quiet, to_stdout=True)
        signer = None if no_duplicate_records else Signer(args.url_field)
        finish = CheckOutput(fmt.value, threshold, verbose, signer)
        records = index_for(duplicate_threshold)  # duplicate records: in input order, in this process
        copies = 0
        stream = iter_documents(sources, settings, args.fields, jsonl=args.jsonl, jobs=run.jobs, finish=finish)
        with run, contextlib.closing(stream):
            for doc in stream:
                run.add(doc)
                docs_found, failing = _check_one(report, doc, fmt, files, levels, docs_found, failing)
                docs += isinstance(doc, Checked)
                if isinstance(doc, Checked) and doc.sig is not None and (dup := records.see(doc.sig)):
                    copies += 1
                    failing += _report_duplicate(report, dup, fmt, files, threshold)
                    docs_found += not doc.found
        summary = with_copies(check_summary(docs, docs_found, levels, failing, threshold), copies)
        if fmt in (CheckFormat.sarif, CheckFormat.junit):
            print(ci_report(fmt.value, files, settings.rules, exit_code=report.exit_code))
        elif fmt is CheckFormat.json_lines:
            if not quiet:
                print(summary, file=sys.stderr)
        elif fmt is CheckFormat.json:
            payload = check_payload(
                files,
                fail_on=threshold,
                docs=docs,
                docs_found=docs_found,
                levels=levels,
                failing=failing,
                errors=report.errors,
                exit_code=report.exit_code,
                text=summary,
            )
            print(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            print(summary)

    common.run(body, report)


def _check_one(
    report: Report,
    doc: Checked | Unreadable,
    fmt: CheckFormat,
    files: dict[str, dict[str, Any]],
    levels: Counter[str],
    docs_found: int,
    failing: int,
) -> tuple[int, int]:
    """Report one document's findings (or why it is unreadable); return the updated (found, failing)."""
    if isinstance(doc, Unreadable):
        report.error(str(doc))
        if fmt.value in GATHERED:
            add_check_error(files, doc.path, doc.line, doc.problem)
        return docs_found, failing
    for level, n in doc.levels:
        levels[level] += n
    report.found(doc.hits)
    if fmt.value in GATHERED:
        add_check_json(files, doc)
    elif doc.lines is not None:
        print(doc.lines)
    return docs_found + doc.found, failing + doc.hits


def _report_duplicate(
    report: Report, dup: Duplicate, fmt: CheckFormat, files: dict[str, dict[str, Any]], threshold: Level
) -> int:
    """Report a duplicate-record finding (a warning); return 1 when it fails under ``--fail-on``."""
    hit = int(at_or_above("warning", threshold))
    report.found(hit)
    if fmt.value in GATHERED:
        add_duplicate_json(files, dup)
    elif fmt is CheckFormat.json_lines:
        print(json.dumps(dup.to_dict(), ensure_ascii=False))
    else:
        print(dup.github_line() if fmt is CheckFormat.github else dup.check_line())
    return hit
