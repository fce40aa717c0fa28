"""HTML pages of the replica portals: one renderer per CMS family.

Each renderer writes what its family's newest template looks like (the selectors in
`crawler/sites/families/family_*.py` read these pages): the article page with its dateline as the family
prints it, listing pages with the family's pagination, the home page and, on family C, topic
(`-event<id>.html`) pages. Around the article: header and menu, breadcrumb, share bar, ad slots, scripts, a
related-news box (inside the body where the family's `drop` selectors expect it), tags and footer. Family B
also keeps its 2018 template for old Ấp Bắc pages (`template="2018"`).

Structured data follows the families: D, E and G carry JSON-LD `NewsArticle`, OpenGraph and
`article:published_time`; A and C carry OpenGraph only; B and F none.
"""

from __future__ import annotations

import base64
import json
import posixpath
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from html import escape
from urllib.parse import quote

from crawler.sites import Site
from replica.model import ReplicaArticle, ReplicaImage
from replica.provinces import WRITING
from replica.topics import slugify

WEEKDAYS = ("Thứ Hai", "Thứ Ba", "Thứ Tư", "Thứ Năm", "Thứ Sáu", "Thứ Bảy", "Chủ Nhật")
PAGE_SIZE = 4
"""Articles per listing page: small, so that pagination is exercised."""

NBSP = "\u00a0"


def esc(text: str) -> str:
    return escape(text, quote=True).replace(NBSP, "&nbsp;")


def weekday(d: datetime) -> str:
    return WEEKDAYS[d.weekday()]


def dateline(family: str, d: datetime, template: str | None = None) -> str:
    """The publication time as the family's article page prints it."""
    if family == "B" and template == "2018":
        return f"Cập nhật: {d:%H:%M}, {d:%d/%m/%Y} (GMT+7)"
    forms = {
        "A": f"{weekday(d)}, {d:%d/%m/%Y} - {d:%H:%M}",
        "B": f"{weekday(d)}, {d:%d/%m/%Y}, {d:%H:%M} (GMT+7)",
        "C": f"{d:%d/%m/%Y} {d:%H:%M}",
        "D": f"{d:%d/%m/%Y} {d:%H:%M} GMT+7",
        "E": f"{weekday(d)}, {d.day}/{d.month}/{d.year} - {d:%H:%M}",
        "F": f"Cập nhật: {d:%H:%M} {d:%d/%m/%Y}",
        "G": f"{d:%H:%M}, {d:%d/%m/%Y}",
    }
    return forms[family]


def printed_dateline(family: str, a: ReplicaArticle) -> str:
    """The dateline with the article's spacing oddities, ready for HTML (`&nbsp;` where the CMS wrote one)."""
    text = dateline(family, a.published, a.template)
    if "dateline-nbsp" in a.quirks:
        if " - " in text:
            text = text.replace(" - ", f"{NBSP}-{NBSP}")
        elif ", " in text:
            text = text.replace(", ", f",{NBSP}")
        else:
            text = text.replace(" ", NBSP, 1)
    if "dateline-spacing" in a.quirks:
        text = "\n                " + text.replace(" ", "  ") + "\n            "
    return esc(text)


def iso(d: datetime) -> str:
    return d.isoformat(timespec="seconds")


def _number(text: str) -> int:
    """A stable small number from an id or path, to vary markup between articles."""
    return sum(map(ord, text))


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
        return _json_for_script(data)

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
        return _json_for_script(data)

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
                out.append(_scripted_paragraph(text))
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


def _share(a: ReplicaArticle) -> str:
    return esc("https://www.facebook.com/sharer/sharer.php?u=" + quote(a.url, safe=""))


def _json_for_script(data: object) -> str:
    return json.dumps(data, ensure_ascii=False).replace("</", "<\\/")


def _scripted_paragraph(text: str) -> str:
    """A paragraph the browser decodes: the text is in the page only as base64 inside a script."""
    encoded = base64.b64encode(text.encode("utf-8")).decode("ascii")
    return (
        f'<div class="content-encode" data-encode="{encoded}"></div>'
        "<script>(function(){var e=document.querySelectorAll('.content-encode');for(var "
        "i=0;i<e.length;i++)"
        "{e[i].outerHTML='<p>'+decodeURIComponent(escape(atob(e[i].getAttribute('data-encode'))))+'</p>';}})();"
        "</script>"
    )


