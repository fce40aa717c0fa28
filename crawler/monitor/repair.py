"""Declarations checked against real markup, and repaired: the audit `crawler check` prints.

Per page and per declared field (title, lead, dateline, authors, section, tags, body), the site's declared
selectors (its own, then its family template's, as extraction tries them) are read and compared with the value
that won (the Extraction's final value, whichever layer it came from):

- `agreed`: the declared selectors find the winning value;
- `missed`: they find nothing, and the winning value is printed in the page;
- `disagreed`: they find another value, and the winning value is printed elsewhere in the page;
- `unprinted`: the winning value is printed nowhere (it came from metadata only): nothing to correct;
- `in_body`: the byline is the body's closing author line, which the body cleanup reads;
- `absent`: neither the declaration nor any other layer found a value.

Where a field is `missed` or `disagreed`, the element that holds the winning value is located (its own text
equal to or best holding it; for the dateline the element whose text parses to the winning minute; for tags
the repeated anchors' common parent) and a selector derived from it: its tag and most distinctive class (or
id), checked to select that element first in the page. Across pages, a field wrong on more than `most` of them
is reported with its evidence and a corrected `[selectors]` table ready to paste into the portal's record.
"""

from __future__ import annotations

import re
import tomllib
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Literal

from lxml.html import HtmlElement

from crawler.dates import parse_date
from crawler.extract.cleanup import clean_author_names, select
from crawler.sites.model import Selectors, Site, Template
from crawler.sites.records import selectors_from_table, selectors_table, toml_table
from crawler.text import normalize_text

Outcome = Literal["agreed", "missed", "disagreed", "unprinted", "in_body", "absent"]
WRONG: frozenset[str] = frozenset({"missed", "disagreed"})

AUDITED_FIELDS = ("title", "lead", "dateline", "authors", "section", "tags", "body")
"""The fields a declaration names, by their `Selectors` names (`dateline` is published_at, `body` body_text)."""

_SKIPPED = frozenset({"script", "style", "noscript", "template", "head", "title", "meta", "link", "svg"})
_HEADINGS = frozenset({"h1", "h2", "h3"})
_TRAILING = re.compile(r"[\s.…]+$")
_DIGITS = re.compile(r"\d")
_TIME = re.compile(r"\d{1,2}\s*[:hg]\s*\d{2}")
_MAX_DATELINE = 120
_MAX_SHOWN = 70


# ------------------------------------------------------------------------------------------------ winners


@dataclass(frozen=True)
class Winners:
    """The values that won on one page (the Extraction's final fields; the dateline as its parsed minute)."""

    title: str | None = None
    lead: str | None = None
    published: datetime | None = None
    authors: tuple[str, ...] = ()
    section: str | None = None
    tags: tuple[str, ...] = ()
    body: str | None = None

    def has(self, name: str) -> bool:
        return bool(self.value(name))

    def value(self, name: str) -> object:
        return self.published if name == "dateline" else getattr(self, name)

    def shown(self, name: str) -> str:
        return _shown(self.value(name))


def winners_from(
    title: str | None,
    lead: str | None,
    published_raw: str | None,
    authors: Sequence[str],
    section: str | None,
    tags: Sequence[str],
    body_text: str | None,
    *,
    published_at: str | None = None,
) -> Winners:
    """Winners from an Extraction's fields; the minute from `published_at` (the dates pipeline's ISO value)
    where given, else from `published_raw` parsed."""
    published: datetime | None = None
    if published_at:
        try:
            published = datetime.fromisoformat(published_at)
        except ValueError:
            published = None
    if published is None and published_raw:
        published = parse_date(published_raw).value
    return Winners(
        title=title or None,
        lead=lead or None,
        published=published,
        authors=tuple(authors),
        section=section or None,
        tags=tuple(tags),
        body=body_text or None,
    )


# -------------------------------------------------------------------------------------------- comparisons


def _canon(text: str) -> str:
    return _TRAILING.sub("", normalize_text(text).casefold())


