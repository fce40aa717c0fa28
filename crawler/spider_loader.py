"""Scrapy learns the sites from the registry: one spider class per declared site, no hand-written spiders."""

from __future__ import annotations

import builtins
from collections.abc import Callable
from typing import TYPE_CHECKING, Self

from scrapy.utils.misc import load_object

from crawler.sites import UnknownSiteError, all_sites, site_for_url
from crawler.sites.model import Site

if TYPE_CHECKING:
    from scrapy import Request, Spider
    from scrapy.settings import BaseSettings

SpiderClassFor = Callable[[Site], "type[Spider]"]


def spider_class_for(settings: BaseSettings) -> SpiderClassFor:
    """The function that makes a site's spider class (`CRAWLER_SPIDER_CLASS_FOR`), loaded by name as Scrapy
    loads its components: the crawler package never imports `spiders/`."""
    factory: SpiderClassFor = load_object(settings["CRAWLER_SPIDER_CLASS_FOR"])
    return factory


class SiteSpiderLoader:
    """`SPIDER_LOADER_CLASS`: `scrapy list` prints every site key, `scrapy crawl <key>` crawls that site."""

    def __init__(self, settings: BaseSettings) -> None:
        class_for = spider_class_for(settings)
        self._classes: dict[str, type[Spider]] = {key: class_for(site) for key, site in all_sites().items()}

    @classmethod
    def from_settings(cls, settings: BaseSettings) -> Self:
        return cls(settings)

    def load(self, spider_name: str) -> type[Spider]:
        try:
            return self._classes[spider_name]
        except KeyError:
            raise KeyError(str(UnknownSiteError(spider_name))) from None

    def list(self) -> list[str]:
        return list(self._classes)

    def find_by_request(self, request: Request) -> builtins.list[str]:
        site = site_for_url(request.url)
        return [site.key] if site else []
