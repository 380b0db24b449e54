"""Language identification (py3langid), run only when a rule or a reader of the result needs it."""

from __future__ import annotations

from casedata import load_case

from cleaner import clean, load_rules
from cleaner.core import needs_language
from cleaner.text.lang import guess_language


def test_languages_of_real_cases():
    assert guess_language(load_case("gate-fr-kremlin")[0]) == "fr"
    assert (
        guess_language("ビットコインなど代表的な暗号資産(仮想通貨)の下落傾向が強まっている。金融情報会社によると")
        == "ja"
    )
    assert (
        guess_language(
            "유동성이 시장 붕괴를 일으키는 방법. 8월 17일 암호화폐 시장은 하루 만에 약 1,200억 달러를 잃었습니다."
        )
        == "ko"
    )
    assert guess_language("Bitcoin") is None  # too few letters: abstain


def test_language_is_identified_only_when_read():
    result = clean("Le Kremlin a déclaré que la Russie ne reconnaîtrait pas les résultats de ces élections.")
    assert callable(result.__dict__["_lazy_language"])  # nothing identified while cleaning
    assert result.language == "fr"
    assert result.__dict__["_lazy_language"] == "fr"  # computed once, then kept
    assert clean("Texte.", language="de").language == "de"  # a given language is taken as is


def test_a_language_scoped_rule_gets_the_identified_language(tmp_path):
    pack = tmp_path / "p.yaml"
    pack.write_text(
        "pack: p\nrules:\n  - id: p.uk-subscribe\n    description: d\n    scope:\n      languages: [uk]\n"
        "    match:\n      literal: Підписуйтесь на наш канал\n    tests:\n"
        "      - input: 'Текст. Підписуйтесь на наш канал'\n        output: Текст.\n        language: uk\n"
        "      - input: Текст.\n",
        encoding="utf-8",
    )
    rules = load_rules([pack], defaults=False)
    assert needs_language(rules) and not needs_language(load_rules())
    body = "Власники біткоїна за добу втратили 25 млрд доларів, що відбувається з курсом криптовалюти."
    result = clean(body + "\nПідписуйтесь на наш канал", rules=rules)
    assert result.text == body and result.language == "uk"
    assert clean(body + "\nПідписуйтесь на наш канал", rules=rules, language="ru").text != body
