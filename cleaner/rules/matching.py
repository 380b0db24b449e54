"""Run compiled rules over a document's blocks and turn hits into boilerplate removals.

Which rule runs on which blocks is decided first by the rule index (:mod:`cleaner.rules.prefilter`): one
automaton pass over the document finds every rule's anchors, and a rule is matched only on the blocks
that hold them. Literal and fuzzy matchers compare comparison forms (see :mod:`cleaner.text.normalize`);
regexes run on the raw block. The raw offsets of a hit are only computed for blocks that hit.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from urllib.parse import urlsplit

from rapidfuzz import fuzz
from rapidfuzz.distance import ScoreAlignment

from cleaner.result import Removal
from cleaner.rules.boxes import box_length, opener_kind
from cleaner.rules.edge_shapes import closing_lines
from cleaner.rules.head_shapes import date_part, section_word
from cleaner.rules.headlines import headline_end, list_length, tag_block
from cleaner.rules.line_shapes import dated_rest
from cleaner.rules.list_items import field_record, listed_under_label, table_row
from cleaner.rules.model import Matcher, Rule, RuleSet
from cleaner.rules.prefilter import line_start_pattern, rule_index
from cleaner.rules.regex import unit_fold
from cleaner.rules.shape_vocab import BULLET, SPACELESS
from cleaner.rules.shapes import match_shape, shape_candidates
from cleaner.text.furniture import RUN_ANCHOR_CHARS, BlockScorer, load_model
from cleaner.text.normalize import comparison_map, is_cjk, raw_span
from cleaner.text.segment import Unit, unit_forms

__all__ = ["Document", "find_boilerplate", "host_of"]

_SHAPE_MAX_CHARS = 240  # the longest block any shape of cleaner.rules.shapes takes
_QUESTION_SHAPES = frozenset(("contents-list",))  # shapes whose lines may end as a sentence (a question) does
# Shapes that on a page are made of links (navigation, breadcrumbs, cross-link lists, price widgets):
# they neither take a page's link-free table rows (Unit.data) nor count them as items.
_LINK_SHAPES = frozenset({"menu", "breadcrumb", "crosslink", "ticker", "edge-bar"})
_PROSE_END = re.compile(r"\w[.!?。！？]['\"”’»)]*\s*$")
_CLOSERS = "'\"”’»)"
_STOPS = ".!?。！？"


def _prose_end(text: str) -> bool:
    """``_PROSE_END.search(text) is not None``, read off the end of the text instead of a search that
    tries every position: whitespace, then closing quotes and brackets, are stripped from the end (none
    is a stop or a word character, so the regex can only match them all), and what is left must end with
    a word character and a stop (``\\w`` is ``isalnum`` or the underscore, ``\\s`` is ``isspace``)."""
    t = text.rstrip().rstrip(_CLOSERS)
    if len(t) < 2 or t[-1] not in _STOPS:
        return False
    c = t[-2]
    return c.isalnum() or c == "_"


_LIST_WINDOW = 16  # lines after a label-only line that may belong to its list
_ITEMS_AFTER_LABEL = re.compile(r"[:：]\s*\S")  # "Tags: a, b": the label's items on its own line (no list under it)
_CLOSING = {"Po", "Pe", "Pf"}
_SPACE = re.compile(" ")  # terminal punctuation, closing brackets, closing quotes

_SCORERS = {
    "ratio": fuzz.ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
}


def host_of(url: str | None) -> str | None:
    """Lower-case host name of ``url`` (a bare host such as ``gate.com`` is accepted too)."""
    if not url:
        return None
    return _host_of(url)


@lru_cache(maxsize=4096)
def _host_of(url: str) -> str | None:
    """:func:`host_of` of a non-empty URL, kept: a page asks for its host on every text pass and once more
    for its selector rules (``urlsplit`` and its ``hostname`` parse, ~0.5% of a page's time)."""
    try:
        parts = urlsplit(url if "//" in url else "//" + url)
        host = (parts.hostname or "").lower().rstrip(".")
    except ValueError:  # malformed ("http://[::1"): no host, so domain-scoped rules stay idle
        return None
    return host or None


@dataclass(frozen=True)
class _Hit:
    start: int  # raw offsets in the document
    end: int
    score: float
    why: str = ""  # evidence of a shape matcher, added to the removal's reason
    beside: bool = False  # the rest of a line beside its date: removed alone, whatever the rule's action


class Document:
    """The current views of a document's blocks, with comparison forms and offset maps cached."""

    def __init__(self, text: str, units: list[Unit], *, pristine: bool = False):
        self.text = text
        self.units = units
        self.pristine = pristine  # every unit is still its whole input line (first pass)
        self._forms: list[str] | None = None
        self._maps: dict[int, tuple[str, list[int]]] = {}
        self._blocks: list[str] | None = None
        self._linkish: list[str] | None = None
        self._short: list[int] | None = None
        self._items: list[int] | None = None
        self._long: tuple[int, int] | None = None  # first and last unit long enough to end an edge run
        self._scorers: dict[str, BlockScorer] = {}  # model name -> scores of this pass's units
        # id(leaf matcher) -> units where it may match, from the rule index; a leaf not listed runs
        self.leaf_units: dict[int, frozenset[int] | set[int]] = {}
        self.host: str | None = None  # the page's host, for shapes that compare a line with it (site-name)
        self.url: str | None = None  # the page's URL, for shapes that read its folders (url-section)

    def __len__(self) -> int:
        return len(self.units)

    def raw(self, i: int) -> str:
        """The view text of unit ``i`` (its kept pieces joined by one space)."""
        return self.units[i].text

    def blocks(self) -> list[str]:
        """Every unit's view text (shape matchers look at a block's neighbours)."""
        if self._blocks is None:
            self._blocks = [u.text for u in self.units]
        return self._blocks

    def link_shape_blocks(self) -> list[str]:
        """:meth:`blocks` with a page's data units (link-free table rows) blanked: what the link-made
        shapes (:data:`_LINK_SHAPES`) see, so that a spec table or an event table is neither
        a menu itself nor makes its neighbours one. For text (no kinds) it is :meth:`blocks`."""
        if self._linkish is None:
            blocks = self.blocks()
            self._linkish = [("" if u.data else t) for u, t in zip(self.units, blocks, strict=True)] \
                if any(u.data for u in self.units) else blocks
        return self._linkish

    def short_units(self) -> list[int]:
        """Indices of the units a shape can be made of: no shape holds a block over 240 characters, nor one
        that ends as a sentence does (a banner, which may, is found in its head window instead)."""
        if self._short is None:
            self._short = [
                i for i, t in enumerate(self.blocks()) if len(t) <= _SHAPE_MAX_CHARS and not _prose_end(t)
            ]
        return self._short

    def item_units(self) -> list[int]:
        """Indices of the units up to the shapes' length, sentences too: a list's items may be questions
        ("Pourquoi acheter un aspirateur robot ?"), which ``short_units`` leaves out."""
        if self._items is None:
            self._items = [i for i, t in enumerate(self.blocks()) if len(t) <= _SHAPE_MAX_CHARS]
        return self._items

    def form(self, i: int) -> str:
        if self._forms is None:
            self._forms = unit_forms(self.units)  # all at once: one normalisation pass
        return self._forms[i]

    def cmap(self, i: int) -> tuple[str, list[int]]:
        m = self._maps.get(i)
        if m is None:
            m = self._maps[i] = comparison_map(self.raw(i))
        return m

    def model_score(self, name: str, i: int) -> float:
        """The learned model ``name``'s boilerplate probability of unit ``i``.

        Scored on the document as it stands in this pass (its units' texts: features look at the
        neighbours and the document's stoplist), so the passes of the core loop go on to the fixpoint
        and cleaning the output again removes nothing more (idempotence): what a model rule removes is
        what scores at least its threshold once the rest of the furniture is gone.
        """
        return self._model_scorer(name)(i)

    def may_be_in_run(self, i: int, run: str) -> bool:
        """False when unit ``i`` cannot be in the document's ``run`` ("head", "tail", "any"): a unit over
        RUN_ANCHOR_CHARS characters before it (head) or after it (tail) is article text that ends the run.
        Decided on the views before any scorer is built, so most documents of paragraphs cost nothing.

        A document without a unit that long has no tail run: its article has not begun (a header cut off by
        an excerpt: title, dek, byline, "President Donald Trump"), and its last lines are that article's
        start, not the furniture under it."""
        if self._long is None:
            longs = [k for k, u in enumerate(self.units) if len(u.text) >= RUN_ANCHOR_CHARS]
            self._long = (longs[0], longs[-1]) if longs else (len(self.units), len(self.units))
        head, tail = i <= self._long[0], i >= self._long[1]
        return head if run in ("head", "above-title") else tail if run == "tail" else head or tail

    def in_model_run(self, name: str, i: int, run: str) -> bool:
        """Whether unit ``i`` stands in ``run`` ("head", "tail", "above-title"; "any": every block the scorer scores,
        those of the edge runs)."""
        if run == "any":
            return True
        if run == "above-title":
            return self._model_scorer(name).above_title(i)
        return self._model_scorer(name).side(i) == run

    def in_short_header(self, name: str, i: int) -> bool:
        """Whether unit ``i`` is one of the few lines over the article's title (no model rule's)."""
        return self._model_scorer(name).in_short_header(i)

    def _model_scorer(self, name: str) -> BlockScorer:
        scorer = self._scorers.get(name)
        if scorer is None:
            # the units as the output writes them (whitespace folded): a line scored with its double space
            # ("Share  À") and again, once cleaned, without it would not be decided the same (idempotence)
            folded = [self.folded(k)[0] for k in range(len(self.units))]
            scorer = self._scorers[name] = BlockScorer(load_model(name), folded)
        return scorer

    def regex_spans(self, pattern: re.Pattern[str], i: int) -> list[tuple[int, int]]:
        """View spans of ``pattern``'s non-empty matches in unit ``i``.

        The regex sees the unit with its whitespace folded, as the output writes it (one space per
        run, no space at the ends), so a rule decides the same on a text and on its cleaned output.
        """
        view = self.raw(i)
        folded, back = self.folded(i)
        if back is None:
            return [(h.start(), h.end()) for h in _finditer(pattern, view) if h.end() > h.start()]
        return [(back[h.start()], back[h.end() - 1] + 1) for h in _finditer(pattern, folded) if h.end() > h.start()]

    def folded(self, i: int) -> tuple[str, list[int] | None]:
        """:func:`~cleaner.rules.regex.fold_map` of unit ``i``'s view (kept on the unit: every regex rule
        and the rule index read it)."""
        return unit_fold(self.units[i])

    def hit(self, i: int, vs: int, ve: int, score: float) -> _Hit:
        """A hit on view span [vs, ve) of unit ``i``, in raw document offsets."""
        u = self.units[i]
        return _Hit(u.to_raw(vs), u.to_raw_end(ve), score)


# ----------------------------------------------------------------------------------------- matchers
def _finditer(pattern: re.Pattern[str], text: str) -> Iterable[re.Match[str]]:
    """``pattern.finditer(text)``, as one ``match`` when the pattern can only match at a line's start
    and ``text`` is one line (a unit's text never holds a newline; checked anyway): a whole-line rule
    (127 of the bundled 221 regexes) then tries position 0 instead of every position of a paragraph.
    The same matches (tests/test_fast_paths.py): after a match at 0, or none, no later position of a
    line is at a line's start."""
    if line_start_pattern(pattern) and "\n" not in text:
        hit = pattern.match(text)
        return () if hit is None else (hit,)
    return pattern.finditer(text)


def _boundary_ok(form: str, s: int, e: int) -> bool:
    """A literal hit must not start or end inside a word (CJK text has no spaces: always fine)."""
    if s > 0 and form[s - 1] != " " and not (is_cjk(form[s - 1]) or is_cjk(form[s])):
        return False
    return not (e < len(form) and form[e] != " " and not (is_cjk(form[e]) or is_cjk(form[e - 1])))


def _form_hit(doc: Document, i: int, s: int, e: int, score: float) -> _Hit:
    """Map a comparison-form span of unit ``i`` to raw document offsets.

    Punctuation is not part of the comparison form, so the raw span is extended over the closing
    punctuation that directly follows it (". ", "!”", "…)"): a disclaimer cut out of a paragraph
    must not leave its full stop behind.
    """
    _, index = doc.cmap(i)
    view = doc.raw(i)
    vs, ve = raw_span(view, index, s, e)
    end = ve
    while end < len(view) and unicodedata.category(view[end]) in _CLOSING:
        end += 1
    if end == len(view) or view[end].isspace():
        ve = end
    return doc.hit(i, vs, ve, score)


# Initials with points ("A.D.", "U.S.") compare equal to a short word ("Ad", "us") once punctuation is
# folded away: a line that short holding letters joined by points is an abbreviation (an author's
# initials under an article, fresh f12-05), not the label
_INITIALS = re.compile(r"\w\.\w")
_INITIALS_FORM = 4


def _match_literal(m: Matcher, doc: Document, i: int) -> list[_Hit]:
    form = doc.form(i)
    if not form:
        return []
    if m.whole_block:
        if form not in m.literals or (len(form) <= _INITIALS_FORM and _INITIALS.search(doc.raw(i))):
            return []
        return [doc.hit(i, 0, len(doc.raw(i)), 100.0)]
    hits = []
    assert m.literal_re is not None
    if m.literal_re.search(form):
        form = doc.cmap(i)[0]  # offsets come from the mapped form (identical but for rare compositions)
        for hit in m.literal_re.finditer(form):
            if _boundary_ok(form, hit.start(), hit.end()):
                hits.append(_form_hit(doc, i, hit.start(), hit.end(), 100.0))
    if m.truncated and i == len(doc) - 1 and not any(h.end >= doc.units[i].span[1] for h in hits):
        form = doc.cmap(i)[0]
        # The text ends inside the literal: a scraped excerpt cut off in a disclaimer.
        for lit in m.literals:
            if len(lit) < m.truncated:
                continue
            p = form.find(lit[: m.truncated])
            if p >= 0 and lit.startswith(form[p:]) and _boundary_ok(form, p, len(form)):
                score = 100.0 * (len(form) - p) / len(lit)
                hits.append(_form_hit(doc, i, p, len(form), round(score, 1)))
                break
    return hits


_SPACELESS_HEADLINE = 12  # characters of Chinese, Japanese or Thai on an unspaced line: a title or field, no menu


def _spaceless_headline(line: str) -> bool:
    """A line in a script written without spaces that holds a title's worth of it ("平成30年度第2回旭川市科学館
    協議会議事録", "技术解读以太坊铭文ETHS:本质是金融炒作而非产品革新"): the model's length and word features read
    such a line as one short word, and scored council minutes' title at 0.99 (stop 16's review)."""
    s = line.strip()
    return len(s.split()) <= 2 and len(SPACELESS.findall(s)) >= _SPACELESS_HEADLINE


_RESTATE_REACH = 2  # lines under a title or a name in which its longer form stands


def _restated(blocks: list[str], i: int) -> bool:
    """A line that one of the next two lines opens with and goes on from, or names in quotes (a help page's
    title over the step that says which button to press, f27-24): a title over its longer form
    ("计算机体系结构" over "计算机体系结构 pdf epub …"), an author's name over "Yashu Gola tarafından yazılmıştır"
    or "kai2025-04-30 21:09". Of the rule's removals on the labelled sets (stop 17), four were such lines: three
    the page's, and one menu entry ("• Tin Tức" over "• Tin tức theo CoinPedia"); a bulleted line is a menu's,
    whatever follows it."""
    line = " ".join(blocks[i].split()).casefold()
    if not line or BULLET.match(line):
        return False
    for k in range(i + 1, min(len(blocks), i + 1 + _RESTATE_REACH)):
        other = " ".join(blocks[k].split()).casefold()
        if len(other) > len(line) and other.startswith(line):
            return True
        if any(f"{o}{line}{c}" in other for o, c in _QUOTES):
            return True  # the text under a heading names it in quotes (f27-24, a help page)
    return False


def _cut_off(blocks: list[str], i: int) -> bool:
    """Whether line ``i`` is the document's last and reads as text cut off mid-sentence: three words of letters or
    more and no closing mark (an excerpt's end, "Début septembre, deux nouveaux modèles ont"; a widget's label is
    shorter, a sidebar's row "3121 万美元 07-15" holds figures)."""
    s = blocks[i].strip()
    words = sum(1 for w in s.split() if any(c.isalpha() for c in w) and not any(c.isdigit() for c in w))
    return i == len(blocks) - 1 and words >= 3 and s[-1:] not in _CUT_CLOSERS


_CUT_CLOSERS = set(".!?。！？…»\"”’)」』:;|›>")


def _recurs(blocks: list[str], i: int) -> bool:
    """Whether line ``i`` stands again, whole, further down the document."""
    line = " ".join(blocks[i].split()).casefold()
    return any(" ".join(b.split()).casefold() == line for b in blocks[i + 1 :])


# Quotation marks a text names a heading, a button or a menu entry in
_QUOTES = (("“", "”"), ('"', '"'), ("«", "»"), ("„", "“"), ("「", "」"), ("『", "』"), ("‘", "’"), ("'", "'"))


def _match_model(m: Matcher, doc: Document, i: int) -> list[_Hit]:
    """The whole unit, when the learned scorer gives it at least ``min_score`` (reported as 0–100).

    A unit longer than the model's ``max_chars`` is never the model's (it scores 0): it is skipped before
    the document's scorer is built, so a document of paragraphs costs nothing; nor is a title-length line of
    an unspaced script (:func:`_spaceless_headline`), nor a field of a record (:func:`field_record`), nor a line
    the next restates at more length (:func:`_restated`)."""
    if len(doc.raw(i)) > load_model(m.model).max_chars or not doc.may_be_in_run(i, m.model_run):
        return []
    if _spaceless_headline(doc.raw(i)):
        return []
    p = doc.model_score(m.model, i)
    if p < m.min_score or not doc.raw(i).strip():
        return []
    if not doc.in_model_run(m.model, i, m.model_run):
        return []
    run, blocks = m.model_run, doc.blocks()
    if run == "head" and doc.in_short_header(m.model, i):
        return []
    if run in ("tail", "above-title") and date_part(doc.raw(i)):
        return []  # a date under the text or over the title ("Thursday, July 3, 2025"; "24" / "Jul" / "2012")
    if (run == "tail" and _cut_off(blocks, i)) or (run == "above-title" and _recurs(blocks, i)):
        # the excerpt's last line cut off ("Beim Hokkaido-Kürbis kann"); a line that stands again further down
        # is a title printed twice (fresh f24-01's "洋風肉じゃが"): dedup keeps one
        return []
    if field_record(blocks, i) or listed_under_label(blocks, i) or table_row(blocks, i) or _restated(blocks, i):
        # a book's or a recipe's details under its title (round 24's f24-08), a list under its label, a table's
        # row ("1 | Спартак | 1 | 1/0/0 | 4-0 | 3 |", f24-26), a title over its longer form
        return []
    return [doc.hit(i, 0, len(doc.raw(i)), round(100.0 * p, 1))]


def _match_regex(m: Matcher, doc: Document, i: int) -> list[_Hit]:
    assert m.regex is not None
    return [doc.hit(i, s, e, 100.0) for s, e in doc.regex_spans(m.regex, i)]


def _match_fuzzy(m: Matcher, doc: Document, i: int) -> list[_Hit]:
    form = doc.form(i)
    if len(form) < m.min_length:
        return []
    if not _enough_anchors(m, form):
        return []
    if m.scorer == "partial_ratio":
        al = _alignment(m.pattern, form, m.threshold)
        if al is None:
            return []
        mapped = doc.cmap(i)[0]
        if mapped != form:
            form = mapped
            al = _alignment(m.pattern, form, m.threshold)
        if al is None or al.dest_end - al.dest_start < m.min_length:
            return []
        # compare with the part of the pattern that aligned (all of it, unless the copy is cut off)
        target = m.pattern[al.src_start : al.src_end]
        s, e, score = _refine_window(target, form, al.dest_start, al.dest_end, al.score)
        return [_form_hit(doc, i, s, e, round(score, 1))]
    score = _SCORERS[m.scorer](m.pattern, form, score_cutoff=m.threshold)
    return [doc.hit(i, 0, len(doc.raw(i)), round(score, 1))] if score else []


def _alignment(pattern: str, form: str, cutoff: float) -> ScoreAlignment | None:
    """``fuzz.partial_ratio_alignment(pattern, form)``, without the search when ``form`` holds one exact
    copy of the pattern: the only window of the pattern's length that scores 100 is that copy, and
    that is the alignment rapidfuzz returns (tests/test_fast_paths.py). A verbatim disclaimer is the
    common case, and the search costs more than all the rest of its matching."""
    if pattern and len(pattern) <= len(form):
        p = form.find(pattern)
        if p >= 0 and form.find(pattern, p + 1) < 0:
            return ScoreAlignment(100.0, 0, len(pattern), p, p + len(pattern))
    return fuzz.partial_ratio_alignment(pattern, form, score_cutoff=cutoff)


def _refine_window(pattern: str, form: str, s: int, e: int, score: float) -> tuple[int, int, float]:
    """Move the edges of an aligned window to the word boundaries that best fit the pattern.

    partial_ratio aligns a window as long as the pattern; when the block's copy is shorter or longer
    than the pattern, that window bites into the neighbouring words. Trying the word boundaries near
    each edge and keeping the best full ratio gives the span of the copy itself.
    """
    slack = max(8, len(pattern) // 6)
    bounds = [0] + [m.end() for m in _SPACE.finditer(form)] + [len(form) + 1]
    starts = [b for b in bounds if abs(b - s) <= slack and b < len(form)] or [s]
    # ends may also fall well before the aligned end: a cut-off copy followed by other text
    ends = [b - 1 for b in bounds if s + len(pattern) // 2 <= b - 1 <= e + slack and b - 1 > 0] or [e]
    lp = len(pattern)
    half = lp // 2
    if not any(b - a >= half for a in starts for b in ends[-1:]):  # ends are sorted
        return s, e, score  # no boundary pair fits: keep the alignment as it was found
    scored = []
    top = -1.0
    # The ratio of two strings is at most 200·min(len)/(sum of len): trying windows from the best such
    # bound down, the rest can be skipped once their bound is more than a point under the best ratio
    # found (they could neither be the best nor come within a point of it). The window whose length is
    # closest to the pattern's has the best bound; its ratio already rules out every window whose length
    # gives a bound more than a point below it, so only the lengths in between are looked at (found by
    # bisection: the ends are sorted).
    shortest, longest = float(half), float(len(form) + 1)
    if lp:
        near = min(
            (abs(b - a - lp), a, b)
            for a in starts
            for b in ends[max(0, bisect_left(ends, a + lp) - 1) : bisect_left(ends, a + lp) + 1]
            if b - a >= half
        )
        floor = fuzz.ratio(pattern, form[near[1] : near[2]]) - 1.0 - 1e-6
        if floor > 0:  # bound(w) >= floor for w in [shortest, longest]
            shortest = max(half, floor * lp / (200.0 - floor) - 1)
            longest = lp * (200.0 - floor) / floor + 1
    pairs = [
        (a, b)
        for a in starts
        for b in ends[bisect_left(ends, a + shortest) : bisect_right(ends, a + longest)]
        if b - a >= half
    ]
    ranked = sorted(((200.0 * min(lp, b - a) / (lp + b - a) if lp else 100.0, a, b) for a, b in pairs), reverse=True)
    for bound, a, b in ranked:
        if lp and bound + 1e-6 < top - 1.0:
            break
        r = fuzz.ratio(pattern, form[a:b], score_cutoff=max(0.0, top - 1.0)) if lp else fuzz.ratio(pattern, form[a:b])
        scored.append((r, a, b))
        top = max(top, r)
    # Of the windows within a point of the best, the shortest: a neighbour word that happens to share
    # letters with the pattern's next word must not be taken along (when in doubt, keep).
    ratio, a, b = min((x for x in scored if x[0] >= top - 1.0), key=lambda x: (x[2] - x[1], x[1]))
    return a, b, ratio


def _enough_anchors(m: Matcher, form: str) -> bool:
    """Fuzzy prefilter: enough of the pattern's chunks occur in ``form``.

    A window of ``min_length`` characters holds ``min_length / 6`` chunks; a copy scoring ≥ the
    threshold keeps most of them intact, so asking for a third of them skips blocks that share only a
    common syllable or two with the pattern.
    """
    need = max(1, m.min_length // 6 // 3)
    found = 0
    for a in m.anchors:
        if a in form:
            found += 1
            if found >= need:
                return True
    return False


def _match_shape(m: Matcher, doc: Document, i: int) -> list[_Hit]:
    if m.shape in _LINK_SHAPES:
        if doc.units[i].data:
            return []
        blocks = doc.link_shape_blocks()
    else:
        blocks = doc.blocks()
    found = match_shape(m.shape, blocks, i, m.shape_param, host=doc.host, url=doc.url)
    if found is None and m.shape in _DATED_SHAPES:
        beside = _beside_date(m, blocks, i, doc.host)
        if beside is not None:
            u = doc.units[i]
            (vs, ve), score, why = beside
            return [_Hit(u.to_raw(vs), u.to_raw_end(ve), score, why, beside=True)]
    if found is None:
        return []
    u = doc.units[i]
    if len(found) == 3:  # spans of the block (a marker glued to the text, a line's counters), in view offsets
        spans = found[2] if isinstance(found[2], list) else [found[2]]
        return [_Hit(u.to_raw(vs), u.to_raw_end(ve), found[0], found[1]) for vs, ve in spans]
    return [_Hit(u.span[0], u.span[1], found[0], found[1])]


# Shapes of a short line that a scrape glues to the post's dateline on one line ("date 2020-03 Lukuaika noin 2 min",
# "Kultur 5.3.2023"): tried on the rest of the line too, which alone goes (the date stays, POLICY D1), when the
# rest passes the shape's test: beside a date, a section label only when it names a newsroom section (a place in a
# dateline, "Vaasa 5.3.2023", and a byline, "Jane Smith 2021-03-04", have the label's shape: stop 21's review)
_DATED_SHAPES: dict[str, Callable[[str], object]] = {"reading-time": bool, "section-label": section_word}


def _beside_date(
    m: Matcher, blocks: Sequence[str], i: int, host: str | None
) -> tuple[tuple[int, int], float, str] | None:
    """The shape found in the rest of block ``i`` beside its date: (the rest's span in the view, score, why)."""
    rest = dated_rest(blocks[i])
    if rest is None or not _DATED_SHAPES[m.shape](blocks[i][rest[0] : rest[1]]):
        return None
    alt = list(blocks)
    alt[i] = blocks[i][rest[0] : rest[1]]
    found = match_shape(m.shape, alt, i, m.shape_param, host=host)
    if found is None or len(found) == 3:
        return None
    return rest, found[0], f"{found[1]} (beside the line's date, which stays)"


# the matcher of each leaf kind (``any`` and ``all`` combine leaves: :func:`_match`)
_LEAVES = {
    "literal": _match_literal, "regex": _match_regex, "fuzzy": _match_fuzzy, "shape": _match_shape,
    "model": _match_model,
}  # fmt: skip


def _match(m: Matcher, doc: Document, i: int) -> list[_Hit]:
    leaf = _LEAVES.get(m.kind)
    if leaf is not None:
        known = doc.leaf_units.get(id(m))
        if known is not None and i not in known:
            return []  # none of the leaf's anchors is in this unit
        return leaf(m, doc, i)
    if m.kind == "any":
        out: list[_Hit] = []
        for member in m.members:
            out.extend(_match(member, doc, i))
        return out
    # all: every member must hit this block; report the first member's hits (the others only need to
    # hit somewhere: checked first, and a regex stops at its first match)
    if not all(_exists(member, doc, i) for member in m.members[1:]):
        return []
    return _match(m.members[0], doc, i)


def _exists(m: Matcher, doc: Document, i: int) -> bool:
    """Whether ``m`` has a hit in unit ``i`` (``bool(_match(m, doc, i))``, sooner for regexes)."""
    if m.kind == "regex":
        known = doc.leaf_units.get(id(m))
        if known is not None and i not in known:
            return False
        assert m.regex is not None
        return any(h.end() > h.start() for h in _finditer(m.regex, doc.folded(i)[0]))
    return bool(_match(m, doc, i))


# ------------------------------------------------------------------------------------------- driver
def find_boilerplate(
    doc: Document,
    ruleset: RuleSet,
    *,
    url: str | None = None,
    language: str | None = None,
    only: set[int] | None = None,
) -> list[Removal]:
    """Every boilerplate removal the rules call for, in document order, contained spans dropped.

    ``only`` limits rules without a position to these unit indices (the units whose text changed
    since the last pass); head/tail rules always look at their whole window, which moves as blocks go.
    """
    host = doc.host = host_of(url)
    doc.url = url
    n = len(doc)
    everywhere = range(n) if only is None else sorted(only)
    found: list[Removal] = []
    learned: set[str] = set()  # model rules: on the same span, the rule that names the family explains it
    chosen, doc.leaf_units = rule_index(ruleset).candidates(doc.units, host, url, language, only)
    for rule, candidates in chosen:
        if rule.matcher.kind == "model":
            learned.add(rule.id)
        # a shape depends on the neighbours, which change when blocks go: it looks at every block
        indices = rule.scope.window_of(n) or (
            (doc.item_units() if rule.matcher.shape in _QUESTION_SHAPES else doc.short_units())
            if rule.matcher.kind == "shape"
            else everywhere
        )
        if candidates is not None:
            indices = sorted(candidates.intersection(indices))
        if rule.matcher.kind == "shape":
            indices = shape_candidates(rule.matcher.shape, doc.blocks(), indices)
        # a leaf rule's indices are already its leaf's candidate units: its matcher is called directly
        match = _LEAVES.get(rule.matcher.kind, _match)
        for i in indices:
            for hit in match(rule.matcher, doc, i):
                found.extend(_apply_action(rule, doc, i, hit))
    return _drop_contained(found, learned)


def _apply_action(rule: Rule, doc: Document, i: int, hit: _Hit) -> list[Removal]:
    text = doc.text
    start, end = hit.start, hit.end
    if rule.action == "remove_block" and not hit.beside:
        start, end = doc.units[i].span
    elif rule.action == "truncate_after":
        end = len(text.rstrip())
    elif rule.action == "truncate_before":
        start = len(text) - len(text.lstrip())
    if rule.extend == "headline" and rule.action == "remove_span":
        end = headline_end(doc.units[i], end)
    if rule.action == "remove_span":
        start, end = _bracketed(text, start, end)
    out = [_removal(rule, text, start, end, hit.score, hit.why)]
    if rule.extend == "tag_list" and not _ITEMS_AFTER_LABEL.search(doc.units[i].text):
        tags = tag_block(doc.units[i].text, ["" if u.data else u.text for u in doc.units[i + 1 :]])
        if tags is None:
            return []  # a label alone above more text is a subhead (headlines.tag_block)
        for k in range(i + 1, i + 1 + tags):
            out.append(_removal(rule, text, *doc.units[k].span, hit.score, "a tag listed under the tag label"))
    if rule.extend == "headline_list":
        following = ["" if u.data else u.text for u in doc.units[i + 1 : i + 1 + _LIST_WINDOW]]
        for k in range(i + 1, i + 1 + list_length(following)):
            s, e = doc.units[k].span
            out.append(_removal(rule, text, s, e, hit.score, "listed under a cross-link label"))
    elif rule.extend == "box":
        out.extend(_box(rule, doc, i, start, end, hit.score))
    elif rule.extend == "foot" and end >= doc.units[i].span[1]:
        after = doc.units[i + 1 :]
        n = 0 if any(u.data for u in after) else closing_lines([u.text for u in after], before=i)  # a table's rows stay
        for u in after[:n]:
            out.append(_removal(rule, text, *u.span, hit.score, "closing the page under its copyright line"))
    return out


_BRACKETS = {"(": ")", "[": "]", "（": "）", "【": "】"}


def _bracketed(text: str, start: int, end: int) -> tuple[int, int]:
    """A span that fills a pair of brackets takes them, and the space before them, with it: a chip cut out
    of "Nasdaq (NDAQ+0.21%) shed" leaves "Nasdaq shed", not "Nasdaq ( ) shed"."""
    lo, hi = start, end
    while lo > 0 and text[lo - 1] in " \t":
        lo -= 1
    while hi < len(text) and text[hi] in " \t":
        hi += 1
    if lo == 0 or hi >= len(text) or _BRACKETS.get(text[lo - 1]) != text[hi]:
        return start, end
    lo, hi = lo - 1, hi + 1
    if lo > 0 and text[lo - 1] in " \t":
        lo -= 1
    return lo, hi


_BOX_WINDOW = 16  # lines after a notice heading that may belong to its box


def _box(rule: Rule, doc: Document, i: int, start: int, end: int, score: float) -> list[Removal]:
    """The rest of the notice box that the removal [start, end) of unit ``i`` opens (cleaner.rules.boxes):
    only when the removal reaches the end of its line, which is then the box's heading or lead."""
    u = doc.units[i]
    if end < u.span[1] or not (kind := opener_kind(doc.text[start:end])):
        return []
    text = doc.text
    after = doc.units[i + 1 : i + 1 + _BOX_WINDOW]
    n = box_length([w.text for w in after], heading=kind == "heading")
    why = f"in the notice box under {kind} {' '.join(text[start:end].split())[:40]!r}"
    return [_removal(rule, text, *w.span, score, why) for w in after[:n]]


def _removal(rule: Rule, text: str, start: int, end: int, score: float, why: str = "") -> Removal:
    reason = rule.description if not why else f"{rule.description} ({why})"
    return Removal("boilerplate", rule.id, start, end, text[start:end], score, rule.level, reason)


def _drop_contained(removals: list[Removal], last: set[str] | frozenset[str] = frozenset()) -> list[Removal]:
    """Sort by position and drop removals whose span lies inside an earlier, larger one. Of removals of the same
    span, one by a rule in ``last`` (a learned model's) gives way to the others (a shape or a wording says which
    family the line is: "tracking residue", "section label")."""
    ordered = sorted(removals, key=lambda r: (r.start, -r.end, r.rule in last, r.rule))
    out: list[Removal] = []
    reach = -1
    for r in ordered:
        if r.end <= reach:
            continue
        out.append(r)
        reach = max(reach, r.end)
    return out
