"""Báo Kon Tum (baokontum.com.vn), Quảng Ngãi. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baokontum",
    name="Báo Kon Tum",
    domains=("baokontum.com.vn",),
    province="Quảng Ngãi",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baoquangngai",
    former_province="Kon Tum",
    verified=False,
    notes="Had RSS; no article URL seen in the sources: family guessed.",
)
