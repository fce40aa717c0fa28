"""Báo Sóc Trăng (baosoctrang.org.vn), Cần Thơ. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_G
from crawler.sites.model import Site

SITE = Site(
    key="baosoctrang",
    name="Báo Sóc Trăng",
    domains=("baosoctrang.org.vn",),
    province="Cần Thơ",
    family=FAMILY_G,
    active_to=date(2025, 6, 30),
    successor="baocantho",
    former_province="Sóc Trăng",
    verified=False,
    notes="Articles at /<cat>/<YYYYMM>/<slug>-<hex>/.",
)
