"""Báo Ninh Bình (baoninhbinh.org.vn), Ninh Bình. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baoninhbinh",
    name="Báo Ninh Bình",
    domains=("baoninhbinh.org.vn",),
    province="Ninh Bình",
    family=FAMILY_C,
    article_url=r"^/[a-z0-9-]+-(?P<id>\d{15})\.html$",
    verified=False,
    notes="Articles end in a 15-digit id: -<id>.html.",
)
