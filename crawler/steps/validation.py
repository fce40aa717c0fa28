"""Validation: every article against the published JSON Schema; a failing one goes to the rejects area."""

from __future__ import annotations

from crawler.item import Article, Rejected
from crawler.schema import schema_errors


def validate_article(article: Article) -> Article | Rejected:
    errors = schema_errors(article.to_json())
    if errors:
        return Rejected(article, reason=f"schema: {errors[0]}", stage="validation", details=errors)
    return article
