"""Text normalization shared by extraction, hashing and the pipelines.

Vietnamese text reaches us in NFC and NFD forms, with non-breaking and zero-width spaces, tabs and stray line
breaks. Everything we store or compare goes through `normalize_text` (one line) or `normalize_paragraphs`
(paragraphs separated by one blank line), which are idempotent.
"""

from __future__ import annotations

import re
import unicodedata

# Characters that render as nothing: zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks, and
# the control characters some CMS editors paste in (C0 but tab and line breaks, DEL, C1 but NEL).
_INVISIBLE = re.compile(
    "[\u200b\u200c\u200d\u2060\ufeff\u00ad\u200e\u200f\u180e\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]"
)
# Every Unicode space (NBSP, thin, ideographic …), tabs and line breaks collapse to one ASCII space.
_SPACES = re.compile(r"[\s\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+")
_PARAGRAPH_BREAK = re.compile(r"(?:[ \t\u00a0]*(?:\r\n|\r|\n|\u2028|\u2029)){2,}")


def normalize_text(s: str) -> str:
    """One line of text: NFC, invisible characters removed, every run of whitespace one space, trimmed."""
    if not s:
        return ""
    s = _SPACES.sub(" ", _INVISIBLE.sub("", s)).strip()
    return s if unicodedata.is_normalized("NFC", s) else unicodedata.normalize("NFC", s)


def normalize_paragraphs(s: str) -> str:
    """Paragraphs separated by exactly one blank line, each normalized by `normalize_text`.

    A blank line (two or more line breaks) separates paragraphs; a single line break inside a paragraph is
    whitespace like any other. Empty paragraphs are dropped.
    """
    if not s:
        return ""
    parts = (normalize_text(p) for p in _PARAGRAPH_BREAK.split(s.replace("\r\n", "\n")))
    return "\n\n".join(p for p in parts if p)


def join_paragraphs(paragraphs: list[str]) -> str:
    """Already-split paragraphs (e.g. one per HTML block) joined the same way `normalize_paragraphs` does."""
    parts = (normalize_text(p) for p in paragraphs)
    return "\n\n".join(p for p in parts if p)


__all__ = ["join_paragraphs", "normalize_paragraphs", "normalize_text"]
