"""feed-cleaner: turn scraped pages and aggregator feed items into clean article text.

The core is pure: :func:`clean` takes text (plus compiled rules) and returns a :class:`Result`
holding the clean text and every removal (rule id or duplicate, span, score, reason).
"""

from cleaner.core import clean
from cleaner.result import Options, Removal, Result
from cleaner.rules import RuleLoadError, RuleSet, default_rules, load_rules

__all__ = ["clean", "load_rules", "default_rules", "Result", "Removal", "Options", "RuleSet", "RuleLoadError"]
__version__ = "0.1.0"
