"""The vocabulary of HTML extraction, kept as data: which tags, roles and class/id words mean what.

The stage modules of :mod:`cleaner.html` (``prune``, ``walk``, ``content``, ``extract``) hold the
mechanism; everything here is a list that can grow when a new site names its furniture differently.
Class/id words are matched as whole words inside the lower-cased ``class`` + ``id`` string
(``share-bar``, ``post_comments`` and ``cookieConsent`` all match), so a word here must be specific
enough not to hit content wrappers (``comment`` matches ``comments`` but not ``commentary``).
"""

from __future__ import annotations

import re

# Never content: dropped with their subtree before anything else (tail text is kept).
JUNK_TAGS: tuple[str, ...] = (
    "script", "style", "noscript", "template", "svg", "math", "iframe", "object", "embed", "canvas",
    "video", "audio", "input", "button", "select", "textarea", "option", "datalist", "label", "dialog",
    "title", "base", "link", "meta", "map", "applet", "frameset", "frame", "source", "track", "picture",
)

# Furniture by tag. <header>/<footer> inside an article hold its title, byline, tags and share bar,
# none of which is body text; a header/footer that holds most of the page's text is kept as a wrapper.
FURNITURE_TAGS: frozenset[str] = frozenset({"nav", "aside", "header", "footer", "form", "menu", "fieldset"})

FURNITURE_ROLES: frozenset[str] = frozenset({
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog", "alertdialog", "menu",
    "menubar", "toolbar", "tablist", "form",
})

# Elements that protect their ancestors from the class vocabulary when they hold real text (a wrapper
# named "widget" around <main> is not furniture). Not <article>: sidebars hold teaser <article>s.
ANCHOR_TAGS: frozenset[str] = frozenset({"main"})

# Elements never removed as furniture (the document and the strongest content markers).
NEVER_FURNITURE: frozenset[str] = frozenset({"html", "head", "body", "article", "main"})

# Strong words: furniture whatever else the class says.
_FURNITURE_STRONG = (
    # comments and reader reactions
    "comments?", "comment-list", "commentlist", "comments-\\w+", "disqus", "respond", "replies", "reactions",
    # sharing and social
    "share", "shares", "sharing", "sharebar", "share-?buttons?", "share-\\w+", "social", "socials",
    "social-\\w+", "addthis", "sociable", "follow-us", "action-?bar", "actionbar", "post-actions",
    "article-actions", "engagement-?bar",
    # related / recommended / more
    "related", "related-?\\w+", "recommended", "recommendations?", "recirc", "more-stories",
    "more-articles", "also-read", "read-?also", "read-?next", "up-?next", "trending", "most-popular",
    "most-read", "outbrain", "taboola", "zergnet", "around-the-web",
    # subscriptions, newsletters, promos
    "newsletter", "newsletters", "newsletter-\\w+", "subscribe", "signup", "sign-up", "donate",
    # cookie / consent banners
    "cookies?", "cookie-?\\w+", "consent", "gdpr", "cmp", "onetrust",
    # ads
    "ad", "ads", "adv", "advert", "adverts", "advertisement", "advertising", "adsense", "adslot",
    "ad-?slot", "ad-?unit", "ad-?container", "ad-?wrapper", "dfp", "gpt-ad", "sponsored",
    # overlays, galleries and navigation aids
    "modal", "popup", "lightbox", "[a-z]*gallery[a-z]*", "galleries", "slideshow", "carousel",
    "breadcrumbs?", "skip-?link", "screen-reader-text", "sr-only",
    "visually-hidden", "visuallyhidden",
)
# The strong words that name a comment thread: the only class words the relaxed pass of the recall
# safety net still obeys (a thread's prose is never the article's), and what page_prose skips.
COMMENT_RE = re.compile(
    r"(?<![a-z0-9])(?:comments?|comment-list|commentlist|comments-[a-z0-9-]+|disqus[a-z0-9-]*|respond|"
    r"replies|reactions)(?![a-z0-9])"
)
# Weak words: furniture unless the class also names content ("content-with-sidebar", "main-header").
_FURNITURE_WEAK = (
    "nav", "navbar", "navigation", "menu", "pagination", "pager", "masthead", "topbar", "toolbar",
    "site-header", "site-footer", "footer", "header", "sidebar", "side-?bar", "widget", "widgets", "rail",
    "right-?rail", "aside", "overlay", "promo", "promos", "cta", "subscription", "popular", "sponsor",
    "tags", "tag-?list", "tag-?cloud", "author-?bio", "author-?box", "about-?the-?author", "print",
    # the line of metadata under a headline (source, categories, share counts): not body text. A box
    # named for the byline, the dateline or the timestamp is not furniture: POLICY.md D1 keeps "byline,
    # dateline and timestamps" (Dragnet's references do too; AEB's leave most of them out).
    "meta", "metadata", "date", "published", "pubdate", "author", "authors",
    "author-?info", "post-?info", "article-?info", "entry-?meta", "post-?meta", "article-?meta", "news-?meta",
)


