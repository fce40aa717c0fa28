"""Which URLs of an undeclared portal are articles: a prior from the URL's shape, and a pattern learned from
URLs known to be articles.

Vietnamese portals give their articles a slug with an id (`…-a1050912.html`, `…-post812345.html`,
`/<section>/202103/<slug>-1050912/`, `…-a1b2c3d/`), often a `.html`/`.htm` ending or date folders; sections,
tags, topics, pagination and the site's own pages look different. `url_shape` reduces a path to a signature
of segment classes; `learn_article_pattern` turns the signatures of confirmed article URLs into a regular
expression over the path (the form `Family.article_url` takes), so listing links can be judged by it.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from urllib.parse import urlsplit

_EXTENSIONS = (".html", ".htm", ".aspx", ".php", ".bbg", ".shtml")
_STATIC = re.compile(
    r"\.(?:jpe?g|png|gif|webp|svg|ico|css|js|pdf|docx?|xlsx?|zip|rar|mp[34]|xml|rss|json|txt)$", re.I
)
_NOT_ARTICLE_SEGMENTS = frozenset(
    {
        "tag",
        "tags",
        "tu-khoa",
        "chu-de",
        "topic",
        "topics",
        "tim-kiem",
        "search",
        "tac-gia",
        "author",
        "rss",
        "feed",
        "video",
        "videos",
        "media",
        "photo",
        "podcast",
        "lien-he",
        "gioi-thieu",
        "quang-cao",
        "dang-nhap",
        "login",
        "admin",
        "assets",
        "static",
        "uploads",
        "images",
        "image",
        "epaper",
        "bao-in",
    }
)
_NOT_ARTICLE_PREFIXES = ("event", "tag", "topic", "page", "trang", "cat", "chuyenmuc", "c")
_PAGINATION = re.compile(r"(?:^|/)(?:page|trang|p)[-_/]?\d+(?:\.html?)?/?$|[?&](?:page|p|trang)=\d+", re.I)
_ID_TOKEN = re.compile(
    r"^(?P<prefix>[a-z]{0,7}?)(?P<id>\d{3,20})$|^(?P<hex>(?=[0-9a-f]*[a-f])(?=[0-9a-f]*\d)[0-9a-f]{6,16})$"
)
_WORD = re.compile(r"^[A-Za-z0-9_]+(?:[-_.][A-Za-z0-9_]+)*$")


@dataclass(frozen=True, slots=True)
class Segment:
    """One path segment's class: `word` (a section, a slug without id), `yyyymm`, `year`, `num`, `date8`, or
    `slug-id` (a slug ending in an id, with the id's prefix letters, kind and the segment's extension)."""

    kind: str
    prefix: str = ""
    id_kind: str = ""  # "num" or "hex"
    ext: str = ""

    def regex(self, id_lengths: tuple[int, int], name_id: bool) -> str:
        low, _high = id_lengths
        if self.kind == "yyyymm":
            return r"(?:19|20)\d{2}(?:0[1-9]|1[0-2])"
        if self.kind == "date8":
            return r"(?:19|20)\d{6}"
        if self.kind == "year":
            return r"(?:19|20)\d{2}"
        if self.kind == "num":
            return r"\d+"
        ext = re.escape(self.ext)
        if self.kind == "word":
            return rf"[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*{ext}"
        digits = rf"\d{{{max(3, low - 1)},}}" if self.id_kind == "num" else rf"[0-9a-f]{{{low},{_high}}}"
        group = f"(?P<id>{digits})" if name_id else f"(?:{digits})"
        return rf"[A-Za-z0-9_]+(?:-[A-Za-z0-9_]+)*-{re.escape(self.prefix)}{group}{ext}"


@dataclass(frozen=True, slots=True)
class Shape:
    """A path's signature: its segments' classes and whether it ends in `/`."""

    segments: tuple[Segment, ...]
    trailing_slash: bool

    @property
    def has_id(self) -> bool:
        return any(s.kind == "slug-id" for s in self.segments)


def _segment(text: str, last: bool) -> tuple[Segment, int]:
    """The class of one segment, and the length of its id (0 when it has none)."""
    lowered = text.lower()
    if re.fullmatch(r"\d{6}", text) and 1 <= int(text[4:]) <= 12 and text[:2] in ("19", "20"):
        return Segment("yyyymm"), 0
    if re.fullmatch(r"\d{8}", text) and text[:2] in ("19", "20"):
        return Segment("date8"), 0
    if re.fullmatch(r"(?:19|20)\d{2}", text):
        return Segment("year"), 0
    if text.isdigit():
        return Segment("num"), 0
    ext = next((e for e in _EXTENSIONS if lowered.endswith(e)), "")
    stem = lowered[: len(lowered) - len(ext)] if ext else lowered
    words = stem.split("-")
    if len(words) >= 2:
        match = _ID_TOKEN.match(words[-1])
        if match:
            if match.group("hex"):
                return Segment("slug-id", "", "hex", ext), len(match.group("hex"))
            return Segment("slug-id", match.group("prefix"), "num", ext), len(match.group("id"))
    return Segment("word", ext=ext), 0


def url_shape(url: str) -> Shape:
    """The signature of a URL's path (the query is not part of it)."""
    path = urlsplit(url).path or "/"
    parts = [p for p in path.split("/") if p]
    if parts and parts[-1].lower() in ("index.htm", "index.html"):
        parts = parts[:-1]
        trailing = True
    else:
        trailing = path.endswith("/")
    segments = tuple(_segment(p, i == len(parts) - 1)[0] for i, p in enumerate(parts))
    return Shape(segments, trailing)


