"""The CI report formats of ``check``: SARIF 2.1.0, JUnit XML and JSON lines.

All three are built from the same per-document views as ``check --format json``
(:func:`~cleaner.pipeline.findings.document_json`, gathered per file by
:func:`~cleaner.pipeline.findings.add_check_json`), so every format lists the same findings: one
SARIF result, one JUnit ``<failure>``, one JSON line per removal.

Locations: a text file's finding points at its line and column (and the end of the removed span); a
dataset record's at the record's line in the file, with the position inside the record's text in the
message; an HTML page's positions are in its extracted text, not in the file, so they go into the
message only (a file-level location), as for an element a selector rule removed.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any
from xml.etree import ElementTree as ET

__all__ = ["SARIF_SCHEMA", "DEDUP_RULES", "findings", "json_lines", "junit_xml", "sarif_log"]

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
INFO_URI = "https://pypi.org/project/feed-cleaner/"

# duplicate removals are not rules of a pack: what each dedup.<how> id means
DEDUP_RULES = {
    "dedup.exact": "A block that is an exact copy of an earlier block (whitespace, case, quotes and dashes folded).",
    "dedup.near": "A block that is a near-copy of an earlier block (similarity at or above --near-threshold).",
    "dedup.repeat": "Text repeated inside one block: a block glued to a copy of itself, or a teaser glued to its "
    "fuller version.",
    "dedup.teaser": "A teaser cut with an ellipsis, replaced by its fuller version at the teaser's position.",
    "dedup.contained": "A block whose sentences all stood earlier in the document (a flattened copy).",
    "dedup.sentence": "A standalone sentence that repeats a sentence of an earlier paragraph.",
    "dedup.truncated-copy": "A second copy of the article cut off mid-paragraph.",
    "duplicate-record": "A record (feed item, dataset record, file) that copies an earlier record of the run: the "
    "same clean text, guid/id or link, or a near copy (--duplicate-threshold).",
}
_SARIF_LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def findings(files: Iterable[dict[str, Any]]) -> Iterator[tuple[dict[str, Any], dict[str, Any], dict[str, Any]]]:
    """Every finding as ``(file entry, document view, removal)``: a text file is its own document; a
    dataset file's documents are its ``records``."""
    for entry in files:
        docs = entry.get("records") if "records" in entry else [entry]
        for doc in docs or []:
            for removal in doc.get("removals", []):
                yield entry, doc, removal


def _where_in_text(doc: dict[str, Any], removal: dict[str, Any], in_file: bool) -> str:
    if removal.get("element"):
        return f"[html element {removal['element']!r}] "
    if in_file:
        return ""
    return f"[text {removal['line']}:{removal['column']}] "


def _in_file(doc: dict[str, Any], removal: dict[str, Any]) -> bool:
    """Whether the removal's line:column are positions in the file itself (a text file, not a page)."""
    return "line" not in doc and "page" not in doc and removal.get("line") is not None


def _preview(text: str, width: int = 60) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def _message(doc: dict[str, Any], removal: dict[str, Any]) -> str:
    where = _where_in_text(doc, removal, _in_file(doc, removal))
    return f"{where}{removal['message']}: \"{_preview(removal['text'])}\""


# ------------------------------------------------------------------------------------------ SARIF
def _rule_descriptor(rule_id: str, rules: dict[str, tuple[str, str]]) -> dict[str, Any]:
    description, level = rules.get(rule_id, (DEDUP_RULES.get(rule_id, rule_id), "warning"))
    short = description.split("; ")[0].split(" (")[0].rstrip(".")
    return {
        "id": rule_id,
        "name": rule_id,
        "shortDescription": {"text": short or rule_id},
        "fullDescription": {"text": description or rule_id},
        "defaultConfiguration": {"level": _SARIF_LEVEL.get(level, "warning")},
        "properties": {"kind": "duplicate" if rule_id.startswith("dedup.") else "boilerplate"},
    }


