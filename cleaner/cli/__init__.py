"""The ``cleaner`` command line: parse arguments, read, clean, write, report — nothing else.

Every output is derived from the :class:`~cleaner.result.Result` objects the pure core returns; this
module only decides where text comes from and goes to. Every command reads and cleans its inputs
through :mod:`cleaner.pipeline.documents` (one path from input to Result); reading lives in
:mod:`cleaner.io.reading`, writing in :mod:`cleaner.io.writing`, messages, formats and exit codes in
:mod:`cleaner.pipeline.findings`.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import inspect
import itertools
import json
import os
import sys
import typing
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from enum import Enum
from pathlib import Path
from typing import Annotated, Any, NoReturn, cast

import typer

from cleaner import __version__
from cleaner.io.compression import MissingExtra, compressor_for
from cleaner.pipeline.documents import Settings, Unreadable, iter_documents, iter_sources
from cleaner.pipeline.outputs import Checked, CheckOutput, Cleaned, CleanOutput, Explained, ExplainOutput
from cleaner.pipeline.pool import available_cores
from cleaner.io.reading import HTML_SUFFIXES, InputError, JsonlFields, Source, dataset_format, expand_inputs, url_problem
from cleaner.pipeline.findings import (
    Report,
    check_summary,
    explain_summary,
    plural,
)
from cleaner.result import Level, Options
from cleaner.rules import RuleLoadError, RuleSet, Scope, load_rules, rule_files
from cleaner.rules.testing import run_rule_tests
from cleaner.pipeline.stats import ProgressBar, RunStats
from cleaner.io.writing import AtomicOutput, atomic_output, atomic_write, record_line, write_stdout

__all__ = ["app", "main"]

MAIN_HELP = """Clean scraped article text: remove boilerplate (YAML rules) and duplicated passages.

\b
Every removal is explained: run `cleaner explain PAGE.txt` to see which rule
(or duplicate) removed which span, and `cleaner check` to lint inputs in CI.

\b
Examples:
  cleaner clean page.txt                   # clean text on stdout
  cleaner clean pages/ -o clean/           # a folder, mirrored into clean/
  cleaner clean data.jsonl -o out.jsonl    # a JSONL dataset, record by record
  cleaner explain page.txt                 # why each piece was removed
  cleaner check pages/ --fail-on error     # CI gate
  cleaner rules validate my-rules/         # check a rule pack

\b
Exit codes:
  0  success; nothing found (check); all rule tests passed
  1  check found removals (at or above --fail-on); rule tests failed
  2  bad input, bad usage or invalid rule files (or a folder without any)
  3  internal error: a bug in cleaner (the traceback is printed on stderr)
"""

app = typer.Typer(
    name="cleaner",
    help=MAIN_HELP,
    add_completion=False,
    rich_markup_mode=None,
    pretty_exceptions_enable=False,
    no_args_is_help=True,
    context_settings={"help_option_names": ["-h", "--help"]},
)
rules_app = typer.Typer(
    help="""Validate, test and list rule packs (YAML, schema in docs/rules.md).

\b
Examples:
  cleaner rules validate                 # the bundled packs
  cleaner rules validate my-rules/ x.yaml
  cleaner rules test -k gate             # inline tests of rules whose id contains 'gate'
  cleaner rules list
