"""Báo Bạc Liêu (baobaclieu.vn), Cà Mau. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baobaclieu",
    name="Báo Bạc Liêu",
    domains=("baobaclieu.vn",),
    province="Cà Mau",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baocamau",
    former_province="Bạc Liêu",
    verified=False,
    notes="Articles at /<slug>-<id>.html.",
)
