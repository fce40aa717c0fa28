"""Family F: `…-<id>.htm` articles with the body in `div#dcontent`.

Seen on baophutho, baothanhhoa. Parts of some bodies are decoded by JavaScript in the browser; what the
HTML holds is what we keep.
"""

from crawler.sites.model import Family, Selectors, Template

FAMILY_F = Family(
    key="F",
    name="#dcontent portals (Phú Thọ, Thanh Hóa)",
    article_url=r"^/[a-z0-9-]+-(?P<id>\d{4,12})\.htm$",
    templates=(
        Template(
            since=None,
            selectors=Selectors(
                title=("h1.title-detail", "h1"),
                lead=("div.sapo-detail", "h2.sapo"),
                body=("div#dcontent",),
                dateline=("div.info-detail span.time", "span.time-detail"),
                authors=("div.author-detail", "p.author"),
                section=("div.cat-detail a",),
                tags=("div.tag-detail a",),
                captions=("figcaption", "p.img-caption"),
                drop=("div.related-detail", "script", "style"),
            ),
        ),
    ),
    listing_links=("h3.title a", "h2.title a"),
    next_page=("a.page-next", "a[rel=next]"),
    feeds=("/rss/trang-chu.rss",),
    sitemaps=("/sitemap.xml",),
)
