"""Rule regexes in linear time where the pattern allows it, and a check for catastrophic ones.

Python's ``re`` backtracks: a user rule such as ``(a+)+$`` takes exponential time on a 31-character
line. RE2 (the ``google-re2`` binding) matches in time linear in the text, with the same leftmost-first
semantics, but without lookarounds, backreferences or a Unicode ``\\b``. :func:`compile_rule_regex`
therefore gives a :class:`LinearPattern` (RE2 behind ``re``'s ``finditer``/``search``) for every pattern
RE2 reproduces *exactly* — Python's Unicode ``\\w``/``\\d``/``\\s`` are spelled out as Unicode classes —
and the plain ``re`` pattern for the rest (lookarounds, backreferences, ``\\b``, ``\\W``, ``{,n}`` …),
which the per-document time budget (:mod:`cleaner.budget`) then bounds.

:func:`nested_quantifiers` finds the shape that makes backtracking explode (a repeated group holding
another repeat, like ``(a+)+`` or ``(\\w+\\s?)*``), for the warning of ``cleaner rules validate``.
"""

from __future__ import annotations

import contextlib
import re
from typing import Any

from cleaner.text.segment import Unit

try:  # Python 3.11+: the parser moved
    import re._parser as _sre_parse  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]

__all__ = [
    "LinearPattern", "compile_rule_regex", "fold_map", "folded_text", "mark_folded", "unit_fold", "nested_quantifiers",
    "optional_marks", "slow_regex_warnings", "to_re2",
]

# Python's Unicode classes (str.isalnum()/isdecimal()/isspace()) in RE2 syntax, without brackets.
_WORD = r"\p{L}\p{N}_"
_DIGIT = r"\p{Nd}"
_SPACE = r"\t\n\x0b\x0c\r\x1c-\x1f \x{85}\x{a0}\x{1680}\x{2000}-\x{200a}\x{2028}\x{2029}\x{202f}\x{205f}\x{3000}"
_CLASSES = {"w": _WORD, "d": _DIGIT, "s": _SPACE}
# escapes whose meaning RE2 does not share with Python's re (no Unicode \b, \Z is \z, \1 is a backref…)
_REFUSED_ESCAPES = set("bBZg0123456789uUN")
_NEGATED = {"W": f"[^{_WORD}]", "D": r"\P{Nd}", "S": f"[^{_SPACE}]"}  # outside a class only (but \D)


def to_re2(pattern: str) -> str | None:
    """``pattern`` rewritten so that RE2 matches exactly what Python's ``re`` matches, or None.

    Only escapes are rewritten; anything RE2 would read differently makes it None, and RE2 itself
    refuses what it does not support (lookarounds, verbose mode, possessive quantifiers…).
    """
    if "{," in pattern or "(?P=" in pattern or "(?x" in pattern:
        return None
    out: list[str] = []
    in_class = False
    i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n:
                return None
            e = pattern[i + 1]
            if e in _REFUSED_ESCAPES:
                return None
            if e in _CLASSES:
                out.append(_CLASSES[e] if in_class else f"[{_CLASSES[e]}]")
            elif e in _NEGATED:
                if in_class and e != "D":  # [^\S\n]: RE2 has no class difference to spell it with
                    return None
                out.append(r"\P{Nd}" if e == "D" else _NEGATED[e])
            else:
                out.append(pattern[i : i + 2])
            i += 2
            continue
        if not in_class and pattern.startswith("[^\\S\\n]", i):  # the usual "blank but not a newline"
            out.append("[" + _SPACE.replace(r"\n", "") + "]")
            i += 7
            continue
        if in_class:
            if c == "]" and not _class_start(pattern, i):
                in_class = False
            elif c == "[":  # a literal "[" inside a class: RE2 reads "[:" as a POSIX class
                if i + 1 < n and pattern[i + 1] == ":":
                    return None
                out.append("\\[")
                i += 1
                continue
        elif c == "[":
            in_class = True
        out.append(c)
        i += 1
    return None if in_class else "".join(out)