def _expand(pattern: str) -> list[str]:
    """The literal words of a pattern that only uses optional single characters ("share-?buttons?")."""
    words = [""]
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        optional = i + 1 < len(pattern) and pattern[i + 1] == "?"
        words = [w + ch for w in words] + (words if optional else [])
        i += 2 if optional else 1
    return words


def _trie(words: list[str]) -> str:
    """An alternation of literal words as a trie ("ad|ads|advert" → "ad(?:s|vert)?"): Python's regex
    engine then follows one branch per letter instead of trying every word at every position."""
    root: dict = {}
    for w in words:
        node = root
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        if "" not in node:
            return body
        return body + "?" if len(branches) == 1 and len(branches[0]) == 1 else "(?:" + body + ")?"

    return build(root)


def word_regex(patterns: tuple[str, ...] | str, start: str = r"(?<![a-z0-9])", end: str = "") -> re.Pattern:
    """One regex for a word list: literal words (with optional characters) as a trie, open-ended
    patterns ("related-?\\w+", "[a-z]*gallery[a-z]*") as they are; whole words of a class/id string."""
    if isinstance(patterns, str):
        patterns = tuple(patterns.split("|"))
    literal = [w for p in patterns if not re.search(r"\\w|\[", p) for w in _expand(p)]
    open_ended = [p for p in patterns if re.search(r"\\w|\[", p)]
    body = "|".join(filter(None, [_trie(literal), *open_ended]))
    return re.compile(start + "(?:" + body + r")(?![a-z0-9])" + end)


# "non-ad-column", "no-sidebar": a negated word names the opposite.
# Page-state flags name the page, not a box: "has-ads", "show-comments", "ads-enabled", "ad-free".
_WORD_START = r"(?<![a-z0-9])" + "".join(
    f"(?<!{w}-)" for w in ("non", "no", "without", "has", "with", "show", "hide", "disable", "enable")
)
_WORD_END = r"(?!-(?:enabled|disabled|loaded|free|ready|active|on|off|allowed|open|closed)(?![a-z0-9]))"
FURNITURE_STRONG_RE = word_regex(_FURNITURE_STRONG, _WORD_START, _WORD_END)
FURNITURE_WEAK_RE = word_regex(_FURNITURE_WEAK, _WORD_START, _WORD_END)
CONTENT_WORD_RE = re.compile(r"article|body|column|content|main|shadow|story|entry|post")

# Class/id words that veto the furniture vocabulary ("article-body has-share-bar" is the body).
_CONTENT_STRONG = (
    r"hentry|h-entry|article-?body|articlebody|article-?content|article-?text|post-?body|post-?content|"
    r"entry-?content|story-?body|story-?content|main-?content|body-?text|content-?body|rich-?text|"
    # embedded posts quoted by the article (a tweet the story is about) are content, social or not
    r"[a-z]*embed|embedded|twitter-tweet|instagram-media|tiktok-embed"
)
CONTENT_STRONG_RE = word_regex(_CONTENT_STRONG)

