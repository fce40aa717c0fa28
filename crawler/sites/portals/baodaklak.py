"""Báo Đắk Lắk (baodaklak.vn), Đắk Lắk. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_B
from crawler.sites.model import Site

SITE = Site(
    key="baodaklak",
    name="Báo Đắk Lắk",
    domains=("baodaklak.vn",),
    province="Đắk Lắk",
    family=FAMILY_B,
    article_url=r"^/[a-z0-9-]+/\d{6}/[a-z0-9-]+?(?:-(?P<id>\d{4,}))?/?(?:index\.htm)?$",
    verified=False,
    notes="Articles at /<cat>/<YYYYMM>/<slug>/, the id at the slug's end where there is one.",
)
