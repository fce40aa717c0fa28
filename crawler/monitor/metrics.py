"""The figures of one site's run: counts from the crawl's stats, turned into shares the checks compare.

The crawl side (`monitor_stats`) reads Scrapy's stats once the spider has closed and keeps what the monitors
need in the run's stats.json (`sites.<key>.monitor`); the service side (`RunMetrics.from_site_stats`) turns it
into shares. Neither needs Scrapy.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from crawler.item import Article

FIELDS_PREFIX = "crawler/fields/"
QUALITY_PREFIX = "crawler/quality/"
SAMPLES_KEY = "crawler/fields/samples"
ITEMS_KEY = "crawler/fields/items"
STATUS_PREFIX = "downloader/response_status_count/"
DECLARED_PREFIX = "crawler/declared/"
DECLARATION_MISMATCH_KEY = "crawler/declaration_mismatch"

DECLARED_WRONG = frozenset({"missed", "overruled"})
"""Outcomes of a declared selector (`Article.declared`) that say the declaration is wrong on the page."""

LAYERS = ("structured", "site", "family", "generic", "missing")
"""Where a field's value came from (`field_sources`), or `missing` where no layer filled it."""

SELECTOR_FIELDS = ("body_text", "title", "published_at", "lead", "authors", "section", "tags", "images")
"""Fields the site's and family's selectors fill; one falling to `generic` means they no longer matched.
In order of importance: the first affected one names a drift alert."""

COVERAGE_FIELDS = ("title", "published_at", "authors", "body_text", "images")
"""Coverage as the monitors define it: a title; a date from the page itself (structured data or the printed
dateline, not the feed or the URL); at least one author; a body of at least the minimum number of words;
at least one image."""

PAGE_DATE_SOURCES = frozenset({"structured", "dateline"})
"""Date sources (`Article.date_source`) that are the page's own: what coverage of `published_at` counts."""

GOOD_STATUS = frozenset({200, 301, 302, 304})

NOT_REACHABILITY = frozenset(
    {"robots", "offsite", "private_target", "redirect_offsite", "redirect_private", "ignored", "not_html"}
)
"""Error classes that are our own refusals, not the portal failing to answer (with `callback_*` and
`pipeline_*`, failures of extraction)."""


def declared_wrong(outcome: str) -> bool:
    """A declared selector that found nothing, or a value another candidate beat."""
    return outcome in DECLARED_WRONG


def covered(article: Article, min_body_words: int) -> dict[str, bool]:
    """Per COVERAGE_FIELDS: whether the article has it, as the monitors count coverage."""
    return {
        "title": bool(article.title.strip()),
        "published_at": article.published_at is not None and article.date_source in PAGE_DATE_SOURCES,
        "authors": bool(article.authors),
        "body_text": len(article.body_text.split()) >= min_body_words,
        "images": bool(article.images),
    }


def field_layers(article: Article) -> dict[str, str]:
    """Per SELECTOR_FIELDS: the layer that filled it, or `missing`."""
    return {name: article.field_sources.get(name, "missing") for name in SELECTOR_FIELDS}


def monitor_stats(stats: Mapping[str, Any]) -> dict[str, Any]:
    """What the monitors need from one crawler's Scrapy stats, as JSON (stored in stats.json)."""
    fields: dict[str, dict[str, int]] = {}
    quality: dict[str, int] = {}
    status: dict[str, int] = {}
    declared: dict[str, dict[str, int]] = {}
    for key, value in stats.items():
        if key.startswith(DECLARED_PREFIX):
            name, _, outcome = key.removeprefix(DECLARED_PREFIX).partition("/")
            if outcome:
                declared.setdefault(name, {})[outcome] = int(value)
        elif key.startswith(STATUS_PREFIX):
            status[key.removeprefix(STATUS_PREFIX)] = int(value)
        elif key.startswith(QUALITY_PREFIX):
            quality[key.removeprefix(QUALITY_PREFIX)] = int(value)
        elif key.startswith(FIELDS_PREFIX) and key not in (ITEMS_KEY, SAMPLES_KEY):
            name, _, layer = key.removeprefix(FIELDS_PREFIX).partition("/")
            if layer:
                fields.setdefault(name, {})[layer] = int(value)
    samples = stats.get(SAMPLES_KEY) or {}
    seconds = stats.get("elapsed_time_seconds")
    return {
        "items": int(stats.get(ITEMS_KEY, 0)),
        "fields": fields,
        "quality": quality,
        "fallback_samples": {k: list(v) for k, v in dict(samples).items()},
        "status": status,
        "seconds": float(seconds) if isinstance(seconds, int | float) else None,
        "declared": declared,
        "declaration_mismatch": int(stats.get(DECLARATION_MISMATCH_KEY, 0)),
    }


