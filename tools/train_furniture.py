"""Train the furniture scorer (cleaner/_models/furniture.json) on labelled lines, and report its
precision on lines it was not trained on (cross-validation grouped by site).

Labelled lines come from (licences allow a shipped model):
- the dev cases in ../shared/data/cases and the fresh rounds in tests/data/fresh (all seen
  by now): a raw line kept whole in NAME.clean.txt is content (0); a line removed whole that is not a
  repeat of kept text is boilerplate (1); duplicates and lines cut by a span are left out;
- ../shared/data/boilerplate.yaml and disclaimers.yaml: every line of every wording is boilerplate, set
  at the head or the tail of a real AEB body;
- the ScrapingHub AEB pages (../shared/bench/aeb, MIT): the visible text of each page, one block per
  line; lines of the ground-truth articleBody are content, lines outside it boilerplate, except the
  few lines before the body and those between body lines (title, byline, captions: kept by POLICY.md).

Not used: Dragnet (AGPL: must not flow into a shipped model; it stays a recall test) and /work/fresh.

The model learns from every short line (at most 80 characters); it is validated on the lines the rules
score, those of the document's head and tail runs (cleaner.text.furniture). Folds group lines by site
brand (gate.com, gate.io and the wording lists' "Gate.io blog" are one), so no page and no site's
wording is both trained on and tested. A second validation holds out each fresh round (and the dev cases)
in turn — the figure for the next round of pages nobody has seen. Both are printed and written into the
model file (``validation.sets``, ``validation.by_round``).
``--leave-out roundN`` trains without a fresh round (benchmarks/eval_learned_heldout.py does that for each
round in turn, to score the rule on a round it never saw).

Usage: ``python tools/train_furniture.py [--out cleaner/_models/furniture.json] [--folds 5] [--leave-out round3]``
"""

from __future__ import annotations

import argparse
import gzip
import json
import re
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import numpy as np
import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "benchmarks"))

from eval_cases import HELD_OUT  # noqa: E402  (rounds kept for a later stop's first score: never trained on)

from cleaner.text.furniture import _Context, document_features  # noqa: E402
from cleaner.text.normalize import comparison_form  # noqa: E402

SHARED = ROOT.parent.parent / "shared" if (ROOT.parent.parent / "shared").exists() else Path("/work/shared")
BUCKETS = 1 << 13
MAX_CHARS = 80  # the scorer decides short blocks only (furniture); longer ones are left to the packs
_BLOCK_TAGS = {
    "p", "div", "li", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "td", "th", "br", "section",
    "article", "header", "footer", "nav", "aside", "blockquote", "figcaption", "figure", "dd", "dt", "form",
    "button", "label", "option", "pre", "table", "main",
}


@dataclass
class Doc:
    group: str
    source: str
    blocks: list[str]
    labels: list[float | None]  # 1 boilerplate, 0 content, None left out
    weight: float = 1.0
    extra: dict = field(default_factory=dict)
    round: str = ""  # "dev" for the dev cases, "roundN" for a fresh round, "" for the other sources


def _collapse(s: str) -> str:
    return " ".join(s.split())


def case_docs(folder: Path, tag: str = "case", round_name: str = "dev") -> list[Doc]:
    docs = []
    for raw_path in sorted(folder.glob("*.txt")):
        if raw_path.name.endswith(".clean.txt"):
            continue
        meta = yaml.safe_load(raw_path.with_suffix(".yaml").read_text(encoding="utf-8")) or {}
        clean = raw_path.with_name(raw_path.stem + ".clean.txt").read_text(encoding="utf-8")
        paras = [p for p in clean.split("\n\n") if p.strip()]
        kept, kept_forms = set(paras), {comparison_form(p) for p in paras}
        joined = "\n".join(paras)
        blocks = [ln for ln in raw_path.read_text(encoding="utf-8").split("\n") if ln.strip()]
        labels: list[float | None] = []
        for ln in blocks:
            c = _collapse(ln)
            if c in kept:
                labels.append(0.0)
            elif comparison_form(c) in kept_forms or any(p in c for p in paras if len(p) > 20) or c in joined:
                labels.append(None)  # a repeat of kept text, or cut by a span
            else:
                labels.append(1.0)
        host = urlsplit(meta.get("url") or "").hostname or ""
        group = _site(host) or str(meta.get("site", raw_path.stem)).split()[0].lower()
        docs.append(Doc(group, f"{tag} {raw_path.stem}", blocks, labels, weight=4.0, round=round_name))
    return docs


