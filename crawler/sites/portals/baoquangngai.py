"""Báo Quảng Ngãi (baoquangngai.vn), Quảng Ngãi. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_F
from crawler.sites.model import Site

SITE = Site(
    key="baoquangngai",
    name="Báo Quảng Ngãi",
    domains=("baoquangngai.vn",),
    province="Quảng Ngãi",
    family=FAMILY_F,
    verified=False,
    notes="Articles at /<slug>-<id>.htm.",
)
