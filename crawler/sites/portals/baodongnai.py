"""Báo Đồng Nai (baodongnai.com.vn), Đồng Nai."""

from datetime import date

from crawler.sites.families import FAMILY_G
from crawler.sites.model import Site

SITE = Site(
    key="baodongnai",
    name="Báo Đồng Nai",
    domains=("baodongnai.com.vn",),
    province="Đồng Nai",
    family=FAMILY_G,
    active_from=date(2025, 7, 1),
    listings=("/chinh-tri/", "/xa-hoi/"),
)
