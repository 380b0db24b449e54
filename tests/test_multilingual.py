"""Platform disclaimers and page furniture in many languages, inside a real article.

The wordings (tests/data/multilingual.yaml) follow the real English and French ones of ../shared/data
in the languages the platforms publish; the policy removes them in any language (B1, B2, B3, B5). Each
is put into the clean text of a labelled case: a disclaimer on a line of its own after the article,
before it, and glued to the end of its last paragraph; a furniture line on a line of its own after the
article. It must go, and no word of the article may go with it.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import pytest
import yaml

from cleaner import clean

DATA = Path(__file__).parent / "data"
WORDS = yaml.safe_load((DATA / "multilingual.yaml").read_text(encoding="utf-8"))
ARTICLE = (DATA / "cases" / "001.clean.txt").read_text(encoding="utf-8").strip()
# ends with a credit line without a full stop ("... editing by Miral Fahmy")
CREDITED = (DATA / "cases" / "018.clean.txt").read_text(encoding="utf-8").strip()
TOKEN = re.compile(r"\w+")


def _lost(text: str) -> Counter[str]:
    """Article words missing from ``text``."""
    return Counter(TOKEN.findall(ARTICLE)) - Counter(TOKEN.findall(text))


def _left(notice: str, text: str) -> float:
    """Share of the notice's words still in ``text`` beyond the article's own."""
    extra = Counter(TOKEN.findall(text)) - Counter(TOKEN.findall(ARTICLE))
    words = Counter(TOKEN.findall(notice))
    return sum(min(extra[w], n) for w, n in words.items()) / max(1, sum(words.values()))


@pytest.mark.parametrize("where", ["after", "before", "glued"])
@pytest.mark.parametrize("name", sorted(WORDS["disclaimers"]))
def test_disclaimer_goes_and_the_article_stays(name: str, where: str) -> None:
    notice = WORDS["disclaimers"][name]
    if where == "after":
        raw = f"{ARTICLE}\n{notice}"
    elif where == "before":
        raw = f"{notice}\n{ARTICLE}"
    else:  # on the same line as the article's last paragraph (which ends with a full stop)
        raw = f"{ARTICLE} {notice}"
    result = clean(raw)
    assert not _lost(result.text), f"article words lost: {_lost(result.text)}"
    assert _left(notice, result.text) == 0, result.text[-400:]
    assert any(r.kind == "boilerplate" for r in result.removals)


@pytest.mark.parametrize("name", sorted(n for n in WORDS["disclaimers"] if not n.startswith("binance-square")))
def test_disclaimer_glued_to_a_credit_line_goes_and_the_credit_stays(name: str) -> None:
    """A notice that opens with the page ("This page may contain …", "El contenido de esta página …")
    is found after a line without a full stop too. (Labelled notices such as Binance Square's
    "Disclaimer: …" are not: a capitalised label inside a line may be prose.)"""
    notice = WORDS["disclaimers"][name]
    result = clean(f"{CREDITED} {notice}")
    lost = Counter(TOKEN.findall(CREDITED)) - Counter(TOKEN.findall(result.text))
    assert not lost, f"article words lost: {lost}"
    extra = Counter(TOKEN.findall(result.text)) - Counter(TOKEN.findall(CREDITED))
    assert not extra, result.text[-300:]


@pytest.mark.parametrize(
    "language,line", [(lang, line) for lang, lines in WORDS["furniture"].items() for line in lines]
)
def test_furniture_line_goes_and_the_article_stays(language: str, line: str) -> None:
    result = clean(f"{ARTICLE}\n{line}")
    assert result.text == ARTICLE, f"{language}: {line!r} stayed"
    assert not _lost(result.text)