# Scoring hints (Readability's lists, extended).
POSITIVE_RE = re.compile(
    r"article|body|content|entry|hentry|h-entry|main|page|post|text|blog|story|prose|paragraph"
)
NEGATIVE_RE = re.compile(
    r"-ad-|hidden|banner|combx|comment|contact|foot|footer|footnote|gdpr|masthead|media|meta|outbrain|"
    r"promo|related|scroll|share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|teaser|"
    r"recommend|newsletter|subscribe|caption|credit"
)

# Class words that make a block a caption (left out of the text by default, like <figcaption>).
CAPTION_CLASS_RE = re.compile(
    r"(?<![a-z0-9])(?:caption|captions|[a-z]+-caption|caption-[a-z]+|wp-caption-text|credit|credits|"
    r"photo-?credit|image-?credit|img-?credit)(?![a-z0-9])"
)

# Whole blocks that are a widget's label, not text (compared in _norm_key form: lower case, no punctuation).
UI_LABELS: frozenset[str] = frozenset({
    "advertisement", "advertisements", "advert", "adverts", "ad", "ads", "sponsored", "sponsored content",
    "anzeige", "werbung", "publicité", "publicidad", "pubblicità", "publicidade", "реклама", "advertentie",
    "caption", "close", "open", "expand", "collapse", "share", "print", "email", "e mail", "comments", "comment",
    "loading", "scroll to continue with content", "this slideshow requires javascript",
    "continue reading", "continue reading below", "story continues below", "article continues below",
    "skip advertisement", "skip ad", "toggle caption", "hide caption", "show caption", "enlarge this image",
    "image", "photo", "video", "play video", "watch", "listen", "view gallery",
})
CAPTION_MAX = 600  # characters (whitespace included): a caption-named element holding more is a container
UI_LABEL_MAX = 40  # characters: longer blocks are never just a label

HIDDEN_STYLE_RE = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)

BYLINE_RE = re.compile(r"(?<![a-z])(?:byline|author|author-?name|writer)(?![a-z])", re.IGNORECASE)

# Inline tags: their text joins the surrounding block. Every other tag — including unknown and custom
# elements (<block>, <amp-story>, <my-widget>), which are components far more often than phrases —
# starts a block of its own.
INLINE_TAGS: frozenset[str] = frozenset({
    "a", "abbr", "acronym", "b", "bdi", "bdo", "big", "cite", "code", "data", "del", "dfn", "em", "font",
    "i", "img", "ins", "kbd", "mark", "nobr", "q", "rp", "rt", "ruby", "s", "samp", "small", "span",
    "strike", "strong", "sub", "sup", "time", "tt", "u", "var", "wbr", "br", "image", "blink", "marquee",
    "o:p", "meter", "progress", "slot",
})

# Block-level tags (documentation of intent; anything not inline is treated as a block).
BLOCK_TAGS: frozenset[str] = frozenset({
    "html", "body", "p", "div", "section", "article", "main", "header", "footer", "nav", "aside",
    "h1", "h2", "h3", "h4", "h5", "h6", "hgroup", "ul", "ol", "li", "dl", "dt", "dd", "menu",
    "blockquote", "pre", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption",
    "figure", "figcaption", "hr", "form", "fieldset", "legend", "address", "center", "details", "summary",
    "output",
})

# Tags that give a block its kind (inherited by block descendants: a <p> inside <li> is a list item).
BLOCK_KIND: dict[str, str] = {
    **{f"h{i}": "heading" for i in range(1, 7)},
    "li": "list_item", "dt": "list_item", "dd": "list_item",
    "pre": "code", "figcaption": "caption", "caption": "caption",
}

