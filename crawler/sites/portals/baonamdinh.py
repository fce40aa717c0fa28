"""Báo Nam Định (baonamdinh.vn), Ninh Bình. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_B
from crawler.sites.model import Site

SITE = Site(
    key="baonamdinh",
    name="Báo Nam Định",
    domains=("baonamdinh.vn",),
    province="Ninh Bình",
    family=FAMILY_B,
    active_to=date(2025, 6, 30),
    successor="baoninhbinh",
    former_province="Nam Định",
    article_url=r"^/channel/\d+/\d{6}/[a-z0-9-]+-(?P<id>\d{4,})/?(?:index\.htm)?$",
    verified=False,
    notes="Articles at /channel/<n>/<YYYYMM>/<slug>-<id>/.",
)
