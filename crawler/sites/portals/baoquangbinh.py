"""Báo Quảng Bình (baoquangbinh.vn), Quảng Trị. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_B
from crawler.sites.model import Site

SITE = Site(
    key="baoquangbinh",
    name="Báo Quảng Bình",
    domains=("baoquangbinh.vn",),
    province="Quảng Trị",
    family=FAMILY_B,
    active_to=date(2025, 6, 30),
    successor="baoquangtri",
    former_province="Quảng Bình",
    verified=False,
    notes="Articles at /<cat>/<YYYYMM>/<slug>-<id>/.",
)
