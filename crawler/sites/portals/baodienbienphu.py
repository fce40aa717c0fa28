"""Báo Điện Biên Phủ (baodienbienphu.vn), Điện Biên. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baodienbienphu",
    name="Báo Điện Biên Phủ",
    domains=("baodienbienphu.vn", "baodienbienphu.info.vn"),
    province="Điện Biên",
    family=FAMILY_C,
    article_url=r"^/tin-bai/[a-z0-9-]+/[a-z0-9-]+/?$",
    verified=False,
    notes="Articles at /tin-bai/<cat>/<slug>: no id in the URL; older lists give baodienbienphu.info.vn.",
)