def _bodies(folder: Path) -> list[list[str]]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    out = []
    for _, page in sorted(truth.items()):
        paras = [_collapse(x) for x in (page.get("articleBody") or "").split("\n") if x.strip()]
        if len(paras) >= 3:
            out.append(paras[:8])
    return out


def wording_docs(path: Path, weight: float, bodies: list[list[str]]) -> list[Doc]:
    """Each wording's lines, set at the head or the tail of a real article body (an AEB one, unlabelled),
    so their position and neighbours look like those of a scraped page, not of a document of their own."""
    docs = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")):
        blocks = [ln for ln in str(item["text"]).split("\n") if ln.strip()]
        if blocks:
            group = str(item.get("site", "")).split()[0].lower()
            h = zlib.crc32(str(item["text"]).encode())
            body = bodies[h % len(bodies)]
            if h & 1:
                docs.append(Doc(group, path.name, blocks + body, [1.0] * len(blocks) + [None] * len(body), weight))
            else:
                docs.append(Doc(group, path.name, body + blocks, [None] * len(body) + [1.0] * len(blocks), weight))
    return docs


def _site(host: str) -> str:
    parts = host.lower().removeprefix("www.").split(".")
    return ".".join(parts[-2:]) if len(parts) >= 2 else host


def _visible_lines(html: bytes) -> tuple[list[str], str]:
    from lxml import etree
    from lxml import html as lhtml

    try:
        root = lhtml.fromstring(html)
    except (etree.ParserError, ValueError):
        return [], ""
    title = _collapse(root.findtext(".//title") or "")
    for bad in root.xpath("//script|//style|//noscript|//template|//svg|//head"):
        bad.drop_tree()
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.lower() in _BLOCK_TAGS:
            el.tail = "\n" + (el.tail or "")
            el.text = "\n" + (el.text or "")
    lines = [_collapse(x) for x in root.text_content().split("\n")]
    return [x for x in lines if x], title


def aeb_docs(folder: Path, limit_per_page: int = 40) -> list[Doc]:
    truth = json.loads((folder / "ground-truth.json").read_text(encoding="utf-8"))
    docs = []
    for key, page in sorted(truth.items()):
        path = folder / "html" / f"{key}.html.gz"
        if not path.exists():
            continue
        lines, title = _visible_lines(gzip.decompress(path.read_bytes()))
        body = page.get("articleBody") or ""
        body_lines = {_collapse(x) for x in body.split("\n") if x.strip()}
        body_flat = _collapse(body)
        tforms = {comparison_form(title)} | {comparison_form(t) for t in re.split(r" [|\-–—] ", title)}
        inside = [i for i, ln in enumerate(lines) if ln in body_lines or (len(ln) >= 40 and ln in body_flat)]
        if not inside:
            continue
        first, last = inside[0], inside[-1]
        labels: list[float | None] = []
        for i, ln in enumerate(lines):
            if ln in body_lines or (len(ln) >= 40 and ln in body_flat):
                labels.append(0.0)
            elif (
                first - 6 <= i <= last
                or comparison_form(ln) in tforms
                or (len(ln) >= 15 and ln in body_flat)
                or (len(ln.split()) >= 8 and ln[-1] in ".!?。")
            ):  # title, byline, captions, inline pieces (kept by policy); prose-like teasers and comments
                labels.append(None)  # title, byline, date, captions, inline pieces: kept by policy
            else:
                labels.append(1.0)
        # cap the boilerplate lines of huge pages so a few portals do not outweigh the rest
        pos = [i for i, lab in enumerate(labels) if lab == 1.0]
        if len(pos) > limit_per_page:
            keep = set(sorted(pos, key=lambda i: zlib.crc32(f"{key}{i}".encode()))[:limit_per_page])
            labels = [None if (lab == 1.0 and i not in keep) else lab for i, lab in enumerate(labels)]
        host = urlsplit(page.get("url") or "").hostname or key[:8]
        docs.append(Doc(_site(host), f"aeb {key[:12]}", lines, labels, weight=1.0))
    return docs


