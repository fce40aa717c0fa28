"""A portal redesign in the replica: a family's article pages printed with renamed CSS classes.

This is how a template change shows up to the crawler (the body or title moving to a class the family's
selectors do not know), so the monitors' layout-drift alerts can be tested end to end:

    replica.redesign("C", {"b-maincontent": "article__body"})   # every family C site, from the next request
    replica.redesign("C", None)                                    # back to the template the selectors know
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TypeVar

_CLASS_ATTRIBUTE = re.compile(r'(\bclass=")([^"]*)(")')

CONTEXT = TypeVar("CONTEXT")
ARTICLE = TypeVar("ARTICLE")

NEW_BODY_CLASS = {"b-maincontent": "article__body"}
"""A likely redesign: the body container renamed (the title stays readable from OpenGraph)."""


@dataclass(frozen=True)
class Redesign:
    """Class renames applied to the article pages of one CMS family."""

    family: str
    renames: Mapping[str, str]

    def apply(self, html: str) -> str:
        def rename(match: re.Match[str]) -> str:
            tokens = [self.renames.get(token, token) for token in match.group(2).split()]
            return match.group(1) + " ".join(tokens) + match.group(3)

        return _CLASS_ATTRIBUTE.sub(rename, html)


def redesigned(
    render: Callable[[CONTEXT, ARTICLE], str], redesign: Redesign | None
) -> Callable[[CONTEXT, ARTICLE], str]:
    """`render` as is, or with the redesign applied to what it writes."""
    if redesign is None:
        return render

    def render_redesigned(ctx: CONTEXT, article: ARTICLE) -> str:
        return redesign.apply(render(ctx, article))

    return render_redesigned