""",
    no_args_is_help=True,
    rich_markup_mode=None,
)
app.add_typer(rules_app, name="rules")


class OnError(str, Enum):
    """What ``clean`` does with a JSONL line it cannot use."""

    fail = "fail"
    skip = "skip"
    keep = "keep"


class Format(str, Enum):
    text = "text"
    json = "json"


class OutFormat(str, Enum):
    text = "text"
    markdown = "markdown"
    json = "json"


_OUT_SUFFIX = {OutFormat.text: ".txt", OutFormat.markdown: ".md", OutFormat.json: ".json"}


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"


class _Stop(Exception):
    """Stop the command now with ``code`` (after the report has printed why)."""

    def __init__(self, code: int) -> None:
        super().__init__(code)
        self.code = code


# ------------------------------------------------------------------------------ shared options
PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PATH",
        help="Files or folders (recursive: *.txt, *.text, *.md, *.markdown, *.html, *.htm, *.xhtml). "
        "'-' or nothing: stdin.",
        show_default=False,
    ),
]
UrlOpt = Annotated[
    str | None, typer.Option("--url", metavar="URL", help="Page address, for rules scoped to domains/URLs.")
]
LangOpt = Annotated[
    str | None,
    typer.Option("--lang", metavar="CODE", help="Document language (en, fr, pt-BR…); guessed when not given."),
]
RulesOpt = Annotated[
    list[Path] | None,
    typer.Option(
        "--rules",
        metavar="PATH",
        help="Extra rule pack file, or folder of *.yaml/*.yml packs (repeatable).",
        show_default=False,
    ),
]
NoDefaultsOpt = Annotated[
    bool, typer.Option("--no-default-rules", help="Use only the --rules packs, not the bundled ones.")
]
NoDedupOpt = Annotated[bool, typer.Option("--no-dedup", help="Do not remove duplicated passages.")]
NearOpt = Annotated[
    float,
    typer.Option(
        "--near-threshold", min=0.0, max=1.0, metavar="FLOAT", help="Similarity (0-1) for near-duplicates."
    ),
]
MinDupOpt = Annotated[
    int,
    typer.Option("--min-dup-chars", min=0, metavar="INT", help="Shorter blocks are never removed as duplicates."),
]
JsonlOpt = Annotated[
    bool, typer.Option("--jsonl", help="Treat inputs as JSONL even without the .jsonl suffix (e.g. stdin).")
]
TextFieldOpt = Annotated[str, typer.Option("--text-field", metavar="NAME", help="JSONL field holding the text.")]
UrlFieldOpt = Annotated[
    str | None, typer.Option("--url-field", metavar="NAME", help="JSONL field holding the page URL.")
]
LangFieldOpt = Annotated[
    str | None, typer.Option("--lang-field", metavar="NAME", help="JSONL field holding the language code.")
]
HtmlFieldOpt = Annotated[
    str | None,
    typer.Option(
        "--html-field",
        metavar="NAME",
        help="JSONL field holding an HTML page: its main content is extracted and the clean text "
        "written to --text-field (or --output-field).",
    ),
]
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or counts on stderr (errors still).")]
JobsOpt = Annotated[
    int,
    typer.Option(
        "--jobs",
        "-j",
        min=0,
        metavar="N",
        help="Worker processes; 0 (default): all cores for inputs over 8 MB or 1,000 files, else 1.",
    ),
]
ProgressOpt = Annotated[
    bool | None,
    typer.Option(
        "--progress/--no-progress",
        help="Progress bar and end summary on stderr (default: when stderr is a terminal).",
        show_default=False,
    ),
]
StatsOpt = Annotated[
    Path | None,
    typer.Option("--stats", metavar="FILE.json", help="Write the run's counts (the summary) as JSON here."),
]
FormatOpt = Annotated[Format, typer.Option("--format", help="Output format.")]


@dataclasses.dataclass(frozen=True)
class DocumentArgs:
    """The inputs of clean/explain/check and how to clean them: the options those commands share.

    Declared once, here; :func:`_document_command` adds every field to a command's parameters.
    """

    paths: PathsArg = None
    url: UrlOpt = None
    lang: LangOpt = None
    rules: RulesOpt = None
    no_default_rules: NoDefaultsOpt = False
    no_dedup: NoDedupOpt = False
    near_threshold: NearOpt = 0.90
    min_dup_chars: MinDupOpt = 10
    jsonl: JsonlOpt = False
    text_field: TextFieldOpt = "text"
    url_field: UrlFieldOpt = None
    lang_field: LangFieldOpt = None
    html_field: HtmlFieldOpt = None
    jobs: JobsOpt = 0
    progress: ProgressOpt = None
    stats: StatsOpt = None

    @property
    def fields(self) -> JsonlFields:
        return JsonlFields(self.text_field, self.url_field, self.lang_field, self.html_field)


def _document_command(func: Callable[..., None]) -> Callable[..., None]:
    """Give a command the :class:`DocumentArgs` options; ``func(args, **own_options)`` gets them as one object.

    typer builds a command from its function's signature, so the wrapper's signature is PATH, then the
    command's own options, then the shared ones.
    """
    hints = typing.get_type_hints(DocumentArgs, include_extras=True)
    shared = [
        inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=hints[f.name])
        for f in dataclasses.fields(DocumentArgs)
    ]
    own = [
        p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
        for p in inspect.signature(func, eval_str=True).parameters.values()
        if p.name != "args"
    ]
    params = [shared[0], *own, *shared[1:]]

    @functools.wraps(func)
    def command(**kwargs: Any) -> None:
        func(DocumentArgs(**{p.name: kwargs.pop(p.name) for p in shared}), **kwargs)

    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    return command


def _version(value: bool) -> None:
    if value:
        print(f"cleaner {__version__}")
        raise typer.Exit(0)


@app.callback()
def _root(
    version: Annotated[
        bool | None,
        typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit."),
    ] = None,
) -> None:
    """Root of the command tree (the help text is MAIN_HELP)."""


def _finish(report: Report) -> NoReturn:
    raise typer.Exit(report.exit_code)


def _load(report: Report, paths: list[Path] | None, *, defaults: bool) -> RuleSet:
    """Load the rule packs; on problems print each ``file:line:col: message`` and stop with 2.

    A folder given explicitly that holds no rule file is an error too: it is a typo or a wrong folder,
    and running with fewer rules than meant (or none at all) would pass silently.
    """
    empty = [p for p in paths or [] if p.is_dir() and not rule_files([p])]
    for folder in empty:
        report.error(f"no rule files in {str(folder).rstrip(os.sep)}{os.sep} (looked for *.yaml, *.yml)")
    if empty:
        raise _Stop(2)
    try:
        return load_rules(paths or [], defaults=defaults)
    except RuleLoadError as exc:
        for problem in exc.problems:
            print(problem, file=sys.stderr)
        report.error(f"rule files have {plural(len(exc.problems), 'problem')}")
        raise _Stop(2) from None


def _settings(report: Report, args: DocumentArgs) -> Settings:
    if args.url and (why := url_problem(args.url)):
        report.error(f"--url {args.url}: {why}")
        raise _Stop(2)
    if args.no_default_rules and not args.rules:
        report.error("--no-default-rules needs at least one --rules PATH")
        raise _Stop(2)
    options = Options(dedup=not args.no_dedup, near_threshold=args.near_threshold, min_dup_chars=args.min_dup_chars)
    return Settings(_load(report, args.rules, defaults=not args.no_default_rules), options, args.url, args.lang)


def _sources(report: Report, paths: list[str] | None) -> tuple[list[Source], bool]:
    try:
        return expand_inputs(paths or [])
    except InputError as exc:
        report.error(str(exc))
        raise _Stop(2) from None


_AUTO_JOBS_BYTES = 8_000_000  # --jobs 0: below this much input, starting workers costs more than it gains
_AUTO_JOBS_FILES = 1000
_COMPRESSION_GUESS = 4  # a .gz/.zst/.parquet file holds about this many times its size in text


def _input_size(sources: list[Source]) -> tuple[int, bool]:
    """Estimated bytes of text in ``sources`` and whether that is exact (plain files only, no stdin)."""
    total, exact = 0, True
    for source in sources:
        if source.path is None:
            exact = False
            continue
        with contextlib.suppress(OSError):
            size = source.path.stat().st_size
            packed = source.format in ("parquet", "warc") or source.path.name.lower().endswith((".gz", ".zst"))
            total += size * _COMPRESSION_GUESS if packed else size
            exact = exact and not packed
    return total, exact


class _Tally:
    """The run-wide side of a command over documents: ``--jobs``, the progress bar, the summary, ``--stats``.

    Every document the command writes or reports goes through :meth:`add`, so the progress bar, the
    summary and the JSON statistics are all computed from the same documents (their
    :class:`~cleaner.pipeline.stats.DocStats`, made by :mod:`cleaner.pipeline.outputs` wherever the document was cleaned).
    ``with tally:`` shows the bar while the body runs, then prints the summary and writes ``--stats``.
    """

    def __init__(self, report: Report, args: DocumentArgs, sources: list[Source], *, quiet: bool, to_stdout: bool):
        self.report = report
        self.stats_path = args.stats
        size, exact = _input_size(sources)
        if args.jobs:
            self.jobs = args.jobs
        else:
            big = size > _AUTO_JOBS_BYTES or len(sources) > _AUTO_JOBS_FILES
            self.jobs = available_cores() if big else 1
        # Auto: only when stderr is a terminal, and not over output going to that same terminal.
        shown = args.progress
        if shown is None:
            shown = not quiet and _isatty(sys.stderr) and not (to_stdout and _isatty(sys.stdout))
        self.shown = shown
        self.total = size if exact else None
        self.stats = RunStats()
        self.bar = ProgressBar(False, None)

    def __enter__(self) -> _Tally:
        self.stats = RunStats()
        self.bar = ProgressBar(self.shown, self.total)
        return self

    def add(self, doc: Cleaned | Checked | Explained | Unreadable) -> None:
        size = self.stats.add_error(doc.raw) if isinstance(doc, Unreadable) else self.stats.add(doc.stats)
        self.bar.advance(size)

    def __exit__(self, *exc: object) -> None:
        self.bar.close()
        self.stats.stop()
        if self.shown and not exc[0]:
            for line in self.stats.summary_lines():
                self.report.note(line)
        if self.stats_path is not None:
            try:
                data = json.dumps({**self.stats.to_dict(), "jobs": self.jobs}, indent=2)
                atomic_write(self.stats_path, data + "\n")
            except OSError as err:
                self.report.error(f"--stats {self.stats_path}: cannot write: {err.strerror or err}")


def _isatty(stream: Any) -> bool:
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


def _run(body: Callable[[], None], report: Report) -> NoReturn:
    """Run a command body; turn :class:`_Stop` into its exit code, else exit with the report's.

    The last resort: any other exception is a bug. It must not end with Python's exit code 1, which
    ``check`` uses for "found removals" (CI would read a crash as findings), so it is reported as
    ``cleaner: internal error: ...`` with its traceback and ends with exit code 3. A closed stdout
    (``| head``) is not a bug: typer ends that quietly.
    """
    try:
        body()
    except _Stop as stop:
        raise typer.Exit(max(stop.code, report.exit_code)) from None
    except BrokenPipeError:
        raise
    except Exception as exc:
        report.internal_error(exc)
    _finish(report)


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
"""


