"""The arbiter: every layer proposes candidates for a field, and the rules here choose one.

Each rule is a small function over candidates, so it can be read and tested on its own:

- **Dates** (`choose_date`): every candidate is parsed, and one that does not parse, or parses to an
  impossible or implausible value, never blocks another. The dateline printed in the article header is the
  anchor: among candidates that agree with it on the day, the most precise wins (a minute beats a day-only
  value, and a structured midnight counts as a day); one that disagrees by more than a day loses, and the
  disagreement is noted. Without a printed header dateline, the first candidate in layer order (structured,
  declared selectors, printed elsewhere, feed) wins, refined by a more precise candidate of the same day. A
  US-style `M/D/YYYY h:mm:ss AM/PM` value (ASP.NET's en-US format) is read month-first unless another
  candidate agrees with its day-first reading.
- **Body** (`choose_body`): the declared body and the generic body are compared by token overlap; when they
  disagree, the one with more words outside links, placed after the `<h1>`, wins. Blocks at the head of the
  body that repeat the title, the lead or the byline/time line are not body (`drop_header_blocks`).
- **Declared outcome** (`declared_outcome`): for the monitors and the repair suggestions, what became of
  each declared selector: it found the winner (`agreed`), nothing (`missed`) or a loser (`overruled`).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from typing import TypeVar

from lxml.html import HtmlElement

from crawler.dates import VN_TZ, ParsedDate, is_us_style, parse_date
from crawler.extract.cleanup import choose_title, split_source_tag, strip_title_suffix
from crawler.extract.model import DateCandidate, DateKind, DeclaredOutcome, Layer
from crawler.extract.tokens import token_f1
from crawler.text import normalize_text

_PRECISION_RANK = {"month": 0, "day": 1, "hour": 2, "minute": 3, "second": 3}
"""How precise a reading is; seconds rank as minutes, since datelines print minutes."""
_LAYER_ORDER: dict[str, int] = {"structured": 0, "site": 1, "family": 2, "generic": 3, "feed": 4}
_SAME_DAY = timedelta(days=1)
BODY_AGREEMENT = 0.5
"""Token F1 between the declared and the generic body above which they are the same text."""
_PROSE_WORDS = 8
_PHOTO_STORY_WORDS = 60
_PHOTO_STORY_RATIO = 2.0
_HEADER_WINDOW = 5
_LEAD_REACH = 8  # paragraphs from the head of the body within which a repeated lead marks the header's end
_HEADER_LINE_WORDS = 30


# ------------------------------------------------------------------------------------------------- dates


@dataclass(frozen=True, slots=True)
class _Reading:
    candidate: DateCandidate
    value: datetime
    rank: int


@dataclass(slots=True)
class DateChoice:
    """The winning date, the candidate it came from, and what the arbiter noted on the way."""

    value: datetime | None = None
    candidate: DateCandidate | None = None
    notes: list[str] = field(default_factory=list)


def _rank(parsed: ParsedDate, candidate: DateCandidate) -> int:
    rank = _PRECISION_RANK.get(parsed.precision or "month", 0)
    value = parsed.value
    if (
        not candidate.printed
        and rank >= _PRECISION_RANK["hour"]
        and value is not None
        and value.astimezone(VN_TZ).time() == datetime.min.time()
    ):
        return _PRECISION_RANK["day"]  # a structured midnight is a day-only date typed as a datetime
    return rank


def _readings(candidate: DateCandidate, relative_to: datetime | None) -> tuple[list[_Reading], str | None]:
    """The candidate's possible readings (two for an ambiguous US-style value), or why it has none."""
    first = parse_date(candidate.raw, relative_to=relative_to)
    found = [first] if first.value is not None else []
    if is_us_style(candidate.raw):
        month_first = parse_date(candidate.raw, relative_to=relative_to, dayfirst=False)
        if month_first.value is not None and month_first.value != first.value:
            found.insert(0, month_first)  # ASP.NET's en-US format: month first unless another disagrees
    if not found:
        return [], first.reason or "unreadable"
    readings = [_Reading(candidate, p.value, _rank(p, candidate)) for p in found if p.value is not None]
    return readings, None


def _same_day(a: datetime, b: datetime) -> bool:
    return a.astimezone(VN_TZ).date() == b.astimezone(VN_TZ).date() or abs(a - b) < _SAME_DAY


def _minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def _describe(reading: _Reading) -> str:
    return f"{reading.candidate.origin} {reading.candidate.raw!r}"


def _options(
    candidates: Iterable[DateCandidate], kind: DateKind, relative_to: datetime | None, notes: list[str]
) -> list[list[_Reading]]:
    """The readings of every `kind` candidate that has one; why the others have none goes to `notes`."""
    options: list[list[_Reading]] = []
    for candidate in candidates:
        if candidate.kind != kind:
            continue
        readings, reason = _readings(candidate, relative_to)
        if readings:
            options.append(readings)
        else:
            notes.append(f"{candidate.origin} {candidate.raw!r}: {reason}")
    return options