def sarif_log(
    files: Iterable[dict[str, Any]], rules: dict[str, tuple[str, str]], *, version: str, exit_code: int
) -> dict[str, Any]:
    """A SARIF 2.1.0 log of one run: ``rules`` maps a rule id to (description, level) for the driver's
    rule list (only rules with findings are listed; dedup.* are described by :data:`DEDUP_RULES`)."""
    files = list(files)
    ids: dict[str, int] = {}
    results = []
    for entry, doc, removal in findings(files):
        rule_id = removal["rule"]
        index = ids.setdefault(rule_id, len(ids))
        region: dict[str, Any] | None = None
        if "line" in doc:  # a dataset record: its line in the file
            region = {"startLine": doc["line"]}
        elif _in_file(doc, removal):
            region = {
                "startLine": removal["line"],
                "startColumn": removal["column"],
                "endLine": removal["end_line"],
                "endColumn": removal["end_column"],
            }
        physical: dict[str, Any] = {"artifactLocation": {"uri": _uri(entry["path"])}}
        if region is not None:
            physical["region"] = region
        result: dict[str, Any] = {
            "ruleId": rule_id,
            "ruleIndex": index,
            "level": _SARIF_LEVEL[removal["level"]],
            "kind": "fail",
            "message": {"text": _message(doc, removal)},
            "locations": [{"physicalLocation": physical}],
            "properties": {
                "kind": removal["kind"],
                "score": removal["score"],
                "span": [removal["start"], removal["end"]],
            },
        }
        if "record" in doc:
            result["properties"]["record"] = doc["record"]
            if "id" in doc:
                result["properties"]["id"] = doc["id"]
        results.append(result)
    for entry in files:  # duplicate records (cleaner.pipeline.records_dedup): one finding on the later copy
        for dup in entry.get("duplicate_records", []):
            index = ids.setdefault("duplicate-record", len(ids))
            physical = {"artifactLocation": {"uri": _uri(entry["path"])}}
            if dup.get("line"):
                physical["region"] = {"startLine": dup["line"]}
            first = dup["duplicate_of"]
            results.append(
                {
                    "ruleId": "duplicate-record",
                    "ruleIndex": index,
                    "level": _SARIF_LEVEL[dup["level"]],
                    "kind": "fail",
                    "message": {"text": f"{dup['reason']} (copy of {first['path']}:{first.get('line') or ''})"},
                    "locations": [{"physicalLocation": physical}],
                    "properties": {"kind": "duplicate-record", "similarity": dup["similarity"], "duplicate_of": first},
                }
            )
    errors = [
        {
            "level": "error",
            "message": {"text": e["message"]},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": _uri(entry["path"])},
                        **({"region": {"startLine": e["line"]}} if e.get("line") else {}),
                    }
                }
            ],
        }
        for entry in files
        for e in entry.get("errors", [])
    ]
    invocation: dict[str, Any] = {"executionSuccessful": exit_code in (0, 1), "exitCode": exit_code}
    if errors:
        invocation["toolExecutionNotifications"] = errors
    return {
        "$schema": SARIF_SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "feed-cleaner",
                        "version": version,
                        "informationUri": INFO_URI,
                        "rules": [_rule_descriptor(rule_id, rules) for rule_id in ids],
                    }
                },
                "invocations": [invocation],
                "results": results,
                "columnKind": "unicodeCodePoints",
            }
        ],
    }


def _uri(path: str) -> str:
    """A path as a URI reference: relative ones as ``/``-separated references (spaces and ``%``
    escaped), absolute ones as ``file://`` URIs."""
    from pathlib import Path
    from urllib.parse import quote

    if Path(path).is_absolute():
        return Path(path).as_uri()
    return quote(path.replace("\\", "/"), safe="/._-~")


