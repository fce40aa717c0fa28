"""What the replica syndicates: RSS 2.0 feeds, sitemaps (an index, monthly urlsets, a Google News sitemap) and
robots.txt.

Feeds carry the canonical article URL in `<link>` and `<guid>`, the lead (with the first image) in
`<description>`, and an English RFC 822 `<pubDate>` in Vietnam time, as the portals' feeds do. Sitemaps carry
`<lastmod>` (the modified time where there is one), so an edit shows there.

`feed_items`, `news_items` and `newest_modified` say which articles a feed or the news sitemap lists and when
the newest of them last changed: `state.py` gives those pages their `Last-Modified` header from them.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable, Sequence
from datetime import datetime
from email.utils import format_datetime
from html import escape

from crawler.sites import Site
from replica.model import ReplicaArticle

FEED_SIZE = 50
"""Items in a feed, newest first, as most portals cut them."""


def xml(text: str) -> str:
    return escape(text, quote=True)


def rfc822(d: datetime) -> str:
    """`Wed, 24 Mar 2021 15:35:00 +0700`, English names whatever the locale."""
    return format_datetime(d)


def w3c(d: datetime) -> str:
    return d.isoformat(timespec="seconds")


def _served(text: str, a: ReplicaArticle) -> str:
    return unicodedata.normalize("NFD", text) if a.nfd else text


def feed_items(items: Iterable[ReplicaArticle]) -> list[ReplicaArticle]:
    """What a feed of `items` lists: the newest `FEED_SIZE` by publication time, newest first."""
    return sorted(items, key=lambda a: a.published, reverse=True)[:FEED_SIZE]


def newest_modified(articles: Iterable[ReplicaArticle]) -> datetime | None:
    """The latest `last_modified` of `articles` (None for none): when a page listing them last changed."""
    return max((a.last_modified for a in articles), default=None)


def rss(site: Site, title: str, link: str, self_url: str, items: Sequence[ReplicaArticle]) -> str:
    """An RSS 2.0 channel with the newest `FEED_SIZE` of `items`."""
    newest = feed_items(items)
    built = newest_modified(newest)
    entries = []
    for a in newest:
        image = (
            f'<a href="{xml(a.url)}"><img src="{xml(site.absolute(a.images[0].src))}" width="180" /></a></br>'
            if a.images
            else ""
        )
        description = (image + escape(_served(a.lead, a), quote=False)).replace("]]>", "]]&gt;")
        entries.append(f"""    <item>
      <title>{xml(_served(a.title, a))}</title>
      <link>{xml(a.url)}</link>
      <guid isPermaLink="true">{xml(a.url)}</guid>
      <description><![CDATA[{description}]]></description>
      <pubDate>{rfc822(a.published)}</pubDate>
    </item>""")
    last_build = f"\n    <lastBuildDate>{rfc822(built)}</lastBuildDate>" if built else ""
    body = "\n".join(entries)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
  <channel>
    <title>{xml(title)}</title>
    <link>{xml(link)}</link>
    <description>{xml(title)}</description>
    <language>vi-vn</language>
    <copyright>{xml(site.name)}</copyright>{last_build}
    <atom:link href="{xml(self_url)}" rel="self" type="application/rss+xml" />
    <image><url>{xml(site.absolute("/assets/images/logo.png"))}</url><title>{xml(site.name)}</title><link>{xml(site.base_url)}/</link></image>
{body}
  </channel>
</rss>
"""


def month_key(d: datetime) -> str:
    return f"{d:%Y-%m}"


def monthly_path(month: str) -> str:
    return f"/sitemaps/articles-{month}.xml"


NEWS_SITEMAP = "/sitemaps/news.xml"
SITEMAP_INDEX = "/sitemap.xml"

NEWS_SITEMAP_CAP = 1000
"""Most URLs a Google News sitemap may hold. A real portal windows its news sitemap to the last two days; the
replica keeps the newest 1,000 articles by publication time instead, so that the corpus's older articles (all
published days to years ago) stay in it."""