def choose_date(
    candidates: Iterable[DateCandidate], kind: DateKind, *, relative_to: datetime | None = None
) -> DateChoice:
    """The `kind` date the candidates support best (see the module's rules), with notes on the losers."""
    choice = DateChoice()
    candidates = list(candidates)
    options = _options(candidates, kind, relative_to, choice.notes)
    if not options and kind == "published":
        # Many portals print only `Cập nhật: …` above the title: with nothing else, that is when it appeared.
        printed_updates = [c for c in candidates if c.kind == "modified" and c.printed and c.in_header]
        options = _options(printed_updates, "modified", relative_to, [])
        if options:
            choice.notes.append("the page prints only an update time, read as the publication time")
    if not options:
        return choice
    # An ambiguous reading settles on the one another candidate's day agrees with.
    settled: list[_Reading] = []
    for i, readings in enumerate(options):
        if len(readings) > 1:
            others = [r.value for j, rs in enumerate(options) if j != i for r in rs]
            agreeing = [r for r in readings if any(_same_day(r.value, o) for o in others)]
            readings = agreeing or readings
        settled.append(readings[0])
    ordered = sorted(settled, key=lambda r: _LAYER_ORDER.get(r.candidate.layer, 9))
    anchor = next((r for r in ordered if r.candidate.in_header and r.rank >= _PRECISION_RANK["day"]), None)
    base = anchor or ordered[0]
    agreeing = [r for r in ordered if _same_day(r.value, base.value)]
    for loser in ordered:
        if loser not in agreeing:
            choice.notes.append(
                f"{_describe(loser)} disagrees with {_describe(base)} by more than a day; "
                f"the {'printed dateline' if anchor else base.candidate.origin} wins"
            )
    top_rank = max(r.rank for r in agreeing)
    top = [r for r in agreeing if r.rank == top_rank]  # in layer order
    best = top[0]
    if anchor is not None and anchor.rank == top_rank:
        # As precise as the best: the reader's minute settles it, the first layer on that minute wins.
        best = next(r for r in top if _minute(r.value) == _minute(anchor.value))
    for reading in top:
        if _minute(reading.value) != _minute(best.value):
            choice.notes.append(f"{_describe(reading)} differs from {_describe(best)}, which wins")
    choice.value, choice.candidate = best.value, best.candidate
    return choice


# -------------------------------------------------------------------------------------------------- body


@dataclass(slots=True)
class BodyCandidate:
    """A body some layer proposes: its paragraphs, the element holding them, and that layer."""

    paragraphs: list[str]
    layer: Layer
    element: HtmlElement | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.paragraphs)


def link_density(element: HtmlElement | None) -> float:
    """The share of an element's text that sits inside links (0 when unknown)."""
    if element is None:
        return 0.0
    total = len(normalize_text(element.text_content()))
    if not total:
        return 0.0
    linked = sum(len(normalize_text(a.text_content())) for a in element.iter("a"))
    return min(linked / total, 1.0)


def _after(element: HtmlElement | None, h1: HtmlElement | None) -> bool:
    """Whether the element comes after the `<h1>` in the page (or holds it), as an article body does."""
    if element is None or h1 is None:
        return True
    if any(a is element for a in h1.iterancestors()):
        return True
    own, heading = element.sourceline, h1.sourceline
    return own is None or heading is None or own >= heading


def _body_score(body: BodyCandidate, h1: HtmlElement | None, links: frozenset[str]) -> float:
    """Words of prose: in paragraphs of a sentence's length that are not the text of a link (menus, related
    titles and share bars are short lines or links), discounted by the container's link density, and by
    two thirds for a container before the headline."""
    words = sum(
        n
        for p in body.paragraphs
        if (n := len(p.split())) >= _PROSE_WORDS and p.strip(" -–—•·*»›").casefold() not in links
    )
    return words * (1.0 - link_density(body.element)) * (1.0 if _after(body.element, h1) else 0.3)


@dataclass(slots=True)
class BodyChoice:
    """The winning body, and whether the declared one disagreed with the generic one and lost."""

    body: BodyCandidate | None
    declared: DeclaredOutcome | None = None
    overlap: float | None = None


def choose_body(
    declared: BodyCandidate | None,
    generic: BodyCandidate | None,
    *,
    h1: HtmlElement | None,
    captions: BodyCandidate | None = None,
    links: frozenset[str] = frozenset(),
) -> BodyChoice:
    """Declared and generic bodies that agree: the declared (it knows the captions); else the one with more
    prose (`links`: the casefolded texts of the page's links). A photo story, whose captions outweigh what
    either body found, is told by its captions."""
    choice = _declared_or_generic(declared, generic, h1, links)
    chosen_words = sum(len(p.split()) for p in choice.body.paragraphs) if choice.body else 0
    caption_words = sum(len(p.split()) for p in captions.paragraphs) if captions else 0
    if (
        captions
        and caption_words >= _PHOTO_STORY_WORDS
        and caption_words >= _PHOTO_STORY_RATIO * chosen_words
    ):
        if choice.body is declared and declared is not None and declared.paragraphs:
            choice.declared = "overruled"
        choice.body = captions
    return choice


