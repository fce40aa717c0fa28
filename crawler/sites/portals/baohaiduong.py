"""Báo Hải Dương (baohaiduong.vn), Hải Phòng. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baohaiduong",
    name="Báo Hải Dương",
    domains=("baohaiduong.vn",),
    province="Hải Phòng",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baohaiphong",
    former_province="Hải Dương",
    verified=False,
    notes="Articles at /<slug>-<id>.html.",
)
