"""Every real-shaped page under replica/data/real_shapes/<outlet>/<name>.html against the fields in <name>.json.

Each page reproduces the markup of a real article page (its provenance: the repository, path and commit of
the page studied) in our own words. It runs through `crawler.steps.process_page` twice: as built, and with
its JSON-LD, declaring meta tags, microdata and date attributes removed (`strip_metadata`), so that every
field must also come from what the page prints. The JSON:

    {"url", "site": registered site key or null (generic mode),
     "provenance": {"repository", "path", "commit", "structure"} of the real page studied, or
                   {"modelled_on", "structure"} for a page modelled on what public configurations record of
                   its CMS where no saved page could be studied (not counted among the studied structures),
     "title", "published_at": the printed minute as "YYYY-MM-DDTHH:MM:00+07:00", "published_printed",
     "authors", "lead" (or null: not checked), "body": [paragraph, ...]}

The lead may be written as printed: an outlet tag opening it (`(ABO)`, `TPO -`) is then expected in
`source_tag` and off the lead.

A new page adds two files and no code.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

import replica
from crawler.dates import VN_TZ
from crawler.extract.cleanup import split_source_tag
from crawler.extract.strip import strip_metadata
from crawler.extract.tokens import token_f1
from crawler.item import Rejected
from crawler.sites import generic_site, get_site
from crawler.steps import process_page

REAL_SHAPES = Path(replica.__file__).resolve().parent / "data" / "real_shapes"
PAGES = sorted(REAL_SHAPES.glob("*/*.html"))
MODES = ("as built", "stripped")
MIN_PAGES, MIN_OUTLETS = 20, 10
MIN_BODY_F1 = 0.95
_MINUTE = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:00\+07:00$")
_COMMIT = re.compile(r"^[0-9a-f]{40}$")


def _expected(page: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    return data


def _fetched_at(expected: dict[str, Any]) -> datetime:
    """The nightly crawl after the page's day: a day after its printed minute."""
    published = expected.get("published_at")
    base = datetime.fromisoformat(published) if published else datetime(2027, 1, 1, tzinfo=VN_TZ)
    return base + timedelta(days=1)


def _minute(value: str | None) -> datetime | None:
    """An ISO time cut to its minute, None if absent or not in Vietnam time (+07:00)."""
    if not value:
        return None
    parsed = datetime.fromisoformat(value)
    if parsed.utcoffset() != timedelta(hours=7):
        return None
    return parsed.replace(second=0, microsecond=0)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_real_shape(page: Path, mode: str) -> None:
    expected = _expected(page)
    url: str = expected["url"]
    site = get_site(expected["site"]) if expected.get("site") else generic_site(url)
    html: str | bytes = page.read_bytes()
    if mode == "stripped":
        html = strip_metadata(html)
    result = process_page(url, html, site, fetched_at=_fetched_at(expected))
    if isinstance(result, Rejected):
        pytest.fail(f"rejected ({result.stage}): {result.reason} {result.details}")

    wrong: list[str] = []

    def check(field: str, got: object, want: object) -> None:
        if got != want:
            wrong.append(f"{field}:\n  got      {got!r}\n  expected {want!r}")

    check("title", result.title, expected["title"])
    want_minute = _minute(expected["published_at"])
    if want_minute is None or _minute(result.published_at) != want_minute:
        wrong.append(
            f"published_at:\n  got      {result.published_at!r} from {result.date_source!r}"
            f" (raw {result.published_at_raw!r})\n  expected {expected['published_at']!r}"
            f" (printed {expected.get('published_printed')!r})"
        )
    check("authors", result.authors, expected["authors"])
    lead = expected.get("lead")
    if lead is not None and split_source_tag(lead) != (result.source_tag, result.lead):
        check("lead", result.lead, lead)  # as printed, or without the outlet tag that became source_tag
    paragraphs = [p for p in result.body_text.split("\n\n") if p]
    missing = [p for p in expected["body"] if p not in paragraphs]
    if missing:
        wrong.append(f"body: {len(missing)} of {len(expected['body'])} expected paragraphs missing, first:")
        wrong.append(f"  {missing[0]!r}")
    f1 = token_f1(result.body_text, "\n\n".join(expected["body"]))
    if f1 < MIN_BODY_F1:
        wrong.append(f"body token F1 {f1:.3f} < {MIN_BODY_F1} (field_sources: {result.field_sources})")
    if wrong:
        pytest.fail(f"{page.parent.name}/{page.name} {mode}:\n" + "\n".join(wrong))


def _studied(page: Path) -> bool:
    """Whether the page reproduces a real page that was studied (not one modelled on configurations)."""
    return bool((_expected(page).get("provenance") or {}).get("repository"))


def test_enough_studied_structures_from_enough_outlets() -> None:
    studied = [p for p in PAGES if _studied(p)]
    outlets = {p.parent.name for p in studied}
    assert len(studied) >= MIN_PAGES and len(outlets) >= MIN_OUTLETS, (
        f"{len(studied)} pages reproduce studied real pages, from {len(outlets)} outlets; "
        f"at least {MIN_PAGES} from {MIN_OUTLETS} wanted"
    )


def test_every_page_names_its_provenance_and_is_well_formed() -> None:
    problems: list[str] = []
    for page in PAGES:
        name = f"{page.parent.name}/{page.name}"
        if not page.with_suffix(".json").is_file():
            problems.append(f"{name}: no {page.stem}.json beside it")
            continue
        expected = _expected(page)
        provenance = expected.get("provenance") or {}
        if not provenance.get("structure"):
            problems.append(f"{name}: provenance.structure (what the page reproduces) missing")
        if provenance.get("modelled_on") and not provenance.get("repository"):
            pass  # modelled on what configurations record of the CMS: said so, and not counted as studied
        else:
            repository = str(provenance.get("repository") or "")
            if not re.fullmatch(r"[\w.-]+/[\w.-]+", repository):
                problems.append(f"{name}: provenance.repository {repository!r} is not owner/name")
            if not provenance.get("path"):
                problems.append(f"{name}: provenance.path missing")
            if not _COMMIT.match(str(provenance.get("commit") or "")):
                problems.append(
                    f"{name}: provenance.commit {provenance.get('commit')!r} is not 40 hex digits"
                )
        if expected.get("site"):
            try:
                get_site(expected["site"])
            except KeyError:
                problems.append(f"{name}: site {expected['site']!r} is not registered")
        if not _MINUTE.match(str(expected.get("published_at") or "")):
            problems.append(f"{name}: published_at {expected.get('published_at')!r} is not a +07:00 minute")
        body = expected.get("body")
        if not isinstance(body, list) or not all(isinstance(p, str) and p for p in body):
            problems.append(f"{name}: body is not a list of paragraphs")
        if not isinstance(expected.get("authors"), list):
            problems.append(f"{name}: authors is not a list")
        for key in ("url", "title", "published_printed"):
            if not expected.get(key):
                problems.append(f"{name}: {key} missing")
        strings = [expected.get("title"), expected.get("lead"), *expected.get("authors", [])]
        strings += expected.get("body") or []
        if not all(unicodedata.is_normalized("NFC", s) for s in strings if isinstance(s, str)):
            problems.append(f"{name}: expected text not in NFC (extraction's output always is)")
    orphans = [j for j in REAL_SHAPES.glob("*/*.json") if not j.with_suffix(".html").is_file()]
    problems += [f"{j.parent.name}/{j.name}: no page beside it" for j in orphans]
    assert not problems, "\n".join(problems)
