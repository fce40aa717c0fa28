"""Canonical article URLs and stable article ids.

One article is reachable under many URLs: http or https, `www.` or not, with tracking parameters, a fragment,
`/index.htm` or a trailing slash, an AMP or mobile variant. `canonicalize` folds them into one form, and
`article_id` derives the id the store keys the article by.
"""

from __future__ import annotations

import hashlib
import re
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

from crawler.sites.model import Site

TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "msclkid",
        "zarsrc",
        "zaloid",
        "mc_cid",
        "mc_eid",
        "igshid",
        "_ga",
        "ref",
        "src",
    }
)
_INDEX_FILE = re.compile(r"/(?:index|default)\.(?:htm|html|php|aspx)$", re.IGNORECASE)
_AMP_SUFFIX = re.compile(r"/amp/?$", re.IGNORECASE)
_AMP_FILE = re.compile(r"\.amp(\.html?)$", re.IGNORECASE)
_MOBILE_HOST = re.compile(r"^(?:m|mobile|amp)\.")


def _is_tracking(name: str) -> bool:
    lowered = name.lower()
    return lowered.startswith("utm_") or lowered in TRACKING_PARAMS


def _one_slash_form(path: str) -> str:
    """A file-like last segment (`x.html`) takes no trailing slash; a folder-like one always has one."""
    trimmed = path.rstrip("/")
    if not trimmed:
        return "/"
    last = trimmed.rsplit("/", 1)[-1]
    return trimmed if "." in last else trimmed + "/"


def canonicalize(url: str) -> str:
    """One form for every variant of an article URL (https, bare host, no tracking, no index file)."""
    parts = urlsplit(url.strip())
    host = (parts.hostname or "").lower().rstrip(".")
    host = _MOBILE_HOST.sub("", host.removeprefix("www."))
    if parts.port and parts.port not in (80, 443):
        host = f"{host}:{parts.port}"
    path = quote(unquote(parts.path or "/"), safe="/-._~!$&'()*+,;=:@%")
    path = re.sub(r"/{2,}", "/", path)
    path = _INDEX_FILE.sub("/", path)
    path = _AMP_FILE.sub(r"\1", _AMP_SUFFIX.sub("/", path))
    path = _one_slash_form(path)
    query_pairs = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    query = urlencode(sorted(query_pairs))
    return urlunsplit(("https", host, path, query, ""))


def same_site(url: str, site: Site) -> bool:
    host = (urlsplit(url).hostname or "").lower()
    host = _MOBILE_HOST.sub("", host.removeprefix("www."))
    return host in site.domains


def article_id(site: Site, canonical_url: str) -> str:
    """`<site>-<the CMS's own id>` where the URL carries one, else `<site>-<16 hex of the URL's hash>`."""
    own = site.article_id(canonical_url)
    if own:
        return f"{site.key}-{own}"
    digest = hashlib.sha256(canonical_url.encode("utf-8")).hexdigest()[:16]
    return f"{site.key}-{digest}"
