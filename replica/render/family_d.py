"""Family D's pages: VCCorp style -<17 digits>.htm (Tuổi Trẻ).

The article page, listing pages and pagination as the family's newest template prints them; the
selectors in `crawler/sites/families/family_d.py` read them.
"""

from __future__ import annotations

from collections.abc import Sequence

from replica.model import ReplicaArticle, ReplicaImage
from replica.render.base import Renderer, SiteContext
from replica.render.markup import esc, printed_dateline
from replica.topics import slugify


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
