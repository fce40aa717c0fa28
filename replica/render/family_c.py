"""Family C's pages: <slug>-<id>.html with b-grid listings (Hải Phòng, Nghệ An, Hà Nội Mới).

The article page, listing pages and pagination as the family's newest template prints them; the
selectors in `crawler/sites/families/family_c.py` read them.
"""

from __future__ import annotations

from collections.abc import Sequence
from urllib.parse import quote

from replica.model import ReplicaArticle, ReplicaImage
from replica.render.base import Renderer, SiteContext
from replica.render.markup import esc, printed_dateline, stable_number


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
        longform = stable_number(a.id) % 3 == 0
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
