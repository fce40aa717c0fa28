"""Báo Ấp Bắc (baoapbac.vn), Đồng Tháp."""

from datetime import date

from crawler.sites.families import FAMILY_B
from crawler.sites.model import Site

SITE = Site(
    key="baoapbac",
    name="Báo Ấp Bắc",
    domains=("baoapbac.vn",),
    province="Đồng Tháp",
    family=FAMILY_B,
    active_to=date(2025, 7, 31),
    successor="baodongthap",
    former_province="Tiền Giang",
    feeds=("/xa-hoi/index.rss", "/kinh-te/index.rss", "/chinh-tri/index.rss"),
)
