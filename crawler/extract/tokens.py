"""Word tokens of Vietnamese text and the bag-of-tokens F1 that compares two texts.

A token is a syllable (letters, with any combining marks NFC leaves) or a number (`2021`, `5.663`, `92,52`);
punctuation and symbols separate tokens and are dropped. Tokens are NFC and casefolded, so the same text in
NFC or NFD, in capitals or not, gives the same tokens.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

# Combining marks NFC cannot fold into a precomposed letter stay with the letter they follow.
_MARKS = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_TOKEN = re.compile(rf"\d+(?:[.,]\d+)+|[^\W_](?:[^\W_]|[{_MARKS}])*")


def word_tokens(text: str) -> list[str]:
    """The syllables and numbers of `text`, NFC and casefolded, in order; punctuation dropped."""
    if not text:
        return []
    folded = unicodedata.normalize("NFC", unicodedata.normalize("NFC", text).casefold())
    return _TOKEN.findall(folded)


def token_f1(got: str, expected: str) -> float:
    """The F1 of `got`'s tokens against `expected`'s, as bags (each token counted as often as it occurs).

    1.0 when both hold no token, 0.0 when only one does; symmetric in its arguments.
    """
    got_tokens = Counter(word_tokens(got))
    expected_tokens = Counter(word_tokens(expected))
    total = got_tokens.total() + expected_tokens.total()
    if total == 0:
        return 1.0
    overlap = (got_tokens & expected_tokens).total()
    return 2.0 * overlap / total


__all__ = ["token_f1", "word_tokens"]
