"""Credentials scrubbed from log lines: what a crawl writes to its log, what the service logs, what it serves.

botocore at DEBUG writes the AWS key id, the signature and the security token; Scrapy's telnet console its
password; a store or webhook URL may carry a password or a token. `scrub` replaces each with `[redacted]`,
line by line, keeping enough (the key name, the `AKIA`/`ASIA` prefix) to tell what was there.
"""

from __future__ import annotations

import logging
import re
from typing import Any
from urllib.parse import urlsplit

REDACTED = "[redacted]"

_SECRET_NAME = (
    r"[\w.-]*?(?:secret(?:[_-]?access)?(?:[_-]?key)?|password|passwd|pass|token|api[_-]?key|signature"
    r"|credentials?|private[_-]?key|cookie)"
)
_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    # AWS access key ids (long-term AKIA, temporary ASIA, and the other IAM unique-id prefixes).
    (
        re.compile(r"(?<![A-Z0-9])(AKIA|ASIA|AGPA|AIDA|AROA|AIPA|ANPA|ANVA)[A-Z0-9]{16}(?![A-Z0-9])"),
        r"\1" + REDACTED,
    ),
    # `Authorization: <anything>` to the end of its quoted value, or of the line.
    (
        re.compile(r"""(?i)(\b(?:proxy-)?authorization\b['"]?\s*[:=]\s*b?)(['"])(?:\\.|(?!\2).)*\2"""),
        r"\1\2" + REDACTED + r"\2",
    ),
    (re.compile(r"""(?i)(\b(?:proxy-)?authorization\b\s*[:=]\s*)(?!['"\[])\S.*"""), r"\1" + REDACTED),
    # Bearer and Basic credentials wherever they stand.
    (re.compile(r"(?i)\b(bearer|basic)\s+(?!\[redacted\])[A-Za-z0-9._~+/=-]{8,}"), r"\1 " + REDACTED),
    # user:password@ in URLs.
    (re.compile(r"(?i)\b([a-z][a-z0-9+.-]*://[^/\s:@]*):[^/\s@]+@"), r"\1:" + REDACTED + "@"),
    # name = value, name: value, 'name': b'value', "name": "value", name=value& in query strings.
    (
        re.compile(rf"""(?i)(\b{_SECRET_NAME}['"]?\s*(?:=|:)\s*b?)(['"])(?:\\.|(?!\2).)*\2"""),
        r"\1\2" + REDACTED + r"\2",
    ),
    (
        re.compile(rf"""(?i)(\b{_SECRET_NAME}\s*(?:=|:(?!//))\s*)(?!['"]|\[redacted\])[^\s'",;&<>)}}\]]+"""),
        r"\1" + REDACTED,
    ),
)


def scrub(text: str) -> str:
    """The text with every credential it shows replaced by `[redacted]`."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    return text


def scrub_json(value: Any) -> Any:
    """A JSON value with `scrub` applied to every string in it (keys stay as they are)."""
    if isinstance(value, str):
        return scrub(value)
    if isinstance(value, dict):
        return {key: scrub_json(item) for key, item in value.items()}
    if isinstance(value, list):
        return [scrub_json(item) for item in value]
    return value


def url_host(url: str) -> str:
    """Only the host (and port) of a URL, for logs: its path and query are often the secret."""
    try:
        parts = urlsplit(url)
        host = parts.hostname or "?"
        port = parts.port
    except ValueError:
        return "?"
    return f"{host}:{port}" if port else host


class ScrubFilter(logging.Filter):
    """A logging filter that scrubs each record's final message (arguments included)."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a broken record is the handler's to report
            return True
        clean = scrub(message)
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if clean != message:
            record.msg, record.args = clean, None
        return True


def scrub_logging(logger: logging.Logger | None = None) -> None:
    """Scrub every line the handlers of `logger` (the root one by default) write."""
    for handler in (logger or logging.getLogger()).handlers:
        if not any(isinstance(f, ScrubFilter) for f in handler.filters):
            handler.addFilter(ScrubFilter())
