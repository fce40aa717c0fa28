"""Báo Đồng Tháp (baodongthap.vn), Đồng Tháp."""

from crawler.sites.families import FAMILY_A
from crawler.sites.model import Site

SITE = Site(
    key="baodongthap",
    name="Báo Đồng Tháp",
    domains=("baodongthap.vn",),
    province="Đồng Tháp",
    family=FAMILY_A,
    feeds=("/rss/home.rss",),
    listings=("/thoi-su/", "/kinh-te/"),
)
