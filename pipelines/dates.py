"""Dates: `published_at` and `modified_at` from the best source, in Vietnam time, with the source recorded.

Sources in order: structured data, the page's dateline, the feed or sitemap entry, the URL's `YYYYMM` (a
month only, said so in `date_note`). An article no source dates goes to the rejects area.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from crawler.dates import VN_TZ, parse_date
from crawler.item import Article, Rejected
from pipelines._base import CrawlerPipeline

_URL_MONTH = re.compile(r"/((?:199[5-9]|20[0-9]{2}))(0[1-9]|1[0-2])(?:/|$)")


def assign_dates(article: Article) -> Article | Rejected:
    fetched = datetime.fromisoformat(article.fetched_at)
    tried: list[str] = []
    page_source = "structured" if article.field_sources.get("published_at") == "structured" else "dateline"
    for source, raw in ((page_source, article.published_at_raw), ("feed", article.feed_published_raw)):
        if not raw:
            continue
        parsed = parse_date(raw, relative_to=fetched)
        if parsed.value is not None:
            article.published_at = parsed.value.isoformat()
            article.date_source = source
            break
        tried.append(f"{source} {raw!r}: {parsed.reason}")
    else:
        month = _URL_MONTH.search(urlsplit(article.url).path)
        if month is None:
            reason = "no publication date: " + (
                "; ".join(tried) if tried else "the page and its feed entry print none"
            )
            return Rejected(article, reason=reason, stage="dates", details=tried)
        article.published_at = datetime(int(month[1]), int(month[2]), 1, tzinfo=VN_TZ).isoformat()
        article.date_source = "url"
        tried.append("month only, from the URL")
    for raw in (article.modified_at_raw, article.feed_modified_raw):
        if not raw:
            continue
        parsed = parse_date(raw, relative_to=fetched)
        if parsed.value is not None:
            article.modified_at = parsed.value.isoformat()
            break
        tried.append(f"modified {raw!r}: {parsed.reason}")
    article.date_note = "; ".join(tried) or None
    return article


class DatesPipeline(CrawlerPipeline):
    def process_item(self, item: Any) -> Any:
        if not isinstance(item, Article):
            return item
        result = assign_dates(item)
        if isinstance(result, Rejected):
            self.count("rejects/dates")
        else:
            self.count(f"dates/{result.date_source}")
        return result
