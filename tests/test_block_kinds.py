"""The block kind of an extracted page reaches the text stage (#11): a page's link-free table rows are
data (``Unit.data``), which the link-made shapes (menu, breadcrumb, cross-link, ticker) and duplicate
removal leave alone; the same lines as links, or as plain text, are judged as before. List items are
not data: their kind is not in the output text, and cleaning that output again must change nothing."""

from __future__ import annotations

import cleaner
from cleaner.text.segment import Unit

MODELS = [
    ("TK-FDM110", [("Colour", "Black"), ("Keys", "108"), ("Connection", "2.4 GHz wireless"), ("Battery", "AAA x 2")]),
    ("TK-FDM109", [("Colour", "Black"), ("Keys", "89"), ("Connection", "2.4 GHz wireless"), ("Battery", "AAA x 2")]),
    ("TK-FCM108", [("Colour", "Black"), ("Keys", "108"), ("Connection", "USB cable"), ("Weight", "510 g")]),
]
INTRO = ("Our team of surveyors and engineers has served the region for forty years, and every one of "
         "them is happy to answer your questions about a project.")


def _spec_page(linked: bool) -> bytes:
    def row(name: str, value: str) -> str:
        if linked:
            return f"<tr><td><a href='/spec/{name}'>{name}</a></td><td><a href='/v/{value}'>{value}</a></td></tr>"
        return f"<tr><td>{name}</td><td>{value}</td></tr>"

    tables = "".join(f"<h3>{model}</h3><table>{''.join(row(n, v) for n, v in rows)}</table>" for model, rows in MODELS)
    return (f"<html><head><title>Keyboards</title></head><body><main><h1>Keyboards</h1><p>{INTRO}</p>{tables}"
            "</main></body></html>").encode()


def test_link_free_spec_tables_keep_every_row() -> None:
    result = cleaner.clean(_spec_page(linked=False))
    paragraphs = result.text.split("\n\n")
    for model, rows in MODELS:
        assert model in paragraphs
        for name, value in rows:
            assert f"{name}\t{value}" in paragraphs
    # each model's repeated rows are its own: none is removed as a copy, a menu or a ticker
    assert paragraphs.count("Colour\tBlack") == 3 and paragraphs.count("Connection\t2.4 GHz wireless") == 2
    assert not [r for r in result.removals if r.rule.startswith(("structure.", "dedup"))]


def test_the_same_rows_as_links_are_judged_as_before() -> None:
    # link rows are no data: the second and third copies of a row are duplicates again
    result = cleaner.clean(_spec_page(linked=True))
    assert result.text.split("\n\n").count("Colour\tBlack") == 1
    assert any(r.rule == "dedup.exact" for r in result.removals)


def test_a_link_list_on_a_page_is_still_a_menu() -> None:
    links = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Home", "News", "Sport", "Weather", "Travel", "Shop"))
    page = (f"<html><body><article><ul>{links}</ul><p>{INTRO}</p><p>{INTRO.replace('forty', 'fifty')}</p>"
            "</article></body></html>").encode()
    result = cleaner.clean(page)
    assert "Weather" not in result.text and INTRO in result.text


def test_a_repeated_list_item_is_a_copy_and_cleaning_again_changes_nothing() -> None:
    # found by benchmarks/fuzz.py: data-ness of list items would not survive into the output text
    page = "<li>Share Share<p>Share Share"
    result = cleaner.clean(page, html=True)
    assert result.text == "Share Share"
    assert cleaner.clean(result.text, html=False).text == result.text


def test_unit_data_is_a_link_free_table_row_that_is_not_a_sentence() -> None:
    def unit(kind: str, linked: bool, text: str = "Colour\tBlack") -> Unit:
        u = Unit(0, [(0, len(text))], text)
        u.kind, u.linked = kind, linked
        return u

    assert unit("table_row", False).data
    assert not unit("table_row", True).data and not unit("table_row", False, "It is black.").data
    assert not unit("list_item", False).data and not unit("paragraph", False).data and not unit("", False).data
