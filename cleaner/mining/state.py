"""Find boilerplate nobody has written a rule for: text that recurs across many documents of one site.

A disclaimer in a language no rule covers, a site's own newsletter prompt, a photo-credit line: on one
page they look like prose, but across a site's pages they repeat word for word (or nearly), usually at
the head or the tail. Article text does not. Mining counts that repetition in two passes that scale:

1. **Count** (:meth:`MiningState.add`, streaming): every block (line) and, inside blocks of several
   sentences, every sentence is hashed in its comparison form (:func:`cleaner.text.normalize.comparison_form`)
   and counted per site *once per document* (document frequency), with how often it stands in the
   head/tail window, the farthest position it was seen at, a few sample document ids and one real
   sample with its neighbouring text. Blocks the current rules already remove can be left out
   (``rules=``), so only what is still unknown is reported. States are mergeable
   (:meth:`MiningState.merge`): a process pool or a Dask cluster counts partitions apart and folds them.
2. **Group** (:meth:`MiningState.finish`): per site, the recurring hashes are clustered with rapidfuzz
   (``fuzz.ratio`` ≥ ``group_threshold`` on the comparison form), so variants of one disclaimer (a date,
   a name, an excerpt cut off early) add up to one candidate — counting each document once, even when
   several variants stand on the same page (a k-minimum-values sketch of document ids per hash);
   candidates below ``min_docs`` documents or ``min_share`` of the site's documents are dropped.

**Order independence.** Every choice is made by content, never by arrival: counts are sums, the sample
kept for a hash is the smallest by (text, URL, document id, context), sample ids are the smallest ids, and
candidates are sorted by (share, documents, site, text). Merging states in any grouping gives the same
result. The one exception is memory pruning: when a state holds more than ``max_entries`` hashes, those
seen in a single document so far are dropped (:attr:`MiningResult.pruned` says how many); a hash that
recurs on a large share of a site's pages is counted again long before it could be pruned, but counts
near ``min_docs`` may then depend on the order.

Site: the registrable part of the URL's host (``news.example.co.uk`` → ``example.co.uk``, see
:func:`site_of`), or a name given by the caller (a folder per site).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from rapidfuzz import fuzz, process

from cleaner.core import clean, page_blocks, page_selectors
from cleaner.html.extract import extract, looks_like_html
from cleaner.io.records import RecordFields, select_fields
from cleaner.result import Options
from cleaner.rules import RuleSet
from cleaner.rules.matching import host_of
from cleaner.text.normalize import comparison_form
from cleaner.text.segment import sentence_starts, split_blocks

__all__ = [
    "MiningOptions",
    "MiningState",
    "MiningResult",
    "Candidate",
    "Sample",
    "site_of",
    "mine",
]

# Second-level labels under which registrations happen one level deeper (example.co.uk, example.com.au).
_SECOND_LEVEL = frozenset(
    ["co", "com", "net", "org", "gov", "edu", "ac", "or", "ne", "go", "gob", "mil", "nic", "ltd", "plc"]
)
_RULES_ONLY = Options(dedup=False)
_NO_SITE = "-"
_LABEL_RE = re.compile(r"^[\w-]+$")  # a host name label (letters of any script, digits, hyphens)
# Hosting domains whose subdomains are separate sites of separate people: the site is one label deeper.
_SHARED_HOSTS = frozenset(
    {
        *("github.io", "gitlab.io", "blogspot.com", "wordpress.com", "substack.com", "medium.com"),
        *("tumblr.com", "livejournal.com", "typepad.com", "weebly.com", "wixsite.com", "neocities.org"),
        *("netlify.app", "vercel.app", "pages.dev", "web.app", "firebaseapp.com", "appspot.com"),
        *("herokuapp.com", "azurewebsites.net"),
    }
)


def site_of(url: str | None) -> str | None:
    """The site a URL belongs to: its host without ``www.``, cut to the registrable-looking domain.

    No public-suffix list (no network, no data file): the last two labels, or three when the second-last
    is a common second-level label under a two-letter country code (``co.uk``, ``com.au``), or when the
    host lies under a shared hosting domain where each user has a site of their own (``alice.github.io``,
    ``bob.blogspot.com``). An IP address is its own site. A value that is not a URL (a record id such as
    ``article-123``, free text) has no site: every record would otherwise be a site of one document, and
    nothing would recur.
    """
    if not url:
        return None
    host = host_of(url)
    if host is None:
        return None
    labels = host.split(".")
    if (len(labels) == 4 and all(p.isdigit() for p in labels)) or ":" in host:
        return host  # an IPv4 or IPv6 address
    if not all(_LABEL_RE.match(p) for p in labels):
        return None  # spaces, "@" or other characters no host name has
    if "//" not in url and (len(labels) < 2 or not labels[-1].isalpha()):
        return None  # a bare word or number, not a host name ("gate.com" without a scheme is fine)
    for k in range(1, len(labels) - 1):
        if ".".join(labels[k:]) in _SHARED_HOSTS:
            return ".".join(labels[k - 1 :])
    if len(labels) >= 3 and len(labels[-1]) == 2 and labels[-2] in _SECOND_LEVEL:
        return ".".join(labels[-3:])
    return ".".join(labels[-2:])


@dataclass(frozen=True)
class MiningOptions:
    """How mining counts (pass 1) and what it reports (pass 2).

    ``min_chars``: blocks/sentences with fewer comparison characters are not counted (bare "Share"
    buttons are left to the bundled rules; very short text repeats by chance). ``window``: the head/tail
    window a position is measured against, as in rule scopes. ``samples``: document ids kept per hash.
    ``max_entries``: pruning threshold of one state (see the module docstring). ``min_docs`` /
    ``min_share``: a candidate recurs in at least this many documents and this share of its site's
    documents. ``group_threshold``: rapidfuzz ratio (0-100) above which two recurring texts are variants
    of one candidate.
    """

    min_chars: int = 15
    window: int = 5
    samples: int = 5
    sentences: bool = True
    max_entries: int = 200_000  # ~1 KB each (sample text and context): ~200 MB at most
    min_docs: int = 5
    min_share: float = 0.2
    group_threshold: float = 90.0
    group_limit: int = 5000  # recurring hashes per site considered for fuzzy grouping


@dataclass(frozen=True)
class Sample:
    """One real occurrence of a recurring text: the text, exactly as in the input, and what stood around it.

    For a block (``line``), ``before``/``after`` are the nearest kept blocks' closest sentences (separate
    lines); for a sentence, the raw text of the same line directly before/after it, so ``before + text + after``
    is a contiguous piece of the input line.
    """

    text: str
    before: str
    after: str
    doc_id: str
    url: str | None
    line: bool = True  # a whole block (line); False: a sentence inside a longer line

    @property
    def key(self) -> tuple[str, str, str, str, str]:
        return (self.text, self.url or "", self.doc_id, self.before, self.after)


_SKETCH = 128  # doc-id hashes kept per entry: distinct counts of a group are exact up to this many documents


def _doc_hash(doc_id: str) -> int:
    return int.from_bytes(hashlib.blake2b(doc_id.encode(), digest_size=8).digest(), "little")


def _smallest(values: Iterable[int]) -> tuple[int, ...]:
    return tuple(sorted(set(values))[:_SKETCH])


def _distinct_docs(entries: list[_Entry]) -> int:
    """Documents holding any of ``entries`` (variants often stand in the *same* documents).

    Each entry keeps the smallest hashes of its document ids (a k-minimum-values sketch, mergeable and
    order-free): their union is exact while every sketch is complete, else a KMV estimate, clamped
    between the largest single count and the sum.
    """
    if len(entries) == 1:
        return entries[0].df
    union = sorted(set().union(*(e.sketch for e in entries)))
    lo, hi = max(e.df for e in entries), sum(e.df for e in entries)
    if all(len(e.sketch) < _SKETCH for e in entries):
        estimate = len(union)
    else:
        estimate = round((_SKETCH - 1) * 2**64 / (union[_SKETCH - 1] + 1))
    return min(hi, max(lo, estimate))


class _Entry:
    """Counts of one (site, kind, hash) in one state."""

    __slots__ = ("df", "head", "tail", "max_start", "max_end", "sample", "ids", "sketch")

    def __init__(self, sample: Sample, start: int, end: int, window: int, doc_hash: int) -> None:
        self.df = 1
        self.head = int(start < window)
        self.tail = int(end < window)
        self.max_start = start
        self.max_end = end
        self.sample = sample
        self.ids: tuple[str, ...] = (sample.doc_id,)
        self.sketch: tuple[int, ...] = (doc_hash,)

    def __getstate__(self) -> tuple[Any, ...]:
        return tuple(getattr(self, k) for k in self.__slots__)

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for k, v in zip(self.__slots__, state, strict=True):
            setattr(self, k, v)

    def count(self, start: int, end: int, doc_id: str, doc_hash: int, window: int, keep: int) -> None:
        """One more document holds this text (the sample is updated by the caller)."""
        self.df += 1
        self.head += start < window
        self.tail += end < window
        self.max_start = max(self.max_start, start)
        self.max_end = max(self.max_end, end)
        if len(self.ids) < keep or doc_id < self.ids[-1]:
            self.ids = tuple(sorted({*self.ids, doc_id})[:keep])
        if len(self.sketch) < _SKETCH or doc_hash < self.sketch[-1]:
            self.sketch = _smallest((*self.sketch, doc_hash))

    def absorb(self, other: _Entry, keep: int) -> None:
        self.df += other.df
        self.head += other.head
        self.tail += other.tail
        self.max_start = max(self.max_start, other.max_start)
        self.max_end = max(self.max_end, other.max_end)
        if other.sample.key < self.sample.key:
            self.sample = other.sample
        self.ids = tuple(sorted(set(self.ids) | set(other.ids))[:keep])
        self.sketch = _smallest((*self.sketch, *other.sketch))


@dataclass(frozen=True)
class Candidate:
    """Text that recurs across a site's documents: a boilerplate suspect, with the evidence.

    ``kind`` is ``block`` when every occurrence is a whole line, ``sentence`` when it also (or only)
    stands inside longer lines. ``position`` is ``head``/``tail`` when every occurrence lies within
    ``window`` blocks of that end, else ``body``. ``variants`` are other real texts grouped with
    ``text`` (near-duplicates); ``docs`` counts documents holding any of them (exact up to 128
    documents per variant, then estimated).
    """

    site: str
    kind: str
    text: str
    docs: int
    site_docs: int
    position: str
    window: int
    head_share: float
    tail_share: float
    samples: tuple[str, ...]
    sample: Sample
    variants: tuple[Sample, ...] = ()
    similarity: float = 100.0  # lowest ratio of a variant to ``text`` (100: one exact text)

    @property
    def share(self) -> float:
        return self.docs / self.site_docs if self.site_docs else 0.0

    @property
    def exact(self) -> bool:
        return not self.variants

    def to_dict(self) -> dict[str, Any]:
        return {
            "site": self.site,
            "kind": self.kind,
            "text": self.text,
            "docs": self.docs,
            "site_docs": self.site_docs,
            "share": round(self.share, 4),
            "position": self.position,
            "window": self.window,
            "head_share": round(self.head_share, 4),
            "tail_share": round(self.tail_share, 4),
            "samples": list(self.samples),
            "variants": [v.text for v in self.variants],
            "similarity": self.similarity,
        }


@dataclass(frozen=True)
class MiningResult:
    """Candidates, best first, and what was counted."""

    candidates: tuple[Candidate, ...]
    documents: int
    sites: dict[str, int]
    pruned: int = 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "documents": self.documents,
            "sites": dict(sorted(self.sites.items())),
            "pruned": self.pruned,
            "candidates": [c.to_dict() for c in self.candidates],
        }


def _hash(kind: str, form: str) -> int:
    """A hash stable across processes (Python's ``hash`` is salted per process; Dask workers differ)."""
    return int.from_bytes(hashlib.blake2b(f"{kind}\0{form}".encode(), digest_size=8).digest(), "little")


def _first_sentence(text: str) -> str:
    starts = sentence_starts(text)
    return (text[: starts[1]] if len(starts) > 1 else text).strip()


def _last_sentence(text: str) -> str:
    return text[sentence_starts(text)[-1] :].strip()


def _covered(text: str, url: str | None, language: str | None, rules: RuleSet) -> list[tuple[int, int]]:
    """Raw spans the rules alone (no de-duplication) would remove from ``text``, merged and sorted."""
    spans = sorted(
        (r.start, r.end) for r in clean(text, url=url, language=language, rules=rules, options=_RULES_ONLY).removals
    )
    merged: list[tuple[int, int]] = []
    for s, e in spans:
        if merged and s <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], e))
        else:
            merged.append((s, e))
    return merged


