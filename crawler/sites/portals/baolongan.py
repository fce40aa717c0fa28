"""Báo Long An (baolongan.vn), Tây Ninh."""

from datetime import date

from crawler.sites.families import FAMILY_A
from crawler.sites.model import Site

SITE = Site(
    key="baolongan",
    name="Báo Long An",
    domains=("baolongan.vn",),
    province="Tây Ninh",
    family=FAMILY_A,
    active_to=date(2025, 6, 30),
    successor="baotayninh",
    former_province="Long An",
    listings=("/thoi-su/",),
)
