"""Recall of the extractor, issue 11 round 2: data beside the prose (a recipe's ingredient column),
table cells with line breaks, and pages whose bytes are UTF-8 under a stale legacy charset label.
Each page is small and in the shape of the regression page it stands for (named in the test)."""

from __future__ import annotations

from cleaner.html.encoding import decode_html
from cleaner.html.extract import extract

STEPS = [
    "Cut the leaves off the cauliflower, halve it and cut out the thick stalk, then split the head into florets.",
    "Lay the florets on a large baking tray lined with paper, and heat the oven to 200 degrees meanwhile.",
    "Pour the oil over the cauliflower, season with pepper, turmeric and nigella seeds, and mix it well.",
    "Bake for thirty minutes in the hot oven, then season with salt and chopped parsley before serving.",
]
INGREDIENTS = ["1 cauliflower", "4 tablespoons olive oil", "freshly ground pepper", "1 teaspoon turmeric"]


def _recipe(itemtype: str, extra_items: str = "") -> str:
    steps = "".join(f"<li>{s}</li>" for s in STEPS)
    ingredients = "".join(f"<li>{i}</li>" for i in INGREDIENTS)
    nav = "".join(f'<li><a href="/c/{i}">Category {i}</a></li>' for i in range(30))
    return (
        f'<html><body><ul class="menu">{nav}</ul><div itemscope itemtype="{itemtype}">'
        '<div class="row"><div class="col-4"><h3>Ingredients</h3><div class="field">'
        f'<ul>{ingredients}</ul></div></div><div class="col-8"><h3>Method</h3>'
        f'<div class="field"><ul>{steps}</ul></div></div></div></div>{extra_items}'
        "<footer>© 2020 Kitchen</footer></body></html>"
    )


def _text(html: str) -> str:
    return "\n".join(b.text for b in extract(html).blocks)


def test_a_recipes_ingredient_column_comes_with_its_method() -> None:
    # pl-recipe-kwestiasmaku, nl-recipe-15gram: the steps win the scoring, the ingredients sit in a
    # sibling column; the schema.org Recipe item holds both.
    text = _text(_recipe("https://schema.org/Recipe"))
    assert all(i in text for i in INGREDIENTS)
    assert all(s in text for s in STEPS)
    assert "Category 3" not in text and "2020 Kitchen" not in text


def test_without_the_item_or_in_a_listing_the_scoring_alone_decides() -> None:
    # Two items of the type on a page are a listing: no single item is the page.
    second = '<div itemscope itemtype="https://schema.org/Recipe"><p>Another recipe teaser.</p></div>'
    for html in (_recipe("https://schema.org/WebPage"), _recipe("https://schema.org/Recipe", second)):
        text = _text(html)
        assert all(s in text for s in STEPS)
        assert not any(i in text for i in INGREDIENTS)


def test_a_line_break_inside_a_table_cell_separates_its_words() -> None:
    # de-events-hundeverein: "Frank Nagel<br />Rudolf-Breitscheid-Straße 18" in one cell.
    html = ("<html><body><table><tr><td>Meldestelle:</td><td>Frank Nagel<br />Rudolf-Breitscheid-Straße 18"
            "<br />06268 Querfurt</td></tr><tr><td>Telefon:</td><td><span>034771</span><span>28076</span></td></tr>"
            "</table></body></html>")
    text = _text(html)
    assert "Frank Nagel Rudolf-Breitscheid-Straße 18 06268 Querfurt" in text
    assert "03477128076" in text  # inline elements join as the page writes them


def test_utf8_bytes_under_a_stale_latin1_label_are_read_as_utf8() -> None:
    # de-events-hundeverein: the page was re-saved as UTF-8 and kept <meta charset=iso-8859-1>.
    page = '<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>Herbstprüfung</p>'
    text, used = decode_html(page.encode("utf-8"))
    assert used == "utf-8" and "Herbstprüfung" in text
    # Real Latin-1 bytes (not valid UTF-8) keep the declared encoding.
    text, used = decode_html(page.encode("latin-1"))
    assert used == "cp1252" and "Herbstprüfung" in text
