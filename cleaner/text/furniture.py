"""A learned score for page furniture: how likely a block is boilerplate, from its shape and context.

The rule packs know wordings; the next site's share bar, section tagline or ticker chip has a wording
no pack holds. What these lines share across languages is their *shape*: short, no closing
punctuation, few stopwords, many digits, symbols or capitals, links or e-mail addresses, at the head
or tail of the document, next to other short lines. This module turns one block and its neighbours into
such language-independent features plus hashed character trigrams, and scores them with a logistic
regression trained by ``tools/train_furniture.py`` and shipped as data (``cleaner/_models/*.json``).

Inference is pure Python: a few counts per block, a dictionary lookup per trigram, one dot product.
Stopword density uses jusText's maintained stoplists (100 languages): a document's language is the
stoplist its words hit most, and each block's density is measured against that list, so no language
is named anywhere. Scores are used only through a rule (``match: {model: furniture, min_score: …}``).
"""

from __future__ import annotations

import importlib.util
import json
import math
import re
import sys
import unicodedata
import zlib
from array import array
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

__all__ = [
    "BlockScorer",
    "FurnitureModel",
    "MODELS",
    "MODEL_RUNS",
    "RUN_ANCHOR_CHARS",
    "block_features",
    "document_features",
    "load_model",
    "model_from_data",
    "score_blocks",
]

MODELS = ("furniture",)  # model names a rule may use (cleaner/_models/<name>.json)
# the edge runs a model rule may take lines from (``run:``); "above-title" is the part of the head run over the
# article's title (:meth:`_Context.title_line`)
MODEL_RUNS = ("head", "tail", "any", "above-title")

_WORD = re.compile(r"\w+")
_URL = re.compile(r"https?://\S+|www\.\S+|\b\S+\.(?:com|org|net|io|html?)\b", re.IGNORECASE)
_EMAIL = re.compile(r"\S+@\S+\.\w+|\S+\s*\[at\]\s*\S+", re.IGNORECASE)
_FINAL = set(".!?。！？…»\"”’)」』:;؛۔।॥")
_STOPS = frozenset(".!?。！？…۔।॥")  # (the Urdu and Arabic-script full stop, the Devanagari danda)
_CLOSERS = "\"'”’»)」』"
_SEPARATORS = set("|›»«•·/>→←▶►◆■●★☆+–—#@")
_NGRAM_CHARS = 60  # trigrams are taken from the head of a block only: furniture shows at its start
_EDGE = 3
_EDGE_RUN = 40  # the longest head or tail run the model's rule looks at
_TITLE_TERMS = 3  # a title line has this many words (or character pairs of an unspaced script) at least
_TITLE_OVERLAP = 0.5  # and at least this share of them recur in the article's text
_HEADER_LINES = 6  # lines above the title from which they are a header (a menu), not a record's few chips
_LONG = RUN_ANCHOR_CHARS = 100  # a block this long is the article's text, punctuated or not (Thai, an excerpt)
# an outline entry: "3. Title", "IV. Title", "• 6. Title" (a table of contents, the article's own subheads)
# (a letter after the number, and no year on the line: "07. 04. 2021. u 16:09" and "12. Juli 2025" are dates)
_ENUMERATED = re.compile(r"[^\S\n]*(?:[•·*\-–][^\S\n]*)?(?:\d{1,2}|[IVX]{1,4})[.)][^\S\n]+[^\W\d_](?!.*\d{4})")


