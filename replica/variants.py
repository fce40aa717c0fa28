"""Markup variants: a site's article pages printed in markup its declaration does not describe.

A real portal of a registered family often prints its fields in other elements and classes than the family's
declaration expects, while its JSON-LD still fills them. `Replica.use_variant(site, name)` switches a site to a
variant (None switches back), so `crawler check` can be tested on finding the wrong declared fields and on
repairing them (crawler/monitor/repair.py).

`reworked` (family C): the site name in an `<h1>` of the header before the headline, the headline in
`h1.article-title`, the section in `a.cate-name` of a breadcrumb, the dateline in `span.x-date` and the byline in
`span.x-author` of a meta line, the sapo in `p.x-sapo`, the tags in `ul.x-tags`; the body stays in
`div.b-maincontent`. JSON-LD and `article:*` meta carry every field, as on the real pages this imitates.
"""

from __future__ import annotations

from urllib.parse import quote

from replica.model import ReplicaArticle
from replica.render import FamilyC, Renderer, SiteContext, esc, printed_dateline
from replica.topics import slugify


class FamilyCReworked(FamilyC):
    """Family C's pages as a portal that reworked its template prints them (see the module docstring)."""

    structured = True

    def header(self, ctx: SiteContext) -> str:
        items = "".join(f'<li><a href="/{slug}/">{esc(name)}</a></li>' for slug, name in ctx.sections)
        return f"""<header class="site-header">
    <div class="wrapper"><h1 class="site-name"><a href="/">{esc(ctx.site.name)}</a></h1></div>
    <nav class="nav-main"><ul><li><a href="/">Trang chủ</a></li>{items}</ul></nav>
</header>"""

    def tag_links(self, a: ReplicaArticle) -> str:
        return "".join(f'<li><a href="/tag/{quote(slugify(t))}.html">{esc(t)}</a></li>' for t in a.tags)

    def article_main(self, ctx: SiteContext, a: ReplicaArticle) -> str:
        related = "".join(
            f'<li><a href="{esc(ctx.absolute(p))}">{esc(t)}</a></li>' for p, t in self.related_items(ctx, a)
        )
        box = f'<div class="b-related"><h4>Tin liên quan</h4><ul>{related}</ul></div>'
        byline = "" if a.author_line else f'<span class="x-author">{self.byline_names(a)}</span>'
        tags = f'<ul class="x-tags">{self.tag_links(a)}</ul>' if a.tags else ""
        return f"""    <div class="x-breadcrumb"><a href="/">Trang chủ</a> &raquo;
        <a class="cate-name" href="/{a.section}/">{esc(a.section_name)}</a></div>
    <article class="x-detail">
        <h1 class="article-title">{esc(a.title)}</h1>
        <div class="article-meta"><span class="x-date">{printed_dateline("C", a)}</span> {byline}</div>
        <p class="x-sapo">{esc(a.lead)}</p>
        <div class="b-maincontent">
            {self.body(ctx, a, related=box)}
        </div>
        {tags}
    </article>"""


VARIANTS: dict[str, Renderer] = {"reworked": FamilyCReworked()}
"""Variant renderers by name; each belongs to one family (`Renderer.family`)."""


def variant_renderer(name: str, family: str) -> Renderer:
    """The variant `name`, checked to exist and to print `family`'s pages; ValueError otherwise."""
    renderer = VARIANTS.get(name)
    if renderer is None:
        raise ValueError(f"unknown replica variant {name!r}; known: {', '.join(sorted(VARIANTS))}")
    if renderer.family != family:
        raise ValueError(
            f"replica variant {name!r} prints family {renderer.family} pages, not family {family}"
        )
    return renderer


__all__ = ["VARIANTS", "FamilyCReworked", "variant_renderer"]