def _shown(value: object) -> str:
    if value is None or value == () or value == []:
        return "(nothing)"
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    text = ", ".join(value) if isinstance(value, list | tuple) else str(value)
    text = normalize_text(text)
    return text if len(text) <= _MAX_SHOWN else text[: _MAX_SHOWN - 1] + "…"


def same_text(found: str, winner: str) -> bool:
    """The same text, casefolded, but for a prefix or suffix around it (an outlet tag, a site name) or a
    truncation of the winner."""
    a, b = _canon(found), _canon(winner)
    if not a or not b:
        return False
    if a == b:
        return True
    if b in a:
        return len(b) >= 0.6 * len(a)
    return a in b and len(a) >= 0.8 * len(b)


def _minute(value: datetime) -> datetime:
    return value.replace(second=0, microsecond=0)


def _parses_to(text: str, winner: datetime) -> bool:
    if not _DIGITS.search(text) or str(winner.day) not in text:
        return False
    got = parse_date(text, relative_to=winner + timedelta(days=1)).value
    if got is None:
        return False
    if (winner.hour, winner.minute) == (0, 0):
        return bool(got.date() == winner.date())
    return _minute(got) == _minute(winner)


def _names(values: Sequence[str], site: Site) -> list[str]:
    return [n.casefold() for n in clean_author_names(values, exclude=(site.name,))]


def _tags_agree(found: Sequence[str], winner: Sequence[str]) -> bool:
    a, b = {_canon(t) for t in found}, {_canon(t) for t in winner}
    return bool(a and b) and len(a & b) >= 0.8 * len(a | b)


def _paragraphs(body: str) -> list[str]:
    return [_canon(p)[:60] for p in body.split("\n\n") if _canon(p)]


def _body_share(text: str, body: str) -> float:
    wanted = _paragraphs(body)
    if not wanted:
        return 0.0
    haystack = _canon(text)
    return sum(p in haystack for p in wanted) / len(wanted)


# ------------------------------------------------------------------------------------ the page, indexed


@dataclass
class _Page:
    """One page's elements in document order with their normalized text (script, style and head left out)."""

    doc: HtmlElement
    elements: list[HtmlElement]
    texts: dict[HtmlElement, str]
    order: dict[HtmlElement, int]
    class_counts: Counter[str]

    @classmethod
    def of(cls, doc: HtmlElement) -> _Page:
        elements: list[HtmlElement] = []
        body = doc.find("body")
        root = body if body is not None else doc
        for el in _walk(root):
            elements.append(el)
        texts = {el: normalize_text(" ".join(_itertext(el))) for el in elements}
        counts: Counter[str] = Counter(
            c for el in doc.iter() if isinstance(el, HtmlElement) for c in _classes(el)
        )
        return cls(doc, elements, texts, {el: i for i, el in enumerate(elements)}, counts)

    def text(self, el: HtmlElement) -> str:
        return self.texts.get(el) or normalize_text(" ".join(_itertext(el)))


def _walk(el: HtmlElement) -> Iterator[HtmlElement]:
    for child in el:
        if isinstance(child, HtmlElement) and isinstance(child.tag, str) and child.tag not in _SKIPPED:
            yield child
            yield from _walk(child)


def _itertext(el: HtmlElement) -> Iterator[str]:
    if el.text and el.tag not in _SKIPPED:
        yield el.text
    for child in el:
        if isinstance(child, HtmlElement) and isinstance(child.tag, str) and child.tag not in _SKIPPED:
            yield from _itertext(child)
        if child.tail:
            yield child.tail


def _classes(el: HtmlElement) -> list[str]:
    return [c for c in (el.get("class") or "").split() if re.fullmatch(r"-?[A-Za-z_][\w-]*", c)]


# -------------------------------------------------------------------------------- reading a declaration


def _first_text(page: _Page, alternatives: Sequence[str]) -> tuple[str, str, HtmlElement] | None:
    for css in alternatives:
        for el in select(page.doc, css):
            text = page.text(el)
            if text:
                return text, css, el
    return None


def _all_texts(page: _Page, alternatives: Sequence[str]) -> tuple[list[str], str] | None:
    for css in alternatives:
        texts: list[str] = []
        for el in select(page.doc, css):
            text = page.text(el)
            if text and text not in texts:
                texts.append(text)
        if texts:
            return texts, css
    return None


