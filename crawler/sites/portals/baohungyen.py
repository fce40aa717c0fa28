"""Báo Hưng Yên (baohungyen.vn), Hưng Yên. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baohungyen",
    name="Báo Hưng Yên",
    domains=("baohungyen.vn",),
    province="Hưng Yên",
    family=FAMILY_C,
    verified=False,
    notes="Articles at /<slug>-<id>.html.",
)
