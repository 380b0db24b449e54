"""Regression set of real non-news and non-English pages (``tests/data/html/regress/``).

Each page has a hand-written reference (``NAME.ref.txt``: the main text a reader wants, one block per
line) and a recall floor in its ``NAME.yaml``, set a little under what the extractor reached when it
was measured. The floor is checked on the full pipeline (``cleaner.clean(html_bytes)``), with the
benchmark's metric adapted to scripts written without spaces: 4-gram shingles of tokens, where a
token is a run of word characters or one CJK character (a Chinese or Japanese sentence has no
spaces, so ``\\w+`` would make it one token).
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

import cleaner

REGRESS = Path(__file__).parent / "data" / "html" / "regress"
_CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_TOKEN = re.compile(f"[{_CJK}]|[^\\W{_CJK}]+")


def shingles(text: str, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text)
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def recall(reference: str, output: str) -> float:
    """Share of the reference's shingles (with their counts) found in the output."""
    ref, out = shingles(reference), shingles(output)
    total = sum(ref.values())
    return sum(min(n, out.get(k, 0)) for k, n in ref.items()) / total if total else 1.0


PAGES = sorted(p.stem for p in REGRESS.glob("*.html"))


def test_the_set_is_there_and_every_page_has_a_floor() -> None:
    assert len(PAGES) >= 15
    for name in PAGES:
        meta = yaml.safe_load((REGRESS / f"{name}.yaml").read_text(encoding="utf-8"))
        assert isinstance(meta.get("recall_floor"), float), name
        assert meta["recall_floor"] > 0, f"{name}: a zero floor could never fail"
        assert (REGRESS / f"{name}.ref.txt").read_text(encoding="utf-8").strip(), name


@pytest.mark.parametrize("name", PAGES)
def test_page_keeps_its_recall_floor(name: str) -> None:
    meta = yaml.safe_load((REGRESS / f"{name}.yaml").read_text(encoding="utf-8"))
    reference = (REGRESS / f"{name}.ref.txt").read_text(encoding="utf-8")
    text = cleaner.clean((REGRESS / f"{name}.html").read_bytes()).text
    assert text.strip(), f"{name}: empty output for a page with text"
    got = recall(reference, text)
    assert got >= meta["recall_floor"], f"{name}: recall {got:.3f} under its floor {meta['recall_floor']}"


def test_the_metric_counts_cjk_characters_and_fails_on_a_missing_text() -> None:
    assert recall("京都で紅葉が見頃に", "京都で紅葉が見頃に") == 1.0
    assert recall("京都で紅葉が見頃に", "京都で") == 0.0
    assert recall("one two three four five", "one two three four") == 0.5