def _share(part: float, whole: float) -> float:
    return round(part / whole, 4) if whole else 0.0


@dataclass(frozen=True)
class RunMetrics:
    """One site's run as the checks see it. Shares are 0..1 of the run's items (articles extracted)."""

    items: int = 0
    articles_written: int = 0
    pages: int = 0
    rejects: int = 0
    errors: int = 0
    seconds: float | None = None
    coverage: dict[str, float] = field(default_factory=dict)
    """Per COVERAGE_FIELDS: the share of items that have it (as defined there)."""
    fallback: dict[str, float] = field(default_factory=dict)
    """Per SELECTOR_FIELDS: the share of items whose field the generic layer filled."""
    layers: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per field: items by the layer that filled it (`missing` where none did)."""
    samples: dict[str, list[str]] = field(default_factory=dict)
    """Per field: a few URLs of items whose field fell to the generic layer."""
    status: dict[str, int] = field(default_factory=dict)
    declared: dict[str, dict[str, int]] = field(default_factory=dict)
    """Per declared field: items by what became of its declared selector (agreed, missed, overruled)."""
    declaration_mismatch: int = 0
    """Items whose declared body lost to another candidate (the generic body)."""
    errors_by_class: dict[str, int] = field(default_factory=dict)
    """Failed requests by class (`crawler/errors/<class>`: dns, timeout, http_503, ...)."""

    @property
    def request_failures(self) -> dict[str, int]:
        """The error classes that say the portal did not answer (or answered with an error status)."""
        if not self.errors_by_class:
            return {"error": self.errors} if self.errors else {}
        return {
            name: n
            for name, n in self.errors_by_class.items()
            if n and name not in NOT_REACHABILITY and not name.startswith(("callback_", "pipeline_"))
        }

    @property
    def request_error_share(self) -> float:
        """Failed requests over requests made: an `http_*` failure is also a response (counted in `pages`),
        any other one is a request that got none."""
        failures = self.request_failures
        unanswered = sum(n for name, n in failures.items() if not name.startswith("http_"))
        return _share(sum(failures.values()), self.pages + unanswered)

    def declared_wrong_share(self, name: str) -> float:
        """The share of the run's items on which field `name`'s declared selector missed or was overruled."""
        counts = self.declared.get(name, {})
        return _share(sum(n for outcome, n in counts.items() if declared_wrong(outcome)), self.items)

    @property
    def reject_ratio(self) -> float:
        return _share(self.rejects, self.items + self.rejects)

    @property
    def error_ratio(self) -> float:
        return _share(self.errors, self.pages)

    @property
    def bad_status_ratio(self) -> float:
        """The share of responses with a status other than 200, 304 or a redirect."""
        total = sum(self.status.values())
        bad = sum(n for code, n in self.status.items() if not code.isdigit() or int(code) not in GOOD_STATUS)
        return _share(bad, total)

    @classmethod
    def from_site_stats(cls, site: Mapping[str, Any]) -> RunMetrics:
        """From one site's entry of the crawl's stats.json (`sites.<key>`)."""
        mon: Mapping[str, Any] = site.get("monitor") or {}
        items = int(mon.get("items") or 0)
        layers = {name: dict(counts) for name, counts in (mon.get("fields") or {}).items()}
        quality: Mapping[str, int] = mon.get("quality") or {}
        return cls(
            items=items,
            articles_written=int(site.get("articles_written") or 0),
            pages=int(site.get("pages_fetched") or 0),
            rejects=int(site.get("rejects") or 0),
            errors=int(site.get("errors") or 0),
            seconds=mon.get("seconds"),
            coverage={name: _share(int(quality.get(name, 0)), items) for name in COVERAGE_FIELDS},
            fallback={
                name: _share(int(layers.get(name, {}).get("generic", 0)), items) for name in SELECTOR_FIELDS
            },
            layers=layers,
            samples={k: list(v) for k, v in (mon.get("fallback_samples") or {}).items()},
            status={str(k): int(v) for k, v in (mon.get("status") or {}).items()},
            declared={name: dict(counts) for name, counts in (mon.get("declared") or {}).items()},
            declaration_mismatch=int(mon.get("declaration_mismatch") or 0),
            errors_by_class={str(k): int(v) for k, v in (site.get("errors_by_class") or {}).items()},
        )

    def to_json(self) -> dict[str, Any]:
        data = asdict(self)
        data.update(
            reject_ratio=self.reject_ratio,
            error_ratio=self.error_ratio,
            bad_status_ratio=self.bad_status_ratio,
            request_error_share=self.request_error_share,
        )
        return data

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> RunMetrics:
        names = set(cls.__dataclass_fields__)
        return cls(**{k: v for k, v in data.items() if k in names})
