"""Báo Đà Nẵng (baodanang.vn), Đà Nẵng. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baodanang",
    name="Báo Đà Nẵng",
    domains=("baodanang.vn",),
    province="Đà Nẵng",
    family=FAMILY_C,
    article_url=r"^/(?!.*-event\d+\.html$)[a-z0-9]+(?:-[a-z0-9]+){3,}\.html$",
    verified=False,
    notes="Articles at /<slug>.html with no id since the 2025 redesign.",
)
