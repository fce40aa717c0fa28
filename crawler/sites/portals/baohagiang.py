"""Báo Hà Giang (baohagiang.vn), Tuyên Quang. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_B
from crawler.sites.model import Site

SITE = Site(
    key="baohagiang",
    name="Báo Hà Giang",
    domains=("baohagiang.vn",),
    province="Tuyên Quang",
    family=FAMILY_B,
    active_to=date(2025, 6, 30),
    successor="baotuyenquang",
    former_province="Hà Giang",
    verified=False,
    notes="Articles at /<cat>/<YYYYMM>/<slug>-<id> (no trailing slash).",
)
