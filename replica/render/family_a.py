"""Family A's pages: -a<id>.html (Cần Thơ, Đồng Tháp, An Giang, Long An).

The article page, listing pages and pagination as the family's newest template prints them; the
selectors in `crawler/sites/families/family_a.py` read them.
"""

from __future__ import annotations

from collections.abc import Sequence

from replica.model import ReplicaArticle, ReplicaImage
from replica.render.base import Renderer, SiteContext
from replica.render.markup import esc, printed_dateline, share_link, stable_number


class FamilyA(Renderer):
    family = "A"
    og = True

    def figure(self, ctx: SiteContext, image: ReplicaImage) -> str:
        return (
            f'<table class="image center" align="center"><tbody><tr><td>{self.img(ctx, image)}</td></tr>'
            f'<tr><td class="image-caption">{esc(image.caption)}</td></tr></tbody></table>'
        )

    def author_paragraph(self, a: ReplicaArticle) -> str:
        if stable_number(a.id) % 2:
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
            <span class="view-count">Lượt xem: {stable_number(a.id) * 7 % 2000 + 150}</span></div>
        <div class="share-detail"><a class="fb" href="{share_link(a)}">Chia sẻ</a>
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
