"""Báo Lạng Sơn (baolangson.vn), Lạng Sơn. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baolangson",
    name="Báo Lạng Sơn",
    domains=("baolangson.vn",),
    province="Lạng Sơn",
    family=FAMILY_C,
    verified=False,
    notes="Articles at /<slug>-<id>.html.",
)