@app.command("clean", help=CLEAN_HELP, no_args_is_help=False)
@_document_command
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
        typer.Option("--backup", metavar="SUFFIX", help="With --in-place: keep the original as PATH+SUFFIX."),
    ] = None,
    diff: Annotated[bool, typer.Option("--diff", help="Print a unified diff of the changes; write nothing.")] = False,
    output_field: Annotated[
        str | None,
        typer.Option("--output-field", metavar="NAME", help="JSONL: write the clean text to this field instead."),
    ] = None,
    on_error: Annotated[OnError, typer.Option("--on-error", help="JSONL: what to do with a bad line.")] = OnError.fail,
    fmt: Annotated[
        OutFormat,
        typer.Option(
            "--format",
            help="text: paragraphs; markdown: headings and lists kept (HTML input); json: text plus the "
            "page's title, author, date, language and URL (in JSONL: added as fields).",
        ),
    ] = OutFormat.text,
    quiet: QuietOpt = False,
) -> None:
    report = Report(quiet=quiet)

    def body() -> None:
        _check_clean_usage(report, output=output, in_place=in_place, backup=backup, diff=diff)
        settings = _settings(report, args)
        sources, any_folder = _sources(report, args.paths)
        plan = _plan(report, sources, any_folder, output=output, in_place=in_place, diff=diff, fmt=fmt)
        totals: Counter[str] = Counter()
        run = _Tally(report, args, sources, quiet=quiet, to_stdout=output is None and not in_place)
        finish = CleanOutput(args.text_field, output_field, fmt.value, diff)
        streams = iter_sources(sources, settings, args.fields, jsonl=args.jsonl, jobs=run.jobs, finish=finish)
        with run, contextlib.closing(streams):
            for (source, target), (_, docs) in zip(plan, streams, strict=False):
                _clean_source(
                    report,
                    docs,
                    source,
                    target,
                    args=args,
                    output_field=output_field,
                    on_error=on_error,
                    backup=backup if in_place else None,
                    diff=diff,
                    totals=totals,
                    run=run,
                )
        if totals["files"] and (len(plan) > 1 or in_place or output is not None):
            report.note(
                f"{plural(totals['files'], 'file')} cleaned: {totals['changed']} changed, "
                f"{plural(totals['removals'], 'removal')}"
                + (f", {totals['written']} written" if totals["written"] or in_place or output else "")
            )

    _run(body, report)


