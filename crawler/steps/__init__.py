"""The pure steps an article goes through after extraction, each a function of the article with no Scrapy:
text normalization (`normalize`), dates (`dates`), identity (`identity`), validation (`validation`).

The pipelines (`pipelines/`, one file per step) wrap them for the crawl; `process_page` runs them in the
crawl's order on one page, so `crawler extract`, the monitors' checks, the fixture tests and the benchmark see
exactly what the crawl would write.
"""

from __future__ import annotations

from datetime import datetime

from crawler.dates import VN_TZ
from crawler.extract import extract_article
from crawler.extract.model import Extraction
from crawler.item import Article, Rejected, article_from_extraction, extraction_failure
from crawler.sites import generic_site, site_for_url
from crawler.sites.model import Site
from crawler.steps.dates import assign_dates
from crawler.steps.identity import assign_identity
from crawler.steps.normalize import normalize_article
from crawler.steps.validation import validate_article


def process_page(
    url: str,
    html: str | bytes,
    site: Site | None = None,
    *,
    fetched_at: datetime | None = None,
    encoding: str | None = None,
    extraction: Extraction | None = None,
) -> Article | Rejected:
    """The Article a crawl would store for this page, or the Rejected it would file, and why. `extraction` is
    the page's, when the caller has extracted it already (relative datelines read against `fetched_at`)."""
    site = site or site_for_url(url) or generic_site(url)
    fetched = (fetched_at or datetime.now(VN_TZ)).astimezone(VN_TZ).replace(microsecond=0)
    try:
        if extraction is None:
            extraction = extract_article(url, html, site, encoding=encoding, relative_to=fetched)
        raw = article_from_extraction(extraction, site=site, fetched_at=fetched.isoformat())
    except Exception as error:  # as in the crawl: a reject with its reason, not a traceback
        return extraction_failure(url, site, fetched.isoformat(), error)
    article = normalize_article(raw)
    dated = assign_dates(article)
    if isinstance(dated, Rejected):
        return dated
    return validate_article(assign_identity(dated, site))


__all__ = ["assign_dates", "assign_identity", "normalize_article", "process_page", "validate_article"]
