"""Family E: `…-post<id>.html` articles.

Seen on sggp, tienphong, baohatinh, baogialai, baobackan. Sapo `div.article__sapo`, body `div.article__body`.
"""

from crawler.sites.model import Family, Selectors, Template

FAMILY_E = Family(
    key="E",
    name="-post<id>.html portals (SGGP, Hà Tĩnh, Gia Lai …)",
    article_url=r"^/[a-z0-9-]+-post(?P<id>\d{3,})\.html$",
    templates=(
        Template(
            since=None,
            selectors=Selectors(
                title=("h1.article__title",),
                lead=("div.article__sapo",),
                body=("div.article__body",),
                dateline=("div.article__meta time", "div.article__meta .time"),
                authors=("div.article__author .name", "div.article__author"),
                section=("div.breadcrumb a.active", "div.breadcrumb a:last-child"),
                tags=("div.article__tag a",),
                captions=("figcaption", "td.caption"),
                drop=("div.article__related", "div.box-related", "script", "style"),
            ),
        ),
    ),
    listing_links=("h3.story__heading a", "h2.story__heading a"),
    next_page=("a.pagination__next", "a[rel=next]"),
    feeds=("/rss/home.rss",),
    sitemaps=("/sitemaps/news.xml",),
)
