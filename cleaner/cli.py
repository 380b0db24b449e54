"""The ``cleaner`` command line: parse arguments, read, clean, write, report — nothing else.

Every output is derived from the :class:`~cleaner.result.Result` objects the pure core returns; this
module only decides where text comes from and goes to. Reading lives in :mod:`cleaner.reading`,
writing in :mod:`cleaner.writing`, messages, formats and exit codes in :mod:`cleaner.report`.
"""

from __future__ import annotations

import difflib
import json
import os
import sys
from collections import Counter
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path
from typing import IO, Annotated, Any, NoReturn, cast

import typer

from . import __version__
from .documents import Settings, Unreadable, iter_documents
from .reading import (
    InputError,
    JsonlFields,
    JsonlItem,
    Source,
    expand_inputs,
    iter_jsonl,
    read_text,
    url_problem,
)
from .report import (
    Located,
    Report,
    at_or_above,
    check_lines,
    check_summary,
    document_json,
    explain_lines,
    explain_summary,
)
from .result import Level, Options
from .rules import RuleLoadError, RuleSet, Scope, load_rules
from .ruletest import run_rule_tests
from .writing import atomic_output, atomic_write, output_text, write_stdout

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
  2  bad input, bad usage or invalid rule files
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
        help="Files or folders (recursive: *.txt, *.text, *.md, *.markdown). '-' or nothing: stdin.",
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
    typer.Option("--rules", metavar="PATH", help="Extra rule pack file or folder (repeatable).", show_default=False),
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
QuietOpt = Annotated[bool, typer.Option("--quiet", "-q", help="No warnings or counts on stderr (errors still).")]
FormatOpt = Annotated[Format, typer.Option("--format", help="Output format.")]


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


def _load(report: Report, rules: list[Path] | None, no_default_rules: bool) -> RuleSet:
    """Load the rule packs; on problems print each ``file:line:col: message`` and stop with 2."""
    if no_default_rules and not rules:
        report.error("--no-default-rules needs at least one --rules PATH")
        raise _Stop(2)
    try:
        return load_rules(rules or [], defaults=not no_default_rules)
    except RuleLoadError as exc:
        _rule_problems(report, exc)
        raise _Stop(2) from None


def _rule_problems(report: Report, exc: RuleLoadError) -> None:
    for problem in exc.problems:
        print(problem, file=sys.stderr)
    report.error(f"rule files have {len(exc.problems)} problem{'s' if len(exc.problems) != 1 else ''}")


def _settings(
    report: Report,
    *,
    rules: list[Path] | None,
    no_default_rules: bool,
    url: str | None,
    lang: str | None,
    no_dedup: bool = False,
    near_threshold: float = 0.90,
    min_dup_chars: int = 10,
) -> Settings:
    if url and (why := url_problem(url)):
        report.error(f"--url {url}: {why}")
        raise _Stop(2)
    options = Options(dedup=not no_dedup, near_threshold=near_threshold, min_dup_chars=min_dup_chars)
    return Settings(_load(report, rules, no_default_rules), options, url, lang)


def _sources(report: Report, paths: list[str] | None) -> tuple[list[Source], bool]:
    try:
        return expand_inputs(paths or [])
    except InputError as exc:
        report.error(str(exc))
        raise _Stop(2) from None


def _run(body: Callable[[], None], report: Report) -> NoReturn:
    """Run a command body; turn :class:`_Stop` into its exit code, else exit with the report's."""
    try:
        body()
    except _Stop as stop:
        raise typer.Exit(max(stop.code, report.exit_code)) from None
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
to --output-field). A bad line (invalid JSON, not an object, missing or
non-string text field) is handled per --on-error:
  fail  stop with 'FILE:LINE: problem', exit 2; no output file is written
  skip  drop the record, warn with its line number, go on
  keep  copy the line through unchanged, warn, go on
