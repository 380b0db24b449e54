"""cleaner.dask on a real distributed.LocalCluster (2 worker processes): the same results as the local CLI.

Marked ``dask`` (runs by default; ``-m "not dask"`` skips it). The cluster starts once per module and
the whole file takes a few seconds. It needs the ``dask`` extra, which the ``test`` extra includes, so
CI runs it for real.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from minedata import SITE_A, corpus, flattened_corpus, wordings
from typer.testing import CliRunner

from cleaner.cli import app
from cleaner.mining.state import MiningOptions, mine

dask = pytest.importorskip("dask")
distributed = pytest.importorskip("distributed")
import dask.bag as db  # noqa: E402

from cleaner.dask import clean_bag, clean_dataframe, mine_bag  # noqa: E402

pytestmark = pytest.mark.dask

runner = CliRunner()


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def _records() -> list[dict]:
    return [{"url": d["url"], "text": d["text"]} for d in corpus() + flattened_corpus()]


def _cli_clean(tmp_path: Path, records: list[dict], *extra: str) -> list[dict]:
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["clean", str(src), "--url-field", "url", "-o", str(out), *extra]
    res = runner.invoke(app, args, prog_name="cleaner", catch_exceptions=False)
    assert res.exit_code == 0
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


def test_clean_bag_equals_the_cli(client, tmp_path: Path) -> None:
    records = _records()
    bag = db.from_sequence(records, npartitions=4)
    got = clean_bag(bag, url_field="url").compute()
    assert got == _cli_clean(tmp_path, records)
    assert any(r["text"] != o["text"] for r, o in zip(got, records, strict=True))  # something was cleaned


def test_clean_bag_with_rule_files_and_output_field(client, tmp_path: Path) -> None:
    records = _records()
    pack = tmp_path / "mined.yaml"
    from cleaner.mining.rulegen import draft_rules

    pack.write_text(draft_rules(mine(records).candidates).text, encoding="utf-8")
    bag = db.from_sequence(records, npartitions=3)
    got = clean_bag(bag, rules=[str(pack)], output_field="clean").compute()
    assert [g["text"] for g in got] == [r["text"] for r in records]  # raw text kept
    expected = _cli_clean(tmp_path, records, "--rules", str(pack))
    assert [g["clean"] for g in got] == [e["text"] for e in expected]
    assert not any("Remarque BlockBeats" in g["clean"] for g in got)


def test_clean_dataframe_equals_the_cli(client, tmp_path: Path) -> None:
    pd = pytest.importorskip("pandas")
    dd = pytest.importorskip("dask.dataframe")
    records = _records()
    ddf = dd.from_pandas(pd.DataFrame(records), npartitions=3)
    got = clean_dataframe(ddf, url_column="url").compute()
    assert list(got["text"]) == [e["text"] for e in _cli_clean(tmp_path, records)]
    assert list(got["url"]) == [r["url"] for r in records]


def test_mine_bag_equals_local_mining(client) -> None:
    records = [{"id": r["url"], **r} for r in _records()]
    local = mine(records, options=MiningOptions())
    bag = db.from_sequence(records[::-1], npartitions=5)  # another order, another partitioning
    remote = mine_bag(bag, filter_rules=False)
    assert remote.to_dict() == local.to_dict()
    top = remote.candidates[0]
    assert top.site == SITE_A and top.text == wordings()["unknown"]


def test_mine_bag_filters_with_the_rules_like_the_cli(client, tmp_path: Path) -> None:
    records = [{"url": d["url"], "text": d["text"]} for d in corpus()]
    src = tmp_path / "crawl.jsonl"
    src.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    res = runner.invoke(app, ["mine", str(src), "--format", "json", "--top", "0"], prog_name="cleaner")
    cli = json.loads(res.stdout)
    remote = mine_bag(db.from_sequence(records, npartitions=2)).to_dict()
    assert remote == cli
