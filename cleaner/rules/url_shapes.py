"""The page's URL as evidence: a short line that names one of the folders the article sits in.

A site files an article under its sections, and its URL says so: ``/noticias/economia/por-unanimidade-copom-…``,
``/veda-plus/letosni-virus-chripky-…``, ``/lokalt/NTB/NTB_utenriks/2021/03/13/Verdien-på-bitcoin-…``. The page
prints the same section names as its section label, breadcrumb item or menu entry ("Economia", "Věda Plus", "NTB
utenriks"), in whatever language the site writes, so no vocabulary is needed: the URL is the page's own. Only folders
*above* an article's slug count (the last segment must look like an article's: three words or more, or a number), so
a page about "Bitcoin" at ``/bitcoin`` or a recipe titled as its slug keeps its title; a folder of one or two words
(a section's, not a title's slug before an id: ``/alisan-konseri-iptal/84877``); none on a listing page
(``/category/touring/page/109``: its heading is its title); a profile's folder (``/author/jane-doe/``, ``/@jane/``)
names a person, whose byline stays (POLICY D1).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from urllib.parse import unquote, urlparse

from cleaner.rules.edge_shapes import letters_folded
from cleaner.rules.headlines import BYLINE_OR_DATE
from cleaner.rules.line_shapes import words_of
from cleaner.rules.shape_vocab import ends_sentence

__all__ = ["url_section", "url_sections"]

Evidence = tuple[float, str]

# folders whose next folder names a person (a profile), in the URL conventions of the common CMSs
_PROFILE_FOLDERS = frozenset(
    (
        "author", "authors", "autor", "autores", "autori", "auteur", "auteurs", "user", "users", "u", "profile",
        "profiles", "people", "person", "member", "members", "by", "writer", "writers", "columnist", "columnists",
        "contributor", "contributors", "team", "staff", "journalist", "journalists", "redakteur", "reporter",
        # a columnist's or a contributor's folder, and an entity's page (stop 23's second review: /sites/janedoe/,
        # /opinion/john-smith/, /project/requests/)
        "sites", "blogs", "opinion", "opinions", "column", "columns", "kolumne", "kolumnen", "meinung", "opinión",
        "opiniao", "opinião", "opinione", "tribune", "project", "projects", "package", "packages", "product",
        "products", "brand", "brands",
    )
)
# folders of a listing page (a category's, a tag's, an archive's page N): its heading names the listing, and it is
# the page's title (stop 23's check on the review folders: "Touring" at /category/touring/page/109)
_LISTING_FOLDERS = frozenset(
    (
        "category", "categories", "tag", "tags", "topic", "topics", "theme", "themes", "themen", "thema", "page",
        "pages", "seite", "pagina", "página", "archive", "archives", "archiv", "kategorie", "kategori", "categoria",
        "categorie", "catégorie", "label", "labels", "search", "section", "sections", "rubrique", "rubrik",
    )
)
_SLUG_PARTS = re.compile(r"[-_+\s.]+")
_SECTION_PARTS = 2  # a section's folder is a word or two ("veda-plus"); three or more are a title's slug
_EDGE_LINES = 10  # the section label, breadcrumb or menu item sits among the page's first or last lines
_MAX_CHARS = 40
_MAX_WORDS = 3
_TRAILING_MARKS = " >»›/|:·•-–"


@lru_cache(maxsize=1024)
def url_sections(url: str) -> frozenset[str]:
    """The folded names (:func:`cleaner.rules.edge_shapes.letters_folded`) of the folders above an article's slug
    in ``url``; none when the last segment is not an article's (a section page, a title-as-slug page)."""
    segments = [unquote(p) for p in urlparse(url).path.split("/") if p]
    if len(segments) < 2 or any(p.casefold() in _LISTING_FOLDERS for p in segments):
        return frozenset()
    stem = segments[-1].rsplit(".", 1)[0]
    if not (re.search(r"\d", stem) or len(_parts(stem)) >= 3):
        return frozenset()
    folders = segments[:-1]
    if stem.isdigit():
        folders = folders[:-1]  # ``/alisan-konseri-iptal/84877``: the article's id, after its slug
    subject = letters_folded(stem)
    names = set()
    for k, segment in enumerate(folders):
        if len(_parts(segment)) > _SECTION_PARTS:
            continue
        after_profile = k > 0 and segments[k - 1].casefold() in _PROFILE_FOLDERS
        if segment.casefold() in _PROFILE_FOLDERS or segment.startswith(("@", "~")) or after_profile:
            continue
        key = letters_folded(segment)
        if len(key) >= 3 and not key.isdigit() and key not in subject:
            names.add(key)  # a folder the slug repeats is the article's subject (/football/arsenal/arsenal-beat-…)
    return frozenset(names)


def _parts(segment: str) -> list[str]:
    return [p for p in _SLUG_PARTS.split(segment) if p]


def url_section(blocks: Sequence[str], i: int, url: str | None) -> Evidence | None:
    """Block ``i`` is a short line among the page's first or last ten that names a folder of the page's URL
    above the article's slug ("Economia" at ``/noticias/economia/por-unanimidade-…``, "Blog >" at
    ``/pl/blog/how-can-software-…``): the section's label, a breadcrumb's item. A byline or a date stays."""
    if not url or not (i < _EDGE_LINES or i >= len(blocks) - _EDGE_LINES):
        return None
    line = blocks[i].strip().rstrip(_TRAILING_MARKS)
    if not line or len(line) > _MAX_CHARS or words_of(line) > _MAX_WORDS or ends_sentence(line):
        return None
    sections = url_sections(url)
    if not sections or (key := letters_folded(line)) not in sections or BYLINE_OR_DATE.match(line):
        return None
    if i and key in letters_folded(blocks[0]):
        return None  # the title names it: the article's subject ("WH-1000XM5" under "WH-1000XM5 review")
    return 85.0, f"section label: {line!r} names a folder of the page's URL"
