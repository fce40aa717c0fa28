"""Báo Khánh Hòa (baokhanhhoa.vn), Khánh Hòa. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_G
from crawler.sites.model import Site

SITE = Site(
    key="baokhanhhoa",
    name="Báo Khánh Hòa",
    domains=("baokhanhhoa.vn",),
    province="Khánh Hòa",
    family=FAMILY_G,
    verified=False,
    notes="Articles at /<cat>/<YYYYMM>/<slug>-<7 hex>/ (the 2025 platform).",
)
