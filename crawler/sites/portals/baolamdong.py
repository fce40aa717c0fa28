"""Báo Lâm Đồng (baolamdong.vn), Lâm Đồng. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baolamdong",
    name="Báo Lâm Đồng",
    domains=("baolamdong.vn",),
    province="Lâm Đồng",
    family=FAMILY_C,
    verified=False,
    notes="Articles at /<slug>-<id>.html.",
)
