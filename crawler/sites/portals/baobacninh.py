"""Báo Bắc Ninh (before the 2025 merger) (baobacninh.com.vn), Bắc Ninh. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baobacninh",
    name="Báo Bắc Ninh (before the 2025 merger)",
    domains=("baobacninh.com.vn",),
    province="Bắc Ninh",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baobacninhtv",
    former_province="Bắc Ninh",
    verified=False,
    notes="The old Bắc Ninh paper; the merged paper runs Bắc Giang's CMS. Family guessed.",
)
