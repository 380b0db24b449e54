"""Fast paths give the answer of the plain computation they replace.

The text pipeline computes comparison forms for a whole document at once, guesses the language from
byte-level word counts, cuts sentences with a regex that skips ahead, samples shingles with C maps and
prunes fuzzy window refinement by a length bound. Each is checked here against the straightforward
version (written out in this file) on real lines and on generated text with the characters that make
normalisation hard: entities, combining marks, ligatures, Greek sigma, Turkish i, NUL, CJK full stops.
"""

from __future__ import annotations

import re
import unicodedata
import zlib
from functools import cache

from casedata import case_names, load_case
from hypothesis import given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from cleaner.rules.matching import _refine_window
from cleaner.rules.shape_vocab import PLATFORMS
from cleaner.text.normalize import comparison_form, comparison_forms, comparison_map
from cleaner.text.segment import (
    _SENT_END,
    Unit,
    sentence_starts,
    split_blocks,
    unit_forms,
    unit_sentence_forms,
    units_of,
)
from cleaner.text.shingles import shingles

LINES = sorted({line for name in case_names() for line in load_case(name)[0].splitlines() if line.strip()})
HARD = list("’“”–—…\u00a0&#;amp8217x é«»·ﬁ①Å\u0301\u0308ΣσςİıK.!?。！？」』)¨´\r\x1c\x00→😀€ßж字")
TEXT = st.text(alphabet=st.one_of(st.characters(blacklist_categories=("Cs",)), st.sampled_from(HARD)), max_size=60)


def plain_sentences(text: str) -> tuple[str, ...]:
    starts = sentence_starts(text)
    if len(starts) == 1:
        return (comparison_form(text),)
    pieces = (text[a:b] for a, b in zip(starts, starts[1:] + [len(text)], strict=True))
    return tuple(f for f in map(comparison_form, pieces) if f)


@settings(max_examples=600, deadline=None)
@given(st.lists(st.one_of(st.sampled_from(LINES), TEXT), max_size=8))
def test_document_forms_equal_one_by_one_forms(parts):
    assert comparison_forms(parts) == [comparison_form(p) for p in parts]
    units = units_of("\n".join(parts))
    assert unit_forms(units) == [comparison_form(u.text) for u in units]
    assert [unit_sentence_forms(u) for u in units] == [plain_sentences(u.text) for u in units]


