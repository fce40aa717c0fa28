"""Every saved page under tests/fixtures/<site>/<name>.html against the Extraction fields in <name>.json.

The directory names the registered site whose selectors apply. Keys starting with `_` are inputs, not
expected fields: `_site` overrides the site (null: generic mode, as for tests/fixtures/generic/), `_encoding`
is passed as the encoding of the page's bytes. Every other key is an Extraction field compared as is
(`images` as a list of {url, caption}). A new site adds two files and no code.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pytest

from crawler.extract import extract_article
from crawler.sites import get_site

FIXTURES = Path(__file__).parent / "fixtures"
PAGES = sorted(FIXTURES.glob("*/*.html"))


def _load(page: Path) -> dict[str, Any]:
    expected: dict[str, Any] = json.loads(page.with_suffix(".json").read_text(encoding="utf-8"))
    return expected


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_fixture(page: Path) -> None:
    expected = _load(page)
    site_key = expected.get("_site", page.parent.name)
    site = get_site(site_key) if site_key else None
    result = asdict(
        extract_article(expected["url"], page.read_bytes(), site, encoding=expected.get("_encoding"))
    )

    fields = {k: v for k, v in expected.items() if not k.startswith("_")}
    unknown = set(fields) - set(result)
    assert not unknown, f"{page.with_suffix('.json').name} names fields Extraction lacks: {sorted(unknown)}"
    mismatches = {k: (result[k], v) for k, v in fields.items() if result[k] != v}
    assert not mismatches, "\n".join(
        f"{k}:\n  got      {g!r}\n  expected {e!r}" for k, (g, e) in mismatches.items()
    )


@pytest.mark.parametrize("page", PAGES, ids=[f"{p.parent.name}/{p.stem}" for p in PAGES])
def test_fixture_text_is_nfc_and_clean(page: Path) -> None:
    """Whatever the page's encoding or normal form, every extracted string is NFC without odd spaces."""
    expected = _load(page)
    site_key = expected.get("_site", page.parent.name)
    result = extract_article(expected["url"], page.read_bytes(), get_site(site_key) if site_key else None)
    texts = [result.title, result.lead, result.body_text, *result.authors, *result.tags]
    texts += [i.caption for i in result.images]
    for text in filter(None, texts):
        assert unicodedata.is_normalized("NFC", text)
        assert not any(ch in text for ch in "\u00a0\u200b\ufeff\t")
        assert "\n\n\n" not in text


def test_every_family_has_a_fixture() -> None:
    families = {get_site(p.parent.name).family.key for p in PAGES if p.parent.name != "generic"}
    assert families >= set("ABCDEFG")
