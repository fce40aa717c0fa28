"""Báo Thanh Hóa (baothanhhoa.vn), Thanh Hóa."""

from crawler.sites.families import FAMILY_F
from crawler.sites.model import Site

SITE = Site(
    key="baothanhhoa",
    name="Báo Thanh Hóa",
    domains=("baothanhhoa.vn",),
    province="Thanh Hóa",
    family=FAMILY_F,
    listings=("/thoi-su/",),
)
