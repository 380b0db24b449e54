"""The options the commands share, declared once: enums of choices, typed option declarations, and
:class:`DocumentArgs` (the inputs of clean/explain/check and how to clean them).

typer builds a command from its function's signature; :func:`document_command` adds every field of
:class:`DocumentArgs` to a command's parameters, so a shared option is spelled, defaulted and
documented in one place.
"""

from __future__ import annotations

import dataclasses
import functools
import inspect
import typing
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import Annotated, Any

import typer

from cleaner.io.records import RecordFields

__all__ = [
    "CheckFormat",
    "DocumentArgs",
    "FailOn",
    "Format",
    "MineOnError",
    "OnError",
    "OutFormat",
    "OUT_SUFFIX",
    "document_command",
]


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


OUT_SUFFIX = {OutFormat.text: ".txt", OutFormat.markdown: ".md", OutFormat.json: ".json"}


class CheckFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"
    sarif = "sarif"
    junit = "junit"
    json_lines = "json-lines"


class FailOn(str, Enum):
    error = "error"
    warning = "warning"
    info = "info"



class MineOnError(str, Enum):
    """What ``mine`` does with a JSONL line it cannot use."""

    fail = "fail"
    skip = "skip"



# ------------------------------------------------------------------------------ shared options
PathsArg = Annotated[
    list[str] | None,
    typer.Argument(
        metavar="PATH",
        help="Files or folders (recursive: *.txt, *.text, *.md, *.markdown, *.html, *.htm, *.xhtml and the "
        "datasets *.jsonl, *.jsonl.gz, *.jsonl.zst, *.parquet, *.warc, *.warc.gz). '-' or nothing: stdin.",
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
TimeBudgetOpt = Annotated[
    float,
    typer.Option(
        "--time-budget",
        min=0.0,
        metavar="SECONDS",
        help="Real time one document or record may take (plus 1 s per MB of it); a slower one is that "
        "record's error under --on-error (a slow rule regex cannot stall a run). 0: no limit.",
    ),
]
JsonlOpt = Annotated[
    bool, typer.Option("--jsonl", help="Treat inputs as JSONL even without the .jsonl suffix (e.g. stdin).")
]
TextFieldOpt = Annotated[str, typer.Option("--text-field", metavar="NAME", help="JSONL field holding the text.")]
UrlFieldOpt = Annotated[
    str | None,
    typer.Option(
        "--url-field",
        metavar="NAME",
        help="Record field holding the page URL (default: 'url' when a record has one).",
        show_default=False,
    ),
]
LangFieldOpt = Annotated[
    str | None,
    typer.Option(
        "--lang-field",
        metavar="NAME",
        help="Record field holding the language code (default: 'lang' or 'language' when a record has one).",
        show_default=False,
    ),
]
PatternsOpt = list[str] | None
SelectOpt = Annotated[
    PatternsOpt,
    typer.Option(
        "--select",
        metavar="GLOBS",
        help="Only rule ids matching these globs remove anything (repeatable, comma-separated: "
        "'generic.ads.*,dedup.*'); overrides the configuration file's select/ignore for what it matches.",
        show_default=False,
    ),
]
IgnoreOpt = Annotated[
    PatternsOpt,
    typer.Option(
        "--ignore",
        metavar="GLOBS",
        help="Rule ids matching these globs remove nothing (repeatable, comma-separated: 'gate.*,dedup.near').",
        show_default=False,
    ),
]
ExcludeOpt = Annotated[
    PatternsOpt,
    typer.Option(
        "--exclude",
        metavar="GLOB",
        help="Leave out files of a folder whose path inside it, or name, matches (repeatable).",
        show_default=False,
    ),
]
ConfigOpt = Annotated[
    Path | None,
    typer.Option(
        "--config",
        metavar="PATH",
        help="Configuration file (default: the first .cleaner.toml, cleaner.toml or pyproject.toml with "
        "[tool.cleaner] from here upward).",
        show_default=False,
    ),
]
NoConfigOpt = Annotated[bool, typer.Option("--no-config", help="Ignore configuration files.")]
ShowConfigOpt = Annotated[
    bool, typer.Option("--show-config", help="Print the settings in force and where each comes from; exit.")
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
FormatOpt = Annotated[str, typer.Option("--format", metavar="FORMAT", help="Output format: text or json.")]


@dataclasses.dataclass(frozen=True)
class DocumentArgs:
    """The inputs of clean/explain/check and how to clean them: the options those commands share.

    Declared once, here; :func:`document_command` adds every field to a command's parameters.
    """

    paths: PathsArg = None
    url: UrlOpt = None
    lang: LangOpt = None
    rules: RulesOpt = None
    no_default_rules: NoDefaultsOpt = False
    no_dedup: NoDedupOpt = False
    near_threshold: NearOpt = 0.90
    min_dup_chars: MinDupOpt = 10
    time_budget: TimeBudgetOpt = 30.0
    jsonl: JsonlOpt = False
    text_field: TextFieldOpt = "text"
    url_field: UrlFieldOpt = None
    lang_field: LangFieldOpt = None
    html_field: HtmlFieldOpt = None
    jobs: JobsOpt = 0
    progress: ProgressOpt = None
    stats: StatsOpt = None
    select: SelectOpt = None
    ignore: IgnoreOpt = None
    exclude: ExcludeOpt = None
    config: ConfigOpt = None
    no_config: NoConfigOpt = False
    show_config: ShowConfigOpt = False
    # not options: the configuration file in force (cleaner.cli.config) and its per-site ignores
    file_config: Any = dataclasses.field(default=None, metadata={"cli": False})
    per_site_ignores: Any = dataclasses.field(default=None, metadata={"cli": False})

    @property
    def fields(self) -> RecordFields:
        return RecordFields(self.text_field, self.url_field, self.lang_field, self.html_field, guess=True)


def document_command(func: Callable[..., None]) -> Callable[..., None]:
    """Give a command the :class:`DocumentArgs` options; ``func(args, **own_options)`` gets them as one object.

    typer builds a command from its function's signature, so the wrapper's signature is PATH, then the
    command's own options, then the shared ones.
    """
    hints = typing.get_type_hints(DocumentArgs, include_extras=True)
    shared = [
        inspect.Parameter(f.name, inspect.Parameter.KEYWORD_ONLY, default=f.default, annotation=hints[f.name])
        for f in dataclasses.fields(DocumentArgs)
        if f.metadata.get("cli", True)
    ]
    own = [
        p.replace(kind=inspect.Parameter.KEYWORD_ONLY)
        for p in inspect.signature(func, eval_str=True).parameters.values()
        if p.name != "args"
    ]
    # typer hands the click context to a parameter typed typer.Context: it says which options were given
    context = inspect.Parameter("typer_context", inspect.Parameter.KEYWORD_ONLY, annotation=typer.Context)
    params = [context, shared[0], *own, *shared[1:]]

    @functools.wraps(func)
    def command(**kwargs: Any) -> None:
        from cleaner.cli.config import with_config  # lazy: TOML is read only by the commands that use it

        ctx = kwargs.pop("typer_context")
        values, kwargs = with_config(ctx, {p.name: kwargs.pop(p.name) for p in shared}, kwargs)
        func(DocumentArgs(**values), **kwargs)

    command.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    command.__annotations__ = {p.name: p.annotation for p in params}
    return command


# ------------------------------------------------------------------------------------------ rules
RulePathsArg = Annotated[
    list[Path] | None,
    typer.Argument(
        metavar="PATH", help="Rule files or folders (default: the bundled packs).", show_default=False
    ),
]



# ------------------------------------------------------------------------------ duplicate records
DupThresholdOpt = Annotated[
    float,
    typer.Option(
        "--duplicate-threshold",
        min=0.0,
        max=1.0,
        metavar="FLOAT",
        help="Duplicate records: similarity (MinHash of word 3-shingles) from which a later record is a near "
        "copy of an earlier one; 1.0 = exact copies, same guid/id or same link only.",
    ),
]
NoDupRecordsOpt = Annotated[
    bool, typer.Option("--no-duplicate-records", help="Do not report later records that copy earlier ones.")
]
DropDupOpt = Annotated[
    bool,
    typer.Option(
        "--drop-duplicate-records",
        help="Leave out later copies of earlier records (feed items, dataset records, files): same or "
        "near-same clean text, same guid/id, or same link without tracking parameters.",
    ),
]
