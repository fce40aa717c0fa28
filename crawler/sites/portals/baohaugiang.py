"""Báo Hậu Giang (baohaugiang.com.vn), Cần Thơ. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baohaugiang",
    name="Báo Hậu Giang",
    domains=("baohaugiang.com.vn",),
    province="Cần Thơ",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baocantho",
    former_province="Hậu Giang",
    article_url=r"^/[a-z0-9-]+/[a-z0-9-]+-(?P<id>\d{3,})\.html$",
    verified=False,
    notes="Articles at /<cat>/<slug>-<id>.html; the domain's status is unsure.",
)
