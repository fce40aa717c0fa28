"""Identity: the canonical URL, the stable id and the content hash of an article, and its provinces."""

from __future__ import annotations

import hashlib
from datetime import date, datetime

from crawler.dates import VN_TZ
from crawler.item import Article
from crawler.sites import all_sites, generic_site
from crawler.sites.model import Site
from crawler.sites.provinces import province_on
from crawler.text import normalize_paragraphs, normalize_text
from crawler.urls import article_id, canonicalize, same_site


def content_hash(article: Article) -> str:
    """sha256 of the title, lead and body after NFC and whitespace normalization."""
    parts = (
        normalize_text(article.title),
        normalize_text(article.lead or ""),
        normalize_paragraphs(article.body_text),
    )
    return "sha256:" + hashlib.sha256("\n\n".join(parts).encode("utf-8")).hexdigest()


def publication_day(published_at: str | None) -> date | None:
    """The calendar day in Vietnam of an ISO `published_at`, None when absent or unreadable."""
    if not published_at:
        return None
    try:
        moment = datetime.fromisoformat(published_at)
    except ValueError:
        return None
    return (moment.astimezone(VN_TZ) if moment.tzinfo else moment).date()


def assign_province(article: Article, site: Site) -> Article:
    """`province` as the paper served on the publication day, `province_now` as today (`province_on`)."""
    article.province_now = site.province
    article.province = province_on(site, publication_day(article.published_at))
    return article


def assign_identity(article: Article, site: Site) -> Article:
    declared = article.canonical_url
    source = declared if declared and same_site(declared, site) else article.url
    article.canonical_url = canonicalize(source)
    article.id = article_id(site, article.canonical_url)
    article.content_hash = content_hash(article)
    return assign_province(article, site)


def article_site(article: Article, crawling: Site | None = None) -> Site:
    """The site an article belongs to: the one being crawled when it is the article's (it may be an ad-hoc
    one, `crawl --domain`, or a declaration under test), else the registry's, else a generic one for its URL."""
    if crawling is not None and crawling.key == article.site:
        return crawling
    return all_sites().get(article.site) or generic_site(article.url)
