"""Báo Ninh Thuận (baoninhthuan.com.vn), Khánh Hòa. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_F
from crawler.sites.model import Site

SITE = Site(
    key="baoninhthuan",
    name="Báo Ninh Thuận",
    domains=("baoninhthuan.com.vn",),
    province="Khánh Hòa",
    family=FAMILY_F,
    active_to=date(2025, 6, 30),
    successor="baokhanhhoa",
    former_province="Ninh Thuận",
    article_url=r"^/[a-z0-9-]+/(?P<id>\d+)p\d+c\d+/[a-z0-9-]+\.htm$",
    verified=False,
    notes="Articles at /<cat>/<id>p<n>c<n>/<slug>.htm (for instance /diendan/…); markup family guessed.",
)