@settings(max_examples=400, deadline=None)
@given(TEXT)
def test_sentence_regex_equals_the_plain_one(text):
    plain = re.compile(r"""(?:[.!?…]+["'”’»)\]]*\s+|[。！？]+["'”’」』)]*\s*)""")
    assert [m.span() for m in _SENT_END.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_shingles_equal_crc32_of_each_gram():
    def plain(form: str) -> set[int]:
        words = form.split()
        if len(words) * 12 >= len(form):
            grams = [" ".join(words[k : k + 3]) for k in range(max(1, len(words) - 2))]
        else:
            grams = [form[k : k + 8] for k in range(max(1, len(form) - 7))]
        return {h for h in (zlib.crc32(g.encode("utf-8", "surrogatepass")) for g in grams) if h % 2 == 0}

    forms = [comparison_form(line) for line in LINES] + ["a", "ab cd", "一二三四五六七八九十" * 3, "x" * 50]
    for f in forms:
        if f:
            assert shingles(f) == plain(f)


def test_pruned_window_refinement_equals_trying_every_window():
    def plain(pattern, form, s, e, score):
        slack = max(8, len(pattern) // 6)
        bounds = [0] + [k + 1 for k, c in enumerate(form) if c == " "] + [len(form) + 1]
        starts = [b for b in bounds if abs(b - s) <= slack and b < len(form)] or [s]
        ends = [b - 1 for b in bounds if s + len(pattern) // 2 <= b - 1 <= e + slack and b - 1 > 0] or [e]
        scored = [(fuzz.ratio(pattern, form[a:b]), a, b) for a in starts for b in ends if b - a >= len(pattern) // 2]
        if not scored:
            return s, e, score
        top = max(r for r, _, _ in scored)
        ratio, a, b = min((x for x in scored if x[0] >= top - 1.0), key=lambda x: (x[2] - x[1], x[1]))
        return a, b, ratio

    pattern = comparison_form(
        "This page may contain third-party content, which is provided for information purposes only "
        "(not representations/warranties) and should not be considered as an endorsement of its views by Gate."
    )
    words = pattern.split()
    for k, line in enumerate(LINES[:300]):
        form = comparison_form(line)
        cut = " ".join(words[k % 7 : len(words) - k % 5])
        for text in (form, f"{form} {cut}", f"{cut} {form}", cut):
            al = fuzz.partial_ratio_alignment(pattern, text)
            if al is not None:
                target = pattern[al.src_start : al.src_end]
                got = _refine_window(target, text, al.dest_start, al.dest_end, al.score)
                assert got == plain(target, text, al.dest_start, al.dest_end, al.score)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .\r\n\t\u00a0\u2028")), max_size=40))
def test_units_are_the_blocks(text):
    """units_of makes the views straight from the lines: the same as building them from split_blocks."""
    expected = []
    for b in split_blocks(text):
        u = Unit(b.index, [(b.start, b.end)])
        u.build(text)
        expected.append((u.block, u.pieces, u.text, u._offsets))
    assert [(u.block, u.pieces, u.text, u._offsets) for u in units_of(text)] == expected


def plain_map(text: str) -> tuple[str, list[int]]:
    """comparison_map as first written: one step per character (what the ASCII fast path replaces)."""
    chars: list[str] = []
    index: list[int] = []
    last_space = True
    for i, ch in enumerate(text):
        norm = " " if ch.isspace() else "" if unicodedata.category(ch)[0] == "P" else ch.lower()
        for c in norm:
            if c == " ":
                if last_space:
                    continue
                last_space = True
            else:
                last_space = False
            chars.append(c)
            index.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        index.pop()
    return "".join(chars), index


ASCII = st.text(alphabet=st.sampled_from("aZ09 \t\x0b\x0c\r\x1c\x1f.,;:'\"-_()[]{}!?#%*/@\\$+<=>^`|~"), max_size=40)


@settings(max_examples=800, deadline=None)
@given(ASCII)
def test_ascii_comparison_map_equals_the_character_loop(text):
    assert comparison_map(text) == plain_map(text)
    assert comparison_map(text)[0] == comparison_form(text)


def test_ascii_comparison_map_on_real_lines():
    for line in LINES:
        if line.isascii() and "&" not in line:
            assert comparison_map(line) == plain_map(line)


def test_folded_regex_requirements_hold_in_every_match():
    """Every match of a bundled regex (on its rules' test inputs and the case lines) holds one string
    of each requirement group the rule index asks for, in the lower-cased text."""
    from cleaner import load_rules
    from cleaner.rules.prefilter import _leaves, _regex_groups

    checked = 0
    for rule in load_rules().rules:
        texts = [t.input for t in rule.tests] + LINES
        for leaf in _leaves(rule.matcher):
            if leaf.kind != "regex" or not leaf.anchors:
                continue
            groups = [tuple(leaf.anchors), *_regex_groups(leaf)]
            for text in texts:
                for m in leaf.regex.finditer(text):
                    if m.end() > m.start():
                        low = m.group().lower()
                        assert all(any(a in low for a in g) for g in groups), (rule.id, m.group(), groups)
                        checked += 1
    assert checked > 50


WORDS = st.sampled_from(
    [
        "the",
        "a",
        "page",
        "may",
        "contain",
        "third",
        "party",
        "content",
        "which",
        "is",
        "provided",
        "only",
        "gate",
        "not",
    ]
)


@settings(max_examples=600, deadline=None)
@given(st.lists(WORDS, min_size=1, max_size=70), st.lists(WORDS, max_size=40), st.lists(WORDS, max_size=40))
def test_exact_copy_alignment_is_rapidfuzz_alignment(pattern, before, after):
    from cleaner.rules.matching import _alignment

    pat = " ".join(pattern)
    form = " ".join(before + pattern + after)
    expected = fuzz.partial_ratio_alignment(pat, form, score_cutoff=90)
    got = _alignment(pat, form, 90)
    assert (got is None) == (expected is None)
    if got is not None:
        assert tuple(got) == tuple(expected)


@settings(max_examples=600, deadline=None)
@given(st.text(alphabet=st.sampled_from("ab é\t\n\r\x00\x01\x08\x0b\x0c\x0e\x1f\x7f\ufffd\ufffe\uffff\ufeff한"),
               max_size=30))
def test_xml_safety_checked_on_utf8_bytes_equals_the_regex_on_the_text(text):
    from cleaner.html.page import xml_safe

    # text decoded from UTF-8 holds no lone surrogate; the byte check must agree with the regex on the rest
    assert xml_safe(text, text.encode("utf-8")) == xml_safe(text)


def _whole_string_verdict(attrs: str) -> str | None:
    """The class/id verdict by the four regexes over the whole string (what the token cache replaces)."""
    from cleaner.html import vocab

    low = attrs.lower().replace("_", "-")
    classes, _, ident = low.rpartition(" ")
    if ident.count("-") >= vocab.SLUG_MIN_PARTS - 1:
        low = classes
    if vocab.CONTENT_STRONG_RE.search(low):
        return "anchor"
    if vocab.FURNITURE_STRONG_RE.search(low):
        return "strong"
    if vocab.FURNITURE_WEAK_RE.search(low):
        return "small" if vocab.CONTENT_WORD_RE.search(low) else "weak"
    return None


_NAME_WORDS = ["article-body", "no-sidebar", "share", "ads-enabled", "menu", "post", "col-md-8", "related-posts",
               "comments", "has-ads", "entry-content", "gallery", "sidebar-content", "x", "main", "widget", "-",
               "footer\tnav", "Share_Bar", "a-b-c-d", "content"]


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_NAME_WORDS), max_size=5),
       st.sampled_from(["", "post-42", "sharing-with-a-dev", "nav"]))
def test_class_verdict_by_tokens_equals_the_whole_string_regexes(classes, ident):
    from cleaner.html import prune

    attrs = f"{' '.join(classes)} {ident}"
    prune._NAME_CACHE.pop(attrs, None)
    assert prune._name_verdict(attrs) == _whole_string_verdict(attrs)


ENDS = st.text(alphabet=st.sampled_from(list("ab1_ .!?。！？'\"”’»)\n\t\u00a0\u3000\x1c\u0663é-")), max_size=12)


@given(st.one_of(TEXT, ENDS))
def test_prose_end_equals_its_regex(text):
    from cleaner.rules.matching import _PROSE_END, _prose_end

    assert _prose_end(text) == (_PROSE_END.search(text) is not None)


def test_characters_folding_to_ascii_are_listed():
    from cleaner.html.prune import _FOLDS_TO_ASCII

    every = (chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF)
    assert sorted(_FOLDS_TO_ASCII) == [c for c in every if any(ch.isascii() for ch in c.casefold())]


def test_guard_scan_of_utf8_finds_exactly_the_unsure_characters():
    from cleaner.html.prune import _COMPAT, _FOLDS_TO_ASCII, _unsure_utf8

    # every code point once, each between two ASCII letters: the byte scan finds the character exactly when
    # it is a compatibility character or folds to ASCII
    chars = [chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    data = "a".join(chars).encode("utf-8")
    starts = [0]
    for c in chars[:-1]:
        starts.append(starts[-1] + len(c.encode("utf-8")) + 1)
    at = {s: c for s, c in zip(starts, chars, strict=True)}
    found = [at[m.start()] for m in _unsure_utf8().finditer(data)]
    assert found == [c for c in chars if _COMPAT.match(c) or c in _FOLDS_TO_ASCII]


GUARD_TEXT = st.text(alphabet=st.one_of(st.sampled_from(list("ConTentPartyß ſİKﬁ&amp;’é\u00a0ж字")),
                                        st.characters(blacklist_categories=("Cs",))), max_size=40)


@settings(max_examples=800, deadline=None)
@given(GUARD_TEXT, st.sampled_from(["content", "party", "ss", "kind", "fish", "i"]))
def test_guard_words_view_answers_as_the_casefolded_text(text, word):
    from cleaner.html.prune import _compat_or_entity, _guard_words_view

    exact_only, view = _guard_words_view(text)
    assert exact_only == _compat_or_entity(text)
    if not exact_only:
        needle = word if isinstance(view, str) else word.encode("ascii")
        assert (needle in view) == (word in text.casefold())


def _bundled_regexes() -> list[re.Pattern[str]]:
    from cleaner.rules import default_rules
    from cleaner.rules.prefilter import _leaves

    found = {}
    for rule in default_rules().rules:
        for leaf in _leaves(rule.matcher):
            if leaf.kind == "regex":
                found[(leaf.regex.pattern, leaf.regex.flags)] = leaf.regex
    return list(found.values())


def test_start_anchored_patterns_are_told_apart():
    from cleaner.rules.anchors import starts_anchored

    yes = [r"^a", r"(?i)^ab", r"\Aab", r"(?m)^a$", r"(?:^a|^b)c", r"^a|^b", r"(^a)", r"(?i:^a)"]
    no = [r"a", r"^a|b", r"a|^b", r"(?:^a|b)", r"(?<=x)^a", r"(?:^a)+", r"x?^a", r"\ba", r"$"]
    assert all(starts_anchored(re.compile(p)) for p in yes)
    assert not any(starts_anchored(re.compile(p)) for p in no)


_ANCHORED_LINES = LINES[:400] + ["A+ A-", "  A A A", "Font size", "•  Text size: A A A", "", " ", "a" * 300]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(_ANCHORED_LINES), TEXT))
def test_start_anchored_regex_matches_as_finditer(text):
    from cleaner.rules.matching import _finditer

    text = text.replace("\n", " ")
    for pattern in _BUNDLED:
        plain = [m.span() for m in pattern.finditer(text)]
        assert [m.span() for m in _finditer(pattern, text)] == plain, pattern.pattern


