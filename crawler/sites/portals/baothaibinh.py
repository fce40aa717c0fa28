"""Báo Thái Bình (baothaibinh.com.vn), Hưng Yên. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baothaibinh",
    name="Báo Thái Bình",
    domains=("baothaibinh.com.vn",),
    province="Hưng Yên",
    family=FAMILY_C,
    active_to=date(2025, 6, 30),
    successor="baohungyen",
    former_province="Thái Bình",
    article_url=r"^/tin-tuc/\d+/(?P<id>\d+)/[a-z0-9-]+/?$",
    verified=False,
    notes="Articles at /tin-tuc/<cat id>/<id>/<slug>; markup family guessed.",
)
