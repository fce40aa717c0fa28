"""Báo Huế ngày nay (huengaynay.vn), Huế. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="huengaynay",
    name="Báo Huế ngày nay",
    domains=("huengaynay.vn", "baothuathienhue.vn"),
    province="Huế",
    family=FAMILY_C,
    verified=False,
    notes="Thừa Thiên Huế's paper under its new masthead; baothuathienhue.vn is its former domain. URL shape not confirmed.",
)
