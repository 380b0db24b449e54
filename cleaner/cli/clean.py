"""``cleaner clean``: print or write the article text of each input, without boilerplate and duplicates."""

from __future__ import annotations

import contextlib
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer

from cleaner.cli import common, templates
from cleaner.cli.app import app
from cleaner.cli.options import (
    OUT_SUFFIX,
    DocumentArgs,
    DropDupOpt,
    DupThresholdOpt,
    OnError,
    OutFormat,
    QuietOpt,
    document_command,
)
from cleaner.cli.report import Report
from cleaner.io.planning import check_clean_usage, plan_outputs
from cleaner.pipeline.messages import plural
from cleaner.pipeline.outputs import CleanOutput
from cleaner.pipeline.records_dedup import DEFAULT_THRESHOLD, Signer, index_for
from cleaner.pipeline.runner import iter_sources
from cleaner.pipeline.sinks import clean_source

# ------------------------------------------------------------------------------------------ clean
CLEAN_HELP = """Clean documents: print or write the article text without boilerplate and duplicates.

\b
One input is printed to stdout unless -o FILE is given. Several inputs or a
folder need -o DIR (relative paths are mirrored) or --in-place. With no PATH,
or '-', the text is read from stdin. Output is UTF-8: the clean paragraphs
separated by a blank line, with one final newline (an empty file when
everything was removed).

\b
JSONL datasets (inputs ending in .jsonl, or any input with --jsonl) are
streamed record by record: every other field and the record order are kept,
the --text-field is replaced by its clean text (or the clean text is written
to --output-field); a record whose text is already clean is copied through
byte for byte. A bad line (invalid JSON, not an object, missing or
non-string text field) is handled per --on-error:
  fail  stop with 'FILE:LINE: problem', exit 2; no output file is written
  skip  drop the record, warn with its line number, go on
  keep  copy the line through unchanged, warn, go on
Counts (records, cleaned, errors) go to stderr at the end unless --quiet.

\b
HTML pages (*.html, *.htm, *.xhtml, or any input that starts like a page) are
decoded per their <meta charset> and their main content extracted first
(navigation, cookie banners, share bars and related links go; headings,
lists, quotes and tables stay); --format markdown keeps that structure,
--format json adds title, author, date, language and URL. In JSONL,
--html-field NAME reads a page from that field. Under -o DIR a page is
written as NAME.txt (.md/.json); --in-place never replaces a page.

Feeds (RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed; *.rss, *.atom, *.rdf, and
*.xml/*.json whose content is a feed, stdin by content) are written back as
the same feed: only the content of the items that had something removed is
replaced, in the form it came in (CDATA, escaped HTML, XHTML, text); --on-error
applies per item (skip leaves the item out). --drop-duplicate-records leaves
out later copies of earlier items, records or files (same or near-same text,
same guid/id, same link without utm_* parameters).

Large datasets: .jsonl.gz/.jsonl.zst (output compressed as its name says),
.parquet (same schema out) and .warc/.warc.gz (HTML pages -> JSONL) are read
too (extras: feed-cleaner[zstd], [parquet], [warc]). --jobs N cleans with N
processes, output identical to --jobs 1 (default: all cores for inputs over
8 MB). A damaged compressed stream stops at its last good line: nothing is
written with --on-error fail; skip/keep write what was read before, exit 2.

\b
Examples:
  cleaner clean page.txt
  cat page.txt | cleaner clean --url https://www.gate.com/post/1
  cleaner clean page.txt -o page.clean.txt
  cleaner clean pages/ -o clean/
  cleaner clean pages/ --in-place --backup .orig
  cleaner clean page.txt --diff
  cleaner clean data.jsonl -o out.jsonl --text-field body --url-field url
  cleaner clean data.jsonl --in-place --on-error skip
  cleaner clean crawl.jsonl.gz -o out.jsonl.zst --jobs 2 --stats stats.json
  cleaner clean shard.parquet -o clean.parquet --url-field url
  cleaner clean crawl.warc.gz -o pages.jsonl
  cleaner clean page.txt --rules my-rules/ --no-default-rules
  cleaner clean page.html --url https://www.gate.com/fr/news/detail/1
  cleaner clean page.html --format markdown
  cleaner clean crawl.jsonl -o out.jsonl --html-field html --format json
  cleaner clean crawl.jsonl -o out.jsonl --learn-templates --save-templates t.yaml
  cleaner clean next.jsonl -o out2.jsonl --rules t.yaml
  cleaner clean feed.rss -o clean.rss
  cleaner clean feeds/ -o clean/ --drop-duplicate-records

\b
--learn-templates reads a dataset twice: first it mines what recurs across
each site's documents (as `cleaner mine --emit-rules` does, with its
checks), then cleans with the rules plus that learned pack. --save-templates
FILE writes the pack (reuse it with --rules FILE). See README, "Templates
learned from the corpus".
"""




