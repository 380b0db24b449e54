"""Language identification, from a well-kept library (py3langid, a maintained fork of langid.py).

Rules with a ``languages`` scope need the document language, and so does the ``language`` field of a
result (``--format json``). Identifying a language costs far more than cleaning a short document (the
model loads in about a second, a 2,000-character sample takes a few milliseconds), so it runs only when
one of those asks for it: :func:`lazy_language` hands the core a function to call instead of an answer.

The answer abstains (None) when the evidence is thin (fewer than 20 letters) or the model is unsure
(normalised probability under 0.5): a rule scoped by language then does not run, since missing some
boilerplate is better than removing article text.
"""

from __future__ import annotations

from functools import lru_cache, partial
from itertools import islice
from typing import Any

__all__ = ["guess_language", "lazy_language"]

_MIN_LETTERS = 20
_MIN_PROBABILITY = 0.5


@lru_cache(maxsize=1)
def _identifier() -> Any:
    """The py3langid model with normalised probabilities, loaded once per process."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def guess_language(text: str, sample: int = 2000) -> str | None:
    """ISO 639-1 code of ``text`` (its first ``sample`` characters), or None when unsure."""
    head = text[:sample]
    if sum(1 for _ in islice(filter(str.isalpha, head), _MIN_LETTERS)) < _MIN_LETTERS:
        return None
    lang, probability = _identifier().classify(head)
    return str(lang) if probability >= _MIN_PROBABILITY else None


def lazy_language(text: str) -> partial[str | None]:
    """A function that identifies ``text``'s language when called (picklable: a module function bound
    to its text), for :class:`cleaner.result.Result` to call on first read of ``language``."""
    return partial(guess_language, text)
