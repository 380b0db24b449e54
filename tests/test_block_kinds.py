"""The block kind of an extracted page reaches the text stage (#11): a page's link-free list items and
table rows are data (``Unit.data``), which the link-made shapes (menu, breadcrumb, cross-link, ticker)
and duplicate removal leave alone; the same lines as links, or as plain text, are judged as before."""

from __future__ import annotations

import cleaner
from cleaner.text.segment import Unit

PEOPLE = [
    ("Anna Keller", ["Dipl. Ingenieurin ETH", "Mitglied der Geschäftsleitung", "Abteilung Vermessung"]),
    ("Marco Widmer", ["Dipl. Ingenieur ETH", "Mitglied der Geschäftsleitung", "Abteilung Vermessung"]),
    ("Paul Muster", ["Dipl. Geomatiker HTL", "Mitglied der Geschäftsleitung", "Abteilung Geoinformatik"]),
]
INTRO = ("Our team of surveyors and engineers has served the region for forty years, and every one of "
         "them is happy to answer your questions about a project.")


def _staff_page(linked: bool) -> bytes:
    def item(text: str) -> str:
        return f"<li><a href='/p/{len(text)}'>{text}</a></li>" if linked else f"<li>{text}</li>"

    people = "".join(f"<h3>{name}</h3><ul>{''.join(item(t) for t in facts)}</ul>" for name, facts in PEOPLE)
    return (f"<html><head><title>Team</title></head><body><main><h1>Team</h1><p>{INTRO}</p>{people}"
            "</main></body></html>").encode()


def test_a_link_free_staff_list_keeps_every_value() -> None:
    result = cleaner.clean(_staff_page(linked=False))
    paragraphs = result.text.split("\n\n")
    for name, facts in PEOPLE:
        assert name in paragraphs
        for fact in facts:
            assert fact in paragraphs
    # each person's repeated values are theirs: none is removed as a copy or a menu
    assert paragraphs.count("Mitglied der Geschäftsleitung") == 3
    assert not [r for r in result.removals if r.rule.startswith(("structure.menu", "dedup"))]


def test_the_same_list_as_plain_text_is_judged_as_before() -> None:
    # text has no kinds: a run of short lines at the tail is a menu, as it always was
    lines = [INTRO] + [x for name, facts in PEOPLE for x in (name, *facts)]
    result = cleaner.clean("\n".join(lines))
    assert result.text == INTRO and {r.rule for r in result.removals} >= {"structure.menu"}


def test_a_link_list_on_a_page_is_still_a_menu() -> None:
    links = "".join(f"<li><a href='/{w}'>{w}</a></li>" for w in ("Home", "News", "Sport", "Weather", "Travel", "Shop"))
    page = (f"<html><body><article><ul>{links}</ul><p>{INTRO}</p><p>{INTRO.replace('forty', 'fifty')}</p>"
            "</article></body></html>").encode()
    result = cleaner.clean(page)
    assert "Weather" not in result.text and INTRO in result.text


def test_unit_data_is_a_link_free_list_item_or_table_row() -> None:
    def unit(kind: str, linked: bool) -> Unit:
        u = Unit(0, [(0, 1)], "x")
        u.kind, u.linked = kind, linked
        return u

    assert unit("list_item", False).data and unit("table_row", False).data
    assert not unit("list_item", True).data and not unit("paragraph", False).data and not unit("", False).data