def _class_start(pattern: str, i: int) -> bool:
    """Is the ``]`` at ``i`` the first character of its class (``[]a]``, ``[^]a]``), hence literal?"""
    j = i - 1
    if j >= 0 and pattern[j] == "^":
        j -= 1
    return j >= 0 and pattern[j] == "[" and (j == 0 or pattern[j - 1] != "\\")


class LinearPattern:
    """A rule regex matched by RE2, with the parts of ``re.Pattern``'s interface the rules use.

    ``pattern`` and ``flags`` are the Python ones (the anchor analysis reads them); a text RE2 cannot
    take (a lone surrogate has no UTF-8 form) is matched by the ``re`` pattern instead.
    """

    __slots__ = ("pattern", "flags", "_re", "_re2")

    def __init__(self, compiled: re.Pattern[str], linear: Any) -> None:
        self.pattern = compiled.pattern
        self.flags = compiled.flags
        self._re = compiled
        self._re2 = linear

    def finditer(self, text: str):
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:
            return self._re.finditer(text)
        return self._re2.finditer(text)

    def search(self, text: str):
        try:
            return self._re2.search(text)
        except UnicodeEncodeError:
            return self._re.search(text)

    def __reduce__(self):  # workers started by spawn/forkserver get the rules pickled
        return (LinearPattern, (self._re, compile_rule_regex(self.pattern, self.flags)._re2))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, LinearPattern) and (self.pattern, self.flags) == (other.pattern, other.flags)

    def __hash__(self) -> int:
        return hash((self.pattern, self.flags))

    def __repr__(self) -> str:
        return f"LinearPattern({self.pattern!r})"


# ------------------------------------------------------------------ optional marks of Arabic and Hebrew
# The marks a writer may set or leave out: the short vowels, the tanwin, shadda and sukun, the Qur'anic annotation
# signs and the tatweel of Arabic script, the niqqud and cantillation of Hebrew ("أيضاً", "أيضًا" and "أيضا" are one
# word), as the body of a character class. Only the rule regexes take them as optional: the comparison form keeps
# them (POLICY C1: عَلِمَ "he knew" and عُلِّمَ "he was taught" are two sentences, not a duplicate).
OPTIONAL_MARKS = (
    "\u0610-\u061a\u0640\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7\u06e8\u06ea-\u06ed"
    "\u0591-\u05bd\u05bf\u05c1\u05c2\u05c4\u05c5\u05c7"
)
_MARKS = f"[{OPTIONAL_MARKS}]*"
_MARK = re.compile(f"[{OPTIONAL_MARKS}]")
_MARKED_LETTER = re.compile("[\u0620-\u063f\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06ff"
                            "\u05d0-\u05ea\u05ef-\u05f2]")
_QUANTIFIER = re.compile(r"(?:[*+?]|\{\d*,?\d*\})[?+]?")


def optional_marks(pattern: str) -> str:
    """``pattern`` with the optional marks of Arabic and Hebrew allowed after every letter of those scripts
    (:data:`OPTIONAL_MARKS`): a rule's "اقرأ[^\\S\\n]+أيضاً" then matches the page's
    "اقرأ أيضًا", "اقرأ أيضاً" and "اقرأ أيضا" alike, however the page sets its vowels.

    A letter (or a class holding one) is followed by a class of the marks, repeated; a quantified one is
    grouped first. Marks the pattern writes right after such a letter go, with any quantifier on them (the
    class covers them, wherever the page puts them); a mark anywhere else stays as written (a rule for a run
    of tatweels, "ـ{3,}"). Look-behinds, group names and escapes (``\\u0627`` too) are left as they are. A
    pattern without such letters comes back as it is; the rewrite is idempotent.
    """
    if not _MARKED_LETTER.search(pattern) or "(?x" in pattern:
        return pattern
    out: list[str] = []
    i, n = 0, len(pattern)
    after_letter = False  # the last atom written was a letter with the marks' class
    while i < n:
        c = pattern[i]
        if c == "\\":
            j = pattern.index("}", i) + 1 if pattern.startswith("\\N{", i) and "}" in pattern[i:] else i + 2
            out.append(pattern[i:j])
            i, after_letter = j, False
            continue
        if pattern.startswith(_MARKS, i):  # the rewrite's own suffix (a pattern rewritten once already)
            out.append(_MARKS)
            i, after_letter = i + len(_MARKS), True
            continue
        if pattern.startswith(("(?<=", "(?<!"), i):  # a look-behind must keep its fixed width
            j = _group_end(pattern, i)
            out.append(pattern[i:j])
            i, after_letter = j, False
            continue
        if pattern.startswith("(?P<", i) and ">" in pattern[i:]:
            j = pattern.index(">", i) + 1
            out.append(pattern[i:j])
            i, after_letter = j, False
            continue
        if _MARK.match(c) and after_letter:
            i += 1
            q = _QUANTIFIER.match(pattern, i)
            if q:
                i = q.end()
            continue
        if c == "[":
            j = _class_end(pattern, i)
            atom, i = pattern[i:j], j
            marked = bool(_MARKED_LETTER.search(atom))
        else:
            atom, i = c, i + 1
            marked = bool(_MARKED_LETTER.match(c))
        if not marked:
            out.append(atom)
            after_letter = False
            continue
        after_letter = True
        if pattern.startswith(_MARKS, i):
            out.append(atom)
            continue
        q = _QUANTIFIER.match(pattern, i)
        out.append(f"(?:{atom}{_MARKS})" if q else atom + _MARKS)
    return "".join(out)


