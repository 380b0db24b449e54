"""Helpers for the labelled real cases copied from ../shared/data/cases (see tests/data/)."""

from __future__ import annotations

import sys
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from eval_cases import HELD_OUT  # noqa: E402,F401  (the rounds held out for a later stop: never a test's gate)
from review_hits import load_review_input  # noqa: E402,F401  (a reviewer's input, for the review tests)

DATA = Path(__file__).parent / "data"
CASES = DATA / "cases"


def case_names() -> list[str]:
    return sorted(p.name[: -len(".txt")] for p in CASES.glob("*.txt") if not p.name.endswith(".clean.txt"))


def load_case(name: str) -> tuple[str, str, dict]:
    """(raw text, label, case record) of one labelled case."""
    raw = (CASES / f"{name}.txt").read_text(encoding="utf-8")
    label = (CASES / f"{name}.clean.txt").read_text(encoding="utf-8")
    record = yaml.safe_load((CASES / f"{name}.yaml").read_text(encoding="utf-8"))
    return raw, label, record


def load_fresh_case(name: str) -> tuple[str, str, str | None]:
    """A fresh-round page (tests/data/fresh/roundN/fN-MM): raw text, label and the page's URL."""
    folder = DATA / "fresh" / f"round{name[1:].split('-')[0]}"  # "f10-03" is in round10
    record = yaml.safe_load((folder / f"{name}.yaml").read_text(encoding="utf-8"))
    raw = (folder / f"{name}.txt").read_text(encoding="utf-8")
    label = (folder / f"{name}.clean.txt").read_text(encoding="utf-8")
    return raw, label, record.get("url")

