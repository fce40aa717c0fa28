"""Báo Trà Vinh (baotravinh.vn), Vĩnh Long. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baotravinh",
    name="Báo Trà Vinh",
    domains=("baotravinh.vn", "travinh.baovinhlong.vn"),
    province="Vĩnh Long",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baovinhlong",
    former_province="Trà Vinh",
    verified=False,
    notes="Its archive moved under travinh.baovinhlong.vn; family guessed.",
)
