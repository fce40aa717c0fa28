"""Báo Yên Bái (baoyenbai.com.vn), Lào Cai. Not confirmed against a live page."""

from datetime import date

from crawler.sites.families import FAMILY_F
from crawler.sites.model import Site

SITE = Site(
    key="baoyenbai",
    name="Báo Yên Bái",
    domains=("baoyenbai.com.vn",),
    province="Lào Cai",
    family=FAMILY_F,
    active_to=date(2025, 6, 30),
    successor="baolaocai",
    former_province="Yên Bái",
    article_url=r"^/\d+/(?P<id>\d+)/[A-Za-z0-9-]+\.aspx$",
    verified=False,
    notes="ASP.NET site: articles at /<n>/<id>/<Title>.aspx; markup family guessed.",
)
