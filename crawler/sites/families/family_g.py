"""Family G (2025 platform): `/<section>/<YYYYMM>/<slug>-<7 hex>/` articles.

Seen on baodongnai (after the 2025 merger), baokhanhhoa, baoquangtri. Dateline `23:57, 16/07/2025`.
"""

from crawler.sites.model import Family, Selectors, Template

FAMILY_G = Family(
    key="G",
    name="2025 platform with hex ids (Đồng Nai, Khánh Hòa, Quảng Trị)",
    article_url=r"^/(?:[a-z0-9-]+/)?\d{6}/[a-z0-9-]+-(?P<id>[0-9a-f]{7})/?$",
    templates=(
        Template(
            since=None,
            selectors=Selectors(
                title=("h1.detail__title",),
                lead=("div.detail__summary",),
                body=("div.detail__content",),
                dateline=("div.detail__meta span.detail__time",),
                authors=("div.detail__author",),
                section=("a.detail__cate",),
                tags=("div.detail__tags a",),
                captions=("figcaption",),
                drop=("div.detail__related", "script", "style"),
            ),
        ),
    ),
    listing_links=("h3.card__title a", "h2.card__title a"),
    next_page=("a.pagination__next", "a[rel=next]"),
    feeds=("/rss/tin-moi.rss",),
    sitemaps=("/sitemap.xml",),
)
