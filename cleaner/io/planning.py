"""Where ``cleaner clean`` writes each input: stdout, a file, a mirrored folder, or the input itself.

The plan is made and checked before a single byte is read or written: several inputs without a
destination, two inputs mapped to the same output, an output that would overwrite an input, a page that
``--in-place`` would replace with its text, or a format that cannot be written are refused with a
:class:`PlanError` (the CLI prints it and exits with 2). Nothing here prints: the rules can be tested,
and reused by another shell, without the CLI.
"""

from __future__ import annotations

import os
from pathlib import Path

from cleaner.io.reading import HTML_SUFFIXES, Source, dataset_format

__all__ = ["PlanError", "check_clean_usage", "format_problem", "is_page", "mirrored", "plan_outputs"]


class PlanError(Exception):
    """An output plan (or option combination) that cannot be carried out; the message says why."""


def check_clean_usage(*, output: str | None, in_place: bool, backup: str | None, diff: bool) -> None:
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
        raise PlanError(problem)


def plan_outputs(
    sources: list[Source],
    any_folder: bool,
    *,
    output: str | None,
    in_place: bool,
    diff: bool,
    suffix: str = ".txt",
) -> list[tuple[Source, Path | None]]:
    """Decide where each source goes (None: stdout, or nowhere with ``diff``); refuse unsafe plans.

    ``suffix`` is what an HTML page becomes under ``-o DIR`` (``.txt``, ``.md`` or ``.json``: what is
    written is its text, not a page).
    """
    several = len(sources) > 1 or any_folder
    if diff:
        return [(s, None) for s in sources]
    if in_place:
        if any(s.is_stdin for s in sources):
            raise PlanError("--in-place cannot rewrite stdin; use -o FILE or redirect stdout")
        for s in sources:
            if s.format == "warc":
                raise PlanError(f"--in-place cannot rewrite the WARC archive {s.name}; use -o FILE.jsonl")
            if is_page(s):
                raise PlanError(f"--in-place would replace the HTML page {s.name} with its text; use -o DIR")
        return [(s, s.path) for s in sources]
    if output is None:
        if several:
            raise PlanError(f"{len(sources)} inputs: give -o DIR to write them into a folder, or --in-place")
        return [(sources[0], None)]
    to_dir = several or Path(output).is_dir() or output.endswith(("/", os.sep))
    out = Path(output)
    if not to_dir:
        targets = [(sources[0], out)]
        if problem := format_problem(sources[0], out):
            raise PlanError(problem)
    else:
        if out.exists() and not out.is_dir():
            raise PlanError(f"-o {output}: is a file, but several inputs need a folder")
        if any(s.is_stdin for s in sources):
            raise PlanError("stdin has no file name to mirror into -o DIR; give -o FILE for a single stdin input")
        targets = [(s, out / mirrored(s, suffix)) for s in sources]
    seen: dict[Path, str] = {}
    for source, target in targets:
        if problem := format_problem(source, target):
            raise PlanError(problem)
        key = target.resolve()
        if source.path is not None and source.path.resolve() == key:
            raise PlanError(f"-o would overwrite the input {source.name}; use --in-place to rewrite inputs")
        if key in seen:
            raise PlanError(f"{source.name} and {seen[key]} would both be written to {target}")
        seen[key] = source.name
    return list(targets)


def is_page(source: Source) -> bool:
    """Whether a source is an HTML page by its suffix (what ``-o DIR`` renames and ``--in-place`` refuses)."""
    return source.path is not None and source.path.suffix.lower() in HTML_SUFFIXES


def mirrored(source: Source, suffix: str = ".txt") -> Path:
    """The path under ``-o DIR`` for a source: its relative path; a WARC archive renamed to ``.jsonl``,
    an HTML page to ``suffix`` (what is written is its text, not a page)."""
    if source.format == "warc":
        name = source.rel.name
        return source.rel.with_name(name[: name.lower().rindex(".warc")] + ".jsonl")
    if is_page(source):
        return source.rel.with_suffix(suffix)
    return source.rel


def format_problem(source: Source, target: Path | None) -> str | None:
    """Why ``source`` cannot be written to ``target`` (None: it can): formats are converted only to JSONL."""
    if target is None:
        return None
    out = dataset_format(target.name)
    if out == "warc":
        return f"{target}: cannot write WARC; write the cleaned pages to a .jsonl file"
    if out == "parquet" and source.format != "parquet":
        return f"{target}: Parquet output needs a Parquet input ({source.name} is not one)"
    return None
