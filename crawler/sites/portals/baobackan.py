"""Báo Bắc Kạn (baobackan.com.vn), Thái Nguyên. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_E
from crawler.sites.model import Site

SITE = Site(
    key="baobackan",
    name="Báo Bắc Kạn",
    domains=("baobackan.com.vn", "baobackan.org.vn"),
    province="Thái Nguyên",
    family=FAMILY_E,
    active_to=date(2025, 6, 30),
    successor="baothainguyen",
    former_province="Bắc Kạn",
    verified=False,
    notes="Articles at /<slug>-post<id>.html; older domain baobackan.org.vn.",
)
