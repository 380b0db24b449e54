"""Duplicate records: a later record that is a copy of an earlier one (feed items, JSONL/Parquet/WARC
records, the files of a folder).

A record is a *duplicate record* of an earlier one when its cleaned text is the same (after the
comparison normalisation of :func:`cleaner.text.normalize.comparison_form`), when its text is a near
copy (MinHash estimate of the Jaccard similarity of word 3-shingles at or above the threshold), when
it repeats an earlier guid/id, or when its link is the same once tracking parameters (``utm_*``,
``fbclid``…) and the fragment are dropped. The finding sits on the later copy and names the first one;
the first copy has none.

Two halves, so that ``--jobs`` changes nothing:

* :class:`Signer` runs where the document is cleaned (in a worker with ``--jobs``) and reduces it to a
  small :class:`Signature`: three 64-bit hashes and 32 MinHash values (128 bytes), plus where it is.
* :class:`RecordIndex` runs in the main process, in input order, over the signatures. Its state is
  flat arrays, not Python objects: open-addressing hash tables of 64-bit keys and 32-bit record
  numbers (``array``), the stored MinHash values in one ``bytearray`` and the ids in a byte pool. Exact
  copies cost 16-32 bytes per record and table (text, guid, link: 12-byte slots, 3/8-3/4 full) plus
  the record's location (12 bytes), its id's end (8 bytes) and the id itself; near copies add 8 LSH
  band tables (8-byte slots) and the 128-byte signature (``benchmarks/bench_records_dedup.py``
  measures it on a million records).

Bands: 8 bands of 4 MinHash rows, so a pair at similarity 0.8 is a candidate with probability 0.98,
at 0.9 with > 0.999; every candidate is checked against the stored signature, so a false candidate
costs time, never a finding.
"""

from __future__ import annotations

import functools
import hashlib
import re
from array import array
from dataclasses import dataclass
from typing import Any, NamedTuple
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from cleaner.pipeline.documents import Located
from cleaner.pipeline.messages import plural
from cleaner.text.normalize import comparison_form

__all__ = [
    "DEFAULT_THRESHOLD",
    "Signature",
    "Signer",
    "Duplicate",
    "RecordIndex",
    "canonical_link",
    "add_duplicate_json",
    "index_for",
    "minhash",
    "band_keys",
]

DEFAULT_THRESHOLD = 0.8
NUM_HASHES = 32
BANDS = 8
ROWS = NUM_HASHES // BANDS
SHINGLE = 3  # word 3-shingles: feed items are short, and one changed word breaks only 3 of them
MIN_TOKENS = 12  # shorter texts are compared exactly only (a few words say too little about a copy)



@functools.cache
def _permutations() -> tuple[Any, Any, Any]:
    """numpy and the MinHash permutations, made on first use: a run that never signs a record (every
    ``clean`` without ``--drop-duplicate-records``, a small ``check``) does not pay numpy's import."""
    import numpy as np

    rng = np.random.default_rng(20261201)  # fixed: the same signature in every process and run
    a = (rng.integers(1, 2**63, NUM_HASHES, dtype=np.uint64) << np.uint64(1)) | np.uint64(1)
    b = rng.integers(0, 2**63, NUM_HASHES, dtype=np.uint64)
    return np, a, b
_WORD = re.compile(r"\w+")
_TRACKING = re.compile(r"^(utm_\w+|fbclid|gclid|dclid|msclkid|mc_cid|mc_eid|_hsenc|_hsmi|igshid|yclid|ref_src)$", re.I)


def _h64(text: str) -> int:
    """A 64-bit hash, never 0 (0 marks an empty slot), the same in every process."""
    value = int.from_bytes(hashlib.blake2b(text.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
    return value or 1


def canonical_link(url: str) -> str:
    """A link without tracking parameters and fragment, scheme and host in lower case."""
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return url.strip()
    query = urlencode([(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)])
    path = parts.path.rstrip("/") or "/"
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), path, query, ""))