def _read(page: _Page, name: str, alternatives: Sequence[str], site: Site) -> tuple[object, str] | None:
    """What `alternatives` find for field `name` on the page, as extraction reads it, and the selector."""
    if name in ("authors", "tags"):
        found = _all_texts(page, alternatives)
        if found is None:
            return None
        values, css = found
        if name == "authors":
            names = clean_author_names(values, exclude=(site.name,))
            return (names, css) if names else None
        return values, css
    if name == "body":
        for css in alternatives:
            for el in select(page.doc, css):
                text = page.text(el)
                if text:
                    return text, css
        return None
    first = _first_text(page, alternatives)
    return (first[0], first[1]) if first else None


def _agrees(name: str, value: object, winners: Winners, site: Site) -> bool:
    if name in ("title", "lead", "section"):
        winner = getattr(winners, name)
        return isinstance(value, str) and winner is not None and same_text(value, winner)
    if name == "dateline":
        return (
            isinstance(value, str) and winners.published is not None and _parses_to(value, winners.published)
        )
    if name == "authors":
        if not isinstance(value, list) or not winners.authors:
            return False
        found = {n.casefold() for n in value}
        return all(w.casefold() in found for w in winners.authors) or all(
            _canon(w) in _canon(" ".join(value)) for w in winners.authors
        )
    if name == "tags":
        return isinstance(value, list) and _tags_agree(value, winners.tags)
    if name == "body":
        return isinstance(value, str) and winners.body is not None and _body_share(value, winners.body) >= 0.8
    return False


def declared_for(site: Site, template: str | None = None) -> Template:
    """The site's template (its own selectors laid over the family's) labelled `template`, else the newest."""
    templates = site.templates_newest_first()
    for t in templates:
        if (t.since.isoformat() if t.since else "base") == template:
            return t
    return templates[0]


# ----------------------------------------------------------------------------------- locating the winner


def _nearest(page: _Page, candidates: list[HtmlElement], anchor: HtmlElement | None) -> HtmlElement:
    def key(el: HtmlElement) -> tuple[int, int, int]:
        distance = abs(page.order[el] - page.order[anchor]) if anchor is not None else 0
        return (len(page.text(el)), 0 if el.tag in _HEADINGS else 1, distance or page.order[el])

    return min(candidates, key=key)


def _climb(page: _Page, el: HtmlElement) -> HtmlElement:
    """Up to the nearest ancestor with a class or id while the text stays the same."""
    while not _classes(el) and not el.get("id"):
        parent = el.getparent()
        if parent is None or parent.tag in ("body", "html") or page.text(parent) != page.text(el):
            break
        el = parent
    return el


def locate(page: _Page, name: str, winners: Winners, anchor: HtmlElement | None = None) -> HtmlElement | None:
    """The element holding the winning value of field `name` (for tags: the anchors' common parent)."""
    if name in ("title", "lead", "section"):
        winner = getattr(winners, name)
        found = [el for el in page.elements if winner and same_text(page.text(el), winner)]
        return _climb(page, _nearest(page, found, anchor)) if found else None
    if name == "dateline":
        when = winners.published
        if when is None:
            return None
        timed = (when.hour, when.minute) != (0, 0)
        found = [
            el
            for el in page.elements
            if 0 < len(page.text(el)) <= _MAX_DATELINE
            and (not timed or _TIME.search(page.text(el)))
            and _parses_to(page.text(el), when)
        ]
        return _climb(page, _nearest(page, found, anchor)) if found else None
    if name == "authors":
        wanted = [_canon(a) for a in winners.authors]
        budget = sum(map(len, wanted)) + 40
        found = [
            el
            for el in page.elements
            if wanted and len(page.text(el)) <= budget and all(w in _canon(page.text(el)) for w in wanted)
        ]
        return _climb(page, _nearest(page, found, anchor)) if found else None
    if name == "tags":
        return _tag_parent(page, winners.tags)
    if name == "body" and winners.body:
        found = [el for el in page.elements if _body_share(page.text(el), winners.body) >= 0.8]
        return _climb(page, min(found, key=lambda el: len(page.text(el)))) if found else None
    return None