LIST_TAGS: frozenset[str] = frozenset({"ul", "ol", "dl", "menu"})

# A table cell holding one of these is layout, not data: the table is walked as containers.
LAYOUT_TAGS: frozenset[str] = frozenset({
    "p", "div", "table", "ul", "ol", "dl", "blockquote", "pre", "section", "article", "h1", "h2", "h3",
    "h4", "h5", "h6", "figure",
})

# Paragraph-like owners vote for their parent (other owners hold their text directly and vote for
# themselves).
PARAGRAPH_TAGS: frozenset[str] = frozenset({
    "p", "pre", "td", "th", "tr", "li", "dd", "dt", "blockquote", "figcaption", "caption",
    "h1", "h2", "h3", "h4", "h5", "h6", "address",
})

# Initial candidate scores by tag (Readability's, plus the HTML5 content elements).
TAG_SCORE: dict[str, int] = {
    "div": 5, "article": 15, "main": 10, "section": 3, "pre": 3, "td": 3, "blockquote": 3,
    "address": -3, "ol": -3, "ul": -3, "dl": -3, "dd": -3, "dt": -3, "li": -3, "form": -3,
    "h1": -5, "h2": -5, "h3": -5, "h4": -5, "h5": -5, "h6": -5, "th": -5, "body": -5,
}

THREAD_LABEL_MAX = 40  # characters: a comment-named element this short is a label ("25 Comments")
THREAD_ARTICLE_MIN = 500  # characters before such a label in its parent: then the siblings after it are the thread
SLUG_MIN_PARTS = 4  # an id of this many hyphenated words is a heading anchor (a slug), never furniture
ANCHOR_MIN_TEXT = 200  # an element naming itself the article body protects its ancestors from this much text
RETRY_BELOW = 500  # characters: less extracted text than this triggers a retry without the class vocabulary
MIN_NAMED_TEXT = 200  # characters an element needs before a content-sounding class name earns a bonus
NON_PROSE_WEIGHT = 3.0  # widening: cost of a non-prose character
WIDEN_MIN_GROWTH = 2.0  # widen only for this much more prose
SMALL_FURNITURE = 200  # characters: a furniture-named element with a content name too is removed when smaller
REPEAT_MIN = 60  # characters: shorter blocks may repeat freely ("Read more", a price)
REPEAT_ALONE = 200  # characters: a repeated block this long goes even when its neighbours are new
MIN_PARAGRAPH = 25  # characters; shorter text does not vote for its container
MAX_LINK_DENSITY = 0.5  # a block whose text is at least this share of link text is navigation
MAX_LINK_DENSITY_SENTENCE = 0.8  # … unless it is a finished sentence of 50+ characters with some plain text
WRAPPER_SHARE = 0.5  # a "furniture" element holding more than this share of the page's text is a wrapper
STRONG_WRAPPER_SHARE = 0.8  # in the retry, even strong words do not take an element holding this share

LD_ARTICLE_TYPES: frozenset[str] = frozenset({
    "Article", "NewsArticle", "BlogPosting", "Report", "ScholarlyArticle", "TechArticle", "AnalysisNewsArticle",
    "OpinionNewsArticle", "ReportageNewsArticle", "ReviewNewsArticle", "BackgroundNewsArticle", "LiveBlogPosting",
    "SocialMediaPosting", "Review", "WebPage", "MedicalWebPage", "Blog", "HowTo", "Recipe",
})

META_AUTHOR: tuple[str, ...] = ("author", "article:author", "dc.creator", "byl", "parsely-author", "sailthru.author")
META_DATE: tuple[str, ...] = (
    "article:published_time", "og:published_time", "datepublished", "date", "pubdate", "publishdate",
    "dc.date", "dc.date.issued", "dcterms.created", "sailthru.date", "parsely-pub-date", "article.published",
)
