"""Báo Gia Lai (baogialai.com.vn), Gia Lai. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_E
from crawler.sites.model import Site

SITE = Site(
    key="baogialai",
    name="Báo Gia Lai",
    domains=("baogialai.com.vn",),
    province="Gia Lai",
    family=FAMILY_E,
    verified=False,
    notes="Articles at /<slug>-post<id>.html.",
)