# ------------------------------------------------------------------------------------------ matrix
def featurise(docs: list[Doc], names: list[str] | None = None):
    """The labelled short lines of every document as a matrix; ``edge`` marks the lines the rule scores
    (in the head or tail run: :meth:`cleaner.text.furniture._Context.edge`). The model learns from every
    short line; it is validated on the edge lines, the only ones it decides in use."""
    rows, grams, y, w, groups, origin, edge, rounds = [], [], [], [], [], [], [], []
    for d in docs:
        ctx = _Context(d.blocks, MAX_CHARS)
        feats = document_features(d.blocks, BUCKETS, MAX_CHARS)
        for i, (x, lab) in enumerate(zip(feats, d.labels, strict=True)):
            if lab is None or x is None:
                continue
            f, g = x
            rows.append(f)
            grams.append(g)
            y.append(lab)
            w.append(d.weight)
            groups.append(_brand(d.group))
            origin.append(d.source.split()[0] if d.source.startswith(("case", "fresh", "aeb")) else d.source)
            edge.append(ctx.side(i))
            rounds.append(d.round)
    if names is None:
        names = sorted({k for r in rows for k in r})
    col = {k: j for j, k in enumerate(names)}
    X = np.zeros((len(rows), len(names)), dtype=np.float64)
    for i, r in enumerate(rows):
        for k, v in r.items():
            if k in col:
                X[i, col[k]] = v
    return (names, X, grams, np.array(y), np.array(w), np.array(groups), np.array(origin), np.array(edge),
            np.array(rounds))


def _brand(group: str) -> str:
    """The fold key of a site: its name without the suffix, so gate.com, gate.io and the wording lists'
    "Gate.io blog" share a fold (no site's wording is both trained on and tested)."""
    return group.lower().removeprefix("www.").split(".")[0]


def _sparse(grams: list[list[int]]):
    lens = np.array([len(g) for g in grams])
    idx = np.concatenate([np.array(g, dtype=np.int64) for g in grams]) if grams else np.zeros(0, np.int64)
    row = np.repeat(np.arange(len(grams)), lens)
    val = np.repeat(1.0 / np.sqrt(np.maximum(lens, 1)), lens)
    return row, idx, val


def train(X, grams, y, w, *, l2_dense=1e-3, l2_hash=3e-3, steps=600, lr=0.05):
    """Weighted logistic regression by full-batch Adam (numpy only)."""
    n, d = X.shape
    row, idx, val = _sparse(grams)
    wd, wh, b = np.zeros(d), np.zeros(BUCKETS), 0.0
    m = [np.zeros(d), np.zeros(BUCKETS), 0.0]
    v = [np.zeros(d), np.zeros(BUCKETS), 0.0]
    sw = w / w.sum()
    for t in range(1, steps + 1):
        z = X @ wd + np.bincount(row, weights=wh[idx] * val, minlength=n) + b
        p = 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))
        err = (p - y) * sw
        grads = [X.T @ err + l2_dense * wd, np.bincount(idx, weights=err[row] * val, minlength=BUCKETS) + l2_hash * wh,
                 err.sum()]
        params = [wd, wh, b]
        for k in range(3):
            m[k] = 0.9 * m[k] + 0.1 * grads[k]
            v[k] = 0.999 * v[k] + 0.001 * grads[k] ** 2
            step = lr * (m[k] / (1 - 0.9**t)) / (np.sqrt(v[k] / (1 - 0.999**t)) + 1e-8)
            params[k] = params[k] - step
        wd, wh, b = params
    return wd, wh, float(b)


def predict(model, X, grams):
    wd, wh, b = model
    row, idx, val = _sparse(grams)
    z = X @ wd + np.bincount(row, weights=wh[idx] * val, minlength=len(X)) + b
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


# the boosted trees on top of the regression (``--trees``; 0: the regression alone, the bundled model — see
# benchmarks/RESULTS.md "Issue 10 — learned scorer, round 3 (stop 10)" for why)
TREES, DEPTH, SHRINK, LAMBDA, BINS, STACK_FOLDS = 0, 3, 0.1, 1.0, 32, 4


