"""Generic discovery: crawling a Vietnamese news domain nobody declared.

`urls` judges URLs (an article-shape prior, a pattern learned from confirmed articles), `pages` reads what
pages say (announced feeds, sections, robots.txt sitemaps, article signals, datelines, the next listing
page), `sitemaps` reads sitemaps as a stream, in bounded memory, `suggest` drafts a portal declaration from a site's pages, and `commands` holds the CLI's side of
`crawler crawl --domain` and `crawler sites --suggest`. The crawling itself is `spiders.generic_spider`'s
`GenericSiteSpider`.
"""

from crawler.discovery.pages import PageSignals, page_signals, read_home, robots_sitemaps
from crawler.discovery.urls import article_url_score, learn_article_pattern, looks_like_article_url

__all__ = [
    "PageSignals",
    "article_url_score",
    "learn_article_pattern",
    "looks_like_article_url",
    "page_signals",
    "read_home",
    "robots_sitemaps",
]