def _group_end(pattern: str, i: int) -> int:
    """The index after the group opening at ``i`` (escapes and classes skipped)."""
    depth, j = 0, i
    while j < len(pattern):
        c = pattern[j]
        if c == "\\":
            j += 2
            continue
        if c == "[":
            j = _class_end(pattern, j)
            continue
        if c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth == 0:
                return j + 1
        j += 1
    return len(pattern)


def _class_end(pattern: str, i: int) -> int:
    """The index after the character class opening at ``i`` (a ``]`` first in the class is literal)."""
    j = i + 1
    if j < len(pattern) and pattern[j] == "^":
        j += 1
    if j < len(pattern) and pattern[j] == "]":
        j += 1
    while j < len(pattern) and pattern[j] != "]":
        j += 2 if pattern[j] == "\\" else 1
    return min(j + 1, len(pattern))


def compile_rule_regex(pattern: str, flags: int = 0, *, linear: bool = True) -> re.Pattern[str] | LinearPattern:
    """Compile a rule's regex (``re.error`` if Python cannot); RE2-backed when RE2 matches it exactly
    (and ``linear``: False keeps Python's ``re``). Arabic and Hebrew letters take their optional marks
    (:func:`optional_marks`); errors are reported on the pattern as written, and a rewrite that would not
    compile is dropped."""
    compiled = re.compile(pattern, flags)
    marked = optional_marks(pattern)
    if marked != pattern:
        with contextlib.suppress(re.error):  # a convenience: a pattern it cannot keep valid is matched as written
            pattern, compiled = marked, re.compile(marked, flags)
    translated = to_re2(pattern) if linear else None
    if translated is None or flags & ~(re.IGNORECASE | re.MULTILINE | re.DOTALL | re.UNICODE):
        return compiled
    try:
        import re2
    except ImportError:  # pragma: no cover - a declared dependency; `re` still works (time budget)
        return compiled
    inline = "".join(f for bit, f in ((re.IGNORECASE, "i"), (re.MULTILINE, "m"), (re.DOTALL, "s")) if flags & bit)
    options = re2.Options()
    options.log_errors = False
    try:
        linear = re2.compile((f"(?{inline})" if inline else "") + translated, options)
    except re2.error:
        return compiled
    return LinearPattern(compiled, linear)


def nested_quantifiers(pattern: str, flags: int = 0) -> bool:
    """Does ``pattern`` repeat a group whose iterations can split one run of text in many ways?

    That is a repeated group (``+``, ``*``, ``{2,}``) whose body is an unbounded repeat plus only
    optional parts — ``(a+)+``, ``(\\w+\\s?)*``, ``(x+|y)+`` —: on a near-miss line ``re`` tries every
    split, exponentially many. A group with a mandatory separator (``(\\w+,)+``) is linear, not reported.
    """
    try:
        tree = _sre_parse.parse(pattern, flags)
    except re.error:
        return False
    return _has_nested(list(tree), tree.state)