@dataclass(frozen=True)
class FurnitureModel:
    """A logistic regression over named dense features and hashed trigrams, optionally followed by a
    small gradient-boosted tree ensemble over the same dense features and the regression's logit; the
    score is the higher of the two probabilities.

    The trees see interactions a linear model cannot weigh (a short line *and* before the title *and* in
    a long run), which is where the held-out head recall comes from; the regression stays their first
    feature, so the trigrams count. Each tree is complete, of depth ``depth``, in heap order: ``(features,
    thresholds, leaves)`` where feature -1 sends every line left (a node that did not split)."""

    name: str
    dense: dict[str, float]
    hashed: dict[int, float]
    buckets: int
    bias: float
    version: int = 1
    max_chars: int = 200  # longer blocks are prose or a notice for the packs: scored 0, never removed
    tree_features: tuple[str, ...] = ()  # the trees' inputs by index; "lr_logit" is the regression's logit
    trees: tuple[tuple[tuple[int, ...], tuple[float, ...], tuple[float, ...]], ...] = ()
    depth: int = 0

    def logit(self, features: dict[str, float], grams: Sequence[int]) -> float:
        """The logistic regression's log-odds that the block is boilerplate."""
        z = self.bias
        dense = self.dense
        for name, value in features.items():
            w = dense.get(name)
            if w is not None:
                z += w * value
        if grams:
            hashed = self.hashed
            scale = 1.0 / math.sqrt(len(grams))
            z += scale * sum(hashed.get(g, 0.0) for g in grams)
        return z

    def score(self, features: dict[str, float], grams: Sequence[int]) -> float:
        """Probability that the block is boilerplate: the higher of the regression's and the trees' (a line
        goes when either is sure; held out, each alone flags only boilerplate at the bundled threshold, and
        together they find more of it than either)."""
        z = self.logit(features, grams)
        p = _sigmoid(z)
        if self.trees:
            x = [z if name == "lr_logit" else features.get(name, 0.0) for name in self.tree_features]
            t = 0.0
            inner = (1 << self.depth) - 1
            for feats, thresholds, leaves in self.trees:
                node = 0
                while node < inner:
                    j = feats[node]
                    node = 2 * node + (2 if j >= 0 and x[j] >= thresholds[node] else 1)
                t += leaves[node - inner]
            p = max(p, _sigmoid(t))
        return p


def _sigmoid(z: float) -> float:
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def model_from_data(name: str, data: dict) -> FurnitureModel:
    """A model from the content of its JSON file (tools/train_furniture.py writes it)."""
    return FurnitureModel(
        name=name,
        dense={k: float(v) for k, v in data["dense"].items()},
        hashed={int(k): float(v) for k, v in data["hashed"].items()},
        buckets=int(data["buckets"]),
        bias=float(data["bias"]),
        version=int(data.get("version", 1)),
        max_chars=int(data.get("max_chars", 200)),
        tree_features=tuple(data.get("tree_features", ())),
        trees=tuple((tuple(int(j) for j in t[0]), tuple(float(v) for v in t[1]), tuple(float(v) for v in t[2]))
                    for t in data.get("trees", ())),
        depth=int(data.get("depth", 0)),
    )


@lru_cache(maxsize=4)
def load_model(name: str) -> FurnitureModel:
    """The bundled model ``name``, read once per process from the package data."""
    if name not in MODELS:
        raise ValueError(f"unknown model {name!r}; known: {', '.join(MODELS)}")
    data = json.loads(resources.files("cleaner").joinpath("_models", f"{name}.json").read_text(encoding="utf-8"))
    return model_from_data(name, data)


def prepare(name: str) -> None:
    """Load model ``name`` and the stoplists its features read, now rather than on the first document
    (a third of a second: it must not count against that document's time budget)."""
    load_model(name)
    _stoplists()


# ------------------------------------------------------------------------------------- stopwords
@lru_cache(maxsize=1)
def _stoplist_files() -> tuple[Path, ...]:
    """jusText's stoplist files (100 languages), sorted by language name.

    Read as package data without importing ``justext``: its package imports ``lxml.html.clean``, which
    lxml 5.2+ moved to a separate project, and the scorer needs the word lists only.
    """
    spec = importlib.util.find_spec("justext")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("the furniture scorer needs jusText's stoplists: pip install justext")
    folder = Path(next(iter(spec.submodule_search_locations))) / "stoplists"
    return tuple(sorted(folder.glob("*.txt"), key=lambda p: p.stem))


@lru_cache(maxsize=128)
def _stopset(k: int) -> frozenset[str]:
    raw = _stoplist_files()[k].read_text(encoding="utf-8")
    return frozenset(w.lower() for w in raw.splitlines() if w)


