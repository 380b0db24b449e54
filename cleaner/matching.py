"""Run compiled rules over a document's blocks and turn hits into boilerplate removals.

Literal and fuzzy matchers compare comparison forms (see :mod:`cleaner.normalize`); regexes run on the
raw block. The raw offsets of a literal hit are only computed for blocks that hit, so the common case
(no boilerplate in a paragraph) costs one search over a cached comparison form.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass
from urllib.parse import urlsplit

from rapidfuzz import fuzz

from .headlines import headline_end, list_length
from .normalize import comparison_form, comparison_map, is_cjk, raw_span
from .result import Removal
from .rules import Matcher, Rule, RuleSet
from .segment import Unit

__all__ = ["Document", "find_boilerplate", "host_of"]

_LIST_WINDOW = 16  # lines after a label-only line that may belong to its list
_CLOSING = {"Po", "Pe", "Pf"}  # terminal punctuation, closing brackets, closing quotes

_SCORERS = {
    "ratio": fuzz.ratio,
    "token_set_ratio": fuzz.token_set_ratio,
    "token_sort_ratio": fuzz.token_sort_ratio,
}


def host_of(url: str | None) -> str | None:
    """Lower-case host name of ``url`` (a bare host such as ``gate.com`` is accepted too)."""
    if not url:
        return None
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


class Document:
    """The current views of a document's blocks, with comparison forms and offset maps cached."""

    def __init__(self, text: str, units: list[Unit], *, pristine: bool = False):
        self.text = text
        self.units = units
        # pristine: every unit is still its whole input line, so a regex can run once over the text
        # ("\r\n" line ends excepted: there `$` would not match before the "\r")
        self.pristine = pristine and "\r" not in text
        self._forms: dict[int, str] = {}
        self._maps: dict[int, tuple[str, list[int]]] = {}
        self._regex_hits: dict[re.Pattern[str], dict[int, list[tuple[int, int]]]] = {}
        self._starts = [u.pieces[0][0] for u in units] if pristine else []
        self._whole_form: str | None = None
        self._lowered: str | None = None

    def __len__(self) -> int:
        return len(self.units)

    def raw(self, i: int) -> str:
        """The view text of unit ``i`` (its kept pieces joined by one space)."""
        return self.units[i].text

    def form(self, i: int) -> str:
        f = self._forms.get(i)
        if f is None:
            f = self._forms[i] = comparison_form(self.raw(i))
        return f

    def cmap(self, i: int) -> tuple[str, list[int]]:
        m = self._maps.get(i)
        if m is None:
            m = self._maps[i] = comparison_map(self.raw(i))
        return m

    @property
    def whole_form(self) -> str:
        """Comparison form of all views together: a literal or fuzzy anchor absent from it is absent
        from every block, so the rule can be skipped without looking at blocks one by one."""
        if self._whole_form is None:
            self._whole_form = comparison_form("\n".join(u.text for u in self.units))
        return self._whole_form

    @property
    def lowered(self) -> str:
        """Lower-cased text of all views, for the regexes' required-anchor test."""
        if self._lowered is None:
            self._lowered = "\n".join(u.text for u in self.units).lower()
        return self._lowered

    def regex_units(self, pattern: re.Pattern[str]) -> list[int] | None:
        """Units with a hit of ``pattern`` (pristine documents only; None = unknown, look at all).

        The regex runs once over the whole text (MULTILINE: ``^``/``$`` at line ends) and hits are
        bucketed per line; a hit that crosses a line end is searched again inside each line it
        touches, where it cannot cross. :meth:`regex_spans` then serves the lines from that table.
        """
        if not self.pristine:
            return None
        table = self._regex_hits.get(pattern)
        if table is None:
            table = self._regex_hits[pattern] = {}
            recheck: set[int] = set()
            for h in pattern.finditer(self.text):
                if h.end() <= h.start():
                    continue
                k = bisect_right(self._starts, h.start()) - 1
                if k < 0:
                    continue
                s0, e0 = self.units[k].pieces[0]
                if h.start() < e0 and h.end() <= e0:
                    table.setdefault(k, []).append((h.start() - s0, h.end() - s0))
                else:
                    last = bisect_right(self._starts, h.end() - 1) - 1
                    recheck.update(range(k, last + 1))
            for k in sorted(recheck):
                spans = self._search(pattern, k)
                if spans:
                    table[k] = spans
                else:
                    table.pop(k, None)
        return sorted(table)

    def regex_spans(self, pattern: re.Pattern[str], i: int) -> list[tuple[int, int]]:
        """View spans of ``pattern`` in unit ``i``: from the whole-text table when one was built,
        else by searching this unit alone (cheaper when only a few units are candidates)."""
        table = self._regex_hits.get(pattern)
        if table is not None:
            return table.get(i, [])
        return self._search(pattern, i)

    def _search(self, pattern: re.Pattern[str], i: int) -> list[tuple[int, int]]:
        return [(h.start(), h.end()) for h in pattern.finditer(self.raw(i)) if h.end() > h.start()]

    def hit(self, i: int, vs: int, ve: int, score: float) -> _Hit:
        """A hit on view span [vs, ve) of unit ``i``, in raw document offsets."""
        u = self.units[i]
        return _Hit(u.to_raw(vs), u.to_raw_end(ve), score)


