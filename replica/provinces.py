"""What the corpus writer knows of each registered site's province: places, produce, roads, sections, dates.

The data lives in each site's record, `crawler/sites/portals/<key>.toml`, as its `[replica.writing]` table
(the crawler keeps the `[replica]` table on `Site.replica` and never reads it): `WRITING` is built from the
records of every registered site. Place names follow each province's map before and after the 1 July 2025
reorganisation (districts were abolished that day: an article dated later names only communes and wards).
People quoted in the generated articles are invented; only the seed article (Ấp Bắc, 2021) names real ones.

A record with no `[replica.writing]` table gets a default: the writing of a registered site of the same
province whose dates overlap the site's (same former province first), under the site's own key, dates and
ids, with two stories. Where there is none, the site has no writing: the replica serves it without articles
and says so (`replica.corpus.default_corpus` logs a warning).
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, fields, replace
from datetime import date, datetime
from typing import Any

from crawler.sites import Site, all_sites
from crawler.sites.provinces import MERGER_DAY


@dataclass(frozen=True, slots=True)
class ProvinceWriting:
    site: str
    name: str
    unit: str  # "tỉnh" or "thành phố"
    capital: str  # the seat as an article names it before the merger
    old_places: tuple[tuple[str, str], ...]  # (commune or ward, district) before 1 July 2025
    new_places: tuple[str, ...]  # communes and wards from 1 July 2025
    crops: tuple[str, ...]
    river: str
    roads: tuple[str, ...]
    festivals: tuple[str, ...]
    relics: tuple[str, ...]
    industrial: tuple[str, ...]
    hospital: str
    seafood: tuple[str, ...]
    region: str  # "mekong", "southeast", "north", "central", "capital", "metro" (Hồ Chí Minh City)
    tag: str | None  # the outlet's tag opening some leads
    tag_sep: str  # what follows the tag: " " or " - "
    reporters: tuple[str, ...]  # pen names, in capitals as the papers print them
    sections: tuple[tuple[str, str, int], ...]  # (slug, name, how many generated articles)
    start: date
    end: date
    first_id: int  # first generated article id (family G: the seed of the hex ids)
    tag_share: float = 0.8  # how many leads open with the tag (1: every one)

    @property
    def province(self) -> str:
        """`tỉnh Tiền Giang`, `thành phố Cần Thơ`, `TP Hồ Chí Minh`."""
        return self.name if self.name.startswith("TP ") else f"{self.unit} {self.name}"

    @property
    def ubnd(self) -> str:
        return f"UBND {self.unit}"


class WritingError(ValueError):
    """A record's `[replica.writing]` table that does not describe a `ProvinceWriting`."""


_TEXT_ARRAYS = ("new_places", "crops", "roads", "festivals", "relics", "industrial", "seafood", "reporters")
_OPTIONAL: dict[str, Any] = {"old_places": (), "new_places": (), "seafood": (), "tag": None, "tag_sep": " "}
_DEFAULT_SECTIONS = (("thoi-su", "Thời sự", 1), ("xa-hoi", "Xã hội", 1))


def _texts(site: str, name: str, value: object) -> tuple[str, ...]:
    if not isinstance(value, list | tuple) or not all(isinstance(v, str) for v in value):
        raise WritingError(f"site {site!r}: [replica.writing] field {name!r}: expected an array of strings")
    return tuple(value)