def minhash(text: str) -> bytes:
    """The MinHash signature (``NUM_HASHES`` uint32) of the word 3-shingles of ``text``; b"" when short."""
    tokens = _WORD.findall(text)
    if len(tokens) < MIN_TOKENS:
        return b""
    shingles = {" ".join(tokens[i : i + SHINGLE]) for i in range(len(tokens) - SHINGLE + 1)}
    np, _A, _B = _permutations()
    hashes = np.fromiter(
        (int.from_bytes(hashlib.blake2b(s.encode("utf-8", "surrogatepass"), digest_size=8).digest(), "little")
         for s in shingles),
        dtype=np.uint64,
        count=len(shingles),
    )
    permuted = (hashes[:, None] * _A[None, :] + _B[None, :]) >> np.uint64(32)
    return permuted.min(axis=0).astype("<u4").tobytes()


def similarity(a: bytes, b: bytes) -> float:
    """The MinHash estimate of the Jaccard similarity of two signatures."""
    np = _permutations()[0]
    return float(np.mean(np.frombuffer(a, "<u4") == np.frombuffer(b, "<u4")))


class Signature(NamedTuple):
    """What the cross-record step needs of one record: where it is, and its hashes (0: none)."""

    path: str
    line: int | None
    record: int | None
    ident: str | None
    label: str | None
    text: int
    guid: int
    link: int
    minhash: bytes
    bands: tuple[int, ...] = ()  # the LSH band keys of ``minhash``, computed with it (in the worker)


@dataclass(frozen=True)
class Signer:
    """Reduce a cleaned document to its :class:`Signature` (``url_field``: a record's link field).

    A feed item is signed on its primary content field only (its other fields are the same item);
    a JSONL/Parquet record's id is its ``id`` or ``guid`` field when it has one.
    """

    url_field: str | None = None
    near: bool = True

    def __call__(self, doc: Located) -> Signature | None:
        entry = doc.feed
        if entry is not None and not entry.primary:
            return None
        if entry is not None:
            ident, link, label = entry.guid, entry.link, f"item {entry.index}" + (
                f" ({entry.ident})" if entry.ident else ""
            )
        elif doc.fields is not None:
            ident = next((str(doc.fields[k]) for k in ("id", "guid") if isinstance(doc.fields.get(k), (str, int))),
                         None)
            url = doc.fields.get(self.url_field) if self.url_field else None
            link = url if isinstance(url, str) else doc.fields.get("url") if isinstance(doc.fields.get("url"), str) \
                else None
            label = f"record {doc.record}" + (f" ({ident})" if ident else "")
        else:
            ident, link, label = None, None, None
        form = comparison_form(doc.result.text)
        text = _h64(form) if form.strip() else 0
        mh = minhash(form) if self.near and text else b""
        return Signature(
            doc.path,
            doc.line,
            doc.record,
            ident,
            label,
            text,
            _h64(ident) if ident else 0,
            _h64(canonical_link(link)) if link else 0,
            mh,
            band_keys(mh),
        )


