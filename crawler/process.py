"""One page through extraction and the pure steps of the pipelines, without Scrapy.

`crawler extract`, the fixture tests and the benchmark use it to see exactly what the crawl would write.
"""

from __future__ import annotations

from datetime import datetime

from crawler.dates import VN_TZ
from crawler.extract import extract_article
from crawler.extract.model import Extraction
from crawler.item import Article, Rejected, article_from_extraction, extraction_failure
from crawler.sites import generic_site, site_for_url
from crawler.sites.model import Site
from pipelines.dates import assign_dates
from pipelines.identity import assign_identity
from pipelines.text import normalize_article
from pipelines.validation import validate_article


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
