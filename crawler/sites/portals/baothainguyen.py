"""Báo Thái Nguyên (baothainguyen.vn), Thái Nguyên."""

from crawler.sites.families import FAMILY_B
from crawler.sites.model import Site

SITE = Site(
    key="baothainguyen",
    name="Báo Thái Nguyên",
    domains=("baothainguyen.vn",),
    province="Thái Nguyên",
    family=FAMILY_B,
    listings=("/thoi-su/",),
)
