"""Báo Phú Yên (baophuyen.vn), Đắk Lắk. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baophuyen",
    name="Báo Phú Yên",
    domains=("baophuyen.vn",),
    province="Đắk Lắk",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baodaklak",
    former_province="Phú Yên",
    verified=False,
    notes="Domain weakly attested; family guessed.",
)