def _check_clean_usage(
    report: Report, *, output: str | None, in_place: bool, backup: str | None, diff: bool
) -> None:
    """Reject option combinations that cannot mean anything, before reading a single byte."""
    problem = None
    if in_place and output is not None:
        problem = "--in-place and -o/--output exclude each other"
    elif diff and (in_place or output is not None):
        problem = "--diff writes nothing; drop -o/--output and --in-place"
    elif backup is not None and not in_place:
        problem = "--backup needs --in-place"
    elif backup is not None and (not backup or "/" in backup or "\\" in backup):
        problem = f"--backup {backup!r}: give a file-name suffix such as .orig"
    if problem:
        report.error(problem)
        raise _Stop(2)


def _plan(
    report: Report,
    sources: list[Source],
    any_folder: bool,
    *,
    output: str | None,
    in_place: bool,
    diff: bool,
    fmt: OutFormat = OutFormat.text,
) -> list[tuple[Source, Path | None]]:
    """Decide where each source goes (None: stdout, or nowhere with --diff); refuse unsafe plans.

    Checked before anything is written: several inputs without a destination, two inputs mapped to the
    same output, or an output that would overwrite an input.
    """
    several = len(sources) > 1 or any_folder
    if diff:
        return [(s, None) for s in sources]
    if in_place:
        stdin = [s for s in sources if s.is_stdin]
        if stdin:
            report.error("--in-place cannot rewrite stdin; use -o FILE or redirect stdout")
            raise _Stop(2)
        for s in sources:
            if s.format == "warc":
                report.error(f"--in-place cannot rewrite the WARC archive {s.name}; use -o FILE.jsonl")
                raise _Stop(2)
            if _is_page(s):
                report.error(f"--in-place would replace the HTML page {s.name} with its text; use -o DIR")
                raise _Stop(2)
        return [(s, s.path) for s in sources]
    if output is None:
        if several:
            report.error(f"{len(sources)} inputs: give -o DIR to write them into a folder, or --in-place")
            raise _Stop(2)
        return [(sources[0], None)]
    to_dir = several or Path(output).is_dir() or output.endswith(("/", os.sep))
    out = Path(output)
    if not to_dir:
        targets = [(sources[0], out)]
        if problem := _format_problem(sources[0], out):
            report.error(problem)
            raise _Stop(2)
    else:
        if out.exists() and not out.is_dir():
            report.error(f"-o {output}: is a file, but several inputs need a folder")
            raise _Stop(2)
        if any(s.is_stdin for s in sources):
            report.error("stdin has no file name to mirror into -o DIR; give -o FILE for a single stdin input")
            raise _Stop(2)
        targets = [(s, out / _mirrored(s, fmt)) for s in sources]
    seen: dict[Path, str] = {}
    for source, target in targets:
        if problem := _format_problem(source, target):
            report.error(problem)
            raise _Stop(2)
        key = target.resolve()
        if source.path is not None and source.path.resolve() == key:
            report.error(f"-o would overwrite the input {source.name}; use --in-place to rewrite inputs")
            raise _Stop(2)
        if key in seen:
            report.error(f"{source.name} and {seen[key]} would both be written to {target}")
            raise _Stop(2)
        seen[key] = source.name
    return list(targets)


def _is_page(source: Source) -> bool:
    return source.path is not None and source.path.suffix.lower() in HTML_SUFFIXES


def _mirrored(source: Source, fmt: OutFormat = OutFormat.text) -> Path:
    """The path under ``-o DIR`` for a source: its relative path; a WARC archive renamed to ``.jsonl``,
    an HTML page to ``.txt``/``.md``/``.json`` (what is written is its text, not a page)."""
    if source.format == "warc":
        name = source.rel.name
        return source.rel.with_name(name[: name.lower().rindex(".warc")] + ".jsonl")
    if _is_page(source):
        return source.rel.with_suffix(_OUT_SUFFIX[fmt])
    return source.rel


