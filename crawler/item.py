"""The Article item (schema v1) and the Rejected wrapper a pipeline (or the spider, when extraction raises)
returns instead of dropping an item.

Scrapy reads both through itemadapter. `Article.to_json()` is exactly what the store writes and what the
published JSON Schema (`crawler/schema/article.v1.json`) describes.
"""

from __future__ import annotations

import traceback
from collections import deque
from dataclasses import asdict, dataclass, field, fields
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crawler.extract.model import DateCandidate, Extraction
    from crawler.sites.model import Site

SCHEMA_VERSION = 1
EXTRACTION_STAGE = "extraction"
"""The stage of a reject whose page raised while it was extracted."""
_TRACEBACK_FRAMES = 6
_MESSAGE_CHARS = 300

_ARTICLE_FIELD = {"published_raw": "published_at", "modified_raw": "modified_at"}
"""Extraction's names for the fields whose Article name differs."""


@dataclass(slots=True)
class Article:
    url: str
    site: str
    domain: str
    province: str
    """The province the paper served on the publication day (crawler.sites.provinces.province_on)."""
    fetched_at: str
    province_now: str = ""
    """The province the paper's area belongs to today (the site's province); `province` until set."""
    id: str = ""
    canonical_url: str = ""
    title: str = ""
    lead: str | None = None
    body_text: str = ""
    images: list[dict[str, str | None]] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    published_at: str | None = None
    published_at_raw: str | None = None
    modified_at: str | None = None
    modified_at_raw: str | None = None
    date_source: str | None = None
    date_note: str | None = None
    section: str | None = None
    tags: list[str] = field(default_factory=list)
    language: str = "vi"
    source_tag: str | None = None
    content_hash: str = ""
    version: int = 1
    previous_hash: str | None = None
    cluster_id: str | None = None
    duplicate_of: str | None = None
    field_sources: dict[str, str] = field(default_factory=dict)
    schema_version: int = SCHEMA_VERSION
    # For the pipelines only, never written out: hints from discovery, the page's HTTP validators, and the
    # store key of the article's first version (later versions are written beside it).
    feed_published_raw: str | None = field(default=None, metadata={"internal": True})
    feed_modified_raw: str | None = field(default=None, metadata={"internal": True})
    http_etag: str | None = field(default=None, metadata={"internal": True})
    http_last_modified: str | None = field(default=None, metadata={"internal": True})
    first_version_key: str | None = field(default=None, metadata={"internal": True})
    declared: dict[str, str] = field(default_factory=dict, metadata={"internal": True})
    """Per field the site's declaration covers: `agreed`, `missed` or `overruled` (Extraction.declared)."""
    date_candidates: list[DateCandidate] = field(default_factory=list, metadata={"internal": True})
    """Every date the page proposed (Extraction.date_candidates); the dates pipeline adds the feed's."""

    def __post_init__(self) -> None:
        if not self.province_now:
            self.province_now = self.province

    def to_json(self) -> dict[str, Any]:
        """The published form: every schema field, none of the internal ones."""
        data = asdict(self)
        for f in fields(self):
            if f.metadata.get("internal"):
                del data[f.name]
        return data


@dataclass(slots=True)
class Rejected:
    """An article a pipeline refused, with why; the storage pipeline writes it to the rejects area."""

    article: Article
    reason: str
    stage: str
    details: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "reason": self.reason,
            "stage": self.stage,
            "details": self.details,
            "url": self.article.url,
            "site": self.article.site,
            "article": self.article.to_json(),
        }


def article_from_extraction(
    extraction: Extraction,
    *,
    site: Site,
    fetched_at: str,
    feed_published_raw: str | None = None,
    feed_modified_raw: str | None = None,
) -> Article:
    """The raw Article of one extracted page, before the pipelines normalize, date, identify and check it."""
    return Article(
        url=extraction.url,
        site=site.key,
        domain=site.domain,
        province=site.province,
        province_now=site.province,
        fetched_at=fetched_at,
        canonical_url=extraction.canonical_url or "",
        title=extraction.title or "",
        lead=extraction.lead,
        body_text=extraction.body_text or "",
        images=[{"url": image.url, "caption": image.caption} for image in extraction.images],
        authors=list(extraction.authors),
        published_at_raw=extraction.published_raw,
        modified_at_raw=extraction.modified_raw,
        section=extraction.section,
        tags=list(extraction.tags),
        language=(extraction.language or "vi").split("-")[0].lower(),
        source_tag=extraction.source_tag,
        field_sources={
            _ARTICLE_FIELD.get(name, name): str(layer) for name, layer in extraction.sources.items()
        },
        feed_published_raw=feed_published_raw,
        feed_modified_raw=feed_modified_raw,
        declared=dict(extraction.declared),
        date_candidates=list(extraction.date_candidates),
    )


def extraction_failure(url: str, site: Site, fetched_at: str, error: Exception) -> Rejected:
    """The reject of a page whose extraction raised: the exception's class and message as its reason, the
    last frames of its traceback as its details, so that no failing page is lost silently."""
    message = " ".join(str(error).split())
    if len(message) > _MESSAGE_CHARS:
        message = message[: _MESSAGE_CHARS - 1] + "…"
    reason = f"{type(error).__name__}: {message}" if message else type(error).__name__
    frames = deque(traceback.walk_tb(error.__traceback__), maxlen=_TRACEBACK_FRAMES)
    summary = traceback.StackSummary.extract(frames, lookup_lines=False)
    details = [f"{'/'.join(PurePath(f.filename).parts[-2:])}:{f.lineno} in {f.name}" for f in summary]
    article = Article(
        url=url, site=site.key, domain=site.domain, province=site.province, fetched_at=fetched_at
    )
    return Rejected(article, reason=reason, stage=EXTRACTION_STAGE, details=details)
