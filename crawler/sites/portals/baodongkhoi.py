"""Báo Đồng Khởi (baodongkhoi.vn), Vĩnh Long. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_A
from crawler.sites.model import Site

SITE = Site(
    key="baodongkhoi",
    name="Báo Đồng Khởi",
    domains=("baodongkhoi.vn", "dongkhoi.baovinhlong.vn"),
    province="Vĩnh Long",
    family=FAMILY_A,
    active_to=date(2025, 6, 30),
    successor="baovinhlong",
    former_province="Bến Tre",
    verified=False,
    notes="Bến Tre's paper; its archive moved under dongkhoi.baovinhlong.vn. Articles at /<slug>-a<id>.html.",
)
