"""Báo Hòa Bình (baohoabinh.com.vn), Phú Thọ. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baohoabinh",
    name="Báo Hòa Bình",
    domains=("baohoabinh.com.vn",),
    province="Phú Thọ",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baophutho",
    former_province="Hòa Bình",
    verified=False,
    notes="No article URL seen in the sources: family guessed.",
)