@lru_cache(maxsize=1)
def _stoplists() -> dict[str, tuple[int, ...]]:
    """word -> indices of the jusText stoplists holding it."""
    lists: dict[str, list[int]] = {}
    for k in range(len(_stoplist_files())):
        for word in _stopset(k):
            lists.setdefault(word, []).append(k)
    return {w: tuple(ks) for w, ks in lists.items()}


_SAMPLE_WORDS = 150  # the document's language is decided on its first words
_HEAD_CHARS = 400  # a long block's shape is measured on its head (it is prose either way)
_BODY_LINES = 30  # the article's words for overlap: its first and last this many lines
_STOP_CHARS = 200


_LANES = 128  # stoplists at most (jusText has about a hundred)
_LANE_BITS = 16  # a lane counts up to 65,535 word occurrences: the sample is a few hundred words


@lru_cache(maxsize=1)
def _stoplist_vectors() -> dict[str, int]:
    """word -> the stoplists holding it as one integer, a 1 in the 16-bit lane of each list: the hits of
    a document's words on every stoplist are then one sum of integers (in C) instead of a loop over
    each word's lists."""
    assert len(_stoplist_files()) <= _LANES
    return {w: sum(1 << (_LANE_BITS * k) for k in ks) for w, ks in _stoplists().items()}


