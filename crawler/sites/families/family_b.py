"""Family B: `/<section>/<YYYYMM>/<slug>-<id>/` articles (sometimes `…/index.htm`), RSS per section.

Seen on baoapbac, baodongnai (before 2025), baovinhlong, baothainguyen, baodaklak. Dateline in
`#current-date` (`Thứ Tư, 24/03/2021, 15:35 (GMT+7)`; the 2018 template wrote `Cập nhật: 20:45, 07/10/2018
(GMT+7)` in `div.date-update`), body `#content`, the author in capitals on the last line of the body.
"""

from datetime import date

from crawler.sites.model import Family, Selectors, Template

_COMMON_DROP = ("div.article-relate", "div.box-share", "script", "style", "ins")

FAMILY_B = Family(
    key="B",
    name="/<section>/<YYYYMM>/<slug>-<id>/ portals (Ấp Bắc, Vĩnh Long, Thái Nguyên …)",
    article_url=r"^/[a-z0-9-]+(?:/[a-z0-9-]+)?/\d{6}/[a-z0-9-]+-(?P<id>\d{4,})/?(?:index\.htm)?$",
    templates=(
        Template(
            since=None,
            selectors=Selectors(
                title=("h1.title-detail", "div.post-title h1"),
                lead=("div.post-summary", "h2.sapo"),
                body=("div#content-detail", "div#content"),
                dateline=("div.date-update",),
                captions=("p.image-caption", "td.image-caption", "figcaption"),
                section=("div.breadcrumb a:last-of-type",),
                tags=("div.post-tags a",),
                drop=_COMMON_DROP,
            ),
        ),
        Template(
            since=date(2019, 6, 1),
            selectors=Selectors(
                title=("h1.post-title", "h1"),
                lead=("div.post-sapo", "div.sapo"),
                body=("div#content",),
                dateline=("#current-date", "span.post-date"),
                captions=("figcaption", "td.image-caption"),
                section=("ol.breadcrumb li:last-child a",),
                tags=("div.post-tags a",),
                drop=_COMMON_DROP,
            ),
        ),
    ),
    listing_links=("div.post-list h3 a", "article.post-item h3 a"),
    next_page=("ul.pagination a.next", "a[rel=next]"),
    feeds=("/tin-tuc/index.rss",),
    sitemaps=("/sitemap.xml",),
)