def _id_length(url: str) -> int:
    path = urlsplit(url).path
    parts = [p for p in path.split("/") if p and p.lower() not in ("index.htm", "index.html")]
    return max((_segment(p, False)[1] for p in parts), default=0)


def is_static_or_utility(url: str) -> bool:
    """An image, script, feed or file; a tag, topic, search, author or contact page; pagination."""
    parts = urlsplit(url)
    path = parts.path or "/"
    if _STATIC.search(path) or _PAGINATION.search(path + (f"?{parts.query}" if parts.query else "")):
        return True
    segments = [s.lower() for s in path.split("/") if s]
    return any(s in _NOT_ARTICLE_SEGMENTS for s in segments[:-1]) or bool(
        segments and segments[-1].split(".")[0] in _NOT_ARTICLE_SEGMENTS
    )


def article_url_score(url: str) -> int:
    """How much a URL looks like a Vietnamese portal's article (3 and more: it does), from its shape alone.

    A slug of several words ending in an id counts most; an `.html`/`.htm` ending and date folders add; an id
    prefixed `event`/`tag`/`page`, utility paths and pagination rule a URL out.
    """
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https", "") or is_static_or_utility(url):
        return 0
    shape = url_shape(url)
    if not shape.segments:
        return 0
    score = 0
    last = shape.segments[-1]
    tail = [p for p in (parts.path or "/").split("/") if p and p.lower() not in ("index.htm", "index.html")]
    words = len(re.split(r"[-_]", tail[-1].split(".")[0])) if tail else 0
    if last.kind == "slug-id":
        if last.prefix in _NOT_ARTICLE_PREFIXES:
            return 0
        score += 2 + (words >= 4)
    elif last.kind == "word" and words >= 5:
        score += 2  # a long slug with no id (`/ten-bai-viet-rat-dai.html`)
    elif last.kind == "num" and len(tail[-1]) >= 5:
        score += 1
    if last.ext:
        score += 1
    if any(s.kind in ("yyyymm", "date8", "year") for s in shape.segments):
        score += 1
    if any(s.kind == "num" for s in shape.segments[:-1]):
        score += 1
    return score


def looks_like_article_url(url: str) -> bool:
    return article_url_score(url) >= 3


def _shape_regex(shape: Shape, id_lengths: tuple[int, int], name_id: bool) -> str:
    body = "".join("/" + s.regex(id_lengths, name_id) for s in shape.segments)
    last = shape.segments[-1] if shape.segments else None
    if shape.trailing_slash:
        tail = r"/?(?:index\.html?)?"
    elif last is not None and last.kind in ("slug-id", "word") and not last.ext:
        tail = "/?"
    else:
        tail = ""
    return body + tail


def learn_article_pattern(
    articles: Iterable[str], not_articles: Iterable[str] = (), *, min_share: float = 0.05
) -> str | None:
    """A regular expression over a URL's path that matches the given article URLs' shapes and none of the
    given non-articles; None when there are no articles to learn from.

    Each signature held by at least `min_share` of the articles (and by one at least) becomes an alternative;
    the commonest one names its id group `id`. A signature a non-article also has is dropped when it holds
    fewer articles than non-articles.
    """
    urls = list(dict.fromkeys(articles))
    if not urls:
        return None
    shapes = Counter(url_shape(u) for u in urls)
    negatives = Counter(url_shape(u) for u in not_articles)
    least = max(1, math.ceil(min_share * len(urls)))
    kept = [
        shape
        for shape, count in shapes.most_common()
        if count >= least and shape.segments and negatives.get(shape, 0) <= count
    ]
    if not kept:
        return None
    alternatives = []
    for n, shape in enumerate(kept):
        lengths = [_id_length(u) for u in urls if url_shape(u) == shape]
        id_lengths = (min(lengths), max(lengths))
        alternatives.append(_shape_regex(shape, id_lengths, name_id=(n == 0 and shape.has_id)))
    query = r"(?:\?.*)?" if any(urlsplit(u).query for u in urls) else ""
    if len(alternatives) == 1:
        return f"^{alternatives[0]}{query}$"
    return "^(?:" + "|".join(alternatives) + f"){query}$"


def path_of(url: str) -> str:
    """What a family's `article_url` pattern is matched against: the path, with the query if any."""
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


__all__ = [
    "Segment",
    "Shape",
    "article_url_score",
    "is_static_or_utility",
    "learn_article_pattern",
    "looks_like_article_url",
    "path_of",
    "url_shape",
]