class Duplicate(NamedTuple):
    """A finding of kind ``duplicate-record``: ``sig`` is a copy of the earlier record described."""

    sig: Signature
    path: str
    line: int | None
    record: int | None
    ident: str | None
    reason: str  # same text | near copy | same guid | same link
    similarity: float

    @property
    def where(self) -> str:
        return f"{self.sig.path}:{self.sig.line}" if self.sig.line is not None else self.sig.path

    @property
    def message(self) -> str:
        first = self.path if self.line is None else f"{self.path}:{self.line}"
        if self.record is not None and self.line is not None:
            first += f" (record {self.record}" + (f", {self.ident}" if self.ident else "") + ")"
        near = f", similarity {self.similarity:.2f}" if self.reason == "near copy" else ""
        return f"duplicate of {first}: {self.reason}{near}"

    def check_line(self) -> str:
        label = f" {self.sig.label}:" if self.sig.label else ""
        return f"{self.where}:{label} warning duplicate-record {self.message}"

    def github_line(self) -> str:
        line = f",line={self.sig.line}" if self.sig.line else ""
        text = (f"{self.sig.label}: " if self.sig.label else "") + self.message
        text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.sig.path.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")
        return f"::warning file={path}{line},title=duplicate-record::{text}"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kind": "duplicate-record",
            "rule": "duplicate-record",
            "level": "warning",
            "path": self.sig.path,
            "line": self.sig.line,
            "record": self.sig.record,
            "id": self.sig.ident,
            "reason": self.reason,
            "similarity": round(self.similarity, 4),
            "duplicate_of": {"path": self.path, "line": self.line, "record": self.record, "id": self.ident},
        }


class _Table:
    """An open-addressing hash table from 64-bit keys (never 0) to 32-bit values, in two flat arrays."""

    def __init__(self, capacity: int = 1024, key: str = "Q") -> None:
        self._key = key
        self._keys = array(key, bytes(array(key).itemsize * capacity))
        self._vals = array("I", bytes(4 * capacity))
        self._mask = capacity - 1
        self._n = 0

    def get(self, key: int) -> int | None:
        keys, mask = self._keys, self._mask
        i = key & mask
        while True:
            k = keys[i]
            if k == key:
                return self._vals[i]
            if k == 0:
                return None
            i = (i + 1) & mask

    def put(self, key: int, value: int) -> None:
        """Store ``key`` -> ``value`` unless ``key`` is there already (the first record keeps it)."""
        keys, mask = self._keys, self._mask
        i = key & mask
        while True:
            k = keys[i]
            if k == key:
                return
            if k == 0:
                keys[i] = key
                self._vals[i] = value
                self._n += 1
                if 4 * self._n > 3 * mask:  # linear probing stays short up to a 3/4 load
                    self._grow()
                return
            i = (i + 1) & mask

    def _grow(self) -> None:
        old_keys, old_vals = self._keys, self._vals
        self.__init__(2 * (self._mask + 1), self._key)  # type: ignore[misc]
        for k, v in zip(old_keys, old_vals, strict=True):
            if k:
                self.put(k, v)

    @property
    def nbytes(self) -> int:
        return self._keys.itemsize * len(self._keys) + self._vals.itemsize * len(self._vals)


