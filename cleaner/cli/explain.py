"""``cleaner explain``: every removal of every document, with its rule, span, score and why."""

from __future__ import annotations

import contextlib
import json
from collections import Counter
from typing import Any

from cleaner.cli import common
from cleaner.cli.app import app
from cleaner.cli.options import (
    DocumentArgs,
    DupThresholdOpt,
    Format,
    FormatOpt,
    NoDupRecordsOpt,
    document_command,
)
from cleaner.cli.report import Report
from cleaner.pipeline.documents import Unreadable
from cleaner.pipeline.findings import explain_payload, explain_summary
from cleaner.pipeline.outputs import Explained, ExplainOutput
from cleaner.pipeline.records_dedup import DEFAULT_THRESHOLD, Signer, index_for, with_copies
from cleaner.pipeline.runner import iter_documents

# ---------------------------------------------------------------------------------------- explain
EXPLAIN_HELP = """Explain every removal: kind, rule id, span, score, level and the removed text.

\b
For each document, every removal is listed with its kind (boilerplate or
duplicate), the rule id (dedup.* for duplicates, with the span of the copy
that was kept), the span START-END in the input and its line:column, the
score (100 = exact), the level, why, and a preview of the removed text. The
output ends with a one-line summary. JSONL inputs are explained record by
record (only records with removals are listed); --format json prints one
JSON document with the same information.

\b
A record, feed item or file that copies an earlier one (same or near-same
clean text, same guid/id, same link without tracking parameters) is listed
as a duplicate-record line naming the first copy, as `cleaner check` reports
it (--duplicate-threshold, --no-duplicate-records); in JSON they are the
run's "duplicate_records" list.

\b
Examples:
  cleaner explain page.txt
  cleaner explain - --url https://www.gate.com/post/1 < page.txt
  cleaner explain data.jsonl --text-field body --format json
"""


@app.command("explain", help=EXPLAIN_HELP)
@document_command
def explain_cmd(
    args: DocumentArgs,
    fmt: FormatOpt = "text",
    duplicate_threshold: DupThresholdOpt = DEFAULT_THRESHOLD,
    no_duplicate_records: NoDupRecordsOpt = False,
) -> None:
    report = Report()
    fmt = common.choice(report, "--format", fmt, Format)

    def body() -> None:
        settings = common.settings(report, args)
        sources, _ = common.sources(report, args.paths, args.exclude)
        kinds: Counter[str] = Counter()
        docs = chars_in = chars_out = 0
        as_json: list[dict[str, Any]] = []
        run = common.tally(report, args, sources, quiet=False, to_stdout=True)
        signer = None if no_duplicate_records else Signer(args.url_field)
        finish = ExplainOutput(fmt.value, signer)
        records = index_for(duplicate_threshold)  # duplicate records: in input order, in this process
        copies: list[dict[str, Any]] = []
        stream = iter_documents(sources, settings, args.fields, jsonl=args.jsonl, jobs=run.jobs, finish=finish)
        with run, contextlib.closing(stream):
            for doc in stream:
                run.add(doc)
                _explain_one(report, doc, as_json)
                if isinstance(doc, Explained):
                    docs += 1
                    chars_in += doc.stats.chars_in
                    chars_out += doc.stats.chars_out
                    for (_, kind), n in doc.stats.removals:
                        kinds[kind] += n
                    if doc.sig is not None and (dup := records.see(doc.sig)):
                        copies.append(dup.to_dict())
                        if fmt is not Format.json:
                            print(dup.check_line())
        summary = with_copies(explain_summary(docs, kinds, chars_in, chars_out), len(copies))
        if fmt is Format.json:
            payload = explain_payload(
                as_json,
                docs=docs,
                removals=kinds,
                chars_in=chars_in,
                chars_out=chars_out,
                errors=report.errors,
                text=summary,
            )
            if copies:
                payload["duplicate_records"] = copies
            print(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            print(summary)

    common.run(body, report)


def _explain_one(report: Report, doc: Explained | Unreadable, as_json: list[dict[str, Any]]) -> None:
    """Print (or collect, for JSON) the explanation of one document; a bad one is an error."""
    if isinstance(doc, Unreadable):
        report.error(str(doc))
    elif isinstance(doc.shown, dict):
        as_json.append(doc.shown)
    elif doc.shown is not None:
        print(doc.shown)