def _format_problem(source: Source, target: Path | None) -> str | None:
    """Why ``source`` cannot be written to ``target`` (None: it can): formats are converted only to JSONL."""
    if target is None:
        return None
    out = dataset_format(target.name)
    if out == "warc":
        return f"{target}: cannot write WARC; write the cleaned pages to a .jsonl file"
    if out == "parquet" and source.format != "parquet":
        return f"{target}: Parquet output needs a Parquet input ({source.name} is not one)"
    return None


class _Abandon(Exception):
    """Stop writing a source (its output is discarded); the message is the one-line error.

    ``bad_line``: a JSONL line under ``--on-error fail`` (rather than a file whose reading broke off).
    """

    def __init__(self, message: str, *, bad_line: bool = False) -> None:
        super().__init__(message)
        self.bad_line = bad_line


def _clean_source(
    report: Report,
    docs: Iterator[Cleaned | Unreadable],
    source: Source,
    target: Path | None,
    *,
    args: DocumentArgs,
    output_field: str | None,
    on_error: OnError,
    backup: str | None,
    diff: bool,
    totals: Counter[str],
    run: _Tally,
) -> None:
    """Clean one source into ``target`` (None: stdout, where --diff goes too).

    The documents come from :func:`~cleaner.pipeline.documents.iter_source`, as for explain and check, each made
    into its output by :class:`~cleaner.pipeline.outputs.CleanOutput`. Files are
    written atomically, so a failure (a bad JSONL line under ``--on-error fail``, a read error) leaves
    no half-file; in place, a file whose content would not change is left alone (not even touched).
    """
    first = next(docs, None)
    if isinstance(first, Unreadable) and first.line is None:
        report.error(str(first))  # cannot be read at all: do not even create the output
        return
    counts: Counter[str] = Counter()
    chunks = _output_chunks(
        report,
        itertools.chain([] if first is None else [first], docs),
        counts,
        on_error=on_error,
        diff=diff,
        run=run,
    )
    out = None if target is None else atomic_output(target, backup=backup, keep_if_same=target == source.path)
    before = (run.stats.records_out, run.stats.bytes_out)
    written = _write(report, chunks, out, run, source=source, output_field=output_field, text_field=args.text_field)
    if not written and out is not None:
        # the file was discarded (atomic write): --stats and the summary must not count it as written
        run.stats.records_out, run.stats.bytes_out = before
    if not (args.jsonl or source.format != "text"):
        totals["files"] += counts["cleaned"]
        totals["changed"] += counts["changed"]
        totals["removals"] += counts["removals"]
        totals["written"] += out is not None and out.replaced
    elif written:
        errors = counts["errors"]
        policy = {OnError.skip: "skipped", OnError.keep: "kept unchanged"}.get(on_error, "")
        report.note(
            f"{source.name}: {plural(counts['records'], 'record')}, {counts['cleaned']} cleaned "
            f"({counts['changed']} changed, {plural(counts['removals'], 'removal')}), "
            f"{plural(errors, 'error')}" + (f" ({policy})" if errors and policy else "")
        )


def _output_chunks(
    report: Report,
    docs: Iterable[Cleaned | Unreadable],
    counts: Counter[str],
    *,
    on_error: OnError,
    diff: bool,
    run: _Tally,
) -> Iterable[bytes | dict[str, Any]]:
    """What ``clean`` writes for a source's documents, lazily: a file's clean text, a JSONL line per
    record (``--on-error`` applied to bad lines), a record (dict) per Parquet row or WARC page, or with
    ``diff`` the unified diffs — each made by :class:`~cleaner.pipeline.outputs.CleanOutput`."""
    for doc in docs:
        if isinstance(doc, Unreadable):
            if doc.line is None:  # reading broke off in the middle of the file (damaged or truncated)
                if on_error is OnError.fail or diff:
                    raise _Abandon(str(doc))
                # skip/keep: what was read before the damage is kept (and written); the run still fails
                report.error(f"{doc} ({plural(counts['records'], 'record')} before it kept)")
                return
            run.add(doc)
            counts["records"] += 1
            counts["errors"] += 1
            if on_error is OnError.fail:
                raise _Abandon(str(doc), bad_line=True)
            if on_error is OnError.skip:
                report.warning(f"{doc} (record skipped)")
                continue
            if not diff and (doc.raw is not None or doc.record is not None):
                report.warning(f"{doc} ({'line' if doc.raw is not None else 'row'} kept unchanged)")
                run.stats.records_out += 1
                yield doc.raw + b"\n" if doc.raw is not None else doc.record  # type: ignore[misc]
            else:
                report.warning(f"{doc} (nothing to keep: record skipped)")
            continue
        run.add(doc)
        if doc.warning is not None:  # e.g. an HTML page with no text: say why the output is empty
            report.warning(doc.warning)
        counts["records"] += doc.record
        counts["cleaned"] += 1
        counts["changed"] += doc.stats.changed
        counts["removals"] += sum(n for _, n in doc.stats.removals)
        run.stats.records_out += not diff
        yield doc.data


