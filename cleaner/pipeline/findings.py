"""What the CLI tells the user, and the exit code it ends with — all derived from :class:`Result` objects.

:class:`Report` owns the exit code the way black's ``Report`` does, so every command agrees on it:

* ``0`` — nothing found / everything went fine;
* ``1`` — something was found (``check``), or inline rule tests failed (``rules test``);
* ``2`` — bad input, bad usage or bad rule files (an error always wins over a finding);
* ``3`` — an internal error: an unexpected exception, i.e. a bug in ``cleaner``. It is distinct from
  ``1`` so that CI never reads a crash of ``check`` as "found removals".

The formatting functions turn one document's :class:`Result` into the ``explain`` and ``check`` views
(text or JSON). Spans are turned into 1-based ``line:col`` positions of the *input* text, which is why
they take the input along with the result.
"""

from __future__ import annotations

import bisect
import sys
import traceback
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from cleaner.result import LEVELS, Level, Removal, Result

__all__ = [
    "EXIT_OK",
    "EXIT_FOUND",
    "EXIT_ERROR",
    "EXIT_INTERNAL",
    "Report",
    "Located",
    "LineIndex",
    "explain_lines",
    "explain_summary",
    "check_lines",
    "check_summary",
    "document_json",
    "at_or_above",
    "plural",
]

EXIT_OK = 0
EXIT_FOUND = 1
EXIT_ERROR = 2
EXIT_INTERNAL = 3


def at_or_above(level: Level, threshold: Level) -> bool:
    """Whether a removal of ``level`` counts under ``--fail-on threshold`` (info < warning < error)."""
    return LEVELS.index(level) >= LEVELS.index(threshold)


