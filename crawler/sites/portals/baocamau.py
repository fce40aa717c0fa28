"""Báo Cà Mau (baocamau.vn), Cà Mau. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baocamau",
    name="Báo Cà Mau",
    domains=("baocamau.vn",),
    province="Cà Mau",
    family=FAMILY_C,
    verified=False,
    notes="Articles end .html; the id form is unconfirmed.",
)