NewsEntry = tuple[str, ReplicaArticle]
"""(publication name, article): one row of the news sitemap."""


def news_items(entries: Iterable[NewsEntry]) -> list[NewsEntry]:
    """What the news sitemap lists: the newest `NEWS_SITEMAP_CAP` entries by publication time, newest first."""
    return sorted(entries, key=lambda e: e[1].published, reverse=True)[:NEWS_SITEMAP_CAP]


def sitemap_index(base_url: str, articles: Iterable[ReplicaArticle]) -> str:
    """The index: the Google News sitemap and one urlset per month that has articles, each `<lastmod>` the
    newest `last_modified` of what that sitemap lists."""
    listed = list(articles)
    months: dict[str, datetime] = {}
    for a in listed:
        key = month_key(a.published)
        months[key] = max(months.get(key, a.last_modified), a.last_modified)
    newest = newest_modified(a for _, a in news_items(("", a) for a in listed))
    rows = []
    if newest is not None:
        rows.append(
            f"  <sitemap><loc>{xml(base_url + NEWS_SITEMAP)}</loc><lastmod>{w3c(newest)}</lastmod></sitemap>"
        )
    for key in sorted(months, reverse=True):
        rows.append(
            f"  <sitemap><loc>{xml(base_url + monthly_path(key))}</loc>"
            f"<lastmod>{w3c(months[key])}</lastmod></sitemap>"
        )
    body = "\n".join(rows)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
{body}
</sitemapindex>
"""


def urlset(articles: Iterable[ReplicaArticle], images_base: dict[str, str]) -> str:
    """A monthly urlset with `<lastmod>` and image entries (`images_base`: domain → site base URL)."""
    rows = []
    for a in sorted(articles, key=lambda x: x.published, reverse=True):
        base = images_base.get(a.domain, f"https://{a.domain}")
        images = "".join(
            f"<image:image><image:loc>{xml(im.src if '://' in im.src else base + im.src)}</image:loc>"
            "</image:image>"
            for im in a.images
        )
        rows.append(
            f"  <url><loc>{xml(a.url)}</loc><lastmod>{w3c(a.last_modified)}</lastmod>"
            f"<changefreq>monthly</changefreq><priority>0.8</priority>{images}</url>"
        )
    body = "\n".join(rows)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:image="http://www.google.com/schemas/sitemap-image/1.1">
{body}
</urlset>
"""


def news_sitemap(entries: Iterable[NewsEntry]) -> str:
    """A Google News sitemap of (publication name, article), newest first, at most `NEWS_SITEMAP_CAP` of
    them."""
    rows = []
    for name, a in news_items(entries):
        rows.append(f"""  <url>
    <loc>{xml(a.url)}</loc>
    <lastmod>{w3c(a.last_modified)}</lastmod>
    <news:news>
      <news:publication><news:name>{xml(name)}</news:name><news:language>vi</news:language></news:publication>
      <news:publication_date>{w3c(a.published)}</news:publication_date>
      <news:title>{xml(_served(a.title, a))}</news:title>
      <news:keywords>{xml(", ".join(a.tags))}</news:keywords>
    </news:news>
  </url>""")
    body = "\n".join(rows)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
{body}
</urlset>
"""


def robots(base_url: str, sitemaps: Iterable[str]) -> str:
    lines = ["User-agent: *", "Disallow: /admin/", "Disallow: /tim-kiem/", "Disallow: /*?q=", "Allow: /", ""]
    lines += [f"Sitemap: {base_url}{path}" for path in dict.fromkeys(sitemaps)]
    return "\n".join(lines) + "\n"


__all__ = [
    "FEED_SIZE",
    "NEWS_SITEMAP",
    "NEWS_SITEMAP_CAP",
    "SITEMAP_INDEX",
    "NewsEntry",
    "feed_items",
    "month_key",
    "monthly_path",
    "newest_modified",
    "news_items",
    "news_sitemap",
    "rfc822",
    "robots",
    "rss",
    "sitemap_index",
    "urlset",
]
