"""Family G's pages: 2025 platform, /<section>/<YYYYMM>/<slug>-<7 hex>/ (Đồng Nai).

The article page, listing pages and pagination as the family's newest template prints them; the
selectors in `crawler/sites/families/family_g.py` read them.
"""

from __future__ import annotations

from collections.abc import Sequence

from replica.model import ReplicaArticle
from replica.render.base import Renderer, SiteContext
from replica.render.markup import esc, printed_dateline, share_link
from replica.topics import slugify


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
            <span class="detail__share"><a href="{share_link(a)}">Chia sẻ</a></span></div>
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
