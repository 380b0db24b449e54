"""HTML pages through the whole pipeline: extraction → selector rules → text rules → dedup → output.

The extractor itself is tested in test_extract.py; here the point is what ``cleaner.clean`` and the
rule packs do with a page: the seed case rebuilt as a Gate-like HTML page (body in two containers,
the disclaimer box between them, furniture around), selector rules and their validation, and the
Markdown/JSON renderings of the result.
"""

from __future__ import annotations

from pathlib import Path

import pytest

import cleaner
from cleaner.render import render, to_markdown, to_record
from cleaner.result import Paragraph, Result
from cleaner.rules import RuleLoadError, RuleSet, load_rules
from cleaner.rules.testing import run_rule_tests

DATA = Path(__file__).parent / "data"
SEED_HTML = DATA / "html" / "gate-fr-kremlin.html"
SEED_URL = "https://www.gate.com/fr/news/detail/11234567"


def _label_paragraphs() -> list[str]:
    return (DATA / "cases" / "gate-fr-kremlin.clean.txt").read_text(encoding="utf-8").strip().split("\n\n")


def test_seed_page_as_html_gives_the_label_body_once() -> None:
    """The page that started the project, as HTML: one copy of the body, no disclaimer, no furniture."""
    result = cleaner.clean(SEED_HTML.read_bytes(), url=SEED_URL)
    title, *body = _label_paragraphs()
    # The title is the page's title, reported as metadata, and written once: the heading the article opens with.
    assert result.page is not None and result.page.title == title
    assert result.text.split("\n\n") == [title, *body]
    assert "Cette page peut inclure" not in result.text
    for furniture in ("Accueil", "Partager", "Articles liés", "cookies", "Tous droits réservés"):
        assert furniture not in result.text
    assert result.page.date == "2025-05-20T08:12:00Z"
    assert result.page.language == "fr" and result.language == "fr"


def test_seed_page_removals_are_explained() -> None:
    result = cleaner.clean(SEED_HTML.read_bytes(), url=SEED_URL)
    assert result.source is not None
    box = [r for r in result.removals if r.element is not None]
    assert [r.rule for r in box] == ["html.gate.disclaimer-box-fr"]
    assert box[0].span == (0, 0) and box[0].text.startswith("Cette page peut inclure du contenu de tiers")
    assert box[0].to_dict()["element"] == "div, section, aside, p, footer"
    # the body's second copy is taken by the duplicate removal, so it is explained like any other
    assert [r.rule for r in result.removals if r.kind == "duplicate"] == ["dedup.exact"]
    # every text removal points into the extracted text
    for r in result.removals:
        if r.element is None:
            assert result.source[r.start : r.end] == r.text


def test_html_output_words_come_from_the_page() -> None:
    raw = SEED_HTML.read_text(encoding="utf-8")
    result = cleaner.clean(raw, url=SEED_URL)
    import html as html_mod
    import re

    page_words = set(re.findall(r"\w+", html_mod.unescape(raw)))
    assert set(re.findall(r"\w+", result.text)) <= page_words


def test_str_and_bytes_give_the_same_result() -> None:
    data = SEED_HTML.read_bytes()
    from_bytes, from_str = cleaner.clean(data, url=SEED_URL), cleaner.clean(data.decode("utf-8"), url=SEED_URL)
    assert from_bytes.text == from_str.text
    assert from_bytes.input_chars == from_str.input_chars == len(data.decode("utf-8"))  # characters, not bytes


def test_text_input_is_not_taken_for_html() -> None:
    text = "A line that mentions <div> and <p> tags in prose.\nSecond line."
    result = cleaner.clean(text)
    assert result.source is None and result.paragraphs is None and result.page is None
    assert result.text == "A line that mentions <div> and <p> tags in prose.\n\nSecond line."


def test_html_flag_forces_extraction() -> None:
    fragment = "<p>First paragraph of a feed item body.</p><p>Second paragraph.</p>"
    result = cleaner.clean(fragment, html=True)
    assert result.text == "First paragraph of a feed item body.\n\nSecond paragraph."


def test_non_utf8_bytes_with_meta_charset() -> None:
    body = "Цена биткоина выросла на пять процентов за сутки, сообщили аналитики биржи."
    page = (
        '<html><head><meta charset="windows-1251"><title>Новости</title></head>'
        f"<body><article><p>{body}</p></article></body></html>"
    ).encode("cp1251")
    result = cleaner.clean(page)
    assert result.text == body
    assert result.page is not None and result.page.encoding in ("cp1251", "windows-1251")


