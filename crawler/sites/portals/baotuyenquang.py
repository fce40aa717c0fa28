"""Báo Tuyên Quang (baotuyenquang.com.vn), Tuyên Quang. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_B
from crawler.sites.model import Site

SITE = Site(
    key="baotuyenquang",
    name="Báo Tuyên Quang",
    domains=("baotuyenquang.com.vn",),
    province="Tuyên Quang",
    family=FAMILY_B,
    verified=False,
    notes="Articles at /<cat>/<YYYYMM>/<slug>-<id>/.",
)
