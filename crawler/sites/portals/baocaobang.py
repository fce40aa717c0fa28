"""Báo Cao Bằng (baocaobang.vn), Cao Bằng. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baocaobang",
    name="Báo Cao Bằng",
    domains=("baocaobang.vn",),
    province="Cao Bằng",
    family=FAMILY_C,
    verified=False,
    notes="Articles at /<slug>-<id>.html.",
)
