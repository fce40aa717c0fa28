"""Báo Hà Tĩnh (baohatinh.vn), Hà Tĩnh."""

from crawler.sites.families import FAMILY_E
from crawler.sites.model import Site

SITE = Site(
    key="baohatinh",
    name="Báo Hà Tĩnh",
    domains=("baohatinh.vn",),
    province="Hà Tĩnh",
    family=FAMILY_E,
    listings=("/thoi-su/",),
)
