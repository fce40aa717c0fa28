"""Báo Hànộimới (hanoimoi.vn), Hà Nội."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="hanoimoi",
    name="Báo Hànộimới",
    domains=("hanoimoi.vn",),
    province="Hà Nội",
    family=FAMILY_C,
    listings=("/chinh-tri/",),
)