# --- family A: -a<id>.html (Cần Thơ, Đồng Tháp, An Giang, Long An) ------------------------------------------


class FamilyA(Renderer):
    family = "A"
    og = True

    def figure(self, ctx: SiteContext, image: ReplicaImage) -> str:
        return (
            f'<table class="image center" align="center"><tbody><tr><td>{self.img(ctx, image)}</td></tr>'
            f'<tr><td class="image-caption">{esc(image.caption)}</td></tr></tbody></table>'
        )

    def author_paragraph(self, a: ReplicaArticle) -> str:
        if _number(a.id) % 2:
            return f'<p class="author" style="text-align: right;">{esc(a.author_line or "")}</p>'
        return super().author_paragraph(a)

    def article_main(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        related = "".join(f'<li><a href="{esc(p)}">{esc(t)}</a></li>' for p, t in self.related_items(ctx, a))
        box = f'<div class="related-news"><p class="title">Tin liên quan</p><ul>{related}</ul></div>'
        byline = "" if a.author_line else f'<p class="author-detail">{self.byline_names(a)}</p>'
        return f"""    <ul class="breadcrumb"><li><a href="/">Trang chủ</a></li>
        <li><a href="/{a.section}/">{esc(a.section_name)}</a></li></ul>
    <div class="detail-news">
        <h1 class="title-detail">{esc(a.title)}</h1>
        <div class="info-detail"><span class="date-detail">{printed_dateline("A", a)}</span>
            <span class="view-count">Lượt xem: {_number(a.id) * 7 % 2000 + 150}</span></div>
        <div class="share-detail"><a class="fb" href="{_share(a)}">Chia sẻ</a>
            <a class="zalo" href="#">Zalo</a><a class="print" href="javascript:window.print()">In</a></div>
        <div class="sapo-detail">{esc(a.lead)}</div>
        <div id="newscontents" class="content-detail">
            {self.body(ctx, a, related=box)}
        </div>
        {byline}
        <div class="tags-detail"><span>Từ khóa:</span> {self.tag_links(a)}</div>
        <div class="banner-ads" data-zone="detail-bottom"></div>
    </div>"""

    def page_path(self, slug: str, n: int) -> str:
        return f"/{slug}/" if n == 1 else f"/{slug}/page-{n}.html"

    def listing_main(
        self, ctx: SiteContext, name: str, items: Sequence[ReplicaArticle], here: str, extra: str
    ) -> str:
        rows = []
        for i, a in enumerate(items):
            href = esc(self.link(ctx, a, here))
            thumb = (
                f'<a class="thumb" href="{href}"><img src="{esc(a.images[0].src)}" alt=""></a>'
                if a.images
                else ""
            )
            level = "h2" if i == 0 else "h3"
            rows.append(
                f'<div class="item-news">{thumb}<{level} class="title-news"><a '
                f'href="{href}">{esc(a.title)}'
                f'</a></{level}><span class="time">{a.published:%d/%m/%Y %H:%M}</span>'
                f'<p class="sapo">{esc(a.lead)}</p></div>'
            )
        return (
            f'    <div class="list-news"><h1 class="cat-title">{esc(name)}</h1>\n        '
            + "\n        ".join(rows)
            + f"{extra}\n    </div>"
        )

    def pagination(self, slug: str, page: int, pages: int) -> str:
        links = "".join(
            f'<a href="{self.page_path(slug, n)}">{n}</a>'
            if n != page
            else f'<span class="active">{n}</span>'
            for n in range(1, pages + 1)
        )
        nxt = f'<a class="next" href="{self.page_path(slug, page + 1)}">Trang sau</a>' if page < pages else ""
        prev = f'<a class="prev" href="{self.page_path(slug, page - 1)}">Trang trước</a>' if page > 1 else ""
        return f'    <div class="pagination">{prev}{links}{nxt}</div>'


# --- family B: /<section>/<YYYYMM>/<slug>-<id>/ (Ấp Bắc, Vĩnh Long, Thái Nguyên, Đồng Nai before 2025) ------


class FamilyB(Renderer):
    family = "B"

    def figure(self, ctx: SiteContext, image: ReplicaImage) -> str:
        if ctx.site.replica.get("figure") == "table":  # the record's [replica] table: captions in a table
            return (
                f'<table class="image" align="center"><tbody><tr><td>{self.img(ctx, image)}</td></tr>'
                f'<tr><td class="image-caption">{esc(image.caption)}</td></tr></tbody></table>'
            )
        return super().figure(ctx, image)

    def article(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        if a.template == "2018":
            return self.page(
                ctx,
                title=f"{a.title} - {ctx.site.name}",
                description=a.lead,
                canonical=a.url,
                main=self.article_2018(ctx, a),
                body_class="detail",
            )
        return super().article(ctx, a)

    def lead_html(self, a: ReplicaArticle) -> str:
        if a.source_tag and a.lead.startswith(a.source_tag):
            return f"<strong>{esc(a.source_tag)}</strong>{esc(a.lead[len(a.source_tag) :])}"
        return esc(a.lead)

    def article_main(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        related = "".join(f'<li><a href="{esc(p)}">{esc(t)}</a></li>' for p, t in self.related_items(ctx, a))
        return f"""    <ol class="breadcrumb"><li><a href="/">Trang chủ</a></li>
        <li><a href="/{a.section}/">{esc(a.section_name)}</a></li></ol>
    <div class="post-detail">
        <div class="post-meta"><span id="current-date">{printed_dateline("B", a)}</span>
            <div class="post-tools"><a class="print" href="javascript:window.print()">.</a></div></div>
        <h1 class="post-title">{esc(a.title)}</h1>
        <div class="post-sapo">{self.lead_html(a)}</div>
        <div id="content" class="post-content">
            <div class="box-share"><a href="{_share(a)}">Facebook</a> <a href="#">Zalo</a></div>
            <ins class="adsbygoogle" style="display:block" data-ad-client="ca-pub-000000"
                data-ad-slot="1234"></ins>
            {self.body(ctx, a)}
        </div>
        <div class="post-tags"><span>Từ khóa:</span> {self.tag_links(a)}</div>
        <div class="article-relate"><h3>Tin cùng chuyên mục</h3><ul>{related}</ul></div>
    </div>"""

    def article_2018(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        """The template before June 2019: `div.date-update`, `#content-detail`, `p.image-caption`."""
        parts: list[str] = []
        for i, text in enumerate(a.paragraphs):
            for im in (x for x in a.images if x.after == i):
                parts.append(
                    f'<p style="text-align:center">{self.img(ctx, im)}</p>'
                    f'<p class="image-caption">{esc(im.caption)}</p>'
                )
            parts.append(f"<p>{esc(text)}</p>")
        for im in (x for x in a.images if x.after >= len(a.paragraphs)):
            parts.append(
                f'<p style="text-align:center">{self.img(ctx, im)}</p>'
                f'<p class="image-caption">{esc(im.caption)}</p>'
            )
        if a.author_line:
            parts.append(f'<p align="right"><b>{esc(a.author_line)}</b></p>')
        body = "\n            ".join(parts)
        return f"""    <div class="breadcrumb"><a href="/">Trang chủ</a> »
        <a href="/{a.section}/">{esc(a.section_name)}</a></div>
    <div class="news-detail">
        <div class="date-update">{printed_dateline("B", a)}</div>
        <h1 class="title-detail">{esc(a.title)}</h1>
        <div class="post-summary">{esc(a.lead)}</div>
        <div id="content-detail">
            {body}
        </div>
        <div class="post-tags">Tags: {self.tag_links(a)}</div>
        <div class="box-share"><a href="{_share(a)}">Chia sẻ</a></div>
    </div>"""

    def listing_main(
        self, ctx: SiteContext, name: str, items: Sequence[ReplicaArticle], here: str, extra: str
    ) -> str:
        rows = []
        for a in items:
            href = esc(self.link(ctx, a, here))
            rows.append(
                f'<article class="post-item"><a class="post-thumb" href="{href}"><img src="'
                f'{esc(a.images[0].src if a.images else "/assets/images/no-image.jpg")}" alt=""></a>'
                f'<h3><a href="{href}" title="{esc(a.title)}">{esc(a.title)}</a></h3>'
                f'<span class="post-date">{a.published:%d/%m/%Y}</span><p>{esc(a.lead)}</p>'
                "</article>"
            )
        return (
            f'    <div class="post-list"><h2 class="cate-title">{esc(name)}</h2>\n        '
            + "\n        ".join(rows)
            + f"{extra}\n    </div>"
        )

    def pagination(self, slug: str, page: int, pages: int) -> str:
        items = "".join(
            f'<li><a href="{self.page_path(slug, n)}">{n}</a></li>'
            if n != page
            else f'<li class="active"><span>{n}</span></li>'
            for n in range(1, pages + 1)
        )
        nxt = (
            f'<li><a class="next" href="{self.page_path(slug, page + 1)}">»</a></li>' if page < pages else ""
        )
        return f'    <ul class="pagination">{items}{nxt}</ul>'


# --- family C: <slug>-<id>.html with b-grid listings (Hải Phòng, Nghệ An, Hà Nội Mới) -----------------------


class FamilyC(Renderer):
    family = "C"
    og = True
    absolute_links = True

    def figure(self, ctx: SiteContext, image: ReplicaImage) -> str:
        return (
            f'<figure class="image align-center" style="text-align:center">{self.img(ctx, image)}'
            f"<figcaption><p>{esc(image.caption)}</p></figcaption></figure>"
        )

    def article_main(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        related = "".join(
            f'<li><a href="{esc(ctx.absolute(p))}">{esc(t)}</a></li>' for p, t in self.related_items(ctx, a)
        )
        box = f'<div class="b-related"><h4>Tin liên quan</h4><ul>{related}</ul></div>'
        longform = _number(a.id) % 3 == 0
        byline = (
            ""
            if a.author_line
            else (
                f'<div class="sc-longform-header-author">{self.byline_names(a)}</div>'
                if longform
                else f'<p class="b-author">{self.byline_names(a)}</p>'
            )
        )
        if longform:
            header = f"""<div class="sc-longform-header">
            <a class="b-cate" href="/{a.section}/">{esc(a.section_name)}</a>
            <h1 class="sc-longform-header-title">{esc(a.title)}</h1>
            <div class="sc-longform-header-date">{printed_dateline("C", a)}</div>
            {byline}
            <div class="sc-longform-header-sapo">{esc(a.lead)}</div>
        </div>"""
            tail = ""
        else:
            header = f"""<div class="b-header">
            <a class="b-cate" href="/{a.section}/">{esc(a.section_name)}</a>
            <h1 class="b-title">{esc(a.title)}</h1>
            <span class="b-date">{printed_dateline("C", a)}</span>
            <div class="b-share"><a href="https://www.facebook.com/sharer/sharer.php?u={quote(a.url)}">Facebook</a></div>
            <div class="b-sapo">{esc(a.lead)}</div>
        </div>"""
            tail = byline
        return f"""    <div class="b-detail">
        {header}
        <div class="b-maincontent">
            {self.body(ctx, a, related=box)}
        </div>
        {tail}
        <div class="b-tags">{self.tag_links(a)}</div>
    </div>"""

    def listing_main(
        self, ctx: SiteContext, name: str, items: Sequence[ReplicaArticle], here: str, extra: str
    ) -> str:
        rows = []
        for a in items:
            href = esc(self.link(ctx, a, here))
            rows.append(
                f'<div class="b-grid"><div class="b-grid__img"><a href="{href}"><img src="'
                f'{esc(ctx.absolute(a.images[0].src)) if a.images else ""}" alt=""></a></div>'
                '<div class="b-grid__content"><h3 class="b-grid__title"><a '
                f'href="{href}">{esc(a.title)}</a>'
                f'</h3><div class="b-grid__desc">{esc(a.lead)}</div></div></div>'
            )
        return (
            f'    <div class="l-grid"><h2 class="b-title-cate">{esc(name)}</h2>\n        '
            + "\n        ".join(rows)
            + f"{extra}\n    </div>"
        )

    def event_item(self, path: str, title: str) -> str:
        return (
            '\n        <div class="b-grid b-grid--event"><div class="b-grid__content"><h3 '
            'class="b-grid__title">'
            f'<a href="{esc(path)}">{esc(title)}</a></h3></div></div>'
        )

    def pagination(self, slug: str, page: int, pages: int) -> str:
        nxt = (
            f'<a class="b-pagination__next" href="{self.page_path(slug, page + 1)}">Xem thêm</a>'
            if page < pages
            else ""
        )
        prev = (
            f'<a class="b-pagination__prev" href="{self.page_path(slug, page - 1)}">Trang trước</a>'
            if page > 1
            else ""
        )
        return f'    <div class="b-pagination">{prev}{nxt}</div>'


# --- family D: VCCorp style -<17 digits>.htm (Tuổi Trẻ) -----------------------------------------------------


class FamilyD(Renderer):
    family = "D"
    structured = True
    absolute_links = True

    def figure(self, ctx: SiteContext, image: ReplicaImage) -> str:
        return (
            f'<figure class="VCSortableInPreviewMode" type="Photo"><div><a class="detail-img-lightbox" '
            f'href="{esc(ctx.absolute(image.src))}">{self.img(ctx, image)}</a></div>'
            '<figcaption class="PhotoCMS_Caption"><p data-placeholder="Nhập chú thích '
            f'ảnh">{esc(image.caption)}'
            f"</p></figcaption></figure>"
        )

    def article_main(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        related = "".join(
            f'<div class="relate-item"><a href="{esc(ctx.absolute(p))}">{esc(t)}</a></div>'
            for p, t in self.related_items(
                ctx,
                a,
            )
        )
        box = f'<div class="VCSortableInPreviewMode" type="RelatedOneNews">{related}</div>'
        names = "".join(f'<a class="name" href="/tac-gia/{slugify(n)}.htm">{esc(n)}</a>' for n in a.authors)
        tags = "".join(
            f'<li><a href="/tag/{slugify(t)}.htm" title="{esc(t)}">{esc(t)}</a></li>' for t in a.tags
        )
        return f"""    <div class="detail-container">
        <div class="detail-cate"><a href="/{a.section}/">{esc(a.section_name)}</a></div>
        <h1 class="detail-title article-title" data-role="title">{esc(a.title)}</h1>
        <div class="detail-top"><div class="author-info">{names}</div>
            <div class="detail-time"><div data-role="publishdate">{printed_dateline("D", a)}</div></div></div>
        <h2 class="detail-sapo" data-role="sapo">{esc(a.lead)}</h2>
        <div class="detail-cmain"><div class="detail-content afcbc-body" data-role="content">
            {self.body(ctx, a, related=box, related_after=1)}
        </div></div>
        <div class="detail-tab"><ul class="detail-tab">{tags}</ul></div>
        <div class="relate-container"><h3>Xem thêm</h3></div>
    </div>"""

    def page_path(self, slug: str, n: int) -> str:
        return f"/{slug}/" if n == 1 else f"/{slug}/trang-{n}.htm"

    def listing_main(
        self, ctx: SiteContext, name: str, items: Sequence[ReplicaArticle], here: str, extra: str
    ) -> str:
        rows = []
        for a in items:
            href = esc(self.link(ctx, a, here))
            rows.append(
                '<div class="box-category-item"><a class="box-category-link-with-avatar" '
                f'href="{href}">'
                f'<img src="{esc(ctx.absolute(a.images[0].src)) if a.images else ""}" alt=""></a>'
                f'<h3 class="box-title-text"><a class="box-category-link-title" href="{href}" '
                f'title="{esc(a.title)}">{esc(a.title)}</a></h3><p '
                f'class="box-category-sapo">{esc(a.lead)}'
                "</p></div>"
            )
        return (
            f'    <div class="box-category"><h1 class="box-category-title">{esc(name)}</h1>\n        '
            + "\n        ".join(rows)
            + f"{extra}\n    </div>"
        )

    def pagination(self, slug: str, page: int, pages: int) -> str:
        nxt = f'<a rel="next" href="{self.page_path(slug, page + 1)}">Xem thêm</a>' if page < pages else ""
        return f'    <div class="box-viewmore">{nxt}</div>'


# --- family E: -post<id>.html (SGGP, Hà Tĩnh) ---------------------------------------------------------------


class FamilyE(Renderer):
    family = "E"
    structured = True
    absolute_links = True

    def figure(self, ctx: SiteContext, image: ReplicaImage) -> str:
        return (
            '<table class="picture" align="center"><tbody><tr><td '
            f'class="pic">{self.img(ctx, image)}</td></tr>'
            f'<tr><td class="caption"><p>{esc(image.caption)}</p></td></tr></tbody></table>'
        )

    def paragraph(self, text: str) -> str:
        return f"<p>{esc(text)}</p>"

    def article_main(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        related = "".join(
            f'<article class="story"><h3 class="story__heading"><a class="cms-link" '
            f'href="{esc(ctx.absolute(p))}">{esc(t)}</a></h3></article>'
            for p, t in self.related_items(ctx, a)
        )
        box = f'<div class="article__related"><div class="box-heading">Tin liên quan</div>{related}</div>'
        names = "".join(f'<span class="name cms-author">{esc(n)}</span>' for n in a.authors)
        stamp = iso(a.published)
        return f"""    <div class="breadcrumb"><a href="/">Trang chủ</a>
        <a class="active" href="/{a.section}/">{esc(a.section_name)}</a></div>
    <article class="article">
        <h1 class="article__title cms-title">{esc(a.title)}</h1>
        <div class="article__meta"><time datetime="{stamp}">{printed_dateline("E", a)}</time>
            <div class="social-share"><a href="{_share(a)}">Chia sẻ</a></div></div>
        <div class="article__sapo cms-desc">{esc(a.lead)}</div>
        <div class="article__body cms-body">
            {self.body(ctx, a, related=box)}
        </div>
        <div class="article__author">{names}</div>
        <div class="article__tag"><span>Từ khóa:</span> {self.tag_links(a)}</div>
        <div class="box-related"><div class="box-heading">Đọc thêm</div></div>
    </article>"""

    def listing_main(
        self, ctx: SiteContext, name: str, items: Sequence[ReplicaArticle], here: str, extra: str
    ) -> str:
        rows = []
        for a in items:
            href = esc(self.link(ctx, a, here))
            rows.append(
                '<article class="story"><figure class="story__thumb"><a class="cms-link" '
                f'href="{href}">'
                f'<img src="{esc(ctx.absolute(a.images[0].src)) if a.images else ""}" '
                'alt=""></a></figure>'
                '<h3 class="story__heading"><a class="cms-link" '
                f'href="{href}">{esc(a.title)}</a></h3>'
                f'<div class="story__summary">{esc(a.lead)}</div></article>'
            )
        return (
            f'    <div class="box-content content-list"><h1 class="box-heading">{esc(name)}</h1>\n       '
            " " + "\n        ".join(rows) + f"{extra}\n    </div>"
        )

    def pagination(self, slug: str, page: int, pages: int) -> str:
        nxt = (
            f'<a class="pagination__next" href="{self.page_path(slug, page + 1)}">Trang tiếp</a>'
            if page < pages
            else ""
        )
        prev = (
            f'<a class="pagination__prev" href="{self.page_path(slug, page - 1)}">Trang trước</a>'
            if page > 1
            else ""
        )
        return f'    <div class="pagination">{prev}{nxt}</div>'


# --- family F: -<id>.htm with #dcontent (Phú Thọ, Thanh Hóa) ------------------------------------------------


class FamilyF(Renderer):
    family = "F"

    def figure(self, ctx: SiteContext, image: ReplicaImage) -> str:
        if _number(image.src) % 2 == 0:
            return (
                f'<p style="text-align:center">{self.img(ctx, image)}</p>'
                f'<p class="img-caption">{esc(image.caption)}</p>'
            )
        return super().figure(ctx, image)

    def article_main(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        related = "".join(f'<li><a href="{esc(p)}">{esc(t)}</a></li>' for p, t in self.related_items(ctx, a))
        return f"""    <div class="cat-detail"><a href="/{a.section}/">{esc(a.section_name)}</a></div>
    <div class="main-detail">
        <h1 class="title-detail">{esc(a.title)}</h1>
        <div class="info-detail"><span class="time">{printed_dateline("F", a)}</span>
            <span class="share"><a href="{_share(a)}">Chia sẻ</a></span></div>
        <div class="sapo-detail">{esc(a.lead)}</div>
        <div id="dcontent" class="content-detail">
            {self.body(ctx, a)}
        </div>
        <div class="author-detail">{self.byline_names(a)}</div>
        <div class="tag-detail">{self.tag_links(a)}</div>
        <div class="related-detail"><h3>Tin liên quan</h3><ul>{related}</ul></div>
    </div>"""

    def listing_main(
        self, ctx: SiteContext, name: str, items: Sequence[ReplicaArticle], here: str, extra: str
    ) -> str:
        rows = []
        for a in items:
            href = esc(self.link(ctx, a, here))
            rows.append(
                f'<div class="item"><a class="img" href="{href}"><img src="'
                f'{esc(a.images[0].src) if a.images else ""}" alt=""></a><h3 class="title"><a '
                f'href="{href}">'
                f'{esc(a.title)}</a></h3><div class="sapo">{esc(a.lead)}</div></div>'
            )
        return (
            f'    <div class="list-cat"><h1 class="title-cat">{esc(name)}</h1>\n        '
            + "\n        ".join(rows)
            + f"{extra}\n    </div>"
        )

    def pagination(self, slug: str, page: int, pages: int) -> str:
        nxt = (
            f'<a class="page-next" href="{self.page_path(slug, page + 1)}">Tiếp »</a>' if page < pages else ""
        )
        return f'    <div class="paging">{nxt}</div>'


# --- family G: 2025 platform, /<section>/<YYYYMM>/<slug>-<7 hex>/ (Đồng Nai) --------------------------------


class FamilyG(Renderer):
    family = "G"
    structured = True
    absolute_links = True

    def article_main(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        related = "".join(
            '<div class="card"><h3 class="card__title"><a '
            f'href="{esc(ctx.absolute(p))}">{esc(t)}</a>'
            "</h3></div>"
            for p, t in self.related_items(ctx, a)
        )
        box = f'<div class="detail__related"><h4>Tin liên quan</h4>{related}</div>'
        tags = "".join(f'<a href="/tag/{slugify(t)}/">{esc(t)}</a>' for t in a.tags)
        return f"""    <div class="detail">
        <a class="detail__cate" href="/{a.section}/">{esc(a.section_name)}</a>
        <h1 class="detail__title">{esc(a.title)}</h1>
        <div class="detail__meta"><span class="detail__time">{printed_dateline("G", a)}</span>
            <span class="detail__share"><a href="{_share(a)}">Chia sẻ</a></span></div>
        <div class="detail__summary">{esc(a.lead)}</div>
        <div class="detail__content">
            {self.body(ctx, a, related=box, related_after=3)}
        </div>
        <div class="detail__author">{self.byline_names(a)}</div>
        <div class="detail__tags">{tags}</div>
    </div>"""

    def listing_main(
        self, ctx: SiteContext, name: str, items: Sequence[ReplicaArticle], here: str, extra: str
    ) -> str:
        rows = []
        for a in items:
            href = esc(self.link(ctx, a, here))
            rows.append(
                f'<div class="card card--horizontal"><a class="card__image" href="{href}"><img src="'
                f'{esc(ctx.absolute(a.images[0].src)) if a.images else ""}" alt=""></a><div '
                'class="card__body">'
                f'<h3 class="card__title"><a href="{href}">{esc(a.title)}</a></h3><p '
                'class="card__sapo">'
                f"{esc(a.lead)}</p></div></div>"
            )
        return (
            f'    <section class="category"><h1 class="category__title">{esc(name)}</h1>\n        '
            + "\n        ".join(rows)
            + f"{extra}\n    </section>"
        )

    def pagination(self, slug: str, page: int, pages: int) -> str:
        nxt = (
            f'<a class="pagination__next" href="{self.page_path(slug, page + 1)}">Trang sau</a>'
            if page < pages
            else ""
        )
        return f'    <nav class="pagination">{nxt}</nav>'


RENDERERS: dict[str, Renderer] = {
    r.family: r for r in (FamilyA(), FamilyB(), FamilyC(), FamilyD(), FamilyE(), FamilyF(), FamilyG())
}


def renderer_for(site: Site) -> Renderer:
    return RENDERERS[site.family.key]


def finish(html: str, nfd: bool) -> bytes:
    """The page's bytes: UTF-8, decomposed (NFD) where the article is served that way."""
    return (unicodedata.normalize("NFD", html) if nfd else html).encode("utf-8")


__all__ = ["PAGE_SIZE", "RENDERERS", "Renderer", "SiteContext", "dateline", "finish", "renderer_for"]
