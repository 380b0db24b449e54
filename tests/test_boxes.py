"""Notice boxes (``extend: box``, cleaner/rules/boxes.py): a removed disclaimer heading takes its box along.

Real examples: fresh round 3 case f3-08 (https://www.xyzblockchain.biz.id/2025/11/cara-kerja-bitcoin-memahami-
teknologi.html, an Indonesian Blogger post whose "📚 Disclaimer Edukasi" box has a lead, four ✅/❌ bullets and a
DYOR closer) and the OKX Learn mirror in ../shared/data/disclaimers.yaml (a "Disclaimer" heading over one
long paragraph).
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from cleaner import clean, load_rules
from cleaner.rules.boxes import box_length, is_bullet, opener_kind
from cleaner.rules.model import RuleLoadError

ROUND3 = Path(__file__).parent / "data" / "fresh" / "round3"


def _lines(text: str) -> list[str]:
    return [ln for ln in text.split("\n") if ln.strip()]


def test_f3_08_box_is_heading_lead_bullets_and_closer():
    lines = _lines((ROUND3 / "f3-08.txt").read_text(encoding="utf-8"))
    i = lines.index("📚 Disclaimer Edukasi")
    assert opener_kind(lines[i]) == "heading"
    n = box_length(lines[i + 1 : i + 17], heading=True)
    assert n == 6  # the lead, four bullets, the DYOR sentence
    assert lines[i + 1 + n].startswith("Visualisasi teknologi Bitcoin")  # the lead image's caption stays


def test_f3_08_cleaned_removes_the_labelled_box_and_keeps_the_article():
    raw = (ROUND3 / "f3-08.txt").read_text(encoding="utf-8")
    meta = yaml.safe_load((ROUND3 / "f3-08.yaml").read_text(encoding="utf-8"))
    result = clean(raw, url=meta["url"])
    box = [r for r in result.removals if r.rule == "generic.disclaimer.heading"]
    labelled = [" ".join(x["text"].split()) for x in meta["removed"] if x["rule"] == "B1"]
    assert [" ".join(r.text.split()) for r in box] == labelled
    assert "notice box" in box[1].reason
    assert "Visualisasi teknologi Bitcoin" in result.text
    assert "Dunia keuangan telah mengalami revolusi" in result.text


def test_heading_over_one_paragraph_takes_that_paragraph_only():
    lines = [
        "This article may contain product-related content that does not apply to your region. This article "
        "represents the author's personal views only and does not represent the views of OKX.",
        "Related strategies for beginners",
        "Grid trading explained",
    ]
    assert box_length(lines, heading=True) == 1


@pytest.mark.parametrize(
    "lines",
    [
        ["Market update", "Bitcoin rose 3% on Monday."],  # another heading: the box is the heading alone
        [],
    ],
)
def test_heading_without_box(lines):
    assert box_length(lines, heading=True) == 0


def test_closer_is_one_short_sentence_not_an_article_paragraph():
    bullets = ["- prices can fall to zero", "- leverage multiplies losses"]
    closer = "Always do your own research before you invest."
    para = "Bitcoin rose 3% on Monday after the jobs report. Traders had expected a slower labour market."
    assert box_length(["Crypto assets are volatile:", *bullets, closer, para], heading=True) == 4
    assert box_length(["Crypto assets are volatile:", *bullets, para], heading=True) == 3
    # a lead that announces a list: the bullets (and closer) only
    assert box_length([*bullets, closer, para], heading=False) == 3


def test_bullets_stop_at_a_long_item_and_at_twelve():
    long_item = "• " + "word " * 60
    assert box_length(["Lead:", "• a", long_item, "• b"], heading=True) == 2
    assert box_length(["Lead:"] + [f"• item {k}" for k in range(20)], heading=True) == 13


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("📚 Disclaimer Edukasi", "heading"),
        ("Disclaimer", "heading"),
        ("免责声明", "heading"),
        ("Informasi yang disampaikan di artikel ini bersifat umum dan meliputi hal-hal berikut:", "lead"),
        ("This article is for education only.", None),
    ],
)
def test_opener_kind(line, kind):
    assert opener_kind(line) == kind


@pytest.mark.parametrize(
    "line", ["• ✅ Fokus pada aspek teknologi", "❌ BUKAN saran investasi", "- item", "1. first", "a) one"]
)
def test_bullets(line):
    assert is_bullet(line)


@pytest.mark.parametrize("line", ["-5% on the day", "*Gate.io reserves all rights", "Bitcoin", "2024 was a year"])
def test_not_bullets(line):
    assert not is_bullet(line)


def test_extend_box_is_data_for_any_pack(tmp_path):
    pack = tmp_path / "notice.yaml"
    pack.write_text(
        "pack: notice\nrules:\n- id: site.notice\n  description: A site's notice heading and its box\n"
        "  match: {literal: 'Important notice', whole_block: true}\n  action: remove_block\n  extend: box\n"
        '  tests:\n  - input: "Important notice\\nReaders should note:\\n• one\\n• two\\nBody text of the story, '
        'which goes on. And on."\n    output: "Body text of the story, which goes on. And on."\n'
        '  - input: "Notice boards"\n',
        encoding="utf-8",
    )
    rules = load_rules([pack], defaults=False)
    out = clean(
        "Important notice\nReaders should note:\n• one\n• two\nBody text of the story, which goes on. And on.",
        rules=rules,
    )
    assert out.text.strip() == "Body text of the story, which goes on. And on."
    assert [r.rule for r in out.removals] == ["site.notice"] * 4


def test_extend_box_only_after_a_removal_that_ends_its_line(tmp_path):
    pack = tmp_path / "notice.yaml"
    pack.write_text(
        "pack: notice\nrules:\n- id: site.notice\n  description: A notice word\n"
        '  match: {literal: \'notice\'}\n  extend: box\n'
        '  tests:\n  - input: "A notice"\n    output: "A"\n  - input: "Nothing"\n',
        encoding="utf-8",
    )
    rules = load_rules([pack], defaults=False)
    out = clean("A notice was sent to readers\n• one\n• two", rules=rules)
    assert [r.text for r in out.removals] == ["notice"]


def test_unknown_extend_is_a_load_error(tmp_path):
    pack = tmp_path / "bad.yaml"
    pack.write_text(
        "pack: bad\nrules:\n- id: site.bad\n  description: d\n  match: {literal: x}\n  extend: boxes\n  tests: []\n",
        encoding="utf-8",
    )
    with pytest.raises(RuleLoadError, match="extend"):
        load_rules([pack], defaults=False)
