"""Báo Hà Nam (baohanam.com.vn), Ninh Bình. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baohanam",
    name="Báo Hà Nam",
    domains=("baohanam.com.vn",),
    province="Ninh Bình",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baoninhbinh",
    former_province="Hà Nam",
    verified=False,
    notes="Articles at /<slug>-<id>.html.",
)
