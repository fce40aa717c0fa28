"""Báo An Giang (baoangiang.com.vn), An Giang."""

from crawler.sites.families import FAMILY_A
from crawler.sites.model import Site

SITE = Site(
    key="baoangiang",
    name="Báo An Giang",
    domains=("baoangiang.com.vn",),
    province="An Giang",
    family=FAMILY_A,
    listings=("/thoi-su/",),
)
