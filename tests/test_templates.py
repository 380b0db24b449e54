"""`cleaner clean --learn-templates` (cleaner.mining.templates): mine the input, then clean with what recurs.

The corpus (tests/minedata.py) is made of real article texts; every page of one site ends with a real
note no bundled rule removes (and Gate's disclaimer, which the bundled rules remove). The answer is
known: the note goes from every page of that site, nothing else changes.
"""

from __future__ import annotations

import json
from pathlib import Path

from minedata import SITE_A, corpus, wordings
from typer.testing import CliRunner

from cleaner import clean, default_rules, load_rules
from cleaner.cli import app
from cleaner.io.records import RecordFields
from cleaner.mining.templates import learn_templates, with_templates

runner = CliRunner()


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args], prog_name="cleaner", catch_exceptions=False)


def _write(tmp_path: Path, docs: list[dict]) -> Path:
    path = tmp_path / "crawl.jsonl"
    path.write_text("".join(json.dumps({"url": d["url"], "text": d["text"]}, ensure_ascii=False) + "\n" for d in docs))
    return path


def _out(path: Path) -> list[dict]:
    return [json.loads(x) for x in path.read_text(encoding="utf-8").splitlines()]


def test_learned_pack_removes_the_recurring_note_and_nothing_else(tmp_path: Path) -> None:
    docs = corpus()
    path = _write(tmp_path, docs)
    learned = learn_templates([str(path)], RecordFields("text", "url"), rules=default_rules(), jsonl=False,
                              on_error="fail", jobs=1)
    assert learned.documents == 24 and learned.rule_ids  # one rule for the note of site A
    rules = with_templates(default_rules(), learned)
    note = " ".join(wordings()["unknown"].split())
    for d in docs:
        out = clean(d["text"], url=d["url"], rules=rules).text
        assert note[:60] not in " ".join(out.split())
        assert out == clean(d["article"], url=d["url"]).text  # the page without the note, cleaned as usual


def test_cli_learn_templates_same_output_at_any_jobs_and_saved_pack_reloads(tmp_path: Path) -> None:
    docs = corpus()
    path = _write(tmp_path, docs)
    saved = tmp_path / "templates.yaml"
    r1 = run("clean", path, "--url-field", "url", "--learn-templates", "--save-templates", saved,
             "-o", tmp_path / "j1.jsonl", "--jobs", "1")
    assert r1.exit_code == 0, r1.output
    assert "learned templates: 1 rule" in r1.output
    r2 = run("clean", path, "--url-field", "url", "--learn-templates", "-o", tmp_path / "j2.jsonl", "--jobs", "2")
    assert r2.exit_code == 0, r2.output
    assert (tmp_path / "j1.jsonl").read_bytes() == (tmp_path / "j2.jsonl").read_bytes()
    # the saved pack is an ordinary rule pack: it validates, passes its tests, and gives the same output
    assert run("rules", "test", saved).exit_code == 0
    r3 = run("clean", path, "--url-field", "url", "--rules", saved, "-o", tmp_path / "j3.jsonl")
    assert r3.exit_code == 0, r3.output
    assert (tmp_path / "j3.jsonl").read_bytes() == (tmp_path / "j1.jsonl").read_bytes()
    assert load_rules([saved]).packs[-1] == "learned"
    # against a plain clean of the same file: the learned pack changes exactly site A's records
    r0 = run("clean", path, "--url-field", "url", "-o", tmp_path / "j0.jsonl")
    assert r0.exit_code == 0, r0.output
    plain = _out(tmp_path / "j0.jsonl")
    out = _out(tmp_path / "j1.jsonl")
    changed = [o for o, p in zip(out, plain, strict=True) if o["text"] != p["text"]]
    assert {o["url"].split("/")[2].removeprefix("www.") for o in changed} == {SITE_A}
    assert len(changed) == 12


def test_nothing_recurs_nothing_learned_and_output_unchanged(tmp_path: Path) -> None:
    docs = corpus()[12:]  # the plain site only: no template
    path = _write(tmp_path, docs)
    saved = tmp_path / "t.yaml"
    r = run("clean", path, "--url-field", "url", "--save-templates", saved, "-o", tmp_path / "o.jsonl")
    assert r.exit_code == 0, r.output
    assert "left alone" in r.output and not saved.exists()
    r2 = run("clean", path, "--url-field", "url", "-o", tmp_path / "plain.jsonl")
    assert r2.exit_code == 0
    assert (tmp_path / "o.jsonl").read_bytes() == (tmp_path / "plain.jsonl").read_bytes()


def test_learn_templates_refuses_stdin_and_reports_bad_lines_once(tmp_path: Path) -> None:
    r = runner.invoke(app, ["clean", "--learn-templates"], input="some text\n", prog_name="cleaner")
    assert r.exit_code == 2 and "not stdin" in r.output
    docs = corpus()
    path = _write(tmp_path, docs)
    with path.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    r = run("clean", path, "--url-field", "url", "--learn-templates", "-o", tmp_path / "o.jsonl")
    assert r.exit_code == 2 and ":25:" in r.output  # fail: stops at the bad line, nothing written
    assert not (tmp_path / "o.jsonl").exists()
    r = run("clean", path, "--url-field", "url", "--learn-templates", "--on-error", "skip", "-o", tmp_path / "o.jsonl")
    assert r.exit_code == 0, r.output
    assert r.output.count(":25:") == 1  # reported by the cleaning pass only
    assert len(_out(tmp_path / "o.jsonl")) == 24


def test_folder_of_sites_learns_the_template_too(tmp_path: Path) -> None:
    corpus_dir = tmp_path / "corpus"
    for i, d in enumerate(corpus()):
        site = corpus_dir / ("a.example" if d["url"].startswith(f"https://www.{SITE_A}") else "b.example")
        site.mkdir(parents=True, exist_ok=True)
        (site / f"{i}.txt").write_text(d["text"], encoding="utf-8")
    r = run("clean", corpus_dir, "--learn-templates", "-o", tmp_path / "out")
    assert r.exit_code == 0, r.output
    note = " ".join(wordings()["unknown"].split())[:60]
    outs = [p.read_text(encoding="utf-8") for p in (tmp_path / "out").rglob("*.txt")]
    assert outs and all(note not in " ".join(t.split()) for t in outs)
    assert sum(1 for p in (tmp_path / "out" / "a.example").glob("*.txt")) == 12
