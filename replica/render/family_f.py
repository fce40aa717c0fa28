"""Family F's pages: -<id>.htm with #dcontent (Phú Thọ, Thanh Hóa).

The article page, listing pages and pagination as the family's newest template prints them; the
selectors in `crawler/sites/families/family_f.py` read them.
"""

from __future__ import annotations

from collections.abc import Sequence

from replica.model import ReplicaArticle, ReplicaImage
from replica.render.base import Renderer, SiteContext
from replica.render.markup import esc, printed_dateline, share_link, stable_number


class FamilyF(Renderer):
    family = "F"

    def figure(self, ctx: SiteContext, image: ReplicaImage) -> str:
        if stable_number(image.src) % 2 == 0:
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
            <span class="share"><a href="{share_link(a)}">Chia sẻ</a></span></div>
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
