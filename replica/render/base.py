"""What every family's pages share: `SiteContext` (what a site shows around its content) and `Renderer`, the
page shell (head, header, footer), the shared pieces (OpenGraph and JSON-LD meta, figures, body paragraphs,
links) and the page kinds (article, listing, home, topic) that the family renderers fill in."""

from __future__ import annotations

import posixpath
from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import quote

from crawler.sites import Site
from replica.model import ReplicaArticle, ReplicaImage
from replica.provinces import WRITING
from replica.render.markup import esc, iso, json_for_script, scripted_paragraph
from replica.topics import slugify

PAGE_SIZE = 4
"""Articles per listing page: small, so that pagination is exercised."""


@dataclass(frozen=True)
class SiteContext:
    """What every page of a site shows around its content."""

    site: Site
    sections: tuple[tuple[str, str], ...]  # (slug, name) for the menu
    feeds: tuple[str, ...]  # feed paths announced with <link rel=alternate>
    latest: tuple[ReplicaArticle, ...]  # newest first, for related boxes and sidebars

    @property
    def family(self) -> str:
        return self.site.family.key

    @property
    def province(self) -> str:
        """`tỉnh Tiền Giang`: the province the paper served, as its footer names it."""
        writing = WRITING.get(self.site.key)
        if writing is not None:
            return writing.province
        return f"tỉnh {self.site.former_province or self.site.province}"

    def absolute(self, path: str) -> str:
        return self.site.absolute(path)

    def related_to(self, a: ReplicaArticle, count: int = 3) -> list[ReplicaArticle]:
        same = [x for x in self.latest if x.id != a.id and x.section == a.section]
        rest = [x for x in self.latest if x.id != a.id and x.section != a.section]
        return (same + rest)[:count]


