"""Family E's pages: -post<id>.html (SGGP, Hà Tĩnh).

The article page, listing pages and pagination as the family's newest template prints them; the
selectors in `crawler/sites/families/family_e.py` read them.
"""

from __future__ import annotations

from collections.abc import Sequence

from replica.model import ReplicaArticle, ReplicaImage
from replica.render.base import Renderer, SiteContext
from replica.render.markup import esc, iso, printed_dateline, share_link


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
            <div class="social-share"><a href="{share_link(a)}">Chia sẻ</a></div></div>
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