class RecordIndex:
    """The records seen so far; :meth:`see` says whether a new one is a copy of one of them.

    ``threshold``: MinHash similarity from which a record is a near copy (None: exact copies, guids and
    links only). Records that are themselves duplicates are not stored: a third copy names the first.
    """

    def __init__(self, threshold: float | None = DEFAULT_THRESHOLD) -> None:
        self.threshold = threshold
        self._text, self._guid, self._link = _Table(), _Table(), _Table()
        # band keys are 32-bit: a false candidate is checked against the stored signature anyway
        self._bands = [_Table(key="I") for _ in range(BANDS)] if threshold is not None else []
        self._sigs = bytearray()  # NUM_HASHES uint32 per stored record (zeros: none)
        self._paths: list[str] = []
        self._path_no: dict[str, int] = {}
        self._where = array("I")  # per stored record: path number, line + 1, record + 1
        self._id_end = array("Q")
        self._ids = bytearray()
        self.count = 0

    def see(self, sig: Signature) -> Duplicate | None:
        """Compare ``sig`` with every earlier record; remember it when it is not a copy."""
        found = self._find(sig)
        if found is not None:
            return found
        n = self.count + 1  # 1-based: 0 marks "none" in the tables
        if sig.text:
            self._text.put(sig.text, n)
        if sig.guid:
            self._guid.put(sig.guid, n)
        if sig.link:
            self._link.put(sig.link, n)
        if self._bands:
            mh = sig.minhash or bytes(4 * NUM_HASHES)
            self._sigs += mh
            if sig.minhash:
                for b, key in enumerate(sig.bands or band_keys(sig.minhash)):
                    self._bands[b].put(key, n)
        p = self._path_no.setdefault(sig.path, len(self._paths))
        if p == len(self._paths):
            self._paths.append(sig.path)
        self._where.extend((p, (sig.line or 0) + 1 if sig.line is not None else 0, (sig.record or 0) + 1
                            if sig.record is not None else 0))
        self._ids += (sig.ident or "").encode("utf-8", "surrogatepass")
        self._id_end.append(len(self._ids))
        self.count = n
        return None

    def _find(self, sig: Signature) -> Duplicate | None:
        if sig.text and (n := self._text.get(sig.text)):
            return self._duplicate(sig, n, "same text", 1.0)
        if sig.guid and (n := self._guid.get(sig.guid)):
            return self._duplicate(sig, n, "same guid", self._similarity(sig, n))
        if sig.link and (n := self._link.get(sig.link)):
            return self._duplicate(sig, n, "same link", self._similarity(sig, n))
        if self._bands and sig.minhash and self.threshold is not None:
            tried: set[int] = set()
            for b, key in enumerate(sig.bands or band_keys(sig.minhash)):
                n = self._bands[b].get(key)
                if n and n not in tried:
                    tried.add(n)
                    s = self._similarity(sig, n)
                    if s >= self.threshold:
                        return self._duplicate(sig, n, "near copy", s)
        return None

    def _similarity(self, sig: Signature, n: int) -> float:
        if not self._bands or not sig.minhash:
            return 0.0
        stored = bytes(self._sigs[(n - 1) * 4 * NUM_HASHES : n * 4 * NUM_HASHES])
        return similarity(sig.minhash, stored) if any(stored) else 0.0

    def _duplicate(self, sig: Signature, n: int, reason: str, score: float) -> Duplicate:
        p, line, record = self._where[3 * (n - 1) : 3 * n]
        start = self._id_end[n - 2] if n > 1 else 0
        ident = self._ids[start : self._id_end[n - 1]].decode("utf-8", "surrogatepass") or None
        return Duplicate(sig, self._paths[p], line - 1 if line else None, record - 1 if record else None, ident,
                         reason, score)

    @property
    def nbytes(self) -> int:
        """The bytes held by the index's arrays (what grows with the number of records)."""
        tables = [self._text, self._guid, self._link, *self._bands]
        return (
            sum(t.nbytes for t in tables)
            + len(self._sigs)
            + self._where.itemsize * len(self._where)
            + self._id_end.itemsize * len(self._id_end)
            + len(self._ids)
        )


def band_keys(mh: bytes) -> tuple[int, ...]:
    """The 32-bit LSH key of each band of a MinHash signature (none for an empty one)."""
    if not mh:
        return ()
    width = 4 * ROWS
    return tuple((_h64(f"{b}:{mh[b * width : (b + 1) * width].hex()}") >> 32) or 1 for b in range(BANDS))


def index_for(threshold: float) -> RecordIndex:
    """The index for ``--duplicate-threshold``: 1.0 (or more) means exact copies, guids and links only."""
    return RecordIndex(threshold if threshold < 1.0 else None)


def with_copies(summary: str, copies: int) -> str:
    """A run's one-line summary, led by how many later copies of earlier records it found (check, explain)."""
    if not copies:
        return summary
    return f"{plural(copies, 'duplicate record')} (later copies of earlier ones). {summary}"


def add_duplicate_json(files: dict[str, dict[str, Any]], dup: Duplicate) -> None:
    """Add a duplicate-record finding to ``check --format json``'s per-file entries."""
    entry = files.setdefault(dup.sig.path, {"path": dup.sig.path})
    entry.setdefault("duplicate_records", []).append(dup.to_dict())
