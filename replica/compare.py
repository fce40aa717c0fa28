"""Generic mode against declared mode: how many of the articles a declared crawl stored a generic crawl of the
same domains stored too, and with the same title and publication time.

Both crawls write to `file://` stores; articles are matched by canonical URL, per domain.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any


@dataclass
class DomainFigures:
    """One domain's figures: declared articles, those generic mode found, and those agreeing on both title
    and publication time (with the URLs of the ones that differ)."""

    domain: str
    declared: int = 0
    found: int = 0
    agreeing: int = 0
    generic_only: int = 0
    missing: list[str] = field(default_factory=list)
    differing: list[str] = field(default_factory=list)

    @property
    def found_share(self) -> float:
        return self.found / self.declared if self.declared else 1.0

    @property
    def agreeing_share(self) -> float:
        return self.agreeing / self.found if self.found else 1.0


def stored_articles(store: Path) -> dict[str, dict[str, Any]]:
    """The first version of every article in a `file://` store's folder, by canonical URL."""
    out: dict[str, dict[str, Any]] = {}
    for path in sorted((store / "articles").rglob("*.json")):
        if ".v" in path.name.removesuffix(".json"):
            continue
        document = json.loads(path.read_text(encoding="utf-8"))
        out[document["canonical_url"]] = document
    return out


def latest_versions(store: Path) -> dict[str, str]:
    """Article id → the content hash of the newest version a `file://` store's folder holds."""
    newest: dict[str, tuple[int, str]] = {}
    for path in (store / "articles").rglob("*.json"):
        article = json.loads(path.read_text(encoding="utf-8"))
        version = int(article.get("version", 1))
        if version >= newest.get(article["id"], (0, ""))[0]:
            newest[article["id"]] = (version, article["content_hash"])
    return {key: content for key, (_, content) in newest.items()}


def compare_stores(
    declared: Path, generic: Path, domains: Iterable[str] | None = None
) -> list[DomainFigures]:
    """Per domain (all the declared store's, or `domains`): generic found / declared, and agreement."""
    left, right = stored_articles(declared), stored_articles(generic)
    wanted = list(domains) if domains is not None else sorted({d["domain"] for d in left.values()})
    figures = {d: DomainFigures(d) for d in wanted}
    for url, document in left.items():
        row = figures.get(document["domain"])
        if row is None:
            continue
        row.declared += 1
        other = right.get(url)
        if other is None:
            row.missing.append(url)
            continue
        row.found += 1
        same = other["title"] == document["title"] and other["published_at"] == document["published_at"]
        if same:
            row.agreeing += 1
        else:
            row.differing.append(url)
    for url, document in right.items():
        row = figures.get(document["domain"])
        if row is not None and url not in left:
            row.generic_only += 1
    return list(figures.values())


def totals(rows: Iterable[DomainFigures]) -> DomainFigures:
    """The figures summed over domains."""
    total = DomainFigures("all")
    for row in rows:
        total.declared += row.declared
        total.found += row.found
        total.agreeing += row.agreeing
        total.generic_only += row.generic_only
        total.missing += row.missing
        total.differing += row.differing
    return total


__all__ = ["DomainFigures", "compare_stores", "latest_versions", "stored_articles", "totals"]