class Report:
    """Collects what happened during a run and turns it into stderr messages and one exit code.

    Messages are written to ``sys.stderr`` as looked up at call time (so test runners that swap the
    stream see them). ``quiet`` silences warnings and summaries, never errors.
    """

    def __init__(self, *, quiet: bool = False) -> None:
        self.quiet = quiet
        self.errors = 0
        self.findings = 0
        self.test_failures = 0
        self.crashed = False

    # -- messages
    def error(self, message: str) -> None:
        """A bad input or usage: one line, and the run will exit with 2."""
        self.errors += 1
        print(f"cleaner: error: {message}", file=sys.stderr, flush=True)

    def internal_error(self, exc: BaseException) -> None:
        """An unexpected exception (a bug): one line, then the traceback; the run exits with 3."""
        self.crashed = True
        print(f"cleaner: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
        traceback.print_exception(type(exc), exc, exc.__traceback__, file=sys.stderr)
        sys.stderr.flush()

    def warning(self, message: str) -> None:
        if not self.quiet:
            print(f"cleaner: warning: {message}", file=sys.stderr, flush=True)

    def note(self, message: str) -> None:
        """Counts and summaries; stderr so that stdout stays pure output."""
        if not self.quiet:
            print(message, file=sys.stderr, flush=True)

    # -- outcomes
    def found(self, count: int = 1) -> None:
        """Findings that should make ``check`` fail (already filtered by ``--fail-on``)."""
        self.findings += count

    def tests_failed(self, count: int) -> None:
        self.test_failures += count

    @property
    def exit_code(self) -> int:
        if self.crashed:
            return EXIT_INTERNAL
        if self.errors:
            return EXIT_ERROR
        if self.findings or self.test_failures:
            return EXIT_FOUND
        return EXIT_OK


# ------------------------------------------------------------------------------------- positions
class LineIndex:
    """Maps character offsets of a text to 1-based (line, column), in O(log lines) per lookup."""

    def __init__(self, text: str) -> None:
        self._starts = [0]
        pos = text.find("\n")
        while pos >= 0:
            self._starts.append(pos + 1)
            pos = text.find("\n", pos + 1)

    def position(self, offset: int) -> tuple[int, int]:
        i = bisect.bisect_right(self._starts, offset) - 1
        return i + 1, offset - self._starts[i] + 1


@dataclass(frozen=True)
class Located:
    """One cleaned document as reports see it: where it came from, its input and its Result.

    ``line``/``record`` are set for a JSONL record (its line in the file and its 1-based ordinal), and
    so are ``raw`` (the line as read, without its newline) and ``fields`` (the parsed record), which
    ``clean`` needs to write the record back.
    """

    path: str
    text: str
    result: Result
    line: int | None = None
    record: int | None = None
    raw: bytes | None = field(default=None, repr=False)
    fields: dict[str, Any] | None = field(default=None, repr=False)

    @property
    def where(self) -> str:
        """``path`` for a file, ``path:LINE`` for a JSONL record."""
        return self.path if self.line is None else f"{self.path}:{self.line}"

    @property
    def title(self) -> str:
        return self.path if self.line is None else f"{self.path}:{self.line} (record {self.record})"


def _score(score: float) -> str:
    return f"{score:g}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """``1 removal``, ``2 removals`` (``many``: an irregular plural)."""
    return f"{n} {word if n == 1 else (many or word + 's')}"


def _kinds(removals: Counter[str]) -> str:
    parts = [f"{removals['boilerplate']} boilerplate"] if removals["boilerplate"] else []
    if removals["duplicate"]:
        parts.append(plural(removals["duplicate"], "duplicate"))
    return f" ({', '.join(parts)})" if parts else ""


# --------------------------------------------------------------------------------------- explain
def explain_lines(doc: Located) -> list[str]:
    """The ``explain`` view of one document: a header, then every removal with span, rule and preview."""
    result = doc.result
    removals = result.removals
    index = LineIndex(doc.text)
    out = [f"{doc.title}: {plural(len(removals), 'removal')}"]
    out.extend(f"  note: {note}" for note in result.notes)
    for n, r in enumerate(removals, start=1):
        line, col = index.position(r.start)
        where = f"span {r.start}-{r.end} at {line}:{col}" if r.element is None else f"html element {r.element!r}"
        what = f"  [{n}] {r.kind} {r.rule} ({r.level}) {where} score {_score(r.score)}"
        if r.duplicate_of is not None:
            s, e = r.duplicate_of
            dl, dc = index.position(s)
            what += f" duplicate of {s}-{e} at {dl}:{dc}"
        out.append(what)
        if r.reason:
            out.append(f"      why: {r.reason}")
        out.append(f'      text: "{r.preview(72)}"')
    return out


def explain_summary(docs: int, removals: Counter[str], input_chars: int, output_chars: int) -> str:
    """The one-line ending of ``explain``; ``removals`` counts removals per kind."""
    total = sum(removals.values())
    found = plural(total, "removal") if total else "no removals"
    return (
        f"{found}{_kinds(removals)} in {plural(docs, 'document')}; "
        f"{input_chars} -> {output_chars} characters"
    )


# ----------------------------------------------------------------------------------------- check
def _message(r: Removal, index: LineIndex) -> str:
    msg = r.reason or r.kind
    if r.duplicate_of is not None:
        dl, dc = index.position(r.duplicate_of[0])
        msg += f" (duplicate of {dl}:{dc})"
    return msg


def check_lines(doc: Located) -> list[str]:
    """One ``path:line:col: level rule-id message [preview]`` line per removal.

    For a JSONL record the location is ``path:LINE: [text L:C]``: LINE is the record's line in the
    file (what an editor jumps to), ``L:C`` the position inside the record's text field.
    """
    index = LineIndex(doc.text)
    out = []
    for r in doc.result.removals:
        line, col = index.position(r.start)
        if r.element is not None:  # removed from the page before its text existed: no text position
            where = f"{doc.path}:" if doc.line is None else f"{doc.path}:{doc.line}:"
            where += f" [html element {r.element!r}]"
        elif doc.line is None:
            where = f"{doc.path}:{line}:{col}:"
        else:
            where = f"{doc.path}:{doc.line}: [text {line}:{col}]"
        out.append(f"{where} {r.level} {r.rule} {_message(r, index)} [{r.preview(60)}]")
    return out


_GITHUB_LEVEL = {"error": "error", "warning": "warning", "info": "notice"}


def _gh_escape(value: str, *, prop: bool = False) -> str:
    """Escape for a GitHub workflow command (data, or a property value when ``prop``)."""
    value = value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return value.replace(":", "%3A").replace(",", "%2C") if prop else value


def github_lines(doc: Located) -> list[str]:
    """One GitHub Actions annotation per removal (``::warning file=…,line=…,col=…,title=…::…``).

    For a JSONL record the line is the record's line in the file; the position inside the text goes
    into the message. An HTML page's positions are in its extracted text, not in the file, so they go
    into the message too (a file-level annotation), and an element removed by a selector rule has none.
    """
    index = LineIndex(doc.text)
    page = doc.result.source is not None
    out = []
    for r in doc.result.removals:
        line, col = index.position(r.start)
        props = f"file={_gh_escape(doc.path, prop=True)},"
        if doc.line is not None:
            props += f"line={doc.line},"
        if r.element is not None:
            where = f"[html element {r.element!r}] "
        elif doc.line is None and not page:
            props += f"line={line},col={col},"
            where = ""
        else:
            where = f"[text {line}:{col}] "
        props += f"title={_gh_escape(r.rule, prop=True)}"
        message = f"{where}{_message(r, index)} [{r.preview(60)}]"
        out.append(f"::{_GITHUB_LEVEL[r.level]} {props}::{_gh_escape(message)}")
    return out


def check_summary(docs: int, docs_found: int, levels: Counter[str], failing: int, fail_on: Level) -> str:
    """The last line of ``check``: how much was found, and whether it fails under ``--fail-on``."""
    total = sum(levels.values())
    if not total:
        return f"No removals found in {plural(docs, 'document')}."
    by_level = ", ".join(f"{levels[lv]} {lv}" for lv in reversed(LEVELS) if levels[lv])
    verdict = (
        f"{failing} at or above --fail-on {fail_on}" if failing else f"none at or above --fail-on {fail_on}"
    )
    return (
        f"Found {plural(total, 'removal')} ({by_level}) in {docs_found} of {plural(docs, 'document')}; "
        f"{verdict}."
    )


def document_json(doc: Located) -> dict[str, Any]:
    """A machine-readable view of one document, from ``Result.to_dict`` plus line/column positions."""
    index = LineIndex(doc.text)
    removals = []
    for r in doc.result.removals:
        d = r.to_dict()
        d["line"], d["column"] = index.position(r.start) if r.element is None else (None, None)
        removals.append(d)
    out: dict[str, Any] = {"path": doc.path}
    if doc.line is not None:
        out["line"] = doc.line
        out["record"] = doc.record
    out.update(doc.result.to_dict(include_text=False))
    out["removals"] = removals
    out["counts"] = doc.result.counts()
    return out