_REPEATS = {_sre_parse.MAX_REPEAT, _sre_parse.MIN_REPEAT}


def _min_width(item: Any, state: Any) -> int:
    return _sre_parse.SubPattern(state, [item]).getwidth()[0]


def _splittable(items: list[Any], state: Any) -> bool:
    """Can one stretch of text be cut into iterations of ``items`` in many ways (see above)?"""
    for idx, (op, av) in enumerate(items):
        if any(_min_width(other, state) for j, other in enumerate(items) if j != idx):
            continue  # a mandatory part beside this one separates the iterations
        if op in _REPEATS and av[1] == _sre_parse.MAXREPEAT:
            return True
        if op == _sre_parse.SUBPATTERN and _splittable(list(av[-1]), state):
            return True
        if op == _sre_parse.BRANCH and any(_splittable(list(b), state) for b in av[1]):
            return True
    return False


def _has_nested(items: list[Any], state: Any) -> bool:
    for op, av in items:
        if op in _REPEATS:
            if av[1] > 1 and _splittable(list(av[2]), state):
                return True
            if _has_nested(list(av[2]), state):
                return True
        elif op == _sre_parse.SUBPATTERN:
            if _has_nested(list(av[-1]), state):
                return True
        elif op == _sre_parse.BRANCH:
            if any(_has_nested(list(b), state) for b in av[1]):
                return True
        elif op in (_sre_parse.ASSERT, _sre_parse.ASSERT_NOT) and _has_nested(list(av[1]), state):
            return True
    return False

def _regexes(matcher: Any) -> list[Any]:
    found = [matcher.regex] if matcher.regex is not None else []
    for member in matcher.members:
        found += _regexes(member)
    return found


def slow_regex_warnings(ruleset: Any) -> list[str]:
    """``FILE:LINE: rule ID: …`` for every rule regex (or ``scope.urls`` pattern) with nested quantifiers."""
    out = []
    for rule in ruleset.all_rules:
        for pattern in [*_regexes(rule.matcher), *rule.scope.urls]:
            if nested_quantifiers(pattern.pattern, pattern.flags):
                how = (
                    "RE2 matches it in linear time here"
                    if isinstance(pattern, LinearPattern)
                    else "it runs on Python's backtracking re (lookaround, backreference or \\b), bounded only "
                    "by the per-document time budget"
                )
                out.append(
                    f"{rule.file}:{rule.line}: rule {rule.id}: regex {pattern.pattern!r} has nested quantifiers "
                    f"(a repeated group holding a repeat): it can take exponential time on a near-miss line; {how}"
                )
    return out




def fold_map(view: str) -> tuple[str, list[int] | None]:
    """``view`` with whitespace folded as the output folds it, and each folded character's offset in
    ``view`` (None when folding changes nothing, the common case: no map is built)."""
    folded = " ".join(view.split())  # in C: much cheaper than any regex test for odd whitespace
    if folded == view:
        return view, None
    back: list[int] = []
    for m in _WORDS.finditer(view):
        if back:
            back.append(m.start() - 1)
        back.extend(range(m.start(), m.end()))
    return folded, back


_WORDS = re.compile(r"\S+")


def mark_folded(u: Unit) -> None:
    """Record that ``u``'s text is its own fold (no whitespace to fold: an extracted page's line), so
    :func:`unit_fold` does not fold it."""
    u._fold = (u.text, u.text, None)


def folded_text(u: Unit) -> str:
    """``" ".join(u.text.split())``: read from the fold kept on the unit when it is for its current text
    (:func:`mark_folded`, :func:`unit_fold`), else folded (without building a map)."""
    got = u._fold
    if got is not None and got[0] is u.text:
        return got[1]
    return " ".join(u.text.split())


def unit_fold(u: Unit) -> tuple[str, list[int] | None]:
    """:func:`fold_map` of ``u``'s current text, kept on the unit for that text: the rule index scans it
    and every regex rule runs on it, pass after pass, so it is folded once per text, not once per use."""
    got = u._fold
    if got is None or got[0] is not u.text:
        got = u._fold = (u.text, *fold_map(u.text))
    return got[1], got[2]
