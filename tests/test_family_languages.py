"""The label families cover the world's languages, and their words in a sentence stay.

`benchmarks/family_coverage.py` holds one typical line per family and language (46 languages);
the bundled packs must remove each of them after a prose sentence (the known gaps are listed, so a
regression in any language fails here), and the same words used inside prose must survive.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))

from family_coverage import FAMILIES, PROBES, covered  # noqa: E402

from cleaner import clean, load_rules  # noqa: E402

# Known gaps: Swahili writes the unit before the number ("dakika 4"); a Thai tag item ending in an
# abbreviation's full stop ("ธปท.") reads as a sentence end, which the tag-line rule refuses.
KNOWN_GAPS = {("reading-time", "sw"), ("tags", "th")}


@pytest.fixture(scope="module")
def rules():
    return load_rules()


@pytest.mark.parametrize("family", FAMILIES)
def test_family_covers_every_language(rules, family):
    i = FAMILIES.index(family)
    missing = {lang for lang, probes in PROBES.items() if not covered(rules, family, probes[i])}
    assert missing == {lang for fam, lang in KNOWN_GAPS if fam == family}


# The same label words inside sentences of an article are the author's and stay.
PROSE_WITH_LABEL_WORDS = [
    "Readers who want to read more about the ruling can find the full judgement on the court's site.",
    "Die Anzeige wurde am Montag bei der Polizei erstattet, sagte ein Sprecher.",
    "Reklama w telewizji kosztuje coraz więcej, przyznał prezes spółki.",
    "Komentarze ekspertów są podzielone, a rynek czeka na decyzję banku.",
    "Το περιεχόμενο της συμφωνίας δεν έχει δημοσιοποιηθεί ακόμη.",
    "Видео набрало 567 просмотров за первый час, сообщил автор канала.",
    "Spis treści raportu wyciekł do mediów w poniedziałek.",
    "© 2024 The court ruled that the image belongs to the author. It was sold.",
    "Schlagwörter wie Inflation und Zinsen bestimmten die Debatte im Bundestag.",
]


@pytest.mark.parametrize("text", PROSE_WITH_LABEL_WORDS)
def test_label_words_in_prose_stay(rules, text):
    assert clean(text, rules=rules).text.strip() == text


FAMILY_RULES = ("generic.crosslink.list-label", "generic.crosslink.inline", "generic.ads.label", "generic.share.labels",
                "generic.follow.prompts", "generic.comments.widget", "generic.reading-time", "generic.toc.label",
                "generic.feed.read-more-line", "generic.nav.tag-list", "generic.nav.keyword-list",
                "generic.copyright.line", "generic.widget.view-counter")


def test_family_regexes_have_selective_anchors(rules):
    """Every regex of the family rules gives the prefilter an anchor that is not a bare number, so it runs
    only on blocks that can match (a year as the anchor ran the copyright shapes on every dated block)."""
    by_id = {r.id: r for r in rules.rules}
    for rid in FAMILY_RULES:
        m = by_id[rid].matcher
        for member in (m.members or (m,)):
            if member.kind != "regex":
                continue
            assert member.anchors, f"{rid}: a regex without anchors runs on every block"
            assert not any(a.strip().isdigit() for a in member.anchors), f"{rid}: a number as anchor {member.anchors}"
