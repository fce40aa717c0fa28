"""Báo Vĩnh Long (baovinhlong.com.vn), Vĩnh Long."""

from crawler.sites.families import FAMILY_B
from crawler.sites.model import Site

SITE = Site(
    key="baovinhlong",
    name="Báo Vĩnh Long",
    domains=("baovinhlong.com.vn",),
    province="Vĩnh Long",
    family=FAMILY_B,
    feeds=("/thoi-su/index.rss", "/kinh-te/index.rss"),
)