def test_start_anchored_regex_on_a_text_with_a_newline_uses_finditer():
    from cleaner.rules.matching import _finditer

    pattern = re.compile(r"^ab", re.MULTILINE)
    assert [m.span() for m in _finditer(pattern, "ab\nab")] == [(0, 2), (3, 5)]
    assert [m.span() for m in _finditer(re.compile(r"^a|b"), "xab")] == [(2, 3)]


_BUNDLED = _bundled_regexes()


@cache
def _plain_stem_regex() -> re.Pattern[str]:
    """``edge_shapes._STEM`` as first written: the word-start test repeated before every stem."""
    from cleaner.rules.edge_vocab import LABEL_STEMS

    return re.compile(
        "|".join(
            r"(?<![^\W_])" + (re.escape(s[:-1]) + r"(?![^\W\d_])" if s.endswith("$") else re.escape(s))
            for s in sorted(LABEL_STEMS, key=len, reverse=True)
        )
    )


def _stem_lines() -> list[str]:
    from cleaner.rules.edge_vocab import LABEL_STEMS

    stems = sorted(s.rstrip("$") for s in LABEL_STEMS)
    # each stem alone, inside a word, at a word's start and end, glued to a digit or an underscore
    around = (("", ""), ("x", ""), ("", "x"), ("1", ""), ("_", "_"), ("le ", "s"))
    return [*(f"{a}{s}{b}" for s in stems for a, b in around), *(line.casefold() for line in LINES if len(line) <= 200)]


