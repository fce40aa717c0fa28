"""Báo Lào Cai (baolaocai.vn), Lào Cai. Not confirmed against a live page."""

from crawler.sites.families import FAMILY_C
from crawler.sites.model import Site

SITE = Site(
    key="baolaocai",
    name="Báo Lào Cai",
    domains=("baolaocai.vn",),
    province="Lào Cai",
    family=FAMILY_C,
    verified=False,
    notes="No article URL seen in the sources: family guessed.",
)
