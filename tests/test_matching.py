"""Rule matching details: spans, punctuation, line boundaries, scope, cross-link extension."""

from __future__ import annotations

import textwrap

from cleaner import clean, load_rules


def pack(tmp_path, body: str):
    p = tmp_path / "p.yaml"
    p.write_text("pack: p\nrules:\n" + textwrap.indent(textwrap.dedent(body), "  "), encoding="utf-8")
    return load_rules([p], defaults=False)


TESTS = """\
tests:
  - input: "x"
    output: "y"
  - input: "z"
"""


def rule(body: str) -> str:
    """Rule YAML with placeholder inline tests appended to every rule of ``body``."""
    chunks = textwrap.dedent(body).split("- id:")
    return "".join("- id:" + c + textwrap.indent(TESTS, "  ") for c in chunks if c.strip())


def test_literal_glued_into_a_paragraph_takes_its_closing_punctuation(tmp_path):
    rules = pack(
        tmp_path,
        rule("""\
        - id: p.notice
          description: notice
          match:
            literal: "Not financial advice"
        """),
    )
    r = clean("Bitcoin rose 3% today. Not financial advice. Traders cheered.", rules=rules)
    assert r.text == "Bitcoin rose 3% today. Traders cheered."
    assert r.removals[0].text == "Not financial advice."


def test_literal_matches_quote_case_and_entity_variants_but_not_inside_words(tmp_path):
    rules = pack(
        tmp_path,
        rule("""\
        - id: p.fr
          description: fr
          match:
            literal: "Voir la section Avertissement pour plus de détails"
        - id: p.short
          description: short
          match:
            literal: "read more"
        """),
    )
    r = clean("Texte.\nVOIR LA SECTION « AVERTISSEMENT » POUR PLUS DE DÉTAILS.", rules=rules)
    assert r.text == "Texte."
    assert clean("She has a thread more people follow.", rules=rules).text == "She has a thread more people follow."


def test_regex_cannot_swallow_the_line_break_into_another_block(tmp_path):
    rules = pack(
        tmp_path,
        rule("""\
        - id: p.tail
          description: tail marker
          match:
            regex: '\\s*\\[\\+\\d+ chars\\]\\s*$'
        """),
    )
    r = clean("First line of the text\n[+123 chars]\nLast line.", rules=rules)
    assert r.text == "First line of the text\n\nLast line."


def test_domain_scope_with_subdomains_and_exclusions(tmp_path):
    rules = pack(
        tmp_path,
        rule("""\
        - id: p.site
          description: site furniture
          scope:
            domains: [example.com, "~blog.example.com"]
          match:
            literal: "Follow us"
            whole_block: true
        """),
    )
    text = "Body text.\nFollow us"
    assert clean(text, url="https://www.example.com/a", rules=rules).text == "Body text."
    assert clean(text, url="https://blog.example.com/a", rules=rules).text == "Body text.\n\nFollow us"
    assert clean(text, url="https://example.org/a", rules=rules).text == "Body text.\n\nFollow us"
    assert clean(text, rules=rules).text == "Body text.\n\nFollow us"  # unknown URL: scoped rule idle


def test_tail_position_window_moves_as_blocks_go(tmp_path):
    rules = pack(
        tmp_path,
        rule("""\
        - id: p.count
          description: counter
          scope:
            position: tail
            window: 1
          match:
            regex: '^\\d+$'
        - id: p.share
          description: share
          match:
            literal: Share
            whole_block: true
        """),
    )
    r = clean("Body.\n462\nShare", rules=rules)
    assert r.text == "Body."
    assert clean(r.text, rules=rules).text == r.text


def _related_reading_pack(tmp_path):
    """A pack with one cross-link rule: "Related Reading:" and the headline after it."""
    return pack(
        tmp_path,
        rule("""\
        - id: p.related
          description: related
          match:
            regex: 'Related Reading:'
          extend: headline
        """),
    )


def test_cross_link_label_takes_its_title_case_headline_only(tmp_path):
    rules = _related_reading_pack(tmp_path)
    r = clean(
        "Prices rose. Related Reading: Why Did The XRP Price Surge To $0.64 Today? This development is new.",
        rules=rules,
    )
    assert r.text == "Prices rose. This development is new."
    r = clean(
        "Intro.\nRelated Reading: Giant Firm Sold Ethereum and Made a Surprise Purchase of an Altcoin", rules=rules
    )
    assert r.text == "Intro."


def test_cross_link_label_before_hundreds_of_capitalised_words_takes_the_label_only(tmp_path):
    """No sentence in sight after 300 capitalised words: that is no headline, and the text stays."""
    rules = _related_reading_pack(tmp_path)
    names = " ".join(f"Name{k} Surname{k}" for k in range(200))
    r = clean(f"Prices rose. Related Reading: {names} were listed. They all agreed.", rules=rules)
    assert r.text == f"Prices rose. {names} were listed. They all agreed."


def test_cross_link_extension_in_cjk_text_stops_at_the_label_when_a_sentence_follows(tmp_path):
    rules = pack(
        tmp_path,
        rule("""\
        - id: p.zh
          description: zh related
          match:
            regex: '相关阅读：'
          extend: headline
        """),
    )
    r = clean("比特币上涨。相关阅读：以太坊新高。市场情绪转好，交易量增加。", rules=rules)
    assert r.text == "比特币上涨。 以太坊新高。市场情绪转好，交易量增加。"


