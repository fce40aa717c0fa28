"""Family C: `/<slug>-<id>.html` articles, topic pages `-event<id>.html` (not articles).

Seen on baohaiphong, baonghean, baodanang, hanoimoi. Body `div.b-maincontent`, listing `h3.b-grid__title a`.
"""

from crawler.sites.model import Family, Selectors, Template

FAMILY_C = Family(
    key="C",
    name="-<id>.html portals with b-grid listings (Hải Phòng, Nghệ An, Hà Nội Mới …)",
    article_url=r"^/(?!.*-event\d+\.html$)[a-z0-9-]+-(?P<id>\d{5,})\.html$",
    templates=(
        Template(
            since=None,
            selectors=Selectors(
                title=("h1.sc-longform-header-title", "h1.b-title", "h1"),
                lead=("div.sc-longform-header-sapo", "div.b-sapo"),
                body=("div.b-maincontent",),
                dateline=("div.sc-longform-header-date", "span.b-date"),
                authors=("div.sc-longform-header-author", "p.b-author"),
                section=("a.b-cate",),
                tags=("div.b-tags a",),
                captions=("figcaption", "div.image-caption"),
                drop=("div.b-related", "div.b-share", "script", "style"),
            ),
        ),
    ),
    listing_links=("h3.b-grid__title a", "h2.b-grid__title a"),
    next_page=("a.b-pagination__next", "a[rel=next]"),
    feeds=("/rss/home.rss",),
    sitemaps=("/sitemap.xml",),
)
