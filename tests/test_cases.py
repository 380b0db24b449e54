"""Golden tests on the labelled real cases (tests/data/cases, policy in tests/data/POLICY.md)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from casedata import CASES, case_names, load_case

from cleaner import clean

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import eval_cases  # noqa: E402


def _clean_case(name: str) -> tuple[str, str]:
    raw, label, record = load_case(name)
    result = clean(raw, url=record.get("url"), language=record.get("language"))
    return (result.text + "\n" if result.text else ""), label


def test_seed_page_equals_its_label():
    """The page that started the project: body twice, Gate's French disclaimer between the copies."""
    out, label = _clean_case("gate-fr-kremlin")
    assert out == label


def test_seed_page_removals_are_explained():
    raw, _, _ = load_case("gate-fr-kremlin")
    result = clean(raw)
    kinds = [(r.kind, r.rule) for r in result.removals]
    assert ("duplicate", "dedup.exact") in kinds
    assert any(k == "boilerplate" and rule.startswith("gate.") for k, rule in kinds)
    for r in result.removals:
        assert raw[r.start : r.end] == r.text
        if r.kind == "duplicate":
            assert r.duplicate_of is not None and r.duplicate_of[0] < r.start


def test_quality_targets_on_all_cases():
    """Issue #2 targets: token recall ≥ 0.995, precision ≥ 0.97, all duplicates, ≥ 90% boilerplate."""
    summary, _ = eval_cases.evaluate(CASES)
    assert summary["seed_exact"]
    assert summary["recall"] >= 0.995, summary
    assert summary["precision"] >= 0.97, summary
    assert summary["duplicates"] == 1.0, summary
    assert summary["boilerplate"] >= 0.90, summary


@pytest.mark.parametrize("name", case_names())
def test_case_never_loses_label_text(name):
    """Every word the label keeps is still in the output (policy D2: when in doubt, keep)."""
    out, label = _clean_case(name)
    from collections import Counter

    missing = Counter(eval_cases.TOKEN.findall(label)) - Counter(eval_cases.TOKEN.findall(out))
    # A glued word split by the removal of an adjacent marker ("industryRead More") is the only
    # tolerated difference: at most one token per case.
    assert sum(missing.values()) <= 1, missing


FRESH = CASES.parent / "fresh"

# Token recall, the issue's ≥ 0.995 on every set but where a round is measured under it (stop 17's figures:
# round1 0.9634, round5 0.9942, round18 0.9892, round19 0.9947; round25 0.9886 held out): a floor there at its
# figure, so it cannot fall.
RECALL_FLOORS = {"round1": 0.963, "round5": 0.994, "round18": 0.989, "round19": 0.9945, "round25": 0.988}