def _overlap(spans: list[tuple[int, int]], s: int, e: int) -> int:
    return sum(max(0, min(e, b) - max(s, a)) for a, b in spans if a < e and b > s)


@dataclass
class MiningState:
    """Pass 1: mergeable per-site counts of recurring blocks and sentences.

    ``add`` one document at a time; ``merge`` another state (from another process or partition);
    ``finish`` groups and filters. Picklable, so Dask can ship it between workers.
    """

    options: MiningOptions = field(default_factory=MiningOptions)
    site_docs: Counter[str] = field(default_factory=Counter)
    entries: dict[tuple[str, str, int], _Entry] = field(default_factory=dict)
    pruned: int = 0

    # ------------------------------------------------------------------------------------ pass 1
    def add(
        self,
        text: str,
        *,
        doc_id: str,
        url: str | None = None,
        site: str | None = None,
        language: str | None = None,
        rules: RuleSet | None = None,
    ) -> None:
        """Count one document. ``site`` defaults to :func:`site_of` the URL (``-`` when neither is known).

        With ``rules``, blocks and sentences those rules already remove (half or more of their
        characters) are not counted: mining then reports only what the current rules miss.
        """
        opt = self.options
        site = site or site_of(url) or _NO_SITE
        self.site_docs[site] += 1
        if looks_like_html(text):
            # a page is mined on the text the cleaner would see: its extracted blocks, one per line
            selectors = page_selectors(rules, url) if rules is not None else ()
            page = extract(text, url=url, selectors=selectors, drop_repeats=False)
            text = "\n".join(text for text, _ in page_blocks(page))
        blocks = split_blocks(text)
        if not blocks:
            return
        spans = _covered(text, url, language, rules) if rules is not None and len(rules) else []
        n = len(blocks)
        kept = [not spans or 2 * _overlap(spans, b.start, b.end) < b.end - b.start for b in blocks]
        doc_hash = _doc_hash(doc_id)
        seen: dict[tuple[str, str, int], tuple[int, int, int, int, int]] = {}  # key → start, end, block, s, e
        sentences: dict[int, list[int]] = {}  # block index → sentence starts (blocks of several sentences)
        for i, b in enumerate(blocks):
            if not kept[i]:
                continue
            raw = text[b.start : b.end]
            form = comparison_form(raw)
            if len(form) >= opt.min_chars:
                self._see(seen, ("b", form), site, i, n - 1 - i, i, b.start, b.end)
            if not opt.sentences:
                continue
            starts = sentence_starts(text, b.start, b.end)
            if len(starts) < 2:
                continue
            sentences[i] = starts
            for k, s in enumerate(starts):
                e = starts[k + 1] if k + 1 < len(starts) else b.end
                piece = text[s:e].rstrip()
                if spans and 2 * _overlap(spans, s, s + len(piece)) >= len(piece):
                    continue
                form = comparison_form(piece)
                if len(form) >= opt.min_chars:
                    self._see(seen, ("s", form), site, i, n - 1 - i, i, s, s + len(piece))
        for key, (start, end, i, s, e) in seen.items():
            entry = self.entries.get(key)
            starts = sentences[i] if key[1] == "s" else None
            if entry is None:
                self.entries[key] = _Entry(
                    self._sample(text, blocks, kept, starts, i, s, e, doc_id, url), start, end, opt.window, doc_hash
                )
                continue
            entry.count(start, end, doc_id, doc_hash, opt.window, opt.samples)
            # the sample is the smallest by content; its context is only cut out when it may win
            if (text[s:e], url or "", doc_id) <= entry.sample.key[:3]:
                sample = self._sample(text, blocks, kept, starts, i, s, e, doc_id, url)
                if sample.key < entry.sample.key:
                    entry.sample = sample
        if len(self.entries) > opt.max_entries:
            self._prune()

    def _see(self, seen: dict, kf: tuple[str, str], site: str, start: int, end: int, i: int, s: int, e: int) -> None:
        key = (site, kf[0], _hash(*kf))
        first = seen.get(key)
        if first is None:
            seen[key] = (start, end, i, s, e)
        else:  # once per document: the nearest distance to each end, the first occurrence as sample
            seen[key] = (min(first[0], start), min(first[1], end), *first[2:])

    @staticmethod
    def _sample(
        text: str,
        blocks: list,
        kept: list[bool],
        starts: list[int] | None,
        i: int,
        s: int,
        e: int,
        doc_id: str,
        url: str | None,
    ) -> Sample:
        """The occurrence at ``[s, e)`` of block ``i`` with its context (``starts``: a sentence's block)."""
        b = blocks[i]
        if starts is not None:
            k = starts.index(s)
            lo = starts[k - 1] if k > 0 else s
            hi = starts[k + 2] if k + 2 < len(starts) else b.end
            return Sample(text[s:e], text[lo:s], text[e:hi].rstrip(), doc_id, url, line=False)
        prev = next((blocks[j] for j in range(i - 1, -1, -1) if kept[j]), None)
        nxt = next((blocks[j] for j in range(i + 1, len(blocks)) if kept[j]), None)
        before = _last_sentence(text[prev.start : prev.end]) if prev else ""
        after = _first_sentence(text[nxt.start : nxt.end]) if nxt else ""
        return Sample(text[s:e], before, after, doc_id, url)

    def _prune(self) -> None:
        """Drop hashes seen in one document only (see the module docstring on order independence)."""
        single = [k for k, v in self.entries.items() if v.df == 1]
        for k in single:
            del self.entries[k]
        self.pruned += len(single)

    def merge(self, other: MiningState) -> MiningState:
        """Fold ``other``'s counts into this state (commutative and associative); returns ``self``."""
        self.site_docs.update(other.site_docs)
        self.pruned += other.pruned
        for key, entry in other.entries.items():
            mine_ = self.entries.get(key)
            if mine_ is None:
                self.entries[key] = entry
            else:
                mine_.absorb(entry, self.options.samples)
        if len(self.entries) > self.options.max_entries:
            self._prune()
        return self

    # ------------------------------------------------------------------------------------ pass 2
    def finish(self) -> MiningResult:
        """Group near-duplicate recurring texts per site and keep those above the thresholds."""
        opt = self.options
        pools: dict[tuple[str, str], list[_Entry]] = {}
        floor = 2 if opt.min_docs > 1 else 1
        for (site, kind, _), entry in self.entries.items():
            if entry.df >= floor:
                pools.setdefault((site, kind), []).append(entry)
        candidates: list[Candidate] = []
        for site in sorted({site for site, _ in pools}):
            total = self.site_docs[site]
            if total < opt.min_docs:
                continue
            found = [
                c
                for c in (self._candidate(site, total, kind, g) for kind, g in self._site_groups(pools, site))
                if c.docs >= opt.min_docs and c.share >= opt.min_share
            ]
            candidates.extend(_drop_explained(found))
        candidates.sort(key=lambda c: (-c.share, -c.docs, c.site, c.text))
        return MiningResult(tuple(candidates), sum(self.site_docs.values()), dict(self.site_docs), self.pruned)

    def _site_groups(
        self, pools: dict[tuple[str, str], list[_Entry]], site: str
    ) -> list[tuple[str, list[tuple[_Entry, float]]]]:
        """Variants grouped per kind; then a block group that is a variant of a sentence group joins it.

        A note that stands on its own line on some pages and is glued into a paragraph on others is one
        candidate, and its (sentence) rule removes both forms.
        """
        b_leaders, b_groups = self._groups(pools.get((site, "b"), []))
        s_leaders, s_groups = self._groups(pools.get((site, "s"), []))
        out: list[tuple[str, list[tuple[_Entry, float]]]] = [("s", g) for g in s_groups]
        for form, group in zip(b_leaders, b_groups, strict=True):
            hit = None
            if s_leaders:
                hit = process.extractOne(form, s_leaders, scorer=fuzz.ratio, score_cutoff=self.options.group_threshold)
            if hit is None or (len(form) > len(s_leaders[hit[2]]) and s_leaders[hit[2]] in form):
                out.append(("b", group))  # a sentence of this very block: _drop_explained settles it
            else:
                s_groups[hit[2]].extend((e, min(score, float(hit[1]))) for e, score in group)
        return out

    def _groups(self, entries: list[_Entry]) -> tuple[list[str], list[list[tuple[_Entry, float]]]]:
        """Greedy clustering: most frequent first, each joins the first leader it is a variant of."""
        opt = self.options
        entries = sorted(entries, key=lambda e: (-e.df, e.sample.key))
        leaders: list[str] = []
        groups: list[list[tuple[_Entry, float]]] = []
        for n, entry in enumerate(entries):
            form = comparison_form(entry.sample.text)
            if n < opt.group_limit and leaders:
                hit = process.extractOne(form, leaders, scorer=fuzz.ratio, score_cutoff=opt.group_threshold)
                if hit is not None:
                    groups[hit[2]].append((entry, float(hit[1])))
                    continue
            leaders.append(form)
            groups.append([(entry, 100.0)])
        return leaders, groups

    def _candidate(self, site: str, total: int, kind: str, group: list[tuple[_Entry, float]]) -> Candidate:
        opt = self.options
        lead = group[0][0]
        docs = min(total, _distinct_docs([e for e, _ in group]))
        max_start = max(e.max_start for e, _ in group)
        max_end = max(e.max_end for e, _ in group)
        if max_end < opt.window and max_end <= max_start:
            position, window = "tail", max_end + 1
        elif max_start < opt.window:
            position, window = "head", max_start + 1
        else:
            position, window = "body", 0
        ids = tuple(sorted({i for e, _ in group for i in e.ids})[: opt.samples])
        lead_form = comparison_form(lead.sample.text)
        unique: dict[str, Sample] = {}
        for sample in sorted((e.sample for e, _ in group[1:]), key=lambda s: s.key):
            unique.setdefault(comparison_form(sample.text), sample)
        unique.pop(lead_form, None)
        variants = tuple(unique.values())
        return Candidate(
            site=site,
            kind="block" if kind == "b" else "sentence",
            text=lead.sample.text,
            docs=docs,
            site_docs=total,
            position=position,
            window=window,
            head_share=min(1.0, sum(e.head for e, _ in group) / docs),
            tail_share=min(1.0, sum(e.tail for e, _ in group) / docs),
            samples=ids,
            sample=lead.sample,
            variants=variants,
            similarity=min(score for _, score in group) if variants else 100.0,
        )


