"""Báo Đồng Nai (before the 2025 platform) (baodongnai.com.vn), Đồng Nai."""

from datetime import date

from crawler.sites.families import FAMILY_B
from crawler.sites.model import Site

SITE = Site(
    key="baodongnai_legacy",
    name="Báo Đồng Nai (before the 2025 platform)",
    domains=("baodongnai.com.vn",),
    province="Đồng Nai",
    family=FAMILY_B,
    active_to=date(2025, 6, 30),
    successor="baodongnai",
    feeds=("/thoi-su/index.rss",),
)