def _declared_or_generic(
    declared: BodyCandidate | None,
    generic: BodyCandidate | None,
    h1: HtmlElement | None,
    links: frozenset[str],
) -> BodyChoice:
    if declared is None or not declared.paragraphs:
        return BodyChoice(generic if generic and generic.paragraphs else None, "missed" if declared else None)
    if generic is None or not generic.paragraphs:
        return BodyChoice(declared, "agreed")
    overlap = token_f1(declared.text, generic.text)
    if overlap >= BODY_AGREEMENT or _body_score(declared, h1, links) >= _body_score(generic, h1, links):
        return BodyChoice(declared, "agreed", overlap)
    return BodyChoice(generic, "overruled", overlap)


def _key(text: str | None) -> str:
    return normalize_text(text or "").casefold().strip(" .:-–|")


def _untagged(text: str) -> str:
    """A paragraph's key without the outlet tag opening it (`(Dân trí) - …`, `TPO - …`)."""
    return _key(split_source_tag(text)[1])


def drop_header_blocks(
    paragraphs: Sequence[str], *, lead: str | None, repeats: Iterable[str | None], datelines: Iterable[str]
) -> list[str]:
    """The paragraphs without the header blocks a body element sometimes holds at its head.

    When the lead is repeated near the head, it and everything before it (a kicker, the title, an audio
    player's labels, the byline) go. Then, from the head: a paragraph that repeats the title, the section or
    the byline (`repeats`), or a short one holding a printed dateline (the author-and-time line).
    """
    kept = list(paragraphs)
    if lead:
        lead_key = _untagged(lead)
        for i, paragraph in enumerate(kept[:_LEAD_REACH]):
            if _untagged(paragraph) == lead_key:
                kept = kept[i + 1 :]
                break
    exact = {_key(text) for text in repeats} - {""}
    dates = [k for k in (_key(line) for line in datelines) if len(k) > 7]
    dropped = 0
    while kept and dropped < _HEADER_WINDOW:
        head = _key(kept[0])
        if head in exact or (len(head.split()) <= _HEADER_LINE_WORDS and any(d in head for d in dates)):
            kept.pop(0)
            dropped += 1
            continue
        break
    return kept


# ------------------------------------------------------------------------------------------------ others


T = TypeVar("T")


def first_proposal(*proposals: tuple[T | None, Layer] | None) -> tuple[T, Layer] | None:
    """The first proposal with a value, in the order given: for authors, section and tags the order is the
    rule (what the page declares about itself, its declared selectors, then what the generic layer reads)."""
    for proposal in proposals:
        if proposal is not None and proposal[0]:
            return proposal[0], proposal[1]
    return None


def choose_headline(
    *,
    structured: Sequence[str],
    declared: tuple[str, Layer] | None,
    h1: str | None,
    page_title: str | None,
    site_names: Sequence[str],
) -> tuple[str | None, Layer | None]:
    """The title: the structured one that the printed headline confirms (its site name cut off), else the
    declared selector's, else the page's `<h1>` or `<title>` without the site name."""
    if structured:
        return choose_title(
            structured, h1=declared[0] if declared else h1, site_names=site_names
        ), "structured"
    if declared is not None:
        return strip_title_suffix(declared[0], site_names=site_names), declared[1]
    generic = h1 or page_title
    if generic:
        return strip_title_suffix(generic, h1=h1, site_names=site_names), "generic"
    return None, None


def choose_lead(
    *,
    declared: tuple[str, Layer] | None,
    printed: str | None,
    structured: str | None,
    generic: str | None,
) -> tuple[str | None, Layer | None]:
    """The lead the page prints beats the one it declares: the declared selector's, then an element named
    for it (`sapo`, `lead`, `summary`), then structured data (og:description, which portals often shorten or
    write apart), then the generic guesses (a `desc` element, a bold first paragraph, the meta description).
    A structured lead that is not a truncation of the printed one still loses to it."""
    if declared is not None:
        return declared
    if printed:
        return printed, "generic"
    if structured:
        return structured, "structured"
    if generic:
        return generic, "generic"
    return None, None


def declared_outcome(
    declared: str | Sequence[str] | None, winner: str | Sequence[str] | None
) -> DeclaredOutcome:
    """What became of a declared selector's value against the field's winner (one text or a list)."""
    if not declared:
        return "missed"
    if isinstance(declared, str):
        mine, theirs = _key(declared), _key(winner if isinstance(winner, str) else " ".join(winner or ()))
        return "agreed" if mine == theirs or (theirs and theirs in mine) else "overruled"
    names = {_key(v) for v in declared}
    winners = {_key(winner)} if isinstance(winner, str) else {_key(v) for v in winner or ()}
    return "agreed" if names == winners else "overruled"


__all__ = [
    "BODY_AGREEMENT",
    "BodyCandidate",
    "BodyChoice",
    "DateCandidate",
    "DateChoice",
    "choose_body",
    "choose_date",
    "choose_headline",
    "choose_lead",
    "declared_outcome",
    "drop_header_blocks",
    "first_proposal",
    "link_density",
]
