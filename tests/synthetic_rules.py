"""A large generated rule pack: many sites' disclaimers, newsletter prompts and furniture.

Used to check that rule cost does not grow with the number of rules (benchmarks/bench_text.py) and
that the prefilter never changes a result with many rules loaded (tests/test_prefilter.py). Most rules
are scoped to one of ``sites`` fake domains (``site{n}.example``), as a site's own pack would be; a
share is unscoped (literal, regex and whole-block rules only: an unscoped fuzzy disclaimer would hit
ordinary prose). Every rule has inline tests, so the pack also passes ``cleaner rules test``.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

_NAME_PARTS = [
    *("Coin", "Market", "Chain", "Ledger", "Token", "Block", "Crypto", "Finance", "Daily", "Wire"),
    *("Pulse", "Street", "Capital", "Trade", "Signal", "Beacon", "Ether", "Satoshi", "Orbit", "Vault"),
]
_LITERALS = (
    "Follow {S} on social media for the latest market updates and exclusive interviews.",
    "Get the {S} app for real-time prices, alerts and breaking news on the go.",
    "Join the {S} community on Telegram to discuss this story with other readers.",
    "This story was first published on {S} and is republished with permission.",
    "Sponsored content provided by {S} partners; the editorial team was not involved.",
)
# (regex, an input it matches)
_REGEXES = (
    (
        r"(?m)^[^\S\n]*(?:Subscribe to|Sign up for) the {S} (?:newsletter|briefing)\b[^\n]{{0,80}}$",
        "Subscribe to the {S} newsletter today",
    ),
    (
        r"©[^\S\n]*\d{{4}}[^\S\n]+{S}(?: Media| Group)?\.?[^\S\n]+All rights reserved\.?",
        "© 2025 {S} Media. All rights reserved.",
    ),
    (r"(?m)^[^\S\n]*Read more on {S}:[^\n]{{1,120}}$", "Read more on {S}: the full story"),
    (r"\bPrices? (?:data )?(?:provided|supplied) by {S}\b[^.\n]{{0,60}}\.", "Prices provided by {S} as of today."),
)
_FUZZY = (
    ("Information published on {S}", "Content on {S}", "Articles and analysis on {S}"),
    (
        "does not constitute investment advice;",
        "is not financial advice or a recommendation to buy or sell;",
        "should not be taken as investment, legal or tax advice;",
    ),
    (
        "{S} and its contributors accept no liability for losses arising from the use of this content.",
        "{S} is not responsible for any trading decisions made on the basis of this material.",
        "readers should seek independent professional advice before acting on it.",
    ),
    (
        "Always do your own research.",
        "Past performance is not a reliable indicator of future results.",
        "Invest only what you can afford to lose.",
    ),
)
_BLOCKS = ("{S} newsroom", "More from {S}", "{S} Premium", "Listen to the {S} podcast", "{S} market data")
_BODY = "Body text of the article."


def site_url(n: int) -> str:
    return f"https://site{n}.example/news/{n}"


def synthetic_pack(n: int = 1000, *, sites: int = 150, unscoped_share: float = 0.1, seed: int = 11) -> dict:
    """A rule pack (as YAML data) of ``n`` generated rules."""
    rnd = random.Random(seed)
    rules = []
    for k in range(n):
        scoped = rnd.random() >= unscoped_share
        site = rnd.randrange(sites)
        if scoped:
            name = f"{_NAME_PARTS[site % 20]}{_NAME_PARTS[(site // 20) % 20]} {site}"
            kinds = ("literal", "regex", "fuzzy", "block")
        else:
            name = f"{rnd.choice(_NAME_PARTS)}{rnd.choice(_NAME_PARTS)} Network {k}"
            kinds = ("literal", "regex", "block")
        kind = kinds[k % len(kinds)]
        rule: dict = {"id": f"synthetic.r{k}", "description": f"generated {kind} rule {k} ({name})"}
        if scoped:
            rule["scope"] = {"domains": [f"site{site}.example"]}
        keep = f"{_BODY} Nothing to remove here."
        if kind == "literal":
            text = rnd.choice(_LITERALS).format(S=name)
            rule["match"] = {"literal": text}
        elif kind == "regex":
            pattern, text = rnd.choice(_REGEXES)
            rule["match"] = {"regex": pattern.format(S=name)}
            text = text.format(S=name)
        elif kind == "fuzzy":
            text = " ".join(rnd.choice(part).format(S=name) for part in _FUZZY)
            rule["match"] = {"fuzzy": text, "scorer": "partial_ratio", "threshold": 90, "min_length": 80}
        else:
            text = rnd.choice(_BLOCKS).format(S=name)
            rule["match"] = {"literal": text, "whole_block": True}
            rule["action"] = "remove_block"
            keep = f"{_BODY} {text} is mentioned inside a sentence."
        tests = [{"input": f"{_BODY}\n{text}", "output": _BODY}, {"input": keep}]
        if scoped:
            for t in tests:
                t["url"] = site_url(site)
        rule["tests"] = tests
        rules.append(rule)
    return {"pack": "synthetic", "description": f"{n} generated rules for scaling checks", "rules": rules}


def write_synthetic_pack(folder: Path, n: int = 1000, **kwargs) -> Path:
    """Write :func:`synthetic_pack` to ``folder/synthetic.yaml`` and return the path."""
    path = Path(folder) / "synthetic.yaml"
    path.write_text(yaml.safe_dump(synthetic_pack(n, **kwargs), allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path