class Renderer:
    """The parts every family shares; subclasses write their own article and listing markup."""

    family = ""
    og = False  # OpenGraph meta
    structured = False  # JSON-LD NewsArticle and article:* meta
    absolute_links = False  # article links written as absolute URLs on listings

    # --- page shell ----------------------------------------------------------------------------------------
    def page(
        self,
        ctx: SiteContext,
        *,
        title: str,
        description: str,
        canonical: str,
        main: str,
        head: str = "",
        body_class: str = "",
    ) -> str:
        site = ctx.site
        feeds = "".join(
            f'\n    <link rel="alternate" type="application/rss+xml" title="{esc(site.name)}" '
            f'href="{esc(ctx.absolute(p))}">'
            for p in ctx.feeds
        )
        return f"""<!DOCTYPE html>
<html lang="vi">
<head>
    <meta charset="utf-8">
    <meta http-equiv="X-UA-Compatible" content="IE=edge">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{esc(title)}</title>
    <meta name="description" content="{esc(description)}">
    <meta name="robots" content="index, follow">
    <link rel="canonical" href="{esc(canonical)}">
    <link rel="shortcut icon" href="/favicon.ico">{feeds}
    <link rel="stylesheet" href="/assets/css/style.min.css?v=20240518">{head}
    <script async src="https://www.googletagmanager.com/gtag/js?id=G-{site.key.upper()[:8]}01"></script>
    <script>window.dataLayer = window.dataLayer || [];function gtag(){{dataLayer.push(arguments);}}
    gtag('js', new Date());gtag('config', 'G-{site.key.upper()[:8]}01');</script>
</head>
<body class="{esc(body_class)}">
{self.header(ctx)}
<div class="wrapper main-wrapper">
    <div class="banner-ads banner-top" data-zone="top-{site.key}">
        <a href="/quang-cao/" rel="nofollow"><img src="/assets/ads/top-banner.jpg" alt="Quảng cáo"></a>
    </div>
{main}
</div>
{self.footer(ctx)}
<script src="/assets/js/jquery.min.js"></script>
<script src="/assets/js/main.min.js?v=20240518"></script>
</body>
</html>
"""

    def header(self, ctx: SiteContext) -> str:
        items = "".join(f'<li><a href="/{slug}/">{esc(name)}</a></li>' for slug, name in ctx.sections)
        return f"""<header class="header">
    <div class="header-top"><div class="wrapper"><span class="today">{esc(ctx.site.name)}</span>
        <a class="rss-link" href="/rss/">RSS</a>
        <form class="search" action="/tim-kiem/" method="get"><input name="q" placeholder="Tìm kiếm"></form>
    </div></div>
    <div class="wrapper">
        <a class="logo" href="/"><img src="/assets/images/logo.png" alt="{esc(ctx.site.name)}"></a>
    </div>
    <nav class="menu-main"><ul class="menu"><li class="home"><a href="/">Trang chủ</a></li>{items}</ul></nav>
</header>"""

    def footer(self, ctx: SiteContext) -> str:
        return f"""<footer class="footer">
    <div class="wrapper">
        <p class="footer-name"><strong>{esc(ctx.site.name.upper())}</strong></p>
        <p>Cơ quan của Đảng bộ {esc(ctx.province)} - Tiếng nói của Đảng bộ, chính quyền và nhân dân
            {esc(ctx.province)}</p>
        <p>Giấy phép hoạt động báo điện tử do Bộ Văn hóa, Thể thao và Du lịch cấp.</p>
        <p>Ghi rõ nguồn “{esc(ctx.site.name)}” khi phát hành lại thông tin từ website này.</p>
        <ul class="footer-links">
            <li><a href="/gioi-thieu/">Giới thiệu</a></li><li><a href="/lien-he/">Liên hệ</a></li>
            <li><a href="/quang-cao/">Quảng cáo</a></li>
        </ul>
    </div>
</footer>"""

    # --- shared pieces --------------------------------------------------------------------------------------
    def head_meta(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        out = ""
        image = ctx.absolute(a.images[0].src) if a.images else ctx.absolute("/assets/images/logo-share.png")
        if self.og or self.structured:
            out += f"""
    <meta property="og:site_name" content="{esc(ctx.site.name)}">
    <meta property="og:type" content="article">
    <meta property="og:title" content="{esc(a.title)}">
    <meta property="og:description" content="{esc(a.lead)}">
    <meta property="og:url" content="{esc(a.url)}">
    <meta property="og:image" content="{esc(image)}">"""
        if self.structured:
            out += f"""
    <meta property="article:published_time" content="{iso(a.published)}">
    <meta property="article:modified_time" content="{iso(a.last_modified)}">
    <meta property="article:section" content="{esc(a.section_name)}">"""
            out += "".join(f'\n    <meta property="article:tag" content="{esc(t)}">' for t in a.tags)
            out += f'\n    <script type="application/ld+json">{self.json_ld(ctx, a, image)}</script>'
            out += f'\n    <script type="application/ld+json">{self.breadcrumb_ld(ctx, a)}</script>'
        return out

    def json_ld(self, ctx: SiteContext, a: ReplicaArticle, image: str) -> str:
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "mainEntityOfPage": {"@type": "WebPage", "@id": a.url},
            "headline": a.title,
            "description": a.lead,
            "image": [ctx.absolute(i.src) for i in a.images] or [image],
            "datePublished": iso(a.published),
            "dateModified": iso(a.last_modified),
            "author": [{"@type": "Person", "name": n} for n in a.authors],
            "publisher": {
                "@type": "Organization",
                "name": ctx.site.name,
                "logo": {"@type": "ImageObject", "url": ctx.absolute("/assets/images/logo.png")},
            },
            "articleSection": a.section_name,
            "keywords": ", ".join(a.tags),
            "inLanguage": "vi",
        }
        return json_for_script(data)

    def breadcrumb_ld(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        data = {
            "@context": "https://schema.org",
            "@type": "BreadcrumbList",
            "itemListElement": [
                {"@type": "ListItem", "position": 1, "name": "Trang chủ", "item": ctx.absolute("/")},
                {
                    "@type": "ListItem",
                    "position": 2,
                    "name": a.section_name,
                    "item": ctx.absolute(f"/{a.section}/"),
                },
            ],
        }
        return json_for_script(data)

    def img(self, ctx: SiteContext, image: ReplicaImage) -> str:
        src = ctx.absolute(image.src) if self.absolute_links else image.src
        return f'<img src="{esc(src)}" alt="{esc(image.alt_text)}" width="800" height="450">'

    def figure(self, ctx: SiteContext, image: ReplicaImage) -> str:
        return (
            f'<figure class="image align-center">{self.img(ctx, image)}'
            f"<figcaption>{esc(image.caption)}</figcaption></figure>"
        )

    def paragraph(self, text: str) -> str:
        return f'<p style="text-align: justify;">{esc(text)}</p>'

    def author_paragraph(self, a: ReplicaArticle) -> str:
        return f'<p style="text-align: right;"><strong>{esc(a.author_line or "")}</strong></p>'

    def body(self, ctx: SiteContext, a: ReplicaArticle, *, related: str = "", related_after: int = 2) -> str:
        """Paragraphs with the images between them, the related box after `related_after` paragraphs, the
        author line and any lone dots last."""
        out: list[str] = []
        paragraphs = list(a.paragraphs)
        scripted = "js-paragraph" in a.quirks and len(paragraphs) > 1
        for i, text in enumerate(paragraphs):
            out.extend(self.figure(ctx, im) for im in a.images if im.after == i)
            if related and i == min(related_after, len(paragraphs) - 1):
                out.append(related)
            if scripted and i == len(paragraphs) - 1:
                out.append(scripted_paragraph(text))
            else:
                out.append(self.paragraph(text))
        out.extend(self.figure(ctx, im) for im in a.images if im.after >= len(paragraphs))
        if a.author_line:
            out.append(self.author_paragraph(a))
        out.extend('<p style="text-align: justify;">.</p>' for _ in range(a.trailing_dots))
        return "\n            ".join(out)

    def link(self, ctx: SiteContext, a: ReplicaArticle, from_path: str) -> str:
        """The href a listing on `from_path` gives the article (its oddities included)."""
        path = a.path
        if "index-htm-link" in a.quirks and self.family == "B":
            path += "index.htm"
        if "relative-link" in a.quirks:
            base = from_path if from_path.endswith("/") else posixpath.dirname(from_path) + "/"
            rel = posixpath.relpath(path, base)
            return rel + "/" if path.endswith("/") and not rel.endswith("/") else rel
        return ctx.absolute(path) if self.absolute_links else path

    def related_items(self, ctx: SiteContext, a: ReplicaArticle) -> list[tuple[str, str]]:
        return [(x.path, x.title) for x in ctx.related_to(a)]

    def tag_links(self, a: ReplicaArticle) -> str:
        return "".join(f'<a href="/tag/{quote(slugify(t))}.html" rel="tag">{esc(t)}</a>' for t in a.tags)

    def byline_names(self, a: ReplicaArticle) -> str:
        return " - ".join(esc(n) for n in a.authors)

    # --- pages ---------------------------------------------------------------------------------------------
    def article(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        main = self.article_main(ctx, a)
        return self.page(
            ctx,
            title=f"{a.title} - {ctx.site.name}",
            description=a.lead,
            canonical=a.url,
            main=main,
            head=self.head_meta(ctx, a),
            body_class="page-detail",
        )

    def article_main(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        raise NotImplementedError

    def page_path(self, slug: str, n: int) -> str:
        """Listing page n of a section (page 1 is `/<slug>/`)."""
        return f"/{slug}/" if n == 1 else f"/{slug}/?page={n}"

    def listing(
        self,
        ctx: SiteContext,
        slug: str,
        name: str,
        items: Sequence[ReplicaArticle],
        page: int,
        pages: int,
        extra: str = "",
    ) -> str:
        here = self.page_path(slug, page)
        twice = [a for a in items if "listed-twice" in a.quirks]
        main = self.listing_main(ctx, name, items, here, extra)
        if twice:
            main += "\n" + self.most_read(ctx, twice, here)
        main += "\n" + self.pagination(slug, page, pages)
        title = name if page == 1 else f"{name} - Trang {page}"
        return self.page(
            ctx,
            title=f"{title} - {ctx.site.name}",
            description=f"Tin tức {name} mới nhất",
            canonical=ctx.absolute(here),
            main=main,
            body_class="page-category",
        )

    def listing_main(
        self, ctx: SiteContext, name: str, items: Sequence[ReplicaArticle], here: str, extra: str
    ) -> str:
        raise NotImplementedError

    def most_read(self, ctx: SiteContext, items: Sequence[ReplicaArticle], here: str) -> str:
        return self.listing_main(ctx, "Đọc nhiều", items, here, "")

    def pagination(self, slug: str, page: int, pages: int) -> str:
        raise NotImplementedError

    def home(self, ctx: SiteContext, extra: str = "") -> str:
        top = ctx.latest[:12]
        blocks = []
        for slug, name in ctx.sections:
            inside = [a for a in ctx.latest if a.section == slug][:3]
            if inside:
                links = "".join(
                    f'<li><a href="{esc(ctx.absolute(a.path))}">{esc(a.title)}</a></li>' for a in inside
                )
                blocks.append(
                    '<section class="home-cate"><h2 class="cate-title"><a '
                    f'href="/{slug}/">{esc(name)}'
                    f"</a></h2><ul>{links}</ul></section>"
                )
        main = self.listing_main(ctx, "Tin mới nhất", top, "/", extra) + "\n" + "\n".join(blocks)
        return self.page(
            ctx,
            title=f"{ctx.site.name} - Tin tức {ctx.province}",
            description=ctx.site.name,
            canonical=ctx.absolute("/"),
            main=main,
            body_class="page-home",
        )

    def topic(self, ctx: SiteContext, path: str, title: str, items: Sequence[ReplicaArticle]) -> str:
        main = self.listing_main(ctx, title, items, path, "")
        return self.page(
            ctx,
            title=f"{title} - {ctx.site.name}",
            description=title,
            canonical=ctx.absolute(path),
            main=main,
            body_class="page-event",
        )
