"""The ``cleaner`` CLI end to end (through typer's CliRunner), on the real cases in tests/data/cases.

Most tests use the small pack tests/data/rules/test-pack.yaml with ``--no-default-rules`` so their
expected outputs do not move when the bundled packs change; the seed case gate-fr-kremlin is also
checked with the bundled packs, which must clean it to its label.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from cleaner import __version__
from cleaner.cli import app
from cleaner.io.reading import InputError, decode

DATA = Path(__file__).parent / "data"
CASES = DATA / "cases"
PACK = DATA / "rules"
KREMLIN = CASES / "gate-fr-kremlin.txt"
KREMLIN_CLEAN = (CASES / "gate-fr-kremlin.clean.txt").read_text(encoding="utf-8")
OWN = ["--rules", str(PACK), "--no-default-rules"]

runner = CliRunner()


def run(*args: str | Path, input: str | bytes | None = None):
    """Invoke the CLI like a user would; ``catch_exceptions=False`` so a traceback fails the test."""
    return runner.invoke(app, [str(a) for a in args], input=input, prog_name="cleaner", catch_exceptions=False)


# ------------------------------------------------------------------------------------ basics
def test_version() -> None:
    res = run("--version")
    assert res.exit_code == 0
    assert res.stdout == f"cleaner {__version__}\n"


@pytest.mark.parametrize("command", [[], ["clean"], ["explain"], ["check"], ["rules"], ["rules", "validate"],
                                     ["rules", "test"], ["rules", "list"]])
def test_every_help_has_examples(command: list[str]) -> None:
    res = run(*command, "--help")
    assert res.exit_code == 0
    assert "Examples:" in res.stdout


def test_main_help_documents_exit_codes() -> None:
    out = run("--help").stdout
    assert "Exit codes:" in out
    for line in ("0  success", "1  check found removals", "2  bad input, bad usage or invalid rule files"):
        assert line in out


def test_all_cases_were_copied() -> None:
    names = sorted(p.name[: -len(".clean.txt")] for p in CASES.glob("*.clean.txt"))
    assert len(names) == 15
    for name in names:
        assert (CASES / f"{name}.txt").is_file() and (CASES / f"{name}.yaml").is_file()


# -------------------------------------------------------------------------------------- clean
def test_clean_seed_case_with_bundled_rules() -> None:
    res = run("clean", KREMLIN)
    assert res.exit_code == 0, res.stderr
    assert res.stdout == KREMLIN_CLEAN
    assert res.stderr == ""  # one input to stdout: no counts to get in the way


def test_clean_seed_case_with_own_pack_only() -> None:
    res = run("clean", KREMLIN, *OWN)
    assert res.exit_code == 0, res.stderr
    assert res.stdout == KREMLIN_CLEAN


def test_clean_without_dedup_keeps_the_second_copy() -> None:
    res = run("clean", KREMLIN, *OWN, "--no-dedup")
    paragraphs = res.stdout.rstrip("\n").split("\n\n")
    assert len(paragraphs) == 4  # title, body, title again, body again; only the disclaimer went
    assert paragraphs[0] == paragraphs[2] and paragraphs[1] == paragraphs[3]


def test_clean_stdin_with_and_without_dash() -> None:
    text = "Body text here.\nShare\nSecond paragraph.\n"
    for args in (["clean"], ["clean", "-"]):
        res = run(*args, *OWN, input=text)
        assert res.exit_code == 0, res.stderr
        assert res.stdout == "Body text here.\n\nSecond paragraph.\n"


def test_clean_url_scopes_rules() -> None:
    text = "Body text.\nMore stories from Example News\n"
    assert run("clean", *OWN, "--url", "https://www.example.com/a", input=text).stdout == "Body text.\n"
    assert run("clean", *OWN, input=text).stdout == text  # nothing removed: written back as it was


def test_clean_everything_removed_gives_empty_output() -> None:
    res = run("clean", *OWN, input="Share\n")
    assert res.exit_code == 0
    assert res.stdout == ""


def test_clean_to_output_file(tmp_path: Path) -> None:
    out = tmp_path / "k.txt"
    res = run("clean", KREMLIN, *OWN, "-o", out)
    assert res.exit_code == 0, res.stderr
    assert res.stdout == ""
    assert out.read_text(encoding="utf-8") == KREMLIN_CLEAN
    assert "1 file cleaned: 1 changed, 3 removals, 1 written" in res.stderr


def test_clean_folder_mirrors_into_output_dir(tmp_path: Path) -> None:
    src = tmp_path / "in"
    (src / "sub").mkdir(parents=True)
    shutil.copy(KREMLIN, src / "kremlin.txt")
    (src / "sub" / "note.md").write_text("A note.\nShare\n", encoding="utf-8")
    (src / ".hidden.txt").write_text("Share\n", encoding="utf-8")
    (src / "data.json").write_text('{"text": "x"}\n', encoding="utf-8")  # a JSON document is not prose
    (src / "image.png").write_bytes(b"\x89PNG")
    res = run("clean", src, "-o", tmp_path / "out", *OWN)
    assert res.exit_code == 0, res.stderr
    written = sorted(str(p.relative_to(tmp_path / "out")) for p in (tmp_path / "out").rglob("*") if p.is_file())
    assert written == ["kremlin.txt", "sub/note.md"]
    assert (tmp_path / "out" / "kremlin.txt").read_text(encoding="utf-8") == KREMLIN_CLEAN
    assert (tmp_path / "out" / "sub" / "note.md").read_text(encoding="utf-8") == "A note.\n"
    assert "2 files cleaned: 2 changed, 4 removals, 2 written" in res.stderr


def test_clean_one_input_into_a_new_folder(tmp_path: Path) -> None:
    res = run("clean", KREMLIN, "-o", f"{tmp_path / 'new'}/", *OWN)  # trailing slash: a folder
    assert res.exit_code == 0, res.stderr
    assert (tmp_path / "new" / "gate-fr-kremlin.txt").read_text(encoding="utf-8") == KREMLIN_CLEAN


def test_clean_several_inputs_need_a_destination(tmp_path: Path) -> None:
    res = run("clean", KREMLIN, CASES / "001.txt", *OWN)
    assert res.exit_code == 2
    assert res.stdout == ""
    assert res.stderr == "cleaner: error: 2 inputs: give -o DIR to write them into a folder, or --in-place\n"


def test_clean_refuses_to_overwrite_an_input(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("Body.\nShare\n", encoding="utf-8")
    res = run("clean", page, "-o", page, *OWN)
    assert res.exit_code == 2
    assert "use --in-place" in res.stderr
    assert page.read_text(encoding="utf-8") == "Body.\nShare\n"


def test_clean_in_place_with_backup(tmp_path: Path) -> None:
    page = tmp_path / "kremlin.txt"
    shutil.copy(KREMLIN, page)
    original = page.read_bytes()
    os.chmod(page, 0o640)
    res = run("clean", page, "--in-place", "--backup", ".orig", *OWN)
    assert res.exit_code == 0, res.stderr
    assert page.read_text(encoding="utf-8") == KREMLIN_CLEAN
    assert (tmp_path / "kremlin.txt.orig").read_bytes() == original
    assert page.stat().st_mode & 0o777 == 0o640  # permissions survive the atomic replace
    assert sorted(p.name for p in tmp_path.iterdir()) == ["kremlin.txt", "kremlin.txt.orig"]  # no temp left


def test_clean_in_place_leaves_clean_files_untouched(tmp_path: Path) -> None:
    page = tmp_path / "clean.txt"
    page.write_text(KREMLIN_CLEAN, encoding="utf-8")
    os.utime(page, (1_000_000, 1_000_000))
    res = run("clean", page, "--in-place", *OWN)
    assert res.exit_code == 0, res.stderr
    assert page.stat().st_mtime == 1_000_000
    assert "0 written" in res.stderr


def test_clean_in_place_refuses_stdin() -> None:
    res = run("clean", "-", "--in-place", *OWN, input="x")
    assert res.exit_code == 2
    assert res.stderr.startswith("cleaner: error: --in-place cannot rewrite stdin")


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--backup", ".orig"], "--backup needs --in-place"),
        (["--in-place", "-o", "x.txt"], "--in-place and -o/--output exclude each other"),
        (["--diff", "--in-place"], "--diff writes nothing; drop -o/--output and --in-place"),
    ],
)
def test_clean_option_conflicts(args: list[str], message: str) -> None:
    res = run("clean", KREMLIN, *OWN, *args)
    assert res.exit_code == 2
    assert res.stderr == f"cleaner: error: {message}\n"


def test_clean_diff_writes_nothing(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("Body text.\nShare\nMore body.\n", encoding="utf-8")
    res = run("clean", page, "--diff", *OWN)
    assert res.exit_code == 0, res.stderr
    assert res.stdout == (
        f"--- a/{page}\n+++ b/{page}\n@@ -1,3 +1,3 @@\n Body text.\n-Share\n+\n More body.\n"
    )
    assert page.read_text(encoding="utf-8") == "Body text.\nShare\nMore body.\n"


def test_clean_diff_of_a_clean_file_is_empty(tmp_path: Path) -> None:
    page = tmp_path / "p.txt"
    page.write_text("Body text.\n\nMore body.\n", encoding="utf-8")
    res = run("clean", page, "--diff", *OWN)
    assert res.exit_code == 0
    assert res.stdout == ""


# ---------------------------------------------------------------------------- input handling
def test_missing_file_is_one_error_line() -> None:
    res = run("clean", "no-such-page.txt", *OWN)
    assert res.exit_code == 2
    assert res.stderr == "cleaner: error: no-such-page.txt: no such file or folder\n"


def test_unknown_option_is_a_usage_error() -> None:
    res = run("clean", "--bogus")
    assert res.exit_code == 2
    assert "No such option: --bogus" in res.stderr


def test_bad_rule_file_on_clean_lists_problems() -> None:
    res = run("clean", KREMLIN, "--rules", DATA / "badrules" / "broken.yaml")
    assert res.exit_code == 2
    assert res.stdout == ""
    assert f"{DATA / 'badrules' / 'broken.yaml'}:5:5: rule: unknown key 'levle'; did you mean 'level'?" in res.stderr


def test_bom_and_crlf_are_handled(tmp_path: Path) -> None:
    page = tmp_path / "win.txt"
    page.write_bytes(b"\xef\xbb\xbfBody text.\r\nShare\r\nMore.\r\n")
    res = run("clean", page, *OWN)
    assert res.stdout == "Body text.\n\nMore.\n"


def test_utf16_with_bom(tmp_path: Path) -> None:
    page = tmp_path / "u16.txt"
    page.write_bytes("Zürich news.\nShare\n".encode("utf-16"))
    assert run("clean", page, *OWN).stdout == "Zürich news.\n"


def test_non_utf8_falls_back_to_charset_normalizer(tmp_path: Path) -> None:
    pytest.importorskip("charset_normalizer")
    page = tmp_path / "cp1252.txt"
    page.write_bytes(KREMLIN.read_text(encoding="utf-8").encode("cp1252"))  # a real page, re-encoded
    res = run("clean", page, *OWN)
    assert res.exit_code == 0, res.stderr
    assert res.stdout == KREMLIN_CLEAN


def test_binary_bytes_are_a_clear_error() -> None:
    """Bytes that no text encoding fits are refused with the offset, never decoded into invented text."""
    with pytest.raises(InputError) as err:
        decode(bytes(range(256)) * 4, "page.txt")
    assert str(err.value) == (
        "page.txt: not valid UTF-8 (byte 0x80 at offset 128) and no other text encoding fits (binary file?)"
    )


# ------------------------------------------------------------------------------------ explain
def test_explain_lists_rule_ids_spans_and_summary() -> None:
    res = run("explain", KREMLIN, *OWN)
    assert res.exit_code == 0, res.stderr
    lines = res.stdout.splitlines()
    assert lines[0] == f"{KREMLIN}: 3 removals"
    assert lines[1] == "  [1] boilerplate test.gate.disclaimer-fr (error) span 1418-1743 at 3:1 score 100"
    assert lines[2] == "      why: Gate's third-party content disclaimer (French)"
    assert lines[3].startswith('      text: "Cette page peut inclure du contenu de tiers')
    assert lines[4] == (
        "  [2] duplicate dedup.exact (warning) span 1744-1914 at 4:1 score 100 duplicate of 0-170 at 1:1"
    )
    assert lines[7] == (
        "  [3] duplicate dedup.exact (warning) span 1915-3161 at 5:1 score 100 duplicate of 171-1417 at 2:1"
    )
    assert lines[-1] == "3 removals (1 boilerplate, 2 duplicates) in 1 document; 3161 -> 1418 characters"


def test_explain_spans_index_the_input() -> None:
    raw = KREMLIN.read_text(encoding="utf-8")
    res = run("explain", KREMLIN, *OWN, "--format", "json")
    payload = json.loads(res.stdout)
    (doc,) = payload["documents"]
    for r in doc["removals"]:
        assert raw[r["start"] : r["end"]] == r["text"]
    assert [r["rule"] for r in doc["removals"]] == ["test.gate.disclaimer-fr", "dedup.exact", "dedup.exact"]
    assert doc["removals"][1]["duplicate_of"] == [0, 170]
    assert payload["summary"]["removals"] == 3


def test_explain_stdin_without_removals() -> None:
    res = run("explain", "-", *OWN, input="Nothing to remove here.\n")
    assert res.exit_code == 0
    assert res.stdout == "<stdin>: 0 removals\nno removals in 1 document; 24 -> 24 characters\n"  # written as it was


# -------------------------------------------------------------------------------------- check
def test_check_clean_input_exits_0(tmp_path: Path) -> None:
    page = tmp_path / "ok.txt"
    page.write_text("Nothing to remove here.\n\nReally nothing.\n", encoding="utf-8")
    res = run("check", page, *OWN)
    assert res.exit_code == 0, res.stderr
    assert res.stdout == "No removals found in 1 document.\n"


def test_check_findings_exit_1_with_positions() -> None:
    res = run("check", KREMLIN, *OWN)
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert lines[0].startswith(
        f"{KREMLIN}:3:1: error test.gate.disclaimer-fr Gate's third-party content disclaimer (French) [Cette page"
    )
    assert lines[1].startswith(
        f"{KREMLIN}:4:1: warning dedup.exact exact copy of an earlier block (duplicate of 1:1) [Kremlin :"
    )
    assert lines[2].startswith(f"{KREMLIN}:5:1: warning dedup.exact ")
    assert lines[3] == "Found 3 removals (1 error, 2 warning) in 1 of 1 document; 3 at or above --fail-on info."


def test_check_github_annotations() -> None:
    res = run("check", KREMLIN, *OWN, "--format", "github")
    assert res.exit_code == 1
    lines = res.stdout.splitlines()
    assert lines[0].startswith(
        f"::error file={KREMLIN},line=3,col=1,title=test.gate.disclaimer-fr::Gate's third-party content"
    )
    assert lines[1].startswith(
        f"::warning file={KREMLIN},line=4,col=1,title=dedup.exact::exact copy of an earlier block (duplicate of 1"
    )
    assert lines[3].startswith("Found 3 removals")


def test_check_github_annotations_escape_and_locate_jsonl_records(tmp_path: Path) -> None:
    data = tmp_path / "a,b.jsonl"
    data.write_text('{"text": "Body text here.\\nBody text here."}\n', encoding="utf-8")
    res = run("check", data, "--no-dedup", "--format", "github")
    assert res.exit_code == 0  # --no-dedup: nothing left to find
    res = run("check", data, "--format", "github")
    (line,) = [x for x in res.stdout.splitlines() if x.startswith("::")]
    assert line.startswith(f"::warning file={str(data).replace(',', '%2C')},line=1,title=dedup.exact::[text 2:1] ")


def test_check_fail_on_error_ignores_warnings_and_info() -> None:
    text = "Body text here.\nShare\nBody text here.\n"  # an info rule hit and a (warning) duplicate
    res = run("check", "-", *OWN, "--fail-on", "error", input=text)
    assert res.exit_code == 0, res.stdout
    assert res.stdout.splitlines()[-1] == (
        "Found 2 removals (1 warning, 1 info) in 1 of 1 document; none at or above --fail-on error."
    )
    assert run("check", "-", *OWN, "--fail-on", "warning", input=text).exit_code == 1
    assert run("check", "-", *OWN, "--fail-on", "error", input=KREMLIN.read_text()).exit_code == 1


def test_check_bad_input_exits_2() -> None:
    res = run("check", "missing.txt", *OWN)
    assert res.exit_code == 2
    assert res.stderr == "cleaner: error: missing.txt: no such file or folder\n"


def test_check_bad_usage_exits_2() -> None:
    res = run("check", KREMLIN, "--fail-on", "fatal")
    assert res.exit_code == 2


def test_check_json_report() -> None:
    res = run("check", KREMLIN, *OWN, "--format", "json", "--fail-on", "error")
    assert res.exit_code == 1
    payload = json.loads(res.stdout)
    assert payload["fail_on"] == "error"
    (entry,) = payload["files"]
    assert entry["path"] == str(KREMLIN)
    assert entry["counts"] == {"test.gate.disclaimer-fr": 1, "dedup.exact": 2}
    assert [(r["rule"], r["level"], r["line"], r["column"]) for r in entry["removals"]] == [
        ("test.gate.disclaimer-fr", "error", 3, 1),
        ("dedup.exact", "warning", 4, 1),
        ("dedup.exact", "warning", 5, 1),
    ]
    assert payload["summary"]["failing"] == 1
    assert payload["summary"]["exit_code"] == 1


# -------------------------------------------------------------------------------------- rules
def test_rules_validate_ok() -> None:
    res = run("rules", "validate", PACK)
    assert res.exit_code == 0
    assert res.stdout == "OK: 3 rules in 1 pack\n"


def test_rules_validate_bundled_packs_load() -> None:
    res = run("rules", "validate")
    assert res.exit_code == 0, res.stderr
    assert res.stdout.startswith("OK: ")


def test_rules_validate_malformed_yaml_reports_file_line_col() -> None:
    bad = DATA / "badrules"
    res = run("rules", "validate", bad)
    assert res.exit_code == 2
    assert res.stdout == ""
    assert res.stderr.splitlines() == [
        f"{bad / 'broken.yaml'}:5:5: rule: unknown key 'levle'; did you mean 'level'?",
        f"{bad / 'invalid.yaml'}:6:1: invalid YAML: found unexpected end of stream",
        "cleaner: error: rule files have 2 problems",
    ]


def test_rules_test_reports_failures_and_counts() -> None:
    failing = DATA / "failrules"
    res = run("rules", "test", failing)
    assert res.exit_code == 1
    assert res.stdout.endswith("\n3 passed, 1 failed\n")
    assert f"FAIL fail.wrong ({failing / 'failing.yaml'}:21)" in res.stdout
    assert "-Body. Advertisement gone\n+Body.\n" in res.stdout


def test_rules_test_passing_and_select() -> None:
    res = run("rules", "test", PACK)
    assert res.exit_code == 0
    assert res.stdout == "6 passed, 0 failed\n"
    res = run("rules", "test", PACK, "-k", "share-bar")
    assert res.stdout == "2 passed, 0 failed\n"
    res = run("rules", "test", PACK, "-k", "nope")
    assert res.exit_code == 2
    assert res.stderr == "cleaner: error: -k nope: no rule id contains 'nope'\n"


def test_rules_test_load_error_exits_2() -> None:
    assert run("rules", "test", DATA / "badrules").exit_code == 2


def test_rules_list() -> None:
    res = run("rules", "list", PACK)
    assert res.exit_code == 0
    assert res.stdout.splitlines() == [
        "test.gate.disclaimer-fr  error    test-pack  anywhere             Gate's third-party content disclaimer "
        "(French)",
        "test.share-bar           info     test-pack  anywhere             A share-bar line on its own",
        "test.example.footer      warning  test-pack  domains=example.com  Example.com's footer line "
        "(only on example.com pages)",
    ]


# ------------------------------------------------------------------- the real console script
def _script(*args: str | Path, input: bytes = b"") -> subprocess.CompletedProcess[bytes]:
    code = "import sys; from cleaner.cli import main; sys.argv[0] = 'cleaner'; main()"
    return subprocess.run(
        [sys.executable, "-c", code, *map(str, args)], input=input, capture_output=True, timeout=120, check=False
    )


def test_console_script_pipes_utf8_and_exit_codes() -> None:
    proc = _script("clean", *OWN, input=KREMLIN.read_bytes())
    assert proc.returncode == 0, proc.stderr
    assert proc.stdout == KREMLIN_CLEAN.encode("utf-8")
    proc = _script("check", "nope.txt", *OWN)
    assert proc.returncode == 2
    assert proc.stderr == b"cleaner: error: nope.txt: no such file or folder\n"  # no traceback


def test_malformed_url_is_a_usage_error() -> None:
    """It used to crash inside the rule scoping with a ValueError traceback (exit 1)."""
    res = run("clean", KREMLIN, "--url", "http://[bad", *OWN)
    assert res.exit_code == 2
    assert res.stderr == "cleaner: error: --url http://[bad: not a URL (Invalid IPv6 URL)\n"


# ---------------------------------------------------------------------------- empty rule sources
def test_rules_validate_refuses_a_folder_without_rule_files(tmp_path: Path) -> None:
    empty = tmp_path / "emptydir"
    empty.mkdir()
    (empty / "README.txt").write_text("not a pack\n", encoding="utf-8")
    res = run("rules", "validate", f"{empty}/")
    assert res.exit_code == 2
    assert res.stdout == ""  # no "OK: 0 rules in 0 packs"
    assert res.stderr == f"cleaner: error: no rule files in {empty}/ (looked for *.yaml, *.yml)\n"
    assert run("rules", "list", empty).exit_code == 2
    assert run("rules", "test", empty).exit_code == 2


@pytest.mark.parametrize("defaults", [[], ["--no-default-rules"]])
def test_clean_refuses_a_rules_folder_without_rule_files(tmp_path: Path, defaults: list[str]) -> None:
    empty = tmp_path / "emptydir"
    empty.mkdir()
    for command in ("clean", "explain", "check"):
        res = run(command, "-", "--rules", empty, *defaults, input="Body.\nShare\n")
        assert res.exit_code == 2, command
        assert res.stdout == ""  # nothing cleaned with no (or fewer) rules than asked for
        assert res.stderr == f"cleaner: error: no rule files in {empty}/ (looked for *.yaml, *.yml)\n"


# -------------------------------------------------------------------------- last-resort handler
def _crash(*args: object, **kwargs: object) -> None:
    raise RuntimeError("boom")


def test_main_help_documents_internal_error_code() -> None:
    assert "3  internal error" in run("--help").stdout
    assert "3 internal error" in " ".join(run("check", "--help").stdout.split())


@pytest.mark.parametrize("command", ["clean", "explain", "check"])
def test_a_bug_exits_3_with_a_traceback_not_1(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    """Python's exit code for an uncaught exception is 1, which `check` uses for "found removals".
    (A bug outside the per-record boundary: inside it, an exception is that record's error.)"""
    monkeypatch.setattr("cleaner.pipeline.documents.read_items", _crash)
    res = run(command, KREMLIN, *OWN)
    assert res.exit_code == 3
    assert res.stdout == ""
    assert res.stderr.startswith("cleaner: internal error: RuntimeError: boom\nTraceback (most recent call last):\n")
    assert res.stderr.endswith("RuntimeError: boom\n")


def test_a_bug_while_writing_jsonl_leaves_no_half_file(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    data = tmp_path / "d.jsonl"
    data.write_text('{"text": "Body.\\nShare"}\n', encoding="utf-8")
    monkeypatch.setattr("cleaner.pipeline.sinks.compressor_for", _crash)  # a bug while the output is open
    res = run("clean", data, "-o", tmp_path / "out.jsonl", *OWN)
    assert res.exit_code == 3
    assert sorted(p.name for p in tmp_path.iterdir()) == ["d.jsonl"]  # no output, no temp file


@pytest.mark.parametrize("command", ["clean", "explain", "check"])
def test_an_exception_while_cleaning_is_that_documents_error(monkeypatch: pytest.MonkeyPatch, command: str) -> None:
    monkeypatch.setattr("cleaner.core.clean", _crash)
    res = run(command, KREMLIN, *OWN)
    assert res.exit_code == 2
    assert "cannot clean this document: RuntimeError: boom" in res.stderr
    assert "Traceback" not in res.stderr