def _edges(X: np.ndarray) -> list[np.ndarray]:
    """Candidate split points of each column: midpoints between its values, or (many values) its quantiles."""
    out = []
    for j in range(X.shape[1]):
        u = np.unique(X[:, j])
        if len(u) <= BINS:
            out.append((u[:-1] + u[1:]) / 2)
        else:
            out.append(np.unique(np.quantile(X[:, j], np.linspace(0, 1, BINS + 1)[1:-1])))
    return out


def train_trees(Z: np.ndarray, y: np.ndarray, w: np.ndarray) -> list[tuple[list[int], list[float], list[float]]]:
    """Gradient-boosted trees (weighted log loss, Newton leaves, L2 ``LAMBDA``), complete of depth DEPTH in
    heap order. A node that gains nothing sends all its lines left (feature -1); its right child is empty."""
    edges = _edges(Z)
    B = np.stack([np.searchsorted(e, Z[:, j], side="right") for j, e in enumerate(edges)], axis=1)
    n, d = Z.shape
    sw = w / w.sum() * n
    f = np.zeros(n)
    trees = []
    inner = (1 << DEPTH) - 1
    for _ in range(TREES):
        p = 1.0 / (1.0 + np.exp(-f))
        g, h = (p - y) * sw, p * (1 - p) * sw
        feats, thresholds, leaves = [-1] * inner, [0.0] * inner, [0.0] * (inner + 1)
        frontier = [(0, np.arange(n))]
        for _level in range(DEPTH):
            nxt = []
            for nid, idx in frontier:
                G, H = g[idx].sum(), h[idx].sum()
                best_gain, best_j, best_k = 1e-12, -1, -1
                for j in range(d):
                    nb = len(edges[j]) + 1
                    if nb < 2 or len(idx) < 2:
                        continue
                    gl = np.cumsum(np.bincount(B[idx, j], weights=g[idx], minlength=nb))[:-1]
                    hl = np.cumsum(np.bincount(B[idx, j], weights=h[idx], minlength=nb))[:-1]
                    gr, hr = G - gl, H - hl
                    gain = np.where((hl > 1e-3) & (hr > 1e-3),
                                    gl**2 / (hl + LAMBDA) + gr**2 / (hr + LAMBDA) - G**2 / (H + LAMBDA), 0.0)
                    k = int(np.argmax(gain))
                    if gain[k] > best_gain:
                        best_gain, best_j, best_k = float(gain[k]), j, k
                if best_j < 0:
                    nxt += [(2 * nid + 1, idx), (2 * nid + 2, idx[:0])]
                    continue
                feats[nid], thresholds[nid] = best_j, float(edges[best_j][best_k])
                right = B[idx, best_j] > best_k  # Z >= threshold
                nxt += [(2 * nid + 1, idx[~right]), (2 * nid + 2, idx[right])]
            frontier = nxt
        for nid, idx in frontier:
            leaves[nid - inner] = float(-g[idx].sum() / (h[idx].sum() + LAMBDA) * SHRINK) if len(idx) else 0.0
        tree = (feats, thresholds, leaves)
        trees.append(tree)
        f += _tree_out(tree, Z)
    return trees


def _tree_out(tree, Z: np.ndarray) -> np.ndarray:
    feats, thresholds, leaves = (np.asarray(a) for a in tree)
    inner = len(feats)
    node = np.zeros(len(Z), dtype=np.int64)
    rows = np.arange(len(Z))
    while (node < inner).any():
        live = node < inner
        j = feats[np.minimum(node, inner - 1)]
        go = live & (j >= 0) & (Z[rows, np.maximum(j, 0)] >= thresholds[np.minimum(node, inner - 1)])
        node = np.where(live, 2 * node + 1 + go, node)
    return leaves[node - inner]


def _logit(model, X, grams) -> np.ndarray:
    wd, wh, b = model
    row, idx, val = _sparse(grams)
    return X @ wd + np.bincount(row, weights=wh[idx] * val, minlength=len(X)) + b


