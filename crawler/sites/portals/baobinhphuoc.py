"""Báo Bình Phước (baobinhphuoc.com.vn), Đồng Nai. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baobinhphuoc",
    name="Báo Bình Phước",
    domains=("baobinhphuoc.com.vn",),
    province="Đồng Nai",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baodongnai",
    former_province="Bình Phước",
    article_url=r"^/news/\d+/(?P<id>\d+)/[a-z0-9-]+/?$",
    verified=False,
    notes="Articles at /news/<n>/<id>/<slug>; markup family guessed.",
)
