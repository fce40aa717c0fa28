"""Portal records: one TOML file per site, read with `tomllib` and validated into a frozen `Site`.

A record holds every fact about one portal: the `Site` fields (its family by key, `active_from`/`active_to` as
TOML dates), a `[selectors]` table of overrides, a `[limits]` table, and a `[replica]` table the crawler keeps
on the site as opaque data (`Site.replica`) and never reads: what the local replica needs to serve the site.
A record that does not validate raises `SiteRecordError`, one line naming the file, the site and the field.

The registry is the records in `crawler/sites/portals/`, then those of every folder in the environment
variable `CRAWLER_SITES_DIR` (folders separated by `os.pathsep`): a site can be added without touching the
package. `dump_record` writes a site back as a record, in the format the files in the package use.
"""

from __future__ import annotations

import os
import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import fields
from datetime import date, datetime
from pathlib import Path
from types import MappingProxyType
from typing import Any

from crawler.sites.families import FAMILIES
from crawler.sites.families.generic import FAMILY_GENERIC
from crawler.sites.model import Family, Limits, Selectors, Site

REGISTRY_DIR = Path(__file__).resolve().parent / "portals"
"""The records that ship with the package."""
SITES_DIR_ENV = "CRAWLER_SITES_DIR"
"""Extra record folders (separated by `os.pathsep`), read after the package's own."""


class SiteRecordError(ValueError):
    """A portal record that does not validate: its file, its site key, the field and what is wrong."""

    def __init__(self, source: str, site: str, problem: str, field: str | None = None) -> None:
        super().__init__(source, site, problem, field)
        self.source = source
        self.site = site
        self.problem = problem
        self.field = field

    def __str__(self) -> str:
        where = f": field {self.field!r}" if self.field else ""
        return f"{self.source}: site {self.site!r}{where}: {self.problem}"


# --- reading ------------------------------------------------------------------------------------------------

_STR = "a string"
_STRS = "an array of strings"
_DATE = "a TOML date (YYYY-MM-DD, unquoted)"
_TOP: dict[str, str] = {
    "key": _STR,
    "name": _STR,
    "domains": _STRS,
    "province": _STR,
    "family": _STR,
    "active_from": _DATE,
    "active_to": _DATE,
    "successor": _STR,
    "former_province": _STR,
    "feeds": _STRS,
    "sitemaps": _STRS,
    "listings": _STRS,
    "article_url": _STR,
    "verified": "true or false",
    "max_listing_pages": "an integer",
    "notes": _STR,
    "selectors": "a table",
    "limits": "a table",
    "replica": "a table",
}
_REQUIRED = ("key", "name", "domains", "province", "family")
_FAMILIES: dict[str, Family] = {**FAMILIES, FAMILY_GENERIC.key: FAMILY_GENERIC}


def _kind(value: object) -> str:
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    if isinstance(value, datetime):
        return "a date-time"
    if isinstance(value, date):
        return "a date"
    if isinstance(value, str):
        return f"the string {value!r}"
    return f"{type(value).__name__} {value!r}"


class _Reader:
    def __init__(self, source: str, site: str) -> None:
        self.source = source
        self.site = site

    def fail(self, problem: str, field: str | None = None) -> SiteRecordError:
        return SiteRecordError(self.source, self.site, problem, field)

    def wrong(self, field: str, expected: str, value: object) -> SiteRecordError:
        return self.fail(f"expected {expected}, got {_kind(value)}", field)

    def text(self, field: str, value: object) -> str:
        if not isinstance(value, str):
            raise self.wrong(field, _STR, value)
        return value

    def texts(self, field: str, value: object) -> tuple[str, ...]:
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.wrong(field, _STRS, value)
        return tuple(value)

    def day(self, field: str, value: object) -> date:
        if isinstance(value, datetime) or not isinstance(value, date):
            raise self.wrong(field, _DATE, value)
        return value

    def integer(self, field: str, value: object, minimum: int = 0) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.wrong(field, "an integer", value)
        if value < minimum:
            raise self.fail(f"must be at least {minimum}, got {value}", field)
        return value

    def table(self, field: str, value: object, allowed: Iterable[str] | None = None) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.wrong(field, "a table", value)
        if allowed is not None:
            known = list(allowed)
            unknown = sorted(set(value) - set(known))
            if unknown:
                raise self.fail(f"unknown field; known ones: {', '.join(known)}", f"{field}.{unknown[0]}")
        return value


