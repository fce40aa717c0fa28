"""Báo Quảng Nam (baoquangnam.vn), Đà Nẵng. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baoquangnam",
    name="Báo Quảng Nam",
    domains=("baoquangnam.vn",),
    province="Đà Nẵng",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baodanang",
    former_province="Quảng Nam",
    verified=False,
    notes="Articles at /<slug>-<id>.html.",
)
