"""Báo Lai Châu (baolaichau.vn), Lai Châu. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baolaichau",
    name="Báo Lai Châu",
    domains=("baolaichau.vn",),
    province="Lai Châu",
    family=FAMILY_C,
    article_url=r"^/[a-z0-9-]+/[a-z0-9-]+-(?P<id>\d{3,})/?$",
    verified=False,
    notes="Articles at /<cat>/<slug>-<id> with no extension; served on www.",
)
