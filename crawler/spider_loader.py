"""Scrapy learns the sites from the registry: one spider class per declared site, no hand-written spiders."""

from __future__ import annotations

import builtins
from typing import TYPE_CHECKING, Self

from crawler.sites import UnknownSiteError, all_sites, site_for_url
from spiders.site_spider import SiteSpider, spider_class_for

if TYPE_CHECKING:
    from scrapy import Request
    from scrapy.settings import BaseSettings


class SiteSpiderLoader:
    """`SPIDER_LOADER_CLASS`: `scrapy list` prints every site key, `scrapy crawl <key>` crawls that site."""

    def __init__(self, settings: BaseSettings) -> None:
        self._classes: dict[str, type[SiteSpider]] = {
            key: spider_class_for(site) for key, site in all_sites().items()
        }

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Self:
        return cls(settings)

    def load(self, spider_name: str) -> type[SiteSpider]:
        try:
            return self._classes[spider_name]
        except KeyError:
            raise KeyError(str(UnknownSiteError(spider_name))) from None

    def list(self) -> list[str]:
        return list(self._classes)

    def find_by_request(self, request: Request) -> builtins.list[str]:
        site = site_for_url(request.url)
        return [site.key] if site else []