def _write(
    report: Report,
    chunks: Iterable[bytes | dict[str, Any]],
    out: AtomicOutput | None,
    run: _Tally,
    *,
    source: Source,
    text_field: str,
    output_field: str | None,
) -> bool:
    """Write ``chunks`` to ``out`` (None: stdout); report what stops it. Return whether all was written.

    Records (dicts, from Parquet or WARC) become JSON lines, or Parquet rows when ``out`` is a
    ``.parquet`` file; a ``.gz``/``.zst`` output is compressed.
    """
    target = out.path if out is not None else None

    def encoded() -> Iterator[bytes]:
        for chunk in chunks:
            data = chunk if isinstance(chunk, bytes) else record_line(chunk)
            run.stats.bytes_out += len(data)
            yield data

    try:
        if out is None:
            write_stdout(encoded())
        elif dataset_format(out.path.name) == "parquet":
            from cleaner.io.parquet import write_rows

            with out as fh:
                write_rows(fh, source, chunks, text_field=output_field or text_field)
                run.stats.bytes_out += fh.tell()
        else:
            with out as fh:
                packed = compressor_for(out.path, fh)
                for data in encoded():
                    (packed or fh).write(data)
                if packed is not None:
                    packed.close()
    except _Abandon as exc:
        report.error(str(exc) + (f" (nothing written to {target})" if exc.bad_line and target is not None else ""))
        return False
    except BrokenPipeError:
        if target is not None:
            report.error(f"{target}: cannot write: broken pipe")
            return False
        raise  # stdout closed by the reader (`| head`): end quietly, as every other command does
    except MissingExtra as exc:
        report.error(f"{target}: {exc}")
        return False
    except InputError as exc:
        report.error(str(exc))
        return False
    except OSError as exc:
        report.error(f"{target or '<stdout>'}: cannot write: {exc.strerror or exc}")
        return False
    return True


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
Examples:
  cleaner explain page.txt
  cleaner explain - --url https://www.gate.com/post/1 < page.txt
  cleaner explain data.jsonl --text-field body --format json
"""


@app.command("explain", help=EXPLAIN_HELP)
@_document_command
def explain_cmd(args: DocumentArgs, fmt: FormatOpt = Format.text) -> None:
    report = Report()

    def body() -> None:
        settings = _settings(report, args)
        sources, _ = _sources(report, args.paths)
        kinds: Counter[str] = Counter()
        docs = chars_in = chars_out = 0
        as_json: list[dict[str, Any]] = []
        run = _Tally(report, args, sources, quiet=False, to_stdout=True)
        finish = ExplainOutput(fmt.value)
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
        summary = explain_summary(docs, kinds, chars_in, chars_out)
        if fmt is Format.json:
            payload = {
                "documents": as_json,
                "summary": {
                    "documents": docs,
                    "removals": sum(kinds.values()),
                    "by_kind": dict(kinds),
                    "input_chars": chars_in,
                    "output_chars": chars_out,
                    "errors": report.errors,
                    "text": summary,
                },
            }
            print(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            print(summary)

    _run(body, report)


def _explain_one(report: Report, doc: Explained | Unreadable, as_json: list[dict[str, Any]]) -> None:
    """Print (or collect, for JSON) the explanation of one document; a bad one is an error."""
    if isinstance(doc, Unreadable):
        report.error(str(doc))
    elif isinstance(doc.shown, dict):
        as_json.append(doc.shown)
    elif doc.shown is not None:
        print(doc.shown)


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
so findings show on the pull request.

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
  cleaner check data.jsonl --text-field body --url-field url
"""


