"""Findings: the ``explain`` and ``check`` views of one cleaned document, derived from its Result.

The formatting functions turn one document's :class:`~cleaner.result.Result` into the ``explain`` and
``check`` views (text, GitHub annotations or JSON) and the summary lines that end them. Spans are turned
into 1-based ``line:col`` positions of the *input* text, which is why they take the input along with the
result (a :class:`~cleaner.pipeline.documents.Located`). They run where the document is cleaned (in a
worker with ``--jobs``), through :mod:`cleaner.pipeline.outputs`.
"""

from __future__ import annotations

import bisect
from collections import Counter
from typing import Any

from cleaner.pipeline.documents import Located
from cleaner.pipeline.messages import plural
from cleaner.result import LEVELS, Level, Removal

__all__ = [
    "LineIndex",
    "explain_lines",
    "explain_summary",
    "check_lines",
    "check_summary",
    "document_json",
    "explain_payload",
    "check_payload",
    "add_check_json",
    "add_check_error",
    "at_or_above",
    "plural",
    "record_id",
    "short_reason",
]

def at_or_above(level: Level, threshold: Level) -> bool:
    """Whether a removal of ``level`` counts under ``--fail-on threshold`` (info < warning < error)."""
    return LEVELS.index(level) >= LEVELS.index(threshold)


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


def _score(score: float) -> str:
    return f"{score:g}"


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
def short_reason(reason: str, width: int = 72) -> str:
    """The gist of a rule's description for a finding line: up to its first ``;`` or sentence
    end, cut to ``width`` (``check -v`` and ``explain`` show the whole description)."""
    cut = len(reason)
    for mark in ("; ", ". "):
        at = reason.find(mark)
        if 0 < at < cut:
            cut = at
    gist = reason[:cut].rstrip(".")
    return gist if len(gist) <= width else gist[: width - 1].rstrip() + "…"


def _message(r: Removal, index: LineIndex, verbose: bool = True) -> str:
    msg = (r.reason if verbose else short_reason(r.reason)) or r.kind
    if r.duplicate_of is not None:
        dl, dc = index.position(r.duplicate_of[0])
        msg += f" (duplicate of {dl}:{dc})"
    return msg


def check_lines(doc: Located, verbose: bool = False) -> list[str]:
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
            where = f"{doc.path}:{doc.line}:{_item(doc)} [text {line}:{col}]"
        out.append(f"{where} {r.level} {r.rule} {_message(r, index, verbose)} [{r.preview(60 if verbose else 40)}]")
    return out


def _item(doc: Located) -> str:
    """`` item 3 (guid) description`` for a feed item's field, else nothing."""
    return f" {doc.feed.label}:" if doc.feed is not None else ""


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
        message = f"{_item(doc).lstrip()}{' ' if doc.feed else ''}{where}{_message(r, index)} [{r.preview(60)}]"
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
        d["end_line"], d["end_column"] = index.position(r.end) if r.element is None else (None, None)
        d["message"] = short_reason(r.reason) or r.kind
        removals.append(d)
    out: dict[str, Any] = {"path": doc.path}
    if doc.line is not None:
        out["line"] = doc.line
        out["record"] = doc.record
        doc_id = record_id(doc.fields)
        if doc_id is not None:
            out["id"] = doc_id
    if doc.feed is not None:
        out["item"] = {"number": doc.feed.index, "id": doc.feed.guid, "link": doc.feed.link, "field": doc.feed.field}
    out.update(doc.result.to_dict(include_text=False))
    out["removals"] = removals
    out["counts"] = doc.result.counts()
    return out


def record_id(fields: dict[str, Any] | None) -> str | int | None:
    """A record's ``id`` field, when it has one that names it (a string or a number)."""
    value = (fields or {}).get("id")
    return value if isinstance(value, (str, int)) and not isinstance(value, bool) else None


# ------------------------------------------------------------------------------------ run payloads
def explain_payload(
    documents: list[dict[str, Any]],
    *,
    docs: int,
    removals: Counter[str],
    chars_in: int,
    chars_out: int,
    errors: int,
    text: str,
) -> dict[str, Any]:
    """The JSON of ``explain --format json``: every explained document's view, then the run's summary."""
    return {
        "documents": documents,
        "summary": {
            "documents": docs,
            "removals": sum(removals.values()),
            "by_kind": dict(removals),
            "input_chars": chars_in,
            "output_chars": chars_out,
            "errors": errors,
            "text": text,
        },
    }


def check_payload(
    files: dict[str, dict[str, Any]],
    *,
    fail_on: Level,
    docs: int,
    docs_found: int,
    levels: Counter[str],
    failing: int,
    errors: int,
    exit_code: int,
    text: str,
) -> dict[str, Any]:
    """The JSON of ``check --format json``: per file its findings (per record for JSONL), then the summary."""
    return {
        "fail_on": fail_on,
        "files": list(files.values()),
        "summary": {
            "documents": docs,
            "documents_with_removals": docs_found,
            "removals": sum(levels.values()),
            "by_level": dict(levels),
            "failing": failing,
            "errors": errors,
            "exit_code": exit_code,
            "text": text,
        },
    }


def add_check_json(files: dict[str, dict[str, Any]], doc: Any) -> None:
    """Add one checked document (a :class:`~cleaner.pipeline.outputs.Checked`) to ``files``: per text
    file one entry; per JSONL file one entry whose ``records`` lists the records with removals."""
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


def add_check_error(files: dict[str, dict[str, Any]], path: str, line: int | None, problem: str) -> None:
    """Add an unreadable input or record to ``files`` (``check --format json``)."""
    entry = files.setdefault(path, {"path": path})
    entry.setdefault("errors", []).append({"line": line, "message": problem})
