"""benchmarks/review_hits.py: the removal lists a review's figures come from, and ``--against COMMIT``, what a
change did on a reviewer's inputs."""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import review_hits

ROOT = Path(__file__).resolve().parent.parent
REVIEW = ROOT / "tests" / "data" / "review" / "stop20"
BEFORE = "b063e0f"  # stop 19's end: before generic.wiki.tagline existed


def _has_commit(commit: str) -> bool:
    found = subprocess.run(["git", "-C", str(ROOT), "cat-file", "-e", f"{commit}^{{commit}}"], capture_output=True)
    return found.returncode == 0


def test_lists_every_removal_of_a_rule_with_its_input_and_score(capsys):
    assert review_hits.main([str(REVIEW), "--rule", "generic.wiki.tagline"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "in-20 generic.wiki.tagline 100.0 'Z Wikipedie, otevřené encyklopedie'" in lines
    assert lines[-1].split() == [str(sum(" generic.wiki.tagline " in x for x in lines)), "generic.wiki.tagline"]


@pytest.mark.skipif(not _has_commit(BEFORE), reason="a shallow checkout without stop 19's commit")
def test_against_a_commit_prints_only_what_the_change_added_or_took_away(capsys):
    assert review_hits.main([str(REVIEW), "--rule", "generic.wiki.tagline", "--against", BEFORE]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "NEW  in-20 generic.wiki.tagline 100.0 'Z Wikipedie, otevřené encyklopedie'" in lines
    assert lines and all(x.startswith("NEW  ") for x in lines)  # the rule did not exist: nothing gone


@pytest.mark.skipif(not _has_commit("a45d86a"), reason="a shallow checkout without stop 20's last commit")
def test_rule_hits_against_a_commit_prints_what_a_change_did_on_the_labelled_sets(capsys):
    """``rule_hits.py RULE --against COMMIT``: the removals of the rule on the labelled sets at this code and at the
    commit, only those that differ. Stop 21 read f32-07's bulleted view count as a counter and stopped reading
    f32-18's document number "476 от" as one."""
    import rule_hits

    assert rule_hits.main(["structure.meta-counters", "--against", "a45d86a"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "NEW  ok round32 f32-07 structure.meta-counters '• 2.4k Преглеждания'" in lines
    assert "GONE ok round32 f32-18 structure.meta-counters '476 от'" in lines
