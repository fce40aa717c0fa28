"""Báo Sài Gòn Giải Phóng (sggp.org.vn), TP Hồ Chí Minh."""

from crawler.sites.families import FAMILY_E
from crawler.sites.model import Site

SITE = Site(
    key="sggp",
    name="Báo Sài Gòn Giải Phóng",
    domains=("sggp.org.vn",),
    province="TP Hồ Chí Minh",
    family=FAMILY_E,
    listings=("/thoi-su/",),
)
