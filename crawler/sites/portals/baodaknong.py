"""Báo Đắk Nông (baodaknong.vn), Lâm Đồng. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baodaknong",
    name="Báo Đắk Nông",
    domains=("baodaknong.vn",),
    province="Lâm Đồng",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baolamdong",
    former_province="Đắk Nông",
    verified=False,
    notes="No article URL seen in the sources: family guessed.",
)
