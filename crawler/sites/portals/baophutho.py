"""Báo Phú Thọ (baophutho.vn), Phú Thọ."""

from crawler.sites.families import FAMILY_F
from crawler.sites.model import Site

SITE = Site(
    key="baophutho",
    name="Báo Phú Thọ",
    domains=("baophutho.vn",),
    province="Phú Thọ",
    family=FAMILY_F,
    listings=("/thoi-su/",),
)
