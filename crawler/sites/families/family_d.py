"""Family D (VCCorp style): `…-<long numeric id>.htm` articles.

Seen on tuoitre, thanhnien, nld. Sapo `[data-role=sapo]`, date `div.detail-time`, body `[data-role=content]`.
"""

from crawler.sites.model import Family, Selectors, Template

FAMILY_D = Family(
    key="D",
    name="VCCorp-style national dailies (Tuổi Trẻ, Thanh Niên, Người Lao Động)",
    article_url=r"^/[a-z0-9-]+-(?P<id>\d{15,20})\.htm$",
    templates=(
        Template(
            since=None,
            selectors=Selectors(
                title=("h1.detail-title", "h1.article-title"),
                lead=("h2[data-role=sapo]", "[data-role=sapo]"),
                body=("div[data-role=content]", "div.detail-content"),
                dateline=("div.detail-time [data-role=publishdate]", "div.detail-time"),
                authors=("div.author-info a.name", "div.detail-author .name"),
                section=("div.detail-cate a",),
                tags=("ul.detail-tab a", "div.detail-tags a"),
                captions=("figcaption", "div.PhotoCMS_Caption"),
                drop=("div.VCSortableInPreviewMode[type=RelatedOneNews]", "div.relate-container", "script"),
            ),
        ),
    ),
    listing_links=("h3.box-title-text a", "h2.box-title-text a"),
    next_page=("a[rel=next]",),
    feeds=("/rss/tin-moi-nhat.rss",),
    sitemaps=("/sitemap.xml",),
)
