"""What discovery hands on: article URLs found (`Candidate`) and what became of a batch of them (`Queued`)."""

from __future__ import annotations

from dataclasses import dataclass

from scrapy import Request


@dataclass(frozen=True, slots=True)
class Candidate:
    """An article URL found by discovery, with what its feed or sitemap entry said of its dates."""

    url: str
    published: str | None = None
    modified: str | None = None
    source: str = ""
    """Where discovery found it: `feed`, `news` (a news sitemap), `sitemap`, `listing` or `pending`."""


@dataclass(frozen=True, slots=True)
class Queued:
    """What discovery made of a batch of candidates."""

    requests: list[Request]
    all_known: bool
    """Every candidate was known and none is requested (a listing's pagination stops there)."""
    any_known: bool
    """The state knew at least one (a fresh source that lists one reaches back to the last run)."""