Counts (records, cleaned, errors) go to stderr at the end unless --quiet.

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
  cleaner clean page.txt --rules my-rules/ --no-default-rules
"""


@app.command("clean", help=CLEAN_HELP, no_args_is_help=False)
def clean_cmd(
    paths: PathsArg = None,
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
    url: UrlOpt = None,
    lang: LangOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultsOpt = False,
    no_dedup: NoDedupOpt = False,
    near_threshold: NearOpt = 0.90,
    min_dup_chars: MinDupOpt = 10,
    jsonl: JsonlOpt = False,
    text_field: TextFieldOpt = "text",
    url_field: UrlFieldOpt = None,
    lang_field: LangFieldOpt = None,
    output_field: Annotated[
        str | None,
        typer.Option("--output-field", metavar="NAME", help="JSONL: write the clean text to this field instead."),
    ] = None,
    on_error: Annotated[OnError, typer.Option("--on-error", help="JSONL: what to do with a bad line.")] = OnError.fail,
    quiet: QuietOpt = False,
) -> None:
    report = Report(quiet=quiet)

    def body() -> None:
        _check_clean_usage(report, output=output, in_place=in_place, backup=backup, diff=diff)
        settings = _settings(
            report,
            rules=rules,
            no_default_rules=no_default_rules,
            url=url,
            lang=lang,
            no_dedup=no_dedup,
            near_threshold=near_threshold,
            min_dup_chars=min_dup_chars,
        )
        sources, any_folder = _sources(report, paths)
        plan = _plan(report, sources, any_folder, output=output, in_place=in_place, diff=diff)
        fields = JsonlFields(text_field, url_field, lang_field)
        totals: Counter[str] = Counter()
        for source, target in plan:
            if jsonl or source.is_jsonl:
                _clean_jsonl(
                    report,
                    settings,
                    source,
                    target,
                    fields=fields,
                    output_field=output_field,
                    on_error=on_error,
                    backup=backup if in_place else None,
                    diff=diff,
                )
            else:
                _clean_text(
                    report, settings, source, target, backup=backup if in_place else None, diff=diff, totals=totals
                )
        if totals["files"] and (len(plan) > 1 or in_place or output is not None):
            report.note(
                f"{_n(totals['files'], 'file')} cleaned: {totals['changed']} changed, "
                f"{_n(totals['removals'], 'removal')}"
                + (f", {totals['written']} written" if totals["written"] or in_place or output else "")
            )

    _run(body, report)


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


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
    report: Report, sources: list[Source], any_folder: bool, *, output: str | None, in_place: bool, diff: bool
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
    else:
        if out.exists() and not out.is_dir():
            report.error(f"-o {output}: is a file, but several inputs need a folder")
            raise _Stop(2)
        if any(s.is_stdin for s in sources):
            report.error("stdin has no file name to mirror into -o DIR; give -o FILE for a single stdin input")
            raise _Stop(2)
        targets = [(s, out / s.rel) for s in sources]
    seen: dict[Path, str] = {}
    for source, target in targets:
        key = target.resolve()
        if source.path is not None and source.path.resolve() == key:
            report.error(f"-o would overwrite the input {source.name}; use --in-place to rewrite inputs")
            raise _Stop(2)
        if key in seen:
            report.error(f"{source.name} and {seen[key]} would both be written to {target}")
            raise _Stop(2)
        seen[key] = source.name
    return list(targets)


def _clean_text(
    report: Report,
    settings: Settings,
    source: Source,
    target: Path | None,
    *,
    backup: str | None,
    diff: bool,
    totals: Counter[str],
) -> None:
    try:
        text = read_text(source)
    except InputError as exc:
        report.error(str(exc))
        return
    result = settings.clean(text)
    out = output_text(result)
    totals["files"] += 1
    totals["changed"] += result.changed
    totals["removals"] += len(result.removals)
    if diff:
        write_stdout(_unified(text, out, source.name))
        return
    if target is None:
        write_stdout(out)
        return
    if target == source.path and _same_bytes(target, out):
        return  # nothing to rewrite: keep the file (and its mtime) as it is
    try:
        atomic_write(target, out, backup=backup)
    except OSError as exc:
        report.error(f"{target}: cannot write: {exc.strerror or exc}")
        return
    totals["written"] += 1


def _same_bytes(path: Path, text: str) -> bool:
    try:
        return path.read_bytes() == text.encode("utf-8")
    except OSError:
        return False


def _unified(before: str, after: str, name: str) -> str:
    """A unified diff of the input and what would be written; empty when nothing would change."""
    return "".join(
        difflib.unified_diff(
            before.splitlines(keepends=True),
            after.splitlines(keepends=True),
            f"a/{name}",
            f"b/{name}",
        )
    )


class _BadLine(Exception):
    """A JSONL line under ``--on-error fail``: carries the one-line message."""


def _clean_jsonl(
    report: Report,
    settings: Settings,
    source: Source,
    target: Path | None,
    *,
    fields: JsonlFields,
    output_field: str | None,
    on_error: OnError,
    backup: str | None,
    diff: bool,
) -> None:
    """Clean a JSONL source record by record; write atomically so a failure leaves no half-file."""
    counts: Counter[str] = Counter()
    records = _jsonl_records(report, settings, source, fields, output_field, on_error, diff, counts)
    try:
        if diff or target is None:
            _write_lines(records, None)
        else:
            with atomic_output(target, backup=backup, keep_if_same=target == source.path) as fh:
                _write_lines(records, fh)
    except _BadLine as exc:
        report.error(str(exc) + ("" if diff or target is None else f" (nothing written to {target})"))
        return
    except InputError as exc:
        report.error(str(exc))
        return
    except BrokenPipeError:
        if target is not None:
            report.error(f"{target}: cannot write: broken pipe")
            return
        raise  # stdout closed by the reader (`| head`): end quietly, as every other command does
    except OSError as exc:
        report.error(f"{target or '<stdout>'}: cannot write: {exc.strerror or exc}")
        return
    errors = counts["errors"]
    policy = {OnError.skip: "skipped", OnError.keep: "kept unchanged"}.get(on_error, "")
    report.note(
        f"{source.name}: {_n(counts['records'], 'record')}, {counts['cleaned']} cleaned "
        f"({counts['changed']} changed, {_n(counts['removals'], 'removal')}), "
        f"{_n(errors, 'error')}" + (f" ({policy})" if errors and policy else "")
    )


def _jsonl_records(
    report: Report,
    settings: Settings,
    source: Source,
    fields: JsonlFields,
    output_field: str | None,
    on_error: OnError,
    diff: bool,
    counts: Counter[str],
) -> Iterator[bytes]:
    """Yield the output lines (bytes, newline included) of a JSONL source, applying ``--on-error``."""
    for item in iter_jsonl(source, fields):
        counts["records"] += 1
        if item.problem is not None:
            counts["errors"] += 1
            where = f"{source.name}:{item.line}: {item.problem}"
            if on_error is OnError.fail:
                raise _BadLine(where)
            if on_error is OnError.skip:
                report.warning(f"{where} (record skipped)")
                continue
            report.warning(f"{where} (line kept unchanged)")
            if not diff:
                yield item.raw + b"\n"
            continue
        result = settings.clean(item.text, url=item.url, language=item.lang)
        counts["cleaned"] += 1
        counts["changed"] += result.changed
        counts["removals"] += len(result.removals)
        if diff:
            yield _unified(_as_lines(item.text), _as_lines(result.text), f"{source.name}:{item.line}").encode()
        else:
            yield _record_line(item, result.text, fields.text, output_field)


def _as_lines(text: str) -> str:
    return text + "\n" if text else ""


def _record_line(item: JsonlItem, clean_text: str, text_field: str, output_field: str | None) -> bytes:
    """The output line of a record: the input line itself when the clean text is the text already.

    A record is re-serialised only when its text changes (or a field is added), so an untouched record
    keeps its exact bytes (number spelling, escapes, spacing). A lone surrogate escape in another field
    cannot be written as UTF-8: that record is written with ASCII escapes instead, which is lossless.
    """
    assert item.record is not None
    if output_field is None and clean_text == item.record[text_field]:
        return item.raw + b"\n"
    record = dict(item.record)
    record[output_field or text_field] = clean_text
    try:
        return (json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(record) + "\n").encode("ascii")


def _write_lines(lines: Iterator[bytes], fh: IO[bytes] | None) -> None:
    """Write to ``fh``, or to stdout (flushed once at the end, not per record)."""
    if fh is not None:
        for line in lines:
            fh.write(line)
        return
    sys.stdout.flush()
    out = getattr(sys.stdout, "buffer", None)
    for line in lines:
        if out is None:
            sys.stdout.write(line.decode("utf-8"))
        else:
            out.write(line)
    (out or sys.stdout).flush()


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
def explain_cmd(
    paths: PathsArg = None,
    url: UrlOpt = None,
    lang: LangOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultsOpt = False,
    no_dedup: NoDedupOpt = False,
    near_threshold: NearOpt = 0.90,
    min_dup_chars: MinDupOpt = 10,
    jsonl: JsonlOpt = False,
    text_field: TextFieldOpt = "text",
    url_field: UrlFieldOpt = None,
    lang_field: LangFieldOpt = None,
    fmt: FormatOpt = Format.text,
) -> None:
    report = Report()

    def body() -> None:
        settings = _settings(
            report,
            rules=rules,
            no_default_rules=no_default_rules,
            url=url,
            lang=lang,
            no_dedup=no_dedup,
            near_threshold=near_threshold,
            min_dup_chars=min_dup_chars,
        )
        sources, _ = _sources(report, paths)
        kinds: Counter[str] = Counter()
        docs = chars_in = chars_out = 0
        as_json: list[dict[str, Any]] = []
        for doc in iter_documents(sources, settings, JsonlFields(text_field, url_field, lang_field), jsonl=jsonl):
            if isinstance(doc, Unreadable):
                report.error(str(doc))
                continue
            docs += 1
            chars_in += doc.result.input_chars
            chars_out += len(doc.result.text)
            kinds.update(r.kind for r in doc.result.removals)
            if fmt is Format.json:
                if doc.line is None or doc.result.removals:
                    as_json.append(document_json(doc))
            elif doc.line is None or doc.result.removals:
                print("\n".join(explain_lines(doc)))
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


# ------------------------------------------------------------------------------------------ check
CHECK_HELP = """Check documents without writing: exit 1 if anything would be removed.

