"""How the feed writes a JSON document and a timestamp: one encoding for the log, the JSON Feeds, the manifests
and the article objects, so the bytes of one document never differ between them."""

from __future__ import annotations

import json
from datetime import datetime
from typing import Any

from crawler.dates import VN_TZ


def encode(document: dict[str, Any]) -> bytes:
    """Sorted keys, two-space indent, UTF-8 (Vietnamese unescaped), a closing newline."""
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True).encode("utf-8") + b"\n"


def now_iso() -> str:
    """Now in Vietnam time, to the second."""
    return datetime.now(VN_TZ).isoformat(timespec="seconds")


__all__ = ["encode", "now_iso"]