@app.command("check", help=CHECK_HELP)
@_document_command
def check_cmd(
    args: DocumentArgs,
    fmt: Annotated[
        CheckFormat,
        typer.Option("--format", help="Output format: text, json, or github (workflow-command annotations)."),
    ] = CheckFormat.text,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest removal level that fails.")] = FailOn.info,
    quiet: QuietOpt = False,
) -> None:
    report = Report(quiet=quiet)

    def body() -> None:
        settings = _settings(report, args)
        sources, _ = _sources(report, args.paths)
        threshold = cast(Level, fail_on.value)
        levels: Counter[str] = Counter()
        docs = docs_found = failing = 0
        files: dict[str, dict[str, Any]] = {}
        run = _Tally(report, args, sources, quiet=quiet, to_stdout=True)
        finish = CheckOutput(fmt.value, threshold)
        stream = iter_documents(sources, settings, args.fields, jsonl=args.jsonl, jobs=run.jobs, finish=finish)
        with run, contextlib.closing(stream):
            for doc in stream:
                run.add(doc)
                docs_found, failing = _check_one(report, doc, fmt, files, levels, docs_found, failing)
                docs += isinstance(doc, Checked)
        summary = check_summary(docs, docs_found, levels, failing, threshold)
        if fmt is CheckFormat.json:
            payload = {
                "fail_on": threshold,
                "files": list(files.values()),
                "summary": {
                    "documents": docs,
                    "documents_with_removals": docs_found,
                    "removals": sum(levels.values()),
                    "by_level": dict(levels),
                    "failing": failing,
                    "errors": report.errors,
                    "exit_code": report.exit_code,
                    "text": summary,
                },
            }
            print(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            print(summary)

    _run(body, report)


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
        if fmt is CheckFormat.json:
            entry = files.setdefault(doc.path, {"path": doc.path})
            entry.setdefault("errors", []).append({"line": doc.line, "message": doc.problem})
        return docs_found, failing
    for level, n in doc.levels:
        levels[level] += n
    report.found(doc.hits)
    if fmt is CheckFormat.json:
        _add_check_json(files, doc)
    elif doc.lines is not None:
        print(doc.lines)
    return docs_found + doc.found, failing + doc.hits


def _add_check_json(files: dict[str, dict[str, Any]], doc: Checked) -> None:
    """Per text file one entry; per JSONL file one entry whose ``records`` lists records with removals."""
    if not doc.record:
        files[doc.path] = doc.json or {}
        return
    entry = files.setdefault(doc.path, {"path": doc.path})
    entry.setdefault("records", [])
    counts: dict[str, int] = entry.setdefault("counts", {})
    for rule, n in (doc.counts or {}).items():
        counts[rule] = counts.get(rule, 0) + n
    entry["documents"] = entry.get("documents", 0) + 1
    if doc.json is not None:
        doc.json.pop("path")
        entry["records"].append(doc.json)


# ------------------------------------------------------------------------------------------- mine
MINE_HELP = """Find text that recurs across many documents of a site: boilerplate no rule covers yet.

\b
Every block (line) and every sentence inside longer lines is counted per
site, once per document; near-duplicate variants (ratio >= --similarity) are
grouped. A candidate is reported when it recurs in at least --min-docs
documents and --min-share of its site's documents, with its document count,
share, position (head/tail: always within that many blocks of the start/end;
body otherwise) and sample document ids. What the current rules (bundled +
--rules) already remove is not counted unless --all. Results do not depend
on the input order.

\b
Inputs: JSONL datasets (site = the --site-field, else the host of the
--url-field URL, e.g. news.example.co.uk -> example.co.uk) or folders with
one subfolder per site (corpus/example.com/page.txt; site = subfolder name).
Document ids: --id-field, else the URL, else FILE:LINE / the relative path.

\b
--emit-rules FILE.yaml writes a draft rule pack: one rule per candidate,
scoped to the site's domain (JSONL with URLs) and to head/tail, a literal
matcher (a fuzzy one for grouped variants), and inline tests made of the
real samples. Review it, then: cleaner rules test FILE.yaml and
cleaner clean ... --rules FILE.yaml.

\b
--jobs N counts in N worker processes and merges their counts here (0: all
cores); the result is the same for every N. Worth it on idle cores when the
rule filter dominates: shipping counts back costs ~50% extra CPU.

\b
Exit codes: 0 done (with or without candidates: mining explores, it is
not a gate), 2 bad input or usage, 3 internal error.

\b
Examples:
  cleaner mine crawl.jsonl --url-field url
  cleaner mine crawl.jsonl.gz --min-docs 20 --min-share 0.3 --top 50
  cleaner mine corpus/ --format json
  cleaner mine crawl.jsonl --emit-rules mined.yaml
"""


class MineOnError(str, Enum):
    """What ``mine`` does with a JSONL line it cannot use."""

    fail = "fail"
    skip = "skip"


@app.command("mine", help=MINE_HELP)
def mine_cmd(
    paths: Annotated[
        list[str],
        typer.Argument(metavar="CORPUS", help="JSONL files (.jsonl, .jsonl.gz, .jsonl.zst) or folders of sites."),
    ],
    min_docs: Annotated[
        int, typer.Option("--min-docs", min=1, metavar="N", help="Recurs in at least N documents.")
    ] = 5,
    min_share: Annotated[
        float,
        typer.Option("--min-share", min=0.0, max=1.0, metavar="FLOAT", help="...and this share of its site's docs."),
    ] = 0.2,
    min_chars: Annotated[
        int, typer.Option("--min-chars", min=1, metavar="N", help="Ignore blocks/sentences shorter than this.")
    ] = 15,
    similarity: Annotated[
        float, typer.Option("--similarity", min=50.0, max=100.0, metavar="PCT", help="Group variants this similar.")
    ] = 90.0,
    top: Annotated[int, typer.Option("--top", min=0, metavar="N", help="Show the N best candidates (0: all).")] = 20,
    fmt: Annotated[Format, typer.Option("--format", help="Output format: a table (text) or json.")] = Format.text,
    emit_rules: Annotated[
        Path | None, typer.Option("--emit-rules", metavar="FILE.yaml", help="Write a draft rule pack (atomically).")
    ] = None,
    include_all: Annotated[
        bool, typer.Option("--all", help="Also count what the current rules already remove.")
    ] = False,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultsOpt = False,
    jsonl: JsonlOpt = False,
    text_field: TextFieldOpt = "text",
    url_field: Annotated[
        str | None, typer.Option("--url-field", metavar="NAME", help="JSONL field holding the page URL.")
    ] = "url",
    lang_field: LangFieldOpt = None,
    html_field: Annotated[
        str | None,
        typer.Option(
            "--html-field", metavar="NAME", help="JSONL field holding an HTML page: mined on its extracted text."
        ),
    ] = None,
    id_field: Annotated[
        str | None, typer.Option("--id-field", metavar="NAME", help="JSONL field holding a document id.")
    ] = None,
    site_field: Annotated[
        str | None, typer.Option("--site-field", metavar="NAME", help="JSONL field naming the site.")
    ] = None,
    on_error: Annotated[
        MineOnError, typer.Option("--on-error", help="JSONL: a bad line stops (fail) or is skipped with a warning.")
    ] = MineOnError.fail,
    jobs: Annotated[
        int, typer.Option("--jobs", "-j", min=0, metavar="N", help="Worker processes (0: all cores).")
    ] = 1,
    quiet: QuietOpt = False,
) -> None:
    from cleaner.mining.corpus import CorpusProblem, iter_corpus
    from cleaner.mining.state import MiningOptions, MiningState
    from cleaner.pipeline.pool import mine_parallel
    from cleaner.mining.rulegen import draft_rules

    report = Report(quiet=quiet)

    def body() -> None:
        if no_default_rules and not rules:
            report.error("--no-default-rules needs at least one --rules PATH")
            raise _Stop(2)
        ruleset = None if include_all else _load(report, rules, defaults=not no_default_rules)
        options = MiningOptions(min_chars=min_chars, min_docs=min_docs, min_share=min_share, group_threshold=similarity)
        fields = JsonlFields(text_field, url_field, lang_field, html_field)
        workers = jobs or available_cores()

        def usable() -> Iterator[tuple[str, str, str | None, str | None, str | None]]:
            for rec in iter_corpus(paths, fields, id_field=id_field, site_field=site_field, jsonl=jsonl):
                if isinstance(rec, CorpusProblem):
                    if rec.line is None or on_error is MineOnError.fail:
                        report.error(str(rec))
                        raise _Stop(2)
                    report.warning(f"{rec} (record skipped)")
                    continue
                yield rec.text, rec.doc_id, rec.url, rec.site, rec.language

        try:
            if workers > 1:
                state = mine_parallel(usable(), options=options, rules=ruleset, jobs=workers)
            else:
                state = MiningState(options)
                for text, doc_id, url, site, language in usable():
                    state.add(text, doc_id=doc_id, url=url, site=site, language=language, rules=ruleset)
        except InputError as exc:
            report.error(str(exc))
            raise _Stop(2) from None
        result = state.finish()
        shown = result.candidates[:top] if top else result.candidates
        if result.pruned:
            report.warning(f"memory bound reached: {result.pruned} hashes seen once were dropped (counts approximate)")
        if fmt is Format.json:
            payload = result.to_dict()
            payload["candidates"] = [c.to_dict() for c in shown]
            print(json.dumps(payload, ensure_ascii=False, indent=2))
        else:
            for n, c in enumerate(shown, start=1):
                where = c.position if c.position == "body" else f"{c.position}:{c.window}"
                print(f"{n:>3}. {c.site}  {c.docs}/{c.site_docs} docs ({c.share:.0%})  {where}  {c.kind}"
                      + (f"  +{len(c.variants)} variants" if c.variants else ""))
                print(f"     {' '.join(c.text.split())[:200]}")
                print(f"     samples: {', '.join(c.samples)}")
            print(
                f"{plural(len(result.candidates), 'candidate')} in {plural(result.documents, 'document')} "
                f"of {plural(len(result.sites), 'site')}"
                + (f" (showing {len(shown)})" if len(shown) < len(result.candidates) else "")
            )
        if emit_rules is not None:
            draft = draft_rules(result.candidates, source=str(emit_rules))
            for why in draft.skipped:
                report.warning(f"no rule drafted: {why}")
            if not draft.rule_ids:
                report.note(f"no rule to write; {emit_rules} left alone")
                return
            try:
                with atomic_output(emit_rules) as fh:
                    fh.write(draft.text.encode("utf-8"))
            except OSError as exc:
                report.error(f"{emit_rules}: cannot write: {exc.strerror or exc}")
                raise _Stop(2) from None
            report.note(f"{emit_rules}: {plural(len(draft.rule_ids), 'draft rule')} written")

    _run(body, report)


# ------------------------------------------------------------------------------------------ rules
RulePathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH", help="Rule files or folders (default: the bundled packs).", show_default=False
    ),
]


