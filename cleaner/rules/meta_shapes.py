"""Meta-line counters: a post's view, comment and like counts in the line that carries its date.

Board and blog software prints a meta line under a post's title or at its foot: the date, sometimes the author
or the category, and the counters ("币圈资讯 阅读:44 2024-04-22 11:41:19 评论:0", "时间:2025-03-07 阅读数:52人阅读", "12
października 2010 0 0", "조회 수 172 추천 수 0 댓글 0"). POLICY B2 removes the bare counters and keeps the date (D1),
so the counters go as spans of the line and the rest stays.

A counter is told by its shape, not its wording: a label word, a colon and a count ("阅读:44", "Views:
1,204"); a count and one word ("0 likes", "· 4 comments"); or a bare count after the date; and what follows it is
the line's end, a separator, a number or the next counter, never a unit, a sign or a currency ("15 min",
"12GB", "25°C", "60,000₩"). One such shape alone proves nothing ("Population: 1234" in a fact box, "2 eggs" in
a recipe, "Lakers: 112 Celtics: 108", "Yes: 4,512 No: 3,020"), so the line must show itself as a post's meta
line: short, made of dates, times, counters and at most a few other words, with a calendar date on it. A line
of three or more label-count pairs and nothing else ("조회 수 172 추천 수 0 댓글 0") is a counter bar and goes whole
among the page's first lines (not under a title: a standings line "Wins 10 Losses 2 Draws 3" stays) or in its
foot, and so does a line of two to four bare counts with a 0 in the foot under a short line ("0 0" under a
share prompt; a tennis score's "6 4 6" stays). A counter alone on its line goes when it stands between the
post's dateline or title and its first paragraph ("123 citiri" under "Miercuri, 19 Octombrie 2016, ora 03:42";
a colon counter needs three digits: "Rating: 8" stays).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from cleaner.rules.line_shapes import bulleted, unbulleted
from cleaner.rules.shape_vocab import YEAR, ends_sentence

__all__ = ["META_CANDIDATES", "META_SHAPES"]

Span = tuple[int, int]
Evidence = tuple[float, str] | tuple[float, str, list[Span]]

_MAX_LINE = 120
_EDGE = 10  # blocks from either end of the page where a meta line stands (under the title, at the foot)
_MAX_OTHER_WORDS = 4  # words on a meta line besides dates, times and counters (a category, an author)

_COUNT = r"\d{1,3}(?:[,.\u00a0]\d{3})+|\d{1,7}"
# a count in thousands or millions alone on its line with its word ("2.4k Преглеждания", fresh f32-07): a lone
# counter only under a dateline (under a title it is a race, "21.1K Results", or a sum, "2.5M dollars")
_THOUSANDS_WORD = re.compile(r"\d{1,3}[.,]\d[kKmM]\s[^\W\d_]{2,15}")
_DATE = re.compile(
    r"\d{4}[-/.年]\s?\d{1,2}[-/.月]\s?\d{1,2}日?"  # 2024-04-22, 2024年4月22日
    r"|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"  # 22.04.2024
    r"|\d{4}년\s?\d{1,2}월\s?\d{1,2}일"  # 2025년 01월 24일
    r"|\d{1,2}\.?\s[^\W\d_]{3,12}\.?,?\s\d{4}"  # 12 października 2010, 5. März 2024
    r"|[^\W\d_]{3,12}\.?\s\d{1,2},?\s\d{4}"  # October 12, 2010
    r"|(?<![\d:])(?:[01]?\d|2[0-3]):[0-5]\d(?::[0-5]\d)?(?![\d:])"  # 11:41:19 (a clock time, not a lap's 52:10)
)
# "阅读:44", "Views: 1,204", "阅读数:52人阅读": a label word (no digits), a colon, a count, a unit of an
# unspaced script ("人阅读"), then the line's end, a separator, a number or the next counter: not a
# unit ("Prep time: 15 min", "RAM: 12GB", "High: 25°C") and not a price ("VIP : 60,000₩", "Preis: 100 €")
_MONEY = "$€£¥₩₹₽₺₴₦₱₫฿%"
_NEXT = r"(?=\s*$|\s*[|·•,]|\s+[/–—-]\s|\s+\d|\s+[^\W\d_]{1,14}(?:\s[^\W\d_]{1,14})?\s?[:：]\s?\d)"
_COLON_COUNTER = re.compile(
    rf"(?<![\w:：])[^\W\d_]{{1,14}}\s?[:：]\s?(?![{_MONEY}])(?:{_COUNT})(?:[\u3040-\u9fff]{{1,3}})?{_NEXT}"
)
# a colon counter that is a whole line, its label of one or two words ("Число просмотров: 9223")
_LONE_COLON = re.compile(rf"[^\W\d_]{{1,14}}(?:\s[^\W\d_]{{1,14}})?\s?[:：]\s?(?![{_MONEY}])(?:{_COUNT})")
# "0 likes", "4 comments": a count and one word, then the line's end, a separator or a count (not "3 hours
# ago", not "15 ounce) pumpkin", not a post's number: "#1 Le 27/04/2018, à 09:44", f30-14)
_COUNT_WORD = re.compile(rf"(?<![\w:：.,/(#№-])(?:{_COUNT})\s[^\W\d_]{{2,15}}{_NEXT}")
_BARE = re.compile(r"(?<![\w:：.,/#№-])\d{1,6}(?![\w:：.,/-])")
_CLOCK = re.compile(r"[\d:]+")
_PAIR = re.compile(rf"[^\W\d_]+(?:\s[^\W\d_]+)?\s(?:{_COUNT})")
_PAIRS_LINE = re.compile(rf"^(?:{_PAIR.pattern})(?:\s+(?:{_PAIR.pattern})){{2,}}$")
_BARE_LINE = re.compile(r"^\d{1,4}(?:\s\d{1,4}){1,3}$")
_BAR_EDGE = 3
_SEPARATORS = re.compile(r"[|·•/\-–—,]+")


def _near_edge(blocks: Sequence[str], i: int) -> bool:
    return i < _EDGE or i >= len(blocks) - _EDGE


def _numeric(line: str) -> bool:
    s = line.strip()
    return bool(s) and all(c.isdigit() or c in " .,%+-" for c in s)


def _counter_bar(blocks: Sequence[str], i: int) -> Evidence | None:
    """A whole line of label-count pairs among the page's first three lines (not under a title) or in its
    foot ("조회 수 172 추천 수 0 댓글 0"), or of bare counts, one of them 0 (what a share widget shows when
    its script did not run: "0 0"), in the foot under a short line; the foot is the last three lines with
    no figures below. Elsewhere the same shapes are a standings line under a title ("Wins 10 Losses 2
    Draws 3") or a tennis score's sets ("6 4 6"), which stay."""
    s = " ".join(blocks[i].split())
    n = len(blocks)
    foot = i >= max(n - _BAR_EDGE, _BAR_EDGE) and not any(_numeric(b) for b in blocks[i + 1 :])
    if _PAIRS_LINE.match(s) and not _DATE.search(s):
        head = i < _BAR_EDGE and not (i > 0 and len(blocks[i - 1].split()) >= 4)  # not under the title
        if head or foot:
            return 85.0, "counter bar: a line of three or more label-count pairs"
    if _BARE_LINE.match(s) and foot and i > 0 and "0" in s.split() and not any(YEAR.match(t) for t in s.split()):
        above = blocks[i - 1].strip()
        if above and not _numeric(above) and len(above.split()) <= 4:
            return 80.0, "counter bar: bare counts under a short line at the page's foot"
    return None


def _lone_counter(blocks: Sequence[str], i: int) -> Evidence | None:
    """A counter alone on its line ("123 citiri", "Число просмотров: 9223") between the post's dateline or
    title and its first paragraph, near the head: a fact box's "Population: 1234" has no prose under it,
    a recipe's "2 eggs" no title or dateline over it."""
    s = " ".join(blocks[i].split())
    bullet = bulleted(s)  # ("  • 2.4k Преглеждания" under "  • 20:35, 2 November 2023")
    if bullet:
        s = unbulleted(s)
    colon = _LONE_COLON.fullmatch(s)
    if colon and sum(c.isdigit() for c in s) < 3:
        colon = None  # a rating or a score ("Rating: 8"), not a view count
    thousands = not colon and _THOUSANDS_WORD.fullmatch(s) is not None
    if i == 0 or i + 1 >= len(blocks) or i >= _EDGE or not (colon or thousands or _COUNT_WORD.fullmatch(s)):
        return None
    above, below = " ".join(blocks[i - 1].split()), blocks[i + 1].strip()
    dated = sum(e - s_ for s_, e in (m.span() for m in _DATE.finditer(above))) >= 0.3 * len(above) > 0
    if (bullet or thousands) and not (dated and (bulleted(above) or not bullet)):
        return None  # a bulleted count is a meta list's item under its bulleted dateline ("• 4 bedrooms" is a fact)
    titled = 4 <= len(above.split()) <= 30 and not ends_sentence(above)
    prose = len(below.split()) >= 12 or (len(below.split()) >= 8 and ends_sentence(below))
    if not (dated or titled) or not prose or YEAR.match(s.split()[0]):
        return None
    return 80.0, f"lone counter under the post's {'dateline' if dated else 'title'}, over its first paragraph"


def _meta_counters(blocks: Sequence[str], i: int, _: int) -> Evidence | None:
    """The counters of a post's meta line (spans), or a whole counter bar (the block)."""
    line = blocks[i]
    if len(line) > _MAX_LINE or not _near_edge(blocks, i):
        return None
    bar = _counter_bar(blocks, i) or _lone_counter(blocks, i)
    if bar is not None:
        return bar
    dates = [m.span() for m in _DATE.finditer(line)]

    def free(s: int, e: int) -> bool:
        return not any(s < de and ds < e for ds, de in dates)

    if not any(not _CLOCK.fullmatch(line[s:e]) for s, e in dates):
        # counters only beside a calendar date: beside a clock time alone, or none, the same shapes are a
        # race's splits ("15 km - 52:10 (17:24)"), a score ("Lakers: 112 Celtics: 108"), a vote's results
        # ("Yes: 4,512 No: 3,020") or a match's facts ("Kick-off 15:00 Attendance: 60,260")
        return None
    counters = [_colon_span(line, m) for m in _COLON_COUNTER.finditer(line) if free(*m.span())]
    # not a count whose word leads into a date: a document's number ("Постановление 476 от 04.07.2025", f32-18)
    dated = {ds for ds, _ in dates}
    words = [
        m.span() for m in _COUNT_WORD.finditer(line) if free(*m.span()) and _next_start(line, m.end()) not in dated
    ]
    counters += [w for w in words if not _overlaps(w, counters)]
    tail = [m.span() for m in _BARE.finditer(line) if m.start() >= dates[-1][1] and free(*m.span())]
    if len(tail) >= 2 and not any(YEAR.match(line[s:e]) for s, e in tail):
        counters += [t for t in tail if not _overlaps(t, counters)]  # "12 października 2010 0 0"
    if not counters:
        return None
    rest = line
    for s, e in sorted(dates + counters, reverse=True):
        rest = rest[:s] + " " + rest[e:]
    if len(_SEPARATORS.sub(" ", rest).split()) > _MAX_OTHER_WORDS:
        return None  # a sentence with figures in it, not a meta line
    spans = _merged(sorted(counters), line)
    return 85.0, f"meta line: {len(counters)} counter(s) beside the post's date", spans


def _next_start(line: str, i: int) -> int:
    """Where the next non-space character after ``i`` stands (the line's length when none does)."""
    return len(line) - len(line[i:].lstrip())


def _colon_span(line: str, m: re.Match[str]) -> Span:
    """The counter's span, with the label's first word when the label has two and opens the line or follows
    a separator ("조회 수: 172", "| Lượt xem: 12"); elsewhere the word before is the line's (an author's name:
    "by admin Views: 1,204") and stays, and so does a category before a Chinese label ("币圈资讯 阅读:44")."""
    s, e = m.span()
    before = _PREV_WORD.search(line, 0, s)
    if before and not line[: before.start()].strip(" |·•,/–—-") and not _HAN_KANA.search(before.group()):
        s = before.start()  # (Chinese and Japanese put no space inside a label: "币圈资讯 阅读" is two items)
    return s, e


_PREV_WORD = re.compile(r"[^\W\d_]{1,14}\s$")
_HAN_KANA = re.compile("[\u3040-\u30ff\u3400-\u9fff]")


def _overlaps(span: Span, spans: list[Span]) -> bool:
    return any(span[0] < e and s < span[1] for s, e in spans)


def _merged(spans: list[Span], line: str) -> list[Span]:
    """Adjacent counters ("0 0") as one span: only whitespace between them."""
    out: list[Span] = []
    for s, e in spans:
        if out and not line[out[-1][1] : s].strip():
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


META_SHAPES = {"meta-counters": _meta_counters}
# (the digit test by C maps: a generator stepped per character cost more than the rest of the shape's tests)
META_CANDIDATES = {"meta-counters": lambda line: len(line) <= _MAX_LINE and any(map(str.isdigit, line))}