@pytest.mark.parametrize(
    ("round_", "precision", "boilerplate"),
    # measured at stop 9 (benchmarks/RESULTS.md): round1 P 0.882 / 58.2%, round2 P 0.976 / 80.4%,
    # round3 P 0.986 / 93.4%, round4 P 0.957 / 60.0%, round5 P 0.910 / 48.2% (42.7% held out),
    # round6 P 0.947 / 28.9% (its held-out score); at stop 10 (tail and edge families, tuned on these
    # rounds): round1 P 0.886 / 61.8%, round2 P 0.977 / 83.2%, round3 P 0.997 / 95.1%, round4 P 0.965 /
    # 71.2%, round5 P 0.933 / 73.8%, round6 P 0.978 / 77.8%; round7 held out through stop 10: P 0.917 /
    # 50.4% at its start, 0.919 / 54.2% at its end (then 0.929 / 58.8%, tuned on: cookie banners,
    # prev/next labels); round8 P 0.940 / 34.3% held out at stop 10's start, 0.958 / 48.1% at its end;
    # round9 P 0.982 / 74.6% held out at stop 11's start (6bc6d9f); at stop 12 (section labels, meta-line
    # counters, url residue, template residue, platform notices; benchmarks/RESULTS.md "Issue 10 — stop
    # 12"): round4 P 0.971 / 75.0%, round5 0.934 / 75.0%, round6 0.981 / 80.0%, round7 0.938 / 61.1%, round8
    # 0.961 / 51.9%, round9 0.982 / 74.6%; round10 0.974 / 34.1% and round11 0.977 / 29.3% held out at the
    # stop's start (8b64a83), 0.979 / 48.8% and 0.983 / 51.2% after it tuned on them; round12 0.979 / 43.2%
    # held out at the stop's start and its end; round13 0.976 / 65.5% held out at both (collected at the end);
    # stop 13: round14 0.958 / 32.7% held out at the start (b92da02), 0.958 / 34.6% after the stop's first
    # block; round15 0.972 / 23.7% at both (collected after round 14 was scored); round16 0.914 / 21.4% at the
    # start, 0.914 / 22.3% at the end (a stories-widget change tuned on it was reverted); round14 0.960 / 36.5% at
    # the end; round17 0.928 / 61.7% at the stop's start and end; stop 14 (structure.tail-cards, tuned on rounds 14
    # and 16): round14 0.980 / 53.8%, round16 0.940 / 42.7%, round17 unchanged held out;
    # rounds 18 (P 0.880 / 41.1%), 19 (0.980 / 25.0%) and 20 (0.946 / 24.1%) collected during stop 14, the same
    # at its start and end code; round 19's second half (19b, 12 pages) scored at stop 15's start at both codes
    # (P 0.926 / 39.5% on its own): round19 whole 0.957 / 35.6%; stop 15 (section names, label vocabulary in 35
    # more languages, platform/share prompts, ticker icons …, tuned on rounds 14-20): round14 0.981 / 59.6%, 15
    # 0.975 / 34.2%, 16 0.943 / 46.6%, 19 0.964 / 49.2%, 20 0.967 / 69.0%; round21 held out through the stop,
    # 0.872 / 41.4% at its start and end; round22 collected at its end, 0.942 / 25.0% (held out for stop 16);
    # stop 16 (the learned head rule retrained on rounds 1-22, still at 0.98): round12 0.981 / 43.2%, round18
    # 0.880 / 43.8%, the rest unchanged; round23 held out through the stop, 0.909 / 39.4% at its start and end;
    # round24 (pages that are not news) collected at its end, 0.886 / 26.8%, recall 0.989 (held out for stop 17);
    # stop 17: round24 scored first (the same), then tuned on: a record's fields and a restated title kept by the
    # head rule, 0.885 / 25.4% (two CTA lines and two duplicates the rule had taken with the fields stay), recall
    # 0.998 (0.893 / 34.1% after the tail cards); round26 collected during stop 17, scored before tuning on it:
    # 0.959 / 27.9% at the start code, then 0.959 / 26.2%, recall 0.9968 -> 0.9981 (a byline kept); round25
    # held out through stop 17, 0.926 / 33.0%, recall 0.989, at its start and end code; round27 held out through
    # stop 17 and scored first at stop 18: 0.886 / 56.8%, recall 0.9975 (0.9984 once a recipe's time and a help
    # page's title stayed; 0.888 / 61.0% after stop 18's families); round28 held out through stop 18, 0.875 / 18.2%,
    # recall 0.9969, at its start and end code (0.898 / 43.0% once tuned on); round29 held out through stop 18,
    # 0.853 / 34.6%, recall 0.9974, scored first at stop 19; 0.858 / 39.3% after its header rule (tuned on it).
    # Stop 19's review lowered seven floors by one to three items: no model rule takes a line of a header of
    # fewer than six lines over the title (a record's chips: "Vollzeit" / "Hamburg" over a job's title), which
    # keeps 16 furniture lines and 3 content lines on the labelled sets (round5 75.0 → 74.4%, round8 51.9 → 50.9%,
    # round11 51.2 → 48.8%, round15 34.2 → 31.6% and P 0.9751 → 0.9749, round17 63.3 → 60.8%, round18 43.8 →
    # 41.1%, round29 41.1 → 39.3%). round30 held out through stop 19: 0.924 / 41.7% at its start code, 0.923 /
    # 39.3%, recall 0.9967 at its end; round31 held out through stop 19, scored first at stop 20: 0.899 / 50.8%,
    # recall 1.0000; round32 held out through stop 20, scored first at stop 21: 0.878 / 18.9%, recall 0.9933 at its
    # start code (0.9990 once a list item ending its own sentence, a document's number before its date and a
    # signature joining two headings stayed); round33 held out through stop 21, scored first at stop 22: 0.860 /
    # 21.1%, recall 1.0000 at its start code; round34 held out through stop 22, scored first at stop 23: 0.932 /
    # 29.4%, recall 0.9988 at its start code. Stop 23 raised every floor to the figures its end code measures
    # (items rounded down to the hundredth, precision to the half hundredth): a later change that loses what the
    # families found so far fails here, and says on which round
    [
        ("round1", 0.885, 0.61),
        ("round2", 0.975, 0.83),
        ("round3", 0.995, 0.95),
        ("round4", 0.97, 0.77),
        ("round5", 0.93, 0.76),
        ("round6", 0.98, 0.81),
        ("round7", 0.935, 0.62),
        ("round8", 0.96, 0.50),
        ("round9", 0.98, 0.79),
        ("round10", 0.98, 0.51),
        ("round11", 0.98, 0.51),
        ("round12", 0.98, 0.43),
        ("round13", 0.975, 0.68),
        ("round14", 0.98, 0.65),
        ("round15", 0.975, 0.34),
        ("round16", 0.94, 0.54),
        ("round17", 0.925, 0.61),
        ("round18", 0.875, 0.43),
        ("round19", 0.96, 0.52),
        ("round20", 0.965, 0.68),
        ("round21", 0.87, 0.41),
        ("round22", 0.945, 0.34),
        ("round23", 0.91, 0.41),
        ("round24", 0.9, 0.36),
        ("round25", 0.935, 0.43),
        ("round26", 0.96, 0.34),
        ("round27", 0.885, 0.62),
        ("round28", 0.895, 0.43),
        ("round29", 0.855, 0.4),
        ("round30", 0.92, 0.4),
        ("round31", 0.905, 0.57),
        ("round32", 0.92, 0.59),
        ("round33", 0.865, 0.29),
        ("round34", 0.94, 0.41),
    ],
)
def test_quality_floors_on_the_fresh_rounds(round_, precision, boilerplate):
    """The fresh rounds (tests/data/fresh), each held out until it was scored once: floors at the
    measured figures, so a change that loses what the generic mechanisms found there fails here."""
    summary, _ = eval_cases.evaluate(FRESH / round_)
    assert summary["precision"] >= precision, summary
    assert summary["boilerplate"] >= boilerplate, summary
    assert summary["recall"] >= RECALL_FLOORS.get(round_, 0.995), summary



def test_eval_all_prints_dev_and_every_fresh_round_side_by_side(capsys):
    """`eval_cases.py --all --json`: one row per set, the dev cases first, then every fresh round in number
    order (round10 after round9), each with the figures the per-set command gives."""
    assert eval_cases.main(["--all", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    names = list(rows)
    rounds = sorted(p.name for p in FRESH.glob("round*") if p.is_dir())
    assert names[0] == "dev" and sorted(names[1:]) == rounds
    assert names.index("round9") < names.index("round10")
    summary, _ = eval_cases.evaluate(FRESH / "round3")
    assert rows["round3"]["precision"] == summary["precision"]
    assert rows["round3"]["boilerplate_n"] == summary["boilerplate_n"]
