"""Turn the CLI's sources into cleaned documents, one at a time, for ``clean``, ``explain`` and ``check``.

This is the only place where the shells call the core: :class:`Settings` holds what every document of
a run shares (compiled rules, :class:`Options`, default URL and language) and :func:`iter_source`
yields a :class:`~cleaner.report.Located` per text file or JSONL record — or an :class:`Unreadable`
for an input that cannot be used, so one bad file or line is reported with its location while the rest
of the run goes on. A JSONL record's :class:`Located` (and a bad line's :class:`Unreadable`) carries
the line as read, so ``clean`` can copy untouched records and ``--on-error keep`` lines byte for byte.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from . import core
from .reading import InputError, JsonlFields, Source, iter_jsonl, read_text
from .report import Located
from .result import Options, Result
from .rules import RuleSet

__all__ = ["Settings", "Unreadable", "iter_source", "iter_documents"]


@dataclass(frozen=True)
class Settings:
    """What every document of one run shares; per-record URL/language override the defaults."""

    rules: RuleSet
    options: Options
    url: str | None = None
    language: str | None = None

    def clean(self, text: str, *, url: str | None = None, language: str | None = None) -> Result:
        return core.clean(
            text,
            url=url or self.url,
            language=language or self.language,
            rules=self.rules,
            options=self.options,
        )


@dataclass(frozen=True)
class Unreadable:
    """An input (``line`` None) or JSONL line that cannot be cleaned, and why.

    ``raw`` is the bad JSONL line as read (without its newline), for ``--on-error keep``.
    """

    path: str
    problem: str
    line: int | None = None
    raw: bytes | None = field(default=None, repr=False)

    def __str__(self) -> str:
        return self.problem if self.line is None else f"{self.path}:{self.line}: {self.problem}"


def iter_source(
    source: Source, settings: Settings, fields: JsonlFields, *, jsonl: bool = False
) -> Iterator[Located | Unreadable]:
    """Clean one source: a text file as one document, a JSONL one (by suffix, or when ``jsonl``) per record.

    A source that cannot be read at all yields an :class:`Unreadable` with ``line`` None (after the
    records read before the failure, for a JSONL file whose reading breaks off).
    """
    if jsonl or source.is_jsonl:
        try:
            for n, item in enumerate(iter_jsonl(source, fields), start=1):
                if item.problem is not None:
                    yield Unreadable(source.name, item.problem, item.line, item.raw)
                    continue
                result = settings.clean(item.text, url=item.url, language=item.lang)
                yield Located(source.name, item.text, result, item.line, n, item.raw, item.record)
        except InputError as exc:
            yield Unreadable(source.name, str(exc))
        return
    try:
        text = read_text(source)
    except InputError as exc:
        yield Unreadable(source.name, str(exc))
        return
    yield Located(source.name, text, settings.clean(text))


def iter_documents(
    sources: Iterable[Source], settings: Settings, fields: JsonlFields, *, jsonl: bool = False
) -> Iterator[Located | Unreadable]:
    """Clean every source in turn (see :func:`iter_source`)."""
    for source in sources:
        yield from iter_source(source, settings, fields, jsonl=jsonl)
