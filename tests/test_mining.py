"""Mining recurring text (cleaner.mining.state), drafting rules from it (cleaner.mining.rulegen) and `cleaner mine`.

The corpus (tests/minedata.py) is made of real article texts; one site's pages all carry a real note
that no bundled rule removes, and Gate's disclaimer, which the bundled rules do remove.
"""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from minedata import SITE_A, SITE_B, corpus, cut_note, flattened_corpus, wordings
from typer.testing import CliRunner

from cleaner import clean, default_rules, load_rules
from cleaner.cli import app
from cleaner.mining.pool import mine_parallel
from cleaner.mining.rulegen import draft_rules
from cleaner.mining.state import MiningOptions, MiningState, mine, site_of
from cleaner.rules import RuleSet
from cleaner.rules.testing import run_rule_tests
from cleaner.text.normalize import comparison_form

runner = CliRunner()


def run(*args: str | Path):
    return runner.invoke(app, [str(a) for a in args], prog_name="cleaner", catch_exceptions=False)


def records(docs: list[dict]) -> list[dict]:
    return [{"id": d["url"], "url": d["url"], "text": d["text"]} for d in docs]


@pytest.fixture(scope="module")
def mined():
    return mine(records(corpus()), rules=default_rules())


# ------------------------------------------------------------------------------------------ counting
def test_unknown_note_is_the_top_candidate(mined) -> None:
    top = mined.candidates[0]
    assert top.site == SITE_A
    assert top.text == wordings()["unknown"]  # a real sample, exactly as in the input
    assert (top.docs, top.site_docs, top.share) == (12, 12, 1.0)
    assert top.position == "tail" and top.tail_share == 1.0 and top.head_share == 0.0
    assert top.kind == "block" and top.exact
    assert list(top.samples) == sorted(top.samples) and len(top.samples) == 5
    assert all(s.startswith(f"https://www.{SITE_A}/") for s in top.samples)
    assert mined.documents == 24 and mined.sites == {SITE_A: 12, SITE_B: 12}


def test_what_the_rules_already_remove_is_not_reported(mined) -> None:
    known = comparison_form(wordings()["known"])
    assert all(comparison_form(c.text) != known for c in mined.candidates)
    everything = mine(records(corpus()), rules=None)  # --all: count it too
    assert any(comparison_form(c.text) == known for c in everything.candidates)


def test_article_text_is_not_a_candidate(mined) -> None:
    assert [c.text for c in mined.candidates] == [wordings()["unknown"]]


def test_thresholds() -> None:
    docs = records(corpus())[:4]  # four pages of site A: below min_docs 5
    assert mine(docs, rules=default_rules()).candidates == ()
    assert mine(docs, rules=default_rules(), options=MiningOptions(min_docs=4)).candidates
    # the note on 3 of 12 pages of site B: 25 % of the site
    b = records(corpus())[12:]
    for d in b[:3]:
        d["text"] += "\n" + wordings()["unknown"]
    assert mine(b, options=MiningOptions(min_docs=3, min_share=0.2)).candidates
    assert not mine(b, options=MiningOptions(min_docs=3, min_share=0.3)).candidates
    assert not mine(b, options=MiningOptions(min_docs=3, min_chars=200)).candidates


# ------------------------------------------------------------------------------ order independence
def test_shuffled_input_gives_the_same_result(mined) -> None:
    docs = records(corpus())
    for seed in range(3):
        random.Random(seed).shuffle(docs)
        assert mine(docs, rules=default_rules()).to_dict() == mined.to_dict()


@settings(max_examples=8, deadline=None)
@given(st.permutations(range(12)), st.integers(1, 11))
def test_merged_partitions_give_the_same_result(order: list[int], cut: int) -> None:
    """Two partitions in any order, merged either way round, equal one pass over everything."""
    docs = [records(flattened_corpus())[i] for i in order]
    whole = mine(docs).to_dict()
    parts = []
    for chunk in (docs[:cut], docs[cut:]):
        state = MiningState()
        for d in chunk:
            state.add(d["text"], doc_id=d["id"], url=d["url"])
        parts.append(state)
    assert parts[1].merge(parts[0]).finish().to_dict() == whole


def test_counted_once_per_document() -> None:
    doc = records(corpus())[0]
    doc["text"] += "\n" + wordings()["unknown"]  # twice on one page
    state = MiningState(MiningOptions(min_docs=1, min_share=0.0))
    state.add(doc["text"], doc_id="x", url=doc["url"])
    (note,) = [c for c in state.finish().candidates if c.text == wordings()["unknown"]]
    assert note.docs == 1 and note.site_docs == 1


