"""Báo Vĩnh Phúc (baovinhphuc.com.vn), Phú Thọ. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baovinhphuc",
    name="Báo Vĩnh Phúc",
    domains=("baovinhphuc.com.vn",),
    province="Phú Thọ",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baophutho",
    former_province="Vĩnh Phúc",
    verified=False,
    notes="Domain itself weakly attested; family guessed.",
)
