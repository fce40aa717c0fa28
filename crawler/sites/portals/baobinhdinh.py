"""Báo Bình Định (baobinhdinh.vn), Gia Lai. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baobinhdinh",
    name="Báo Bình Định",
    domains=("baobinhdinh.vn", "baobinhdinh.com.vn"),
    province="Gia Lai",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baogialai",
    former_province="Bình Định",
    article_url=r"^/viewer\.aspx\?(?:.*&)?mabb=(?P<id>\d+)(?:&.*)?$",
    verified=False,
    notes="Articles at /viewer.aspx?…&mabb=<id>; its old articles were reported gone in October 2026.",
)
