"""Báo Kiên Giang (baokiengiang.vn), An Giang. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baokiengiang",
    name="Báo Kiên Giang",
    domains=("baokiengiang.vn",),
    province="An Giang",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baoangiang",
    former_province="Kiên Giang",
    verified=False,
    notes="Articles at /<slug>-<id>.html.",
)