def _document_stoplist(blocks: Sequence[str]) -> frozenset[str]:
    """The stoplist the document's first words hit most (empty: none, e.g. CJK text); on a tie, the first."""
    vectors = _stoplist_vectors()
    words: Counter[str] = Counter()
    seen = 0
    for text in blocks:
        found = _WORD.findall(text[:_HEAD_CHARS].lower())
        words.update(found)
        seen += len(found)
        if seen >= _SAMPLE_WORDS:
            break
    packed = sum(c * vectors[w] for w, c in words.items() if w in vectors)
    hits = array("H", packed.to_bytes(_LANES * _LANE_BITS // 8, sys.byteorder))
    top = max(hits)
    return _stopset(hits.index(top)) if top >= 3 else frozenset()


# -------------------------------------------------------------------------------------- features
@dataclass(frozen=True)
class _Shape:
    chars: int
    words: int
    final: bool
    short: bool
    sentence: bool = False  # a sentence of a few words: where the article's text begins or goes on


def _shape(text: str) -> _Shape:
    """Length, words (whitespace-separated, counted on the head of long blocks) and the last character."""
    s = text.strip()
    count = len(s[:_HEAD_CHARS].split())
    if len(s) > _HEAD_CHARS:
        count = count * len(s) // _HEAD_CHARS
    # four words, or (an unspaced script: Chinese, Japanese, Thai) a dozen characters
    sentence = (count >= 4 or (count <= 2 and len(s) >= 12)) and s.rstrip(_CLOSERS)[-1:] in _STOPS
    return _Shape(len(s), count, bool(s) and s[-1] in _FINAL, count <= 5 and len(s) < 60, sentence)


def _stop(text: str, stoplist: frozenset[str]) -> float:
    """Share of the block's words (of its head) in the document's stoplist."""
    if not stoplist:
        return 0.0
    words = _WORD.findall(text[:_STOP_CHARS].lower())
    return sum(1 for w in words if w in stoplist) / len(words) if words else 0.0


def block_features(text: str, shape: _Shape, stop: float, has_stoplist: bool) -> dict[str, float]:
    """The dense features of one block on its own (no context)."""
    s = text.strip()
    n = len(s) or 1
    letters = sum(map(str.isalpha, s))
    upper = sum(map(str.isupper, s))
    digits = sum(map(str.isdigit, s))
    spaces = sum(map(str.isspace, s))
    cjk = sum(1 for ch in s if "\u3040" <= ch <= "\u9fff" or "\uac00" <= ch <= "\ud7af") if not s.isascii() else 0
    punct = symbols = seps = 0
    for ch in s:
        if not ch.isalnum() and not ch.isspace():
            cat = unicodedata.category(ch)
            if cat[0] == "P":
                punct += 1
            elif cat[0] == "S":
                symbols += 1
            if ch in _SEPARATORS:
                seps += 1
    words = s.split()
    titled = sum(1 for w in words if w[:1].isupper()) / len(words) if words else 0.0
    f = {
        "log_chars": math.log1p(shape.chars),
        "log_words": math.log1p(shape.words),
        "final_punct": float(shape.final),
        "ends_colon": float(s.endswith((":", "："))),
        "upper_share": upper / letters if letters else 0.0,
        "titled_share": titled,
        "digit_share": digits / n,
        "punct_share": punct / n,
        "symbol_share": symbols / n,
        "sep_share": seps / n,
        "cjk_share": cjk / n,
        "space_share": spaces / n,
        "letter_share": letters / n,
        "has_url": float(bool(_URL.search(s))),
        "has_email": float(bool(_EMAIL.search(s))),
        "starts_symbol": float(bool(s) and not s[0].isalnum() and s[0] not in "\"'“‘«(["),
        "stop_density": stop,
        "no_stoplist": float(not has_stoplist),
    }
    for lo, hi in ((1, 1), (2, 3), (4, 6), (7, 12), (13, 30)):
        f[f"words_{lo}_{hi}"] = float(lo <= shape.words <= hi)
    f["words_31_"] = float(shape.words > 30)
    return f


def _grams(text: str, buckets: int) -> list[int]:
    """Hashed character trigrams of the block's head (lower-cased, digits folded to 0). A lone surrogate
    (a JSON feed's "\\ud800") is hashed as it stands rather than failing the document."""
    s = "^" + re.sub(r"\d", "0", " ".join(text.lower().split())[:_NGRAM_CHARS]) + "$"
    return sorted({zlib.crc32(s[i : i + 3].encode("utf-8", "surrogatepass")) % buckets for i in range(len(s) - 2)})


_STAMP = re.compile(
    r"\b\d{1,2}[:.h]\d{2}\b|\b\d{1,4}[./-]\d{1,2}[./-]\d{1,4}\b|\b(?:19|20)\d{2}\b|\d+\s*(?:min|h|hrs?|d)\b"
    r"|\d+\s*(?:分钟|小时|天|時間|분|시간|일)\s*前?|ago\b|назад|yang lalu|önce",
    re.IGNORECASE,
)  # a time, a date, a year or an age ("5 min", "3 hours ago"): teasers and widgets carry one


def _terms(text: str) -> list[str]:
    """The line's words for overlap (lower-cased, two characters or more); an unspaced script (Chinese,
    Japanese, Thai) gives its character bigrams instead."""
    words = [w for w in _WORD.findall(text.lower()) if len(w) >= 2]
    if len(words) <= 2 and len(text) >= 6 and not text.isascii():
        s = "".join(text.split())
        return [s[k : k + 2] for k in range(len(s) - 1)]
    return words


# Kana, Han, Thai, Lao, Myanmar, Khmer: scripts that write no space between words. Not rules.shape_vocab.SPACELESS
# (the text layer imports no rules module, and Hangul, which it holds, spaces its words) nor normalize.is_cjk
# (a Unicode name lookup per character, and Hangul again).
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff\u0e00-\u0e7f\u0e80-\u0eff\u1000-\u109f\u1780-\u17ff]")


def _title_terms(text: str) -> list[str]:
    """A line's terms for the title's overlap with the article: its words (two characters or more,
    lower-cased), each word of an unspaced script (Chinese, Japanese, Thai …) as its character pairs, so that
    "ドラム式洗濯機" over "…ドラム式洗濯乾燥機の…" shares five of its six."""
    out: list[str] = []
    for w in _WORD.findall(text.lower()):
        if _UNSPACED.search(w):
            out.extend(w[k : k + 2] for k in range(len(w) - 1))
        elif len(w) >= 2:
            out.append(w)
    return out


def _headline(text: str, shape: _Shape) -> bool:
    """Headline-shaped: no final punctuation, two to fifteen words (a menu item of one word is not)."""
    return not shape.final and 2 <= shape.words <= 15 and shape.chars >= 8


def _short_run(shapes: Sequence[_Shape], i: int, reach: int) -> int:
    """How many short lines stand in an unbroken row on either side of line ``i``, looking at most
    ``reach`` lines each way."""
    run = 0
    for j in range(i - 1, max(-1, i - reach - 1), -1):
        if not shapes[j].short:
            break
        run += 1
    for j in range(i + 1, min(len(shapes), i + reach + 1)):
        if not shapes[j].short:
            break
        run += 1
    return run


def _prose(s: _Shape) -> bool:
    return (s.words >= 12 or s.chars >= 80) and s.final


class _Context:
    """One document's blocks, their shapes and norms; a block's features are computed when asked for."""

    def __init__(self, blocks: Sequence[str], max_chars: int | None):
        self.blocks = blocks
        self.max_chars = max_chars
        shapes = self.shapes = [_shape(b) for b in blocks]
        n = self.n = len(blocks)
        # the document's own norms: a short line among short lines (a post of one-line sentences) is
        # not the outlier that a short line among paragraphs is
        self.short_share = sum(x.short for x in shapes) / n if n else 0.0
        self.final_share = sum(x.final for x in shapes) / n if n else 0.0
        self.median = sorted(x.chars for x in shapes)[n // 2] if n else 1
        # the article's prose runs from its first to its last sentence (a line of four words or more that
        # ends as a sentence does, or a line over _LONG characters); page furniture comes in runs before
        # and after it. A document without one has no runs to tell from its body, and no article to
        # measure a line against: it is all body, and nothing in it is scored ("Plain text stays." alone
        # scored 0.99: removing it would empty the document).
        prose = [k for k, x in enumerate(shapes) if x.sentence or _prose(x) or x.chars >= _LONG]
        self.first_prose = prose[0] if prose else 0
        self.last_prose = prose[-1] if prose else n - 1
        self._stoplist: frozenset[str] | None = None
        self._stops: dict[int, float] = {}
        self._runs: dict[str, dict[str, float]] = {}  # "head"/"tail" -> features of the whole run
        self._vocab: tuple[frozenset[str], frozenset[str]] | None = None  # words of the title, of the article
        self._outline: bool | None = None  # whether the tail run is an outline (_outline_tail)
        self._title: int | None = None  # the head run's title line (title_line), -1: none found
        self._record: bool | None = None  # whether a field label stands above the title (above_title)

    def edge(self, i: int) -> bool:
        """Whether block ``i`` lies in the head run (before the first prose line) or the tail run (after
        the last), within _EDGE_RUN lines of the document's ends: where the model's rule looks.

        A tail "run" of one line is not looked at: a lone short line after the article's last paragraph
        is as often that paragraph cut off mid-sentence (scraped excerpts end where the index cut them:
        "…ETF于2024年7月8") as a furniture line."""
        if i < self.first_prose:
            return i < _EDGE_RUN
        return (i > self.last_prose and i >= self.n - _EDGE_RUN and self.n - 1 - self.last_prose >= 2
                and not self._outline_tail())

    def _outline_tail(self) -> bool:
        """Whether the tail run holds two outline entries or more ("3. …", "IV. …"): an excerpt cut off
        in its table of contents or its numbered subheads, the article's own text however much it looks
        like a widget run (held out by round, every tail line the model took on the dev cases that was
        content sat in such a run: tools/train_furniture.py, benchmarks/RESULTS.md "Issue 10 — stop 13")."""
        v = self._outline
        if v is None:
            start = max(self.last_prose + 1, self.n - _EDGE_RUN)
            v = self._outline = sum(bool(_ENUMERATED.match(self.blocks[k])) for k in range(start, self.n)) >= 2
        return v

    def title_line(self) -> int:
        """The index of the article's title in the head run, -1 when none is found: the first head-run line of
        three terms or more (words; character pairs of an unspaced script) of which half recur in the article's
        first lines.

        A menu, a breadcrumb, a ticker or a site's tagline shares few words with the article under it; its
        title shares most of them (the lead restates it). Over the labelled sets (stop 19), 911 of the 1,148
        furniture lines of head runs stand above the first line the labels keep, and the title found this way
        is that line or a later one of the article's head (dek, byline) on most pages: what stands above it is
        the page's header (benchmarks/eval_head_runs.py; benchmarks/RESULTS.md "Issue 10 — stop 19")."""
        t = self._title
        if t is None:
            t = -1
            body: set[str] = set()
            for k in range(self.first_prose, min(self.n, self.first_prose + _BODY_LINES)):
                body.update(_title_terms(self.blocks[k][:_HEAD_CHARS]))
            for k in range(min(self.first_prose, 2 * _EDGE_RUN)):  # a long header's title may stand past the run
                terms = _title_terms(self.blocks[k])
                if len(terms) >= _TITLE_TERMS and sum(x in body for x in terms) >= _TITLE_OVERLAP * len(terms):
                    t = k
                    break
            self._title = t
        return t

    def above_title(self, i: int) -> bool:
        """Whether block ``i`` stands in the head run above the article's title (:meth:`title_line`), in a header
        of a menu's length with no field label in it. A few lines over a title are as often a record's chips as a
        header ("Drama" / "USA 2023" / "180 Min.", "Vollzeit" / "Hamburg": stop 19's review), and score as menu
        items do; a line that ends with a colon above the title ("Leistungsrichter:") makes what stands there a
        record too (a dog club's events page, tests/data/html/regress/de-events-hundeverein)."""
        t = self.title_line()
        if i >= t or t < _HEADER_LINES or not self.edge(i):
            return False
        if self._record is None:
            self._record = any(self.blocks[k].rstrip().endswith((":", "：")) for k in range(t))
        return not self._record

    def in_short_header(self, i: int) -> bool:
        """Whether block ``i`` is one of the few lines (fewer than _HEADER_LINES) over the article's title: a
        record's chips ("Vollzeit" / "Hamburg" over a job's title) as often as a section label (stop 19's
        review): no model rule's."""
        t = self.title_line()
        return 0 <= i < t < _HEADER_LINES

    def side(self, i: int) -> str:
        """"head" or "tail" for a block in an edge run, "" otherwise."""
        return "" if not self.edge(i) else "head" if i < self.first_prose else "tail"

    def eligible(self, i: int) -> bool:
        """A block the model scores: short (at most ``max_chars``) and in an edge run."""
        return (self.max_chars is None or self.shapes[i].chars <= self.max_chars) and self.edge(i)

    def stop(self, j: int) -> float:
        v = self._stops.get(j)
        if v is None:
            if self._stoplist is None:
                self._stoplist = _document_stoplist(self.blocks)  # only once a block is scored
            v = self._stops[j] = _stop(self.blocks[j], self._stoplist)
        return v

    def _words(self) -> tuple[frozenset[str], frozenset[str]]:
        """The words of the document's title (its first line of three words or more, within its first
        five) and of its article (the lines from the first prose line to the last): a teaser of another
        story after the article shares few of them, a subhead or a caption of this one many."""
        if self._vocab is None:
            title: frozenset[str] = frozenset()
            for k in range(min(self.n, 5)):
                if self.shapes[k].words >= 3 or self.shapes[k].chars >= 12:
                    title = frozenset(_terms(self.blocks[k]))
                    break
            body: set[str] = set()
            span = range(self.first_prose, self.last_prose + 1)
            # the article's first and last lines (bounded, so a long document costs what a short one does)
            for k in (span if len(span) <= 2 * _BODY_LINES else [*span[:_BODY_LINES], *span[-_BODY_LINES:]]):
                body.update(_terms(self.blocks[k][:_HEAD_CHARS]))
            self._vocab = (title, frozenset(body))
        return self._vocab

    def _run(self, side: str) -> dict[str, float]:
        """Features of the whole head or tail run a line sits in, computed once per run: how many of its
        lines are headline-shaped (short, no final punctuation, several capitalised words: a menu, a
        widget heading, a teaser's title), carry digits or a date/time stamp, end as sentences, and how far
        the run's start is from the last (first) long paragraph of the article."""
        v = self._runs.get(side)
        if v is None:
            if side == "head":
                idx = range(min(self.first_prose, _EDGE_RUN))
            else:
                idx = range(max(self.last_prose + 1, self.n - _EDGE_RUN), self.n)
            m = len(idx) or 1
            heads = stamps = finals = longs = 0
            for k in idx:
                x = self.shapes[k]
                b = self.blocks[k]
                heads += _headline(b, x)
                stamps += bool(_STAMP.search(b[:_NGRAM_CHARS]))
                finals += x.final
                longs += x.chars >= 60
            if side == "tail":
                far = next((k for k in range(self.n - 1, -1, -1) if self.shapes[k].chars >= _LONG), -1)
                gap = self.n - 1 - far if far >= 0 else self.n
            else:
                far = next((k for k in range(self.n) if self.shapes[k].chars >= _LONG), self.n)
                gap = far
            v = self._runs[side] = {
                "run_headline_share": heads / m,
                "run_stamp_share": stamps / m,
                "run_final_share": finals / m,
                "run_long_share": longs / m,
                "run_log_from_long": math.log1p(gap),
            }
        return v

    def features(self, i: int, buckets: int) -> tuple[dict[str, float], list[int]] | None:
        shapes, n, text = self.shapes, self.n, self.blocks[i]
        me = shapes[i]
        if self.max_chars is not None and me.chars > self.max_chars:
            return None
        f = block_features(text, me, self.stop(i), bool(self._stoplist))
        f["doc_short_share"] = self.short_share
        f["doc_final_share"] = self.final_share
        f["rel_length"] = math.log1p(me.chars) - math.log1p(self.median)
        f["final_in_final_doc"] = float(me.final) * self.final_share
        f["pos_rel"] = i / (n - 1) if n > 1 else 0.0
        f["at_head"] = float(i < _EDGE)
        f["at_tail"] = float(i >= n - _EDGE)
        f["first"] = float(i == 0)
        f["last"] = float(i == n - 1)
        f["log_edge"] = math.log1p(min(i, n - 1 - i))
        for side, j in (("prev", i - 1), ("next", i + 1)):
            if 0 <= j < n:
                o = shapes[j]
                f[f"{side}_short"] = float(o.short)
                f[f"{side}_final"] = float(o.final)
                f[f"{side}_stop"] = self.stop(j)
                f[f"{side}_log_words"] = math.log1p(o.words)
            else:
                f[f"{side}_none"] = 1.0
        run = _short_run(shapes, i, 3)  # short lines in a row around this one (menus, action bars, tag lists)
        f["short_run"] = run / 6.0
        f["short_and_run"] = float(me.short) * run / 6.0
        bare = me.short and not me.final
        f["short_no_final"] = float(bare)
        # a short unpunctuated line right before or after prose is a subhead, byline or dateline far more
        # often than furniture; among other short lines, or at the edges, it is a menu, a bar, a badge
        prev_prose = i > 0 and _prose(shapes[i - 1])
        next_prose = i + 1 < n and _prose(shapes[i + 1])
        f["bare_before_prose"] = float(bare and next_prose)
        f["bare_after_prose"] = float(bare and prev_prose)
        f["bare_between_prose"] = float(bare and prev_prose and next_prose)
        f["bare_at_head"] = float(bare and i < _EDGE)
        f["bare_at_tail"] = float(bare and i >= n - _EDGE)
        f["bare_in_run"] = float(bare) * run / 6.0
        f["prose"] = float(_prose(me))
        # neighbour context over the whole run: how far the line is from the article's prose, and how long
        # the run of short lines it sits in is (a menu, a ticker, a tag list run for many lines)
        head, tail = i < self.first_prose, i > self.last_prose
        f["before_first_prose"] = float(head)
        f["after_last_prose"] = float(tail)
        f["log_to_prose"] = math.log1p(self.first_prose - i if head else i - self.last_prose if tail else 0)
        f["edge_run_len"] = math.log1p(self.first_prose if head else n - 1 - self.last_prose if tail else 0)
        f["no_prose"] = float(self.first_prose > self.last_prose)
        long_run = _short_run(shapes, i, 12)
        f["short_run_long"] = math.log1p(long_run)
        for side, j in (("prev2", i - 2), ("next2", i + 2)):
            if 0 <= j < n:
                f[f"{side}_short"] = float(shapes[j].short)
                f[f"{side}_final"] = float(shapes[j].final)
        f["same_len_prev"] = float(i > 0 and abs(shapes[i - 1].chars - me.chars) <= 3)
        f["same_len_next"] = float(i + 1 < n and abs(shapes[i + 1].chars - me.chars) <= 3)
        # the run as a whole, and the line against the article: a teaser of another story, a widget
        # heading or a tag list shares few words with this article's title and text
        side = "head" if head else "tail" if tail else ""
        if side:
            for k, val in self._run(side).items():
                f[f"{side}_{k}"] = val
            terms = _terms(text)
            if terms:
                title, body = self._words()
                f[f"{side}_title_overlap"] = sum(t in title for t in terms) / len(terms)
                f[f"{side}_body_overlap"] = sum(t in body for t in terms) / len(terms) if body else 0.0
            else:
                f[f"{side}_no_terms"] = 1.0
            f[f"{side}_headline"] = float(_headline(text, me))
            f[f"{side}_stamp"] = float(bool(_STAMP.search(text[:_NGRAM_CHARS])))
            # a title followed by a lead sentence: another story's teaser
            f[f"{side}_title_then_lead"] = float(i + 1 < n and _headline(text, me) and shapes[i + 1].chars >= 40)
        return f, _grams(text, buckets)


def document_features(
    blocks: Sequence[str], buckets: int, max_chars: int | None = None, *, edge_only: bool = False
) -> list[tuple[dict[str, float], list[int]] | None]:
    """Features of every block of a document: its own, its position and its neighbours'; None for
    blocks longer than ``max_chars`` (not scored: only their shape counts, as a neighbour) and, with
    ``edge_only``, for blocks outside the head and tail runs (those the scorer does not decide)."""
    ctx = _Context(blocks, max_chars)
    return [ctx.features(i, buckets) if not edge_only or ctx.edge(i) else None for i in range(len(blocks))]


class BlockScorer:
    """Scores of one document's blocks, each computed the first time it is asked for. Only the blocks the
    model decides are scored (short, in the head or tail run: :meth:`_Context.eligible`); every other
    block scores 0 without its features being computed, so a document of paragraphs costs its shapes."""

    def __init__(self, model: FurnitureModel, blocks: Sequence[str]):
        self.model = model
        self._ctx = _Context(blocks, model.max_chars)
        self._scores: dict[int, float] = {}

    def side(self, i: int) -> str:
        """"head" or "tail" when block ``i`` is in the document's head or tail run, else ""."""
        return self._ctx.side(i)

    def above_title(self, i: int) -> bool:
        """Whether block ``i`` stands in the head run above the article's title (:meth:`_Context.title_line`)."""
        return self._ctx.above_title(i)

    def in_short_header(self, i: int) -> bool:
        """Whether block ``i`` is one of the few lines over the title (:meth:`_Context.in_short_header`)."""
        return self._ctx.in_short_header(i)

    def __call__(self, i: int) -> float:
        v = self._scores.get(i)
        if v is None:
            x = self._ctx.features(i, self.model.buckets) if self._ctx.eligible(i) else None
            v = self._scores[i] = 0.0 if x is None else self.model.score(*x)
        return v


def score_blocks(model: FurnitureModel, blocks: Sequence[str]) -> list[float]:
    """The model's boilerplate probability for every block of a document (0 for blocks over max_chars
    and for blocks outside the head and tail runs)."""
    scorer = BlockScorer(model, blocks)
    return [scorer(i) for i in range(len(blocks))]
