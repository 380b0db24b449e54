"""``--jobs``: the same bytes as one process; ``--stats`` and the summary come from the Result objects.

The dataset is built from the labelled real cases (tests/data/cases), each record carrying its URL
and language, plus bad lines in between so that ``--on-error`` is exercised under parallelism. Tasks
are made tiny (``BATCH_BYTES`` patched down) so that even this small file is split over many tasks
and both workers, with results arriving out of order.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from casedata import case_names, load_case
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from typer.testing import CliRunner

from cleaner import clean
from cleaner.cli import app
from cleaner.pipeline import pool as parallel_mod

runner = CliRunner()
BAD_LINES = ['{"id": "bad-json", "text": "cut', '{"id": "no-text"}', "[1, 2]", '{"text": 5}']


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args], prog_name="cleaner", catch_exceptions=False)


def _records() -> list[dict]:
    out = []
    for name in case_names():
        raw, _, meta = load_case(name)
        out.append({"id": name, "text": raw, "url": meta.get("url"), "lang": meta.get("language")})
    return out


RECORDS = _records()


def _write_dataset(path: Path, order: list[int], bad_at: set[int]) -> Path:
    lines = []
    for k, i in enumerate(order):
        if k in bad_at:
            lines.append(BAD_LINES[k % len(BAD_LINES)])
        lines.append(json.dumps(RECORDS[i], ensure_ascii=False))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


@pytest.fixture(autouse=True)
def tiny_batches(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel_mod, "BATCH_BYTES", 3000)


@pytest.fixture
def dataset(tmp_path: Path) -> Path:
    order = list(range(len(RECORDS))) * 2
    return _write_dataset(tmp_path / "cases.jsonl", order, {3, 11, 20})


FIELDS = ["--url-field", "url", "--lang-field", "lang"]


@pytest.mark.parametrize("policy", ["skip", "keep"])
def test_jobs_2_writes_the_same_bytes_and_messages_as_jobs_1(dataset: Path, tmp_path: Path, policy: str) -> None:
    outs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        res = run("clean", dataset, "-o", out, "--jobs", jobs, "--on-error", policy, *FIELDS)
        assert res.exit_code == 0, res.stderr
        outs.append((out.read_bytes(), res.stderr))
    assert outs[0] == outs[1]
    assert outs[0][0].count(b"\n") == 2 * len(RECORDS) + (3 if policy == "keep" else 0)
    assert f"{dataset}:4: field 'text' is a number" in outs[0][1]  # the bad line keeps its line number


def test_jobs_2_on_error_fail_stops_at_the_same_line_and_writes_nothing(dataset: Path, tmp_path: Path) -> None:
    errors = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        res = run("clean", dataset, "-o", out, "--jobs", jobs, *FIELDS)
        assert res.exit_code == 2
        assert not out.exists()
        errors.append(res.stderr.replace(str(out), "OUT"))
    assert errors[0] == errors[1]
    assert errors[0].startswith(f"cleaner: error: {dataset}:4: field 'text' is a number")


@pytest.mark.parametrize(
    "command",
    [
        ["check", "--format", "json"],
        ["check"],
        ["check", "--format", "github", "--fail-on", "error"],
        ["explain"],
        ["explain", "--format", "json"],
    ],
)
def test_jobs_check_and_explain_print_the_same(dataset: Path, command: list[str]) -> None:
    one = run(*command, dataset, "--jobs", "1", *FIELDS)
    two = run(*command, dataset, "--jobs", "2", *FIELDS)
    assert (one.exit_code, one.stdout, one.stderr) == (two.exit_code, two.stdout, two.stderr)
    assert one.exit_code == 2  # the bad lines are errors for check/explain
    assert one.stdout.count("\n") > 2 * len(RECORDS)  # findings of many records were printed


@pytest.mark.parametrize("options", [["--diff"], ["--format", "json"], ["--output-field", "clean"]])
def test_jobs_clean_options_give_the_same_bytes(dataset: Path, options: list[str]) -> None:
    one = run("clean", dataset, "--jobs", "1", "--on-error", "keep", *options, *FIELDS)
    two = run("clean", dataset, "--jobs", "2", "--on-error", "keep", *options, *FIELDS)
    assert (one.exit_code, one.stdout_bytes, one.stderr) == (two.exit_code, two.stdout_bytes, two.stderr)
    assert one.exit_code == 0 and len(one.stdout_bytes) > 1000


def test_jobs_over_a_folder_of_files(tmp_path: Path) -> None:
    src = tmp_path / "pages"
    for rec in RECORDS:
        (src / rec["id"][:1]).mkdir(parents=True, exist_ok=True)
        (src / rec["id"][:1] / f"{rec['id']}.txt").write_text(rec["text"], encoding="utf-8")
    page = Path(__file__).parent / "data" / "html" / "gate-fr-kremlin.html"
    (src / "page.html").write_bytes(page.read_bytes())  # pages go through the pool too
    trees = []
    for jobs in ("1", "2"):
        res = run("clean", src, "-o", tmp_path / f"out{jobs}", "-j", jobs)
        assert res.exit_code == 0, res.stderr
        root = tmp_path / f"out{jobs}"
        trees.append({p.relative_to(root): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()})
    assert trees[0] == trees[1]
    assert len(trees[0]) == len(RECORDS) + 1


@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    order=st.lists(st.integers(0, len(RECORDS) - 1), min_size=1, max_size=12),
    bad=st.sets(st.integers(0, 11), max_size=3),
    policy=st.sampled_from(["skip", "keep"]),
)
def test_property_jobs_never_change_the_output(tmp_path_factory, order, bad, policy) -> None:
    tmp = tmp_path_factory.mktemp("prop")
    data = _write_dataset(tmp / "d.jsonl", order, bad)
    got = []
    for jobs in ("1", "2"):
        res = run("clean", data, "--jobs", jobs, "--on-error", policy, *FIELDS)
        assert res.exit_code == 0, res.stderr
        got.append(res.stdout_bytes)
    assert got[0] == got[1]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_stats_of_a_run_that_wrote_nothing_count_nothing_out(dataset: Path, tmp_path: Path, jobs: str) -> None:
    """--on-error fail discards the output file: the statistics must not call its records written."""
    stats_path = tmp_path / "stats.json"
    out = tmp_path / "out.jsonl"
    res = run("clean", dataset, "-o", out, "--stats", stats_path, "-j", jobs, *FIELDS)
    assert res.exit_code == 2
    assert not out.exists()
    stats = json.loads(stats_path.read_text(encoding="utf-8"))
    assert stats["records_out"] == 0 and stats["bytes_out"] == 0
    assert stats["errors"] >= 1


def test_stats_json_is_derived_from_the_results(dataset: Path, tmp_path: Path) -> None:
    stats_path = tmp_path / "stats.json"
    out = tmp_path / "out.jsonl"
    res = run("clean", dataset, "-o", out, "--on-error", "skip", "--stats", stats_path, "-j", "2", *FIELDS)
    assert res.exit_code == 0, res.stderr
    stats = json.loads(stats_path.read_text(encoding="utf-8"))
    results = [clean(r["text"], url=r["url"], language=r["lang"]) for r in RECORDS] * 2
    by_rule: dict[str, int] = {}
    for result in results:
        for rule, n in result.counts().items():
            by_rule[rule] = by_rule.get(rule, 0) + n
    assert stats["records_in"] == len(results) + 3
    assert stats["records_out"] == len(results)
    assert stats["errors"] == 3
    assert stats["removals_by_rule"] == by_rule
    assert stats["removals"] == sum(len(r.removals) for r in results)
    assert stats["removals_by_kind"]["duplicate"] == sum(r.kind == "duplicate" for x in results for r in x.removals)
    assert stats["empty_after_cleaning"] == sum(not r.text for r in results)
    assert stats["bytes_in"] == dataset.stat().st_size
    assert stats["bytes_out"] == out.stat().st_size
    assert stats["jobs"] == 2
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []  # atomic: no temp left


def test_progress_flag_prints_the_summary_and_default_stays_quiet(dataset: Path, tmp_path: Path) -> None:
    quiet = run("clean", dataset, "-o", tmp_path / "a.jsonl", "--on-error", "skip", *FIELDS)
    assert "removals:" not in quiet.stderr  # stderr is not a terminal: no bar, no summary
    shown = run("clean", dataset, "-o", tmp_path / "b.jsonl", "--on-error", "skip", "--progress", *FIELDS)
    assert shown.exit_code == 0
    lines = shown.stderr.splitlines()
    assert any(line.startswith(f"records: {2 * len(RECORDS) + 3} in, {2 * len(RECORDS)} out") for line in lines)
    assert any(line.startswith("removals: ") and "duplicate" in line for line in lines)
    assert any("records/s" in line and "MB/s" in line for line in lines)
    forced_off = run("clean", dataset, "-o", tmp_path / "c.jsonl", "--on-error", "skip", "-q", "--no-progress")
    assert forced_off.stderr == ""


def test_auto_jobs_stays_at_one_for_small_inputs(dataset: Path, tmp_path: Path) -> None:
    stats_path = tmp_path / "s.json"
    res = run("clean", dataset, "-o", tmp_path / "o.jsonl", "--on-error", "skip", "--stats", stats_path)
    assert res.exit_code == 0
    assert json.loads(stats_path.read_text(encoding="utf-8"))["jobs"] == 1


def _big_dataset(path: Path, bad_line: int) -> Path:
    """~4 MB of records (8 batches of the real size): batches are still queued and running when the
    main process reaches the bad line at ``bad_line``."""
    records = [json.dumps(r, ensure_ascii=False) for r in RECORDS]
    lines, size = [], 0
    while size < 4_000_000:
        for line in records:
            lines.append(line)
            size += len(line) + 1
    lines.insert(bad_line - 1, '{"text": 5}')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _cli(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "cleaner.cli", *(str(a) for a in args)]


def test_jobs_2_stopping_early_prints_only_the_error(tmp_path: Path) -> None:
    """--on-error fail stops with batches in flight: the pool is shut down without a thread traceback."""
    data = _big_dataset(tmp_path / "big.jsonl", bad_line=5)
    out = tmp_path / "out.jsonl"
    proc = subprocess.run(_cli("clean", data, "-o", out, "--jobs", "2"), capture_output=True, timeout=120)
    assert proc.returncode == 2
    assert proc.stderr.decode() == (
        f"cleaner: error: {data}:5: field 'text' is a number, not a string (nothing written to {out})\n"
    )
    assert not out.exists()


def test_jobs_2_output_closed_early_ends_quietly(tmp_path: Path) -> None:
    """``| head``: the reader goes away after one line; no traceback from the CLI, the pool or a worker."""
    data = _big_dataset(tmp_path / "big.jsonl", bad_line=10**9)
    proc = subprocess.Popen(_cli("clean", data, "--jobs", "2"), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout is not None and proc.stderr is not None
    assert proc.stdout.readline().startswith(b"{")
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=120)
    assert "Traceback" not in err and "Exception in thread" not in err, err
    assert err == ""


def test_workers_send_back_the_output_not_the_results(dataset: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What crosses back from a worker is the written line and a few counts: smaller than the input,
    and no Result (whose text and removals cost about twice the input to pickle)."""
    import pickle

    from cleaner.io.reading import expand_inputs
    from cleaner.io.records import RecordFields
    from cleaner.pipeline.documents import LineItem, Settings, Unreadable, read_items
    from cleaner.pipeline.outputs import Cleaned, CleanOutput
    from cleaner.result import Options
    from cleaner.rules import load_rules

    fields = RecordFields(url="url", lang="lang")
    settings = Settings(load_rules(), Options())
    monkeypatch.setattr(parallel_mod, "_worker_state", (settings, fields, CleanOutput("text")))
    (source,), _ = expand_inputs([str(dataset)])
    task = [(0, source.name, item) for item in read_items(source, fields)]
    results = parallel_mod._clean_batch(task)
    assert [type(doc) for _, doc in results].count(Unreadable) == 3
    assert all(isinstance(doc, Cleaned | Unreadable) for _, doc in results)
    assert all(doc.raw is None for _, doc in results if isinstance(doc, Unreadable))  # main has the lines
    size_in = sum(len(item.raw) for _, _, item in task if isinstance(item, LineItem))
    assert len(pickle.dumps(results, protocol=pickle.HIGHEST_PROTOCOL)) < size_in
    back = parallel_mod._with_raw(task, results)
    assert [doc.raw for _, doc in back if isinstance(doc, Unreadable)] == [
        item.raw for (_, _, item), (_, doc) in zip(task, back, strict=True) if isinstance(doc, Unreadable)
    ]
