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
    "Back to top form after the injury, the striker scored twice on Sunday.",
    "Die Suche nach den Vermissten wurde am Abend fortgesetzt, sagte die Polizei.",
    "Поиск пропавших продолжался всю ночь, сообщили спасатели.",
    "Print and email newsletters still reach older readers, the survey found.",
    "The font size on the ballot was too small, several voters complained.",
    "Skip to the end of the report and the numbers tell a different story.",
    "Geri dön çağrısı yapan bakan, yatırımcıları sakin olmaya davet etti.",
]


@pytest.mark.parametrize("text", PROSE_WITH_LABEL_WORDS)
def test_label_words_in_prose_stay(rules, text):
    assert clean(text, rules=rules).text.strip() == text


FAMILY_RULES = ("generic.crosslink.list-label", "generic.crosslink.inline", "generic.ads.label", "generic.share.labels",
                "generic.follow.prompts", "generic.comments.widget", "generic.reading-time", "generic.toc.label",
                "generic.feed.read-more-line", "generic.nav.tag-list", "generic.nav.keyword-list",
                "generic.copyright.line", "generic.widget.view-counter", "generic.ui.skip-link",
                "generic.ui.text-size", "generic.ui.search-box")


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


# The ui-controls family's other sub-families (the back-to-top button is its probe in family_coverage):
# a skip link, a text-size control and a search box's placeholder in a spread of scripts, each after a
# sentence of prose; the bare search / go-back / print words go only at the head or tail of the page.
UI_LINES = {
    "skip": ["Skip to main content", "Zum Inhalt springen", "Aller au contenu", "Saltar al contenido",
             "Pular para o conteúdo", "Passa al contenuto", "Przejdź do treści", "Přeskočit na obsah",
             "İçeriğe geç", "Перейти к содержимому", "Перейти до вмісту", "تخطي إلى المحتوى", "דלג לתוכן",
             "ข้ามไปยังเนื้อหา", "Chuyển đến nội dung", "Langsung ke konten", "跳到主要内容", "本文へスキップ",
             "본문 바로가기"],
    "text-size": ["A+A-", "A- A+", "A A A", "Font size", "Text size", "Schriftgröße", "Taille du texte",
                  "Tamaño de letra", "Rozmiar czcionki", "Yazı boyutu", "Размер шрифта", "حجم الخط", "Cỡ chữ",
                  "字体大小", "文字サイズ", "글자크기", "폰트사이즈"],
    "search": ["Search", "Search...", "Search for:", "Type and hit enter", "Start typing and press Enter to search",
               "Rechercher…", "Buscar...", "Suche", "Szukaj", "Поиск...", "Ara", "بحث", "ค้นหา", "Tìm kiếm",
               "搜索", "検索", "검색"],
    "print-copy": ["Print", "Print this article", "Email", "Copy link", "Link copied", "Drucken", "Imprimer",
                   "Copier le lien", "Kopiuj link", "Скопировать ссылку", "复制链接", "링크 복사", "주소복사"],
    "go-back": ["Go back", "Geri dön", "Quay lại", "НАЗАД", "Zurück", "Retour", "Powrót", "返回", "戻る"],
}


@pytest.mark.parametrize("kind,line", [(k, line) for k, lines in UI_LINES.items() for line in lines])
def test_ui_control_lines_go(rules, kind, line):
    text = f"{PROSE_WITH_LABEL_WORDS[0]}\n{line}"
    assert clean(text, rules=rules).text.strip() == PROSE_WITH_LABEL_WORDS[0]


def test_bare_ui_words_in_the_body_stay(rules):
    """The bare search / go-back / print words are headings or words of the article past the edge runs."""
    body = [f"Paragraph {n} of the article is long enough to be prose and it ends here with a full stop."
            for n in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")]
    text = "\n".join(body[:5] + ["Search", "Zurück", "Drucken"] + body[5:])
    out = {line.strip() for line in clean(text, rules=rules).text.split("\n")}
    assert {"Search", "Zurück", "Drucken"} <= out