def _drop_explained(found: list[Candidate]) -> list[Candidate]:
    """Drop a candidate that only recurs as part of a longer one (a sentence of a recurring block).

    The longer candidate explains it when it holds the same text and is found in about as many
    documents; a sentence that also recurs on its own, far more often, stays.
    """
    forms = [(comparison_form(c.text), c.docs) for c in found]
    out = []
    for c, (form, docs) in zip(found, forms, strict=True):
        if any(len(f) > len(form) and form in f and docs <= d * 1.1 + 1 for f, d in forms):
            continue
        out.append(c)
    return out


def mine(
    documents: Iterable[dict[str, Any]],
    *,
    options: MiningOptions | None = None,
    rules: RuleSet | None = None,
) -> MiningResult:
    """Mine records ``{"text", "id"?, "url"?, "site"?, "language"?}`` in one process (see :class:`MiningState`).

    The id defaults to the URL (as in ``cleaner mine``); a record with neither raises ``ValueError``.
    """
    state = MiningState(options or MiningOptions())
    fields = RecordFields("text", "url", "language", id="id", site="site")
    for d in documents:
        chosen = select_fields(d, fields, strict=False)
        if isinstance(chosen, str):
            raise ValueError(f"a record needs a string 'text' ({chosen})")
        doc_id = chosen.doc_id or chosen.url
        if doc_id is None:
            raise ValueError("a record needs an 'id' or a 'url' (a stable document id)")
        state.add(d["text"], doc_id=doc_id, url=chosen.url, site=chosen.site, language=chosen.lang, rules=rules)
    return state.finish()
