"""Text normalization: every string of the article in NFC with clean whitespace (pure; no Scrapy)."""

from __future__ import annotations

from typing import Any

from crawler.item import Article
from crawler.text import normalize_paragraphs, normalize_text


def normalize_article(article: Article) -> Article:
    """NFC and whitespace for every text field; paragraphs of the body kept apart by one blank line."""
    article.title = normalize_text(article.title)
    article.lead = _optional(article.lead)
    article.body_text = normalize_paragraphs(article.body_text)
    article.section = _optional(article.section)
    article.source_tag = _optional(article.source_tag)
    article.authors = _unique(normalize_text(a) for a in article.authors)
    article.tags = _unique(normalize_text(t) for t in article.tags)
    for image in article.images:
        image["caption"] = _optional(image.get("caption"))
    for name in ("published_at_raw", "modified_at_raw", "feed_published_raw", "feed_modified_raw"):
        setattr(article, name, _optional(getattr(article, name)))
    return article


def _optional(value: str | None) -> str | None:
    """Normalized text, or None for None and for text that normalizes to nothing."""
    return (normalize_text(value) or None) if value is not None else None


def _unique(values: Any) -> list[str]:
    return [v for v in dict.fromkeys(values) if v]
