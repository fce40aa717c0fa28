"""Báo Sơn La (baosonla.vn), Sơn La. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baosonla",
    name="Báo Sơn La",
    domains=("baosonla.vn", "baosonla.org.vn"),
    province="Sơn La",
    family=FAMILY_C,
    article_url=r"^/[a-z0-9-]+/[a-z0-9-]+-(?P<id>\d{3,})\.html$",
    verified=False,
    notes="Articles at /<cat>/<slug>-<id>.html; older domain baosonla.org.vn.",
)
