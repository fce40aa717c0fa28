"""Báo Bắc Giang (baobacgiang.vn), Bắc Ninh. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_E
from crawler.sites.model import Site

SITE = Site(
    key="baobacgiang",
    name="Báo Bắc Giang",
    domains=("baobacgiang.vn", "baobacgiang.com.vn"),
    province="Bắc Ninh",
    family=FAMILY_E,
    active_to=date(2025, 6, 30),
    successor="baobacninhtv",
    former_province="Bắc Giang",
    article_url=r"^/bg2/(?:[a-z0-9-]+/)*[a-z0-9-]+-postid(?P<id>\d+)\.bbg$",
    verified=False,
    notes="Articles at /bg2/…-postid<id>.bbg; older domain baobacgiang.com.vn.",
)