@settings(max_examples=300, deadline=None)
@given(st.one_of(st.sampled_from(_stem_lines()), TEXT.map(str.casefold)))
def test_label_stem_regex_matches_as_the_plain_one(text):
    from cleaner.rules.edge_shapes import _STEM

    plain = [(m.span(), m.group(0)) for m in _plain_stem_regex().finditer(text)]
    assert [(m.span(), m.group(0)) for m in _STEM.finditer(text)] == plain


def test_label_stem_regex_on_every_stem():
    from cleaner.rules.edge_shapes import _STEM

    plain = _plain_stem_regex()
    for text in _stem_lines():
        assert [m.span() for m in _STEM.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def _plain_card_widget(blocks: list[str]) -> tuple[int, int, int] | None:
    """``tail_shapes._card_widget`` as first written: every start in the last lines tried, the prose
    above it first."""
    from cleaner.rules import tail_shapes as ts

    n = len(blocks)
    for start in range(n - 2, max(1, n - ts._MAX_SCAN) - 1, -1):
        if not ts._prose(blocks[start - 1]) and not ts._signature(blocks[start - 1]):
            continue
        got = ts._cards_from(blocks, start)
        if got is None:
            continue
        words_above, article = ts._above(blocks, start)
        cards = [w for b in blocks[start + got[0] :] if (w := ts._words(b))]
        shared = [len(w & article) / len(w) for w in cards]
        if words_above >= ts._MIN_ARTICLE_WORDS and shared and sum(shared) / len(shared) < 0.4:
            return (start, *got)
        return None
    return None


def _card_documents() -> list[list[str]]:
    """The tail rules' test inputs and the labelled cases, each also cut after every one of its last lines."""
    from cleaner.rules import default_rules
    from cleaner.rules import tail_shapes as ts
    from cleaner.rules.edge_shapes import label_cue

    texts = [t.input for r in default_rules().rules if r.matcher.kind == "shape" for t in r.tests]
    texts += [load_case(name)[0] for name in case_names()]
    docs = []
    for text in texts:
        lines = [line for line in text.splitlines() if line.strip()]
        # a widget's label as a line that is no card line itself ("Related posts..."): the only labels
        # that stand above the run of card lines ending the page
        labelled = [[b + "..." if label_cue(b) and ts._card_label(b) else b for b in lines]]
        for variant in [lines, *(labelled if labelled[0] != lines else [])]:
            docs += [variant[:k] for k in range(max(2, len(variant) - 12), len(variant) + 1)]
    return docs


def test_card_widget_equals_trying_every_start():
    from cleaner.rules import tail_shapes as ts

    found = 0
    for blocks in _card_documents():
        ts._MEMO.cards = None
        got = ts._card_widget(blocks)
        assert got == _plain_card_widget(blocks), blocks[-3:]
        found += got is not None
    assert found  # (the rule's own tests hold widgets)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(sorted({b for d in _card_documents()[:400] for b in d})), min_size=2, max_size=30))
def test_card_widget_equals_trying_every_start_on_mixed_lines(blocks):
    from cleaner.rules import tail_shapes as ts

    ts._MEMO.cards = None
    assert ts._card_widget(blocks) == _plain_card_widget(blocks)


_PLATFORM_TEXT = st.lists(st.one_of(TEXT, st.sampled_from(sorted(PLATFORMS))))


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.sampled_from(LINES), _PLATFORM_TEXT.map(" ".join), _PLATFORM_TEXT.map("".join)))
def test_platform_candidate_test_equals_one_test_per_platform(line):
    from cleaner.rules.cta_shapes import _MAX_CHARS, _may_prompt

    s = line.strip()
    assert _may_prompt(line) == (0 < len(s) <= _MAX_CHARS and any(p in s.casefold() for p in PLATFORMS))


SENTENCE_ENDS = st.text(alphabet=st.sampled_from(list("a1 .!?。！？;؛۔।'\"”’»)]…:\n\t\u00a0")), max_size=12)


@given(st.one_of(TEXT, SENTENCE_ENDS, st.sampled_from(LINES)))
def test_ends_sentence_equals_its_regex(text):
    from cleaner.rules.shape_vocab import SENTENCE_END, ends_sentence

    assert ends_sentence(text) == (SENTENCE_END.search(text) is not None)


