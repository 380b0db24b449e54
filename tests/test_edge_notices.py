"""Tail and edge families of issue #10 (stop 10): widget labels, copyright lines, paywall offers, notices.

Positive examples are real fresh pages of tests/data/fresh (URLs in their case records and in the rules'
own tests in rules/structure.yaml and rules/generic.yaml), cleaned whole with the bundled rules: the
labelled item goes and every line of the label (the clean text) stays. Negative ones are what real
articles share with the shapes: a photo credit, a signature, a price in a sentence, a cut last line.
"""

from __future__ import annotations

import pytest
from casedata import load_fresh_case

from cleaner import clean
from cleaner.rules.edge_shapes import copyright_line, label_cue, paywall_offer, tail_labels

_ARTICLE = (
    "The council voted on Wednesday to close the old library after a debate that lasted for hours. "
    "The building will be sold next year, and its books will go to the schools of the district, "
    "the mayor said."
)


@pytest.mark.parametrize(
    ("name", "rule", "item"),
    [
        ("f6-17", "structure.tail-labels", "Ştiri video recomandate"),  # ro, antena3.ro
        ("f6-13", "structure.tail-labels", "Τυχαία Θέματα"),  # el, inewsgr.com
        ("f6-27", "structure.tail-labels", "บทความที่มีคนสนใจใน 1 สัปดาห์"),  # th, npmestory.com
        ("f6-32", "structure.tail-labels", "이 시각 주요뉴스"),  # ko, nocutnews.co.kr
        ("f5-09", "structure.tail-labels", "Must See"),  # sw page, soka25east.com
        ("f6-03", "generic.copyright.shape", "Testi ed immagini Copyright Repubblica.it"),  # it
        ("f6-35", "generic.copyright.shape", "©'5개국어 글로벌 경제신문' 아주경제. 무단전재·재배포 금지"),  # ko
        ("f4-28", "generic.copyright.shape", "不提供二次转载"),  # zh, techweb.com.cn
        ("f33-10", "generic.copyright.shape", "Copyright © ANTARA 2020"),  # id, the holder between sign and year
        ("f6-18", "structure.paywall-offer", "Läs webbnyheterna för endast 13,90 € /månad"),  # sv, vasabladet.fi
        ("f6-26", "generic.ai.summary-notice", "Résumé généré par l'IA, examiné par la rédaction."),  # fr
        ("f6-23", "generic.disclaimer.author-views", "Burada belirtilen fikir ve görüşler yalnızca yazara"),  # tr
        ("f6-31", "structure.tail-stories", "Глава Новосибирской области встретился"),  # ru, nnov54.ru
        ("f6-32", "generic.buttons.action", "탑배너 닫기"),  # ko
    ],
)
def test_edge_item_goes_and_the_article_stays(name, rule, item):
    raw, label, url = load_fresh_case(name)
    result = clean(raw, url=url)
    hits = [r for r in result.removals if r.rule == rule]
    assert any(item in " ".join(r.text.split()) for r in hits), [(r.rule, r.text[:40]) for r in result.removals]
    assert item not in result.text
    kept = [line.strip() for line in label.split("\n") if line.strip()]
    assert all(line in result.text for line in kept)  # nothing of the article goes


def test_tail_labels_keep_the_lines_above_the_first_widget_word():
    # f6-17: the source line "Antena3.ro" is in the run of short lines but carries no widget word
    blocks = [_ARTICLE, "Antena3.ro", "Ştiri video recomandate"]
    assert tail_labels(blocks, 1, 0) is None
    assert tail_labels(blocks, 2, 0) is not None
    assert label_cue("Antena3.ro") is None and label_cue("Τυχαία Θέματα") == "τυχαία"


def test_tail_labels_keep_signatures_credits_cut_lines_and_short_pages():
    assert tail_labels([_ARTICLE, "John Smith", "Photo: Reuters"], 2, 0) is None  # a credit
    assert tail_labels([_ARTICLE, "Đặc điểm nổi bật c"], 1, 0) is None  # a cut tail (f2-08)
    assert tail_labels([_ARTICLE, "이와 관련해 금융감독원은 '가"], 1, 0) is None  # a cut sentence (f5-14)
    assert tail_labels(["Home", "Latest news", "Popular"], 2, 0) is None  # no article above
    assert tail_labels([_ARTICLE, "Popular coins", "The list goes on and on."], 1, 0) is None  # prose follows


def test_copyright_line_keeps_photo_credits_and_prose():
    assert copyright_line(["© Reuters", _ARTICLE], 0, 0) is None
    assert copyright_line([_ARTICLE, "© Reuters 2020 shows the damage"], 1, 0) is None  # a caption's words follow
    assert copyright_line([_ARTICLE, "© Jane Doe 2020", _ARTICLE], 1, 0) is None  # a credit above the text
    assert copyright_line([_ARTICLE, "Photo: John Smith ©"], 1, 0) is None
    prose = "The court said that the copyright of the photo belongs to the agency and that any copy needs consent."
    assert copyright_line([_ARTICLE, prose], 1, 0) is None
    notice = "- Copyrights ⓒ 조선일보 & chosun.com, 무단 전재 및 재배포 금지 -"  # f5-15
    assert copyright_line([_ARTICLE, notice], 1, 0) is not None


def test_paywall_offer_needs_a_price_tag_among_the_last_short_lines():
    offer = [_ARTICLE, "Subscribe for $4.99/mo", "Cancel anytime"]
    assert paywall_offer(offer, 1, 0) is not None and paywall_offer(offer, 2, 0) is not None
    assert paywall_offer([_ARTICLE, "Sign up for a Hulu ad-free account for $11.99 a month"], 1, 0) is None
    assert paywall_offer([_ARTICLE, "Basic: $4.99/mo", _ARTICLE], 1, 0) is None  # the article goes on
