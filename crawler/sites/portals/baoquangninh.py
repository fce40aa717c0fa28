"""Báo Quảng Ninh (baoquangninh.vn), Quảng Ninh. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baoquangninh",
    name="Báo Quảng Ninh",
    domains=("baoquangninh.vn", "baoquangninh.com.vn"),
    province="Quảng Ninh",
    family=FAMILY_C,
    verified=False,
    notes="Articles at /<slug>-<id>.html; about 50 section feeds at /rss/news/<slug>.rss (names unconfirmed).",
)
