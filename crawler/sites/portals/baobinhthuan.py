"""Báo Bình Thuận (baobinhthuan.com.vn), Lâm Đồng. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baobinhthuan",
    name="Báo Bình Thuận",
    domains=("baobinhthuan.com.vn",),
    province="Lâm Đồng",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baolamdong",
    former_province="Bình Thuận",
    verified=False,
    notes="Articles at /<slug>-<id>.html.",
)