def _tag_parent(page: _Page, tags: Sequence[str]) -> HtmlElement | None:
    wanted = {_canon(t) for t in tags}
    if not wanted:
        return None
    covered: dict[HtmlElement, set[str]] = {}
    for el in page.elements:
        text = _canon(page.text(el))
        if el.tag != "a" or text not in wanted:
            continue
        parent, depth = el.getparent(), 0
        while parent is not None and depth < 4 and parent.tag not in ("body", "html"):
            covered.setdefault(parent, set()).add(text)
            parent, depth = parent.getparent(), depth + 1
    best = [el for el, seen in covered.items() if len(seen) >= 0.8 * len(wanted)]
    if not best:
        return None
    most = max(len(covered[el]) for el in best)
    return max((el for el in best if len(covered[el]) == most), key=lambda el: page.order[el])


# ----------------------------------------------------------------------------------- deriving a selector


def _simple(el: HtmlElement, page: _Page) -> list[str]:
    """`tag#id`, then `tag.class` by the class's rarity in the page, then two classes."""
    tag = str(el.tag)
    out: list[str] = []
    ident = el.get("id") or ""
    if re.fullmatch(r"[A-Za-z][\w-]*", ident) and not re.search(r"\d{3,}", ident):
        out.append(f"{tag}#{ident}")
    classes = sorted(_classes(el), key=lambda c: (page.class_counts[c], _classes(el).index(c)))
    out += [f"{tag}.{c}" for c in classes]
    if len(classes) >= 2:
        out.append(f"{tag}.{classes[0]}.{classes[1]}")
    return out


def candidates(page: _Page, el: HtmlElement) -> list[str]:
    """Selectors for `el`, most specific to the element first: its own, then under a classed ancestor."""
    own = _simple(el, page)
    out = list(own)
    parent, depth = el.getparent(), 0
    while parent is not None and depth < 3 and parent.tag not in ("body", "html"):
        for outer in _simple(parent, page)[:2]:
            out += [f"{outer} > {inner}" for inner in (own or [str(el.tag)])[:2]]
        parent, depth = parent.getparent(), depth + 1
    out.append(str(el.tag))
    return list(dict.fromkeys(out))


def derive(page: _Page, name: str, el: HtmlElement, accept: Callable[[str], bool]) -> str | None:
    """The first selector for `el` (for tags: its anchors) that `accept` takes."""
    for css in candidates(page, el):
        chosen = f"{css} a" if name == "tags" else css
        if accept(chosen):
            return chosen
    return None


# ------------------------------------------------------------------------------------------ page audits


@dataclass(frozen=True)
class FieldAudit:
    """One declared field on one page: the declared selectors' outcome and, where wrong, the correction."""

    field: str
    declared: tuple[str, ...]
    outcome: Outcome
    selector: str | None = None
    found: str = "(nothing)"
    winner: str = "(nothing)"
    located: str | None = None
    """The corrected selector, derived from where the winning value sits (None: none could be derived)."""

    @property
    def wrong(self) -> bool:
        return self.outcome in WRONG


@dataclass
class PageAudit:
    """Every declared field of one page."""

    url: str
    fields: dict[str, FieldAudit]
    winners: Winners
    page: _Page = field(repr=False, compare=False)
    template: str | None = None

    @property
    def wrong(self) -> list[str]:
        return [name for name, audit in self.fields.items() if audit.wrong]


def _judge(page: _Page, name: str, alternatives: Sequence[str], winners: Winners, site: Site) -> bool:
    """Whether `alternatives`, read as extraction reads them, find the winning value of `name`."""
    read = _read(page, name, alternatives, site)
    return read is not None and _agrees(name, read[0], winners, site)