# --------------------------------------------------------------------------- variants and sentences
def test_variants_and_glued_copies_are_one_candidate() -> None:
    result = mine(records(flattened_corpus()))
    assert len(result.candidates) == 1
    top = result.candidates[0]
    assert top.kind == "sentence" and top.text == wordings()["unknown"]
    assert [v.text for v in top.variants] == [cut_note()]
    assert top.docs >= 10 and top.similarity < 100


def test_fuzzy_rule_removes_every_variant(tmp_path: Path) -> None:
    docs = flattened_corpus()
    draft = draft_rules(mine(records(docs)).candidates)
    assert draft.rule_ids == (f"mined.{SITE_A}.1",) and not draft.skipped
    assert "fuzzy:" in draft.text
    pack = tmp_path / "mined.yaml"
    pack.write_text(draft.text, encoding="utf-8")
    rules = load_rules([pack])
    for d in docs:
        out = clean(d["text"], url=d["url"], rules=rules).text
        assert "Remarque BlockBeats" not in out
        assert comparison_form(out) == comparison_form(clean(d["text"].replace(d["note"], " "), url=d["url"]).text)


# ------------------------------------------------------------------------------------ drafted rules
def test_drafted_pack_validates_passes_its_tests_and_removes_the_note(mined, tmp_path: Path) -> None:
    draft = draft_rules(mined.candidates)
    assert draft.rule_ids == (f"mined.{SITE_A}.1",) and not draft.skipped
    pack = tmp_path / "mined.yaml"
    pack.write_text(draft.text, encoding="utf-8")
    assert run("rules", "validate", pack).exit_code == 0
    res = run("rules", "test", pack)
    assert res.exit_code == 0 and res.stdout.strip().endswith("2 passed, 0 failed")
    own = load_rules([pack], defaults=False)
    rule = own.rules[0]
    assert rule.scope.domains == (SITE_A,) and rule.scope.position == "tail"
    assert rule.matcher.kind == "literal" and rule.action == "remove_block"
    # the inline tests are real text: the note with a real sentence of the site, and that sentence
    assert all(
        t.input.replace(wordings()["unknown"], "").strip() in " ".join(d["article"] for d in corpus()[:12])
        for t in rule.tests
    )
    assert all(o.passed for o in run_rule_tests(own))
    everything = load_rules([pack])
    for d in corpus():
        out = clean(d["text"], url=d["url"], rules=everything).text
        assert "Remarque BlockBeats" not in out
        assert out == clean(d["article"], url=d["url"]).text  # the article untouched
    # scoped to the site: the same note elsewhere stays
    other = corpus()[12]
    text = other["text"] + "\n" + wordings()["unknown"]
    assert "Remarque BlockBeats" in clean(text, url=other["url"], rules=everything).text


def test_site_of() -> None:
    assert site_of("https://www.flash-mirror.example/news/1") == "flash-mirror.example"
    assert site_of("http://news.bbc.co.uk/x") == "bbc.co.uk"
    assert site_of("https://a.b.example.com.au/") == "example.com.au"
    assert site_of("gate.com") == "gate.com"
    assert site_of("http://127.0.0.1:8080/x") == "127.0.0.1"
    assert site_of(None) is None and site_of("http://[::1") is None
    # each user of a shared hosting domain is a site of their own
    assert site_of("https://alice.github.io/post/1") == "alice.github.io"
    assert site_of("https://www.bob.blogspot.com/2026/11/x.html") == "bob.blogspot.com"
    assert site_of("https://github.io/") == "github.io"
    # values that are not URLs have no site (they would each make a site of one document)
    assert site_of("article-123") is None and site_of("12345") is None and site_of("foo bar") is None
    assert site_of("urn:uuid:1234") is None
    assert site_of("http://localhost:8000/a") == "localhost"


# --------------------------------------------------------------------------------------------- CLI
def _write_jsonl(path: Path, docs: list[dict]) -> Path:
    path.write_text("".join(json.dumps({"url": d["url"], "text": d["text"]}) + "\n" for d in docs), "utf-8")
    return path


def test_cli_mine_jsonl_table_json_and_emit(tmp_path: Path) -> None:
    data = _write_jsonl(tmp_path / "crawl.jsonl", corpus())
    res = run("mine", data)
    assert res.exit_code == 0
    assert res.stdout.splitlines()[0].startswith(f"  1. {SITE_A}  12/12 docs (100%)  tail:")
    assert "1 candidate in 24 documents of 2 sites" in res.stdout
    res = run("mine", data, "--format", "json", "--all")
    payload = json.loads(res.stdout)
    assert payload["candidates"][0]["text"] in (wordings()["unknown"], wordings()["known"])
    assert len(payload["candidates"]) == 2
    pack = tmp_path / "out" / "mined.yaml"
    res = run("mine", data, "--emit-rules", pack)
    assert res.exit_code == 0 and pack.is_file()
    assert not list(pack.parent.glob(".*.tmp"))  # written atomically, no leftovers
    assert run("rules", "test", pack).exit_code == 0
    out = tmp_path / "clean.jsonl"
    assert run("clean", data, "--url-field", "url", "--rules", pack, "-o", out).exit_code == 0
    assert "Remarque BlockBeats" not in out.read_text("utf-8")


