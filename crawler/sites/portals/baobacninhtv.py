"""Báo Bắc Ninh (baobacninhtv.vn), Bắc Ninh. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_E
from crawler.sites.model import Site

SITE = Site(
    key="baobacninhtv",
    name="Báo Bắc Ninh",
    domains=("baobacninhtv.vn",),
    province="Bắc Ninh",
    family=FAMILY_E,
    article_url=r"^/(?:[a-z0-9-]+/)*[a-z0-9-]+-postid(?P<id>\d+)\.bbg$",
    verified=False,
    notes="Bắc Giang's platform carried on after the merger: articles end -postid<id>.bbg.",
)
