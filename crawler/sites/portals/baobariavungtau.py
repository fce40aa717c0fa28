"""Báo Bà Rịa - Vũng Tàu (baobariavungtau.com.vn), TP Hồ Chí Minh. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_B
from crawler.sites.model import Site

SITE = Site(
    key="baobariavungtau",
    name="Báo Bà Rịa - Vũng Tàu",
    domains=("baobariavungtau.com.vn",),
    province="TP Hồ Chí Minh",
    family=FAMILY_B,
    active_to=date(2025, 6, 30),
    successor="sggp",
    former_province="Bà Rịa - Vũng Tàu",
    verified=False,
    notes="No article URL seen in the sources: family guessed.",
)