def test_cli_mine_folder_per_site(tmp_path: Path) -> None:
    root = tmp_path / "corpus"
    for i, d in enumerate(corpus()):
        site = "flash" if i < 12 else "other"
        (root / site).mkdir(parents=True, exist_ok=True)
        (root / site / f"page{i:02d}.txt").write_text(d["text"], encoding="utf-8")
    res = run("mine", root, "--format", "json")
    assert res.exit_code == 0
    payload = json.loads(res.stdout)
    assert payload["sites"] == {"flash": 12, "other": 12}
    top = payload["candidates"][0]
    assert (top["site"], top["text"], top["docs"]) == ("flash", wordings()["unknown"], 12)
    assert top["samples"][0] == "flash/page00.txt"
    pack = tmp_path / "mined.yaml"
    assert run("mine", root, "--emit-rules", pack).exit_code == 0
    rule = load_rules([pack], defaults=False).rules[0]
    assert rule.id == "mined.flash.1" and rule.scope.domains == ()  # no URL: no domain scope
    assert run("rules", "test", pack).exit_code == 0
    out = run("clean", root / "flash" / "page03.txt", "--rules", pack).stdout
    assert "Remarque" not in out and out.strip() == clean(corpus()[3]["article"]).text


def test_cli_mine_bad_input(tmp_path: Path) -> None:
    assert run("mine", tmp_path / "missing.jsonl").exit_code == 2
    bad = _write_jsonl(tmp_path / "bad.jsonl", corpus())
    with bad.open("a", encoding="utf-8") as fh:
        fh.write("{not json\n")
    res = runner.invoke(app, ["mine", str(bad)], prog_name="cleaner")
    assert res.exit_code == 2 and "bad.jsonl:25: invalid JSON" in res.stderr
    res = runner.invoke(app, ["mine", str(bad), "--on-error", "skip"], prog_name="cleaner")
    assert res.exit_code == 0 and "record skipped" in res.stderr
    assert run("mine", bad, "--min-share", "2").exit_code == 2


def test_draft_skips_a_candidate_without_real_context() -> None:
    state = MiningState(MiningOptions(min_docs=2))
    for i in range(3):  # pages made of the note alone: no real sentence to keep
        state.add(wordings()["unknown"], doc_id=str(i), url=f"https://{SITE_A}/{i}")
    draft = draft_rules(state.finish().candidates)
    assert draft.rule_ids == () and draft.text == "" and "keep example" in draft.skipped[0]


def test_empty_rules_mean_no_filter() -> None:
    assert mine(records(corpus()), rules=RuleSet()).to_dict() == mine(records(corpus())).to_dict()


def test_memory_bound_prunes_single_sightings_and_keeps_what_recurs() -> None:
    state = MiningState(MiningOptions(max_entries=60))
    for d in records(corpus()):
        state.add(d["text"], doc_id=d["id"], url=d["url"], rules=default_rules())
        assert len(state.entries) <= 60 + 40  # bounded: pruned back after every document
    result = state.finish()
    assert result.pruned > 0 and result.to_dict()["pruned"] == result.pruned
    assert [(c.text, c.docs) for c in result.candidates] == [(wordings()["unknown"], 12)]


def test_mine_help_explains_itself() -> None:
    out = run("mine", "--help").stdout
    assert "Examples:" in out and "Exit codes:" in out and "--emit-rules" in out


def test_variants_on_the_same_pages_count_those_pages_once() -> None:
    """The note and its cut-off copy both on 3 of 12 pages: 3 documents, not 3 + 3."""
    docs = records(corpus())[12:]
    for d in docs[:3]:
        d["text"] += f"\n{wordings()['unknown']}\n{cut_note()}"
    found = mine(docs, options=MiningOptions(min_docs=1, min_share=0.0)).candidates
    (note,) = [c for c in found if c.text.startswith("Remarque BlockBeats")]
    assert {note.text, *(v.text for v in note.variants)} == {wordings()["unknown"], cut_note()}
    assert note.docs == 3
    assert not mine(docs, options=MiningOptions(min_docs=4, min_share=0.0)).candidates


