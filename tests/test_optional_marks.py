"""Arabic and Hebrew optional marks (issue 10, stop 22): a wording matches however a page sets its vowels.

"اقرأ أيضاً", "اقرأ أيضًا" and "اقرأ أيضا" ("read also") are one label written three ways: the tanwin sits after
the alef, before it, or is left out. The comparison form drops such marks (cleaner.text.normalize), and a rule's
regex lets them follow any letter of those scripts (cleaner.rules.regex.optional_marks), so the rule packs
need one spelling of a wording, not each way of setting its marks.
"""

from __future__ import annotations

import re

from casedata import load_fresh_case
from hypothesis import given
from hypothesis import strategies as st

from cleaner import clean
from cleaner.rules.regex import LinearPattern, compile_rule_regex, optional_marks
from cleaner.text.normalize import OPTIONAL_MARKS, comparison_form, comparison_map

_MARK = re.compile(f"[{OPTIONAL_MARKS}]")
_READ_ALSO = ("اقرأ أيضاً", "اقرأ أيضًا", "اقرأ أيضا")


def test_the_comparison_form_drops_arabic_and_hebrew_marks():
    assert len({comparison_form(t) for t in _READ_ALSO}) == 1
    assert comparison_form("שָׁלוֹם עוֹלָם") == comparison_form("שלום עולם")
    assert comparison_form("مـــرحبا") == comparison_form("مرحبا")  # the tatweel stretches a word, no more
    assert comparison_map("اقرأ أيضًا: أين")[0] == comparison_form("اقرأ أيضًا: أين")


_LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي "
_MARKS = "\u064b\u064c\u064d\u064e\u064f\u0650\u0651\u0652\u0640"


@given(st.lists(st.sampled_from([*_LETTERS, *_MARKS]), max_size=40))
def test_marks_never_change_the_comparison_form(chars):
    text = "".join(chars)
    assert comparison_form(text) == comparison_form(_MARK.sub("", text))


def test_a_rule_regex_matches_every_way_of_setting_the_marks():
    pattern = compile_rule_regex("اقرأ[^\\S\\n]+أيضاً[:：]")
    assert isinstance(pattern, LinearPattern)  # the rewritten pattern still runs on RE2
    assert all(pattern.search(t + ": x") for t in _READ_ALSO)
    assert not pattern.search("اقرأ ايضا: x")  # a different letter (alef without hamza) is another spelling


def test_the_rewrite_keeps_quantifiers_classes_and_other_scripts():
    assert optional_marks("Read also:") == "Read also:"
    marked = optional_marks("[اأإ]+قرأ")
    assert re.fullmatch(marked, "إقرأ") and re.fullmatch(marked, "اِقْرَأْ")
    assert re.fullmatch(optional_marks("ا{2}"), "اَاَ")
    assert re.fullmatch(optional_marks("أيضاً?"), "أيضا")  # a mark made optional by the pattern stays optional
    assert optional_marks(optional_marks("أيضاً")) == optional_marks("أيضاً")  # idempotent


def test_f33_17_read_also_with_the_tanwin_before_the_alef_goes():
    # fresh round 33 f33-17 (ar): "اقرأ أيضًا: …" in the article's middle; the packs spell it "أيضاً"
    raw, label, url = load_fresh_case("f33-17")
    result = clean(raw, url=url)
    assert any("اقرأ أيضًا" in r.text for r in result.removals if r.rule == "generic.crosslink.inline")
    assert "اقرأ أيضًا" not in result.text
    kept = [line.strip() for line in label.split("\n") if line.strip()]
    assert all(line in result.text for line in kept)