@rules_app.command(
    "validate",
    help="""Load rule packs strictly and report every problem as FILE:LINE:COL: MESSAGE.

\b
Prints 'OK: N rules in M packs' (exit 0), or each problem on stderr (exit 2).
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
        ruleset = _load(report, paths, defaults=not paths)
        print(f"OK: {plural(len(ruleset), 'rule')} in {plural(len(ruleset.packs), 'pack')}")

    _run(body, report)


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
        ruleset = _load(report, paths, defaults=not paths)
        if select and not len(ruleset.select(select)):
            report.error(f"-k {select}: no rule id contains {select!r}")
            raise _Stop(2)
        outcomes = run_rule_tests(ruleset, select)
        failed = [o for o in outcomes if not o.passed]
        for o in failed:
            print(f"FAIL {o.rule.id} ({o.where})")
            print(o.diff())
            print()
        report.tests_failed(len(failed))
        print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")

    _run(body, report)


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
        ruleset = _load(report, paths, defaults=not paths)
        rows = [(r.id, r.level, r.pack, _scope_summary(r.scope), r.description) for r in ruleset.all_rules]
        if not rows:
            report.note("no rules loaded")
            return
        widths = [max(len(row[i]) for row in rows) for i in range(4)]
        for row in rows:
            print("  ".join(cell.ljust(w) for cell, w in zip(row[:4], widths, strict=True)) + "  " + row[4])

    _run(body, report)


def main() -> None:
    """Console-script entry point (``cleaner``)."""
    app(prog_name="cleaner")


if __name__ == "__main__":
    main()