def test_empty_page_gives_empty_text_and_a_note() -> None:
    result = cleaner.clean(b"<html><body></body></html>", html=True)
    assert result.text == ""
    assert any("no text" in n for n in result.notes)


def test_dedup_still_runs_on_html_blocks() -> None:
    para = "The central bank kept its key rate unchanged on Thursday, as analysts had expected it would."
    other = "<p>Other text that is long enough to matter here.</p>"
    page = f"<html><body><article><p>{para}</p>{other}<p>{para}</p></article></body></html>"
    result = cleaner.clean(page, rules=RuleSet())
    assert result.text.count(para) == 1


# ------------------------------------------------------------------------------------ rendering
def test_markdown_keeps_structure() -> None:
    page = (
        "<html><body><article><h1>Title</h1><p>Intro paragraph of the piece, long enough.</p>"
        "<h2>Section</h2><ul><li>first point</li><li>second point</li></ul>"
        "<blockquote><p>A quoted sentence from the speech.</p></blockquote>"
        "<p>1. Not a list, just a sentence starting with a number.</p></article></body></html>"
    )
    result = cleaner.clean(page, rules=RuleSet())
    md = to_markdown(result)
    assert "## Section" in md
    assert "- first point\n- second point" in md
    assert "> A quoted sentence from the speech." in md
    assert "\\1. Not a list" in md


def test_markdown_of_text_input_is_its_paragraphs() -> None:
    result = cleaner.clean("One.\nTwo.", rules=RuleSet())
    assert to_markdown(result) == "One.\n\nTwo."


def test_json_record_has_page_metadata() -> None:
    result = cleaner.clean(SEED_HTML.read_bytes(), url=SEED_URL)
    rec = to_record(result)
    assert rec["title"].startswith("Kremlin :")
    assert rec["author"] == "Gate News" and rec["date"] == "2025-05-20T08:12:00Z"
    assert rec["language"] == "fr" and rec["url"] == SEED_URL
    assert rec["text"] == result.text
    assert render(result, "json").startswith('{"text": ')


def test_json_record_leaves_out_unknowns() -> None:
    rec = to_record(Result(text="x", paragraphs=(Paragraph("x"),)))
    assert rec == {"text": "x"}
    with pytest.raises(ValueError, match="unknown format"):
        render(Result(text="x"), "yaml")


# ------------------------------------------------------------------------------- selector rules
def _pack(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "p.yaml"
    path.write_text("pack: p\nrules:\n" + body, encoding="utf-8")
    return path


_GOOD_TESTS = """    tests:
      - input: "<html><body><p>Keep this text here.</p><div class='x'>Drop me now</div></body></html>"
        output: "Keep this text here."
      - input: "<html><body><p>Keep this text here.</p></body></html>"
"""


def test_selector_rule_loads_and_strips(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        "  - id: p.box\n    description: d\n    match:\n      selector: div.x\n" + _GOOD_TESTS,
    )
    rules = load_rules([path], defaults=False)
    assert rules.rules == () and [r.id for r in rules.html] == ["p.box"]
    assert rules.html[0].action == "remove_element"
    assert [o.passed for o in run_rule_tests(rules)] == [True, True]
    page = "<html><body><p>Keep this text here.</p><div class='x'>Drop me now</div></body></html>"
    result = cleaner.clean(page, rules=rules)
    assert result.text == "Keep this text here."
    assert [(r.rule, r.text) for r in result.removals] == [("p.box", "Drop me now")]


def test_select_content_rule(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        """  - id: p.root
    description: d
    match:
      selector: div.story
    action: select_content
    tests:
      - input: >-
          <html><body><div class='menu'><p>Markets Prices News Login Register Menu</p></div>
          <div class='story'><p>The story itself.</p></div></body></html>
        output: "The story itself."
      - input: "<html><body><article><p>The story itself.</p></article></body></html>"
""",
    )
    rules = load_rules([path], defaults=False)
    assert all(o.passed for o in run_rule_tests(rules))


def test_has_text_takes_the_innermost_element(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        """  - id: p.guard
    description: d
    match:
      selector: div
      has_text: "may contain THIRD-PARTY content"
    tests:
      - input: >-
          <html><body><div class='page'><p>Article body sentence one.</p>
          <div class='d'>This page may contain third‑party content.</div></div></body></html>
        output: "Article body sentence one."
      - input: "<html><body><div class='page'><p>Article body sentence one.</p></div></body></html>"
""",
    )
    rules = load_rules([path], defaults=False)
    assert all(o.passed for o in run_rule_tests(rules)), [o.diff() for o in run_rule_tests(rules)]


def test_selector_rule_scoped_by_domain(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        "  - id: p.box\n    description: d\n    scope:\n      domains: [example.com]\n"
        "    match:\n      selector: div.x\n"
        + _GOOD_TESTS.replace('output: "Keep this text here."', 'output: "Keep this text here."\n        url: https://example.com/a'),
    )
    rules = load_rules([path], defaults=False)
    page = "<html><body><p>Keep this text here.</p><div class='x'>Drop me now</div></body></html>"
    assert cleaner.clean(page, rules=rules, url="https://www.example.com/1").text == "Keep this text here."
    assert "Drop me now" in cleaner.clean(page, rules=rules, url="https://other.org/1").text
    assert "Drop me now" in cleaner.clean(page, rules=rules).text


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("    match:\n      selector: 'div[['\n", "is not valid CSS"),
        (
            "    match:\n      any:\n        - selector: div\n        - literal: x y z\n",
            "cannot be combined with any/all",
        ),
        ("    match:\n      selector: div\n    action: remove_block\n", "does not fit a selector matcher"),
        ("    match:\n      literal: some words\n    action: remove_element\n", "does not fit a text matcher"),
        ("    scope:\n      position: head\n    match:\n      selector: div\n", "a selector rule has no head or tail"),
        ("    match:\n      selector: div\n      has_txt: x\n", "did you mean 'has_text'"),
    ],
)
def test_selector_rule_problems_name_file_and_line(tmp_path: Path, body: str, message: str) -> None:
    path = _pack(tmp_path, "  - id: p.bad\n    description: d\n" + body + _GOOD_TESTS)
    with pytest.raises(RuleLoadError) as err:
        load_rules([path], defaults=False)
    text = str(err.value)
    assert message in text
    assert f"{path}:" in text


