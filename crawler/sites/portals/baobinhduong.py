"""Báo Bình Dương (baobinhduong.vn), TP Hồ Chí Minh. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_A
from crawler.sites.model import Site

SITE = Site(
    key="baobinhduong",
    name="Báo Bình Dương",
    domains=("baobinhduong.vn",),
    province="TP Hồ Chí Minh",
    family=FAMILY_A,
    active_to=date(2025, 6, 30),
    successor="sggp",
    former_province="Bình Dương",
    verified=False,
    notes="Articles at /<slug>-a<id>.html; still crawled by some configs in 2026, so whether it stopped is unsure.",
)