def test_page_candidates_of_the_tail_widgets_keep_every_match():
    """The shapes that find their lines once per page (shapes._PAGE_CANDIDATES) or were given a line test: the
    lines they then match are those matched when every line is tried (after the line test it had before)."""
    from cleaner.rules import tail_shapes as ts
    from cleaner.rules.edge_shapes import label_shaped
    from cleaner.rules.shapes import match_shape, shape_candidates

    plain_test = {
        "tail-stories": lambda line: True,
        "tail-cards": ts.card_candidate,
        "tail-labels": lambda line: len(line) <= 56 and label_shaped(line),
        "paywall-offer": lambda line: len(line) <= 400 and len(line.split()) <= 16,
        "banner": lambda line: True,
        "tail-marker": lambda line: True,
    }
    found = dict.fromkeys(plain_test, 0)
    for blocks in _card_documents():
        window = list(range(len(blocks)))
        for name, test in plain_test.items():
            ts._MEMO.cards = None
            plain = [i for i in window if test(blocks[i]) and match_shape(name, blocks, i) is not None]
            fast = [i for i in shape_candidates(name, blocks, window) if match_shape(name, blocks, i) is not None]
            assert fast == plain, (name, blocks[-3:])
            found[name] += bool(plain)
    assert all(found.values()), found


def _plain_holds_anchor(el) -> bool:
    """prune._holds_anchor as it read before the class-only lookup: every element's class and id string."""
    from lxml import etree

    from cleaner.html import prune, vocab

    for _ in el.iter(*vocab.ANCHOR_TAGS):
        return True
    for d in el.iter(etree.Element):
        cls, ident = d.get("class"), d.get("id")
        if (cls or ident) and prune._name_verdict(f"{cls or ''} {ident or ''}") == "anchor":
            return True
        if d.get("itemprop") == "articleBody":
            return True
    return False


def test_holds_anchor_equals_reading_every_class_and_id():
    """On the HTML test pages (and an id-less, class-less or empty-id variant of each element), every element:
    the anchor test with its class-only lookup answers as the one reading the whole class/id string."""
    from pathlib import Path

    from cleaner.html import prune
    from cleaner.html.page import read_page

    pages = sorted((Path(__file__).parent / "data" / "html").glob("*.html"))
    seen = {True: 0, False: 0}
    for path in pages:
        root = read_page(path.read_bytes())[2]
        if root is None:
            continue
        for el in root.iter():
            if isinstance(el.tag, str):
                got = prune._holds_anchor(el)
                assert got == _plain_holds_anchor(el), (path.name, el.tag, el.get("class"), el.get("id"))
                seen[got] += 1
    for cls, ident in (("entry-content", None), ("entry-content", ""), (None, "article-body"), ("nav", "main-content"),
                       ("nav", "x entry-content"), ("nav", "entry-content a-b-c-d"), ("entry-content", "a-b-c-d"),
                       (None, "entry-content\ta-b-c-d"), (None, "a-entry-content-b-c"), ("nav", "entry_content")):
        from lxml import etree

        box = etree.Element("div")
        inner = etree.SubElement(box, "span")
        for name, value in (("class", cls), ("id", ident)):
            if value is not None:
                inner.set(name, value)
        assert prune._holds_anchor(box) == _plain_holds_anchor(box)
    assert seen[True] and seen[False], seen


@settings(max_examples=800, deadline=None)
@given(st.lists(st.sampled_from(_NAME_WORDS), max_size=4),
       st.lists(st.sampled_from([*_NAME_WORDS, "sharing-with-a-dev", "entry-content-of-a-post", ""]), max_size=3),
       st.sampled_from([" ", "\t", "  "]))
def test_anchor_name_of_class_and_id_is_either_alone(classes, ids, gap):
    """prune._holds_anchor reads a subtree's class and id values apart: an element's class and id name an
    anchor together exactly when its class alone (``cls + " "``) or its id alone (``" " + id``) does, ids
    of several words (a slug last) included."""
    from cleaner.html import prune

    cls, ident = " ".join(classes), gap.join(ids)
    for key in (f"{cls} {ident}", f"{cls} ", f" {ident}"):
        prune._NAME_CACHE.pop(key, None)
    together = prune._name_verdict(f"{cls} {ident}" if ident else f"{cls} ") == "anchor"
    apart = prune._name_verdict(f"{cls} ") == "anchor" or (bool(ident) and prune._name_verdict(f" {ident}") == "anchor")
    assert together == apart, (cls, ident)


def _plain_protected(anchors, protect, hidden) -> set:
    """prune._protected as it read before: every anchor in document order, each counted."""
    from cleaner.html import prune, vocab

    protected: set = set()
    hidden_set = set(hidden)
    for anchor in anchors:
        if anchor is not protect and hidden_set and (
            anchor in hidden_set or any(a in hidden_set for a in anchor.iterancestors())
        ):
            continue
        if anchor is protect or prune._holds_text(anchor, vocab.ANCHOR_MIN_TEXT):
            protected.add(anchor)
            protected.update(anchor.iterancestors())
    return protected