def audit_page(
    doc: HtmlElement, site: Site, winners: Winners, *, url: str = "", template: str | None = None
) -> PageAudit:
    """The audit of one page against the site's declaration (see the module docstring)."""
    page = _Page.of(doc)
    selectors = declared_for(site, template).selectors
    result: dict[str, FieldAudit] = {}
    title_el: HtmlElement | None = None
    if winners.title:
        title_el = locate(page, "title", winners)
    body_read = _read(page, "body", selectors.body, site)
    body_el = next(iter(select(doc, body_read[1])), None) if body_read else None
    for name in AUDITED_FIELDS:
        declared: tuple[str, ...] = getattr(selectors, name)
        if not declared:
            continue
        read = _read(page, name, declared, site)
        found = _shown(read[0]) if read else "(nothing)"
        shown = winners.shown(name)
        base = FieldAudit(name, declared, "absent", read[1] if read else None, found, shown)
        if not winners.has(name):
            result[name] = base
            continue
        if read is not None and _agrees(name, read[0], winners, site):
            result[name] = replace(base, outcome="agreed")
            continue
        el = locate(page, name, winners, anchor=title_el)
        if el is None:
            result[name] = replace(base, outcome="unprinted")
            continue
        if name == "authors" and body_el is not None and _inside(el, body_el):
            result[name] = replace(base, outcome="in_body")
            continue
        fixed = derive(page, name, el, _acceptor(page, name, declared, winners, site))
        result[name] = replace(base, outcome="missed" if read is None else "disagreed", located=fixed)
    return PageAudit(url, result, winners, page, template)


def _acceptor(
    page: _Page, name: str, declared: tuple[str, ...], winners: Winners, site: Site
) -> Callable[[str], bool]:
    """Takes a selector that, tried before the declared ones, finds the winning value."""

    def accept(css: str) -> bool:
        return _judge(page, name, (css, *declared), winners, site)

    return accept


def _inside(el: HtmlElement, container: HtmlElement) -> bool:
    node: HtmlElement | None = el
    while node is not None:
        if node is container:
            return True
        node = node.getparent()
    return False


# ------------------------------------------------------------------------------------------ site audits


@dataclass
class FieldVerdict:
    """One declared field across the audited pages."""

    field: str
    declared: tuple[str, ...]
    outcomes: Counter[str]
    pages: int
    samples: list[tuple[str, FieldAudit]]
    suggested: tuple[str, ...] = ()
    fixed: int = 0
    """Pages on which the suggested selectors (tried first) find the winning value."""

    @property
    def wrong_count(self) -> int:
        return sum(self.outcomes[o] for o in WRONG)


