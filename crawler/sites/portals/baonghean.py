"""Báo Nghệ An (baonghean.vn), Nghệ An."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baonghean",
    name="Báo Nghệ An",
    domains=("baonghean.vn",),
    province="Nghệ An",
    family=FAMILY_C,
    listings=("/thoi-su/",),
)