# ------------------------------------------------------------------------------------------ JUnit
def _duplicate_failure(case: ET.Element, path: str, dup: dict[str, Any]) -> int:
    """A ``duplicate-record`` failure on a record's testcase (it copies an earlier record)."""
    first = dup["duplicate_of"]
    failure = ET.SubElement(case, "failure", message=f"duplicate-record: {dup['reason']}", type="duplicate-record")
    failure.text = f"{path}:{dup.get('line') or ''}: warning copy of {first['path']}:{first.get('line') or ''}"
    return 1


def junit_xml(files: Iterable[dict[str, Any]]) -> str:
    """JUnit XML: a ``<testsuite>`` per input file, a ``<testcase>`` per document (a file, or a dataset
    record), a ``<failure>`` per finding and an ``<error>`` per unreadable input or record."""
    root = ET.Element("testsuites", name="cleaner check")
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for entry in files:
        suite = ET.SubElement(root, "testsuite", name=entry["path"])
        counts = {"tests": 0, "failures": 0, "errors": 0}
        docs = entry.get("records", []) if "records" in entry else ([entry] if "removals" in entry else [])
        copies: dict[int | None, list[dict[str, Any]]] = {}
        for dup in entry.get("duplicate_records", []):
            copies.setdefault(dup.get("line") if "records" in entry else None, []).append(dup)
        for doc in docs:
            name = entry["path"] if "line" not in doc else f"{entry['path']}:{doc['line']}"
            if "id" in doc:
                name += f" (id {doc['id']})"
            case = ET.SubElement(suite, "testcase", classname=entry["path"], name=name)
            counts["tests"] += 1
            for removal in doc.get("removals", []):
                line = doc.get("line") or removal.get("line")
                failure = ET.SubElement(
                    case, "failure", message=f"{removal['rule']}: {removal['message']}", type=removal["rule"]
                )
                failure.text = f"{entry['path']}:{line or ''}: {removal['level']} {_message(doc, removal)}"
                counts["failures"] += 1
            for dup in copies.pop(doc.get("line"), []):
                counts["failures"] += _duplicate_failure(case, entry["path"], dup)
        for dups in copies.values():  # a duplicate record without a testcase of its own (none expected)
            for dup in dups:
                name = entry["path"] if not dup.get("line") else f"{entry['path']}:{dup['line']}"
                case = ET.SubElement(suite, "testcase", classname=entry["path"], name=name)
                counts["tests"] += 1
                counts["failures"] += _duplicate_failure(case, entry["path"], dup)
        for e in entry.get("errors", []):
            name = entry["path"] if not e.get("line") else f"{entry['path']}:{e['line']}"
            case = ET.SubElement(suite, "testcase", classname=entry["path"], name=name)
            ET.SubElement(case, "error", message=e["message"], type="unreadable").text = f"{name}: {e['message']}"
            counts["tests"] += 1
            counts["errors"] += 1
        for key, n in counts.items():
            suite.set(key, str(n))
            totals[key] += n
    for key, n in totals.items():
        root.set(key, str(n))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode")


# ------------------------------------------------------------------------------------- JSON lines
def json_lines(doc_view: dict[str, Any]) -> list[str]:
    """One JSON object per finding of one document: path, record line/id, rule, level, position, message."""
    out = []
    for removal in doc_view.get("removals", []):
        item: dict[str, Any] = {"path": doc_view["path"]}
        for key in ("line", "record", "id"):
            if key in doc_view:
                item["record_line" if key == "line" else key] = doc_view[key]
        item.update(
            rule=removal["rule"],
            kind=removal["kind"],
            level=removal["level"],
            line=removal["line"],
            column=removal["column"],
            start=removal["start"],
            end=removal["end"],
            score=removal["score"],
            message=removal["message"],
            text=removal["text"],
        )
        if removal.get("duplicate_of"):
            item["duplicate_of"] = removal["duplicate_of"]
        out.append(json.dumps(item, ensure_ascii=False))
    return out