\b
Runs exactly the cleaning of `cleaner clean`, writes nothing, and reports
one line per finding:
  PATH:LINE:COL: LEVEL RULE-ID MESSAGE [PREVIEW]
(for a JSONL record: PATH:LINE: [text L:C] ... where LINE is the record's
line in the file), then a summary. --format json prints a machine-readable
report instead (per file: path, removals, counts; per JSONL record: line).

\b
--fail-on sets the lowest level that fails: info (default: any removal
fails), warning, or error (only rules with level error; duplicates are
warnings). Every finding is listed either way.

\b
Exit codes: 0 nothing found, 1 findings at or above --fail-on,
2 bad input, bad usage or invalid rule files.

\b
Examples:
  cleaner check pages/
  cleaner check page.txt --fail-on error --format json
  cleaner check data.jsonl --text-field body --url-field url
"""


@app.command("check", help=CHECK_HELP)
def check_cmd(
    paths: PathsArg = None,
    url: UrlOpt = None,
    lang: LangOpt = None,
    rules: RulesOpt = None,
    no_default_rules: NoDefaultsOpt = False,
    no_dedup: NoDedupOpt = False,
    near_threshold: NearOpt = 0.90,
    min_dup_chars: MinDupOpt = 10,
    jsonl: JsonlOpt = False,
    text_field: TextFieldOpt = "text",
    url_field: UrlFieldOpt = None,
    lang_field: LangFieldOpt = None,
    fmt: FormatOpt = Format.text,
    fail_on: Annotated[FailOn, typer.Option("--fail-on", help="Lowest removal level that fails.")] = FailOn.info,
    quiet: QuietOpt = False,
) -> None:
    report = Report(quiet=quiet)

    def body() -> None:
        settings = _settings(
            report,
            rules=rules,
            no_default_rules=no_default_rules,
            url=url,
            lang=lang,
            no_dedup=no_dedup,
            near_threshold=near_threshold,
            min_dup_chars=min_dup_chars,
        )
        sources, _ = _sources(report, paths)
        threshold = cast(Level, fail_on.value)
        levels: Counter[str] = Counter()
        docs = docs_found = failing = 0
        files: dict[str, dict[str, Any]] = {}
        for doc in iter_documents(sources, settings, JsonlFields(text_field, url_field, lang_field), jsonl=jsonl):
            if isinstance(doc, Unreadable):
                report.error(str(doc))
                if fmt is Format.json:
                    entry = files.setdefault(doc.path, {"path": doc.path})
                    entry.setdefault("errors", []).append({"line": doc.line, "message": doc.problem})
                continue
            docs += 1
            removals = doc.result.removals
            docs_found += bool(removals)
            levels.update(r.level for r in removals)
            hits = sum(at_or_above(r.level, threshold) for r in removals)
            failing += hits
            report.found(hits)
            if fmt is Format.text:
                for line in check_lines(doc):
                    print(line)
            else:
                _add_check_json(files, doc)
        summary = check_summary(docs, docs_found, levels, failing, threshold)
        if fmt is Format.json:
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


def _add_check_json(files: dict[str, dict[str, Any]], doc: Located) -> None:
    """Per text file one entry; per JSONL file one entry whose ``records`` lists records with removals."""
    d = document_json(doc)
    if doc.line is None:
        files[doc.path] = d
        return
    entry = files.setdefault(doc.path, {"path": doc.path})
    entry.setdefault("records", [])
    counts: dict[str, int] = entry.setdefault("counts", {})
    for rule, n in doc.result.counts().items():
        counts[rule] = counts.get(rule, 0) + n
    entry["documents"] = entry.get("documents", 0) + 1
    if doc.result.removals:
        d.pop("path")
        entry["records"].append(d)


# ------------------------------------------------------------------------------------------ rules
RulePathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH", help="Rule files or folders (default: the bundled packs).", show_default=False
    ),
]


def _load_for_rules(report: Report, paths: list[Path] | None) -> RuleSet:
    try:
        return load_rules(paths or [], defaults=not paths)
    except RuleLoadError as exc:
        _rule_problems(report, exc)
        raise _Stop(2) from None


@rules_app.command(
    "validate",
    help="""Load rule packs strictly and report every problem as FILE:LINE:COL: MESSAGE.

\b
Prints 'OK: N rules in M packs' (exit 0), or each problem on stderr (exit 2).
Without PATH the bundled packs are validated; with PATHs only those.

\b
Examples:
  cleaner rules validate
  cleaner rules validate my-rules/ extra.yaml
""",
)
def rules_validate(paths: RulePathsArg = None) -> None:
    report = Report()

    def body() -> None:
        ruleset = _load_for_rules(report, paths)
        print(f"OK: {_n(len(ruleset), 'rule')} in {_n(len(ruleset.packs), 'pack')}")

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
        ruleset = _load_for_rules(report, paths)
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
        ruleset = _load_for_rules(report, paths)
        rows = [(r.id, r.level, r.pack, _scope_summary(r.scope), r.description) for r in ruleset.rules]
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
