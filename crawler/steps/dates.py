"""Dates: `published_at` and `modified_at` chosen among every candidate, in Vietnam time, the winner recorded.

The page's candidates (its metadata, its declared dateline, the datelines it prints) and the feed or sitemap
entry's go to the arbiter (`crawler.extract.arbiter.choose_date`), which parses them all and chooses; what it
noted on the way (an unreadable or contradicting candidate) goes in `date_note`. With no candidate readable,
the URL's `YYYYMM` gives a month (said so in `date_note`); an article nothing dates goes to the rejects area.
"""

from __future__ import annotations

import re
from datetime import datetime
from urllib.parse import urlsplit

from crawler.dates import VN_TZ
from crawler.extract.arbiter import choose_date
from crawler.extract.model import DateCandidate, DateKind, DateLayer
from crawler.item import Article, Rejected

_NOTE_LENGTH = 500  # the schema's bound on date_note
_URL_MONTH = re.compile(r"/((?:199[5-9]|20[0-9]{2}))(0[1-9]|1[0-2])(?:/|$)")


def _candidates(article: Article) -> list[DateCandidate]:
    candidates = list(article.date_candidates)
    page: tuple[tuple[DateKind, str | None, str | None], ...] = (
        ("published", article.published_at_raw, article.feed_published_raw),
        ("modified", article.modified_at_raw, article.feed_modified_raw),
    )
    for kind, raw, feed_raw in page:
        if raw and not article.date_candidates:  # an article built without extraction's candidates
            printed = article.field_sources.get(f"{kind}_at", "structured") != "structured"
            layer: DateLayer = "generic" if printed else "structured"
            candidates.append(DateCandidate(raw, kind, layer, "page", printed, printed))
        if feed_raw:
            candidates.append(DateCandidate(feed_raw, kind, "feed", "feed"))
    return candidates


def assign_dates(article: Article) -> Article | Rejected:
    fetched = datetime.fromisoformat(article.fetched_at)
    candidates = _candidates(article)
    published = choose_date(candidates, "published", relative_to=fetched)
    notes = published.notes
    if published.value is not None and published.candidate is not None:
        winner = published.candidate
        article.published_at = published.value.isoformat()
        article.published_at_raw = winner.raw
        article.date_source = winner.source
        article.field_sources["published_at"] = winner.layer
    else:
        month = _URL_MONTH.search(urlsplit(article.url).path)
        if month is None:
            reason = "no publication date: " + (
                "; ".join(notes) if notes else "the page and its feed entry print none"
            )
            return Rejected(article, reason=reason, stage="dates", details=notes)
        article.published_at = datetime(int(month[1]), int(month[2]), 1, tzinfo=VN_TZ).isoformat()
        article.date_source = "url"
        article.field_sources["published_at"] = "url"
        notes.append("month only, from the URL")
    modified = choose_date(candidates, "modified", relative_to=fetched)
    if modified.value is not None and modified.candidate is not None:
        article.modified_at = modified.value.isoformat()
        article.modified_at_raw = modified.candidate.raw
        article.field_sources.setdefault("modified_at", modified.candidate.layer)
    notes += [f"modified {note}" for note in modified.notes]
    note = "; ".join(notes)
    article.date_note = (note if len(note) <= _NOTE_LENGTH else note[: _NOTE_LENGTH - 1] + "…") or None
    return article