@app.command("clean", help=CLEAN_HELP, no_args_is_help=False)
@document_command
def clean_cmd(
    args: DocumentArgs,
    output: Annotated[
        str | None,
        typer.Option(
            "--output",
            "-o",
            metavar="FILE|DIR",
            help="Write here: a file for one input; a folder (existing, or ending in '/') for several.",
        ),
    ] = None,
    in_place: Annotated[bool, typer.Option("--in-place", "-i", help="Rewrite the inputs (atomically).")] = False,
    backup: Annotated[
        str | None,
        typer.Option(
            "--backup",
            metavar="SUFFIX",
            help="With --in-place: keep the original as PATH+SUFFIX; an existing backup is never replaced "
            "(a second run keeps the first original).",
        ),
    ] = None,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of the changes; write nothing.")] = False,
    output_field: Annotated[
        str | None,
        typer.Option("--output-field", metavar="NAME", help="JSONL: write the clean text to this field instead."),
    ] = None,
    on_error: Annotated[OnError, typer.Option("--on-error", help="JSONL: what to do with a bad line.")] = OnError.fail,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            metavar="FORMAT",
            help="text: paragraphs; markdown: headings and lists kept (HTML input); json: text plus the "
            "page's title, author, date, language and URL (in JSONL: added as fields).",
        ),
    ] = "text",
    learn: Annotated[
        bool,
        typer.Option(
            "--learn-templates",
            help="Mine the inputs first (JSONL or site folders) and also remove what recurs across a site's documents.",
        ),
    ] = False,
    save_templates: Annotated[
        Path | None,
        typer.Option(
            "--save-templates",
            metavar="FILE.yaml",
            help="Write the learned pack (implies --learn-templates); reuse it with --rules FILE.",
        ),
    ] = None,
    drop_duplicate_records: DropDupOpt = False,
    duplicate_threshold: DupThresholdOpt = DEFAULT_THRESHOLD,
    quiet: QuietOpt = False,
) -> None:
    report = Report(quiet=quiet)
    fmt = common.choice(report, "--format", fmt, OutFormat)

    def body() -> None:
        common.stop_on_plan_error(
            report, lambda: check_clean_usage(output=output, in_place=in_place, backup=backup, diff=diff)
        )
        settings = common.settings(report, args)
        sources, any_folder = common.sources(report, args.paths, args.exclude)
        if learn or save_templates is not None:
            settings = templates.learn(report, args, settings, sources, on_error.value, save_templates)
        plan = common.stop_on_plan_error(
            report,
            lambda: plan_outputs(
                sources, any_folder, output=output, in_place=in_place, diff=diff, suffix=OUT_SUFFIX[fmt]
            ),
        )
        totals: Counter[str] = Counter()
        run = common.tally(report, args, sources, quiet=quiet, to_stdout=output is None and not in_place)
        signer = Signer(args.url_field) if drop_duplicate_records else None
        duplicates = index_for(duplicate_threshold) if drop_duplicate_records else None
        finish = CleanOutput(args.text_field, output_field, fmt.value, diff, signer)
        streams = iter_sources(sources, settings, args.fields, jsonl=args.jsonl, jobs=run.jobs, finish=finish)
        with run, contextlib.closing(streams):
            for (source, target), (_, docs) in zip(plan, streams, strict=False):
                clean_source(
                    report,
                    docs,
                    source,
                    target,
                    per_record=args.jsonl or source.format != "text",
                    text_field=args.text_field,
                    output_field=output_field,
                    on_error=on_error.value,
                    backup=backup if in_place else None,
                    diff=diff,
                    totals=totals,
                    tally=run,
                    duplicates=duplicates,
                )
        if totals["files"] and (len(plan) > 1 or in_place or output is not None):
            report.note(
                f"{plural(totals['files'], 'file')} cleaned: {totals['changed']} changed, "
                f"{plural(totals['removals'], 'removal')}"
                + (f", {totals['written']} written" if totals["written"] or in_place or output else "")
            )

    common.run(body, report)