# ----------------------------------------------------------------------------------------- matchers
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


def _match_literal(m: Matcher, doc: Document, i: int) -> list[_Hit]:
    form = doc.form(i)
    if not form:
        return []
    if m.whole_block:
        return [doc.hit(i, 0, len(doc.raw(i)), 100.0)] if form in m.literals else []
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
        al = fuzz.partial_ratio_alignment(m.pattern, form, score_cutoff=m.threshold)
        if al is None:
            return []
        mapped = doc.cmap(i)[0]
        if mapped != form:
            form = mapped
            al = fuzz.partial_ratio_alignment(m.pattern, form, score_cutoff=m.threshold)
        if al is None or al.dest_end - al.dest_start < m.min_length:
            return []
        # compare with the part of the pattern that aligned (all of it, unless the copy is cut off)
        target = m.pattern[al.src_start : al.src_end]
        s, e, score = _refine_window(target, form, al.dest_start, al.dest_end, al.score)
        return [_form_hit(doc, i, s, e, round(score, 1))]
    score = _SCORERS[m.scorer](m.pattern, form, score_cutoff=m.threshold)
    return [doc.hit(i, 0, len(doc.raw(i)), round(score, 1))] if score else []


def _refine_window(pattern: str, form: str, s: int, e: int, score: float) -> tuple[int, int, float]:
    """Move the edges of an aligned window to the word boundaries that best fit the pattern.

    partial_ratio aligns a window as long as the pattern; when the block's copy is shorter or longer
    than the pattern, that window bites into the neighbouring words. Trying the word boundaries near
    each edge and keeping the best full ratio gives the span of the copy itself.
    """
    slack = max(8, len(pattern) // 6)
    bounds = [0] + [k + 1 for k, c in enumerate(form) if c == " "] + [len(form) + 1]
    starts = [b for b in bounds if abs(b - s) <= slack and b < len(form)] or [s]
    # ends may also fall well before the aligned end: a cut-off copy followed by other text
    ends = [b - 1 for b in bounds if s + len(pattern) // 2 <= b - 1 <= e + slack and b - 1 > 0] or [e]
    scored = [
        (fuzz.ratio(pattern, form[a:b]), a, b) for a in starts for b in ends if b - a >= len(pattern) // 2
    ]
    if not scored:  # no boundary pair fits: keep the alignment as it was found
        return s, e, score
    top = max(r for r, _, _ in scored)
    # Of the windows within a point of the best, the shortest: a neighbour word that happens to share
    # letters with the pattern's next word must not be taken along (when in doubt, keep).
    ratio, a, b = min((x for x in scored if x[0] >= top - 1.0), key=lambda x: (x[2] - x[1], x[1]))
    return a, b, ratio


def _candidates(m: Matcher, doc: Document) -> set[int] | None:
    """Units where ``m`` can match (None: any unit), from document-wide checks in C-speed searches."""
    if m.kind == "literal":
        whole = doc.whole_form
        return None if any(a in whole for a in m.anchors) else set()
    if m.kind == "fuzzy":
        return None if _enough_anchors(m, doc.whole_form) else set()
    if m.kind == "regex":
        assert m.regex is not None
        if m.anchors and not any(a in doc.lowered for a in m.anchors):
            return set()
        units = doc.regex_units(m.regex)
        return None if units is None else set(units)
    if m.kind == "any":
        sets = [_candidates(member, doc) for member in m.members]
        return None if any(s is None for s in sets) else set().union(*sets)
    # all: stop at the first member that rules the document out; once few units are left, the
    # remaining members are checked on those units only (by _match) instead of over the whole text
    known: set[int] | None = None
    for member in m.members:
        if known is not None and len(known) * 4 < len(doc):
            break
        s = _candidates(member, doc)
        if s is not None:
            known = s if known is None else known & s
            if not known:
                return known
    return known


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


def _match(m: Matcher, doc: Document, i: int) -> list[_Hit]:
    if m.kind == "literal":
        return _match_literal(m, doc, i)
    if m.kind == "regex":
        return _match_regex(m, doc, i)
    if m.kind == "fuzzy":
        return _match_fuzzy(m, doc, i)
    if m.kind == "any":
        out: list[_Hit] = []
        for member in m.members:
            out.extend(_match(member, doc, i))
        return out
    # all: every member must hit this block; report the first member's hits
    first: list[_Hit] = []
    for n, member in enumerate(m.members):
        hits = _match(member, doc, i)
        if not hits:
            return []
        if n == 0:
            first = hits
    return first


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
    host = host_of(url)
    n = len(doc)
    everywhere = range(n) if only is None else sorted(only)
    found: list[Removal] = []
    for rule in ruleset.rules:
        if not rule.scope.allows_document(host, url, language):
            continue
        candidates = _candidates(rule.matcher, doc)
        if candidates is not None and not candidates:
            continue
        indices = rule.scope.window_of(n) or everywhere
        if candidates is not None:
            indices = sorted(candidates.intersection(indices))
        for i in indices:
            for hit in _match(rule.matcher, doc, i):
                found.extend(_apply_action(rule, doc, i, hit))
    return _drop_contained(found)


def _apply_action(rule: Rule, doc: Document, i: int, hit: _Hit) -> list[Removal]:
    text = doc.text
    start, end = hit.start, hit.end
    if rule.action == "remove_block":
        start, end = doc.units[i].span
    elif rule.action == "truncate_after":
        end = len(text.rstrip())
    elif rule.action == "truncate_before":
        start = len(text) - len(text.lstrip())
    if rule.extend == "headline" and rule.action == "remove_span":
        end = headline_end(doc.units[i], end)
    out = [_removal(rule, text, start, end, hit.score)]
    if rule.extend == "headline_list":
        following = [u.text for u in doc.units[i + 1 : i + 1 + _LIST_WINDOW]]
        for k in range(i + 1, i + 1 + list_length(following)):
            s, e = doc.units[k].span
            out.append(_removal(rule, text, s, e, hit.score, "listed under a cross-link label"))
    return out


def _removal(rule: Rule, text: str, start: int, end: int, score: float, why: str = "") -> Removal:
    reason = rule.description if not why else f"{rule.description} ({why})"
    return Removal("boilerplate", rule.id, start, end, text[start:end], score, rule.level, reason)


def _drop_contained(removals: list[Removal]) -> list[Removal]:
    """Sort by position and drop removals whose span lies inside an earlier, larger one."""
    ordered = sorted(removals, key=lambda r: (r.start, -r.end, r.rule))
    out: list[Removal] = []
    reach = -1
    for r in ordered:
        if r.end <= reach:
            continue
        out.append(r)
        reach = max(reach, r.end)
    return out
