"""Báo Quảng Trị (baoquangtri.vn), Quảng Trị. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_G
from crawler.sites.model import Site

SITE = Site(
    key="baoquangtri",
    name="Báo Quảng Trị",
    domains=("baoquangtri.vn",),
    province="Quảng Trị",
    family=FAMILY_G,
    verified=False,
    notes="Articles at /<cat>/<YYYYMM>/<slug>-<hex>/ (the 2025 platform).",
)