def test_anchors_read_innermost_first_protect_what_each_counted_protects():
    """prune._protected: anchors read backwards, skipping those already protected, protect the elements that
    counting every anchor in document order protects — on the HTML test pages, with every element that
    names an anchor (or, as a test, every fifth element) as the anchors, their hidden elements, and with and
    without a chosen root."""
    from pathlib import Path

    from lxml import etree

    from cleaner.html import prune
    from cleaner.html.page import read_page

    pages = sorted((Path(__file__).parent / "data" / "html").glob("*.html"))
    nested = 0
    for path in pages:
        root = read_page(path.read_bytes())[2]
        if root is None:
            continue
        elements = list(root.iter(etree.Element))
        names = [f"{e.get('class') or ''} {e.get('id') or ''}" for e in elements]
        named = [e for e, name in zip(elements, names, strict=True) if e.tag == "main" or (
            e.get("itemprop") == "articleBody" or (name.strip() and prune._name_verdict(name) == "anchor"))]
        hidden = [e for e in elements if prune._is_hidden(e)]
        for anchors in (named, elements[::5]):
            for protect in (None, anchors[len(anchors) // 2] if anchors else None):
                listed = ([protect] if protect is not None else []) + anchors
                got = prune._protected(listed, protect, hidden)
                assert got == _plain_protected(listed, protect, hidden), path.name
                nested += sum(any(a in got for a in x.iterdescendants()) for x in got if x in set(listed))
    assert nested  # some anchors were protected by one inside them


def test_metadata_elements_read_in_one_pass_equal_one_pass_per_tag():
    """metadata._read_elements: the one pass over the tree finds, for each tag, the elements ``root.iter(tag)``
    finds, in the same order; and the first title and html below the root are ``find(".//tag")``'s — on the
    HTML test pages, and on a tree with a namespaced element of a read tag's name."""
    from pathlib import Path

    from lxml import etree

    from cleaner.html import metadata
    from cleaner.html.page import read_page

    pages = sorted((Path(__file__).parent / "data" / "html").glob("*.html"))
    roots = [r for r in (read_page(p.read_bytes())[2] for p in pages) if r is not None]
    roots.append(etree.fromstring('<html xmlns:x="u"><x:meta/><head><title>a</title><meta/></head><x:title/></html>'))
    for root in roots:
        found = metadata._read_elements(root)
        for tag in metadata._READ_TAGS:
            assert found[tag] == list(root.iter(tag)), tag
            first = next((x for x in found[tag] if x is not root), None)
            assert first is root.find(f".//{tag}") or (first is None and root.find(f".//{tag}") is None), tag
    assert any(found["meta"] for found in map(metadata._read_elements, roots))


def _plain_class_weight(el, text_chars: int) -> int:
    """content._class_weight as it read before its name hints were cached: both regexes searched each time."""
    from cleaner.html import vocab

    attrs = ((el.get("class") or "") + " " + (el.get("id") or "")).lower()
    weight = 0
    if len(attrs) > 1:
        if vocab.NEGATIVE_RE.search(attrs):
            weight -= 25
        if text_chars >= vocab.MIN_NAMED_TEXT and vocab.POSITIVE_RE.search(attrs):
            weight += 25
    if el.get("itemprop") == "articleBody":
        weight += 40
    return weight


def test_class_weight_from_cached_name_hints_equals_searching_each_time():
    """content._class_weight: the name hints cached per class + id string weigh every element of the HTML test
    pages as the two searches did, with little and with enough text."""
    from pathlib import Path

    from lxml import etree

    from cleaner.html import content, vocab
    from cleaner.html.page import read_page

    weights = set()
    for path in sorted((Path(__file__).parent / "data" / "html").glob("*.html")):
        root = read_page(path.read_bytes())[2]
        if root is None:
            continue
        for el in root.iter(etree.Element):
            for chars in (0, vocab.MIN_NAMED_TEXT):
                got = content._class_weight(el, chars)
                assert got == _plain_class_weight(el, chars), (path.name, el.get("class"), el.get("id"))
                weights.add(got)
    assert {-25, 0, 25} <= weights, weights


def test_elements_inside_removed_ones_are_not_attached():
    """prune._attached: an element is attached exactly when it is a descendant of the root, after removals
    (lxml keeps a removed subtree in its document: the document's root is no test)."""
    from lxml import etree

    from cleaner.html import prune

    root = etree.fromstring("<html><body><div><p><span>a</span></p><p>b</p></div><nav><a>c</a></nav></body></html>",
                            etree.HTMLParser())
    div, nav = root.find(".//div"), root.find(".//nav")
    prune._remove(div)
    for el in root.iter():
        assert prune._attached(el, root) == (el is not root)
    for el in div.iter():
        assert not prune._attached(el, root)
        assert el.getroottree().getroot() is root  # (what the old test read)
    assert prune._attached(nav, root) and prune._attached(nav[0], root)


def test_furniture_pruning_passing_over_removed_subtrees_leaves_the_same_page(monkeypatch):
    """prune.drop_non_content with the attachment test that passes over elements inside removed ones leaves
    every HTML test page as the old test (every element of the document counted as attached) did, in each
    mode: what it skips would only have been measured and removed inside a subtree already gone."""
    from pathlib import Path

    from lxml import etree

    from cleaner.html import prune, vocab
    from cleaner.html.page import read_page

    new_attached = prune._attached
    passed_over = []

    def old_attached(el, root) -> bool:
        old = el.getparent() is not None and el.getroottree().getroot() is root
        passed_over.append(old and not new_attached(el, root))
        return old

    pages = sorted((Path(__file__).parent / "data" / "html").glob("*.html"))
    for path in pages:
        data = path.read_bytes()
        for by_class, relaxed in ((True, False), (False, False), (False, True)):
            trees = []
            for attached in (new_attached, old_attached):
                root = read_page(data)[2]
                if root is None:
                    break
                etree.strip_elements(root, *vocab.JUNK_TAGS, with_tail=False)
                monkeypatch.setattr(prune, "_attached", attached)
                prune.drop_non_content(root, None, by_class=by_class, relaxed=relaxed)
                monkeypatch.undo()
                trees.append(etree.tostring(root, encoding=str))
            assert len(set(trees)) <= 1, (path.name, by_class, relaxed)
    assert any(passed_over)  # the pages have furniture inside removed furniture


def test_blocks_in_one_span_equal_the_any_of_spans():
    """extract._in_spans: its one-span path keeps the blocks the general test over every span keeps, on the
    walk of each HTML test page with the spans its content selection chose (and each of them alone)."""
    from pathlib import Path

    from cleaner.html.content import select
    from cleaner.html.extract import _in_spans
    from cleaner.html.page import read_page
    from cleaner.html.walk import Walker

    tried = 0
    for path in sorted((Path(__file__).parent / "data" / "html").glob("*.html")):
        root = read_page(path.read_bytes())[2]
        if root is None:
            continue
        walker = Walker()
        walker.run(root)
        spans = [walker.spans[c] for c in select(walker, root) if c in walker.spans]
        for chosen in [spans, *([s] for s in spans), list(walker.spans.values())[:3]]:
            plain = [b for b in walker.blocks if any(s <= b.pos <= e for s, e in chosen)]
            assert _in_spans(walker.blocks, chosen) == plain
            tried += len(chosen) == 1 and bool(plain)
    assert tried


def test_output_paragraphs_read_from_the_kept_fold_equal_folding_them():
    """core._clean_page reads a kept unit's paragraph text from its kept fold (rules.regex.folded_text): on the
    HTML test pages every block without a tab is its own fold (what mark_folded records), and the text of
    every output paragraph but a table row's is its unit's text folded."""
    from pathlib import Path

    import cleaner
    from cleaner.core import page_blocks
    from cleaner.html.extract import extract
    from cleaner.rules.regex import folded_text, mark_folded, unit_fold
    from cleaner.text.segment import units_of

    paragraphs = 0
    for path in sorted((Path(__file__).parent / "data" / "html").glob("*.html")):
        raw = path.read_bytes()
        blocks = page_blocks(extract(raw, drop_repeats=False))
        for text, _ in blocks:
            assert "\t" in text or " ".join(text.split()) == text
        source = "\n".join(t for t, _ in blocks)
        for u in units_of(source):
            plain = " ".join(u.text.split())
            assert folded_text(u) == plain
            unit_fold(u)
            assert folded_text(u) == plain
            if "\t" not in u.text:
                mark_folded(u)
                assert folded_text(u) == plain
        for p in cleaner.clean(raw).paragraphs or ():
            paragraphs += 1
            assert p.kind == "table_row" or p.text == " ".join(p.text.split())
    assert paragraphs


def test_shingles_kept_on_a_unit_are_its_forms_and_change_no_duplicate():
    """find_duplicates keeps each unit's shingle sample with the form it was made of, so that a later pass of
    the core loop does not sample the units it kept unchanged again: on the labelled documents every kept
    sample is that of the unit's form, and duplicate removal run again on units that carry samples (theirs,
    or another unit's) decides as on the same units without any."""
    import copy

    from cleaner.result import Options
    from cleaner.text.dedup import find_duplicates

    opt = Options()
    kept = 0
    for name in case_names():
        text = load_case(name)[0]
        units = units_of(text)
        find_duplicates(units, text, opt)
        sampled = [u for u in units if u._shingled is not None]
        for u in sampled:
            assert u._shingled[0] == u.form and u._shingled[1] == shingles(u.form)
        kept += len(sampled)
        for u, other in zip(sampled[::2], sampled[1::2], strict=False):
            u._shingled = (other.form, other._shingled[1])  # another unit's: not this unit's sample
        bare = copy.deepcopy(units)
        for u in bare:
            u._shingled = None
        assert find_duplicates(units, text, opt) == find_duplicates(bare, text, opt)
        for u in units:
            assert u._shingled is None or u._shingled == (u.form, shingles(u.form))
    assert kept


def _spells_ascii(c: str) -> bool:
    return any(ch.isascii() and ch.isalnum() for ch in unicodedata.normalize("NFKC", c).casefold())


def test_characters_spelling_ascii_letters_are_listed():
    """The page skeleton of a guard's pre-check (html.prune._page_skeleton) replaces the characters outside
    ASCII whose NFKC form, case-folded, holds an ASCII letter or digit, and only them: every one is in
    _FOLDS_TO_ASCII, _COMPAT_RANGES or _SPELLS_ASCII_RANGES (which lists those the other two leave out), and
    the byte scan finds exactly those characters."""
    from cleaner.html.prune import _COMPAT_RANGES, _FOLDS_TO_ASCII, _SPELLS_ASCII_RANGES, _spells_ascii_utf8

    chars = [chr(c) for c in range(0x80, 0x110000) if not 0xD800 <= c <= 0xDFFF]
    listed = {*_FOLDS_TO_ASCII, *(chr(c) for lo, hi in _COMPAT_RANGES for c in range(lo, hi + 1))}
    spelling = [c for c in chars if _spells_ascii(c)]
    assert set(spelling) <= listed | {chr(c) for lo, hi in _SPELLS_ASCII_RANGES for c in range(lo, hi + 1)}
    assert [chr(c) for lo, hi in _SPELLS_ASCII_RANGES for c in range(lo, hi + 1)] == [
        c for c in spelling if c not in listed
    ]
    data = "a".join(chars).encode("utf-8")
    starts = [0]
    for c in chars[:-1]:
        starts.append(starts[-1] + len(c.encode("utf-8")) + 1)
    at = dict(zip(starts, chars, strict=True))
    scanned = {at[m.start()] for m in _spells_ascii_utf8().finditer(data)}
    assert scanned == listed | {chr(c) for lo, hi in _SPELLS_ASCII_RANGES for c in range(lo, hi + 1)}


def test_composed_characters_spell_no_other_ascii_letter():
    """NFKC composition joins a character with the marks after it: the character it makes holds, case-folded,
    no ASCII letter or digit but its base's, lowered (none when the base is outside ASCII)."""
    for cp in range(0x80, 0x110000):
        c = chr(cp)
        if 0xD800 <= cp <= 0xDFFF or unicodedata.normalize("NFC", c) != c:
            continue
        base = unicodedata.normalize("NFD", c)
        if base == c:
            continue
        ascii_alnum = "".join(ch for ch in c.casefold() if ch.isascii() and ch.isalnum())
        assert ascii_alnum in ("", base[0].lower() if base[0].isascii() else "")


def _guard_pages() -> list[str]:
    from pathlib import Path

    from lxml import etree

    from cleaner.html.page import read_page

    pages = ["\n".join(LINES)]
    for path in sorted((Path(__file__).parent / "data" / "html").glob("*.html")):
        root = read_page(path.read_bytes())[2]
        if root is not None:
            pages.append(etree.tostring(root, method="text", encoding=str))
    return pages


def test_guard_skeleton_never_rules_out_a_guard_in_the_page():
    """The skeleton pre-check of a has_text guard (html.prune.apply_selectors) rules a guard out only when it is
    not in the page's comparison form: on the HTML test pages and the labelled lines, for the bundled guards
    and for every stretch of the page's own text of 3 to 12 words (each in its form)."""
    from cleaner.html.prune import _guard_form, _page_skeleton, _skeletons
    from cleaner.rules import default_rules

    guards = [r.matcher.has_text for r in default_rules().html if r.matcher.has_text]
    assert guards
    tried = 0
    for text in _guard_pages():
        form, skeleton = comparison_form(text), _page_skeleton(text)
        words = text.split()
        stretches = [" ".join(words[k : k + 3 + k % 10]) for k in range(0, len(words), 7)]
        for guard in guards + stretches:
            if _guard_form(guard) in form:
                tried += 1
                assert all(k in skeleton for k in _skeletons(guard)), guard
            elif not all(k in skeleton for k in _skeletons(guard)):
                assert _guard_form(guard) not in form
    assert tried > 100


@settings(max_examples=1500, deadline=None)
@given(GUARD_TEXT, GUARD_TEXT, GUARD_TEXT, st.sampled_from(["content party", "con tent", "Party ß", "i ǅ x²", "fi ss"]))
def test_guard_skeleton_holds_for_any_text(before, middle, after, words):
    """As above, on generated text around a guard spelt with the characters that normalisation changes."""
    from cleaner.html.prune import _guard_form, _page_skeleton, _skeletons

    text = before + words + middle + after
    form, skeleton = comparison_form(text), _page_skeleton(text)
    for guard in (words, middle, before + words, words + middle, text):
        if _guard_form(guard) in form:
            assert all(k in skeleton for k in _skeletons(guard))