def fit(X, grams, y, w, groups) -> tuple:
    """The full recipe: the logistic regression on every line, then the trees on the dense features and
    the regression's logit — out of fold (STACK_FOLDS folds by site brand) for the lines the trees learn
    from, so they learn how far to trust the regression on sites it never saw."""
    if not TREES:
        return train(X, grams, y, w), []
    fold = np.array([zlib.crc32(g.encode()) % STACK_FOLDS for g in groups])
    oof = np.zeros(len(y))
    for k in range(STACK_FOLDS):
        tr, te = fold != k, fold == k
        if te.any() and tr.any():
            m = train(X[tr], [grams[i] for i in np.flatnonzero(tr)], y[tr], w[tr])
            oof[te] = _logit(m, X[te], [grams[i] for i in np.flatnonzero(te)])
    lr = train(X, grams, y, w)
    return lr, train_trees(np.column_stack([X, oof]), y, w)


def predict_full(model, X, grams) -> np.ndarray:
    """The score the rule uses: the higher of the regression's and the trees' probabilities (a line goes
    when either is sure; cleaner.text.furniture.FurnitureModel.score)."""
    lr, trees = model
    lz = _logit(lr, X, grams)
    if not trees:
        return 1.0 / (1.0 + np.exp(-np.clip(lz, -30, 30)))
    Z = np.column_stack([X, lz])
    z = np.zeros(len(X))
    for tree in trees:
        z += _tree_out(tree, Z)
    return np.maximum(1.0 / (1.0 + np.exp(-np.clip(z, -30, 30))), 1.0 / (1.0 + np.exp(-np.clip(lz, -30, 30))))


def cross_validate(X, grams, y, w, groups, origin, folds: int) -> np.ndarray:
    fold = np.array([zlib.crc32(g.encode()) % folds for g in groups])
    oof = np.zeros(len(y))
    for k in range(folds):
        tr, te = fold != k, fold == k
        model = fit(X[tr], [grams[i] for i in np.flatnonzero(tr)], y[tr], w[tr], groups[tr])
        oof[te] = predict_full(model, X[te], [grams[i] for i in np.flatnonzero(te)])
    return oof


def cross_validate_rounds(X, grams, y, w, rounds, groups) -> dict[str, np.ndarray]:
    """Held out by round: for each fresh round (and the dev cases), a model trained on every other
    source scores that round's lines. The figure that says how the model does on the next round of
    pages nobody has looked at (the brand folds mix every round's sites)."""
    out = {}
    for name in sorted(set(rounds) - {""}):
        te = rounds == name
        tr = ~te
        model = fit(X[tr], [grams[i] for i in np.flatnonzero(tr)], y[tr], w[tr], groups[tr])
        out[name] = predict_full(model, X[te], [grams[i] for i in np.flatnonzero(te)])
    return out


def round_report(by_round: dict[str, np.ndarray], y, side, rounds, thresholds=(0.9, 0.95, 0.97, 0.98, 0.99)):
    """Markdown rows and the record of the by-round figures: head and tail runs of each held-out set, and
    of the fresh rounds pooled."""
    rows = ["| held out | run | lines (boilerplate) | " + " | ".join(f"{t}: flagged, P, R" for t in thresholds) + " |",
            "|---|---|---|" + "---|" * len(thresholds)]
    record: dict[str, dict] = {}
    pooled = {"head": ([], []), "tail": ([], [])}
    for name, scores in by_round.items():
        te = rounds == name
        for run in ("head", "tail"):
            sel = side[te] == run
            ys, ps = y[te][sel], scores[sel]
            if name.startswith("round"):
                pooled[run][0].append(ys)
                pooled[run][1].append(ps)
            record.setdefault(name, {})[run] = _at(ys, ps, thresholds)
            rows.append(_row(name, run, ys, ps, thresholds))
    for run, (ys, ps) in pooled.items():
        if ys:
            yy, pp = np.concatenate(ys), np.concatenate(ps)
            record.setdefault("fresh rounds, each held out", {})[run] = _at(yy, pp, thresholds)
            rows.append(_row("**fresh rounds, each held out**", run, yy, pp, thresholds))
    return "\n".join(rows), record


def _at(ys, ps, thresholds) -> dict[str, dict]:
    return {str(t): {"lines": len(ys), "boilerplate": int((ys == 1).sum()), "flagged": int((ps >= t).sum()),
                     "flagged_boilerplate": int(((ps >= t) & (ys == 1)).sum())} for t in thresholds}


