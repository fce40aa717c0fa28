"""Báo Tây Ninh (baotayninh.vn), Tây Ninh. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_A
from crawler.sites.model import Site

SITE = Site(
    key="baotayninh",
    name="Báo Tây Ninh",
    domains=("baotayninh.vn",),
    province="Tây Ninh",
    family=FAMILY_A,
    verified=False,
    notes="Articles at /<slug>-a<id>.html; has served HTML with several <html> roots; served on www.",
)