def writing_from_table(site: str, table: Mapping[str, Any]) -> ProvinceWriting:
    """The writing a record's `[replica.writing]` table declares (its keys: `ProvinceWriting`'s fields but
    `site`; `old_places` pairs, `sections` [slug, name, count] triples, `start`/`end` dates)."""
    names = [f.name for f in fields(ProvinceWriting) if f.name != "site"]
    unknown = sorted(set(table) - set(names))
    if unknown:
        raise WritingError(
            f"site {site!r}: [replica.writing] field {unknown[0]!r}: unknown; known: {', '.join(names)}"
        )
    values: dict[str, Any] = {**_OPTIONAL, **table}
    missing = [n for n in names if n not in values and n != "tag_share"]
    if missing:
        raise WritingError(f"site {site!r}: [replica.writing] field {missing[0]!r}: missing")
    for name in _TEXT_ARRAYS:
        values[name] = _texts(site, name, values[name])
    values["old_places"] = tuple(tuple(_texts(site, "old_places", p)) for p in values["old_places"])
    if any(len(p) != 2 for p in values["old_places"]):
        raise WritingError(
            f"site {site!r}: [replica.writing] field 'old_places': expected [commune, district] pairs"
        )
    sections = values["sections"]
    if not isinstance(sections, list | tuple) or not all(
        isinstance(s, list | tuple)
        and len(s) == 3
        and isinstance(s[0], str)
        and isinstance(s[1], str)
        and isinstance(s[2], int)
        for s in sections
    ):
        raise WritingError(
            f"site {site!r}: [replica.writing] field 'sections': expected [slug, name, count] triples"
        )
    values["sections"] = tuple((s[0], s[1], s[2]) for s in sections)
    for name in ("start", "end"):
        if isinstance(values[name], datetime) or not isinstance(values[name], date):
            raise WritingError(f"site {site!r}: [replica.writing] field {name!r}: expected a TOML date")
    for name in ("name", "unit", "capital", "river", "hospital", "region", "tag_sep"):
        if not isinstance(values[name], str):
            raise WritingError(f"site {site!r}: [replica.writing] field {name!r}: expected a string")
    return ProvinceWriting(site=site, **values)


def _default_writing(
    site: Site, explicit: Mapping[str, ProvinceWriting], sites: Mapping[str, Site]
) -> ProvinceWriting | None:
    """A writing for a record without one, borrowed from a site of the same province (see the module doc)."""
    low, high = site.active_from or date.min, site.active_to or date.max
    same = [k for k in explicit if k in sites and sites[k].province == site.province]
    same.sort(key=lambda k: sites[k].former_province != site.former_province)
    for key in same:
        w = explicit[key]
        start, end = max(w.start, low), min(w.end, high)
        if (end - start).days >= 30:
            first_id = 100_000 + zlib.crc32(site.key.encode()) % 800_000
            return replace(
                w, site=site.key, start=start, end=end, first_id=first_id, sections=_DEFAULT_SECTIONS
            )
    return None


def build_writing(sites: Mapping[str, Site]) -> dict[str, ProvinceWriting]:
    """The writing of every site in `sites` that has one: the records' own, live sites first then archives,
    each by key (the order a lookup by province name goes by), then the defaults for records without."""
    order = sorted(sites, key=lambda k: (sites[k].active_to is not None, k))
    explicit = {
        k: writing_from_table(k, sites[k].replica["writing"]) for k in order if "writing" in sites[k].replica
    }
    derived = {k: _default_writing(sites[k], explicit, sites) for k in order if k not in explicit}
    return {**explicit, **{k: w for k, w in derived.items() if w is not None}}


class _Writing(Mapping[str, ProvinceWriting]):
    """`build_writing` of the registry (`all_sites()`), rebuilt whenever the registry is read again."""

    def __init__(self) -> None:
        self._sites: dict[str, Site] | None = None
        self._writing: dict[str, ProvinceWriting] = {}

    def _current(self) -> dict[str, ProvinceWriting]:
        sites = all_sites()
        if sites is not self._sites:
            self._writing, self._sites = build_writing(sites), sites
        return self._writing

    def __getitem__(self, key: str) -> ProvinceWriting:
        return self._current()[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._current())

    def __len__(self) -> int:
        return len(self._current())

    def __repr__(self) -> str:
        return f"WRITING({len(self)} sites)"


WRITING: Mapping[str, ProvinceWriting] = _Writing()
"""The writing of every registered site, by key (from the records' `[replica.writing]` tables)."""

__all__ = ["MERGER_DAY", "WRITING", "ProvinceWriting", "WritingError", "build_writing", "writing_from_table"]
