"""Báo Cần Thơ (baocantho.com.vn), Cần Thơ."""

from crawler.sites.families import FAMILY_A
from crawler.sites.model import Site

SITE = Site(
    key="baocantho",
    name="Báo Cần Thơ",
    domains=("baocantho.com.vn",),
    province="Cần Thơ",
    family=FAMILY_A,
    listings=("/thoi-su/", "/xa-hoi/"),
)
