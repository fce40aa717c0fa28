"""Báo Tuổi Trẻ (tuoitre.vn), TP Hồ Chí Minh."""

from crawler.sites.families import FAMILY_D
from crawler.sites.model import Site

SITE = Site(
    key="tuoitre",
    name="Báo Tuổi Trẻ",
    domains=("tuoitre.vn",),
    province="TP Hồ Chí Minh",
    family=FAMILY_D,
    feeds=("/rss/thoi-su.rss",),
)