def _row(name, run, ys, ps, thresholds) -> str:
    cells = []
    for t in thresholds:
        flag = ps >= t
        tp = int((flag & (ys == 1)).sum())
        prec = f"{tp / flag.sum():.3f}" if flag.sum() else "–"
        rec = f"{tp / (ys == 1).sum():.3f}" if (ys == 1).sum() else "–"
        cells.append(f"{int(flag.sum())}, {prec}, {rec}")
    return f"| {name} | {run} | {len(ys)} ({int((ys == 1).sum())}) | " + " | ".join(cells) + " |"


THRESHOLDS = (0.5, 0.7, 0.8, 0.9, 0.95, 0.97, 0.98, 0.99)


def pr_at(oof, y, sel, t: float) -> tuple[int, int, int, int]:
    """(lines, boilerplate lines, flagged, flagged boilerplate) among ``sel`` at threshold ``t``."""
    ys, flag = y[sel], oof[sel] >= t
    return int(sel.sum()), int((ys == 1).sum()), int(flag.sum()), int((flag & (ys == 1)).sum())


def validation_sets(origin, side) -> list[tuple[str, np.ndarray]]:
    """The held-out sets reported: edge lines (the ones the rules score) of each source, and the scraped
    ones (cases + fresh) by run: the head rule and the tail rule are decided apart."""
    scraped = (origin == "case") | (origin == "fresh")
    edge = side != ""
    return [("dev cases", (origin == "case") & edge), ("fresh rounds", (origin == "fresh") & edge),
            ("cases + fresh", scraped & edge), ("cases + fresh, head runs", scraped & (side == "head")),
            ("cases + fresh, tail runs", scraped & (side == "tail")), ("AEB pages", (origin == "aeb") & edge),
            ("all", edge)]


def report(oof, y, origin, edge, thresholds=THRESHOLDS) -> str:
    out = ["| edge lines | threshold | flagged | precision | recall of boilerplate lines |", "|---|---|---|---|---|"]
    for name, sel in validation_sets(origin, edge):
        ys, ps = y[sel], oof[sel]
        for t in thresholds:
            flag = ps >= t
            tp = int((flag & (ys == 1)).sum())
            prec = tp / flag.sum() if flag.sum() else float("nan")
            rec = tp / (ys == 1).sum() if (ys == 1).sum() else float("nan")
            out.append(f"| {name} ({len(ys)}, {int((ys == 1).sum())} boilerplate) | {t} | {int(flag.sum())} "
                       f"| {prec:.3f} | {rec:.3f} |")
    return "\n".join(out)


SHARES = {"case": 0.3, "fresh": 0.25, "aeb": 0.3, "boilerplate.yaml": 0.1, "disclaimers.yaml": 0.05}


def balance(y: np.ndarray, origin: np.ndarray) -> np.ndarray:
    """Weights that give each source its share and, within the cases and AEB, both classes equal weight.

    AEB pages hold far more furniture lines than body lines; unweighted, the model would learn that most
    lines are boilerplate, which is false for scraped article text (the cases).
    """
    w = np.zeros(len(y))
    for name, share in SHARES.items():
        sel = origin == name
        if not sel.any():
            continue
        if name in ("case", "fresh", "aeb"):
            for lab in (0.0, 1.0):
                part = sel & (y == lab)
                if part.any():
                    w[part] = share / 2 / part.sum()
        else:
            w[sel] = share / sel.sum()
    return w * len(y)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", default=str(ROOT / "cleaner" / "_models" / "furniture.json"))
    ap.add_argument("--folds", type=int, default=5)
    ap.add_argument("--no-cv", action="store_true", help="train and write only")
    ap.add_argument("--trees", type=int, default=TREES,
                    help="boosted trees on top of the regression (default 0: the bundled model; 100 reproduces the "
                    "stop-10 experiment)")
    ap.add_argument("--leave-out", action="append", default=[], metavar="ROUND",
                    help="a fresh round not to train on (round1 … round4): for a held-out check of the rule "
                    "on that round with benchmarks/eval_cases.py (write it with --out elsewhere)")
    args = ap.parse_args(argv)
    globals()["TREES"] = args.trees  # read by fit()
    docs = training_docs(args.leave_out)
    names, X, grams, y, w, groups, origin, edge, rounds = featurise(docs)
    w = balance(y, origin)
    print(f"{len(y)} labelled lines ({int(y.sum())} boilerplate; {int((edge != '').sum())} in head/tail runs) from "
          f"{len(docs)} documents, {len(set(groups))} sites, {len(names)} dense features, {BUCKETS} trigram buckets",
          file=sys.stderr)
    validation: dict[str, dict] = {}
    if not args.no_cv:
        oof = cross_validate(X, grams, y, w, groups, origin, args.folds)
        print(f"cross-validation by site ({args.folds} folds, lines of sites not trained on):")
        print(report(oof, y, origin, edge))
        for name, sel in validation_sets(origin, edge):
            validation[name] = {
                str(t): dict(zip(("lines", "boilerplate", "flagged", "flagged_boilerplate"), pr_at(oof, y, sel, t),
                                 strict=True))
                for t in THRESHOLDS
            }
    by_round: dict[str, dict] = {}
    if not args.no_cv:
        table, by_round = round_report(cross_validate_rounds(X, grams, y, w, rounds, groups), y, edge, rounds)
        print("\nheld out by round (each round scored by a model trained on every other source):")
        print(table)
    data = model_data(names, X, grams, y, w, groups)
    data["left_out"] = sorted({*args.leave_out, *HELD_OUT})
    data["validation"] = {"folds": args.folds, "by": "site", "lines": "head/tail runs", "sets": validation,
                          "by_round": by_round}
    out = Path(args.out)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(json.dumps(data, separators=(",", ":"), sort_keys=True) + "\n", encoding="utf-8")
    print(f"wrote {out} ({out.stat().st_size} bytes)", file=sys.stderr)
    return 0


