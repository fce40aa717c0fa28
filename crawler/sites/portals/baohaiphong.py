"""Báo Hải Phòng (baohaiphong.vn), Hải Phòng."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baohaiphong",
    name="Báo Hải Phòng",
    domains=("baohaiphong.vn",),
    province="Hải Phòng",
    family=FAMILY_C,
    listings=("/thoi-su/",),
)
