"""Turn the CLI's sources into cleaned documents, one at a time, for ``clean --diff``, ``explain``, ``check``.

This is the only place where the shells call the core: :class:`Settings` holds what every document of
a run shares (compiled rules, :class:`Options`, default URL and language) and :func:`iter_documents`
yields a :class:`~cleaner.report.Located` per text file or JSONL record — or an :class:`Unreadable`
for an input that cannot be used, so one bad file or line is reported with its location while the rest
of the run goes on.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from .core import clean
from .reading import InputError, JsonlFields, Source, iter_jsonl, read_text
from .report import Located
from .result import Options, Result
from .rules import RuleSet

__all__ = ["Settings", "Unreadable", "iter_documents"]


@dataclass(frozen=True)
class Settings:
    """What every document of one run shares; per-record URL/language override the defaults."""

    rules: RuleSet
    options: Options
    url: str | None = None
    language: str | None = None

    def clean(self, text: str, *, url: str | None = None, language: str | None = None) -> Result:
        return clean(
            text,
            url=url or self.url,
            language=language or self.language,
            rules=self.rules,
            options=self.options,
        )


@dataclass(frozen=True)
class Unreadable:
    """An input (``line`` None) or JSONL line that cannot be cleaned, and why."""

    path: str
    problem: str
    line: int | None = None

    def __str__(self) -> str:
        return self.problem if self.line is None else f"{self.path}:{self.line}: {self.problem}"


def iter_documents(
    sources: Iterable[Source], settings: Settings, fields: JsonlFields, *, jsonl: bool = False
) -> Iterator[Located | Unreadable]:
    """Clean every source; JSONL ones (by suffix, or all when ``jsonl``) record by record."""
    for source in sources:
        if jsonl or source.is_jsonl:
            try:
                for n, item in enumerate(iter_jsonl(source, fields), start=1):
                    if item.problem is not None:
                        yield Unreadable(source.name, item.problem, item.line)
                        continue
                    result = settings.clean(item.text, url=item.url, language=item.lang)
                    yield Located(source.name, item.text, result, item.line, n)
            except InputError as exc:
                yield Unreadable(source.name, str(exc))
            continue
        try:
            text = read_text(source)
        except InputError as exc:
            yield Unreadable(source.name, str(exc))
            continue
        yield Located(source.name, text, settings.clean(text))
