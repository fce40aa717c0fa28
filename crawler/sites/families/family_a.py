"""Family A: `/<slug>-a<digits>.html` articles, `/<cat>/` listings paged as `/<cat>/page-N.html`.

Seen on baocantho, baolongan, baobinhduong, baodongthap (now), baoangiang, dongkhoi.baovinhlong.
Body in `div#newscontents`; images under `/image/news/YYYY/YYYYMMDD/`.
"""

from crawler.sites.model import Family, Selectors, Template

FAMILY_A = Family(
    key="A",
    name="-a<id>.html portals (Cần Thơ, Đồng Tháp, An Giang …)",
    article_url=r"^/[a-z0-9-]+-a(?P<id>\d{3,})\.html$",
    templates=(
        Template(
            since=None,
            selectors=Selectors(
                title=("h1.title-detail", "h1"),
                lead=("div.sapo-detail", "p.sapo"),
                body=("div#newscontents",),
                dateline=("span.date-detail", "div.date-detail"),
                authors=("p.author-detail", "div#newscontents p.author"),
                section=("ul.breadcrumb li:last-child a", "a.cat-detail"),
                tags=("div.tags-detail a",),
                captions=("figcaption", "td.image-caption", "p.image-caption"),
                drop=("div.related-news", "div.share-detail", "script", "style"),
            ),
        ),
    ),
    listing_links=("h2.title-news a", "h3.title-news a"),
    next_page=("div.pagination a.next", "a[rel=next]"),
    feeds=("/rss/home.rss",),
    sitemaps=("/sitemap.xml",),
)