def site_from_record(data: Mapping[str, Any], source: str = "<record>", key: str | None = None) -> Site:
    """The `Site` a parsed record declares; `key`, when given, is the key the record must declare (its
    file's name). Raises `SiteRecordError`."""
    site_key = data.get("key")
    r = _Reader(source, site_key if isinstance(site_key, str) else (key or "?"))
    unknown = sorted(set(data) - set(_TOP))
    if unknown:
        raise r.fail(f"unknown field; known ones: {', '.join(_TOP)}", unknown[0])
    for name in _REQUIRED:
        if name not in data:
            raise r.fail("missing (required: " + ", ".join(_REQUIRED) + ")", name)
    site_key = r.text("key", data["key"])
    if key is not None and site_key != key:
        raise r.fail(
            f"the record of {key!r} must declare key = {key!r} (a record is named after its key)", "key"
        )
    family_key = r.text("family", data["family"])
    if family_key not in _FAMILIES:
        raise r.fail(f"unknown family {family_key!r}; known ones: {', '.join(_FAMILIES)}", "family")
    values: dict[str, Any] = {
        "key": site_key,
        "name": r.text("name", data["name"]),
        "domains": r.texts("domains", data["domains"]),
        "province": r.text("province", data["province"]),
        "family": _FAMILIES[family_key],
        **_optional_fields(data, r),
    }
    try:
        return Site(**values)
    except ValueError as error:  # the model's own checks: key pattern, domains, date order
        field = next((f for f in ("key", "domains", "active_from") if f in str(error)), None)
        raise r.fail(str(error), field) from None


def _optional_fields(data: Mapping[str, Any], r: _Reader) -> dict[str, Any]:
    """The optional fields a record sets, read and checked."""
    values: dict[str, Any] = {}
    for name in ("successor", "former_province", "notes"):
        if name in data:
            values[name] = r.text(name, data[name])
    for name in ("feeds", "sitemaps", "listings"):
        if name in data:
            values[name] = r.texts(name, data[name])
    for name in ("active_from", "active_to"):
        if name in data:
            values[name] = r.day(name, data[name])
    if "article_url" in data:
        pattern = r.text("article_url", data["article_url"])
        try:
            re.compile(pattern)
        except re.error as error:
            raise r.fail(f"not a regular expression: {error}", "article_url") from None
        values["article_url"] = pattern
    if "verified" in data:
        if not isinstance(data["verified"], bool):
            raise r.wrong("verified", _TOP["verified"], data["verified"])
        values["verified"] = data["verified"]
    if "max_listing_pages" in data:
        values["max_listing_pages"] = r.integer("max_listing_pages", data["max_listing_pages"])
    if "selectors" in data:
        values["selectors"] = selectors_from_table(data["selectors"], r)
    if "limits" in data:
        table = r.table("limits", data["limits"], (f.name for f in fields(Limits)))
        values["limits"] = Limits(**{k: r.integer(f"limits.{k}", v, 1) for k, v in table.items()})
    if "replica" in data:
        values["replica"] = MappingProxyType(r.table("replica", data["replica"]))
    return values


def selectors_from_table(table: object, reader: _Reader | None = None) -> Selectors:
    """The `Selectors` a `[selectors]` table declares: each field an array of CSS selectors."""
    r = reader or _Reader("<selectors>", "?")
    checked = r.table("selectors", table, (f.name for f in fields(Selectors)))
    return Selectors(**{k: r.texts(f"selectors.{k}", v) for k, v in checked.items()})


def _decode_error(path: Path, error: tomllib.TOMLDecodeError) -> SiteRecordError:
    """A TOML syntax error as a record error, naming the field on the line it points at where there is one."""
    message = str(error)
    field = None
    line = re.search(r"at line (\d+)", message)
    if line:
        lines = path.read_text(encoding="utf-8").splitlines()
        number = int(line.group(1))
        if 0 < number <= len(lines):
            match = re.match(r"\s*([A-Za-z0-9_.-]+)\s*=", lines[number - 1])
            field = match.group(1) if match else None
    return SiteRecordError(str(path), path.stem, f"not valid TOML: {message}", field)


def load_record(path: Path) -> Site:
    """The site one record file declares (its file name, without `.toml`, is its key)."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as error:
        raise _decode_error(path, error) from None
    except UnicodeDecodeError as error:
        raise SiteRecordError(str(path), path.stem, f"not UTF-8: {error}") from None
    return site_from_record(data, str(path), key=path.stem)


def registry_folders() -> tuple[Path, ...]:
    """The package's records, then the folders `CRAWLER_SITES_DIR` names."""
    extra = os.environ.get(SITES_DIR_ENV, "")
    return (REGISTRY_DIR, *(Path(p) for p in extra.split(os.pathsep) if p.strip()))


