"""Family B's pages: /<section>/<YYYYMM>/<slug>-<id>/ (Ấp Bắc, Vĩnh Long, Thái Nguyên, Đồng Nai before 2025).

The article page, listing pages and pagination as the family's newest template prints them; the
selectors in `crawler/sites/families/family_b.py` read them.
Also the 2018 template of old Ấp Bắc pages (`template="2018"`).
"""

from __future__ import annotations

from collections.abc import Sequence

from replica.model import ReplicaArticle, ReplicaImage
from replica.render.base import Renderer, SiteContext
from replica.render.markup import esc, printed_dateline, share_link


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
            <div class="box-share"><a href="{share_link(a)}">Facebook</a> <a href="#">Zalo</a></div>
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
        <div class="box-share"><a href="{share_link(a)}">Chia sẻ</a></div>
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