def test_distinct_documents_of_large_groups_are_estimated_closely() -> None:
    """Past 128 documents per variant the union is a k-minimum-values estimate (mergeable, order-free)."""
    state = MiningState(MiningOptions(min_docs=5, min_share=0.0, sentences=False))
    article = corpus()[12]["article"]
    for n in range(600):  # note on pages 0-399, cut copy on pages 200-599: 600 pages hold one of them
        lines = [article]
        if n < 400:
            lines.append(wordings()["unknown"])
        if n >= 200:
            lines.append(cut_note())
        state.add("\n".join(lines), doc_id=f"page-{n}", site=SITE_B)
    (note,) = [c for c in state.finish().candidates if c.text.startswith("Remarque BlockBeats")]
    assert 600 * 0.8 <= note.docs <= 600 * 1.2


def test_a_host_outside_the_domain_syntax_is_scoped_by_url(tmp_path: Path) -> None:
    docs = [{**d, "url": d["url"].replace(SITE_A, "флеш.example")} for d in corpus()]
    draft = draft_rules(mine(records(docs)).candidates)
    pack = tmp_path / "idn.yaml"
    pack.write_text(draft.text, encoding="utf-8")
    rule = load_rules([pack], defaults=False).rules[0]
    assert rule.scope.domains == () and len(rule.scope.urls) == 1
    rules = load_rules([pack])
    assert "Remarque" not in clean(docs[0]["text"], url=docs[0]["url"], rules=rules).text
    assert "Remarque" in clean(docs[0]["text"], url=f"https://www.{SITE_A}/news/0", rules=rules).text


def test_a_quoted_sentence_gets_a_rule_whose_tests_pass() -> None:
    """Matches start at the first letter: the drafted expectation keeps the opening quote, as the engine does."""
    quoted = f"“{wordings()['unknown']}”"
    docs = []
    for d in corpus()[12:20]:
        first, second, *rest = d["article"].split("\n")
        docs.append({"url": d["url"], "text": "\n".join([f"{first} {quoted} {second}", *rest])})
    found = mine(records(docs)).candidates
    assert [(c.kind, c.text) for c in found] == [("sentence", quoted)]
    draft = draft_rules(found)
    assert draft.rule_ids == (f"mined.{SITE_B}.1",) and not draft.skipped


def test_worker_processes_give_the_same_result(tmp_path: Path) -> None:
    docs = records(corpus() + flattened_corpus())
    tuples = [(d["text"], d["id"], d["url"], None, None) for d in docs]
    state = mine_parallel(tuples, rules=default_rules(), jobs=2, batch_chars=5000)
    assert state.finish().to_dict() == mine(docs, rules=default_rules()).to_dict()
    data = _write_jsonl(tmp_path / "crawl.jsonl", corpus())
    one, two = (run("mine", data, "--format", "json", "--jobs", n).stdout for n in ("1", "2"))
    assert json.loads(one) == json.loads(two) and json.loads(one)["candidates"]


def test_html_pages_are_mined_on_their_extracted_text(tmp_path: Path) -> None:
    """A crawl of HTML pages: the note is found in the article text the cleaner would see, and the
    drafted rule removes it from the pages through the HTML pipeline."""
    import html as html_mod

    def page(text: str) -> str:
        paras = "".join(f"<p>{html_mod.escape(line)}</p>" for line in text.split("\n"))
        return (
            "<!DOCTYPE html><html><head><title>News</title></head><body><nav><a href='/'>Home</a></nav>"
            f"<article>{paras}</article><footer>© Example</footer></body></html>"
        )

    docs = [{"id": d["url"], "url": d["url"], "text": page(d["text"])} for d in corpus()]
    found = mine(docs, rules=default_rules())
    top = found.candidates[0]
    assert top.site == SITE_A and top.text == wordings()["unknown"] and top.docs == 12
    draft = draft_rules(found.candidates)
    pack = tmp_path / "mined.yaml"
    pack.write_text(draft.text, encoding="utf-8")
    rules = load_rules([pack])
    for d, doc in zip(corpus()[:12], docs[:12], strict=True):
        assert "Remarque BlockBeats" not in clean(doc["text"], url=d["url"], rules=rules).text


def test_cli_mine_html_field(tmp_path: Path) -> None:
    """`mine --html-field NAME` reads the page from that field, as `clean --html-field` does."""
    import html as html_mod

    data = tmp_path / "crawl.jsonl"
    with data.open("w", encoding="utf-8") as fh:
        for d in corpus():
            paras = "".join(f"<p>{html_mod.escape(line)}</p>" for line in d["text"].split("\n"))
            page = f"<html><body><article>{paras}</article></body></html>"
            fh.write(json.dumps({"url": d["url"], "html": page}) + "\n")
    assert run("mine", data).exit_code == 2  # no 'text' field
    res = run("mine", data, "--html-field", "html", "--format", "json")
    assert res.exit_code == 0, res.output
    top = json.loads(res.stdout)["candidates"][0]
    assert (top["site"], top["text"], top["docs"]) == (SITE_A, wordings()["unknown"], 12)
