"""A short run of the fuzz harness (benchmarks/fuzz.py) in CI: every target, a few dozen inputs each.

The long run (>= 100,000 inputs) is a benchmark; its figures are in benchmarks/RESULTS.md.
"""

from __future__ import annotations

import dataclasses
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import fuzz  # noqa: E402  (the harness lives with the benchmarks, where its long run is documented)


@pytest.mark.parametrize("target", list(fuzz.TARGETS))
def test_fuzz_target_short_run(target: str) -> None:
    row = fuzz.run_target(target, 25)
    assert row["failure"] is None, row["failure"]
    assert row["inputs"] >= 25


def test_harness_catches_a_broken_property(monkeypatch: pytest.MonkeyPatch) -> None:
    """The harness reports failures: a cleaner that adds a word is caught by the text target."""
    real = fuzz.clean

    def adds_a_word(*args, **kwargs):
        result = real(*args, **kwargs)
        return dataclasses.replace(result, text=result.text + " invented")

    monkeypatch.setattr(fuzz, "clean", adds_a_word)
    row = fuzz.run_target("text", 25)
    assert row["failures"] == 1 and "not in the input" in str(row["failure"])