def load_sites(*folders: Path) -> dict[str, Site]:
    """Every site the records in `folders` declare (default: `registry_folders()`), by key, in key order."""
    found: dict[str, Site] = {}
    where: dict[str, Path] = {}
    for folder in folders or registry_folders():
        if not folder.is_dir():
            raise SiteRecordError(str(folder), "?", "no such folder of site records")
        for path in sorted(folder.glob("*.toml")):
            site = load_record(path)
            if site.key in found:
                raise SiteRecordError(
                    str(path), site.key, f"site declared twice (also in {where[site.key]})", "key"
                )
            found[site.key], where[site.key] = site, path
    return dict(sorted(found.items()))


# --- writing ------------------------------------------------------------------------------------------------

_ESCAPES = {"\\": "\\\\", '"': '\\"', "\b": "\\b", "\t": "\\t", "\n": "\\n", "\f": "\\f", "\r": "\\r"}
_BARE_KEY = re.compile(r"^[A-Za-z0-9_-]+$")
LINE_WIDTH = 110


def _string(value: str) -> str:
    plain = not any((ch < " " and ch != "\t") or ch == "\x7f" for ch in value)
    if "\\" in value and "'" not in value and plain:
        return f"'{value}'"  # a literal string: regular expressions stay readable
    out = []
    for ch in value:
        if ch in _ESCAPES:
            out.append(_ESCAPES[ch])
        elif ch < " " or ch == "\x7f":
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def toml_key(key: str) -> str:
    return key if _BARE_KEY.match(key) else _string(key)


def toml_value(value: object, indent: str = "") -> str:
    """`value` as TOML: strings, integers, floats, booleans, dates, arrays of them (long ones one item a line)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list | tuple):
        items = [toml_value(v, indent + "    ") for v in value]
        inline = "[" + ", ".join(items) + "]"
        if len(indent) + len(inline) <= LINE_WIDTH - 20 or not items:
            return inline
        return "[\n" + "".join(f"{indent}    {item},\n" for item in items) + f"{indent}]"
    raise TypeError(f"no TOML form for {type(value).__name__} {value!r}")


def toml_table(name: str, table: Mapping[str, Any]) -> list[str]:
    """`[name]` and its entries, then its sub-tables as `[name.sub]`."""
    lines = [f"[{name}]"]
    lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in table.items() if not isinstance(v, Mapping)]
    for k, v in table.items():
        if isinstance(v, Mapping):
            lines += ["", *toml_table(f"{name}.{toml_key(k)}", v)]
    return lines


def selectors_table(selectors: Selectors) -> dict[str, list[str]]:
    """The non-empty fields of `selectors`, as a `[selectors]` table holds them."""
    return {f.name: list(getattr(selectors, f.name)) for f in fields(Selectors) if getattr(selectors, f.name)}


def record_of(site: Site) -> dict[str, Any]:
    """The record data of `site`: what its TOML file holds (defaults left out)."""
    default = Site(
        key=site.key, name=site.name, domains=site.domains, province=site.province, family=site.family
    )
    data: dict[str, Any] = {}
    for f in fields(Site):
        value = getattr(site, f.name)
        if f.name == "family":
            data["family"] = site.family.key
        elif f.name == "selectors":
            if not value.is_empty():
                data["selectors"] = selectors_table(value)
        elif f.name == "limits":
            changed = {g.name: getattr(value, g.name) for g in fields(Limits)}
            changed = {k: v for k, v in changed.items() if v != getattr(default.limits, k)}
            if changed:
                data["limits"] = changed
        elif f.name == "replica":
            if value:
                data["replica"] = _plain(value)
        elif f.name in ("key", "name", "domains", "province") or value != getattr(default, f.name):
            data[f.name] = list(value) if isinstance(value, tuple) else value
    return data


def _plain(value: object) -> Any:
    if isinstance(value, Mapping):
        return {k: _plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(v) for v in value]
    return value


def dump_record(site: Site | Mapping[str, Any], comment: str = "") -> str:
    """The TOML text of a record (a site, or record data as `record_of` gives), `comment` lines on top."""
    data = record_of(site) if isinstance(site, Site) else site
    lines = [f"# {line}".rstrip() for line in comment.splitlines()]
    lines += [f"{toml_key(k)} = {toml_value(v)}" for k, v in data.items() if not isinstance(v, Mapping)]
    for k, v in data.items():
        if isinstance(v, Mapping):
            lines += ["", *toml_table(toml_key(k), v)]
    return "\n".join(lines) + "\n"


__all__ = [
    "REGISTRY_DIR",
    "SITES_DIR_ENV",
    "SiteRecordError",
    "dump_record",
    "load_record",
    "load_sites",
    "record_of",
    "registry_folders",
    "selectors_from_table",
    "selectors_table",
    "site_from_record",
    "toml_table",
    "toml_value",
]
