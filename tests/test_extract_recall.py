"""Recall of the extractor (issue 11): the safety net, joined bodies, whole-name vocabulary, and the
inline content that must keep its text. Each page is small and built in the shape of the real page
whose failure it stands for (named in the test); the benchmark (``benchmarks/bench_html.py``) and the
regression set (``tests/test_html_regress.py``) measure the same on real pages.
"""

from __future__ import annotations

from cleaner.html import recall
from cleaner.html.extract import extract

P1 = ("The committee met on Tuesday to review the proposal, and after a long debate the members agreed "
      "to fund the new library branch in the northern district of the town.")
P2 = ("Construction is expected to start in the spring, with the building open to readers by the end "
      "of next year, according to the schedule the council published on its website.")
P3 = ("Residents who spoke at the meeting welcomed the decision, although several asked for longer "
      "opening hours at weekends and for a reading room reserved for students.")


def _text(html: str, **kw) -> str:
    return "\n".join(b.text for b in extract(html, **kw).blocks)


def _page(body: str) -> str:
    return f"<html><head><title>Library</title></head><body>{body}</body></html>"


# ------------------------------------------------------------------------------------------ safety net


def test_a_post_inside_aside_is_recovered_by_the_relaxed_pass() -> None:
    # celebbabylaundry.com: the whole post sits in <aside class="blogPost">, under half the page's text
    nav = "".join(f"<li><a href='/c{i}'>Category number {i} of the site</a></li>" for i in range(30))
    html = _page(f"<div id='nav'><ul>{nav}</ul></div><aside class='blogPost'><h2>Library funded</h2>"
                 f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></aside>")
    p = extract(html)
    out = "\n".join(b.text for b in p.blocks)
    assert P1 in out and P3 in out
    assert "Category number" not in out
    assert any("recall safety net" in n for n in p.notes)


def test_a_body_named_like_a_share_widget_is_recovered() -> None:
    # beautylish.com: the article body is a "js-social-images" box (images get share buttons)
    html = _page(f"<p class='date'>Published 7 hours ago</p><div class='module js-social-images'>"
                 f"<p>{P1}</p><p>{P2}</p><p>{P3}</p></div><div class='featured'>Featured Products</div>")
    out = _text(html)
    assert P1 in out and P2 in out and P3 in out


def test_a_page_that_is_all_comments_is_not_empty() -> None:
    # a Stack Overflow comment thread saved on its own: nothing but comment-named boxes
    items = "".join(f"<li class='comment'><span class='comment-copy'>{t}</span></li>" for t in (P1, P2))
    out = _text(_page(f"<ul class='comments-list'>{items}</ul>"))
    assert P1 in out and P2 in out


def test_a_self_closed_html_tag_does_not_empty_the_page() -> None:
    # hundeverein-querfurt.de: XHTML written as <html ... /> before <head>
    html = f'<!DOCTYPE html><html xml:lang="de" />\n<head><title>x</title></head><body><p>{P1}</p></body></html>'
    assert P1 in _text(html)


def test_the_criterion_widens_but_never_swaps_a_trusted_answer() -> None:
    from cleaner.html.page import Block

    first = [Block("paragraph", P1), Block("paragraph", P2)]  # 330 characters of prose: trusted
    held = [*first, Block("paragraph", P3), Block("paragraph", P3[::-1])]
    other = [Block("paragraph", t) for t in (P3, P3[::-1], P1[::-1], P2[::-1])]
    assert recall.better(first, held)  # 2x the text, keeps the first answer
    assert not recall.better(first, other)  # as long, but another container
    assert not recall.better(first, [*first, Block("paragraph", "One more line.")])  # not 1.5x
    assert not recall.better(first, [*first, *other, *other])  # over 4x: another region of the page
    assert recall.better([Block("paragraph", "Published 7 hours ago")], other)  # no prose: not trusted
    assert not recall.needs_more(2000, 2500) and recall.needs_more(300, 2500) and recall.needs_more(100, 400)


def test_a_good_first_answer_costs_no_second_pass() -> None:
    p = extract(_page(f"<article><p>{P1}</p><p>{P2}</p><p>{P3}</p></article>"))
    assert not any("recall safety net" in n for n in p.notes)


def test_gallery_captions_are_its_text_but_an_articles_captions_are_not() -> None:
    caps = "".join(f"<figure><img src='{i}.jpg'><figcaption>{t}</figcaption></figure>"
                   for i, t in enumerate((P1, P2, P3)))
    gallery = _text(_page(f"<div class='slides'><h1>Photos</h1>{caps}</div>"))
    assert P1 in gallery and P3 in gallery
    article = _text(_page(f"<article><p>{P1}</p><p>{P2}</p><p>{P3}</p><p>{P1[::-1]}</p>"
                          "<figure><img src='a.jpg'><figcaption>The site of the new branch, seen from "
                          "the north. Photo: the council.</figcaption></figure></article>"))
    assert "site of the new branch" not in article


# ---------------------------------------------------------------------------------------- joined bodies


def test_a_body_split_over_numbered_containers_comes_out_whole() -> None:
    # story-body-1 / story-body-2 around a full-width figure
    html = _page(f"<div class='story'><div class='story-part-1'><p>{P1}</p></div>"
                 "<div class='wide'><img src='x.jpg'></div>"
                 f"<div class='story-part-2'><p>{P2}</p><p>{P3}</p><p>{P3[::-1]}</p></div>"
                 "<div class='teasers'><a href='/a'>Another story entirely</a></div></div>")
    out = _text(html)
    assert P1 in out and P2 in out


def test_a_definition_keeps_its_term() -> None:
    # a Sphinx API page: the signature is the <dt>, the description its <dd>
    html = _page("<div class='body'><h1>get_time</h1><dl class='py method'><dt>PyPtt.API.get_time(self) → str</dt>"
                 "<dd><p>取得 PTT 系統時間。</p><dl class='field-list'><dt>回傳:</dt><dd><p>None</p></dd></dl>"
                 "<p>範例:</p><div class='highlight'><pre>import PyPtt\nptt_bot = PyPtt.API()\n"
                 "time = ptt_bot.get_time()\nprint(time)</pre></div></dd></dl></div>")
    out = _text(html)
    assert "PyPtt.API.get_time(self) → str" in out and "回傳:" in out and "import PyPtt" in out


# ----------------------------------------------------------------------------------------- vocabulary


def test_a_section_whose_anchor_says_sharing_is_content() -> None:
    # documentation: <section id="sharing-with-a-single-developer"> is a heading's anchor, not a share bar
    html = _page(f"<main><section id='overview'><h2>Overview</h2><p>{P1}</p></section>"
                 f"<section id='sharing-with-a-single-developer'><h2>Sharing with a single developer</h2>"
                 f"<p>{P2}</p></section><div class='share-bar'><a href='/s'>Share</a> this page</div></main>")
    out = _text(html)
    assert P2 in out and "Sharing with a single developer" in out
    assert "this page" not in out


def test_a_link_list_between_paragraphs_is_content_but_one_after_the_body_is_not() -> None:
    # release notes: the fixed bugs are links, listed between two paragraphs of the notes
    bugs = "".join(f"<li><a href='/b{i}'>Bug 16770{i} – crash when a tab is closed</a></li>" for i in range(4))
    more = "".join(f"<li><a href='/r{i}'>Another release note number {i}</a></li>" for i in range(4))
    html = _page(f"<article><p>{P1}</p><ul>{bugs}</ul><p>{P2}</p><ul>{more}</ul></article>")
    out = _text(html)
    assert "Bug 167701 – crash when a tab is closed" in out
    assert "Another release note" not in out


# ------------------------------------------------------------------------------------ inline content


def test_math_sup_sub_pre_and_tables_keep_their_text() -> None:
    html = _page(
        "<article><p>The energy of a body at rest is <math alttext='E = mc^2'><mi>E</mi><mo>=</mo>"
        "<mi>m</mi><msup><mi>c</mi><mn>2</mn></msup></math>, as every physics student learns in "
        "the first year of a degree course.</p>"
        "<p>Water is H<sub>2</sub>O and the area grows with r<sup>2</sup>, which the second chapter of "
        "the book explains with many examples.</p>"
        "<p>A formula without alttext: <math><mi>a</mi><mo>+</mo><mi>b</mi></math> is read as its text "
        "by the extractor, so the sentence keeps its words.</p>"
        "<pre>x = 1\ny = 2</pre><table><tr><th>Element</th><th>Symbol</th></tr>"
        "<tr><td>Hydrogen</td><td>H</td></tr></table></article>"
    )
    out = _text(html)
    assert "is E = mc^2, as every" in out
    assert "H2O" in out and "r2" in out
    assert "a+b is read" in out
    assert "x = 1 y = 2" in out and "Hydrogen\tH" in out