def training_docs(leave_out: list[str] | tuple[str, ...] = ()) -> list[Doc]:
    """Every labelled document the model learns from (the rounds in ``leave_out`` excepted: a fresh
    round's folder name, or "dev" for the shared dev cases; the held-out rounds, ``eval_cases.HELD_OUT``, always)."""
    docs = case_docs(SHARED / "data" / "cases") if "dev" not in leave_out else []
    for folder in sorted((ROOT / "tests" / "data" / "fresh").glob("round*")):
        if folder.name not in leave_out and folder.name not in HELD_OUT:
            docs += case_docs(folder, "fresh", folder.name)
    bodies = _bodies(SHARED / "bench" / "aeb")
    docs += wording_docs(SHARED / "data" / "boilerplate.yaml", 2.0, bodies)
    docs += wording_docs(SHARED / "data" / "disclaimers.yaml", 0.5, bodies)
    docs += aeb_docs(SHARED / "bench" / "aeb")
    return docs


def model_data(names, X, grams, y, w, groups) -> dict:
    """Train on every line and return the model file's content (without its validation record)."""
    (wd, wh, b), trees = fit(X, grams, y, w, groups)
    # "validation" (added by main): held-out figures of the same recipe (cross-validation by site, edge
    # lines), for the record and for tests/test_furniture.py, which checks the bundled threshold on them
    data = {
        "version": 1,
        "about": "furniture scorer: logistic regression over block shape and hashed trigrams; "
        "trained by tools/train_furniture.py on the dev cases, the fresh rounds of tests/data/fresh (but those "
        "listed in left_out), boilerplate.yaml, disclaimers.yaml, AEB (MIT)",
        "buckets": BUCKETS,
        "max_chars": MAX_CHARS,
        "bias": round(b, 4),
        "dense": {k: round(float(x), 4) for k, x in zip(names, wd, strict=True)},
        "hashed": {str(i): round(float(x), 3) for i, x in enumerate(wh) if abs(x) >= 0.005},
    }
    if trees:
        cols = [*names, "lr_logit"]
        used = sorted({j for t in trees for j in t[0] if j >= 0})
        index = {j: k for k, j in enumerate(used)}
        data.update({
            "version": 2,
            "about": data["about"].replace("trigrams;", f"trigrams, then {len(trees)} gradient-boosted trees "
                                           f"of depth {DEPTH} over the shape features and its logit (score: the "
                                           "higher of the two);"),
            "depth": DEPTH,
            "tree_features": [cols[j] for j in used],
            "trees": [[[index[j] if j >= 0 else -1 for j in f], [float(x) for x in t], [round(v, 5) for v in lv]]
                      for f, t, lv in trees],
        })
    return data


if __name__ == "__main__":
    raise SystemExit(main())
