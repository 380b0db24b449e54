"""Issue 13: the CI gate as the ecosystem expects it — a configuration file, rule selection, SARIF /
JUnit / JSON-lines reports, folders of datasets, untouched records byte for byte, pre-commit hooks, and
the C YAML loader's marks. On the real seed page (gate-fr-kremlin) and the bundled sample feed."""

from __future__ import annotations

import gzip
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree as ET

import pytest
import yaml
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.cli.config import key_lines

ROOT = Path(__file__).parent.parent
DATA = Path(__file__).parent / "data"
KREMLIN = DATA / "cases" / "gate-fr-kremlin.txt"
FEED = ROOT / "samples" / "feed.jsonl"
SARIF_SCHEMA = DATA / "ci" / "sarif-2.1.0-subset.schema.json"
JUNIT_XSD = DATA / "ci" / "junit.xsd"

runner = CliRunner()


def run(*args: str | Path, input: str | None = None):
    return runner.invoke(app, [str(a) for a in args], input=input, prog_name="cleaner", catch_exceptions=False)


def rules_in(stdout: str) -> set[str]:
    """The rule ids of text findings (``path:line:col: level RULE message``, ``path:LINE: [text L:C] level RULE``)."""
    return set(re.findall(r"^\S+:(?: \[text \d+:\d+\])? (?:error|warning|info) (\S+)", stdout, re.M))


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder (a git root) holding the seed page, as the working directory."""
    (tmp_path / ".git").mkdir()
    shutil.copy(KREMLIN, tmp_path / "page.txt")
    monkeypatch.chdir(tmp_path)
    return tmp_path


# ------------------------------------------------------------------------------- configuration
def test_pyproject_ignore_and_command_line_select(project: Path) -> None:
    assert {"gate.disclaimer.third-party-fr", "dedup.exact"} <= rules_in(run("check", "page.txt").stdout)
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.cleaner]\nignore = ["gate.*"]\n')
    res = run("check", "page.txt")
    assert res.exit_code == 1
    # no gate.* finding: an ignored rule does not run, so the generic third-party rule takes the notice
    assert rules_in(res.stdout) == {"dedup.exact", "generic.disclaimer.platform-third-party"}
    res = run("check", "page.txt", "--select", "gate.*")  # the command line wins over the file
    assert rules_in(res.stdout) == {"gate.disclaimer.third-party-fr"}
    res = run("check", "page.txt", "--no-config")
    assert "gate.disclaimer.third-party-fr" in rules_in(res.stdout)


def test_found_from_a_subfolder_and_clean_text_follows_the_selection(project: Path, monkeypatch) -> None:
    (project / "cleaner.toml").write_text('ignore = ["dedup.*"]\n')
    (project / "sub").mkdir()
    monkeypatch.chdir(project / "sub")
    text = run("clean", "../page.txt").stdout
    assert "Cette page peut inclure" not in text  # the Gate disclaimer still goes
    assert text.count("Le 20 mai, le Kremlin") == 2  # but both copies stay: dedup.* is ignored
    explained = run("explain", "../page.txt").stdout
    assert "dedup." not in explained and "gate.disclaimer.third-party-fr" in explained


def test_misspelt_key_names_file_line_and_a_close_key(project: Path) -> None:
    toml = '[project]\nname = "x"\n\n[tool.cleaner]\nselect = ["gate.*"]\nfail_onn = "error"\n'
    (project / "pyproject.toml").write_text(toml)
    res = run("check", "page.txt")
    assert res.exit_code == 2
    path = project / "pyproject.toml"
    assert res.stderr.strip() == f"cleaner: error: {path}:6: unknown key 'fail_onn'; did you mean 'fail-on'?"


def test_bad_value_names_its_line(project: Path) -> None:
    (project / ".cleaner.toml").write_text('# settings\njobs = -1\nfail-on = "eror"\n')
    res = run("check", "page.txt")
    assert res.exit_code == 2
    path = project / ".cleaner.toml"
    assert f"cleaner: error: {path}:2: jobs: expected a whole number >= 0, not -1" in res.stderr
    assert f"{path}:3: fail-on: expected one of error, warning, info; did you mean 'error'?" in res.stderr


def test_invalid_toml_names_its_line(project: Path) -> None:
    (project / "cleaner.toml").write_text('ignore = ["gate.*"]\nselect = [\n')
    res = run("check", "page.txt")
    assert res.exit_code == 2
    assert f"{project / 'cleaner.toml'}:" in res.stderr and "invalid TOML" in res.stderr


def test_options_from_the_file_and_the_command_line_overrides(project: Path) -> None:
    (project / "cleaner.toml").write_text('fail-on = "error"\nformat = "json"\n')
    res = run("check", "page.txt")
    assert json.loads(res.stdout)["fail_on"] == "error"
    res = run("check", "page.txt", "--format", "text", "--fail-on", "warning")
    assert res.stdout.endswith("3 at or above --fail-on warning.\n")


def test_config_flag_and_show_config_say_where_each_value_comes_from(project: Path, tmp_path: Path) -> None:
    other = tmp_path / "ci.toml"
    other.write_text('# CI settings\n\nignore = ["gate.*"]\nnear-threshold = 0.95\n')
    res = run("check", "page.txt", "--config", other)
    assert rules_in(res.stdout) == {"dedup.exact", "generic.disclaimer.platform-third-party"}
    shown = run("check", "--config", other, "--show-config", "--jobs", "2").stdout
    assert f"# configuration file: {other}" in shown
    assert f"ignore = ['gate.*']  # {other}:3" in shown
    assert f"near-threshold = 0.95  # {other}:4" in shown
    assert "jobs = 2  # command line" in shown
    assert "fail-on = 'info'  # default" in shown
    listed = run("config", "--config", other)
    assert listed.exit_code == 0 and f"near-threshold = 0.95  # {other}:4" in listed.stdout
    assert run("check", "page.txt", "--config", tmp_path / "missing.toml").exit_code == 2


def test_key_lines_handles_tables_dotted_and_quoted_keys() -> None:
    text = '[tool.black]\nline = 1\n[tool.cleaner]\n"select" = ["a"]\nper-site-ignores."x.com" = ["b"]\n'
    text += "[tool.cleaner.per-site-ignores]\n'y.org' = []\n[other]\nignore = 1\n"
    lines = key_lines(text, ("tool", "cleaner"))
    assert lines["select"] == 4 and lines["per-site-ignores"] == 5 and lines["per-site-ignores.x.com"] == 5
    assert lines[""] == 3 and "ignore" not in lines and "line" not in lines


def test_per_site_ignores_by_host_and_by_path(project: Path) -> None:
    records = [json.loads(line) for line in FEED.read_text(encoding="utf-8").splitlines()]
    gate = next(r for r in records if "gate.com" in (r.get("url") or ""))
    (project / "feed.jsonl").write_text(json.dumps(gate) + "\n")
    assert any(r.startswith("gate.") for r in rules_in(run("check", "feed.jsonl").stdout))
    (project / "cleaner.toml").write_text('[per-site-ignores]\n"gate.com" = ["gate.*"]\n"page.*" = ["dedup.*"]\n')
    assert not any(r.startswith("gate.") for r in rules_in(run("check", "feed.jsonl").stdout))
    assert rules_in(run("check", "page.txt").stdout) == {"gate.disclaimer.third-party-fr"}
    assert "dedup.exact" in rules_in(run("check", "page.txt", "--select", "dedup.*").stdout)


# ---------------------------------------------------------------------------------- selection
def test_select_and_ignore_are_comma_separated_and_repeatable() -> None:
    res = run("check", KREMLIN, "--no-config", "--ignore", "gate.*,dedup.near", "--ignore", "dedup.exact,generic.*")
    assert res.exit_code == 0 and res.stdout == "No removals found in 1 document.\n"
    res = run("check", KREMLIN, "--no-config", "--select", "dedup.*")
    assert rules_in(res.stdout) == {"dedup.exact"}


# ------------------------------------------------------------------------------------ formats
def _json_findings(args: list[str]) -> set[tuple[str, int | None, str]]:
    payload = json.loads(run("check", *args, "--format", "json").stdout)
    out = set()
    for entry in payload["files"]:
        for doc in entry.get("records", [entry]):
            for r in doc["removals"]:
                out.add((entry["path"], doc.get("line", r["line"]), r["rule"]))
        for dup in entry.get("duplicate_records", []):  # later copies of earlier records (issue #12)
            out.add((entry["path"], dup["line"], "duplicate-record"))
    return out


def test_sarif_validates_and_lists_the_json_findings(tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    args = [str(KREMLIN), str(FEED), "--no-config"]
    res = run("check", *args, "--format", "sarif")
    assert res.exit_code == 1
    log = json.loads(res.stdout)
    jsonschema.validate(log, json.loads(SARIF_SCHEMA.read_text(encoding="utf-8")))
    run_ = log["runs"][0]
    rules = [r["id"] for r in run_["tool"]["driver"]["rules"]]
    found = set()
    for result in run_["results"]:
        assert rules[result["ruleIndex"]] == result["ruleId"]
        loc = result["locations"][0]["physicalLocation"]
        uri = loc["artifactLocation"]["uri"]
        path = str(Path(uri.removeprefix("file://"))) if uri.startswith("file://") else uri
        found.add((path, loc["region"]["startLine"], result["ruleId"]))
        assert result["message"]["text"] and result["level"] in ("error", "warning", "note")
    assert found == _json_findings(args)
    payload = json.loads(run("check", *args, "--format", "json").stdout)
    copies = sum(len(e.get("duplicate_records", [])) for e in payload["files"])
    assert len(run_["results"]) == payload["summary"]["removals"] + copies
    descriptor = run_["tool"]["driver"]["rules"][rules.index("gate.disclaimer.third-party-fr")]
    assert "French" in descriptor["fullDescription"]["text"]
    assert descriptor["defaultConfiguration"]["level"] == "error"


def test_sarif_schema_catches_a_broken_log() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads(SARIF_SCHEMA.read_text(encoding="utf-8"))
    log = json.loads(run("check", KREMLIN, "--no-config", "--format", "sarif").stdout)
    log["runs"][0]["results"][0]["levle"] = "error"
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(log, schema)


def test_junit_validates_with_a_suite_per_file_and_a_case_per_document() -> None:
    from lxml import etree

    args = [str(KREMLIN), str(FEED), "--no-config"]
    res = run("check", *args, "--format", "junit")
    assert res.exit_code == 1
    schema = etree.XMLSchema(etree.parse(str(JUNIT_XSD)))
    doc = etree.fromstring(res.stdout.encode("utf-8"))
    schema.assertValid(doc)
    root = ET.fromstring(res.stdout)
    suites = root.findall("testsuite")
    assert [s.get("name") for s in suites] == [str(KREMLIN), str(FEED)]
    records = sum(1 for line in FEED.read_text(encoding="utf-8").splitlines() if line.strip())
    assert [len(s.findall("testcase")) for s in suites] == [1, records]
    found = set()
    for suite in suites:
        for case in suite.findall("testcase"):
            for failure in case.findall("failure"):
                line = int(failure.text.split(":")[1]) if failure.text.split(":")[1] else None
                found.add((suite.get("name"), line, failure.get("type")))
    assert found == _json_findings(args)
    total = sum(len(c.findall("failure")) for s in suites for c in s.findall("testcase"))
    assert root.get("failures") == str(total)


def test_json_lines_one_object_per_finding() -> None:
    args = [str(KREMLIN), str(FEED), "--no-config"]
    res = run("check", *args, "--format", "json-lines")
    assert res.exit_code == 1
    items = [json.loads(line) for line in res.stdout.splitlines()]
    found = {(i["path"], i.get("record_line", i["line"]), i["rule"]) for i in items}
    assert found == _json_findings(args)
    assert all("id" in i for i in items if "record_line" in i)  # the sample feed's records have ids


def test_text_findings_are_concise_and_verbose_gives_the_description() -> None:
    short = run("check", KREMLIN, "--no-config").stdout.splitlines()[0].removeprefix(str(KREMLIN))
    full = run("check", KREMLIN, "--no-config", "-v").stdout.splitlines()[0].removeprefix(str(KREMLIN))
    assert len(short) < 150 < len(full)
    assert "straight and typographic apostrophes" in full and "apostrophes" not in short


def test_wrong_format_is_a_cleaner_error() -> None:
    res = run("check", KREMLIN, "--format", "sarf")
    assert res.exit_code == 2
    assert res.stderr.startswith("cleaner: error: --format 'sarf' is not one of text, json, github, sarif")
    assert "did you mean 'sarif'?" in res.stderr
    for command, wrong, near in (("clean", "mdown", "markdown"), ("explain", "jsn", "json")):
        res = run(command, KREMLIN, "--format", wrong)
        assert res.exit_code == 2 and res.stderr.startswith(f"cleaner: error: --format {wrong!r} is not one of")
        assert f"did you mean {near!r}?" in res.stderr


# ----------------------------------------------------------------------------- inputs, fields
def test_check_a_folder_of_datasets(tmp_path: Path) -> None:
    folder = tmp_path / "exports"
    (folder / "old").mkdir(parents=True)
    shutil.copy(FEED, folder / "a.jsonl")
    (folder / "b.jsonl.gz").write_bytes(gzip.compress(FEED.read_bytes()))
    shutil.copy(FEED, folder / "old" / "c.jsonl")
    res = run("check", folder, "--no-config", "--format", "json", "--exclude", "old/*")
    assert res.exit_code == 1, res.stderr
    files = [f["path"] for f in json.loads(res.stdout)["files"]]
    assert files == [str(folder / "a.jsonl"), str(folder / "b.jsonl.gz")]
    text = run("check", folder, "--no-config").stdout
    assert f"{folder / 'a.jsonl'}:1: [text 3:1] error gate.disclaimer.third-party-fr" in text


def test_url_and_language_fields_are_read_by_default(tmp_path: Path) -> None:
    body = "Body text of a story.\nMore stories from Example News"
    records = [
        {"id": "a", "text": body, "url": "https://www.example.com/1"},
        {"id": 7, "text": body, "url": "https://example.com/2", "language": "fr"},
        {"id": 8, "text": body, "url": "https://other.org/3"},  # not example.com: nothing to find
    ]
    data = tmp_path / "d.jsonl"
    data.write_text("".join(json.dumps(r) + "\n" for r in records))
    pack = DATA / "rules"
    res = run("check", data, "--no-config", "--rules", pack, "--no-default-rules", "--format", "json")
    recs = json.loads(res.stdout)["files"][0]["records"]
    assert [(r["id"], r["url"]) for r in recs] == [("a", "https://www.example.com/1"), (7, "https://example.com/2")]
    assert recs[1]["language"] == "fr"
    assert "--url-field" in run("check", "--help").stdout and "'url' when a record has one" in run(
        "check", "--help"
    ).stdout.replace("\n", " ").replace("  ", " ")


# --------------------------------------------------------------------------- untouched stays
def test_an_untouched_record_and_file_are_written_byte_for_byte(tmp_path: Path) -> None:
    line = '{"text":"First paragraph about rates.\\nSecond paragraph, on bonds.",  "n": 1.50, "u": "\\u00e9"}'
    data = tmp_path / "d.jsonl"
    data.write_text(line + "\n" + json.dumps({"text": KREMLIN.read_text(encoding="utf-8")}) + "\n")
    out = tmp_path / "out.jsonl"
    res = run("clean", data, "-o", out, "--no-config")
    assert res.exit_code == 0
    assert out.read_bytes().split(b"\n")[0] == line.encode("utf-8")
    assert "2 records, 2 cleaned (1 changed," in res.stderr
    page = tmp_path / "p.txt"
    page.write_text("First paragraph about rates.\nSecond paragraph, on bonds.\n")
    os.utime(page, (1_000_000_000, 1_000_000_000))
    res = run("clean", page, "--in-place", "--no-config")
    assert "0 changed, 0 removals, 0 written" in res.stderr
    assert page.read_text() == "First paragraph about rates.\nSecond paragraph, on bonds.\n"
    assert page.stat().st_mtime == 1_000_000_000
    assert run("clean", page, "--no-config").stdout == page.read_text()
    crlf = tmp_path / "crlf.txt"  # line endings and byte-order mark as they were, also with -o and --in-place
    crlf.write_bytes(b"\xef\xbb\xbfFirst paragraph about rates.\r\nSecond paragraph, on bonds.\r\n")
    os.utime(crlf, (1_000_000_000, 1_000_000_000))
    assert run("clean", crlf, "-o", tmp_path / "copy.txt", "--no-config").exit_code == 0
    assert (tmp_path / "copy.txt").read_bytes() == crlf.read_bytes()
    run("clean", crlf, "--in-place", "--no-config")
    assert crlf.stat().st_mtime == 1_000_000_000


# ------------------------------------------------------------------------------- YAML loader
def _marks(node: yaml.Node) -> list[tuple[str, int, int, int, int]]:
    start, end = node.start_mark, node.end_mark
    out = [(type(node).__name__, start.line, start.column, end.line, end.column)]
    if isinstance(node, yaml.MappingNode):
        for k, v in node.value:
            out += _marks(k) + _marks(v)
    elif isinstance(node, yaml.SequenceNode):
        for v in node.value:
            out += _marks(v)
    return out


@pytest.mark.skipif(not hasattr(yaml, "CSafeLoader"), reason="PyYAML built without libyaml")
def test_c_loader_gives_the_same_marks_as_the_python_one() -> None:
    from cleaner.rules.loader import YAML_LOADER

    assert YAML_LOADER is yaml.CSafeLoader
    for pack in sorted((ROOT / "rules").glob("*.yaml")):
        text = pack.read_text(encoding="utf-8")
        c_marks = _marks(yaml.compose(text, Loader=yaml.CSafeLoader))
        assert c_marks == _marks(yaml.compose(text, Loader=yaml.SafeLoader)), pack.name
    bad = "pack: x\nrules:\n  - id: a\n    literal: [unclosed\n"
    for loader in (yaml.CSafeLoader, yaml.SafeLoader):
        with pytest.raises(yaml.MarkedYAMLError) as exc:
            yaml.compose(bad, Loader=loader)
        assert exc.value.problem_mark.line == 4


# --------------------------------------------------------------------------------- pre-commit
def test_pre_commit_runs_the_hooks_on_a_sample_repository(tmp_path: Path) -> None:
    """pre-commit would clone the hook repository (network), so the sample repository uses our
    .pre-commit-hooks.yaml definitions as ``repo: local`` hooks (language ``system``: the installed
    ``cleaner``), with their entry, files pattern and options exactly as published."""
    pytest.importorskip("pre_commit")
    if shutil.which("git") is None:
        pytest.skip("git is not installed")
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert set(by_id) == {"cleaner-check", "cleaner-clean"}
    bindir = Path(sys.executable).parent
    local = []
    for hook in hooks:
        entry = hook["entry"].split(" ", 1)
        local.append({**hook, "language": "system", "entry": " ".join([str(bindir / entry[0]), *entry[1:]])})
    repo = tmp_path / "repo"
    repo.mkdir()
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache"), "GIT_CONFIG_GLOBAL": os.devnull}
    env.update(GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@e", GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@e")
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": local}]}))
    (repo / "clean.txt").write_text("A clean paragraph about markets.\n")
    (repo / "notes.py").write_text("x = 1\n")  # not a document: the files pattern leaves it out

    def git(*args: str) -> None:
        subprocess.run(["git", *args], cwd=repo, env=env, check=True, capture_output=True)

    def pre_commit(hook: str) -> subprocess.CompletedProcess[str]:
        cmd = [sys.executable, "-m", "pre_commit", "run", hook, "--all-files", "--color", "never"]
        return subprocess.run(cmd, cwd=repo, env=env, capture_output=True, text=True, timeout=120)

    git("init", "-q")
    git("add", ".")
    ok = pre_commit("cleaner-check")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "Passed" in ok.stdout
    shutil.copy(KREMLIN, repo / "page.txt")
    git("add", ".")
    bad = pre_commit("cleaner-check")
    assert bad.returncode == 1
    assert "page.txt:3:1: error gate.disclaimer.third-party-fr" in bad.stdout
    fixed = pre_commit("cleaner-clean")  # rewrites the page: pre-commit reports the files it changed
    assert fixed.returncode == 1 and "files were modified by this hook" in fixed.stdout
    assert "Cette page peut inclure" not in (repo / "page.txt").read_text(encoding="utf-8")
    git("add", ".")
    assert pre_commit("cleaner-check").returncode == 0


# ------------------------------------------------------------------------------- rules cache
def test_rules_cache_serves_the_same_rules_and_notices_a_change(tmp_path: Path, monkeypatch) -> None:
    from cleaner import clean
    from cleaner.rules import cache, load_rules

    monkeypatch.setenv("CLEANER_CACHE_DIR", str(tmp_path / "cache"))
    pack = tmp_path / "pack.yaml"
    shutil.copy(DATA / "rules" / next(p.name for p in sorted((DATA / "rules").glob("*.yaml"))), pack)
    fresh = load_rules([pack], defaults=True)  # stores
    assert len(list((tmp_path / "cache").glob("rules-*.pickle"))) == 1
    cached = load_rules([pack], defaults=True)  # served from the cache: regexes compiled on first use
    assert any(isinstance(r.matcher.regex, cache.LazyPattern) for r in cached.rules)
    assert [r.id for r in cached.all_rules] == [r.id for r in fresh.all_rules]
    text = KREMLIN.read_text(encoding="utf-8")
    assert clean(text, rules=cached) == clean(text, rules=fresh)
    # the matcher's start-anchor verdicts come with the cache: a run served from it parses no pattern
    from cleaner.rules import anchors

    anchors.STARTS.clear()
    cached = load_rules([pack], defaults=True)
    regexes = [p for r in cached.rules for p in cache._regexes(r.matcher)]
    assert regexes and all((p.pattern, p.flags) in anchors.STARTS for p in regexes)
    pack.write_text(pack.read_text(encoding="utf-8").replace("description:", "description: changed", 1))
    changed = load_rules([pack], defaults=True)
    assert not any(isinstance(r.matcher.regex, cache.LazyPattern) for r in changed.rules)  # rebuilt
    for entry in (tmp_path / "cache").glob("rules-*.pickle"):
        entry.write_bytes(b"not a pickle")
    assert [r.id for r in load_rules([pack], defaults=True).all_rules] == [r.id for r in changed.all_rules]


def test_installed_package_is_typed(tmp_path: Path) -> None:
    """py.typed ships inside the package (the wheel takes the whole cleaner/ folder), found from anywhere."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
    code = "import cleaner, pathlib; print((pathlib.Path(cleaner.__file__).parent / 'py.typed').is_file())"
    out = subprocess.run([sys.executable, "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert out.stdout.strip() == "True", out.stderr