@dataclass
class DeclarationAudit:
    """The declaration of one site checked on several pages; a field wrong on more than `most` of them is
    reported, with a corrected declaration."""

    site: Site
    pages: list[PageAudit] = field(default_factory=list)
    most: float = 0.5

    def verdicts(self) -> list[FieldVerdict]:
        out: list[FieldVerdict] = []
        for name in AUDITED_FIELDS:
            audits = [(p, p.fields[name]) for p in self.pages if name in p.fields]
            if not audits:
                continue
            outcomes: Counter[str] = Counter(a.outcome for _, a in audits)
            wrong = [(p.url, a) for p, a in audits if a.wrong]
            verdict = FieldVerdict(name, audits[0][1].declared, outcomes, len(audits), wrong[:3])
            if wrong:
                verdict.suggested, verdict.fixed = self._suggest(name, [p for p, _ in audits])
            out.append(verdict)
        return out

    def wrong_fields(self) -> list[FieldVerdict]:
        """Fields missed or disagreeing on more than `most` of the pages."""
        return [v for v in self.verdicts() if v.pages and v.wrong_count / v.pages > self.most]

    def _suggest(self, name: str, pages: list[PageAudit]) -> tuple[tuple[str, ...], int]:
        """Corrected selectors, most common first, each kept only where it makes more pages agree."""
        counts: Counter[str] = Counter()
        for p in pages:
            located = p.fields[name].located
            if p.fields[name].wrong and located:
                counts[located] += 1
        chosen: tuple[str, ...] = ()
        best = self._agreeing(name, pages, chosen)
        for css, _ in counts.most_common():
            trial = (*chosen, css)
            score = self._agreeing(name, pages, trial)
            if score > best:
                chosen, best = trial, score
        return chosen, (best if chosen else 0)

    def _agreeing(self, name: str, pages: list[PageAudit], first: tuple[str, ...]) -> int:
        total = 0
        for p in pages:
            audit = p.fields[name]
            if audit.outcome in ("agreed", "absent", "unprinted", "in_body"):
                total += audit.outcome == "agreed"
                continue
            total += _judge(p.page, name, (*first, *audit.declared), p.winners, self.site)
        return total

    def corrected(self) -> Selectors | None:
        """The site's own selectors with each wrong field's corrections first; None if nothing to correct."""
        changes = {
            v.field: tuple(dict.fromkeys(v.suggested + getattr(self.site.selectors, v.field)))
            for v in self.wrong_fields()
            if v.suggested
        }
        return replace(self.site.selectors, **changes) if changes else None

    def render(self) -> str:
        """The audit table and, per wrong field, its evidence."""
        verdicts = self.verdicts()
        n = len(self.pages)
        lines = [
            f"declaration of {self.site.key} against {n} pages (wrong: missed or disagreed on most pages)"
        ]
        if not verdicts:
            return "\n".join([*lines, "  no declared field to check"])
        heads = ("FIELD", "AGREED", "MISSED", "DISAGREED", "UNPRINTED", "ABSENT", "DECLARED")
        rows = [heads] + [
            (
                v.field,
                str(v.outcomes["agreed"] + v.outcomes["in_body"]),
                str(v.outcomes["missed"]),
                str(v.outcomes["disagreed"]),
                str(v.outcomes["unprinted"]),
                str(v.outcomes["absent"]),
                ", ".join(v.declared),
            )
            for v in verdicts
        ]
        widths = [max(len(r[i]) for r in rows) for i in range(len(heads))]
        lines += ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in rows]
        wrong = self.wrong_fields()
        for v in wrong:
            fix = (
                f"found at {', '.join(v.suggested)} (agrees on {v.fixed} of {v.pages} pages)"
                if v.suggested
                else "no element of the page could be pointed at"
            )
            lines.append(
                f"WRONG: {v.field}: declared selectors missed on {v.outcomes['missed']} and disagreed on "
                f"{v.outcomes['disagreed']} of {v.pages} pages; {fix}"
            )
            for url, a in v.samples:
                where = f" at {a.selector}" if a.selector else ""
                lines.append(f"  {url}")
                lines.append(f"    declared{where}: {a.found}  |  won: {a.winner}  |  found at: {a.located}")
        if not wrong:
            lines.append(f"OK: every declared field agrees on most of the {n} pages")
        return "\n".join(lines)

    def render_suggestion(self) -> str:
        """The corrected `[selectors]` table, ready to paste into the portal's record (TOML)."""
        corrected = self.corrected()
        if corrected is None:
            return f"# {self.site.key}: nothing to correct in the declaration"
        record = f"crawler/sites/portals/{self.site.key}.toml"
        return f"# {record}: replace its [selectors] table (or add it) with:\n" + format_selectors(corrected)


def format_selectors(selectors: Selectors) -> str:
    """The `[selectors]` table of a portal record (non-empty fields only), as `crawler.sites.records` writes it."""
    return "\n".join(toml_table("selectors", selectors_table(selectors)))


def parse_suggestion(text: str) -> Selectors:
    """The Selectors a printed suggestion declares (what pasting it into a portal record gives), read with
    `tomllib` and validated as the registry validates a record's `[selectors]` table."""
    found = re.search(r"^\[selectors\]\n(?:[^\n]+\n?)*", text, re.M)  # the table: up to a blank line
    if found is None:
        raise ValueError("the text declares no [selectors] table")
    return selectors_from_table(tomllib.loads(found.group())["selectors"])


__all__ = [
    "AUDITED_FIELDS",
    "DeclarationAudit",
    "FieldAudit",
    "FieldVerdict",
    "PageAudit",
    "Winners",
    "audit_page",
    "declared_for",
    "format_selectors",
    "parse_suggestion",
    "same_text",
    "winners_from",
]
