"""The objects the core returns: one :class:`Result` per document, with every :class:`Removal`.

Every output of the CLI (the clean text, ``explain``, ``check``, JSON reports, statistics) is derived
from these objects, so what is reported is exactly what was done.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from cleaner.rules.selection import RuleSelection

Kind = Literal["boilerplate", "duplicate"]
Level = Literal["error", "warning", "info"]

LEVELS: tuple[Level, ...] = ("info", "warning", "error")


class _Lazy:
    """A field that holds a value or a zero-argument function computing it on first read.

    The document language is such a field: identifying it costs more than cleaning a short document,
    so the core stores a function and only a reader of ``Result.language`` (``--format json``, a
    caller) pays for it. The value is computed once and kept. As a dataclass default this descriptor
    reads as None.
    """

    def __set_name__(self, owner: type, name: str) -> None:
        self.slot = "_lazy_" + name

    def __get__(self, obj: object, objtype: type | None = None) -> object:
        if obj is None:
            return None
        value = obj.__dict__.get(self.slot)
        if callable(value):
            value = obj.__dict__[self.slot] = value()
        return value

    def __set__(self, obj: object, value: object) -> None:
        obj.__dict__[self.slot] = value


@dataclass(frozen=True)
class Removal:
    """One piece of the input that the cleaner removed.

    ``start``/``end`` index the *input* string given to :func:`cleaner.clean` (for an HTML page: the
    text extracted from it, :attr:`Result.source`). ``rule`` is the id of the boilerplate rule, or
    ``dedup.<how>`` for a duplicate; ``duplicate_of`` is then the span of the copy that was kept.
    ``score`` is 100 for exact matches, else the fuzzy/similarity score (0–100). ``element`` is set for
    an HTML element that a selector rule removed before the text was extracted: the rule's CSS selector.
    Such an element has no place in the extracted text, so its span is the empty span ``(0, 0)``.
    """

    kind: Kind
    rule: str
    start: int
    end: int
    text: str
    score: float = 100.0
    level: Level = "warning"
    reason: str = ""
    duplicate_of: tuple[int, int] | None = None
    element: str | None = None

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)

    def preview(self, width: int = 80) -> str:
        """The removed text, whitespace folded, cut to ``width`` characters."""
        flat = " ".join(self.text.split())
        return flat if len(flat) <= width else flat[: width - 1] + "…"

    def to_dict(self) -> dict:
        d = asdict(self)
        d["duplicate_of"] = list(self.duplicate_of) if self.duplicate_of else None
        if self.element is None:
            del d["element"]
        return d


class TimeBudgetExceeded(Exception):
    """A document took longer than :attr:`Options.time_budget` (see :mod:`cleaner.budget`)."""

    def __init__(self, seconds: float) -> None:
        super().__init__(
            f"took longer than its time budget of {seconds:.1f} s (a slow rule regex? see `cleaner rules validate`;"
            " --time-budget sets it)"
        )
        self.seconds = seconds


@dataclass(frozen=True)
class Options:
    """Engine settings (frozen, hashable: one object is shared by every document of a run).

    ``near_threshold`` is the similarity (0–1) above which two blocks of at least ``near_min_chars``
    comparison characters are near-duplicates (policy C2). Blocks whose comparison form is shorter than
    ``min_dup_chars`` are never removed as duplicates: short lines such as "Yes.", "Q:" or a list bullet
    legitimately repeat. A block of several sentences that all stood earlier is a copy once it has at
    least ``contained_min_chars`` comparison characters.
    """

    dedup: bool = True
    near_threshold: float = 0.90
    near_min_chars: int = 40
    min_dup_chars: int = 10
    teaser_min_chars: int = 40
    contained_min_chars: int = 60
    # which rule ids may remove anything (--select/--ignore, configuration); None: all of them
    selection: RuleSelection | None = None
    # seconds of real time one document may take (plus 1 s per MB), None: unbounded (cleaner.budget)
    time_budget: float | None = None


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of the clean text with the structure the page gave it (HTML input only).

    ``kind`` is ``heading``, ``paragraph``, ``list_item``, ``quote``, ``table_row``, ``caption`` or
    ``code``; ``level`` is the heading level (1–6), the list nesting depth (1 = top), for a table row
    the number of its table in the page (1 = first), else 0.
    Markdown output is rendered from these.
    """

    text: str
    kind: str = "paragraph"
    level: int = 0


@dataclass(frozen=True)
class PageInfo:
    """What an HTML page states about itself (``None`` where it states nothing)."""

    title: str | None = None
    author: str | None = None
    date: str | None = None
    language: str | None = None
    url: str | None = None
    encoding: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


@dataclass(frozen=True)
class Result:
    """The outcome of cleaning one document: the clean text and why each piece went.

    For an HTML page, ``source`` is the text extracted from it (one block per line) — the text the
    removal spans index and that ``explain`` positions refer to — ``paragraphs`` the clean text with
    its structure, and ``page`` what the page states about itself. For text input all three are unset.
    """

    text: str
    removals: tuple[Removal, ...] = field(default_factory=tuple)
    input_chars: int = 0
    language: str | None = _Lazy()  # type: ignore[assignment]  # a str, None, or a function giving it
    url: str | None = None
    notes: tuple[str, ...] = field(default_factory=tuple)
    source: str | None = None
    paragraphs: tuple[Paragraph, ...] | None = None
    page: PageInfo | None = None

    @property
    def changed(self) -> bool:
        return bool(self.removals)

    def counts(self) -> dict[str, int]:
        """Number of removals per rule id (duplicates under their ``dedup.*`` id)."""
        out: dict[str, int] = {}
        for r in self.removals:
            out[r.rule] = out.get(r.rule, 0) + 1
        return out

    def worst_level(self) -> Level | None:
        if not self.removals:
            return None
        return max((r.level for r in self.removals), key=LEVELS.index)

    def to_dict(self, include_text: bool = True) -> dict:
        d: dict = {
            "url": self.url,
            "language": self.language,
            "input_chars": self.input_chars,
            "output_chars": len(self.text),
            "removals": [r.to_dict() for r in self.removals],
        }
        if self.notes:
            d["notes"] = list(self.notes)
        if self.page is not None:
            d["page"] = self.page.to_dict()
        if include_text:
            d["text"] = self.text
        return d
