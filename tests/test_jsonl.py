"""JSONL datasets: record-by-record cleaning, ``--on-error`` policies, atomic output, explain/check.

The dataset below has a blank line (so line numbers and record numbers differ) and three bad lines —
invalid JSON on line 4, a missing text field on line 6, a JSON list on line 7 — between good records
whose other fields (ids, nested objects, nulls, non-ASCII) must come through untouched and in order.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.io.reading import Source, iter_jsonl
from cleaner.io.records import RecordFields

DATA = Path(__file__).parent / "data"
OWN = ["--rules", str(DATA / "rules"), "--no-default-rules"]
FIELDS = ["--url-field", "url", "--lang-field", "lang"]
KREMLIN = (DATA / "cases" / "gate-fr-kremlin.txt").read_text(encoding="utf-8")
KREMLIN_CLEAN = (DATA / "cases" / "gate-fr-kremlin.clean.txt").read_text(encoding="utf-8")

GOOD = [
    {"id": 1, "text": "First story body.\nShare", "url": "https://www.example.com/1", "meta": {"tags": ["a", "b"]}},
    {"id": 2, "text": KREMLIN, "lang": "fr", "note": None},
    {"id": 3, "text": "Body text.\nMore stories from Example News", "url": "https://www.example.com/3"},
    {"id": 4, "text": "Body text.\nMore stories from Example News", "url": "https://other.org/4"},
    {"id": 5, "text": "Zürich — nothing to remove.", "url": None},
]
BAD_JSON = '{"id": 99, "text": "oops'
NO_TEXT = '{"id": 98, "body": "no text field"}'
A_LIST = "[1, 2, 3]"
LINES = [
    json.dumps(GOOD[0], ensure_ascii=False),  # line 1
    json.dumps(GOOD[1], ensure_ascii=False),  # line 2
    "",  # line 3: blank, not a record
    BAD_JSON,  # line 4
    json.dumps(GOOD[2], ensure_ascii=False),  # line 5
    NO_TEXT,  # line 6
    A_LIST,  # line 7
    json.dumps(GOOD[3], ensure_ascii=False),  # line 8
    json.dumps(GOOD[4], ensure_ascii=False),  # line 9
]
EXPECTED_TEXT = {
    1: "First story body.",
    2: KREMLIN_CLEAN.rstrip("\n"),
    3: "Body text.",
    4: "Body text.\nMore stories from Example News",  # nothing removed: the text as it was
    5: "Zürich — nothing to remove.",
}

runner = CliRunner()


def run(*args: str | Path, input: str | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input, prog_name="cleaner", catch_exceptions=False)


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    path = tmp_path / "data.jsonl"
    path.write_text("\n".join(LINES) + "\n", encoding="utf-8")
    return path


def _cleaned(record: dict) -> dict:
    return {**record, "text": EXPECTED_TEXT[record["id"]]}


def _read(path: Path) -> list[str]:
    return path.read_text(encoding="utf-8").splitlines()


def test_fail_policy_stops_with_line_number_and_writes_nothing(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = run("clean", dataset, "-o", out, *OWN)
    assert res.exit_code == 2
    assert res.stderr == (
        f"cleaner: error: {dataset}:4: invalid JSON: Unterminated string starting at (column 20) "
        f"(nothing written to {out})\n"
    )
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.jsonl"]  # no temp file left behind


def test_fail_policy_keeps_an_existing_output(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    out.write_text("previous run\n", encoding="utf-8")
    res = run("clean", dataset, "-o", out, "--on-error", "fail", *OWN)
    assert res.exit_code == 2
    assert out.read_text(encoding="utf-8") == "previous run\n"


def test_fail_policy_in_place_leaves_the_input(dataset: Path) -> None:
    before = dataset.read_bytes()
    res = run("clean", dataset, "--in-place", *OWN)
    assert res.exit_code == 2
    assert dataset.read_bytes() == before


def test_skip_policy_drops_bad_lines_and_keeps_order_and_fields(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = run("clean", dataset, "-o", out, "--on-error", "skip", *FIELDS, *OWN)
    assert res.exit_code == 0, res.stderr
    assert [json.loads(line) for line in _read(out)] == [_cleaned(r) for r in GOOD]
    assert res.stderr.splitlines() == [
        f"cleaner: warning: {dataset}:4: invalid JSON: Unterminated string starting at (column 20) (record skipped)",
        f"cleaner: warning: {dataset}:6: no 'text' field (record skipped)",
        f"cleaner: warning: {dataset}:7: not a JSON object (got a list) (record skipped)",
        f"{dataset}: 8 records, 5 cleaned (3 changed, 5 removals), 3 errors (skipped)",
    ]


def test_keep_policy_copies_bad_lines_through(dataset: Path, tmp_path: Path) -> None:
    out = tmp_path / "out.jsonl"
    res = run("clean", dataset, "-o", out, "--on-error", "keep", *FIELDS, *OWN)
    assert res.exit_code == 0, res.stderr
    lines = _read(out)
    assert len(lines) == 8  # 5 good records + 3 bad lines kept; the blank line is not a record
    assert [lines[2], lines[4], lines[5]] == [BAD_JSON, NO_TEXT, A_LIST]  # byte for byte, where they were
    good = [json.loads(line) for i, line in enumerate(lines) if i not in (2, 4, 5)]
    assert good == [_cleaned(r) for r in GOOD]
    assert f"{dataset}:6: no 'text' field (line kept unchanged)" in res.stderr


def test_quiet_silences_warnings_and_counts(dataset: Path, tmp_path: Path) -> None:
    res = run("clean", dataset, "-o", tmp_path / "o.jsonl", "--on-error", "skip", "-q", *OWN)
    assert res.exit_code == 0
    assert res.stderr == ""


def test_output_to_stdout_and_output_field(dataset: Path) -> None:
    res = run("clean", dataset, "--on-error", "skip", "--output-field", "clean_text", *FIELDS, *OWN)
    assert res.exit_code == 0, res.stderr
    records = [json.loads(line) for line in res.stdout.splitlines()]
    assert records == [{**r, "clean_text": EXPECTED_TEXT[r["id"]]} for r in GOOD]
    assert list(records[0]) == ["id", "text", "url", "meta", "clean_text"]  # key order kept


def test_url_field_scopes_rules_per_record(dataset: Path) -> None:
    res = run("clean", dataset, "--on-error", "skip", "--url-field", "url", *OWN)
    by_id = {r["id"]: r["text"] for r in map(json.loads, res.stdout.splitlines())}
    assert by_id[3] == "Body text."  # example.com: the footer rule applies
    assert by_id[4] == "Body text.\nMore stories from Example News"  # other.org: it does not (untouched)
    res = run("clean", dataset, "--on-error", "skip", *OWN)  # no --url-field: the records' 'url' is read
    by_id = {r["id"]: r["text"] for r in map(json.loads, res.stdout.splitlines())}
    assert by_id[3] == "Body text."
    assert by_id[4] == "Body text.\nMore stories from Example News"
    res = run("clean", dataset, "--on-error", "skip", "--url", "https://example.com/", *OWN)  # the default URL
    by_id = {r["id"]: r["text"] for r in map(json.loads, res.stdout.splitlines())}
    assert by_id[3] == "Body text."
    assert by_id[4] == "Body text.\nMore stories from Example News"  # its own URL (other.org) wins over --url


def test_text_field_option(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text(json.dumps({"body": "Story.\nShare", "text": "left alone\nShare"}) + "\n", encoding="utf-8")
    res = run("clean", path, "--text-field", "body", *OWN)
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout) == {"body": "Story.", "text": "left alone\nShare"}


def test_non_string_text_field_is_a_bad_line(tmp_path: Path) -> None:
    path = tmp_path / "n.jsonl"
    path.write_text('{"text": "ok"}\n{"text": 42}\n', encoding="utf-8")
    res = run("clean", path, *OWN)
    assert res.exit_code == 2
    assert res.stderr == f"cleaner: error: {path}:2: field 'text' is a number, not a string\n"


def test_in_place_with_backup(dataset: Path) -> None:
    before = dataset.read_bytes()
    res = run("clean", dataset, "--in-place", "--backup", ".bak", "--on-error", "skip", *FIELDS, *OWN)
    assert res.exit_code == 0, res.stderr
    assert [json.loads(line) for line in _read(dataset)] == [_cleaned(r) for r in GOOD]
    assert (dataset.parent / "data.jsonl.bak").read_bytes() == before


def test_stdin_with_jsonl_flag() -> None:
    res = run("clean", "-", "--jsonl", *OWN, input=json.dumps({"text": "Body.\nShare", "k": 1}) + "\n")
    assert res.exit_code == 0, res.stderr
    assert json.loads(res.stdout) == {"text": "Body.", "k": 1}
    assert res.stderr == "<stdin>: 1 record, 1 cleaned (1 changed, 1 removal), 0 errors\n"


def test_diff_shows_record_changes(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text(json.dumps({"text": "Body.\nShare"}) + "\n", encoding="utf-8")
    res = run("clean", path, "--diff", *OWN)
    assert res.exit_code == 0, res.stderr
    assert res.stdout == f"--- a/{path}:1\n+++ b/{path}:1\n@@ -1,2 +1 @@\n Body.\n-Share\n"


def test_explain_per_record(dataset: Path) -> None:
    res = run("explain", dataset, *FIELDS, *OWN)
    assert res.exit_code == 2  # the bad lines are reported as errors
    out = res.stdout.splitlines()
    assert out[0] == f"{dataset}:1 (record 1): 1 removal"
    assert out[1] == "  [1] boilerplate test.share-bar (info) span 18-23 at 2:1 score 100"
    assert f"{dataset}:2 (record 2): 3 removals" in out
    chars_in = sum(len(r["text"]) for r in GOOD)
    chars_out = sum(len(t) for t in EXPECTED_TEXT.values())
    assert out[-1] == f"5 removals (3 boilerplate, 2 duplicates) in 5 documents; {chars_in} -> {chars_out} characters"
    assert f"cleaner: error: {dataset}:4: invalid JSON" in res.stderr


def test_check_per_record_with_line_numbers(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(
        json.dumps({"text": "Nothing here."}) + "\n\n" + json.dumps({"text": "Body.\nShare"}) + "\n", encoding="utf-8"
    )
    res = run("check", path, *OWN)
    assert res.exit_code == 1
    assert res.stdout.splitlines() == [
        f"{path}:3: [text 2:1] info test.share-bar A share-bar line on its own [Share]",
        "Found 1 removal (1 info) in 1 of 2 documents; 1 at or above --fail-on info.",
    ]
    res = run("check", path, *OWN, "--format", "json")
    (entry,) = json.loads(res.stdout)["files"]
    assert entry["documents"] == 2
    assert [(r["line"], r["record"]) for r in entry["records"]] == [(3, 2)]
    assert entry["records"][0]["removals"][0]["rule"] == "test.share-bar"


def test_check_bad_line_exits_2(dataset: Path) -> None:
    res = run("check", dataset, *OWN, "--format", "json")
    assert res.exit_code == 2
    (entry,) = json.loads(res.stdout)["files"]
    assert entry["errors"] == [
        {"line": 4, "message": "invalid JSON: Unterminated string starting at (column 20)"},
        {"line": 6, "message": "no 'text' field"},
        {"line": 7, "message": "not a JSON object (got a list)"},
    ]


def test_iter_jsonl_is_lazy_and_numbers_lines(dataset: Path) -> None:
    items = iter_jsonl(Source(str(dataset), dataset, Path(dataset.name)), RecordFields(url="url", lang="lang"))
    first = next(items)  # a generator: one record at a time, not the whole file
    assert (first.line, first.url, first.problem) == (1, "https://www.example.com/1", None)
    rest = list(items)
    assert [i.line for i in rest] == [2, 4, 5, 6, 7, 8, 9]
    assert rest[0].lang == "fr"
    assert [i.line for i in rest if i.problem] == [4, 6, 7]


# ------------------------------------------------- records json accepts but the output cannot carry
@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"text": "Hello \\ud800 world."}', "field 'text' holds a lone surrogate \\ud800 at character 7, not text"),
        ('{"text": "Body.", "n": 1e400}', "invalid JSON: number 1e400 is out of range"),
        ('{"text": "Body.", "k": 1, "k": 2}', "invalid JSON: key 'k' given twice"),
        ('{"text": "Body.", "url": "http://[::1"}', "field 'url': not a URL (Invalid IPv6 URL)"),
    ],
)
def test_lines_that_would_crash_or_corrupt_are_bad_lines(tmp_path: Path, line: str, problem: str) -> None:
    """A lone surrogate crashed the core (traceback, exit 1); 1e400 came back as Infinity (not JSON);
    a repeated key lost its first value; a malformed URL crashed the rule scoping."""
    path = tmp_path / "d.jsonl"
    path.write_text(line + "\n", encoding="utf-8")
    res = run("clean", path, "-o", tmp_path / "o.jsonl", *FIELDS, *OWN)
    assert res.exit_code == 2
    assert res.stderr == f"cleaner: error: {path}:1: {problem} (nothing written to {tmp_path / 'o.jsonl'})\n"
    res = run("clean", path, "-o", tmp_path / "o.jsonl", "--on-error", "keep", *FIELDS, *OWN)
    assert res.exit_code == 0, res.stderr
    assert (tmp_path / "o.jsonl").read_text(encoding="utf-8") == line + "\n"  # kept byte for byte
    res = run("check", path, *FIELDS, *OWN)
    assert res.exit_code == 2 and f"{path}:1: {problem}" in res.stderr


def test_lone_surrogate_in_another_field_is_written_escaped(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "Body.\\nShare", "other": "x\\udc00y", "name": "Zürich"}\n', encoding="utf-8")
    res = run("clean", path, *OWN)
    assert res.exit_code == 0, res.stderr
    assert res.stdout.isascii()
    assert json.loads(res.stdout) == {"text": "Body.", "other": "x\udc00y", "name": "Zürich"}


def test_unchanged_records_keep_their_exact_bytes(tmp_path: Path) -> None:
    """Re-serialising an untouched record changed its number spelling, escapes and spacing."""
    same = '{"text":"Nothing to remove.",  "n": 1E2, "f": 1.50, "s": "caf\\u00e9"}'
    changed = '{"text": "Body.\\nShare", "f": 1.50}'
    path = tmp_path / "d.jsonl"
    path.write_bytes(f"{same}\r\n{changed}".encode())
    res = run("clean", path, *OWN)
    assert res.exit_code == 0, res.stderr
    assert res.stdout.splitlines() == [same, '{"text": "Body.", "f": 1.5}']


def test_in_place_leaves_an_unchanged_dataset_alone(tmp_path: Path) -> None:
    path = tmp_path / "d.jsonl"
    path.write_text('{"text": "Nothing to remove.", "n": 1E2}\n', encoding="utf-8")
    os.utime(path, (1_000_000, 1_000_000))
    res = run("clean", path, "--in-place", "--backup", ".bak", *OWN)
    assert res.exit_code == 0, res.stderr
    assert path.stat().st_mtime == 1_000_000
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.jsonl"]  # no backup, no temp file


def test_closed_stdout_ends_quietly(tmp_path: Path) -> None:
    """`cleaner clean big.jsonl | head -1` printed "cleaner: error: None: cannot write: Broken pipe"."""
    path = tmp_path / "big.jsonl"
    path.write_text((json.dumps({"text": "Body text.\nShare " * 50}) + "\n") * 3000, encoding="utf-8")
    code = "import sys; from cleaner.cli import main; sys.argv[0] = 'cleaner'; main()"
    proc = subprocess.Popen(
        [sys.executable, "-c", code, "clean", str(path), *OWN], stdout=subprocess.PIPE, stderr=subprocess.PIPE
    )
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(timeout=120)
    assert b"cannot write" not in err and b"Traceback" not in err


def test_documents_carry_the_raw_lines_clean_writes_back(dataset: Path) -> None:
    """clean, explain and check share documents.iter_documents; clean needs each line as read."""
    from cleaner.pipeline.documents import Settings, Unreadable
    from cleaner.pipeline.runner import iter_documents
    from cleaner.result import Options
    from cleaner.rules import load_rules

    settings = Settings(load_rules([DATA / "rules"], defaults=False), Options())
    source = Source(str(dataset), dataset, Path(dataset.name))
    docs = list(iter_documents([source], settings, RecordFields()))
    assert [d.line for d in docs] == [1, 2, 4, 5, 6, 7, 8, 9]
    assert [d.raw for d in docs] == [line.encode() for line in LINES if line]
    bad = [d for d in docs if isinstance(d, Unreadable)]
    assert [d.line for d in bad] == [4, 6, 7]
    assert docs[0].fields == GOOD[0]