def test_headline_list_under_a_label_line(tmp_path):
    rules = pack(
        tmp_path,
        rule("""\
        - id: p.more
          description: more
          match:
            literal: You may also like
            whole_block: true
          action: remove_block
          extend: headline_list
        """),
    )
    raw = "Body paragraph ends here.\nYou may also like\nGold Hits a Record\nWhy Oil Fell Today?\nTrending news"
    assert clean(raw, rules=rules).text == "Body paragraph ends here."


def test_truncated_disclaimer_at_the_end_of_the_text(tmp_path):
    rules = pack(
        tmp_path,
        rule("""\
        - id: p.disc
          description: disclaimer
          match:
            literal: "The content of this page is provided by third parties and does not represent our views."
            truncated: 30
        """),
    )
    assert clean("Body.\nThe content of this page is provided by thir", rules=rules).text == "Body."
    assert clean("The content of this page is provided by thir\nBody.", rules=rules).text.startswith("The content")


def test_fuzzy_matcher_cuts_a_reworded_disclaimer_out_of_a_line(tmp_path):
    rules = pack(
        tmp_path,
        rule("""\
        - id: p.fuzzy
          description: fuzzy disclaimer
          match:
            fuzzy: "This article does not constitute investment advice and readers should do their own research."
            threshold: 88
        """),
    )
    r = clean(
        "Markets were calm. This article does not constitute investment advice, readers should do their own "
        "research. Analysts expect more.",
        rules=rules,
    )
    assert r.text == "Markets were calm. Analysts expect more."
    assert 88 <= r.removals[0].score < 100


def test_crlf_line_ends_do_not_hide_anchored_rules(tmp_path):
    rules = pack(
        tmp_path,
        rule("""\
        - id: p.share
          description: share line
          match:
            regex: '^Share this article$'
          action: remove_block
        """),
    )
    assert clean("Body text.\r\nShare this article\r\nMore.", rules=rules).text == "Body text.\n\nMore."


def test_malformed_url_leaves_domain_rules_idle_instead_of_crashing(tmp_path):
    rules = pack(
        tmp_path,
        rule("""\
        - id: p.site
          description: site
          scope:
            domains: [example.com]
          match:
            literal: Follow us
            whole_block: true
        """),
    )
    assert clean("Body.\nFollow us", url="http://[::1", rules=rules).text == "Body.\n\nFollow us"


def test_lone_surrogates_are_text_like_any_other():
    line = "Hello \ud800 world, this line is long enough to be compared."
    assert clean(f"{line}\n{line}").text == line


def test_span_ending_on_the_joint_between_two_pieces_stays_in_the_first():
    from cleaner.text.segment import Unit

    text = "abc XYZ def"
    u = Unit(0, [(0, 3), (8, 11)])
    u.build(text)
    assert u.text == "abc def"
    assert u.to_raw_end(4) == 3  # view "abc " ends on the joining space: raw end is the end of "abc"
    assert u.to_raw_end(5) == 9  # view "abc d": raw "...XYZ d"
    assert u.to_raw(4) == 8


def test_headline_list_stops_before_an_article_title_and_its_byline(tmp_path):
    rules = pack(tmp_path, rule("""\
        - id: p.more
          description: more
          match:
            literal: You may also like
            whole_block: true
          action: remove_block
          extend: headline_list
        """))
    raw = (
        "You may also like\nGold Hits a Record\nUS to convene global AI safety summit in November\n"
        "By David Shepardson\nSeptember 19, 2024 1:10 AM GMT+9\nThe Biden administration plans a summit."
    )
    assert clean(raw, rules=rules).text == (
        "US to convene global AI safety summit in November\n\nBy David Shepardson\n\n"
        "September 19, 2024 1:10 AM GMT+9\n\nThe Biden administration plans a summit."
    )


def test_fuzzy_cut_off_copy_followed_by_text_keeps_that_text():
    text = (
        "Texte.\nCette page peut inclure du contenu de tiers fourni à des fins d'information uniquement. "
        "Gate ne garantit ni l'exac And then the market turned…\nAnalysts were surprised."
    )
    assert clean(text).text == "Texte.\n\nAnd then the market turned…\n\nAnalysts were surprised."


def test_headline_list_stops_where_japanese_prose_resumes():
    """Unspaced scripts have no words to count: a line ending in 。 (or over a headline's length) is
    prose, so the list under 関連ニュース stops there (a real bitbank-style market page, fresh round 3,
    lost its whole text before)."""
    raw = (
        "関連ニュース\n\n経済指標カレンダー\n\nビットコイン・ボラティリティ指数\n\n"
        "ビットコイン価格とボラティリティには、一般的に相関関係があるいわれています。"
        "ボラティリティは価格の変動の程度を示し、価格が急激に変動するほどボラティリティが高くなります。\n\n"
        "Bitcoin Dominanceとは、仮想通貨市場におけるビットコインの市場シェアを示す指標です。"
    )
    out = clean(raw).text
    assert out.startswith("ビットコイン価格とボラティリティには")
    assert out.endswith("市場シェアを示す指標です。")
    assert "関連ニュース" not in out