def test_selector_rule_test_input_must_be_html(tmp_path: Path) -> None:
    path = _pack(
        tmp_path,
        """  - id: p.box
    description: d
    match:
      selector: div.x
    tests:
      - input: "plain text, not a page"
        output: ""
      - input: "<html><body><p>Keep.</p></body></html>"
""",
    )
    with pytest.raises(RuleLoadError, match="must be an HTML snippet"):
        load_rules([path], defaults=False)


def test_bundled_packs_hold_selector_rules() -> None:
    rules = cleaner.default_rules()
    ids = {r.id for r in rules.html}
    assert {"html.gate.disclaimer-box", "html.gate.disclaimer-box-fr"} <= ids
    assert not ids & {r.id for r in rules.rules}


def test_markdown_code_fence_outlasts_backticks_in_the_code() -> None:
    md = to_markdown(Result(text="x", paragraphs=(Paragraph("print('```')", "code"),)))
    assert md == "````\nprint('```')\n````"


def test_two_tables_in_a_row_stay_two_tables_in_markdown() -> None:
    page = (
        "<html><body><article><p>Opening hours of the two shops in the old town are listed below for you.</p>"
        "<table><tr><th>Day</th><th>Bakery</th></tr><tr><td>Monday</td><td>7 to 18</td></tr></table>"
        "<table><tr><th>Day</th><th>Butcher</th></tr><tr><td>Monday</td><td>8 to 17</td></tr></table>"
        "</article></body></html>"
    )
    result = cleaner.clean(page)
    rows = [p for p in result.paragraphs if p.kind == "table_row"]
    assert [p.level for p in rows] == [1, 1, 2, 2]
    md = to_markdown(result)
    assert md.endswith(
        "| Day | Bakery |\n| --- | --- |\n| Monday | 7 to 18 |\n\n"
        "| Day | Butcher |\n| --- | --- |\n| Monday | 8 to 17 |"
    )


def test_a_table_rows_cells_are_read_by_the_rules_as_one_line():
    """A table row's cells are joined by tabs in the extracted text; the rules see the row with its
    whitespace folded, as they see any line (the stop-13 speed change had skipped the fold for page lines,
    so a newsletter prompt split over two cells stayed)."""
    from cleaner import clean

    html = """<html><body><article><h1>Bitcoin price analysis for the week</h1>
<p>Bitcoin rose four percent this week as traders weighed new data from the exchanges, and analysts expect
more volatility ahead of the halving.</p>
<p>The market has been quiet, though, and volumes fell for a third straight week according to several desks.</p>
<table><tr><td>Sign up</td><td>for our newsletter</td></tr></table>
<p>Volumes were lower across the board and liquidity thin, which traders said would likely continue.</p>
</article></body></html>"""
    result = clean(html, html=True)
    assert [r.rule for r in result.removals] == ["generic.newsletter.prompts"]
    assert "newsletter" not in result.text and "Volumes were lower" in result.text
